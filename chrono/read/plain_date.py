"""The plainest written dates read without dateparser: "March 4, 2024, 10:14:22 AM", "Wed May 03, 2023 10:14 am",
"4 March 2024". A forum page writes one per post and dateparser takes over a millisecond each.

Only forms dateparser reads to the same day are taken (checked against it on generated stamps): a month name,
a day and a four-digit year, an optional weekday before them (only when it is the date's own) and an optional
clock time after them (in range). Anything else, an impossible day included, is left to dateparser (None here).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import cache

from chrono.lang import CalendarNames


def plain_date(value: str, calendar: CalendarNames) -> dt.date | None:
    """The day ``value`` writes in one of the plain forms, or None (dateparser decides)."""
    match = _pattern(calendar).fullmatch(value)
    if match is None:
        return None
    names = _month_numbers(calendar)
    month = names[(match["month1"] or match["month2"]).lower()]
    try:
        day = dt.date(int(match["year"]), month, int(match["day1"] or match["day2"]))
    except ValueError:
        return None
    hour, minute, second = match["hour"], match["minute"], match["second"]
    if hour is not None and not (int(minute) < 60 and (second is None or int(second) < 60)
                                 and (1 <= int(hour) <= 12 if match["period"] else int(hour) < 24)):
        return None
    weekday = match["weekday"]
    if weekday is not None and _weekday_numbers(calendar)[weekday.lower()] != day.weekday():
        return None
    return day


@cache
def _month_numbers(calendar: CalendarNames) -> dict[str, int]:
    return {name.lower(): number for names in (calendar.months, calendar.month_abbreviations)
            for number, name in enumerate(names, 1)}


@cache
def _weekday_numbers(calendar: CalendarNames) -> dict[str, int]:
    return {name.lower(): number for names in (calendar.weekdays, calendar.weekday_abbreviations)
            for number, name in enumerate(names)}


@cache
def _pattern(calendar: CalendarNames) -> re.Pattern[str]:
    def alternatives(names: Iterable[str]) -> str:
        return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    month = alternatives(_month_numbers(calendar))
    weekday = alternatives(_weekday_numbers(calendar))
    period = alternatives(calendar.day_periods)
    return re.compile(
        rf"\s*(?:(?P<weekday>{weekday}),?\s+)?"
        rf"(?:(?P<month1>{month})\s+(?P<day1>[0-9]{{1,2}}),?|(?P<day2>[0-9]{{1,2}})\s+(?P<month2>{month}),?)\s+"
        rf"(?P<year>[0-9]{{4}})(?:,?\s+(?P<hour>[0-9]{{1,2}}):(?P<minute>[0-9][0-9])(?::(?P<second>[0-9][0-9]))?"
        rf"(?:\s?(?P<period>{period}))?)?\s*", re.IGNORECASE)
