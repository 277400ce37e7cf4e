"""The patterns that context rules match over the whole text between two expressions: what they accept (must and
must-not rows), and a long run of spaces between two expressions read in time proportional to it. A pattern with
two quantifiers over the same spaces ("\\s*(?:,)?\\s*", "\\s*(?:...|\\s+)") backtracks over every split of the run
when it fails: 4,000 spaces took 1.6 s, 200,000 would take over an hour (benchmarks/adversarial.py times it)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from hang_guard import no_hang

import chrono
from chrono.lang import Language
from chrono.resolve.context.anchors import _list_gap
from chrono.resolve.context.partial import _holiday_date_link, _range_gap, _weekday_range_gap

LONG_RUN = 200_000


def _patterns() -> dict[str, re.Pattern[str]]:
    patterns = Language.load().patterns
    return {"holiday_date_link": _holiday_date_link(patterns)[0], "list_gap": _list_gap(patterns),
            "range_gap": _range_gap(patterns), "weekday_range_gap": _weekday_range_gap(patterns)}


# (pattern, gap between two expressions, whether it joins them)
GAPS = [
    ("holiday_date_link", " falls on ", True),
    ("holiday_date_link", ", which is celebrated on ", True),
    ("holiday_date_link", " (", True),
    ("holiday_date_link", "  ,  on ", True),
    ("holiday_date_link", " ", True),
    ("holiday_date_link", "", False),  # must not: the two touch
    ("holiday_date_link", " and on ", False),  # must not: another day beside the holiday
    ("list_gap", "", True),
    ("list_gap", " - ", True),
    ("list_gap", " , ", True),
    ("list_gap", "   ", True),
    ("list_gap", " x ", False),  # must not: a word between
    ("list_gap", " , , ", False),  # must not: two joins
    ("range_gap", " to ", True),
    ("range_gap", " x ", False),
    ("weekday_range_gap", "-", True),
    ("weekday_range_gap", " and ", False),
]


@pytest.mark.parametrize(("name", "gap", "joins"), GAPS)
def test_what_each_gap_pattern_accepts(name: str, gap: str, joins: bool) -> None:
    assert (_patterns()[name].fullmatch(gap) is not None) is joins


@pytest.mark.parametrize("name", ["holiday_date_link", "list_gap", "range_gap", "weekday_range_gap"])
@pytest.mark.parametrize("tail", ["x", "- x", ", x", "( x"])
def test_a_long_run_of_spaces_fails_in_proportion_to_it(name: str, tail: str) -> None:
    gap = " " * LONG_RUN + tail
    with no_hang("matching"):
        assert _patterns()[name].fullmatch(gap) is None


TEXTS: list[Callable[[int], str]] = [
    lambda spaces: "It opens on Monday" + " " * spaces + "x at 9am.",  # a day and a time: the bracket list rule
    lambda spaces: "Diwali" + " " * spaces + "and on 1 November.",  # a holiday and a date: the stated-date rule
]


@pytest.mark.parametrize("make", TEXTS)
def test_a_long_run_of_spaces_between_two_expressions_is_built(make: Callable[[int], str]) -> None:
    with no_hang("matching"):
        timeline = chrono.build_timeline(make(LONG_RUN), dt.date(2024, 2, 1), domain="news")
    assert timeline.expressions
