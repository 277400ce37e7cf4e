"""JSON Lines: one event per line, the same fields as the events of the json format."""

from __future__ import annotations

from collections.abc import Iterator

from chrono.model import Timeline
from chrono.render.exporters import streamed
from chrono.render.exporters.json_export import dumps, event_record

# JSON may carry these raw, but readers that split lines as Python's str.splitlines does would break a record
_OTHER_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


@streamed("jsonl")
def export_jsonl(timeline: Timeline) -> Iterator[str]:
    """Each event as one compact JSON object per line, in timeline order; empty for an empty timeline."""
    # without indent, JSON escapes the newlines inside strings; NEL and the Unicode line and paragraph
    # separators are escaped too, so one event is one line for any line splitter
    return (dumps(event_record(event, timeline.language), indent=None).translate(_OTHER_LINE_BREAKS) + "\n"
            for event in timeline.events)
