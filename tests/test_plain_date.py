"""Plain written dates read without dateparser: the same day dateparser reads, and anything else left to it."""

from __future__ import annotations

import datetime as dt

import pytest

from chrono.lang import Language
from chrono.read.common import _parsed, metadata_date
from chrono.read.plain_date import plain_date

TAKEN = [
    ("March 4, 2024, 10:14:22 AM", "2024-03-04"),
    ("Wed May 03, 2023 10:14 am", "2023-05-03"),
    ("Monday, 4 Mar 2024", "2024-03-04"),
    ("4 March 2024, 22:05", "2024-03-04"),
    ("sep 4, 2024 7:30pm", "2024-09-04"),
    ("Feb 29, 2024", "2024-02-29"),
]
LEFT_TO_DATEPARSER = [  # must not be read here: dateparser decides (it reads some, refuses others)
    "March 32, 2024",  # no such day
    "Feb 29, 2023",
    "March 4, 2024, 23:60",  # no such time
    "March 4, 2024, 13:14 PM",
    "Tue May 03, 2023 10:14 am",  # not that date's weekday
    "Thursday, 4 Mar 2024",
    "Reply #4 on: March 4, 2024",  # labels
    "Sept 4, 2024",  # a name the locale does not list
    "Mar. 4, 2024",
    "4th March 2024",
    "March 4, 24",
    "March 4, 2024 10:14 GMT",  # a zone
    "2 days ago",
    "Yesterday at 10:14",
]


@pytest.mark.parametrize(("text", "expected"), TAKEN)
def test_plain_dates_read_as_dateparser_reads_them(text: str, expected: str) -> None:
    day = plain_date(text, Language.load().calendar)
    assert day == dt.date.fromisoformat(expected)
    assert _parsed(text, tuple(Language.load().about.dateparser_languages)) == day
    assert metadata_date(text, "test") == day


@pytest.mark.parametrize("text", LEFT_TO_DATEPARSER)
def test_other_forms_are_left_to_dateparser(text: str) -> None:
    assert plain_date(text, Language.load().calendar) is None
