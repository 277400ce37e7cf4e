from __future__ import annotations

import datetime as dt

import pytest

from chrono.errors import ChronoInputError
from chrono.read import inputs
from chrono.read.text import parse_article, parse_date, read_article

SAMPLE_HEADER = " date 2023-03-02 \n\nhong kong\n\nCNN\n\n—\n\n\n\nChinese leader Xi met Lukashenko on Wednesday.\n"


@pytest.mark.parametrize(("text", "expected"), [
    ("2023-03-02", dt.date(2023, 3, 2)),
    (" 2024-02-29 ", dt.date(2024, 2, 29)),
    ("1998-12-31", dt.date(1998, 12, 31)),
])
def test_parse_date(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(("text", "message"), [
    ("2023-02-30", "impossible publication date '2023-02-30'"),
    ("2023-02-29", "impossible publication date"),
    ("2023-13-01", "impossible publication date"),
    ("02/03/2023", "expected YYYY-MM-DD"),
    ("yesterday", "expected YYYY-MM-DD"),
    ("", "expected YYYY-MM-DD"),
])
def test_parse_date_rejects(text: str, message: str) -> None:
    with pytest.raises(ChronoInputError, match=message):
        parse_date(text)


@pytest.mark.parametrize(("text", "published", "dateline", "outlet", "body_starts"), [
    (SAMPLE_HEADER, dt.date(2023, 3, 2), "hong kong", "CNN", "Chinese leader"),
    ("date 2023-03-02\n---\nBody here.", dt.date(2023, 3, 2), None, None, "Body here"),
    ("date 2023-03-02\nLONDON\n–\nBody here.", dt.date(2023, 3, 2), "LONDON", None, "Body here"),
    ("date 2023-03-02\nLONDON\nReuters\n-\nBody here.", dt.date(2023, 3, 2), "LONDON", "Reuters", "Body here"),
    ("\ufeffdate 2021-01-05\r\n\r\nParis\r\n\r\nAFP\r\n\r\n—\r\n\r\nBody.\r\n", dt.date(2021, 1, 5), "Paris", "AFP",
     "Body."),
    ("Date: 2020-07-04\n\nNo dash line, so this is the body.", dt.date(2020, 7, 4), None, None, "No dash line"),
    ("date 2020-07-04\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\n—\n\nLate dash.", dt.date(2020, 7, 4), None, None,
     "One."),
])
def test_parse_article_header(text: str, published: dt.date, dateline: str | None, outlet: str | None,
                              body_starts: str) -> None:
    document = parse_article(text)
    assert (document.published, document.dateline, document.outlet) == (published, dateline, outlet)
    assert document.text == text  # offsets index the text as given
    assert text[document.body_span.start:].startswith(body_starts)


@pytest.mark.parametrize(("text", "published", "body_starts"), [
    ("Plain story with no header.", dt.date(2022, 1, 1), "Plain story"),
    ("\n\n  Indented plain story.", dt.date(2022, 1, 1), "Indented"),
    ("Date nights are back in fashion.", dt.date(2022, 1, 1), "Date nights"),  # not a header: no digit
    (SAMPLE_HEADER, dt.date(2024, 5, 6), "Chinese leader"),  # --published overrides the header
    ("date 2023-02-30\n—\nBody.", dt.date(2023, 3, 1), "Body."),  # an overridden header need not be valid
])
def test_published_argument(text: str, published: dt.date, body_starts: str) -> None:
    document = parse_article(text, published=published)
    assert document.published == published
    assert text[document.body_span.start:].startswith(body_starts)


@pytest.mark.parametrize("text", ["Plain story with no header.", "Date nights are back."])
def test_no_publication_date_names_both_ways(text: str) -> None:
    with pytest.raises(ChronoInputError, match=r"'date YYYY-MM-DD'.*--published YYYY-MM-DD"):
        parse_article(text)


def test_impossible_header_date() -> None:
    with pytest.raises(ChronoInputError, match="impossible publication date '2023-02-30'"):
        parse_article("date 2023-02-30\n—\nBody.")


@pytest.mark.parametrize(("content", "expected_text"), [
    ("date 2023-03-02\n—\nOn Tuesday it rained.\n", "date 2023-03-02\n—\nOn Tuesday it rained.\n"),
    ("date 2023-03-02\r\n—\r\nOn Tuesday it rained.\r\n", "date 2023-03-02\r\n—\r\nOn Tuesday it rained.\r\n"),
    (b"\xef\xbb\xbfdate 2023-03-02\n-\nOn Tuesday it rained.", "date 2023-03-02\n-\nOn Tuesday it rained."),
])
def test_read_article_keeps_text_as_decoded(write_file, content: bytes | str, expected_text: str) -> None:
    document = read_article(write_file("story.txt", content))
    assert document.text == expected_text
    assert (document.id, document.published) == ("story", dt.date(2023, 3, 2))
    start = document.text.index("Tuesday")
    assert document.text[start:start + 7] == "Tuesday"
    assert document.text[document.body_span.start:].startswith("On Tuesday")


def test_read_article_published_string_and_source(write_file) -> None:
    path = write_file("plain.txt", "It rained on Monday.")
    document = read_article(path, "2023-03-02")
    assert (document.id, document.source, document.published) == ("plain", str(path), dt.date(2023, 3, 2))


def test_read_article_from_stdin(monkeypatch) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"date 2023-03-02\n-\nBody.")))
    document = read_article("-")
    assert (document.id, document.source, document.published) == ("stdin", "-", dt.date(2023, 3, 2))


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b"  \n\n ", "is empty"),
    ("bom.txt", b"\xef\xbb\xbf", "is empty"),  # only a byte-order mark: it built an empty timeline, exit 0
    ("bom-blank.txt", b"\xef\xbb\xbf\n \n", "is empty"),
    ("invisible.txt", "\u200b\ufeff\u2060\n".encode(), "is empty"),  # zero widths, a second mark, a joiner
    ("binary.bin", b"date 2023-03-02\n\x00\x01\x02", "binary file"),
    ("latin1.txt", "date 2023-03-02\n—\nCaf\xe9 opened on Monday.".encode("latin-1", "replace"), "not UTF-8"),
    ("nodate.txt", b"Plain story.", "no publication date"),
    ("bad-date.txt", b"date 2023-02-30\n-\nBody.", "impossible publication date"),
    ("utf16-bom.txt", "date 2023-03-02\n-\nCafé on Monday.".encode("utf-16"), "is UTF-16 text"),
    ("utf16-be.txt", "date 2023-03-02\n-\nOn Monday.".encode("utf-16-be"), "is UTF-16 text"),
    ("utf32.txt", "date 2023-03-02\n-\nOn Monday.".encode("utf-32"), "is UTF-32 text"),
    ("two-words.txt", b"date 2023-03-02 updated\n-\nBody.", "first line 'date 2023-03-02 updated' is not a date"),
    ("colon.txt", b"Date: March 2\n-\nBody.", "the header's date: cannot read the date 'March 2'"),  # no year
    ("bare.txt", b"date\n-\nBody.", "first line 'date' is not a date line"),
])
def test_read_article_rejects(write_file, name: str, content: bytes, message: str) -> None:
    with pytest.raises(ChronoInputError, match=message):
        read_article(write_file(name, content))


def test_read_article_missing_and_directory(tmp_path) -> None:
    with pytest.raises(ChronoInputError, match="no such file"):
        read_article(tmp_path / "missing.txt")
    with pytest.raises(ChronoInputError, match="is a directory"):
        read_article(tmp_path)


def test_read_article_size_limit(write_file, monkeypatch) -> None:
    monkeypatch.setattr(inputs, "MAX_BYTES", 100)
    with pytest.raises(ChronoInputError, match="larger than"):
        read_article(write_file("huge.txt", "date 2023-03-02\n-\n" + "word " * 100))
