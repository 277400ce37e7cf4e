"""JSON Lines: one event per line, the same fields as the events of the json format."""

from __future__ import annotations

from chrono.model import Timeline
from chrono.render.exporters import exporter
from chrono.render.exporters.json_export import dumps, event_record


@exporter("jsonl")
def export_jsonl(timeline: Timeline) -> str:
    """Each event as one compact JSON object per line, in timeline order; empty for an empty timeline."""
    # without indent, JSON escapes the newlines inside strings: one event is always one line
    return "".join(dumps(event_record(event, timeline.language), indent=None) + "\n" for event in timeline.events)
