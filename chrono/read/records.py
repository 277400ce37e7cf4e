"""JSON and JSON Lines inputs: each record (an object with `text` or `body` and `published` or `date`) is a Document.

Optional fields: `title`, `url`, `outlet`, `id`, `locale` (or `language`: "en_GB", for the day/month order). A
bad record is reported on its own (file and record number); the file's other records still build. JSON Lines
records are split on line feeds only (CRLF too), so a record may hold U+2028 or U+0085, and are read one at a
time.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

from chrono.errors import ChronoInputError
from chrono.model import Document
from chrono.read.common import LOCALE_KEYS, Origin, Record, metadata_date
from chrono.read.inputs import is_blank
from chrono.read.registry import reader
from chrono.read.tokenized import as_prose

TEXT_KEYS = ("text", "body")
DATE_KEYS = ("published", "date")
NO_DATE_HINT = "add a 'published' date YYYY-MM-DD to the record or pass --published YYYY-MM-DD"
RECORD = "record"  # Document.published_source of a record's own date
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # JSON "\ud800" escapes decode to characters no output can encode


def _loads(text: str, where: str, *, one_line: bool = False) -> Any:
    """json.loads with every failure a one-line ChronoInputError (deep nesting and huge integers included)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        at = f"column {exc.colno}" if one_line else f"line {exc.lineno} column {exc.colno}"
        raise ChronoInputError(f"{where}: invalid JSON at {at}: {exc.msg}") from None
    except RecursionError:
        raise ChronoInputError(f"{where}: the JSON is nested too deeply to read") from None
    except ValueError as exc:  # an integer beyond Python's digit limit for str -> int
        raise ChronoInputError(f"{where}: unreadable JSON value ({str(exc).split(';')[0]})") from None


def _sniff_json(text: str) -> bool:
    return text.lstrip()[:1] in ("[", "{") and not _sniff_jsonl(text)


def _sniff_jsonl(text: str) -> bool:
    stripped = text.strip()
    first_line = stripped.split("\n", 1)[0].rstrip()
    return stripped.startswith("{") and first_line.endswith("}") and "\n" in stripped


@reader(".json", sniff=_sniff_json)
def read_json(text: str, origin: Origin) -> Iterator[Record]:
    """A JSON file holding one record or a list of records."""
    name = origin.name
    data = _loads(text, name)
    if isinstance(data, dict):
        yield record_from(data, where=name, origin=origin, fallback_id=origin.document_id)
    elif isinstance(data, list):
        if not data:
            raise ChronoInputError(f"{name}: the JSON list holds no records")
        for number, item in enumerate(data, 1):
            fallback_id = f"{origin.document_id}-{number}" if len(data) > 1 else origin.document_id
            yield record_from(item, where=f"{name}: record {number}", origin=origin, fallback_id=fallback_id)
    else:
        raise ChronoInputError(f"{name}: expected a JSON object or a list of objects, found {type(data).__name__}")


def _numbered_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) split on LF only, without building the list: U+2028, U+0085 are not line ends."""
    start = 0
    number = 0
    while start <= len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        number += 1
        yield number, text[start:end].removesuffix("\r")
        start = end + 1


@reader(".jsonl", ".ndjson", sniff=_sniff_jsonl)
def read_jsonl(text: str, origin: Origin) -> Iterator[Record]:
    """A JSON Lines file, one record per non-blank line; a bad line is a failed record, the others are read."""
    count = 0
    for number, line in _numbered_lines(text):
        if not line.strip():
            continue
        count += 1
        where = f"{origin.name}: line {number}"
        try:
            data = _loads(line, where, one_line=True)
        except ChronoInputError as exc:
            yield Record.failed(where, str(exc))
            continue
        yield record_from(data, where=where, origin=origin, fallback_id=f"{origin.document_id}-{number}")
    if not count:
        raise ChronoInputError(f"{origin.name}: the JSON Lines file holds no records")


def record_from(record: Any, *, where: str, origin: Origin, fallback_id: str) -> Record:
    """One JSON record -> a Record (undated when the record gives no date; failed when it cannot be read)."""
    try:
        return _record(record, where, origin, fallback_id)
    except ChronoInputError as exc:
        return Record.failed(where, str(exc))


def _record(record: Any, where: str, origin: Origin, fallback_id: str) -> Record:
    if not isinstance(record, dict):
        raise ChronoInputError(f"expected a JSON object with 'text' and 'published', found {type(record).__name__}")
    text = _first(record, TEXT_KEYS)
    if not isinstance(text, str) or is_blank(text):
        raise ChronoInputError("the record has no 'text' or 'body' string")
    date: dt.date | None = None
    hint = f"the record has no publication date; {NO_DATE_HINT}"
    raw = _first(record, DATE_KEYS)
    if raw is not None:
        try:
            date = metadata_date(raw, where)
        except ChronoInputError as exc:
            hint = str(exc)  # reported only when no --published date stands in for it
    document = Document(
        id=_optional_str(record, "id") or fallback_id,
        text=_clean(as_prose(text)),
        published=date,
        source=origin.source,
        outlet=_optional_str(record, "outlet"),
        title=_optional_str(record, "title"),
        url=_optional_str(record, "url"),
        published_source=RECORD if date else None,
        locale=next((locale for key in LOCALE_KEYS if (locale := _optional_str(record, key))), None),
    )
    return Record(where, document, date_hint=hint)


def _clean(text: str) -> str:
    """Lone surrogates replaced by U+FFFD (one character for one: offsets hold)."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    return next((record[key] for key in keys if record.get(key) is not None), None)


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ChronoInputError(f"'{key}' must be a string, not {type(value).__name__}")
    return _clean(str(value)).strip() or None
