"""iCalendar (RFC 5545): one all-day VEVENT per dated event, reproducible byte for byte.

DTEND of an all-day event is exclusive, so it is the day after the value's last day: a month value spans
the whole month (a value ending on 9999-12-31 gives its DURATION instead). DTSTAMP comes from the publication
date of the event's document, never from the clock.
"""

from __future__ import annotations

import datetime as dt

from chrono.lang import Language, or_default
from chrono.model import Document, Event, Timeline
from chrono.render.exporters import exporter
from chrono.render.exporters.event_fields import (
    datable_events,
    documents_by_id,
    export_names,
    interval,
    source_names,
    timeline_title,
    unique_ids,
)

PRODID = "-//chrono//chrono-timelines//EN"
LINE_OCTETS = 75  # RFC 5545 3.1: content lines are folded at 75 octets, CRLF excluded


def escape_text(text: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma, and line breaks as \\n."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into CRLF + space continuations of at most 75 octets, never inside a character."""
    if len(line.encode("utf-8")) <= LINE_OCTETS:
        return line
    chunks: list[str] = []
    current: list[str] = []
    size, limit = 0, LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            chunks.append("".join(current))
            current, size, limit = [], 0, LINE_OCTETS - 1  # the leading space of a continuation counts
        current.append(char)
        size += width
    chunks.append("".join(current))
    return "\r\n ".join(chunks)


def _day(day: dt.date) -> str:
    return f"{day:%Y%m%d}"


def _end(start: dt.date, end: dt.date) -> str:
    """DTEND, the day after ``end``; a value ending on 9999-12-31 has no such day: DURATION says the same."""
    if end < dt.date.max:
        return f"DTEND;VALUE=DATE:{_day(end + dt.timedelta(days=1))}"
    return f"DURATION:P{(end - start).days + 1}D"


def stamp_date(event: Event, documents: dict[str, Document], fallback: dt.date | None) -> dt.date:
    """The event's document publication date; else the earliest publication date; else the event's day."""
    document = documents.get(event.document)
    if document is not None and document.published is not None:
        return document.published
    return fallback or interval(event.when)[0]


def description(event: Event, sources: list[str], language: Language | None = None) -> str:
    """The phrase that dates the event, the sentence that reports it, and its source(s)."""
    words = or_default(language).labels.exports
    text = f"\u201c{event.phrase}\u201d\n{event.sentence}\n" + words.source.format(source=sources[0])
    also = words.also_reported_by.format(sources="; ".join(sources[1:]))
    return text + (f"\n{also}" if len(sources) > 1 else "")


def vevent(event: Event, uid: str, stamp: dt.date, documents: dict[str, Document], names: dict[str, str],
           language: Language | None = None) -> list[str]:
    start, end = interval(event.when)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{_day(stamp)}T000000Z",
        f"DTSTART;VALUE=DATE:{_day(start)}",
        _end(start, end),
        f"SUMMARY:{escape_text(event.headline)}",
        f"DESCRIPTION:{escape_text(description(event, source_names(event, names), language))}",
        "TRANSP:TRANSPARENT",  # a reported event is not a meeting: it must not block the reader's time
        f"X-CHRONO-TIMEX3:{escape_text(event.when.value)}",
    ]
    source = documents.get(event.document)
    if source is not None and source.url and not any(char in source.url for char in "\r\n"):
        lines.append(f"URL:{source.url}")
    lines.append("END:VEVENT")
    return lines


@exporter("ics")
def export_ics(timeline: Timeline) -> str:
    documents = documents_by_id(timeline)
    names = export_names(timeline)
    published = [document.published for document in timeline.documents if document.published is not None]
    fallback = min(published) if published else None
    events = list(datable_events(timeline))
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{escape_text(timeline_title(timeline))}",
    ]
    for event, uid in zip(events, unique_ids(events, length=32), strict=True):
        stamp = stamp_date(event, documents, fallback)
        lines.extend(vevent(event, f"{uid}@chrono", stamp, documents, names, timeline.language))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
