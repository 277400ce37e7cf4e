"""Years before Christ, which ``datetime.date`` cannot hold: arithmetic on TIMEX3 ``BC`` values as plain numbers.

Histories of antiquity anchor "the following year", "that summer" or a bare "480" on the latest BC mention.
Years are counted as TIMEX3 writes them: ``BC0490`` is 490 BC; the count runs down towards AD 1.
"""

from __future__ import annotations

from chrono.calendar.intervals import calendar_suffix
from chrono.calendar.timex import parse_timex
from chrono.model import Direction, Granularity, PartialValue, Value

__all__ = ["bc_granularity", "bc_period_value", "bc_value", "resolve_in_bc"]

_DIGITS = {Granularity.YEAR: 4, Granularity.DECADE: 3, Granularity.CENTURY: 2}
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # where a season stands in its year, as a month
_ERA_REACH = 100  # a bare year this much past a BC anchor's year is read as AD ("1066" after "44 BC")


def bc_value(value: Value | None) -> tuple[int, Granularity] | None:
    """(the BC year, decade or century number, its granularity) of a BC value; None for anything else."""
    if value is None:
        return None
    year_part = parse_timex(value.value.partition("-")[0])  # the era is in the year: "BC0480-WXX-2" is 480 BC
    if year_part is None or not year_part.bc or year_part.digits is None or year_part.places < 2:
        return None
    return year_part.digits, year_part.year_granularity


def bc_period_value(year: int, granularity: Granularity) -> str:
    """The BC value of the year, decade or century (coarser: century) that holds the astronomical ``year``
    (0 is 1 BC, -477 is 478 BC: there is no year 0), as "25 centuries ago" counts back from an AD year."""
    if year > 0:
        raise ValueError(f"year {year} is not before Christ")
    number = 1 - year
    digits = _DIGITS.get(granularity, 2)
    return f"BC{number // 10 ** (4 - digits):0{digits}d}"


def bc_granularity(value: Value) -> Granularity | None:
    found = bc_value(value)
    return found[1] if found else None


def resolve_in_bc(partial: PartialValue, anchor: Value) -> str | None:
    """The value of ``partial`` counted from a BC mention; None when the partial does not depend on the era."""
    found = bc_value(anchor)
    if found is None:
        return None
    number, granularity = found
    year = number if granularity == Granularity.YEAR else number * 10 ** (4 - len(str(number)) - 1)
    p = partial
    if p.year is not None:  # "17 August 480" keeps its day: BC0480-08-17
        in_era = p.year > 0 and p.year <= year + _ERA_REACH
        return f"BC{p.year:04d}{calendar_suffix(p) or ''}" if in_era else None
    if p.century is not None and p.decade is None:
        return f"BC{p.century:02d}" if p.century > 0 and p.century * 100 <= year + _ERA_REACH else None
    if p.decade is not None:
        return f"BC{p.decade:03d}" if p.decade > 0 and p.decade * 10 <= year + _ERA_REACH else None
    suffix = calendar_suffix(p)
    if suffix is not None and suffix != "-WI" and granularity == Granularity.YEAR:
        year = _year_of_step(p, anchor, year)
    if suffix == "-WI" and year > 1:  # the winter after the mention, named by the year of its January
        return f"BC{year - 1:04d}-WI"
    if suffix is not None:
        return f"BC{year:04d}{suffix}"
    unit = p.unit if p.unit is not None else Granularity.DAY
    shift = int(p.shift)  # whole units, as in AD ("1.5 centuries later" steps one)
    if unit == Granularity.YEAR:
        return f"BC{year - shift:04d}" if year - shift > 0 else None
    if unit == Granularity.DECADE:  # a count past BC000 or BC00 would cross into the AD era
        return f"BC{year // 10 - shift:03d}" if year // 10 - shift >= 0 else None
    if unit == Granularity.CENTURY:
        return f"BC{year // 100 - shift:02d}" if year // 100 - shift >= 0 else None
    return f"BC{year:04d}" + {Granularity.MONTH: "-XX", Granularity.WEEK: "-WXX"}.get(unit, "-XX-XX")


def _place_in_year(month: int | None, season: str | None) -> int | None:
    return month if month is not None else _SEASON_MONTH.get(season or "")


def _year_of_step(partial: PartialValue, anchor: Value, year: int) -> int:
    """The BC year of "the following spring" or "the previous March" told after a month or season of ``year``:
    the next one after it (a year nearer AD when it is not later in that year), or the one before it (a year
    further back when it is not earlier)."""
    told = parse_timex(anchor.value)
    target = _place_in_year(partial.month, partial.season)
    if target is None or told is None or partial.year is not None:
        return year
    here = _place_in_year(told.month, told.season)
    if here is None:  # after a bare year, as in AD: "the previous March" is the year before, "the following" its own
        return year + 1 if partial.direction is Direction.PAST else year
    if partial.direction is Direction.FUTURE and target <= here:
        return year - 1 if year > 1 else year
    if partial.direction is Direction.PAST and target >= here:
        return year + 1
    return year
