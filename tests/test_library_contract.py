"""The library's contract: wrong argument types raise a ChronoError subclass naming the argument, never a
TypeError or AttributeError from inside a stage; a datetime is taken as its date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

import chrono

TIMELINE = chrono.build_timeline("The minister resigned on Tuesday.", published="2023-03-02")

BAD_CALLS: list[tuple[str, Callable[[], Any], str]] = [
    ("published None", lambda: chrono.build_timeline("On Tuesday.", published=None), "no publication date"),
    ("published bytes", lambda: chrono.build_timeline("On Tuesday.", published=b"2023-03-02"), "published must be"),
    ("published int", lambda: chrono.build_timeline("On Tuesday.", published=20230302), "published must be"),
    ("published object", lambda: chrono.build_timeline("On Tuesday.", published=object()), "published must be"),
    ("text bytes", lambda: chrono.build_timeline(b"On Tuesday.", published="2023-03-02"), "text must be str"),
    ("text None", lambda: chrono.build_timeline(None, published="2023-03-02"), "text must be str"),
    ("text int", lambda: chrono.build_timeline(123, published="2023-03-02"), "text must be str"),
    ("documents None", lambda: chrono.build_from_documents(None), "documents must be"),
    ("a document None", lambda: chrono.build_from_documents([None]), "each document must be Document"),
    ("a document str", lambda: chrono.build_from_documents(["text"]), "each document must be Document"),
    ("render None", lambda: chrono.render(None, "md"), "timeline must be Timeline"),
    ("render fmt int", lambda: chrono.render(TIMELINE, 3), "format must be str"),
    ("render template int", lambda: chrono.render(TIMELINE, "md", template=3), "template must be"),
    ("read_article None", lambda: chrono.read_article(None), "path must be"),
    ("read_article bytes", lambda: chrono.read_article(b"a.txt"), "path must be"),
    ("read_article published int", lambda: chrono.read_article("a.txt", published=3), "published must be"),
]


@pytest.mark.parametrize(("case", "call", "words"), BAD_CALLS, ids=[row[0] for row in BAD_CALLS])
def test_bad_arguments_raise_chrono_errors(case: str, call: Callable[[], Any], words: str) -> None:
    with pytest.raises(chrono.ChronoError) as raised:
        call()
    assert words in str(raised.value) and "\n" not in str(raised.value)


def test_a_datetime_is_its_date() -> None:
    timeline = chrono.build_timeline("The minister resigned on Tuesday.", published=dt.datetime(2023, 3, 2, 18, 30))
    assert timeline == TIMELINE
