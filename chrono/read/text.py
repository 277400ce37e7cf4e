"""Read: an article's text, publication date, dateline, outlet and where its body starts.

Offsets everywhere index the text as decoded: a UTF-8 byte-order mark is dropped by decoding, and line
endings (LF or CRLF) are kept as they are, so ``document.text[start:end]`` is exactly what the file says.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

from chrono.errors import ChronoInputError, require_type
from chrono.model import Document, Span

MAX_BYTES = 50 * 1024 * 1024  # far beyond any article; guards against feeding chrono a disk image by mistake
STDIN_NAME = "-"
DEFAULT_ID = "article"
# how many non-blank lines may sit between the date line and the dash line (dateline, outlet, spare)
MAX_HEADER_LINES = 3

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# the date token must hold a digit, so a plain first line such as "Date nights" is not taken for a header
_DATE_LINE = re.compile(r"[ \t\ufeff]*date:?[ \t]+(\S*\d\S*)[ \t]*", re.IGNORECASE)
# a first line that means to be a date header but is not one ("date 2023-03-02 (updated)", "Date: March 2")
_BAD_DATE_LINE = re.compile(r"\ufeff?date(?::|\s+(?=\S*\d)|\s*$)", re.IGNORECASE)
_DASH_LINE = re.compile(r"[ \t]*[-\u2010-\u2015_=*]+[ \t]*")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")

NO_DATE_MESSAGE = (
    "no publication date: start the article with a line 'date YYYY-MM-DD' or pass --published YYYY-MM-DD"
)


def parse_date(value: str) -> dt.date:
    """'YYYY-MM-DD' -> date; ChronoInputError naming the problem for anything else (2023-02-30 too)."""
    text = value.strip()
    match = _ISO_DATE.fullmatch(text)
    if match is None:
        raise ChronoInputError(f"invalid publication date {value!r}: expected YYYY-MM-DD, e.g. 2023-03-02")
    year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise ChronoInputError(f"impossible publication date {text!r}: {exc}") from None


def _lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end without line break, content) of every line, offsets into text."""
    lines = []
    for match in _LINE.finditer(text):
        if match.start() == len(text) and match.start() == match.end():
            break
        content = match.group().rstrip("\r\n")
        lines.append((match.start(), match.start() + len(content), content))
    return lines


def _body_start(text: str, offset: int) -> int:
    """The first non-blank character at or after offset (the end of text when there is none)."""
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return offset


def parse_article(text: str, *, published: dt.date | None = None, source: str = "",
                  document_id: str | None = None) -> Document:
    """Sample format (``date YYYY-MM-DD`` header, dateline, outlet, dash line, body) or plain text.

    ``published`` overrides the header; with neither, ChronoInputError naming both ways to give a date.
    """
    identifier = document_id or (Path(source).stem if source and source != STDIN_NAME else DEFAULT_ID)
    lines = _lines(text)
    first = next((i for i, line in enumerate(lines) if line[2].strip()), None)
    header = _DATE_LINE.fullmatch(lines[first][2]) if first is not None else None
    if header is None:
        if published is None:
            bad_header = lines[first][2].strip() if first is not None else ""
            if _BAD_DATE_LINE.match(bad_header):
                raise ChronoInputError(f"the first line {bad_header[:60]!r} is not a date line: write it as "
                                       "'date YYYY-MM-DD' or pass --published YYYY-MM-DD")
            raise ChronoInputError(NO_DATE_MESSAGE)
        return Document(id=identifier, text=text, published=published, source=source,
                        body=Span(_body_start(text, 0), len(text)))

    date = published if published is not None else parse_date(header.group(1))
    after_date = lines[first][1]
    dateline = outlet = None
    body_from = after_date
    meta: list[str] = []
    for _start, end, content in lines[first + 1:]:
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
    return Document(id=identifier, text=text, published=date, source=source, dateline=dateline, outlet=outlet,
                    body=Span(_body_start(text, body_from), len(text)))


def _describe(path: str | Path) -> str:
    return "standard input" if str(path) == STDIN_NAME else str(path)


# Byte-order marks of the encodings a Windows editor saves as "Unicode" (UTF-32's first: it starts like UTF-16's).
_WIDE_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"), (b"\xff\xfe", "UTF-16"),
              (b"\xfe\xff", "UTF-16"))


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 when the bytes say so (a byte-order mark, or a NUL beside every other ASCII byte)."""
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            return encoding
    head = data[:4096]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    # UTF-16 without a mark: most ASCII characters leave a NUL on the same side of every pair, never the other
    if len(head) >= 8 and min(even, odd) <= half // 8 and max(even, odd) >= half * 3 // 4:
        return "UTF-16"
    return None


def decode_article(data: bytes, name: str) -> str:
    """UTF-8 bytes -> text; ChronoInputError for empty, binary, UTF-16/32 or other non-UTF-8 input."""
    if not data.strip():
        raise ChronoInputError(f"{name} is empty: nothing to read")
    wide = _wide_encoding(data)
    if wide is not None:
        raise ChronoInputError(f"{name} is {wide} text; chrono reads UTF-8: convert it (iconv -f {wide} -t UTF-8)")
    if b"\x00" in data:
        raise ChronoInputError(f"{name} looks like a binary file (it contains NUL bytes); chrono reads UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ChronoInputError(
            f"{name} is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); convert it to UTF-8"
        ) from None


def _read_bytes(path: str | Path) -> bytes:
    if str(path) == STDIN_NAME:
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
    else:
        file = Path(path)
        if not file.exists():
            raise ChronoInputError(f"{file}: no such file")
        if file.is_dir():
            raise ChronoInputError(f"{file} is a directory, not an article file")
        try:
            if file.stat().st_size > MAX_BYTES:
                raise ChronoInputError(f"{file} is larger than the {MAX_BYTES // 2**20} MB limit for one article")
            with file.open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            raise ChronoInputError(f"cannot read {file}: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise ChronoInputError(f"{_describe(path)} is larger than the {MAX_BYTES // 2**20} MB limit for one article")
    return data


def read_article(path: str | Path, published: dt.date | str | None = None) -> Document:
    """Read a file ('-' for standard input) as UTF-8; clear ChronoInputError for empty/binary/non-UTF-8."""
    require_type(path, (str, Path), "path")
    require_type(published, (dt.date, str, type(None)), "published")
    date = parse_date(published) if isinstance(published, str) else published
    text = decode_article(_read_bytes(path), _describe(path))
    is_stdin = str(path) == STDIN_NAME
    return parse_article(text, published=date, source=STDIN_NAME if is_stdin else str(path),
                         document_id="stdin" if is_stdin else Path(path).stem)
