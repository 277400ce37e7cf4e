"""Properties of the read stage on any input (hypothesis; the profile of tests/test_properties.py applies):
any bytes under any suffix give Documents or one-line failures naming the file, never another exception; TimeML
scanning keeps its offset map and its gold spans consistent with the text, whatever markup is thrown at it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chrono.read import read_documents
from chrono.read.timeml import parse_timeml
from chrono.render.exporters.timeml_export import _NOT_XML as NOT_XML
from chrono.render.exporters.timeml_export import write_timeml

HAS_HTML = all(importlib.util.find_spec(name) for name in ("trafilatura", "htmldate"))
SUFFIXES = [".txt", ".json", ".jsonl", ".md", ".tml", ".xml", ".unknown"] + ([".html"] if HAS_HTML else [])
# pieces that exercise every reader's syntax, among arbitrary characters
PIECES = ["date 2023-03-02\n", "---\n", "date: 2023-03-02\n", "a: x   y\n", "{", "}", "[", "]", '"text": ', '"a"',
          '"published": "2023-03-02"', ",", ":", "\\ud800", "\n", "\r\n", "\u2028", "\u0085", "<TEXT>", "</TEXT>",
          "<!--", "-->", "<?", "?>", '<TIMEX3 tid="t1" value="1990">', "</TIMEX3>", "&amp;", "&#x41;", "&bogus",
          "<html><body><p>", "</p>", '<meta property="article:published_time" content="2023-03-02">', " ", "1990",
          "-LRB- ", " -RRB-", "`` ", " ''", " , ", " . ", " 's", " n't", "$ "]
TEXTS = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=40).map("".join)
RELAXED = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@RELAXED
@given(content=st.one_of(TEXTS.map(lambda text: text.encode("utf-8", "surrogatepass")), st.binary(max_size=200)),
       suffix=st.sampled_from(SUFFIXES), published=st.sampled_from([None, "2023-03-02"]))
def test_any_input_gives_documents_or_one_line_failures(tmp_path: Path, content: bytes, suffix: str,
                                                        published: str | None) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(content)
    documents, failures = read_documents([str(path)], published)
    for document in documents:
        assert 0 <= document.body_span.start <= document.body_span.end <= len(document.text)
        assert published is None or str(document.published) == published
    for failed, message in failures:
        assert failed == str(path) and message.startswith(str(path)) and "\n" not in message


@RELAXED
@given(inside=TEXTS)
def test_timeml_scanning_keeps_offsets_and_spans(inside: str) -> None:
    parsed = parse_timeml(f"<TimeML><TEXT>{inside}</TEXT></TimeML>")
    text, offsets = parsed.document.text, parsed.raw_offsets
    assert len(offsets) == len(text) + 1 and offsets[-1] == len(parsed.raw_text)
    assert all(earlier <= later for earlier, later in zip(offsets, offsets[1:], strict=False))
    for timex in parsed.timexes:
        assert text[timex.span.start:timex.span.end] == timex.text
    again = parse_timeml(write_timeml(parsed, parsed.timexes))  # written back, read again: the same text
    assert again.document.text == NOT_XML.sub("\ufffd", text) or "&#" in inside  # (a raw '&#1;' stays as written)
    kept, last_end = [], -1  # TimeML cannot nest: the writer keeps the spans that overlap no earlier one
    for timex in parsed.timexes:
        if timex.span.start >= last_end:
            kept.append((timex.span, timex.value))
            last_end = timex.span.end
    assert [(t.span, t.value) for t in again.timexes] == kept


@pytest.mark.parametrize("inside", ["<!--", "<?", "<TIMEX3", "&", "<", "</TIMEX3>", "<TIMEX3/>"])
def test_a_lone_opener_is_text(inside: str) -> None:
    assert parse_timeml(f"<TimeML><TEXT>a {inside} b</TEXT></TimeML>").document.text == (
        f"a {inside} b" if inside not in ("</TIMEX3>", "<TIMEX3/>") else "a  b")
