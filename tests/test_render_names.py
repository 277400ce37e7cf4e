"""Sources are named so a reader can tell them apart: the records of one JSON Lines file by their ids."""

from __future__ import annotations

import datetime as dt

import pytest

from chrono.model import Document
from chrono.render.filters import document_names


def _doc(id_: str, source: str = "", title: str | None = None, outlet: str | None = None) -> Document:
    return Document(id=id_, text="x", published=dt.date(2024, 1, 1), source=source, title=title, outlet=outlet)


@pytest.mark.parametrize(("documents", "expected"), [
    # the records of one file: each by its id
    ([_doc("a-1", "/data/crawl.jsonl"), _doc("a-2", "/data/crawl.jsonl")], {"a-1": "a-1", "a-2": "a-2"}),
    # one document per file: its file name
    ([_doc("one", "/data/one.txt"), _doc("two", "/data/two.txt")], {"one": "one.txt", "two": "two.txt"}),
    # a title or an outlet names a record whatever its file
    ([_doc("a-1", "/data/crawl.jsonl", title="Quake hits Haiti"), _doc("a-2", "/data/crawl.jsonl", outlet="BBC")],
     {"a-1": "Quake hits Haiti", "a-2": "BBC"}),
    # a titled record does not make its untitled neighbour lose the file name
    ([_doc("a-1", "/data/crawl.jsonl", title="Quake"), _doc("a-2", "/data/crawl.jsonl")],
     {"a-1": "Quake", "a-2": "crawl.jsonl"}),
    ([_doc("stdin-1", "-"), _doc("stdin-2", "-")], {"stdin-1": "stdin-1", "stdin-2": "stdin-2"}),
])
def test_document_names(documents: list[Document], expected: dict[str, str]) -> None:
    assert document_names(documents) == expected
