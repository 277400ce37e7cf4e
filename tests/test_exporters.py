"""Data exports (jsonl, csv, timelinejs-csv, timelinejs, ics, mermaid), each parsed back by its reference parser."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
from collections.abc import Callable

import icalendar
import pytest

from chrono.model import Document, Event, Granularity, Span, Timeline, TimexType, Value
from chrono.render import render as render_timeline
from chrono.render.exporters import load_exporters
from chrono.render.exporters.event_fields import export_names, start_fields, unique_ids
from chrono.render.exporters.ics import escape_text, export_ics, fold
from chrono.render.exporters.mermaid import export_mermaid, mermaid_text
from chrono.render.exporters.timelinejs import SPREADSHEET_COLUMNS, export_timelinejs, export_timelinejs_csv

D = dt.date
LONG_WORD = "x" * 100
NASTY = 'He said "no, never"; then: #1 50% <b>\\ done'


def value(text: str, start: D | None, end: D | None, grain: Granularity | None,
          kind: TimexType = TimexType.DATE, mod: str | None = None) -> Value:
    return Value(text, kind, mod, start, end, grain)


DAY = value("2023-03-01", D(2023, 3, 1), D(2023, 3, 1), Granularity.DAY)
MONTH = value("2022-09", D(2022, 9, 1), D(2022, 9, 30), Granularity.MONTH)
WEEK = value("2023-W08", D(2023, 2, 20), D(2023, 2, 26), Granularity.WEEK)
QUARTER = value("2020-Q4", D(2020, 10, 1), D(2020, 12, 31), Granularity.QUARTER)
DECADE = value("199", D(1990, 1, 1), D(1999, 12, 31), Granularity.DECADE)
YEAR = value("2024", D(2024, 1, 1), D(2024, 12, 31), Granularity.YEAR)
WINTER = value("2022-WI", D(2022, 12, 1), D(2023, 2, 28), Granularity.SEASON)
CLOCK = value("2023-03-02T14:05", D(2023, 3, 2), D(2023, 3, 2), Granularity.MINUTE, TimexType.TIME)
LEAP_DAY = value("2024-02-29", D(2024, 2, 29), D(2024, 2, 29), Granularity.DAY)
FUZZY = value("PAST_REF", None, None, None)

DOC_A = Document(id="doc-a", text="", published=D(2023, 3, 2), title='Talks, "stalled"; again', outlet="Daily",
                 url="https://example.org/a")
DOC_B = Document(id="doc-b", text="", published=D(2023, 3, 5), outlet="Wire")


def event(when: Value, headline: str, document: str = "doc-a", start: int = 0, sentence: str | None = None,
          phrase: str = "then") -> Event:
    return Event(when=when, phrase=phrase, span=Span(start, start + len(phrase)), sentence=sentence or headline,
                 headline=headline, document=document)


EVENTS = (
    event(DECADE, "Prices: up 5%; #1 rank", start=10, phrase="the 1990s"),
    event(QUARTER, "Sales fell", document="doc-b", start=20, phrase="the fourth quarter"),
    event(MONTH, "Zürich café — naïve plan", start=30, sentence="The plan,\nfiled in Zürich, \"failed\".",
          phrase="last September"),
    event(WEEK, f"A {LONG_WORD} word", document="doc-b", start=40, phrase="last week"),
    event(DAY, NASTY, start=50, phrase="Wednesday"),
    event(CLOCK, "Vote at 14:05", start=60, phrase="2:05 p.m. Thursday"),
    event(FUZZY, "Recently, things changed", start=70, phrase="recently"),
)
DATABLE = [item for item in EVENTS if item.when.is_datable]
TIMELINE = Timeline(documents=(DOC_A, DOC_B), events=EVENTS)
EMPTY = Timeline(documents=(DOC_A,), events=())


def test_every_format_is_registered() -> None:
    assert {"jsonl", "csv", "timelinejs-csv", "timelinejs", "ics", "mermaid"} <= set(load_exporters())


def render(fmt: str, timeline: Timeline = TIMELINE) -> str:
    return load_exporters()[fmt](timeline)


# ---------------------------------------------------------------- shared fields


@pytest.mark.parametrize(("when", "expected"), [
    (DAY, {"year": 2023, "month": 3, "day": 1}),
    (MONTH, {"year": 2022, "month": 9}),
    (WEEK, {"year": 2023, "month": 2, "day": 20}),
    (QUARTER, {"year": 2020, "month": 10}),
    (WINTER, {"year": 2022, "month": 12}),
    (YEAR, {"year": 2024}),
    (DECADE, {"year": 1990}),
    (LEAP_DAY, {"year": 2024, "month": 2, "day": 29}),
    (value("2023-01-01", D(2023, 1, 1), D(2023, 1, 1), Granularity.DAY), {"year": 2023, "month": 1, "day": 1}),
])
def test_start_fields_are_only_as_precise_as_the_value(when: Value, expected: dict[str, int]) -> None:
    assert start_fields(when) == expected


def test_unique_ids_are_stable_and_distinct_for_identical_events() -> None:
    twins = [EVENTS[0], EVENTS[0], EVENTS[1]]
    ids = unique_ids(twins)
    assert len(set(ids)) == 3
    assert ids == unique_ids(twins)


@pytest.mark.parametrize(("documents", "expected"), [
    ((DOC_A, DOC_B), {"doc-a": 'Talks, "stalled"; again', "doc-b": "Wire, 2023-03-05"}),
    ((DOC_B, Document(id="doc-c", text="", published=D(2023, 3, 5), outlet="Wire")),
     {"doc-b": "Wire, 2023-03-05 (doc-b)", "doc-c": "Wire, 2023-03-05 (doc-c)"}),
    ((Document(id="doc-d", text="", published=None),), {"doc-d": "doc-d"}),
])
def test_export_names_tell_sources_apart(documents: tuple[Document, ...], expected: dict[str, str]) -> None:
    assert export_names(Timeline(documents=documents, events=())) == expected


# ---------------------------------------------------------------- jsonl


def test_jsonl_has_one_json_event_per_line() -> None:
    text = render("jsonl")
    lines = text.splitlines()
    assert text.endswith("\n") and len(lines) == len(EVENTS)
    records = [json.loads(line) for line in lines]
    assert [record["phrase"] for record in records] == [item.phrase for item in EVENTS]
    assert set(records[0]) >= {"when", "phrase", "span", "sentence", "headline", "document"}
    assert set(records[0]["when"]) >= {"value", "type", "mod", "start", "end", "label"}


@pytest.mark.parametrize(("index", "field", "expected"), [
    (2, ("when", "start"), "2022-09-01"),
    (2, ("when", "end"), "2022-09-30"),
    (2, ("sentence",), "The plan,\nfiled in Zürich, \"failed\"."),
    (3, ("when", "value"), "2023-W08"),
    (1, ("document",), "doc-b"),
    (4, ("span",), [50, 59]),
    (4, ("headline",), NASTY),
    (6, ("when", "start"), None),
])
def test_jsonl_fields(index: int, field: tuple[str, ...], expected: object) -> None:
    record = json.loads(render("jsonl").splitlines()[index])
    for key in field:
        record = record[key]
    assert record == expected


def test_jsonl_keeps_non_ascii_readable_and_empty_timeline_is_empty() -> None:
    assert "Zürich café" in render("jsonl")
    assert render("jsonl", EMPTY) == ""


# ---------------------------------------------------------------- csv


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline=""), strict=True))


def test_csv_round_trips_every_event() -> None:
    rows = read_csv(render("csv"))
    assert len(rows) == len(EVENTS)
    assert [row["headline"] for row in rows] == [item.headline for item in EVENTS]
    assert [row["sentence"] for row in rows] == [item.sentence for item in EVENTS]
    assert rows[2]["when.start"] == "2022-09-01" and rows[2]["when.end"] == "2022-09-30"
    assert rows[4]["span.start"] == "50" and rows[4]["span.end"] == "59"
    assert rows[6]["when.start"] == ""


def test_csv_header_flattens_when_into_columns() -> None:
    header = render("csv").split("\r\n", 1)[0].split(",")
    assert header[:6] == ["when.value", "when.type", "when.mod", "when.start", "when.end", "when.label"]
    assert {"phrase", "span.start", "span.end", "sentence", "headline", "document"} <= set(header)


def test_csv_records_end_in_crlf() -> None:
    text = render("csv")
    # the only bare LF is the one inside the quoted sentence of the month event
    assert text.endswith("\r\n") and text.replace("\r\n", "").count("\n") == 1
    assert text.count("\r\n") == len(EVENTS) + 1


@pytest.mark.parametrize(("cell", "written"), [
    ("plain", "plain"),
    ("a,b", '"a,b"'),
    ('say "hi"', '"say ""hi"""'),
    ("two\nlines", '"two\nlines"'),
    ("Zürich", "Zürich"),
])
def test_csv_quotes_per_rfc_4180(cell: str, written: str) -> None:
    timeline = Timeline(documents=(DOC_A,), events=(event(DAY, cell),))
    text = render("csv", timeline)
    assert f",{written}," in text.split("\r\n", 1)[1]
    assert read_csv(text)[0]["headline"] == cell


