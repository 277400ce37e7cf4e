"""The store's tables as Arrow schemas, and the conversions between rows and chrono.model objects.

documents    one row per stored article (its content hash is the key; the text is kept for excerpts)
expressions  every temporal expression found, resolved or not, in document order (``position``)
events       every dated event, partitioned by the year of its first day (``year=YYYY`` folders)
leads        an article's undated opening sentences, as events of its publication day (key-date candidates)
errors       documents (or inputs) that could not be stored, with the reason
manifest     the content hashes a committed batch holds; a batch exists only once its manifest part does
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from chrono.lang import Language
from chrono.model import Document, Event, Expression, Granularity, PartialValue, Span, TimexType, Value
from chrono.order.select import event_interval

SCHEMA_VERSION = 1
UNDATED = "undated"  # the year folder of an event whose interval is unknown
# Years outside this range share one folder: a batch holds stray years by the dozen ("1500 troops" read as a
# year, history), each of which would otherwise cost a small part per batch.
YEAR_FOLDERS = range(1900, 2100)
OTHER_YEARS = "other"

DOCUMENTS = pa.schema([
    ("hash", pa.string()), ("id", pa.string()), ("source", pa.string()), ("record", pa.int64()),
    ("url", pa.string()), ("title", pa.string()), ("outlet", pa.string()), ("published", pa.date32()),
    ("published_source", pa.string()), ("dateline", pa.string()), ("language", pa.string()), ("locale", pa.string()),
    ("body_start", pa.int64()), ("body_end", pa.int64()),
    ("text", pa.large_string()), ("batch", pa.string()),
])
_VALUE_FIELDS = [
    ("value", pa.string()), ("type", pa.string()), ("mod", pa.string()), ("quant", pa.string()),
    ("freq", pa.string()), ("value_start", pa.date32()), ("value_end", pa.date32()), ("granularity", pa.string()),
]
EXPRESSIONS = pa.schema([
    ("doc_hash", pa.string()), ("document", pa.string()), ("position", pa.int32()), ("text", pa.string()),
    ("span_start", pa.int64()), ("span_end", pa.int64()), ("rule", pa.string()), ("partial_type", pa.string()),
    ("partial_mod", pa.string()), ("partial_quant", pa.string()), ("partial_freq", pa.string()),
    *_VALUE_FIELDS,
])
EVENTS = pa.schema([
    ("doc_hash", pa.string()), ("document", pa.string()), ("position", pa.int32()), *_VALUE_FIELDS,
    ("first_day", pa.date32()), ("last_day", pa.date32()), ("phrase", pa.string()), ("span_start", pa.int64()),
    ("span_end", pa.int64()), ("sentence", pa.string()), ("headline", pa.string()),
])
ERRORS = pa.schema([
    ("key", pa.string()), ("doc_hash", pa.string()), ("document", pa.string()), ("source", pa.string()),
    ("record", pa.int64()), ("reason", pa.string()), ("batch", pa.string()),
])
MANIFEST = pa.schema([("hash", pa.string()), ("batch", pa.string()), ("status", pa.string())])

TABLES: dict[str, pa.Schema] = {
    "documents": DOCUMENTS, "expressions": EXPRESSIONS, "events": EVENTS, "leads": EVENTS, "errors": ERRORS,
    "manifest": MANIFEST,
}


def _value_row(value: Value | None) -> dict[str, Any]:
    if value is None:
        return {name: None for name, _ in _VALUE_FIELDS}
    return {
        "value": value.value, "type": str(value.type), "mod": value.mod, "quant": value.quant, "freq": value.freq,
        "value_start": value.start, "value_end": value.end,
        "granularity": value.granularity.name.lower() if value.granularity is not None else None,
    }


_TYPES = {str(kind): kind for kind in TimexType}
_GRANULARITIES = {granularity.name.lower(): granularity for granularity in Granularity}


def _value(row: dict[str, Any]) -> Value | None:
    if row["value"] is None:
        return None
    granularity = row["granularity"]
    return Value(row["value"], _TYPES[row["type"]], row["mod"], row["value_start"], row["value_end"],
                 _GRANULARITIES[granularity] if granularity else None, row["quant"], row["freq"])


def document_row(document: Document, digest: str, record: int, batch: str) -> dict[str, Any]:
    body = document.body
    return {
        "hash": digest, "id": document.id, "source": document.source, "record": record, "url": document.url,
        "title": document.title, "outlet": document.outlet, "published": document.published,
        "published_source": document.published_source, "dateline": document.dateline,
        "language": document.language.code, "locale": document.locale, "body_start": body.start if body else None,
        "body_end": body.end if body else None, "text": document.text, "batch": batch,
    }


def document_from_row(row: dict[str, Any], document_id: str) -> Document:
    body = Span(row["body_start"], row["body_end"]) if row["body_start"] is not None else None
    return Document(id=document_id, text=row["text"], published=row["published"], source=row["source"],
                    dateline=row["dateline"], outlet=row["outlet"], title=row["title"], url=row["url"], body=body,
                    published_source=row["published_source"], locale=row["locale"],
                    language=Language.load(row["language"]))


def expression_row(expression: Expression, digest: str, position: int) -> dict[str, Any]:
    partial = expression.partial
    return {
        "doc_hash": digest, "document": expression.document, "position": position, "text": expression.text,
        "span_start": expression.span.start, "span_end": expression.span.end, "rule": expression.rule,
        "partial_type": str(partial.type), "partial_mod": partial.mod, "partial_quant": partial.quant,
        "partial_freq": partial.freq, **_value_row(expression.value),
    }


def expression_from_row(row: dict[str, Any], document_id: str) -> Expression:
    """The expression as the renderers see it; of its partial value only type, mod, quant and freq are kept."""
    partial = PartialValue(type=TimexType(row["partial_type"]), mod=row["partial_mod"], quant=row["partial_quant"],
                           freq=row["partial_freq"])
    return Expression(text=row["text"], span=Span(row["span_start"], row["span_end"]), partial=partial,
                      rule=row["rule"], document=document_id, value=_value(row))


def event_row(event: Event, digest: str, position: int) -> dict[str, Any]:
    interval = event_interval(event)
    return {
        "doc_hash": digest, "document": event.document, "position": position, **_value_row(event.when),
        "first_day": interval[0] if interval else None, "last_day": interval[1] if interval else None,
        "phrase": event.phrase, "span_start": event.span.start, "span_end": event.span.end,
        "sentence": event.sentence, "headline": event.headline,
    }


def events_from_table(table: pa.Table, names: dict[str, str]) -> list[Event]:
    """The events of an Arrow table of event rows, their documents named by ``names`` (content hash -> id): read by
    column, each distinct value made once (a chosen day's thousands of events share a few values)."""
    fields = [name for name, _ in _VALUE_FIELDS]
    values: dict[tuple[Any, ...], Value] = {}
    events = []
    columns = [table.column(name).to_pylist() for name in
               ("doc_hash", "phrase", "span_start", "span_end", "sentence", "headline", *fields)]
    for digest, phrase, start, end, sentence, headline, *value in zip(*columns, strict=True):
        key = tuple(value)
        when = values.get(key)
        if when is None:
            made = _value(dict(zip(fields, value, strict=True)))
            assert made is not None  # every stored event has a value
            when = values[key] = made
        events.append(Event(when=when, phrase=phrase, span=Span(start, end), sentence=sentence, headline=headline,
                            document=names[digest]))
    return events
