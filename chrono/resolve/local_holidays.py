"""Holidays whose day depends on the country ("Independence Day" is 15 August in India, 4 July in the US): the
day of the document's locale (its own, else the run's, else the one its outlet or URL suggests) from
``holiday_locale`` of locales.toml, in place of the day words.toml gives."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from chrono.lang import Language, or_default
from chrono.lang.sections import LocaleHints
from chrono.model import Document, Expression
from chrono.resolve.numeric_dates import OrderPolicy

__all__ = ["settle_local_holidays"]


def settle_local_holidays(expressions: list[Expression], document: Document, *, locale: str | None = None,
                          language: Language | None = None) -> list[Expression]:
    """The expressions with each country-dependent holiday set to the day of the document's locale."""
    hints = or_default(language).locales
    names = _names(hints)
    if names is None or not any(names.search(e.text) for e in expressions if e.partial.day is not None):
        return expressions
    chosen = OrderPolicy.of(language).document_locale(document, locale)
    if chosen is None:
        return expressions
    settled = []
    for expression in expressions:
        found = names.search(expression.text) if expression.partial.day is not None else None
        day = hints.holiday_locale.get(" ".join(found[0].lower().split()), {}).get(chosen) if found else None
        settled.append(replace(expression, partial=replace(expression.partial, month=day[0], day=day[1]))
                       if day else expression)
    return settled


@cache
def _names(hints: LocaleHints) -> re.Pattern[str] | None:
    if not hints.holiday_locale:
        return None
    names = sorted(hints.holiday_locale, key=len, reverse=True)
    return re.compile("|".join(r"\s+".join(map(re.escape, name.split())) for name in names), re.IGNORECASE)
