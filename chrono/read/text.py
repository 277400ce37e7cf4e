"""Read: an article's text, publication date, dateline, outlet and where its body starts.

The sample format (``date YYYY-MM-DD`` header, dateline, outlet, dash line, body) or plain text; the reader
of `.txt` files and of any text no other reader recognizes. Offsets index the text as decoded: a UTF-8
byte-order mark is dropped by decoding, and line endings (LF or CRLF) are kept as they are, so
``document.text[start:end]`` is exactly what the file says (unless the file is in Penn Treebank tokens: then
the text is the prose they were made from).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from chrono.errors import ChronoInputError, require_type
from chrono.lang import or_default
from chrono.model import Document, Span
from chrono.read.common import Origin, Record, metadata_date
from chrono.read.header import Header, header_block
from chrono.read.inputs import STDIN_NAME, describe, is_blank, quoted
from chrono.read.published import parse_date, publication_override, settle_published
from chrono.read.registry import reader
from chrono.read.tokenized import as_prose

__all__ = ["parse_article", "parse_date", "read_article", "read_sample"]

DEFAULT_ID = "article"
HEADER = "header"  # Document.published_source of a date from the 'date' line
# how many non-blank lines may sit between the date line and the dash line (dateline, outlet, spare)
MAX_HEADER_LINES = 3

# the date token must hold a digit, so a plain first line such as "Date nights" is not taken for a header
_DATE_LINE = re.compile(r"[ \t\ufeff]*date:?[ \t]+(\S*\d\S*)[ \t]*", re.IGNORECASE)
# a first line that means to be a date header but is not one ("date 2023-03-02 (updated)", "Date: March 2")
_BAD_DATE_LINE = re.compile(r"\ufeff?date(?::|\s+(?=\S*\d)|\s*$)", re.IGNORECASE)
_DASH_LINE = re.compile(r"[ \t]*[-\u2010-\u2015_=*]+[ \t]*")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")

NO_DATE_MESSAGE = (
    "no publication date: start the article with a line 'date YYYY-MM-DD' or pass --published YYYY-MM-DD"
)


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end without line break, content) of each line, offsets into text, read lazily from the top."""
    for match in _LINE.finditer(text):
        if match.start() == len(text) and match.start() == match.end():
            return
        content = match.group().rstrip("\r\n")
        yield match.start(), match.start() + len(content), content


def _body_start(text: str, offset: int) -> int:
    """The first non-blank character at or after offset (the end of text when there is none)."""
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return offset


def read_sample(text: str, origin: Origin) -> Record:
    """Sample format or plain text -> a Record whose Document is undated when the text has no date line. Text
    in Penn Treebank tokens is read as the prose it was made from (chrono.read.tokenized)."""
    text = as_prose(text)
    lines = _lines(text)
    first = next((line for line in lines if line[2].strip()), None)
    header = _DATE_LINE.fullmatch(first[2]) if first is not None else None
    block = header_block(text, or_default(None).segment.header)
    if block is not None and (header is None or block.lines > 1):  # one 'date' line: the sample format's
        return _from_header(text, block, origin)
    if first is None or header is None:
        bad_header = first[2].strip() if first is not None else ""
        hint = NO_DATE_MESSAGE
        if _BAD_DATE_LINE.match(bad_header):
            hint = (f"the first line {quoted(bad_header, 60)} is not a date line: write it as 'date YYYY-MM-DD' "
                    "or pass --published YYYY-MM-DD")
        document = Document(id=origin.document_id, text=text, published=None, source=origin.source,
                            body=Span(_body_start(text, 0), len(text)))
        return Record(origin.name, document, date_hint=hint)
    date: dt.date | None = None
    hint = ""
    try:
        date = parse_date(header.group(1))
    except ChronoInputError as exc:
        hint = f"{exc}; write it as 'date YYYY-MM-DD' or pass --published YYYY-MM-DD"
    dateline = outlet = None
    body_from = first[1]
    meta: list[str] = []
    for _start, end, content in lines:
        if not content.strip():
            continue
        if _DASH_LINE.fullmatch(content):
            # the lines between the date and the dash line are the dateline, then the outlet
            dateline = meta[0] if meta else None
            outlet = meta[1] if len(meta) > 1 else None
            body_from = end
            break
        meta.append(content.strip())
        if len(meta) > MAX_HEADER_LINES:
            break  # no dash line near the top: everything after the date line is body
    document = Document(id=origin.document_id, text=text, published=date, source=origin.source, dateline=dateline,
                        outlet=outlet, body=Span(_body_start(text, body_from), len(text)),
                        published_source=HEADER if date else None)
    return Record(origin.name, document, date_hint=hint)


def _from_header(text: str, block: Header, origin: Origin) -> Record:
    """An article opening with a header block: its date (ISO or a complete written date), title, URL, outlet."""
    date: dt.date | None = None
    hint = ""
    try:
        date = metadata_date(block.fields["date"], "the header's date")
    except ChronoInputError as exc:
        hint = f"{exc}; or pass --published YYYY-MM-DD"
    document = Document(id=origin.document_id, text=text, published=date, source=origin.source,
                        title=block.fields.get("title"), url=block.fields.get("url"),
                        outlet=block.fields.get("outlet"), body=Span(_body_start(text, block.end), len(text)),
                        published_source=HEADER if date else None)
    return Record(origin.name, document, date_hint=hint)


def _sniff(text: str) -> bool:
    """The sample format: its first non-blank line is a date line, or it opens with a header block."""
    first = text.lstrip()[:200].split("\n", 1)[0].rstrip("\r")
    return _DATE_LINE.fullmatch(first) is not None or header_block(text[:4096], or_default(None).segment.header) \
        is not None


@reader(".txt", ".text", sniff=_sniff, fallback=True)
def read_text(text: str, origin: Origin) -> Iterator[Record]:
    """The reader of articles in the sample format or plain text (and of text no other reader recognizes)."""
    record = read_sample(text, origin)
    body = record.document.body if record.document is not None else None
    if body is not None and is_blank(text[body.start:body.end]):  # a header and nothing after it, as in Markdown
        raise ChronoInputError(f"{origin.name}: the article has no text after its header")
    yield record


def parse_article(text: str, *, published: dt.date | None = None, source: str = "",
                  document_id: str | None = None, date_required: bool = True) -> Document:
    """Sample format (``date YYYY-MM-DD`` header, dateline, outlet, dash line, body) or plain text.

    ``published`` overrides the header; with neither, ChronoInputError naming both ways to give a date when
    ``date_required`` (news), else the Document is undated (narrative text anchors on its own mentions).
    """
    identifier = document_id or (Path(source).stem if source and source != STDIN_NAME else DEFAULT_ID)
    record = settle_published(read_sample(text, Origin("", source, identifier)), published, required=date_required)
    if record.document is None:
        raise ChronoInputError(record.problem or NO_DATE_MESSAGE)
    return record.document


def read_article(path: str | Path, published: dt.date | str | None = None) -> Document:
    """Read one article file ('-' for standard input) as UTF-8; ChronoInputError for what cannot be read."""
    from chrono.read import read_input

    require_type(path, (str, Path), "path")
    require_type(published, (dt.date, str, type(None)), "published")
    if str(path) != STDIN_NAME and Path(path).is_dir():
        raise ChronoInputError(f"{path} is a directory, not an article file")
    documents = read_input(str(path), publication_override(published))
    if len(documents) != 1:
        raise ChronoInputError(f"{describe(path)} holds {len(documents)} documents; read it with read_documents")
    return documents[0]
