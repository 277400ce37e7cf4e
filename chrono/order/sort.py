"""Order: sort events by interval (first day, coarser first, last day, position); stable for ties.

Value strings are never compared as text ("2023-W08" vs "2023-02"): the key is built from the interval.
A later step merging the same event reported by several articles will run before the sort.
"""

from __future__ import annotations

import datetime as dt

from chrono.errors import ChronoInputError
from chrono.model import Event, Granularity

SORTS = ("chronological", "reverse", "document")

# a granularity guessed from the interval length when a value carries none (longest first = coarsest)
_LENGTH_GRANULARITY = ((3650, Granularity.CENTURY), (365, Granularity.DECADE), (180, Granularity.YEAR),
                       (90, Granularity.HALF), (28, Granularity.QUARTER), (7, Granularity.MONTH),
                       (1, Granularity.WEEK), (0, Granularity.DAY))


def _granularity(event: Event) -> Granularity:
    when = event.when
    if when.granularity is not None:
        return when.granularity
    if when.start is None or when.end is None:
        return Granularity.DAY
    length = (when.end - when.start).days
    return next(granularity for days, granularity in _LENGTH_GRANULARITY if length >= days)


def interval_key(event: Event) -> tuple[dt.date, int, dt.date]:
    """(first day, granularity (coarser first), last day) of the event's interval."""
    start = event.when.start or dt.date.max
    return start, int(_granularity(event)), event.when.end or start


def order_events(events: list[Event], sort: str = "chronological") -> list[Event]:
    """Events in the order asked; ties keep the input order (the documents' order, then position)."""
    if sort not in SORTS:
        raise ChronoInputError(f"unknown sort {sort!r}; choose one of {', '.join(SORTS)}")
    if sort == "document":
        return list(events)
    # Python's sort is stable even with reverse=True, so equal keys keep the article's order both ways
    return sorted(events, key=interval_key, reverse=sort == "reverse")
