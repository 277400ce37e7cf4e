"""interval_of and the period helpers as tables."""

from __future__ import annotations

import datetime as dt

import pytest

from chrono.calendar.intervals import add_months, format_year, interval_of, period_bounds, period_value, shift_period
from chrono.model import Granularity

D = dt.date
G = Granularity

INTERVALS = [
    ("2023-03-02", D(2023, 3, 2), D(2023, 3, 2), G.DAY),
    ("2024-02-29", D(2024, 2, 29), D(2024, 2, 29), G.DAY),
    ("2023-03", D(2023, 3, 1), D(2023, 3, 31), G.MONTH),
    ("2024-02", D(2024, 2, 1), D(2024, 2, 29), G.MONTH),
    ("2023-02", D(2023, 2, 1), D(2023, 2, 28), G.MONTH),
    ("2023", D(2023, 1, 1), D(2023, 12, 31), G.YEAR),
    ("2023-W09", D(2023, 2, 27), D(2023, 3, 5), G.WEEK),
    ("2020-W53", D(2020, 12, 28), D(2021, 1, 3), G.WEEK),
    ("2000-W7", D(2000, 2, 14), D(2000, 2, 20), G.WEEK),
    ("2020-W01", D(2019, 12, 30), D(2020, 1, 5), G.WEEK),
    ("2023-W09-WE", D(2023, 3, 4), D(2023, 3, 5), G.WEEK),
    ("2023-W09-3", D(2023, 3, 1), D(2023, 3, 1), G.DAY),
    ("2022-Q4", D(2022, 10, 1), D(2022, 12, 31), G.QUARTER),
    ("2023-Q1", D(2023, 1, 1), D(2023, 3, 31), G.QUARTER),
    ("2023-H2", D(2023, 7, 1), D(2023, 12, 31), G.HALF),
    ("2023-SP", D(2023, 3, 1), D(2023, 5, 31), G.SEASON),
    ("2023-SU", D(2023, 6, 1), D(2023, 8, 31), G.SEASON),
    ("2023-FA", D(2023, 9, 1), D(2023, 11, 30), G.SEASON),
    ("2023-WI", D(2023, 12, 1), D(2024, 2, 29), G.SEASON),
    ("2022-WI", D(2022, 12, 1), D(2023, 2, 28), G.SEASON),
    ("199", D(1990, 1, 1), D(1999, 12, 31), G.DECADE),
    ("199X", D(1990, 1, 1), D(1999, 12, 31), G.DECADE),
    ("19", D(1900, 1, 1), D(1999, 12, 31), G.CENTURY),
    ("2", D(2000, 1, 1), D(2999, 12, 31), G.MILLENNIUM),
    ("2023-03-02TMO", D(2023, 3, 2), D(2023, 3, 2), G.PART_OF_DAY),
    ("2013-03-23T15:00", D(2013, 3, 23), D(2013, 3, 23), G.MINUTE),
    ("2013-03-23T15", D(2013, 3, 23), D(2013, 3, 23), G.HOUR),
    ("2013-03-23T15:00:12", D(2013, 3, 23), D(2013, 3, 23), G.SECOND),
    ("2013-03-23T15:00Z", D(2013, 3, 23), D(2013, 3, 23), G.MINUTE),
    ("2011-01-XX", D(2011, 1, 1), D(2011, 1, 31), G.MONTH),
    ("1998-XX-XX", D(1998, 1, 1), D(1998, 12, 31), G.YEAR),
    ("1989-WXX", D(1989, 1, 1), D(1989, 12, 31), G.YEAR),
]


@pytest.mark.parametrize(("value", "start", "end", "granularity"), INTERVALS)
def test_interval_of(value: str, start: dt.date, end: dt.date, granularity: Granularity) -> None:
    assert interval_of(value) == (start, end, granularity)


