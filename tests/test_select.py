"""select_events (date range, minimum precision) and group_events (year, month, source headings)."""

from __future__ import annotations

import datetime as dt

import pytest

from chrono.calendar.intervals import interval_of
from chrono.errors import ChronoInputError
from chrono.model import Document, Event, Granularity, Span, Value
from chrono.order.select import select_events
from chrono.render.grouping import group_headings


def value(text: str, *, resolved: bool = True) -> Value:
    """A Value as the resolver makes it; ``resolved=False`` leaves the interval out, to be read from the text."""
    interval = interval_of(text)
    if interval is None or not resolved:
        return Value(text)
    return Value(text, start=interval[0], end=interval[1], granularity=interval[2])


def event(when: str, document: str = "a", *, resolved: bool = True) -> Event:
    return Event(when=value(when, resolved=resolved), phrase=when, span=Span(0, len(when)), sentence=f"At {when}.",
                 headline=f"At {when}", document=document)


TIMELINE = ["199", "2021", "2022-FA", "2022-09", "2022-W52", "2023-01-01", "2023-03-01TMO", "2023-03-02T10:00"]


def values(events: list[Event]) -> list[str]:
    return [item.when.value for item in events]


@pytest.mark.parametrize(("date_from", "date_to", "expected"), [
    (None, None, TIMELINE),
    ("2022", None, ["2022-FA", "2022-09", "2022-W52", "2023-01-01", "2023-03-01TMO", "2023-03-02T10:00"]),
    (None, "2022", ["199", "2021", "2022-FA", "2022-09", "2022-W52"]),  # the week of Dec 26 2022 ends Jan 1 2023
    ("2022-09-30", "2022-09-30", ["2022-FA", "2022-09"]),  # any overlap counts
    ("2022-10", "2022-12-25", ["2022-FA"]),
    (dt.date(2023, 1, 1), dt.date(2023, 1, 1), ["2022-W52", "2023-01-01"]),
    ("2023-03-02", None, ["2023-03-02T10:00"]),
    ("1995", "1995", ["199"]),
    ("2023-Q1", "2023-Q1", ["2022-W52", "2023-01-01", "2023-03-01TMO", "2023-03-02T10:00"]),
    ("2024", None, []),
])
def test_date_range_keeps_overlapping_events(date_from: str | dt.date | None, date_to: str | dt.date | None,
                                             expected: list[str]) -> None:
    events = [event(text) for text in TIMELINE]
    assert values(select_events(events, date_from=date_from, date_to=date_to)) == expected


@pytest.mark.parametrize(("min_granularity", "expected"), [
    ("day", ["2023-01-01", "2023-03-01TMO", "2023-03-02T10:00"]),
    ("month", ["2022-09", "2022-W52", "2023-01-01", "2023-03-01TMO", "2023-03-02T10:00"]),
    ("year", ["2021", "2022-FA", "2022-09", "2022-W52", "2023-01-01", "2023-03-01TMO", "2023-03-02T10:00"]),
    ("Year", ["2021", "2022-FA", "2022-09", "2022-W52", "2023-01-01", "2023-03-01TMO", "2023-03-02T10:00"]),
    (Granularity.SEASON, ["2022-FA", "2022-09", "2022-W52", "2023-01-01", "2023-03-01TMO", "2023-03-02T10:00"]),
    ("decade", TIMELINE),
])
def test_min_granularity_keeps_values_at_least_that_fine(min_granularity: str | Granularity,
                                                         expected: list[str]) -> None:
    events = [event(text) for text in TIMELINE]
    assert values(select_events(events, min_granularity=min_granularity)) == expected


@pytest.mark.parametrize(("filters", "expected"), [
    ({}, ["2022-09", "PAST_REF", "2023-03-01"]),
    ({"date_from": "2020"}, ["2022-09", "2023-03-01"]),
    ({"min_granularity": "month"}, ["2022-09", "2023-03-01"]),
    ({"date_from": "2023", "min_granularity": "day"}, ["2023-03-01"]),
])
def test_events_without_an_interval_go_when_any_filter_is_set(filters: dict[str, str], expected: list[str]) -> None:
    events = [event("2022-09", resolved=False), event("PAST_REF"), event("2023-03-01")]
    assert values(select_events(events, **filters)) == expected


@pytest.mark.parametrize(("filters", "message"), [
    ({"date_from": "March 2023"}, "--from: cannot read 'March 2023'"),
    ({"date_to": ""}, "--to: cannot read ''"),
    ({"date_from": "2023-02-30"}, "--from: cannot read '2023-02-30'"),
    ({"date_from": "2023", "date_to": "2022"}, "--from 2023-01-01 is after --to 2022-12-31"),
    ({"min_granularity": "fortnight"}, "unknown granularity 'fortnight'; choose one of day, month, year"),
])
def test_bad_filters_are_input_errors(filters: dict[str, str], message: str) -> None:
    with pytest.raises(ChronoInputError, match=message):
        select_events([event("2023")], **filters)


@pytest.mark.parametrize(("by", "timeline", "expected"), [
    ("year", ["2022-09", "2022-12-31", "2023-01-01", "2023"],
     [("2022", ["2022-09", "2022-12-31"]), ("2023", ["2023-01-01", "2023"])]),
    ("year", ["2023", "2022-09", "2022-01-01"],  # a reverse timeline keeps its order
     [("2023", ["2023"]), ("2022", ["2022-09", "2022-01-01"])]),
    ("month", ["2022", "2022-09", "2022-09-30", "2023-03-01"],
     [("2022", ["2022"]), ("September 2022", ["2022-09", "2022-09-30"]), ("March 2023", ["2023-03-01"])]),
    ("year", ["199", "1995-05"], [("the 1990s", ["199"]), ("1995", ["1995-05"])]),
    ("year", [], []),
])
def test_group_by_calendar(by: str, timeline: list[str], expected: list[tuple[str, list[str]]]) -> None:
    groups = group_headings([event(text) for text in timeline], by)
    assert [(label, values(members)) for label, members in groups] == expected


def test_group_by_source_names_documents_in_order_of_appearance() -> None:
    documents = [Document("a", "", None, title="Storm hits coast"), Document("b", "", None, outlet="Gazette"),
                 Document("c", "", None)]
    events = [event("2022-09", "b"), event("2022-10", "a"), event("2022-11", "b"), event("2023", "c")]
    groups = group_headings(events, "source", documents=documents)
    assert [(label, values(members)) for label, members in groups] == [
        ("Gazette", ["2022-09", "2022-11"]), ("Storm hits coast", ["2022-10"]), ("c", ["2023"])]


def test_unknown_grouping_is_an_input_error() -> None:
    with pytest.raises(ChronoInputError, match="unknown grouping 'week'; choose one of year, month, source"):
        group_headings([], "week")

