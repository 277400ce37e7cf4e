"""Holidays whose date moves from year to year, by key (the tagger maps names to keys; see words.toml).

Fixed-date holidays ("Christmas") need no key: the tagger gives them as month/day. The keys here are
language-neutral calendar facts, so they live beside the resolver rather than under chrono/lang/.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

__all__ = ["HOLIDAYS", "holiday_date", "easter"]

# key -> ("easter", days after Easter Sunday) | ("nth", month, n, ISO weekday; n = -1 is the last)
#        | ("fixed", month, day) | ("after_nth", month, n, weekday, days after it)
HOLIDAYS: dict[str, tuple[Any, ...]] = {
    "EASTER": ("easter", 0),
    "EASTER_MONDAY": ("easter", 1),
    "GOOD_FRIDAY": ("easter", -2),
    "HOLY_THURSDAY": ("easter", -3),
    "PALM_SUNDAY": ("easter", -7),
    "ASH_WEDNESDAY": ("easter", -46),
    "MARDI_GRAS": ("easter", -47),
    "ASCENSION": ("easter", 39),
    "PENTECOST": ("easter", 49),
    "THANKSGIVING": ("nth", 11, 4, 4),
    "MLK_DAY": ("nth", 1, 3, 1),
    "PRESIDENTS_DAY": ("nth", 2, 3, 1),
    "MOTHERS_DAY": ("nth", 5, 2, 7),
    "MEMORIAL_DAY": ("nth", 5, -1, 1),
    "FATHERS_DAY": ("nth", 6, 3, 7),
    "LABOR_DAY": ("nth", 9, 1, 1),
    "COLUMBUS_DAY": ("nth", 10, 2, 1),
    "ELECTION_DAY": ("after_nth", 11, 1, 1, 1),  # the Tuesday after the first Monday of November
    "BLACK_FRIDAY": ("after_nth", 11, 4, 4, 1),  # the day after Thanksgiving
    "CYBER_MONDAY": ("after_nth", 11, 4, 4, 4),
    "GIVING_TUESDAY": ("after_nth", 11, 4, 4, 5),
    "SUPER_TUESDAY": ("nth", 3, 1, 2),  # US primaries: the first Tuesday of March in most cycles
    "CHRISTMAS": ("fixed", 12, 25),
    "CHRISTMAS_EVE": ("fixed", 12, 24),
    "NEW_YEARS_DAY": ("fixed", 1, 1),
    "NEW_YEARS_EVE": ("fixed", 12, 31),
    "INDEPENDENCE_DAY": ("fixed", 7, 4),
    "VETERANS_DAY": ("fixed", 11, 11),
    "HALLOWEEN": ("fixed", 10, 31),
    "VALENTINES_DAY": ("fixed", 2, 14),
}


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def nth_weekday(year: int, month: int, n: int, weekday: int) -> dt.date:
    """The ``n``-th ISO ``weekday`` of the month (n = -1: the last one)."""
    if n < 0:
        following = dt.date(year + (month == 12), month % 12 + 1, 1)
        last = following - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))


def holiday_date(key: str, year: int) -> dt.date | None:
    """The day of holiday ``key`` in ``year``; None for an unknown key."""
    rule = HOLIDAYS.get(key.upper())
    if rule is None:
        return None
    kind = rule[0]
    if kind == "easter":
        return easter(year) + dt.timedelta(days=rule[1])
    if kind == "fixed":
        return dt.date(year, rule[1], rule[2])
    if kind == "nth":
        return nth_weekday(year, rule[1], rule[2], rule[3])
    return nth_weekday(year, rule[1], rule[2], rule[3]) + dt.timedelta(days=rule[4])
