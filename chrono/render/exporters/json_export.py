"""The json format: one documented schema (docs/json-schema.md), built from record functions other exporters reuse.

Records are plain dicts of JSON types (str, int, None, lists): dates as ISO strings, spans as [start, end].
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from collections.abc import Iterator
from typing import Any

from chrono.lang import Language
from chrono.model import Document, Event, Expression, KeyDate, Timeline, Value
from chrono.render.exporters import streamed
from chrono.render.labels import label

SCHEMA = "chrono-timeline/1"


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def value_record(value: Value | None, language: Language | None = None) -> dict[str, Any]:
    """The ``when`` of an event: TIMEX3 value, type and mod, the interval's first and last day, a readable label."""
    if value is None:
        return {"value": None, "type": None, "mod": None, "start": None, "end": None,
                "label": label(None, language=language),
                "granularity": None, "assumed_order": False}
    return {
        "value": value.value,
        "type": str(value.type),
        "mod": value.mod,
        "start": iso(value.start),
        "end": iso(value.end),
        "label": label(value, language=language),
        "granularity": value.granularity.name.lower() if value.granularity is not None else None,
        "assumed_order": value.assumed_order,
    }


def document_record(document: Document) -> dict[str, Any]:
    """A source document without its text (offsets in events and expressions index that text)."""
    return {
        "id": document.id,
        "source": document.source,
        "published": iso(document.published),
        "published_source": document.published_source,
        "dateline": document.dateline,
        "outlet": document.outlet,
        "title": document.title,
        "url": document.url,
    }


def event_record(event: Event, language: Language | None = None) -> dict[str, Any]:
    """One timeline entry: when, what (headline, sentence) and where it was said (phrase, span, document)."""
    return {
        "when": value_record(event.when, language),
        "phrase": event.phrase,
        "span": [event.span.start, event.span.end],
        "sentence": event.sentence,
        "headline": event.headline,
        "document": event.document,
        "sources": [event.document, *event.sources],
    }


def expression_record(expression: Expression) -> dict[str, Any]:
    """Every temporal expression found, resolved or not (value null when unresolved)."""
    value = expression.value
    return {
        "text": expression.text,
        "span": [expression.span.start, expression.span.end],
        "type": str(expression.type),
        "value": value.value if value else None,
        "mod": value.mod if value else expression.partial.mod,
        "quant": value.quant if value else expression.partial.quant,
        "freq": value.freq if value else expression.partial.freq,
        "assumed_order": expression.partial.assumed_order,
        "document": expression.document,
    }


def key_date_record(key: KeyDate) -> dict[str, Any]:
    """A key date (build --key-dates): the day, its salience score and the articles that date something on it."""
    return {"date": key.day.isoformat(), "score": key.score, "supporting_articles": len(key.articles),
            "articles": list(key.articles)}


def timeline_record(timeline: Timeline) -> dict[str, Any]:
    """The whole document: events in timeline order, expressions in document order (as the Timeline holds them).

    A key-dates timeline adds ``key_dates`` and, on each event, its day's ``key_date`` score and article count.
    The events and expressions are iterators, made as they are written (dumps writes them one by one), so a
    large timeline never holds all its records at once: read each only once, or list() it."""
    record = {
        "schema": SCHEMA,
        "documents": [document_record(document) for document in timeline.documents],
        "events": _event_records(timeline),
        "expressions": (expression_record(expression) for expression in timeline.expressions),
    }
    if timeline.key_dates:
        record["key_dates"] = [key_date_record(key) for key in timeline.key_dates]
    return record


def _event_records(timeline: Timeline) -> Iterator[dict[str, Any]]:
    days = {_identity(event): key for key in timeline.key_dates for event in key.events}
    for event in timeline.events:
        entry = event_record(event, timeline.language)
        key = days.get(_identity(event)) if days else None
        if key is not None:
            entry["key_date"] = {"date": key.day.isoformat(), "score": key.score,
                                 "supporting_articles": len(key.articles)}
        yield entry


def _identity(event: Event) -> tuple[str, int, int, str]:
    return event.document, event.span.start, event.span.end, event.when.value


_SPAN_LINES = re.compile(r"\[\s+(-?\d+),\s+(-?\d+)\s+\]")  # only JSON structure has raw newlines, never strings


_END = object()


class _Records:
    """A non-empty iterator of records, written as a JSON list one record at a time."""

    def __init__(self, first: Any, rest: Iterator[Any]) -> None:
        self._items = itertools.chain((first,), rest)

    def __iter__(self) -> Iterator[Any]:
        return self._items

    def __bool__(self) -> bool:
        return True


_WHOLE_DEPTH = 2  # the top object and its lists are written piece by piece; each record below them whole


def dumps(record: Any, *, indent: int | None = 2) -> str:
    """JSON text as chrono writes it: UTF-8 characters kept, keys in record order, spans on one line.

    Indented, the text equals json.dumps(record, indent=indent) but is made record by record: the pure-Python
    encoder that indenting needs would otherwise hold millions of small pieces at once for a large timeline.
    """
    if indent is None:
        return json.dumps(record, ensure_ascii=False)
    return "".join(pieces(record, indent=indent))


def pieces(record: Any, *, indent: int = 2) -> Iterator[str]:
    """dumps(record) in pieces, made as they are read: a writer need not hold the whole text."""
    pending: list[str] = []
    for _ in _write(record, 0, indent, pending):
        yield "".join(pending)  # a record's few pieces at a time
        pending.clear()
    if pending:
        yield "".join(pending)


def _write(value: Any, level: int, indent: int, pieces: list[str]) -> Iterator[None]:
    """Append the JSON of ``value`` to ``pieces``, pausing (yielding) after each record of the top levels."""
    if isinstance(value, Iterator):  # records made as they are written (timeline_record)
        first = next(value, _END)
        value = [] if first is _END else _Records(first, value)
    if level < _WHOLE_DEPTH and value and (isinstance(value, dict | _Records) or (
            isinstance(value, list) and any(isinstance(item, dict | list) for item in value))):
        inner = "\n" + " " * (indent * (level + 1))
        items = value.items() if isinstance(value, dict) else ((None, item) for item in value)
        pieces.append("{" if isinstance(value, dict) else "[")
        for number, (key, item) in enumerate(items):
            pieces.append(("," if number else "") + inner)
            if key is not None or isinstance(value, dict):
                pieces.append(json.dumps(key, ensure_ascii=False) + ": ")
            yield from _write(item, level + 1, indent, pieces)
        pieces.append("\n" + " " * (indent * level) + ("}" if isinstance(value, dict) else "]"))
        return
    text = _SPAN_LINES.sub(r"[\1, \2]", json.dumps(value, ensure_ascii=False, indent=indent))
    pieces.append(text.replace("\n", "\n" + " " * (indent * level)) if level else text)
    yield


@streamed("json")
def export_json(timeline: Timeline) -> Iterator[str]:
    yield from pieces(timeline_record(timeline))
    yield "\n"
