"""Stable element ids for a timeline's events, so a rail mark can link to its entry in the list."""

from __future__ import annotations

import hashlib

from chrono.model import Event, Timeline


class EventAnchors:
    """``anchors[event]`` -> "chrono-1a2b3c-e4": unique per event (by identity, so two equal events differ),
    prefixed by a digest of the timeline so two timelines embedded in one page (a notebook) do not collide,
    and stable from one run to the next (no random or clock-based parts).
    """

    def __init__(self, timeline: Timeline) -> None:
        digest = hashlib.sha1(usedforsecurity=False)
        for document in timeline.documents:
            digest.update(f"{document.id}\x1f{document.published}\x1f{len(document.text)}\x1e".encode())
        for event in timeline.events:
            digest.update(f"{event.when.value}\x1f{event.span.start}\x1e".encode())
        self.prefix = f"chrono-{digest.hexdigest()[:6]}"
        self._index = {id(event): number for number, event in enumerate(timeline.events, start=1)}

    def __getitem__(self, event: Event) -> str:
        number = self._index.get(id(event))
        if number is None:
            raise KeyError(f"event {event.phrase!r} is not in this timeline")
        return f"{self.prefix}-e{number}"
