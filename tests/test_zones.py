"""Clock times with a zone: one expression on the day the text names, the zone's offset in the value; a
parenthetical conversion to another zone is the same instant, not another event."""

from __future__ import annotations

import datetime as dt

import pytest

from chrono.model import Document
from chrono.pipeline import analyse

# (sentence, published, every expression with its value, how many events)
CASES: list[tuple[str, dt.date, list[tuple[str, str]], int]] = [
    ("The keynote starts at 10:00 a.m. PDT (5 p.m. UTC) on August 28, the company said.", dt.date(2019, 8, 20),
     [("10:00 a.m. PDT (5 p.m. UTC) on August 28", "2019-08-28T10:00-07:00")], 1),
    ("Bids were due by 5 p.m. EST, Nov. 6, 1989, the agency said.", dt.date(1989, 11, 7),
     [("5 p.m. EST, Nov. 6, 1989", "1989-11-06T17:00-05:00")], 1),
    ("The match kicked off at 15:00 GMT on Saturday.", dt.date(2024, 3, 4),
     [("15:00 GMT on Saturday", "2024-03-02T15:00Z")], 1),
    ("Voting closed at 17:00 CEST (15:00 UTC) on Sunday.", dt.date(2024, 6, 10),
     [("17:00 CEST (15:00 UTC) on Sunday", "2024-06-09T17:00+02:00")], 1),
    # a zone that follows daylight saving has no fixed offset
    ("The game started at 8:15 p.m. ET on Thursday, Sept. 14.", dt.date(2023, 9, 20),
     [("8:15 p.m. ET on Thursday, Sept. 14", "2023-09-14T20:15")], 1),
]


@pytest.mark.parametrize(("text", "published", "expected", "events"), CASES)
def test_clock_time_with_zone(text: str, published: dt.date, expected: list[tuple[str, str]], events: int) -> None:
    found, dated = analyse(Document(id="d", text=text, published=published))
    assert [(e.text, e.value.value if e.value else None) for e in found] == expected
    assert len(dated) == events