def test_csv_of_empty_timeline_is_a_header() -> None:
    text = render("csv", EMPTY)
    assert text.count("\r\n") == 1 and text.startswith("when.value,")


# ---------------------------------------------------------------- timelinejs-csv


def test_timelinejs_csv_has_the_template_columns_in_order() -> None:
    header = next(csv.reader(io.StringIO(render("timelinejs-csv"), newline="")))
    assert header == ["Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
                      "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
                      "Media Thumbnail", "Type", "Group", "Background"]
    assert tuple(header) == SPREADSHEET_COLUMNS


@pytest.mark.parametrize(("when", "dates"), [
    (DAY, ("2023", "3", "1", "", "", "", "")),
    (MONTH, ("2022", "9", "", "", "2022", "9", "30")),
    (WEEK, ("2023", "2", "20", "", "2023", "2", "26")),
    (QUARTER, ("2020", "10", "", "", "2020", "12", "31")),
    (DECADE, ("1990", "", "", "", "1999", "12", "31")),
    (CLOCK, ("2023", "3", "2", "14:05", "", "", "")),
])
def test_timelinejs_csv_dates(when: Value, dates: tuple[str, ...]) -> None:
    timeline = Timeline(documents=(DOC_A,), events=(event(when, "x"),))
    rows = list(csv.DictReader(io.StringIO(export_timelinejs_csv(timeline), newline="")))
    columns = ("Year", "Month", "Day", "Time", "End Year", "End Month", "End Day")
    assert tuple(rows[1][column] for column in columns) == dates


