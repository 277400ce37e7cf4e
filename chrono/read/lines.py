"""Collections read one line at a time: a JSON Lines file (gzipped or not) of any size is read in the memory of
its longest line. MAX_BYTES bounds each line here, not the file: a longer line is skipped and reported, the
others are read. Lines split on line feeds only (CRLF too), as ``text_lines`` splits a text already read.

`build`, `tag` and `index` read collections through here (``read_lines``), and the record parser of
``chrono.read.records`` takes lines from either.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from chrono.errors import ChronoInputError
from chrono.read import inputs
from chrono.read.inputs import HEAD_BYTES, check_head, describe, is_gzip, open_input

_CHUNK = 1 << 16  # how much of an over-long line is read at a time while skipping it


@dataclass(frozen=True, slots=True)
class Line:
    """One line of an input: its number (from 1) and text without the line end, or why it cannot be read."""

    number: int
    text: str
    problem: str | None = None  # over the size limit, not UTF-8; ``text`` is then empty


def text_lines(text: str) -> Iterator[Line]:
    """The lines of a text already read, split as ``read_lines`` splits a file, without building their list."""
    start = 0
    number = 0
    while start <= len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        number += 1
        yield Line(number, text[start:end].removesuffix("\r"))
        start = end + 1


def read_lines(path: str) -> Iterator[Line]:
    """The lines of a file (unpacked when it is gzip), one at a time, each under MAX_BYTES.

    ChronoInputError naming the file when it cannot be opened, is empty, or starts as UTF-16/32 text or a binary
    file, before any line; when it breaks off (a gzip file cut short, a read error), after the lines before.
    """
    name = describe(path)
    limit = inputs.MAX_BYTES  # read when called: tests make it small
    number = 0
    packed = False
    with open_input(path) as raw:
        try:
            stream: io.BufferedReader | gzip.GzipFile = _buffered(raw)
            packed = is_gzip(stream.peek(2)[:2])
            if packed:
                stream = gzip.GzipFile(fileobj=stream)  # buffered too: peek and a fast readline
            head = stream.peek(HEAD_BYTES)
            if not head:
                raise ChronoInputError(f"{name} is empty: nothing to read")
            check_head(head, name)
            while line := stream.readline(limit + 1):
                number += 1
                if len(line) > limit and not line.endswith(b"\n"):
                    size = _skip_rest(stream, len(line))
                    yield Line(number, "", f"the record is {size:,} bytes, over the limit of "
                               f"{inputs.size_text(limit)} for one record")
                else:
                    yield _decoded(number, line)
        except (OSError, EOFError, zlib.error) as exc:  # gzip.BadGzipFile is an OSError
            what = "cannot unpack it as gzip" if packed else "cannot read it"
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            if number:
                raise ChronoInputError(f"{name}: {what} after line {number:,} ({reason}); the lines before it were "
                                       "read") from None
            raise ChronoInputError(f"{name}: {what} ({reason})") from None


def _buffered(stream: BinaryIO) -> io.BufferedReader:
    """``stream`` with ``peek`` (a file opened "rb" already has it)."""
    return stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(stream)  # type: ignore[arg-type]


def _skip_rest(stream: io.BufferedReader | gzip.GzipFile, size: int) -> int:
    """Read past the rest of an over-long line, ``_CHUNK`` bytes at a time; its length without the line end."""
    while piece := stream.readline(_CHUNK):
        size += len(piece)
        if piece.endswith(b"\n"):
            return size - 1
    return size


def _decoded(number: int, line: bytes) -> Line:
    line = line.removesuffix(b"\n").removesuffix(b"\r")
    try:
        return Line(number, line.decode("utf-8-sig" if number == 1 else "utf-8"))
    except UnicodeDecodeError as exc:
        return Line(number, "", f"not UTF-8 text (byte 0x{line[exc.start]:02x} at offset {exc.start} of the "
                                "line); convert it to UTF-8")
