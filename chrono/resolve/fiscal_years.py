"""Financial years by the document's locale: India's runs April-March, Australia's July-June, the UK's from April,
the US federal government's October-September (``fiscal_year_start`` of locales.toml).

TIMEX3 writes calendar periods only: a year that runs from April has no value of its own. So a financial year is
written as the year its label names, the one it ends in, as "FY24" and "fiscal 2024" are (and TimeBank's "fiscal
1989"): in a document of one of these locales "this financial year" is the one that holds the publication date
(2024 in India from April 2023 to March 2024, 2025 from April 2024), and "the 2023-24 financial year" is 2024,
the same year. A document of a locale without an entry, or with none, keeps calendar years.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from chrono.lang import Language, or_default
from chrono.model import Anchor, Document, Expression, Granularity, PartialValue
from chrono.resolve.numeric_dates import OrderPolicy

__all__ = ["settle_fiscal_years"]

# a pair of years as a fiscal year's label writes them ("2023-24", "2023/2024", "FY 2024-25"): digits, no words
_YEAR_PAIR = re.compile(r"\d[-–/](?:\d\d)?\d\d(?!\d)")


def settle_fiscal_years(expressions: list[Expression], document: Document, *, locale: str | None = None,
                        language: Language | None = None) -> list[Expression]:
    """The expressions with each financial year of the document's locale named by the year it ends in."""
    language = or_default(language)
    starts = language.locales.fiscal_year_start
    if not starts or document.published is None:
        return expressions
    fiscal = _fiscal(language.patterns["fiscal_year_word"])
    if not any(fiscal.search(expression.text) for expression in expressions):
        return expressions
    chosen = OrderPolicy.of(language).document_locale(document, locale)
    start = starts.get(chosen) if chosen else None
    if start is None or tuple(start) == (1, 1):
        return expressions
    published = document.published
    holding = published.year + (1 if (published.month, published.day) >= (start[0], start[1]) else 0)  # its end
    settled = []
    for expression in expressions:
        partial = _settled(expression.partial, holding, expression.text) if fiscal.search(expression.text) else None
        settled.append(replace(expression, partial=partial) if partial is not None else expression)
    return settled


def _settled(p: PartialValue, holding: int, text: str) -> PartialValue | None:
    """A financial year's partial value named by the year it ends in; None when it names no whole one."""
    if p.literal is not None or any(field is not None for field in (p.half, p.quarter, p.month, p.week, p.day)):
        return None
    if p.unit is Granularity.YEAR and p.year is None and p.anchor is not Anchor.PREVIOUS:
        return replace(p, year=holding + p.shift, unit=None, shift=0, anchor=Anchor.CONTEXT)  # "this financial year"
    if p.year is not None and p.unit is None and _YEAR_PAIR.search(text):
        return replace(p, year=p.year + 1)  # "the 2023-24 financial year": the year it ends in
    return None


@cache
def _fiscal(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)
