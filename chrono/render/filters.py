"""The filters and helpers every template receives (docs/templates.md): labels, escaping, safe links, grouping,
the rail of the visual HTML timeline and ids that link it to the list.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from chrono.calendar.timex import Timex, parse_timex
from chrono.lang import Language
from chrono.model import Document, Event, Granularity, Timeline, Value
from chrono.render.anchors import EventAnchors
from chrono.render.grouping import EventGroup, GroupBy, group_events
from chrono.render.labels import Style, date_label, label
from chrono.render.rail import Rail, build_rail

# "_" between two letters or digits cannot start emphasis (CommonMark), so "file_name" stays readable.
_MD_SPECIAL = re.compile(r"([\\`*\[\]<>#|~]|(?<![^\W_])_|_(?![^\W_]))")
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")  # "&amp;" would render as "&"; a bare "AT&T" is left alone
_MD_LEADING_MARKER = re.compile(r"^([-+=]|\d+(?=[.)]))")  # a list, setext underline or ordered-list start
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def md_escape(text: Any) -> str:
    """Article text made inert in Markdown: one line, no emphasis, links, HTML, headings, lists or table pipes."""
    flat = " ".join(_CONTROL.sub(" ", str(text)).split())  # a newline would end the list item or table row
    escaped = _MD_ENTITY.sub("&amp;", _MD_SPECIAL.sub(r"\\\1", flat))
    return _MD_LEADING_MARKER.sub(lambda match: match[1] + "\\" if match[1].isdigit() else "\\" + match[1],
                                  escaped)


def md_cell(text: Any) -> str:
    """A Markdown table cell: escaped like md_escape (pipes and newlines included); never empty."""
    return md_escape(text) or " "


def language_in(context: jinja2.runtime.Context) -> Language | None:
    """The language of the timeline being rendered (None in a context built by hand without one)."""
    timeline = context.get("timeline")
    return timeline.language if isinstance(timeline, Timeline) else None


@jinja2.pass_context
def label_filter(context: jinja2.runtime.Context, item: Event | Value | dt.date | str | None,
                 style: Style = "long") -> str:
    """The readable label of an event's date, a Value, a TIMEX3 string or a calendar date."""
    if isinstance(item, Event):
        item = item.when
    if isinstance(item, dt.date):
        return date_label(item, language_in(context))
    return label(item, style=style, language=language_in(context))


def upper_first(text: Any) -> str:
    """ "the 1990s" -> "The 1990s" for headings; unlike Jinja's capitalize, the rest is left as written."""
    text = str(text)
    return text[:1].upper() + text[1:]


def iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""




def datetime_attr(item: Event | Value) -> str:
    """A valid HTML ``<time datetime>``: the value itself when HTML can say it (year, month, week, day, clock
    time), otherwise the first day of its interval (quarters, seasons, parts of day, decades).
    """
    value = item.when if isinstance(item, Event) else item
    timex = parse_timex(value.value)
    return value.value if timex is not None and _html_says(timex, value.value) else iso(value.start)


_HTML_FORMS = {Granularity.YEAR: "{y:04d}", Granularity.MONTH: "{y:04d}-{m:02d}",
               Granularity.DAY: "{y:04d}-{m:02d}-{d:02d}",
               Granularity.MINUTE: "{y:04d}-{m:02d}-{d:02d}T{h:02d}:{mi:02d}",
               Granularity.SECOND: "{y:04d}-{m:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}"}


_HTML_ZONE = re.compile(r"Z|[+-]\d{2}:?\d{2}")  # HTML's time-zone offset: hours and minutes, or Z


def _html_says(t: Timex, text: str) -> bool:
    """Whether HTML's datetime grammar writes the value as TIMEX3 does: a year, month, week, day or clock time
    of a known AD year, with no fraction; a clock time may carry a zone ("Z", "-07:00"), not an hour alone."""
    if t.bc or t.year is None or not t.exact or (t.zone is not None and _HTML_ZONE.fullmatch(t.zone) is None):
        return False
    if t.week is not None:
        return not t.weekend and t.weekday is None and text == f"{t.year:04d}-W{t.week:02d}"
    form = _HTML_FORMS.get(t.granularity)
    written = None if form is None else form.format(y=t.year, m=t.month, d=t.day, h=t.hour, mi=t.minute, s=t.second)
    return written is not None and text == written + (t.zone or "")


def safe_url(url: str | None) -> str:
    """Only http(s) links survive: a document's URL comes from input and must not become javascript:."""
    return url if url and re.match(r"https?://", url, re.IGNORECASE) else ""