def test_timelinejs_csv_rows() -> None:
    rows = list(csv.DictReader(io.StringIO(render("timelinejs-csv"), newline="")))
    assert rows[0]["Type"] == "title" and rows[0]["Year"] == ""
    events = rows[1:]
    assert len(events) == len(DATABLE)
    assert [html.unescape(row["Headline"]) for row in events] == [item.headline for item in DATABLE]
    assert {row["Group"] for row in events} == {'Talks, "stalled"; again', "Wire, 2023-03-05"}
    assert all(row["Display Date"] for row in events)


# ---------------------------------------------------------------- timelinejs


def check_timelinejs_rules(data: dict) -> None:
    """The field rules of TimelineJS's JSON format documentation."""
    assert isinstance(data["events"], list)
    assert isinstance(data["title"]["text"]["headline"], str)
    ids = [slide["unique_id"] for slide in data["events"]]
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"[a-z0-9-]+", slide_id) for slide_id in ids)
    for slide in data["events"]:
        for key in ("start_date", "end_date"):
            if key not in slide:
                continue
            date = slide[key]
            assert isinstance(date["year"], int)
            if "month" in date:
                assert 1 <= date["month"] <= 12
            if "day" in date:
                assert "month" in date
                dt.date(date["year"], date["month"], date["day"])  # raises on an impossible day
            assert set(date) <= {"year", "month", "day", "hour", "minute", "second", "millisecond",
                                 "display_date", "format"}
        assert {"headline", "text"} <= set(slide["text"])
        assert isinstance(slide["group"], str) and isinstance(slide["display_date"], str)


