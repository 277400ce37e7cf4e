"""The reader registry: one reader per input kind, found by file suffix or, for standard input and unknown
suffixes, by sniffing the text.

A reader is a function (text, Origin) -> Records, registered with ``@reader(suffixes, sniff=...)`` in its own
module of ``chrono/read/``; every module there is imported once by ``load_readers``, so adding an input kind
is adding one module.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

from chrono.read.common import Origin, Record
from chrono.read.inputs import GZIP, HEAD_BYTES, id_from_path, is_gzip
from chrono.read.lines import Line


class Reader(Protocol):
    def __call__(self, text: str, origin: Origin, /) -> Iterable[Record]:
        """Every document of one input (``published`` None where it gives none), or the parts it cannot read."""
        ...


class LineReader(Protocol):
    def __call__(self, lines: Iterable[Line], origin: Origin, /) -> Iterable[Record]:
        """The documents of an input given one line at a time (a collection of any size), as ``Reader``."""
        ...


Sniff = Callable[[str], bool]


@dataclass(frozen=True, slots=True)
class ReaderEntry:
    """A registered reader: the suffixes it owns, and whether it recognizes a text by its content."""

    name: str
    suffixes: tuple[str, ...]
    read: Reader
    sniff: Sniff | None = None  # recognizes this kind in text whose name does not say it
    in_folders: bool = True  # a folder's files with these suffixes are read (False: only when named)
    corpus: bool = False  # annotated corpus files: a folder holding them is read for them alone
    fallback: bool = False  # the reader of text no other reader recognizes (one only)
    lines: LineReader | None = None  # reads a named file line by line, so its size is not limited


READERS: list[ReaderEntry] = []


def reader(*suffixes: str, sniff: Sniff | None = None, in_folders: bool = True, corpus: bool = False,
           fallback: bool = False, lines: LineReader | None = None) -> Callable[[Reader], Reader]:
    """Decorator: register a reader for files ending in ``suffixes`` (and text ``sniff`` recognizes); with
    ``lines``, a file named by those suffixes is streamed to it line by line instead of read whole."""

    def register(function: Reader) -> Reader:
        name = getattr(function, "__module__", "").rsplit(".", 1)[-1]
        READERS.append(ReaderEntry(name, tuple(suffixes), function, sniff, in_folders, corpus, fallback, lines))
        return function

    return register


def load_readers() -> list[ReaderEntry]:
    """The registry, once every module of chrono.read has been imported (each reader module registers itself)."""
    _import_reader_modules()
    return READERS


@cache
def _import_reader_modules() -> None:
    """Once: listing the package's modules reads its folder, 1.6 ms that every input file paid several times."""
    import chrono.read as package

    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{module.name}")


def folder_suffixes() -> tuple[str, ...]:
    return _with_gzip(suffix for entry in load_readers() if entry.in_folders for suffix in entry.suffixes)


def corpus_suffixes() -> tuple[str, ...]:
    return tuple(suffix for entry in load_readers() if entry.corpus for suffix in entry.suffixes)


def all_suffixes() -> tuple[str, ...]:
    return _with_gzip(suffix for entry in load_readers() for suffix in entry.suffixes)


def _with_gzip(suffixes: Iterable[str]) -> tuple[str, ...]:
    """The suffixes, and each with GZIP after it: `articles.jsonl.gz` is read as `.jsonl` (unpacked on reading)."""
    plain = tuple(suffixes)
    return plain + tuple(suffix + GZIP for suffix in plain)


def recognised(path: Path) -> bool:
    """Whether a folder's file that no reader owns by suffix is an input by its content: a reader's sniff takes
    its first bytes (an HTML page, JSON, front matter, a date header), or it has no suffix at all and is UTF-8
    text (crawls name files by id). Not a saved page's scripts, styles and images."""
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError:
        return True  # the read stage says what is wrong with it, in one line
    if not head.strip() or b"\x00" in head or is_gzip(head):
        return False
    try:
        text = head.decode("utf-8-sig")
        utf8 = True
    except UnicodeDecodeError as exc:  # a legacy page still sniffs as one; a character cut at the end is no fault
        text = head.decode("utf-8-sig", errors="replace")
        utf8 = exc.start >= len(head) - 3 and len(head) == HEAD_BYTES
    if any(entry.sniff is not None and entry.sniff(text) for entry in load_readers()):
        return True
    return utf8 and not Path(path.name).suffix


def reader_by_suffix(path: str) -> ReaderEntry | None:
    """The reader of a file by its suffix (a gzip file's by the suffix before `.gz`); None when none owns it."""
    name = Path(path).name.lower().removesuffix(GZIP)
    return next((entry for entry in load_readers() if any(name.endswith(suffix.lower()) for suffix in entry.suffixes)),
                None)


def reader_for(path: str, text: str) -> ReaderEntry:
    """The reader of a file by its suffix (``reader_by_suffix``), else the one whose sniff recognizes the text,
    else the fallback."""
    entries = load_readers()
    by_suffix = reader_by_suffix(path)
    if by_suffix is not None:
        return by_suffix
    for entry in entries:
        if entry.sniff is not None and entry.sniff(text):
            return entry
    return next(entry for entry in entries if entry.fallback)


def document_id(path: str | Path) -> str:
    """The id of a file's document: its name without input suffixes ('a/wsj_0006.TE3input' -> 'wsj_0006'),
    'stdin' for standard input. TimeML files pair by it in `chrono eval`; `chrono tag` names its outputs by it."""
    return id_from_path(path, all_suffixes())
