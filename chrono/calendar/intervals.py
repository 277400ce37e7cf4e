"""TIMEX3 value strings <-> calendar periods: the one place that knows the value grammar's calendar.

``interval_of`` reads any value into (first day, last day, granularity); the ``period_*`` helpers go the other
way, from a day and a granularity to the period that holds it, its bounds, its TIMEX3 string and its shifts.
Years before 1 AD cannot be held by ``datetime.date``: their values format fine but have no interval.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from typing import NamedTuple

import pendulum

from chrono.calendar.timex import Timex, parse_timex
from chrono.model import Granularity, PartialValue

__all__ = [
    "Interval",
    "OutOfCalendar",
    "SEASONS",
    "PARTS_OF_DAY",
    "add_days",
    "add_months",
    "days_after",
    "day_in_month",
    "calendar_suffix",
    "format_year",
    "interval_of",
    "period_bounds",
    "period_start",
    "period_value",
    "shift_period",
    "season_of",
    "season_bounds",
]

SEASONS = ("SP", "SU", "FA", "WI")
PARTS_OF_DAY = ("MO", "MI", "AF", "EV", "NI", "DT")
_SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_DAYS_PER_MONTH = 365.2425 / 12  # the Gregorian mean: the days of a fraction of a month


class Interval(NamedTuple):
    """The days a value covers, first and last included, and how precisely it names them (None only for a Value
    built by hand without a granularity)."""

    first: dt.date
    last: dt.date
    granularity: Granularity | None


class OutOfCalendar(ValueError):
    """A period that runs outside what ``datetime.date`` holds (1 January 1 to 31 December 9999)."""


def format_year(year: int) -> str:
    """A year as TIMEX3 writes it: four digits, ``BC`` before years up to 0 (``-44`` is 44 BC)."""
    return f"BC{-year:04d}" if year <= 0 else f"{year:04d}"


def calendar_suffix(p: PartialValue) -> str | None:
    """What follows the year in the value of ``p``'s calendar fields ("-03-02", "-WXX-2", "-Q3"); None when
    they name nothing below a year. Unknown parts are written as X."""
    if p.holiday is not None:
        return "-XX-XX"
    if p.weekend:
        return "-WXX-WE"
    if p.week_of:
        return "-WXX"
    if p.weekend_of:
        return "-WXX-WE"
    if p.weekday is not None and p.month is None and p.day is None:
        week = f"W{p.week:02d}" if p.week is not None else "WXX"
        return f"-{week}-{p.weekday}"
    if p.week is not None:
        return f"-W{p.week:02d}"
    if p.day is not None:
        month = f"{p.month:02d}" if p.month is not None else "XX"
        unknown = p.day < 0 or p.on_or_after  # counted from the month's end, or a weekday after it
        return f"-{month}-XX" if unknown else f"-{month}-{p.day:02d}"
    if p.month is not None:
        return f"-{p.month:02d}"
    if p.season is not None:
        return f"-{p.season}"
    if p.quarter is not None:
        return f"-Q{p.quarter}"
    if p.half is not None:
        return f"-H{p.half}"
    return None


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the last day of a shorter month (Jan 31 + 1 -> Feb 28/29)."""
    try:
        moved = pendulum.Date(day.year, day.month, day.day).add(months=months)  # pendulum clamps month ends
    except (ValueError, OverflowError):
        raise OutOfCalendar(f"{day.isoformat()} moved by {months} months") from None
    return dt.date(moved.year, moved.month, moved.day)


def _last_day(first: dt.date, months: int) -> dt.date:
    """The last day of the ``months`` months that begin on ``first`` (the first of a month)."""
    count = first.month - 1 + months - 1
    year, month = first.year + count // 12, count % 12 + 1
    if year > 9999:
        raise OutOfCalendar(f"{months} months from {first.isoformat()}")
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_days(day: dt.date, days: int) -> dt.date:
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        raise OutOfCalendar(f"{day.isoformat()} moved by {days} days") from None


