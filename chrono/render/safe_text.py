"""Text every output can carry: no lone surrogates (they cannot be encoded) and, outside JSON, no control
characters (TimeML must stay XML, RFC 5545 forbids them in iCalendar, and an ESC sequence must not reach a
terminal through html, csv, ics or mermaid). Each such character becomes U+FFFD, one character for one, so
spans into the text still hold.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from chrono.model import Document, Event, Expression, Timeline

REPLACEMENT = "\ufffd"
# C0 except tab, line feed and carriage return; DEL and C1 (CSI is U+009B); the XML non-characters; surrogates
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_SURROGATES = re.compile("[\ud800-\udfff]")
# JSON writes control characters as \u escapes itself; a lone surrogate would still fail to encode
JSON_FORMATS = frozenset({"json", "jsonl", "timelinejs"})


def safe_timeline(timeline: Timeline, *, keep_controls: bool = False) -> Timeline:
    """``timeline`` with every unsafe character of its text replaced; the same object when it has none."""
    pattern = _SURROGATES if keep_controls else _UNSAFE
    if not any(_has(pattern, document) for document in timeline.documents) and not _has(pattern, timeline.meta):
        return timeline  # events and expressions quote their documents' text: clean documents, clean timeline
    cleaned: dict[str, str] = {}  # a sentence shared by many events is cleaned once

    def clean(text: Any) -> Any:
        if isinstance(text, str):
            if text not in cleaned:
                cleaned[text] = pattern.sub(REPLACEMENT, text)
            return cleaned[text]
        if isinstance(text, tuple):
            return tuple(clean(item) for item in text)
        if isinstance(text, dict):
            return {key: clean(item) for key, item in text.items()}
        return text

    def fields(item: Document | Event | Expression) -> Any:
        changes = {name.name: clean(getattr(item, name.name)) for name in dataclasses.fields(item)
                   if isinstance(getattr(item, name.name), str | tuple)}
        return dataclasses.replace(item, **changes)

    return dataclasses.replace(
        timeline,
        documents=tuple(fields(document) for document in timeline.documents),
        events=tuple(fields(event) for event in timeline.events),
        expressions=tuple(fields(expression) for expression in timeline.expressions),
        meta=clean(timeline.meta),
    )


def _has(pattern: re.Pattern[str], item: Any) -> bool:
    """Whether ``item`` holds text safe_timeline would clean: a dataclass's string and tuple fields only (its other
    fields, a document's Language above all, are not cleaned, and walking one per document cost seconds)."""
    if isinstance(item, str):
        return pattern.search(item) is not None
    if isinstance(item, dict):
        return any(_has(pattern, value) for value in item.values())
    if isinstance(item, tuple | list):
        return any(_has(pattern, value) for value in item)
    if dataclasses.is_dataclass(item):
        return any(_has(pattern, value) for value in (getattr(item, name.name) for name in dataclasses.fields(item))
                   if isinstance(value, str | tuple))
    return False
