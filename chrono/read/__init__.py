"""The read stage: files, folders and standard input into Documents, through one reader per input kind.

Readers register themselves by suffix (and, for standard input and unknown suffixes, by what the text looks
like) in ``chrono.read.registry``; each lives in its own module here:

- `.txt` (`text.py`): the sample format (`date YYYY-MM-DD` header) or plain text; also any text no other reader
  recognizes;
- `.json` (one record or a list), `.jsonl` / `.ndjson` (`records.py`): records with `text`/`body`,
  `published`/`date`;
- `.md` (`markdown.py`): Markdown with front matter (`date:`, `title:` ...);
- `.html` / `.htm` (`html.py`): saved pages, through the optional extra `chrono-timelines[html]`;
- `.tml` / `.TE3input` (`timeml.py`): TimeML and TempEval input, dated by their DCT.

Every input is read under one size limit (``chrono.read.inputs.MAX_BYTES``), and every document's text under
one length limit (``MAX_CHARS``, a parameter here), with the same messages, and one
rule settles publication dates (``chrono.read.published``). A record or file that cannot be read becomes a
failure (path, one-line message naming it and the record); the others are still read. Reading streams:
``iter_records`` and ``iter_documents`` yield one document at a time, and a named JSON Lines file (gzipped or
not) is read one line at a time (``chrono.read.lines``), the size limit holding for each record, not the file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from chrono.errors import ChronoInputError
from chrono.model import Document
from chrono.read.common import Origin, Record
from chrono.read.inputs import MAX_CHARS, STDIN_NAME, describe, expand, load_text, too_long
from chrono.read.lines import read_lines
from chrono.read.published import publication_override, settle_published
from chrono.read.registry import (
    READERS,
    Reader,
    ReaderEntry,
    corpus_suffixes,
    document_id,
    folder_suffixes,
    load_readers,
    reader,
    reader_by_suffix,
    reader_for,
    recognised,
)

__all__ = ["READERS", "Failure", "Reader", "ReaderEntry", "Record", "document_id", "iter_documents",
           "iter_records", "read_documents", "read_input", "reader"]

Failure = tuple[str, str]  # (path as given, one-line message naming it)


def iter_records(paths: Iterable[str], published: dt.date | str | None = None, *, date_required: bool = True,
                 unique_ids: bool = True, stdin: BinaryIO | None = None,
                 skip: str | os.PathLike[str] | None = None, max_chars: int | None = MAX_CHARS) -> Iterator[Record]:
    """Every document of every input, one Record at a time, in input order: a Document with its publication date
    settled, or the problem that kept a file or record from being read.

    Folders are expanded recursively (sorted, known suffixes, hidden entries skipped; a folder of TimeML files
    is read for those alone); '-' reads standard input (or ``stdin``). ``published`` overrides every input's
    own date; without a date a document fails when ``date_required`` (news), else it stays undated (narrative).
    A file of a folder that is ``skip`` (the command's output file, by any name or link) is left out, so that a
    timeline written into the folder is not read back.
    A bad ``published`` raises ChronoInputError before anything is read: it is the caller's fault, not an
    input's. With ``unique_ids``, ids are made unique as documents come: a repeated id gets -2, -3 ...
    A document whose text is over ``max_chars`` characters fails (None: no limit), before anything analyses it.
    """
    override = publication_override(published)
    read: set[str] = set()  # a file named twice (or inside a named folder too) is one article, not two reports
    ids = _UniqueIds()
    for given in paths:
        try:
            files = list(expand(given, folder_suffixes(), corpus_suffixes=corpus_suffixes(), recognise=recognised))
        except ChronoInputError as exc:
            yield dataclasses.replace(Record.failed(given, str(exc)), path=given)
            continue
        root = given if given != STDIN_NAME and Path(given).is_dir() else ""
        for path in files:
            identity = path if path == STDIN_NAME else str(Path(path).resolve())
            if identity in read or (skip is not None and path != given and _same_file(path, skip)):
                continue
            read.add(identity)
            for record in _read_file(path, stdin, max_chars):
                refusal = too_long(len(record.document.text), record.where, max_chars) if record.document else None
                if refusal is not None:
                    record = Record.failed(record.where, refusal)
                record = settle_published(record, override, required=date_required)
                if record.document is not None and unique_ids:
                    record = dataclasses.replace(record, document=ids.unique(record.document))
                yield dataclasses.replace(record, path=path, root=root)


def iter_documents(paths: Iterable[str], published: dt.date | str | None = None, *, date_required: bool = True,
                   stdin: BinaryIO | None = None, skip: str | os.PathLike[str] | None = None,
                   max_chars: int | None = MAX_CHARS) -> Iterator[Document | Failure]:
    """``iter_records`` as Documents and (path, message) failures, for callers that need nothing else."""
    for record in iter_records(paths, published, date_required=date_required, stdin=stdin, skip=skip,
                               max_chars=max_chars):
        yield record.document if record.document is not None else (record.path, record.problem or "unreadable")


def read_documents(paths: list[str], published: dt.date | str | None = None, *, date_required: bool = True,
                   stdin: BinaryIO | None = None,
                   skip: str | os.PathLike[str] | None = None) -> tuple[list[Document], list[Failure]]:
    """Every input read into Documents with unique ids, plus the inputs (or records) that failed."""
    documents: list[Document] = []
    failures: list[Failure] = []
    for item in iter_documents(paths, published, date_required=date_required, stdin=stdin, skip=skip):
        if isinstance(item, Document):
            documents.append(item)
        else:
            failures.append(item)
    return documents, failures


def read_input(path: str, published: dt.date | str | None = None, *, date_required: bool = True,
               stdin: BinaryIO | None = None) -> list[Document]:
    """One file (or '-') -> its Documents; ChronoInputError naming it when any part cannot be read."""
    documents, failures = read_documents([path], published, date_required=date_required, stdin=stdin)
    if failures:
        raise ChronoInputError(failures[0][1])
    return documents


def _read_file(path: str, stdin: BinaryIO | None, max_chars: int | None) -> Iterator[Record]:
    """The records of one file through its reader; a problem with the whole file is one failed record."""
    name = describe(path)
    origin = Origin(name=name, source=path, document_id=document_id(path), max_chars=max_chars)
    try:
        named = reader_by_suffix(path) if path != STDIN_NAME else None
        if named is not None and named.lines is not None:  # a collection: one line at a time, any size
            yield from named.lines(read_lines(path), origin)
            return
        text = load_text(path, stdin=stdin)
        entry: ReaderEntry = reader_for(path, text)
        yield from entry.read(text, origin)
    except ChronoInputError as exc:  # the whole file, or what was left of it after its last good line
        yield Record.failed(name, str(exc))


def _same_file(first: str, second: str | os.PathLike[str]) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


class _UniqueIds:
    """Rename repeated ids in input order: the first keeps its id, later ones get -2, -3 ..."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def unique(self, document: Document) -> Document:
        identifier = document.id
        if identifier in self.taken:
            number = 2
            while f"{document.id}-{number}" in self.taken:
                number += 1
            identifier = f"{document.id}-{number}"
            document = dataclasses.replace(document, id=identifier)
        self.taken.add(identifier)
        return document


load_readers()