@pytest.mark.parametrize("value", [
    "P3W", "PXY", "PT2H", "PRESENT_REF", "PAST_REF", "FUTURE_REF", "XXXX-03-02", "XXXX-WXX-1", "BC0044",
    "2023-13", "2023-02-30", "2023-W54", "2023-Q5", "2023-H3", "", "tomorrow", "12345",
])
def test_no_interval(value: str) -> None:
    assert interval_of(value) is None


PERIODS = [
    # (day, granularity, value, first day, last day)
    (D(2023, 3, 2), G.DAY, "2023-03-02", D(2023, 3, 2), D(2023, 3, 2)),
    (D(2023, 3, 2), G.WEEK, "2023-W09", D(2023, 2, 27), D(2023, 3, 5)),
    (D(2021, 1, 1), G.WEEK, "2020-W53", D(2020, 12, 28), D(2021, 1, 3)),
    (D(2023, 3, 2), G.MONTH, "2023-03", D(2023, 3, 1), D(2023, 3, 31)),
    (D(2023, 1, 15), G.SEASON, "2022-WI", D(2022, 12, 1), D(2023, 2, 28)),
    (D(2023, 3, 2), G.QUARTER, "2023-Q1", D(2023, 1, 1), D(2023, 3, 31)),
    (D(2023, 8, 2), G.HALF, "2023-H2", D(2023, 7, 1), D(2023, 12, 31)),
    (D(2023, 3, 2), G.YEAR, "2023", D(2023, 1, 1), D(2023, 12, 31)),
    (D(2023, 3, 2), G.DECADE, "202", D(2020, 1, 1), D(2029, 12, 31)),
    (D(1999, 3, 2), G.CENTURY, "19", D(1900, 1, 1), D(1999, 12, 31)),
]


@pytest.mark.parametrize(("day", "granularity", "value", "first", "last"), PERIODS)
def test_period(day: dt.date, granularity: Granularity, value: str, first: dt.date, last: dt.date) -> None:
    assert (period_value(day, granularity), period_bounds(day, granularity)) == (value, (first, last))


SHIFTS = [
    (D(2024, 2, 29), G.YEAR, 1, D(2025, 2, 28)),
    (D(2024, 2, 29), G.YEAR, 4, D(2028, 2, 29)),
    (D(2023, 1, 31), G.MONTH, 1, D(2023, 2, 28)),
    (D(2024, 1, 31), G.MONTH, 1, D(2024, 2, 29)),
    (D(2023, 3, 31), G.MONTH, -1, D(2023, 2, 28)),
    (D(2020, 12, 31), G.DAY, 1, D(2021, 1, 1)),
    (D(2020, 12, 31), G.WEEK, 1, D(2021, 1, 7)),
    (D(2023, 11, 15), G.QUARTER, 1, D(2024, 2, 15)),
    (D(2023, 3, 2), G.DECADE, -1, D(2013, 3, 2)),
    (D(2023, 3, 2), G.HOUR, 5, D(2023, 3, 2)),
    # a fraction ("3.5 months from now"): whole months, then the rest in days (a float count crashed pendulum)
    (D(2024, 1, 1), G.MONTH, 3.5, D(2024, 4, 16)),
    (D(2024, 1, 1), G.MONTH, -3.5, D(2023, 9, 16)),
    (D(2024, 1, 1), G.YEAR, 2.5, D(2026, 7, 1)),
    (D(2024, 1, 1), G.YEAR, 2.0, D(2026, 1, 1)),
    (D(2024, 1, 1), G.SEASON, 1.5, D(2024, 5, 16)),
]


@pytest.mark.parametrize(("day", "granularity", "count", "expected"), SHIFTS)
def test_shift_period(day: dt.date, granularity: Granularity, count: float, expected: dt.date) -> None:
    assert shift_period(day, granularity, count) == expected


@pytest.mark.parametrize(("year", "expected"), [(2023, "2023"), (476, "0476"), (-44, "BC0044"), (0, "BC0000")])
def test_format_year(year: int, expected: str) -> None:
    assert format_year(year) == expected


def test_add_months_across_years() -> None:
    assert add_months(D(2023, 11, 30), 3) == D(2024, 2, 29)
