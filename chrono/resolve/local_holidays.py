"""Holidays whose day depends on the country ("Independence Day" is 15 August in India, 4 July in the US; "Mother's
Day" is Mothering Sunday in the UK; "Election Day" is no one day outside the US): the day of the document's locale
(its own, else the run's, else the one its outlet or URL suggests) from ``holiday_locale`` of locales.toml, in
place of the day words.toml gives. A locale's entry is a fixed day, a rule of chrono/calendar/holidays.py, or
false: the locale keeps no one such day, so the name stays a date of unknown day rather than another country's."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache

from chrono.calendar.holidays import HOLIDAYS
from chrono.lang import Language, or_default
from chrono.lang.schema import SchemaError
from chrono.lang.sections import OTHER_LOCALES, LocalHoliday
from chrono.model import Document, Expression, PartialValue
from chrono.resolve.numeric_dates import OrderPolicy

__all__ = ["settle_local_holidays", "local_holiday"]

_UNKNOWN_DAY = "XXXX-XX-XX"  # a date whose day is not known (TIMEX3 writes unknown digits as X)


def settle_local_holidays(expressions: list[Expression], document: Document, *, locale: str | None = None,
                          language: Language | None = None) -> list[Expression]:
    """The expressions with each country-dependent holiday set to the day of the document's locale."""
    language = or_default(language)
    names = _names(language)
    if names is None or not any(_named(names, e) for e in expressions):
        return expressions
    chosen = OrderPolicy.of(language).document_locale(document, locale)
    if chosen is None:
        return expressions
    settled = []
    for expression in expressions:
        found = _named(names, expression)
        day = local_holiday(language, found, chosen) if found else None
        settled.append(expression if day is None else replace(expression, partial=_on(expression.partial, day)))
    return settled


def local_holiday(language: Language, name: str, locale: str) -> LocalHoliday | None:
    """Holiday ``name``'s day in ``locale`` (its own entry, else the one for every other locale); None: words.toml's."""
    days = language.locales.holiday_locale.get(name, {})
    return days.get(locale, days.get(OTHER_LOCALES))


def _named(names: _Names, expression: Expression) -> str | None:
    """The holiday of holiday_locale an expression names, when its value is still words.toml's day for that name."""
    partial = expression.partial
    if partial.literal is not None or (partial.day is None and partial.holiday is None):
        return None
    found = names.pattern.search(expression.text)
    if found is None:
        return None
    name = names.by_spelling[_spelling(found[0])]
    default = names.defaults[name]
    # a rule that made another day of the name ("the Friday after Thanksgiving") keeps its own
    return name if default in (partial.holiday, (partial.month, partial.day)) else None


def _on(partial: PartialValue, day: LocalHoliday) -> PartialValue:
    if isinstance(day, bool):  # false: no one such day (the schema allows no true)
        literal = _UNKNOWN_DAY if partial.year is None else f"{partial.year:04d}{_UNKNOWN_DAY[4:]}"
        return replace(partial, literal=literal, holiday=None, month=None, day=None)
    if isinstance(day, str):
        return replace(partial, holiday=day, month=None, day=None)
    return replace(partial, holiday=None, month=day[0], day=day[1])


def _spelling(text: str) -> str:
    """A name as compared: lower case, single spaces, no apostrophes ("Mothers' Day" is "mothers day")."""
    return " ".join(text.lower().replace("'", "").replace("\u2019", "").split())


def _word(word: str) -> str:
    """One word of a name as a pattern, its apostrophes optional and either kind ("mother's": "mothers", "mother’s")."""
    return "['\u2019]?".join(map(re.escape, word.split("'")))


@dataclass(frozen=True)
class _Names:
    """The holiday names of holiday_locale: one pattern for them all, and the day words.toml gives each."""

    pattern: re.Pattern[str]
    by_spelling: Mapping[str, str]  # "mothers day" -> "mother's day"
    defaults: Mapping[str, object]  # "mother's day" -> "MOTHERS_DAY"; "labour day" -> (5, 1)


@cache
def _names(language: Language) -> _Names | None:
    table = language.locales.holiday_locale
    if not table:
        return None
    holidays = language.words.tables.get("holiday", {})
    defaults: dict[str, object] = {}
    for name, days in table.items():
        entry = holidays.get(name)
        if not isinstance(entry, Mapping):
            raise SchemaError(f"holiday_locale.{name}", "names no holiday of words.toml")
        defaults[name] = entry["holiday"] if "holiday" in entry else (entry.get("month"), entry.get("day"))
        for locale, day in days.items():
            if isinstance(day, str) and day not in HOLIDAYS:
                raise SchemaError(f"holiday_locale.{name}.{locale}", f"names no rule of the calendar: {day}")
    names = sorted(table, key=len, reverse=True)
    pattern = re.compile("|".join(r"\s+".join(map(_word, name.split())) for name in names), re.IGNORECASE)
    return _Names(pattern, {_spelling(name): name for name in names}, defaults)