def test_timelinejs_follows_the_documented_rules() -> None:
    data = json.loads(render("timelinejs"))
    check_timelinejs_rules(data)
    assert len(data["events"]) == len(DATABLE)
    assert [html.unescape(slide["text"]["headline"]) for slide in data["events"]] == [e.headline for e in DATABLE]
    assert "<b>" not in render("timelinejs")  # article markup is escaped, never passed to TimelineJS as HTML
    assert data["events"][1]["group"] == "Wire, 2023-03-05"
    assert "Talks" in html.unescape(data["title"]["text"]["text"])


@pytest.mark.parametrize(("when", "start", "end"), [
    (DAY, {"year": 2023, "month": 3, "day": 1}, None),
    (MONTH, {"year": 2022, "month": 9}, {"year": 2022, "month": 9, "day": 30}),
    (WEEK, {"year": 2023, "month": 2, "day": 20}, {"year": 2023, "month": 2, "day": 26}),
    (DECADE, {"year": 1990}, {"year": 1999, "month": 12, "day": 31}),
    (WINTER, {"year": 2022, "month": 12}, {"year": 2023, "month": 2, "day": 28}),
    (CLOCK, {"year": 2023, "month": 3, "day": 2, "hour": 14, "minute": 5}, None),
])
def test_timelinejs_dates(when: Value, start: dict, end: dict | None) -> None:
    slide = json.loads(export_timelinejs(Timeline(documents=(DOC_A,), events=(event(when, "x"),))))["events"][0]
    assert slide["start_date"] == start
    assert slide.get("end_date") == end


def test_timelinejs_ids_stay_unique_for_twin_events() -> None:
    data = json.loads(export_timelinejs(Timeline(documents=(DOC_A,), events=(EVENTS[0], EVENTS[0]))))
    check_timelinejs_rules(data)


# ---------------------------------------------------------------- ics


def parse_ics(text: str) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["VERSION"]) == "2.0" and "PRODID" in calendar
    return list(calendar.walk("VEVENT"))


@pytest.mark.parametrize(("when", "start", "end"), [
    (DAY, D(2023, 3, 1), D(2023, 3, 2)),
    (MONTH, D(2022, 9, 1), D(2022, 10, 1)),
    (WEEK, D(2023, 2, 20), D(2023, 2, 27)),
    (QUARTER, D(2020, 10, 1), D(2021, 1, 1)),
    (DECADE, D(1990, 1, 1), D(2000, 1, 1)),
    (WINTER, D(2022, 12, 1), D(2023, 3, 1)),
    (LEAP_DAY, D(2024, 2, 29), D(2024, 3, 1)),
    (CLOCK, D(2023, 3, 2), D(2023, 3, 3)),
])
def test_ics_all_day_interval_has_exclusive_end(when: Value, start: D, end: D) -> None:
    (vevent,) = parse_ics(export_ics(Timeline(documents=(DOC_A,), events=(event(when, "x"),))))
    assert vevent.decoded("DTSTART") == start and vevent.decoded("DTEND") == end
    assert "VALUE=DATE" in vevent.to_ical().decode().replace("\r\n ", "")


