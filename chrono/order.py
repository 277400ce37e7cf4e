"""Order: sort events by interval (first day, coarser first, last day, position); stable for ties."""

from __future__ import annotations

from chrono.model import Event

SORTS = ("chronological", "reverse", "document")


def order_events(events: list[Event], sort: str = "chronological") -> list[Event]:
    raise NotImplementedError
