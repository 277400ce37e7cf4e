"""Choose a timeline's events: a date range, a minimum precision."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from chrono.calendar.intervals import Interval, interval_of
from chrono.errors import ChronoInputError
from chrono.model import Event, Granularity

__all__ = ["PRECISIONS", "event_interval", "parse_bound", "parse_granularity", "select_events"]

PRECISIONS = ("day", "month", "year")  # the --min-granularity choices; any Granularity name is accepted too


def select_events(events: Iterable[Event], *, date_from: dt.date | str | None = None,
                  date_to: dt.date | str | None = None,
                  min_granularity: Granularity | str | None = None) -> list[Event]:
    """The events, in their order, whose interval overlaps [date_from, date_to] and that are at least as
    precise as ``min_granularity``.

    Bounds are inclusive and may be dates or calendar values: ``date_from="2022"`` starts on 1 January
    2022, ``date_to="2022-06"`` ends on 30 June 2022. An event counts as in range when any day of its
    interval is (a month-long "March 2023" is kept by ``date_from="2023-03-31"``).

    ``min_granularity`` keeps values at least that fine, on Granularity's order: ``day`` keeps days and
    times of day; ``month`` keeps months, weeks and finer; ``year`` keeps years, halves, quarters, seasons,
    and finer — decades and centuries go. Events with no interval (or unknown precision) are dropped by
    any filter, since nothing says they qualify.
    """
    start = parse_bound(date_from, "--from", last=False) if date_from is not None else None
    end = parse_bound(date_to, "--to", last=True) if date_to is not None else None
    if start and end and start > end:
        raise ChronoInputError(f"--from {start.isoformat()} is after --to {end.isoformat()}: the range is empty")
    finest_kept = parse_granularity(min_granularity) if min_granularity is not None else None
    if start is None and end is None and finest_kept is None:
        return list(events)
    kept: list[Event] = []
    for event in events:
        interval = event_interval(event)
        if interval is None:
            continue
        first, last, granularity = interval
        if (start and last < start) or (end and first > end):
            continue
        if finest_kept is not None and (granularity is None or granularity < finest_kept):
            continue
        kept.append(event)
    return kept


def event_interval(event: Event) -> Interval | None:
    """(first day, last day, granularity) of an event's value: the resolver's, else read from the value."""
    when = event.when
    if when.start is not None:
        return Interval(when.start, when.end or when.start, when.granularity)
    return interval_of(when.value)


def parse_bound(value: dt.date | str, option: str, *, last: bool) -> dt.date:
    """A range bound: a date, or a calendar value (YYYY, YYYY-MM, YYYY-MM-DD, 2023-Q1 ...) -> its first day,
    or its last day when ``last``."""
    if isinstance(value, dt.date):
        return value
    interval = interval_of(value) if value.strip() else None
    if interval is None:
        raise ChronoInputError(f"{option}: cannot read {value!r} as a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    return interval[1] if last else interval[0]


def parse_granularity(value: Granularity | str) -> Granularity:
    """'day' | 'month' | 'year' (or any Granularity name) -> Granularity; ChronoInputError otherwise."""
    if isinstance(value, Granularity):
        return value
    try:
        return Granularity[value.strip().upper().replace("-", "_")]
    except KeyError:
        raise ChronoInputError(f"unknown granularity {value!r}; choose one of {', '.join(PRECISIONS)}") from None
