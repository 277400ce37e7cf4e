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
from pathlib import Path
from typing import Protocol

from chrono.read.common import Origin, Record
from chrono.read.inputs import GZIP, id_from_path


class Reader(Protocol):
    def __call__(self, text: str, origin: Origin, /) -> Iterable[Record]:
        """Every document of one input (``published`` None where it gives none), or the parts it cannot read."""
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


READERS: list[ReaderEntry] = []


def reader(*suffixes: str, sniff: Sniff | None = None, in_folders: bool = True, corpus: bool = False,
           fallback: bool = False) -> Callable[[Reader], Reader]:
    """Decorator: register a reader for files ending in ``suffixes`` (and text ``sniff`` recognizes)."""

    def register(function: Reader) -> Reader:
        name = getattr(function, "__module__", "").rsplit(".", 1)[-1]
        READERS.append(ReaderEntry(name, tuple(suffixes), function, sniff, in_folders, corpus, fallback))
        return function

    return register


def load_readers() -> list[ReaderEntry]:
    """Import every module of chrono.read once (each reader module registers itself) and return the registry."""
    import chrono.read as package

    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{module.name}")
    return READERS


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


def reader_for(path: str, text: str) -> ReaderEntry:
    """The reader of a file by its suffix (a gzip file's by the suffix before `.gz`), else the one whose sniff
    recognizes the text, else the fallback."""
    entries = load_readers()
    name = Path(path).name.lower().removesuffix(GZIP)
    for entry in entries:
        if any(name.endswith(suffix.lower()) for suffix in entry.suffixes):
            return entry
    for entry in entries:
        if entry.sniff is not None and entry.sniff(text):
            return entry
    return next(entry for entry in entries if entry.fallback)


def document_id(path: str | Path) -> str:
    """The id of a file's document: its name without input suffixes ('a/wsj_0006.TE3input' -> 'wsj_0006'),
    'stdin' for standard input. TimeML files pair by it in `chrono eval`; `chrono tag` names its outputs by it."""
    return id_from_path(path, all_suffixes())