def test_ics_round_trips_text_and_provenance() -> None:
    vevents = parse_ics(render("ics"))
    assert len(vevents) == len(DATABLE)
    assert [str(vevent["SUMMARY"]) for vevent in vevents] == [item.headline for item in DATABLE]
    for vevent, item in zip(vevents, DATABLE, strict=True):
        description = str(vevent["DESCRIPTION"])
        assert item.phrase in description and item.sentence in description
    stamps = [vevent.decoded("DTSTAMP").date() for vevent in vevents]
    assert stamps == [(DOC_A if item.document == "doc-a" else DOC_B).published for item in DATABLE]
    assert str(vevents[0]["URL"]) == "https://example.org/a"


def test_ics_uids_are_stable_and_unique() -> None:
    first = [str(vevent["UID"]) for vevent in parse_ics(render("ics"))]
    assert len(set(first)) == len(first)
    assert first == [str(vevent["UID"]) for vevent in parse_ics(render("ics"))]
    assert render("ics") == render("ics")


def test_ics_lines_are_crlf_and_folded_at_75_octets() -> None:
    raw = render("ics").encode("utf-8")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    lines = raw.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # the 100-character word had to be folded
    for line in lines:
        line.decode("utf-8")  # a fold never splits a multi-byte character


@pytest.mark.parametrize(("text", "escaped"), [
    ("a,b", "a\\,b"),
    ("a;b", "a\\;b"),
    ("back\\slash", "back\\\\slash"),
    ("one\ntwo", "one\\ntwo"),
    ("one\r\ntwo", "one\\ntwo"),
    ("Zürich: fine", "Zürich: fine"),
])
def test_ics_text_escaping(text: str, escaped: str) -> None:
    assert escape_text(text) == escaped


@pytest.mark.parametrize("line", [
    "SUMMARY:" + "a" * 200,
    "SUMMARY:" + "é" * 100,
    "SUMMARY:" + "a" + "€" * 60,
    "SUMMARY:" + "😀" * 40,
    "SUMMARY:short",
])
def test_ics_fold_keeps_characters_whole(line: str) -> None:
    physical = fold(line).split("\r\n")
    assert all(len(part.encode("utf-8")) <= 75 for part in physical)
    assert all(part.startswith(" ") for part in physical[1:])
    assert physical[0] + "".join(part[1:] for part in physical[1:]) == line


def test_ics_of_empty_timeline_is_a_valid_calendar() -> None:
    assert parse_ics(render("ics", EMPTY)) == []


# ---------------------------------------------------------------- mermaid

_ENTRY = re.compile(r"^ {8}(?P<period>[^#:\n]+?) : (?P<event>[^:\n]+)$")
_MORE = re.compile(r"^ {12}: (?P<event>[^:\n]+)$")


def encode_entities(line: str) -> str:
    """What Mermaid does to "#58;"-style codes before it parses (they come back as characters when drawn)."""
    return re.sub(r"#(\d+);", "\ufb02\u00b0\u00b0\\1\u00b6\u00df", line)


def decode_mermaid(text: str) -> str:
    text = re.sub(r"\ufb02\u00b0\u00b0(\d+)\u00b6\u00df", "#\\1;", text)
    return re.sub(r"#(\d+);", lambda match: chr(int(match.group(1))), text)


def mermaid_block(markdown: str) -> list[str]:
    fenced = re.findall(r"^```mermaid\n(.*?)^```$", markdown, flags=re.S | re.M)
    assert len(fenced) == 1
    return fenced[0].splitlines()


def test_mermaid_block_structure() -> None:
    markdown = render("mermaid")
    assert markdown.startswith("# ")
    lines = mermaid_block(markdown)
    assert lines[0] == "timeline" and lines[1].startswith("    title ")
    sections, entries = [], []
    for line in lines[2:]:
        if line.startswith("    section "):
            sections.append(decode_mermaid(line.removeprefix("    section ")))
        elif match := _ENTRY.match(encode_entities(line)) or _MORE.match(encode_entities(line)):
            entries.append(decode_mermaid(match["event"]))
        else:
            pytest.fail(f"not a timeline statement: {line!r}")
    assert sections == ["the 1990s", "2020", "2022", "2023"]
    assert entries == [re.sub(r"\s+", " ", item.headline) for item in DATABLE]
    assert "#" not in re.sub(r"#\d+;", "", "\n".join(lines))


