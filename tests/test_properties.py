"""Properties that must hold on any input (hypothesis): for any text and any valid publication date only
ChronoInputError escapes; offsets hold (text[start:end] == phrase); every output format parses with its reference
parser; results are deterministic.

CI runs a short, derandomized pass (the "ci" profile). A long run, for finding the next bug:

    CHRONO_HYPOTHESIS=long pytest tests/test_properties.py          # 2,000 examples per property, random seeds
    CHRONO_HYPOTHESIS=long CHRONO_HYPOTHESIS_EXAMPLES=20000 pytest tests/test_properties.py
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import icalendar
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import chrono
from chrono import ChronoInputError
from chrono.render import FORMATS

settings.register_profile("ci", max_examples=25, deadline=None, derandomize=True, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("long", max_examples=int(os.environ.get("CHRONO_HYPOTHESIS_EXAMPLES", "2000")),
                          deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("CHRONO_HYPOTHESIS", "ci"))

# Words that make the tagger, the range ends and the resolver work, among arbitrary text.
TEMPORAL = ["1915-17", "22-25 April 1951", "499-493 BC", "2023-03-02", "25 centuries ago", "3,000 years ago",
            "Tuesday", "last week", "next year", "March", "the 1990s", "Recently", "in 1990", "480 BC", "today",
            "two years ago", "the fourth quarter", "Q3", "10:30 a.m.", "2011-12", "26/01/2024", "Jan 2024", "summer",
            "Easter", "the week of March 6", "earlier this month", "since", "until", "-", "–", "to", ",", ".", "\n",
            "\n\n", "date 2023-03-02", "—", "'17", "9999", "0001", "year", "century", "millennium", "ago", "BC"]
# Characters that have broken outputs before: controls, ESC, separators, quotes, markup, a lone surrogate.
HOSTILE = ["\x00", "\x01", "\x1b[31m", "\x7f", "\x9b", "\u2028", "\u0085", "\ufeff", "\ud800", "\r", "\t", "=", "+",
           "@", '"', "'", "<", ">", "&", "]]>", "<!--", "|", "#", ":", ";", "\\", "*", "_", "[b]: javascript:x",
           "\U0001f600", "é"]

token = st.one_of(st.sampled_from(TEMPORAL), st.sampled_from(HOSTILE), st.text(max_size=12),
                  st.integers(min_value=-10**6, max_value=10**7).map(str))
texts = st.lists(token, max_size=40).flatmap(
    lambda tokens: st.lists(st.sampled_from([" ", "", "  ", "\n"]), min_size=len(tokens), max_size=len(tokens))
    .map(lambda gaps: "".join(piece + gap for piece, gap in zip(tokens, gaps, strict=True))))
dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
domains = st.sampled_from(["news", "narrative"])


def _build(text: str, published: dt.date, domain: str) -> chrono.Timeline | None:
    try:
        return chrono.build_timeline(text, published=published, domain=domain)
    except ChronoInputError as exc:  # the one error the contract allows: one line
        assert "\n" not in str(exc)
        return None


@given(text=texts, published=dates, domain=domains)
def test_only_input_errors_escape_and_offsets_hold(text: str, published: dt.date, domain: str) -> None:
    timeline = _build(text, published, domain)
    if timeline is None:
        return
    document = timeline.documents[0]
    for expression in timeline.expressions:
        assert document.text[expression.span.start:expression.span.end] == expression.text
    for event in timeline.events:
        assert document.text[event.span.start:event.span.end] == event.phrase


class _StrictHTML(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in {"meta", "link", "br", "img", "hr", "input", "wbr", "source", "col", "area", "base"}:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, (tag, self.open[-3:])
        self.open.pop()


def _parses(fmt: str, output: str) -> None:
    """The output read back by the reference parser of its format."""
    output.encode("utf-8")  # writable: no lone surrogate
    if fmt in ("json", "timelinejs"):
        json.loads(output)
    elif fmt == "jsonl":
        lines = output.split("\n")[:-1]
        assert lines == output.splitlines(), "a line break inside a record"  # readers that split on U+2028 too
        for line in lines:
            json.loads(line)
    elif fmt in ("csv", "timelinejs-csv"):
        rows = list(csv.reader(io.StringIO(output, newline="")))
        assert len({len(row) for row in rows}) <= 1, "ragged rows"
    elif fmt == "ics":
        icalendar.Calendar.from_ical(output)
    elif fmt == "timeml":
        ET.fromstring(output)
    elif fmt == "html":
        parser = _StrictHTML()
        parser.feed(output)
        parser.close()
        assert parser.open == [], parser.open


@given(text=texts, published=dates)
def test_every_format_parses_with_its_reference_parser(text: str, published: dt.date) -> None:
    timeline = _build(text, published, "news")
    if timeline is not None:
        for fmt in FORMATS:
            _parses(fmt, chrono.render(timeline, fmt))


@given(text=texts, published=dates, domain=domains)
def test_results_are_deterministic(text: str, published: dt.date, domain: str) -> None:
    first, second = _build(text, published, domain), _build(text, published, domain)
    assert first == second
    if first is not None:
        assert chrono.render(first, "json") == chrono.render(second, "json")  # type: ignore[arg-type]
