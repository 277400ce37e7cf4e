"""What every data export says about an event: its date label, precision, clock time, stable id and source.

Shared by the jsonl, csv, timelinejs, ics and mermaid exporters so that no format restates the fields; the
event record itself is json_export's (re-exported here), so jsonl and csv carry exactly the json fields.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from chrono.calendar.timex import parse_timex
from chrono.lang import Language
from chrono.model import Document, Event, Granularity, Timeline, Value
from chrono.render.exporters.json_export import event_record
from chrono.render.labels import label

__all__ = [
    "clock_time",
    "datable_events",
    "export_name",
    "export_names",
    "documents_by_id",
    "event_record",
    "flat_record",
    "interval",
    "source_names",
    "start_fields",
    "stable_digest",
    "timeline_title",
    "unique_ids",
    "when_label",
]

# list-valued record fields that flatten into named columns rather than a joined cell
_LIST_COLUMNS = {"span": ("start", "end")}


def when_label(value: Value, language: Language | None = None) -> str:
    """A readable label for a value ("Wednesday, 1 March 2023", "September 2022"), as the renderer writes it."""
    return label(value, language=language)


def flat_record(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """One level of columns from a nested record: {"when": {"value": ..}} -> {"when.value": ..}."""
    flat: dict[str, Any] = {}
    for key, item in record.items():
        name = f"{prefix}{key}"
        if isinstance(item, dict):
            flat.update(flat_record(item, f"{name}."))
        elif isinstance(item, list | tuple) and key in _LIST_COLUMNS and len(item) == len(_LIST_COLUMNS[key]):
            flat.update({f"{name}.{part}": element for part, element in zip(_LIST_COLUMNS[key], item, strict=True)})
        elif isinstance(item, list | tuple):
            flat[name] = "; ".join(str(element) for element in item)
        else:
            flat[name] = item
    return flat


def datable_events(timeline: Timeline) -> Iterator[Event]:
    """The events that can be placed on a calendar (fuzzy values and durations cannot)."""
    return (event for event in timeline.events if event.when.is_datable)


def interval(value: Value) -> tuple[dt.date, dt.date]:
    """First and last day (inclusive) of a datable value; a value without an end covers its first day."""
    if value.start is None:
        raise ValueError(f"value {value.value!r} has no interval")
    return value.start, value.end or value.start


def start_fields(value: Value) -> dict[str, int]:
    """Year, month and day of the start, only as precise as the interval: a month value has no day."""
    start, end = interval(value)
    fine = value.granularity is not None and value.granularity >= Granularity.WEEK
    if not fine and (start.month, start.day) == (1, 1) and (end.month, end.day) == (12, 31):
        return {"year": start.year}
    if not fine and start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]:
        return {"year": start.year, "month": start.month}
    return {"year": start.year, "month": start.month, "day": start.day}


def clock_time(value: Value) -> tuple[int, int] | None:
    """Hour and minute of a TIME value with a clock time ("2023-03-02T14:05"), else None."""
    timex = parse_timex(value.value)
    if timex is None or timex.hour is None or timex.minute is None:
        return None
    return timex.hour, timex.minute


def stable_digest(event: Event) -> str:
    """A hex digest that names the event the same way on every run: its document, span and value."""
    key = f"{event.document}\x1f{event.span.start}:{event.span.end}\x1f{event.when.value}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def unique_ids(events: Iterable[Event], prefix: str = "", length: int = 16) -> list[str]:
    """A stable id per event, made unique by a counter when two events share document, span and value."""
    ids: list[str] = []
    seen: set[str] = set()
    for event in events:
        base = f"{prefix}{stable_digest(event)[:length]}"
        candidate, counter = base, 1
        while candidate in seen:
            counter += 1
            candidate = f"{base}-{counter}"
        seen.add(candidate)
        ids.append(candidate)
    return ids


def export_name(document: Document | None, fallback: str = "") -> str:
    """How a source reads in a data export (ICS, TimelineJS): its title, else outlet and date, else its id.

    Not the templates' ``document_name`` (title, outlet, file name, id): an export has no file names to show,
    and two untitled pieces of one outlet must read apart."""
    if document is None:
        return fallback
    if document.title:
        return document.title
    if document.outlet and document.published:
        return f"{document.outlet}, {document.published.isoformat()}"
    return document.outlet or document.id or fallback


def documents_by_id(timeline: Timeline) -> dict[str, Document]:
    return {document.id: document for document in timeline.documents}


def export_names(timeline: Timeline) -> dict[str, str]:
    """Each document's name in an export, its id added where two would read the same (two untitled pieces
    from one outlet on one day must stay two groups)."""
    names = {document.id: export_name(document, document.id) for document in timeline.documents}
    shared = Counter(names.values())
    return {key: f"{name} ({key})" if shared[name] > 1 else name for key, name in names.items()}


def source_names(event: Event, names: Mapping[str, str]) -> list[str]:
    """The name of the event's document, then of every other document that reports it (a merged event)."""
    ids = dict.fromkeys([event.document, *event.sources])
    return [names.get(document_id, document_id) for document_id in ids]


def timeline_title(timeline: Timeline) -> str:
    """A title for the whole export: the one article's name, or how many articles it draws on."""
    words = timeline.language.labels.exports
    if len(timeline.documents) == 1:
        return export_name(timeline.documents[0], words.title)
    if timeline.documents:
        return words.title_of_articles.format(count=len(timeline.documents))
    return words.title
