"""JSON and JSON Lines inputs: each record (an object with `text` or `body` and `published` or `date`) is a Document.

Optional fields: `title`, `url`, `outlet`, `id`, `locale` (or `language`: "en_GB", for the day/month order). The
names common news datasets and crawlers give these fields are read too (TEXT_KEYS, DATE_KEYS, ...). A
bad record is reported on its own (file and record number); the file's other records still build. JSON Lines
records are split on line feeds only (CRLF too), so a record may hold U+2028 or U+0085, and are read one at a
time: a named file line by line (``chrono.read.lines``), under the size limit for each record, not the file.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from chrono.errors import ChronoInputError
from chrono.model import Document
from chrono.read.common import LOCALE_KEYS, Origin, Record, metadata_date
from chrono.read.inputs import is_blank
from chrono.read.lines import Line, text_lines
from chrono.read.registry import reader
from chrono.read.tokenized import as_prose

# The fields each kind of record names, first found first: chrono's own, then what common news datasets and
# crawlers write (news-tls and Timeline17/Crisis/Entities: id, time, text, title; news-please: maintext,
# date_publish, source_domain; schema.org NewsArticle: articleBody, datePublished, headline; feeds: content,
# pubDate, link; the Twitter API: full_text, created_at)
TEXT_KEYS = ("text", "body", "maintext", "articleBody", "content", "full_text")
DATE_KEYS = ("published", "date", "time", "date_publish", "datePublished", "published_at", "publish_date", "pubDate",
             "created_at")
TITLE_KEYS = ("title", "headline")
URL_KEYS = ("url", "link")
OUTLET_KEYS = ("outlet", "source_domain", "publisher")  # schema.org's publisher is an object: skipped
NO_DATE_HINT = "add a 'published' date YYYY-MM-DD to the record or pass --published YYYY-MM-DD"
RECORD = "record"  # Document.published_source of a record's own date
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # JSON "\ud800" escapes decode to characters no output can encode


def _loads(text: str, where: str = "", *, one_line: bool = False) -> Any:
    """json.loads with every failure a one-line ChronoInputError (deep nesting and huge integers included),
    prefixed by ``where`` when given."""
    place = f"{where}: " if where else ""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        at = f"column {exc.colno}" if one_line else f"line {exc.lineno} column {exc.colno}"
        raise ChronoInputError(f"{place}invalid JSON at {at}: {exc.msg}") from None
    except RecursionError:
        raise ChronoInputError(f"{place}the JSON is nested too deeply to read") from None
    except ValueError as exc:  # an integer beyond Python's digit limit for str -> int
        raise ChronoInputError(f"{place}unreadable JSON value ({str(exc).split(';')[0]})") from None


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


def json_lines(lines: Iterable[Line]) -> Iterator[tuple[int, Any]]:
    """(line number, JSON value) of each non-blank line, one at a time; the value is a ChronoInputError (its
    message without the place) for a line that cannot be read: bad JSON, over the size limit, not UTF-8."""
    for line in lines:
        if line.problem is not None:
            yield line.number, ChronoInputError(line.problem)
        elif line.text.strip():
            try:
                yield line.number, _loads(line.text, one_line=True)
            except ChronoInputError as exc:
                yield line.number, exc


def read_json_lines(lines: Iterable[Line], origin: Origin) -> Iterator[Record]:
    """The records of JSON Lines, one per non-blank line; a bad line is a failed record, the others are read."""
    count = 0
    for number, data in json_lines(lines):
        count += 1
        where = f"{origin.name}: line {number}"
        if isinstance(data, ChronoInputError):
            yield Record.failed(where, str(data))
        else:
            yield record_from(data, where=where, origin=origin, fallback_id=f"{origin.document_id}-{number}")
    if not count:
        raise ChronoInputError(f"{origin.name}: the JSON Lines file holds no records")


@reader(".jsonl", ".ndjson", sniff=_sniff_jsonl, lines=read_json_lines)
def read_jsonl(text: str, origin: Origin) -> Iterator[Record]:
    """A JSON Lines text read whole (standard input); a named file is read line by line (``read_json_lines``)."""
    return read_json_lines(text_lines(text), origin)


def record_from(record: Any, *, where: str, origin: Origin, fallback_id: str) -> Record:
    """One JSON record -> a Record (undated when the record gives no date; failed when it cannot be read)."""
    try:
        return _record(record, where, origin, fallback_id)
    except ChronoInputError as exc:
        return Record.failed(where, str(exc))


def _record(record: Any, where: str, origin: Origin, fallback_id: str) -> Record:
    if not isinstance(record, dict):
        raise ChronoInputError(f"expected a JSON object with 'text' and 'published', found {type(record).__name__}")
    text = next((value for key in TEXT_KEYS if isinstance(value := record.get(key), str) and not is_blank(value)),
                None)
    if text is None:
        raise ChronoInputError("the record has no 'text' or 'body' string")  # (nor one of the other TEXT_KEYS)
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
        outlet=_first_str(record, OUTLET_KEYS),
        title=_first_str(record, TITLE_KEYS),
        url=_first_str(record, URL_KEYS),
        published_source=RECORD if date else None,
        locale=next((locale for key in LOCALE_KEYS if (locale := _optional_str(record, key))), None),
    )
    return Record(where, document, date_hint=hint)


def _clean(text: str) -> str:
    """Lone surrogates replaced by U+FFFD (one character for one: offsets hold)."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    return next((record[key] for key in keys if record.get(key) is not None), None)


def _first_str(record: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    """The field under chrono's own name (the first key; checked), else the first other name holding a string:
    another format's field of that name may hold something else (a feed's list of links)."""
    own, *others = keys
    value = _optional_str(record, own)
    if value is not None:
        return value
    return next((shown for key in others if isinstance(found := record.get(key), str)
                 and (shown := _clean(found).strip())), None)


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ChronoInputError(f"'{key}' must be a string, not {type(value).__name__}")
    return _clean(str(value)).strip() or None
