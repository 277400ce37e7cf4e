"""Stream the inputs of an index run one document at a time, so the driver never holds the corpus.

Folders are walked (sorted, hidden entries skipped); `.jsonl`, `.jsonl.gz` and Parquet files are read record by
record (their columns named by ``Columns``); every other file goes through chrono's read stage as one input. That
stage may cost more than the analysis (a saved HTML page: parsing it and finding its main text), so the files
themselves are read by a ``FileReader``: here, or a cluster's workers, a group of files a task.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chrono.errors import ChronoInputError
from chrono.model import Document
from chrono.read import iter_records
from chrono.read.common import Origin, Record
from chrono.read.inputs import unknown_kinds
from chrono.read.lines import read_lines
from chrono.read.published import settle_published
from chrono.read.records import json_lines, record_from
from chrono.read.registry import folder_suffixes, recognised

STREAMED = (".jsonl.gz", ".ndjson.gz", ".jsonl", ".ndjson", ".parquet")


@dataclass(frozen=True, slots=True)
class Columns:
    """Which record fields hold what; None keeps the read stage's names (text/body, published/date, ...)."""

    text: str | None = None
    published: str | None = None
    id: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None

    def names(self) -> dict[str, str]:
        """Standard field -> the input's column, for the columns that were renamed."""
        return {field: name for field in ("text", "published", "id", "title", "url", "outlet")
                if (name := getattr(self, field)) is not None}


@dataclass(frozen=True, slots=True)
class Item:
    """One document read, with where it came from (source, record number) and its content hash."""

    document: Document
    source: str
    record: int
    digest: str


@dataclass(frozen=True, slots=True)
class Failure:
    """An input or record that could not be read."""

    source: str
    record: int
    reason: str


def content_hash(document: Document) -> str:
    """The key of a stored document: its text and publication date (what its analysis depends on)."""
    published = document.published.isoformat() if document.published else ""
    return _digest(f"{published}\x1f{document.text}")


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


# What the read stage makes of files, in their order (``read_files`` here; a cluster's workers for a run's runner)
FileReader = Callable[[list[str]], Iterator[Item | Failure]]


def iter_inputs(paths: list[str], columns: Columns = Columns(), read: FileReader | None = None
                ) -> Iterator[Item | Failure]:
    """Every document (or failure) of the inputs, in input order; folders in sorted order. Files that are not
    streamed go through ``read`` (by default, read here), consecutive ones together (a folder, a shell glob)."""
    read = read or read_here
    for kind, group in itertools.groupby(_files(paths), key=_kind):
        if kind == "failure":
            yield from (entry for entry in group if isinstance(entry, Failure))
        elif kind == "streamed":
            for path in group:
                yield from _read_file(str(path), columns)
        else:
            yield from read([path for path in group if isinstance(path, str)])


def _files(paths: list[str]) -> Iterator[str | Failure]:
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = _folder_files(path)
            if not files:
                yield Failure(given, 0, f"{given}: the folder holds no article files")
            yield from (str(file) for file in files)
        elif path.is_file():
            yield given
        else:
            yield Failure(given, 0, f"{given}: no such file or folder")


def _kind(entry: str | Failure) -> str:
    if isinstance(entry, Failure):
        return "failure"
    return "streamed" if entry.lower().endswith(STREAMED) else "whole"


def read_here(paths: list[str]) -> Iterator[Item | Failure]:
    """The documents (or failures) of files that are not streamed, in order, one file at a time."""
    for path in paths:
        yield from _read_file(path, Columns())


def read_files(paths: list[str]) -> list[Item | Failure]:
    """``read_here`` as a task a cluster's worker runs: its result travels back whole."""
    return list(read_here(paths))


def _folder_files(folder: Path) -> list[Path]:
    """The folder's inputs as `chrono build` reads them (chrono.read.inputs.expand) and its Parquet files."""
    known = tuple(suffix.lower() for suffix in folder_suffixes()) + STREAMED
    every = sorted((found for found in folder.rglob("*")
                    if found.is_file() and not any(part.startswith(".") for part in found.relative_to(folder).parts)),
                   key=lambda found: found.relative_to(folder).parts)
    return unknown_kinds(str(folder), every, known, recognised)


def _read_file(path: str, columns: Columns) -> Iterator[Item | Failure]:
    name = path.lower()
    try:
        if name.endswith(".parquet"):
            yield from _records(path, _parquet_records(path), columns)
        elif name.endswith((".jsonl.gz", ".ndjson.gz", ".jsonl", ".ndjson")):
            yield from _records(path, json_lines(read_lines(path)), columns)  # build's reader, line by line
        else:
            for number, record in enumerate(iter_records([path], unique_ids=False)):
                yield _item(record, path, number)
    except (OSError, EOFError, ValueError, ChronoInputError) as exc:  # a broken file (gzip, Parquet) mid-way
        message = str(exc)
        yield Failure(path, 0, message if message.startswith(path) else f"{path}: {message}")


def _parquet_records(path: str) -> Iterator[tuple[int, Any]]:
    import pyarrow.parquet as pq

    number = 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=512):
        for row in batch.to_pylist():
            number += 1
            yield number, row


def _records(path: str, records: Iterator[tuple[int, Any]], columns: Columns) -> Iterator[Item | Failure]:
    renamed = columns.names()
    stem = Path(path).name.split(".")[0]
    origin = Origin(name=path, source=path, document_id=stem)
    for number, record in records:
        where = f"{path}: record {number}"
        if isinstance(record, ChronoInputError):
            yield Failure(path, number, f"{where}: {record}")
            continue
        if renamed and isinstance(record, dict):
            record = {**record, **{field: record.get(column) for field, column in renamed.items()}}
        yield _item(settle_published(record_from(record, where=where, origin=origin, fallback_id=f"{stem}-{number}"),
                                     None), path, number)


def _item(record: Record, path: str, number: int) -> Item | Failure:
    if record.document is None:
        return Failure(path, number, record.problem or f"{record.where}: unreadable")
    return Item(record.document, path, number, content_hash(record.document))
