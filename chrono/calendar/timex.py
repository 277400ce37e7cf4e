"""TIMEX3 date and time values read once into their fields: the one parser of the value grammar.

Intervals (calendar/intervals.py), eras (calendar/era.py), labels, the HTML ``datetime`` attribute and the
exporters' clock times all read a value through ``parse_timex``. A value is a year part (``2023``, a decade
``199``, a century ``19``, a millennium ``1``, unknown digits as X: ``199X``, ``XXXX``; ``BC`` before years
before Christ) and optionally one part below it: ``-MM[-DD[Thh:mm:ss|TMO]]``, ``-Www[-d|-WE]``, ``-Qn``,
``-Hn`` or a season ``-SP``. Parts written as X are unknown. Durations, sets and references (``P3W``,
``PRESENT_REF``) are not dates: ``parse_timex`` gives None for them, as for anything it cannot read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from chrono.model import Granularity

__all__ = ["Timex", "parse_timex"]

_NUMBER = r"\d{2}|XX"
_GRAMMAR = re.compile(
    r"(?P<bc>BC)?(?P<digits>\d{1,4})?(?P<unknown>X{0,4})"
    r"(?:-(?:"
    rf"(?P<month>{_NUMBER})(?:-(?P<day>{_NUMBER})"
    r"(?:T(?:(?P<pod>MO|MI|AF|EV|NI|DT)|(?P<hour>\d{2})(?::(?P<minute>\d{2})(?::(?P<second>\d{2})(?P<fraction>\.\d+)?)?)?))?"
    r"(?P<zone>Z|[+-]\d{2}(?::?\d{2})?)?)?"
    r"|W(?P<week>\d{1,2}|XX)(?:-(?P<weekday>[1-7]|WE))?"
    r"|(?P<part>[QH])(?P<n>\d|X)"
    r"|(?P<season>SP|SU|FA|WI)"
    r"))?"
)
_PLACES = {4: Granularity.YEAR, 3: Granularity.DECADE, 2: Granularity.CENTURY, 1: Granularity.MILLENNIUM}


@dataclass(frozen=True, slots=True)
class Timex:
    """The fields of a TIMEX3 date or time value; None for a part the value leaves out or writes as X."""

    granularity: Granularity  # the finest part known without a gap: "2011-01-XX" is a month, "2023-QX" a year
    digits: int | None  # the known leading digits of the year: 2023, 199 (the 1990s), 19 (the 1900s); None: XXXX
    places: int = 4  # how many of the year's four places those digits fill (3: a decade, 2: a century)
    bc: bool = False
    month: int | None = None
    day: int | None = None
    week: int | None = None
    weekday: int | None = None  # ISO, Monday = 1
    weekend: bool = False
    quarter: int | None = None
    half: int | None = None
    season: str | None = None  # SP SU FA WI
    part_of_day: str | None = None  # MO MI AF EV NI DT
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    zone: str | None = None  # a clock time's UTC offset as written: "-07:00", "+0530", "Z"
    exact: bool = True  # False when the value carries what HTML's datetime cannot say: a fraction of a second

    @property
    def year(self) -> int | None:
        """The year when all four digits are known (the number as written: 44 for BC0044)."""
        return self.digits if self.places == 4 else None

    @property
    def first_year(self) -> int | None:
        """The first year of the year, decade, century or millennium the year part names."""
        return None if self.digits is None else self.digits * 10 ** (4 - self.places)

    @property
    def year_granularity(self) -> Granularity:
        """What the year part alone names: a year, decade, century or millennium."""
        return _PLACES[self.places]


@lru_cache(maxsize=8192)  # values repeat ("2023", "2023-03-02"); the result is immutable
def parse_timex(value: str) -> Timex | None:
    """The fields of a TIMEX3 date or time value, or None when it is not one (durations, sets, references)."""
    match = _GRAMMAR.fullmatch(value)
    if match is None:
        return None
    digits, unknown = match["digits"] or "", match["unknown"]
    places = len(digits)
    below = match.end("unknown") < len(match.string)
    if places + len(unknown) not in range(1, 5) or (below and (places + len(unknown) != 4 or places not in (0, 4))):
        return None  # a part below the year needs a year of four digits, or XXXX; five places are no year
    if places == 0 and match["bc"]:
        return None
    fields = _below_year(match)
    if fields is None:
        return None
    granularity = fields.pop("granularity", None) or _PLACES.get(places, Granularity.YEAR)
    return Timex(granularity, int(digits) if digits else None, max(places, 1) if digits else 4,
                 bool(match["bc"]), **fields)


def _below_year(match: re.Match[str]) -> dict[str, Any] | None:
    """The parts below the year as Timex fields, with the granularity of the finest one; None when a known part
    follows an unknown one ("2023-XX-02", "XXXX-WXX-2", "1918-04-XXTNI"): no period holds it."""
    fields: dict[str, Any] = {}
    if match["week"] is not None:
        if match["week"] == "XX":
            return None if match["weekday"] else fields
        fields["week"] = int(match["week"])
        if match["weekday"] == "WE":
            fields.update(weekend=True, granularity=Granularity.WEEK)
        elif match["weekday"]:
            fields.update(weekday=int(match["weekday"]), granularity=Granularity.DAY)
        else:
            fields["granularity"] = Granularity.WEEK
        return fields
    if match["part"] is not None:
        if match["n"] != "X":
            kind = "quarter" if match["part"] == "Q" else "half"
            fields[kind] = int(match["n"])
            fields["granularity"] = Granularity.QUARTER if kind == "quarter" else Granularity.HALF
        return fields
    if match["season"] is not None:
        return {"season": match["season"], "granularity": Granularity.SEASON}
    if match["month"] is None:
        return fields
    month, day = _number(match["month"]), _number(match["day"])
    timed = match["pod"] or match["hour"] or match["zone"]
    if (month is None and day is not None) or (day is None and timed):
        return None
    fields.update(month=month, day=day)
    if month is None:
        return fields
    fields["granularity"] = Granularity.MONTH
    if day is None:
        return fields
    fields["granularity"] = Granularity.DAY
    if match["pod"]:
        fields.update(part_of_day=match["pod"], granularity=Granularity.PART_OF_DAY)
    elif match["hour"]:
        fields["hour"] = int(match["hour"])
        fields["granularity"] = Granularity.HOUR
        if match["minute"]:
            fields.update(minute=int(match["minute"]), granularity=Granularity.MINUTE)
        if match["second"]:
            fields.update(second=int(match["second"]), granularity=Granularity.SECOND)
    fields.update(zone=match["zone"], exact=match["fraction"] is None)
    return fields


def _number(text: str | None) -> int | None:
    return None if text is None or text == "XX" else int(text)