def test_mermaid_groups_events_with_one_label() -> None:
    timeline = Timeline(documents=(DOC_A,), events=(event(DAY, "first"), event(DAY, "second", start=9)))
    lines = mermaid_block(export_mermaid(timeline))
    assert _ENTRY.match(lines[3])["event"] == "first" and _MORE.match(lines[4])["event"] == "second"


@pytest.mark.parametrize(("text", "safe"), [
    ("Prices: up", "Prices#58; up"),
    ("a; b", "a#59; b"),
    ("#1 rank", "#35;1 rank"),
    ("#58;", "#35;58#59;"),
    ("50% %% off", "50#37; #37;#37; off"),
    ("two\nlines", "two lines"),
    ("<b>", "#60;b#62;"),
    ("Zürich café", "Zürich café"),
])
def test_mermaid_text_is_made_safe(text: str, safe: str) -> None:
    assert mermaid_text(text) == safe
    assert decode_mermaid(safe) == re.sub(r"\s+", " ", text)


# ---------------------------------------------------------------- merged events (several articles report one)

MERGED = Timeline(documents=(DOC_A, DOC_B), events=(
    Event(when=DAY, phrase="Wednesday", span=Span(5, 14), sentence="Talks ended.", headline="Talks ended",
          document="doc-a", sources=("doc-b",)),
))


@pytest.mark.parametrize(("fmt", "read_sources", "expected"), [
    ("ics", lambda text: str(parse_ics(text)[0]["DESCRIPTION"]), ('Talks, "stalled"; again', "Wire, 2023-03-05")),
    ("timelinejs", lambda text: html.unescape(json.loads(text)["events"][0]["text"]["text"]),
     ('Talks, "stalled"; again', "Wire, 2023-03-05")),
    ("timelinejs-csv", lambda text: html.unescape(read_csv(text)[1]["Text"]),
     ('Talks, "stalled"; again', "Wire, 2023-03-05")),
    ("csv", lambda text: read_csv(text)[0]["sources"], ("doc-a", "doc-b")),
    ("jsonl", lambda text: " ".join(json.loads(text)["sources"]), ("doc-a", "doc-b")),
])
def test_every_source_of_a_merged_event_is_named(fmt: str, read_sources: Callable[[str], str],
                                                 expected: tuple[str, str]) -> None:
    text = read_sources(render(fmt, MERGED))
    assert all(name in text for name in expected)


def test_timeml_export_tags_every_expression_and_keeps_the_text() -> None:
    import xml.etree.ElementTree as ElementTree

    from chrono import build_timeline
    from chrono.read.timeml import parse_timeml

    text = "Officials said on Tuesday that talks with AT&T <ended> last week; more are planned for March 2024."
    timeline = build_timeline(text, published="2024-01-10")
    out = render_timeline(timeline, "timeml")
    root = ElementTree.fromstring(out)  # well-formed XML, entities escaped
    assert root.find("DCT/TIMEX3").get("value") == "2024-01-10"
    again = parse_timeml(out)
    assert again.document.text == text
    assert [(t.text, t.value) for t in again.timexes] == [
        (e.text, e.value.value) for e in timeline.expressions
    ]
    assert [t.text for t in again.timexes] == ["Tuesday", "last week", "March 2024"]


def test_timeml_export_refuses_several_documents() -> None:
    from chrono import build_from_documents
    from chrono.errors import ChronoInputError
    from chrono.read.text import parse_article

    documents = [parse_article(f"date 2024-01-10\n-\nOn Tuesday {n}.", document_id=n) for n in ("a", "b")]
    with pytest.raises(ChronoInputError, match="one document"):
        render_timeline(build_from_documents(documents), "timeml")
