from __future__ import annotations

import datetime as dt

import pytest

from chrono.errors import ChronoInputError
from chrono.model import Event, Granularity, Span, TimexType, Value
from chrono.order.sort import order_events

D = dt.date
# name -> (value, first day, last day, granularity); deliberately listed so that text order is wrong
VALUES = {
    "W08": ("2023-W08", D(2023, 2, 20), D(2023, 2, 26), Granularity.WEEK),
    "feb": ("2023-02", D(2023, 2, 1), D(2023, 2, 28), Granularity.MONTH),
    "y2023": ("2023", D(2023, 1, 1), D(2023, 12, 31), Granularity.YEAR),
    "q1": ("2023-Q1", D(2023, 1, 1), D(2023, 3, 31), Granularity.QUARTER),
    "jan1": ("2023-01-01", D(2023, 1, 1), D(2023, 1, 1), Granularity.DAY),
    "mar1": ("2023-03-01", D(2023, 3, 1), D(2023, 3, 1), Granularity.DAY),
    "mar1b": ("2023-03-01", D(2023, 3, 1), D(2023, 3, 1), Granularity.DAY),
    "s1990s": ("199", D(1990, 1, 1), D(1999, 12, 31), Granularity.DECADE),
    "y1998": ("1998", D(1998, 1, 1), D(1998, 12, 31), Granularity.YEAR),
    "mar1_night": ("2023-03-01TNI", D(2023, 3, 1), D(2023, 3, 1), Granularity.PART_OF_DAY),
    "early2023": ("2023", D(2023, 1, 1), D(2023, 4, 30), Granularity.YEAR),
    "nogran": ("2022-SU", D(2022, 6, 1), D(2022, 8, 31), None),
    "nogran_year": ("2022", D(2022, 1, 1), D(2022, 12, 31), None),
}


def _event(name: str, position: int) -> Event:
    value, start, end, granularity = VALUES[name]
    return Event(when=Value(value, TimexType.DATE, start=start, end=end, granularity=granularity), phrase=name,
                 span=Span(position, position + 1), sentence="", headline="", document="doc")


@pytest.mark.parametrize(("given", "sort", "expected"), [
    # by first day, never by the value string ("2023-W08" would sort after "2023-02" as text, here it is after)
    (["W08", "feb"], "chronological", ["feb", "W08"]),
    (["mar1", "W08", "feb"], "chronological", ["feb", "W08", "mar1"]),
    # same first day: coarser first (year, quarter, day)
    (["jan1", "q1", "y2023"], "chronological", ["y2023", "q1", "jan1"]),
    (["mar1_night", "mar1"], "chronological", ["mar1", "mar1_night"]),
    # same first day and granularity: the shorter interval first
    (["y2023", "early2023"], "chronological", ["early2023", "y2023"]),
    # decades and centuries before the years inside them
    (["y1998", "s1990s"], "chronological", ["s1990s", "y1998"]),
    # ties keep the article's order
    (["mar1b", "mar1"], "chronological", ["mar1b", "mar1"]),
    # a value without granularity is placed by its interval length
    (["W08", "nogran_year", "nogran"], "chronological", ["nogran_year", "nogran", "W08"]),
    # reverse: latest first, ties still in the article's order
    (["mar1b", "feb", "mar1", "s1990s"], "reverse", ["mar1b", "mar1", "feb", "s1990s"]),
    # document: as given
    (["mar1", "s1990s", "feb"], "document", ["mar1", "s1990s", "feb"]),
    ([], "chronological", []),
])
def test_order_events(given: list[str], sort: str, expected: list[str]) -> None:
    events = [_event(name, position) for position, name in enumerate(given)]
    assert [e.phrase for e in order_events(events, sort)] == expected


def test_unknown_sort() -> None:
    with pytest.raises(ChronoInputError, match="unknown sort 'random'"):
        order_events([], "random")
