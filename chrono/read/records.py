"""JSON and JSON Lines inputs: each record (an object with `text` or `body` and `published` or `date`) is a Document.

Optional fields: `title`, `url`, `outlet`, `id`. A bad record is reported on its own; the file's other
records still build.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from chrono.errors import ChronoInputError
from chrono.model import Document
from chrono.read.common import Origin, metadata_date

TEXT_KEYS = ("text", "body")
DATE_KEYS = ("published", "date")
NO_DATE_HINT = "add a 'published' date YYYY-MM-DD to the record or pass --published YYYY-MM-DD"


def parse_json(text: str, origin: Origin) -> tuple[list[Document], list[str]]:
    """A JSON file holding one record or a list of records -> (documents, problems)."""
    name = origin.name
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ChronoInputError(f"{name}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    if isinstance(data, dict):
        return _collect([(None, data)], origin)
    if isinstance(data, list):
        if not data:
            raise ChronoInputError(f"{name}: the JSON list holds no records")
        records = [(f"record {number}", item) for number, item in enumerate(data, 1)]
        return _collect(records, origin)
    raise ChronoInputError(f"{name}: expected a JSON object or a list of objects, found {type(data).__name__}")


def parse_jsonl(text: str, origin: Origin) -> tuple[list[Document], list[str]]:
    """A JSON Lines file, one record per non-blank line -> (documents, problems); a bad line is a problem."""
    name = origin.name
    records: list[tuple[str | None, Any]] = []
    problems: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append((f"line {number}", json.loads(line)))
        except json.JSONDecodeError as exc:
            problems.append(f"{name}: line {number}: invalid JSON at column {exc.colno}: {exc.msg}")
    if not records and not problems:
        raise ChronoInputError(f"{name}: the JSON Lines file holds no records")
    documents, record_problems = _collect(records, origin)
    return documents, problems + record_problems


def _collect(records: list[tuple[str | None, Any]], origin: Origin) -> tuple[list[Document], list[str]]:
    documents: list[Document] = []
    problems: list[str] = []
    for label, record in records:
        where = f"{origin.name}: {label}" if label else origin.name
        stem = origin.document_id
        fallback_id = f"{stem}-{label.split()[-1]}" if label and len(records) > 1 else stem
        try:
            documents.append(record_document(record, where=where, source=origin.source, fallback_id=fallback_id,
                                             published=origin.published))
        except ChronoInputError as exc:
            problems.append(str(exc))
    return documents, problems


def record_document(record: Any, *, where: str, source: str, fallback_id: str,
                    published: dt.date | None = None) -> Document:
    """One record -> Document; ``published`` (from the command line) overrides the record's own date."""
    if not isinstance(record, dict):
        raise ChronoInputError(f"{where}: expected a JSON object with 'text' and 'published', "
                               f"found {type(record).__name__}")
    text = _first(record, TEXT_KEYS)
    if not isinstance(text, str) or not text.strip():
        raise ChronoInputError(f"{where}: the record has no 'text' or 'body' string")
    date = published
    if date is None:
        raw = _first(record, DATE_KEYS)
        if raw is None:
            raise ChronoInputError(f"{where}: the record has no publication date; {NO_DATE_HINT}")
        date = metadata_date(raw, where)
    return Document(
        id=_optional_str(record, "id", where) or fallback_id,
        text=text,
        published=date,
        source=source,
        outlet=_optional_str(record, "outlet", where),
        title=_optional_str(record, "title", where),
        url=_optional_str(record, "url", where),
    )


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    return next((record[key] for key in keys if record.get(key) is not None), None)


def _optional_str(record: dict[str, Any], key: str, where: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ChronoInputError(f"{where}: '{key}' must be a string, not {type(value).__name__}")
    return str(value).strip() or None

