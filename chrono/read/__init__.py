"""Read many inputs into Documents: files, folders and standard input, in the formats chrono knows.

Formats, by extension (the content decides for standard input and unknown extensions):
- `.txt`: the sample format or plain text, through `chrono.read.text`;
- `.json` (one record or a list) and `.jsonl` (one per line): records with `text`/`body`, `published`/`date`;
- `.md`: Markdown with front matter (`date:`, `title:` ...);
- `.html`/`.htm`: saved pages, through the optional extra `chrono-timelines[html]`.
An input (or a record) that cannot be read becomes a failure (path, message); the others still build.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from chrono.errors import ChronoInputError
from chrono.model import Document
from chrono.read import text as article
from chrono.read.common import Origin
from chrono.read.html import parse_html
from chrono.read.markdown import parse_markdown
from chrono.read.records import parse_json, parse_jsonl
from chrono.read.text import STDIN_NAME, decode_article, parse_article, parse_date

__all__ = ["EXTENSIONS", "Failure", "read_documents", "read_input"]

Failure = tuple[str, str]  # (path as given, one-line message naming it)
Parsed = tuple[list[Document], list[str]]  # documents read, problems met (each a one-line message)
Reader = Callable[[str, Origin], Parsed]


def _article(text: str, origin: Origin) -> Parsed:
    return [parse_article(text, published=origin.published, source=origin.source,
                          document_id=origin.document_id)], []


def _markdown(text: str, origin: Origin) -> Parsed:
    return [parse_markdown(text, origin)], []


def _html(text: str, origin: Origin) -> Parsed:
    return [parse_html(text, origin)], []


READERS: dict[str, Reader] = {
    ".txt": _article, ".text": _article,
    ".json": parse_json,
    ".jsonl": parse_jsonl, ".ndjson": parse_jsonl,
    ".md": _markdown, ".markdown": _markdown,
    ".html": _html, ".htm": _html,
}
EXTENSIONS = tuple(READERS)


def read_documents(paths: list[str], published: dt.date | str | None = None, *, stdin: BinaryIO | None = None,
                   skip: str | os.PathLike[str] | None = None) -> tuple[list[Document], list[Failure]]:
    """Every input read into Documents with unique ids, plus the inputs (or records) that failed.

    Folders are expanded recursively (sorted, known extensions, hidden entries skipped); '-' reads
    standard input (or ``stdin``). A file of a folder that is ``skip`` (the command's output file, by any name or
    link) is left out, so that a timeline written into the folder is not read back. ``published`` overrides
    every input's own date, as `--published` does for one article. A bad ``published`` raises
    ChronoInputError: it is the command's fault, not an input's.
    """
    date = parse_date(published) if isinstance(published, str) else published
    documents: list[Document] = []
    failures: list[Failure] = []
    read: set[str] = set()  # a file named twice (or inside a named folder too) is one article, not two reports
    for given in paths:
        try:
            files = list(_expand(given))
        except ChronoInputError as exc:
            failures.append((given, str(exc)))
            continue
        for path in files:
            identity = path if path == STDIN_NAME else str(Path(path).resolve())
            if identity in read or (skip is not None and path != given and _same_file(path, skip)):
                continue
            read.add(identity)
            found, problems = _read_one(path, date, stdin)
            documents.extend(found)
            failures.extend((path, problem) for problem in problems)
    return _unique_ids(documents), failures


def read_input(path: str, published: dt.date | None = None, *, stdin: BinaryIO | None = None) -> list[Document]:
    """One file (or '-') -> its Documents; ChronoInputError naming it when any part cannot be read."""
    documents, problems = _read_one(path, published, stdin)
    if problems:
        raise ChronoInputError(problems[0])
    return documents


def _read_one(path: str, published: dt.date | None, stdin: BinaryIO | None) -> Parsed:
    is_stdin = path == STDIN_NAME
    name = "standard input" if is_stdin else path
    origin = Origin(name=name, source=path, document_id="stdin" if is_stdin else Path(path).stem,
                    published=published)
    try:
        limit = article.MAX_BYTES  # read at call time: one limit for every input, set in chrono.read.text
        data = (stdin or sys.stdin.buffer).read(limit + 1) if is_stdin else _read_bytes(Path(path), limit)
        if len(data) > limit:
            raise ChronoInputError(f"{name} is larger than the {limit // 2**20} MB limit for one input")
        text = decode_article(data, name)
        reader = None if is_stdin else READERS.get(Path(path).suffix.lower())
        return (reader or _sniff(text))(text, origin)
    except ChronoInputError as exc:
        message = str(exc)
        return [], [message if name in message else f"{name}: {message}"]


def _read_bytes(path: Path, limit: int) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(limit + 1)
    except OSError as exc:
        raise ChronoInputError(f"cannot read {path}: {exc.strerror or exc}") from None


def _sniff(text: str) -> Reader:
    """The reader for text whose name does not say its format."""
    head = text.lstrip()[:512]
    if head.startswith("["):
        return parse_json
    if head.startswith("{"):
        first_line = text.lstrip().split("\n", 1)[0].rstrip()
        return parse_jsonl if first_line.endswith("}") and "\n" in text.strip() else parse_json
    if text.startswith("---") and text[3:].lstrip(" \t")[:1] in ("\n", "\r"):
        return _markdown
    lowered = head.lower()
    if head.startswith("<") and any(tag in lowered for tag in ("<!doctype html", "<html", "<head", "<body")):
        return _html
    return _article


def _expand(given: str) -> Iterator[str]:
    if given == STDIN_NAME:
        yield given
        return
    path = Path(given)
    if path.is_dir():
        files = sorted(
            (found for found in path.rglob("*")
             if found.is_file() and found.suffix.lower() in READERS
             and not any(part.startswith(".") for part in found.relative_to(path).parts)),
            key=lambda found: found.relative_to(path).parts,
        )
        if not files:
            raise ChronoInputError(f"{given}: the folder holds no article files ({', '.join(EXTENSIONS)})")
        yield from (str(found) for found in files)
    elif path.exists():
        yield given
    else:
        raise ChronoInputError(f"{given}: no such file or folder")


def _same_file(first: str, second: str | os.PathLike[str]) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def _unique_ids(documents: list[Document]) -> list[Document]:
    """Rename repeated ids in input order: the first keeps its id, later ones get -2, -3 ..."""
    taken = {document.id for document in documents}
    seen: set[str] = set()
    unique: list[Document] = []
    for document in documents:
        if document.id in seen:
            number = 2
            while f"{document.id}-{number}" in taken:
                number += 1
            renamed = f"{document.id}-{number}"
            taken.add(renamed)
            document = dataclasses.replace(document, id=renamed)
        seen.add(document.id)
        unique.append(document)
    return unique
