"""The library API end to end: build_timeline, build_from_documents, Timeline.render."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import chrono
from chrono.read.text import parse_article


@pytest.mark.parametrize("name", ["read_article", "build_timeline", "build_from_documents", "Timeline", "Event",
                                  "ChronoInputError", "__version__", "Language", "Domain"])
def test_public_api(name: str) -> None:
    assert name in chrono.__all__ and hasattr(chrono, name)


@pytest.mark.parametrize(("published", "expected"), [
    ("2023-03-02", ["2023-02-28", "2023-03-01"]),
    (dt.date(2024, 1, 10), ["2024-01-09", "2024-01-10"]),
])
def test_build_timeline(published: str | dt.date, expected: list[str]) -> None:
    text = "Xi met Lukashenko on Wednesday. Blinken spoke on Tuesday."
    timeline = chrono.build_timeline(text, published=published)
    assert [e.when.value for e in timeline.events] == expected
    assert [e.document for e in timeline.events] == ["article", "article"]
    assert json.loads(chrono.render(timeline, "json"))["events"][0]["when"]["value"] == expected[0]


def test_build_timeline_needs_a_date() -> None:
    with pytest.raises(chrono.ChronoInputError, match="--published"):
        chrono.build_timeline("Xi met Lukashenko on Wednesday.")


def test_several_documents_each_resolved_against_its_own_date() -> None:
    first = parse_article("date 2023-03-02\n-\nThe talks began on Monday.", document_id="first")
    second = parse_article("date 2023-03-09\n-\nThe talks ended on Monday.", document_id="second")
    timeline = chrono.build_from_documents([second, first])
    assert [(e.document, e.when.value) for e in timeline.events] == [("first", "2023-02-27"), ("second", "2023-03-06")]
    assert [d.id for d in timeline.documents] == ["second", "first"]
