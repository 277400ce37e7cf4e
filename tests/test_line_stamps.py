"""A live page's line stamps are times of day; a chronology's line-opening years stay years."""

from __future__ import annotations

import datetime as dt

import pytest

from chrono.model import Document
from chrono.pipeline import analyse

LIVE = "Live: quake in Haiti\n2346 Rescuers reach the city.\n1410 Reports from another city say many died.\n" \
       "0930 The airport reopens.\n"
CHRONOLOGY = "Timeline\n1851 Census taken in the town.\n2000 Dr Murray opens a practice.\n" \
             "2006 Dr Murray meets the singer.\n"


@pytest.mark.parametrize(("text", "expected"), [
    (LIVE, []),  # 2346 and 0930 can be no year: a page of times, so 1410 is a time too
    (CHRONOLOGY, ["1851", "2000", "2006"]),
    ("Notes\n0930 Doors open.\n1410 Talks begin.\n", ["1410"]),  # one stamp that cannot be a year proves nothing
    ("In 1410 the battle was fought.\n2346 people came. 0930 too.\n", ["1410"]),  # not a line stamp
])
def test_years_in_line_stamps(text: str, expected: list[str]) -> None:
    found, _events = analyse(Document(id="d", text=text, published=dt.date(2010, 1, 14)))
    assert [expression.text for expression in found if expression.text.isdigit()] == expected
