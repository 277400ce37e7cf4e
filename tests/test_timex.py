"""The one TIMEX3 value parser: value -> fields, as a table; and what each reader of values makes of them."""

from __future__ import annotations

import datetime as dt

import pytest

from chrono.calendar.timex import Timex, parse_timex
from chrono.model import Granularity, Value
from chrono.render.exporters.event_fields import clock_time
from chrono.render.filters import datetime_attr

G = Granularity


@pytest.mark.parametrize(("value", "expected"), [
    ("2023", Timex(G.YEAR, 2023)),
    ("199", Timex(G.DECADE, 199, places=3)),
    ("199X", Timex(G.DECADE, 199, places=3)),
    ("19XX", Timex(G.CENTURY, 19, places=2)),
    ("1", Timex(G.MILLENNIUM, 1, places=1)),
    ("XXXX", Timex(G.YEAR, None)),
    ("BC0480", Timex(G.YEAR, 480, bc=True)),
    ("BC04", Timex(G.CENTURY, 4, places=2, bc=True)),
    ("BC0480-SU", Timex(G.SEASON, 480, bc=True, season="SU")),
    ("2023-03", Timex(G.MONTH, 2023, month=3)),
    ("2011-01-XX", Timex(G.MONTH, 2011, month=1)),
    ("2023-XX-XX", Timex(G.YEAR, 2023)),
    ("XXXX-12-25", Timex(G.DAY, None, month=12, day=25)),
    ("2023-03-02", Timex(G.DAY, 2023, month=3, day=2)),
    ("2023-03-02TMO", Timex(G.PART_OF_DAY, 2023, month=3, day=2, part_of_day="MO")),
    ("2023-03-02T14", Timex(G.HOUR, 2023, month=3, day=2, hour=14)),
    ("2023-03-02T14:05:30", Timex(G.SECOND, 2023, month=3, day=2, hour=14, minute=5, second=30)),
    ("2023-03-02T14:05Z", Timex(G.MINUTE, 2023, month=3, day=2, hour=14, minute=5, zone="Z")),
    ("2023-W09", Timex(G.WEEK, 2023, week=9)),
    ("2023-W9", Timex(G.WEEK, 2023, week=9)),
    ("2023-W09-WE", Timex(G.WEEK, 2023, week=9, weekend=True)),
    ("2023-W09-3", Timex(G.DAY, 2023, week=9, weekday=3)),
    ("2023-WXX", Timex(G.YEAR, 2023)),
    ("2023-Q3", Timex(G.QUARTER, 2023, quarter=3)),
    ("2023-QX", Timex(G.YEAR, 2023)),
    ("2023-H2", Timex(G.HALF, 2023, half=2)),
    ("2020-WI", Timex(G.SEASON, 2020, season="WI")),
    # not date values, or a known part after an unknown one: no period holds them
    ("P3W", None), ("PRESENT_REF", None), ("", None), ("20233", None), ("199X-03", None), ("BC", None),
    ("2023-XX-02", None), ("XXXX-WXX-2", None), ("1918-04-XXTNI", None), (" 2023", None),
])
def test_parse_timex(value: str, expected: Timex | None) -> None:
    assert parse_timex(value) == expected


@pytest.mark.parametrize(("value", "start", "expected"), [
    ("2023", dt.date(2023, 1, 1), "2023"),
    ("2023-03", dt.date(2023, 3, 1), "2023-03"),
    ("2023-W09", dt.date(2023, 2, 27), "2023-W09"),
    ("2023-03-02T14:05", dt.date(2023, 3, 2), "2023-03-02T14:05"),
    ("2023-03-02T14:05:30", dt.date(2023, 3, 2), "2023-03-02T14:05:30"),
    # what HTML cannot say is written as the first day of the interval
    ("2023-03-02TMO", dt.date(2023, 3, 2), "2023-03-02"),
    ("2023-03-02T14", dt.date(2023, 3, 2), "2023-03-02"),
    ("2023-03-02T14:05Z", dt.date(2023, 3, 2), "2023-03-02T14:05Z"),  # a global date and time in HTML
    ("2023-W9", dt.date(2023, 2, 27), "2023-02-27"),
    ("2023-W09-WE", dt.date(2023, 3, 4), "2023-03-04"),
    ("2023-Q3", dt.date(2023, 7, 1), "2023-07-01"),
    ("199", dt.date(1990, 1, 1), "1990-01-01"),
    ("BC0480", None, ""),
])
def test_html_datetime(value: str, start: dt.date | None, expected: str) -> None:
    assert datetime_attr(Value(value, start=start)) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("2023-03-02T14:05", (14, 5)), ("2023-03-02T09:30:15", (9, 30)), ("2023-03-02T14", None),
    ("2023-03-02TMO", None), ("2023-03-02", None), ("PT2H", None),
])
def test_clock_time(value: str, expected: tuple[int, int] | None) -> None:
    assert clock_time(Value(value)) == expected
