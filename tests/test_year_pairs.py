"""A year and the next as a pair ("2011-12"): one academic or fiscal period in news, two years in histories."""

from __future__ import annotations

import datetime as dt

import pytest

from chrono.model import Document
from chrono.pipeline import analyse

# (sentence, domain, every expression with its value, how many events)
CASES: list[tuple[str, str, list[tuple[str, str]], int]] = [
    ("Enrolment rose between 2011-12 and 2017-18, the survey found.", "news",
     [("2011-12", "2011"), ("2017-18", "2017")], 2),
    ("In the 2017-18 budget the state spent more.", "news", [("2017-18", "2017")], 1),
    ("Exports fell in 2019/20 and recovered.", "news", [("2019/20", "2019")], 1),
    ("Revenue in 1999-00 was flat.", "news", [("1999-00", "1999")], 1),
    # not consecutive, or written in full: a range of years
    ("He served 1915-17 in France.", "news", [("1915", "1915"), ("17", "1917")], 2),
    ("Sales grew in 2007-2008 again.", "news", [("2007", "2007"), ("2008", "2008")], 2),
    # an end that would fall many years into the next century ends no range: an ISO year and month, or nothing
    ("The figures for 2024-05 are out.", "news", [("2024-05", "2024-05")], 1),
    ("The report for 2010-05 is out.", "news", [("2010", "2010")], 1),
    ("Between the wars, 1918-39, much changed.", "news", [("1918", "1918"), ("39", "1939")], 2),
    # histories write a pair for two years (WikiWars tags both)
    ("The Siege of Kut (1915-16) ended.", "narrative", [("1915", "1915"), ("16", "1916")], 2),
]


@pytest.mark.parametrize(("text", "domain", "expected", "events"), CASES)
def test_year_pair(text: str, domain: str, expected: list[tuple[str, str]], events: int) -> None:
    found, dated = analyse(Document(id="d", text=text, published=dt.date(2020, 3, 1)), domain=domain)
    assert [(e.text, e.value.value if e.value else None) for e in found] == expected
    assert len(dated) == events