# In a Markdown link destination: a line break would end the link and let the URL write a reference-link
# definition ("[b]: javascript:...") on a line of its own; spaces, parentheses, angle brackets, backslashes and
# brackets would end or change it. All of them, and every other space or control character, are %-encoded.
_MD_URL_UNSAFE = re.compile(r"[\s\x00-\x1f\x7f-\x9f()<>\\\[\]`\u2028\u2029\ud800-\udfff]")


def md_url(url: str | None) -> str:
    """An http(s) URL fit for a Markdown link destination, on one line (unsafe characters %-encoded)."""
    return _MD_URL_UNSAFE.sub(lambda match: "".join(f"%{byte:02X}" for byte in
                                                   match[0].encode("utf-8", "replace")), safe_url(url))


def source_label(source: str) -> str:
    """A document's source as shown: a URL as is, a file path by its file name (no local folders leak),
    standard input ("-") as nothing, so templates fall back on the document id.
    """
    if re.match(r"[a-z][a-z0-9+.-]*://", source, re.IGNORECASE):
        return source
    return "" if source in ("", "-") else Path(source).name


def document_name(document: Document) -> str:
    """How a document is named to a reader: its title, else its outlet, else its file name, else its id."""
    return document.title or document.outlet or source_label(document.source) or document.id


def document_names(documents: Iterable[Document]) -> dict[str, str]:
    """Each document's name (``document_name``), but a file name that several documents share (the records of
    one JSON Lines file) names none of them: each is named by its id ("crawl.jsonl, crawl.jsonl" tells nothing)."""
    named = [(document, document_name(document), not (document.title or document.outlet)) for document in documents]
    shared = Counter(name for _, name, by_file in named if by_file)
    return {document.id: document.id if by_file and shared[name] > 1 else name for document, name, by_file in named}


@jinja2.pass_context
def document_name_in_context(context: jinja2.runtime.Context, document: Document) -> str:
    """``doc | document_name``: its name among the timeline's documents (``document_names``)."""
    return _names(context).get(document.id) or document_name(document)


def _names(context: jinja2.runtime.Context) -> dict[str, str]:
    names = context.get("names")
    return names if isinstance(names, dict) else document_names(context.get("documents", ()))


@jinja2.pass_context
def group_by_in_context(context: jinja2.runtime.Context, events: Any, by: GroupBy = "year") -> list[EventGroup]:
    """``events | group_by("year"|"month"|"source")``: headings in timeline order; sources named for readers."""
    return group_events(events, by, source_names=_names(context), language=language_in(context))


@jinja2.pass_context
def source_names_in_context(context: jinja2.runtime.Context, event: Event) -> list[str]:
    """``event | source_names``: the names of every document that reports the event, its own first."""
    names = _names(context)
    return [names.get(document, document) for document in (event.document, *event.sources)]


@dataclass(frozen=True, slots=True)
class SourceLink:
    """A document as a reader sees it beside an event: its name, and its http(s) URL when it has one."""

    name: str
    url: str


@jinja2.pass_context
def event_sources_in_context(context: jinja2.runtime.Context, event: Event) -> list[SourceLink]:
    """``event | event_sources``: every document that reports the event, its own first, each with a safe link."""
    documents = {document.id: document for document in context.get("documents", ())}
    names = _names(context)
    links = []
    for document_id in (event.document, *event.sources):
        document = documents.get(document_id)
        if document is None:
            links.append(SourceLink(document_id, ""))
        else:
            links.append(SourceLink(names.get(document_id) or document_name(document), safe_url(document.url)))
    return links


@jinja2.pass_context
def anchor_in_context(context: jinja2.runtime.Context, event: Event) -> str:
    """``event | anchor``: the id of the event's entry, unique in the page, stable between runs."""
    anchors = context.get("anchors")
    if not isinstance(anchors, EventAnchors):  # a context built by hand: make the ids now
        anchors = EventAnchors(context["timeline"])
    return anchors[event]


@jinja2.pass_context
def rail_filter(context: jinja2.runtime.Context, events: Any) -> Rail | None:
    """``events | rail``: ticks and marks (percent offsets) for the visual rail; None when nothing is dated."""
    return build_rail(events, language=language_in(context))


FILTERS: dict[str, Any] = {
    "label": label_filter,
    "upper_first": upper_first,
    "group_by": group_by_in_context,
    "source_names": source_names_in_context,
    "document_name": document_name_in_context,
    "source_label": source_label,
    "md_escape": md_escape,
    "md_cell": md_cell,
    "md_url": md_url,
    "safe_url": safe_url,
    "iso": iso,
    "datetime_attr": datetime_attr,
    "event_sources": event_sources_in_context,
    "anchor": anchor_in_context,
    "rail": rail_filter,
}
GLOBALS: dict[str, Any] = {"label": label_filter, "group_by": group_by_in_context,
                           "document_name": document_name_in_context}