def days_after(day: dt.date, days: int) -> dt.date | None:
    """``day`` moved by ``days``, or None past the calendar's ends (9999-12-31 has no next day)."""
    try:
        return add_days(day, days)
    except OutOfCalendar:
        return None


def day_in_month(year: int, month: int, day: int, weekday: int | None = None) -> dt.date:
    """The ``day`` of a month; a negative one counts from its end (-1 the last day, -4 the middle of the last
    seven: "the last week of May"). With ``weekday``, the first such weekday on or after it ("the last Friday
    of May": the Friday of the last seven days, from day -7). ValueError for a day the month does not have."""
    if day < 0:
        day += calendar.monthrange(year, month)[1] + 1
    found = dt.date(year, month, day)
    if weekday is None:
        return found
    found = add_days(found, (weekday - found.isoweekday()) % 7)
    if found.month != month:
        raise ValueError("no such weekday in the month")  # "the fifth Monday of June" in a four-Monday June
    return found


def season_of(day: dt.date) -> tuple[int, str]:
    """(year, season) holding ``day``; winter belongs to the year of its December."""
    if day.month == 12:
        return day.year, "WI"
    if day.month <= 2:
        return day.year - 1, "WI"
    return day.year, SEASONS[(day.month - 3) // 3]


def season_bounds(year: int, season: str) -> tuple[dt.date, dt.date]:
    if not 1 <= year <= 9999:
        raise OutOfCalendar(f"season {season} of year {year}")
    first = dt.date(year, _SEASON_FIRST_MONTH[season], 1)
    return first, _last_day(first, 3)


def period_bounds(day: dt.date, granularity: Granularity) -> tuple[dt.date, dt.date]:
    """First and last day of the period of ``granularity`` that holds ``day`` (finer than a day: the day).

    A week or winter that runs past the calendar's ends raises OutOfCalendar; longer periods are cut at them.
    """
    g = granularity
    if g >= Granularity.DAY:
        return day, day
    if g == Granularity.WEEK:
        monday = add_days(day, 1 - day.isoweekday())
        return monday, add_days(monday, 6)
    if g == Granularity.SEASON:
        return season_bounds(*season_of(day))
    months = {Granularity.MONTH: 1, Granularity.QUARTER: 3, Granularity.HALF: 6, Granularity.YEAR: 12}
    if g in months:
        size = months[g]
        first = dt.date(day.year, (day.month - 1) // size * size + 1, 1)
        return first, _last_day(first, size)
    years = {Granularity.DECADE: 10, Granularity.CENTURY: 100, Granularity.MILLENNIUM: 1000}[g]
    first_year = max(day.year // years * years, 1)
    last_year = min(day.year // years * years + years - 1, 9999)
    return dt.date(first_year, 1, 1), dt.date(last_year, 12, 31)


def period_start(day: dt.date, granularity: Granularity) -> dt.date:
    """The first day of the period of ``granularity`` that holds ``day`` (which may run past year 9999)."""
    if granularity == Granularity.WEEK:
        return add_days(day, 1 - day.isoweekday())
    if granularity == Granularity.SEASON:
        year, season = season_of(day)
        if year < 1:
            raise OutOfCalendar(f"the winter before {day.isoformat()}")
        return dt.date(year, _SEASON_FIRST_MONTH[season], 1)
    return period_bounds(day, granularity)[0]


def shift_period(day: dt.date, granularity: Granularity, count: float) -> dt.date:
    """``day`` moved by ``count`` periods of ``granularity`` (months clamp: Feb 29 + 1 year -> Feb 28).

    ``count`` may be a fraction ("3.5 months from now"): the whole months, then the rest in days.
    OutOfCalendar when the result lies before year 1 or after year 9999.
    """
    g = granularity
    if count == 0:
        return day
    if g >= Granularity.DAY:
        return add_days(day, math.floor(count)) if g == Granularity.DAY else day  # whole days, as timedelta counts
    if g == Granularity.WEEK:
        return add_days(day, math.floor(7 * count))
    months = {Granularity.MONTH: 1, Granularity.SEASON: 3, Granularity.QUARTER: 3, Granularity.HALF: 6,
              Granularity.YEAR: 12, Granularity.DECADE: 120, Granularity.CENTURY: 1200,
              Granularity.MILLENNIUM: 12000}[g]
    whole = math.floor(months * count)
    moved = add_months(day, whole)
    rest = months * count - whole
    return add_days(moved, round(rest * _DAYS_PER_MONTH)) if rest else moved


def period_value(day: dt.date, granularity: Granularity) -> str:
    """The TIMEX3 value of the period of ``granularity`` holding ``day`` (finer than a day: the day)."""
    g = granularity
    if g >= Granularity.DAY:
        return day.isoformat()
    if g == Granularity.WEEK:
        iso_year, iso_week, _ = day.isocalendar()
        return f"{iso_year:04d}-W{iso_week:02d}"
    if g == Granularity.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    if g == Granularity.SEASON:
        year, season = season_of(day)
        return f"{year:04d}-{season}"
    if g == Granularity.QUARTER:
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if g == Granularity.HALF:
        return f"{day.year:04d}-H{(day.month - 1) // 6 + 1}"
    if g == Granularity.YEAR:
        return f"{day.year:04d}"
    if g == Granularity.DECADE:
        return f"{day.year // 10:03d}"
    if g == Granularity.CENTURY:
        return f"{day.year // 100:02d}"
    return f"{day.year // 1000}"


def interval_of(value: str) -> Interval | None:
    """(first day, last day, granularity) of a TIMEX3 value; None for durations, sets, fuzzy or unknown ones.

    Partly unknown values keep what is known: ``2011-01-XX`` is some day of January 2011, ``199X`` of the 1990s.
    """
    try:
        return _interval(parse_timex(value.strip()))
    except ValueError:  # a month 13, a February 30, a week 54: not a period
        return None


def _interval(timex: Timex | None) -> Interval | None:
    if timex is None or timex.bc or timex.digits is None:
        return None  # before Christ, or no year known: datetime cannot place it
    t = timex
    if t.year is None:  # "199" and "199X" alike: the known digits name the decade (century...) holding the year
        return _years(t.first_year or 0, 10 ** (4 - t.places), t.year_granularity)
    if t.week is not None:
        monday = dt.date.fromisocalendar(t.year, t.week, 1)
        if t.weekend:
            return Interval(add_days(monday, 5), add_days(monday, 6), Granularity.WEEK)
        if t.weekday is not None:
            day = add_days(monday, t.weekday - 1)
            return Interval(day, day, Granularity.DAY)
        return Interval(monday, add_days(monday, 6), Granularity.WEEK)
    if t.month is not None and t.granularity >= Granularity.DAY:
        day = dt.date(t.year, t.month, t.day or 1)
        return Interval(day, day, t.granularity)
    if t.month is not None:
        first = dt.date(t.year, t.month, 1)
        return Interval(first, _last_day(first, 1), Granularity.MONTH)
    for n, size, granularity in ((t.quarter, 3, Granularity.QUARTER), (t.half, 6, Granularity.HALF)):
        if n is not None:
            if not 1 <= n <= 12 // size:
                return None
            first = dt.date(t.year, (n - 1) * size + 1, 1)
            return Interval(first, _last_day(first, size), granularity)
    if t.season is not None:
        return Interval(*season_bounds(t.year, t.season), Granularity.SEASON)
    return _years(t.year, 1, Granularity.YEAR)


def _years(first: int, span: int, granularity: Granularity) -> Interval | None:
    """The ``span`` years from ``first``, cut at the calendar's ends; None when none of them is in it."""
    if first + span - 1 < 1:
        return None
    return Interval(dt.date(max(first, 1), 1, 1), dt.date(min(first + span - 1, 9999), 12, 31), granularity)
