"""Knight Lab TimelineJS: its JSON format and its Google-spreadsheet template as CSV.

TimelineJS reads a date as {year, month, day} (months 1-12, year required) and drops any part left out, so
a month value gives no day; a coarse value also gets the last day of its interval as end date, which makes
TimelineJS draw it as a span. Headline and text are HTML to TimelineJS, so article text is escaped.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from typing import Any

from chrono.lang import Language, or_default
from chrono.model import Event, Timeline
from chrono.render.exporters import exporter
from chrono.render.exporters.csv_export import RAW_CELLS, write_rows
from chrono.render.exporters.event_fields import (
    clock_time,
    datable_events,
    export_names,
    interval,
    source_names,
    start_fields,
    timeline_title,
    unique_ids,
    when_label,
)

# the header row of the TimelineJS spreadsheet template, in its order
SPREADSHEET_COLUMNS = ("Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
                       "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
                       "Media Thumbnail", "Type", "Group", "Background")


def slide_text(event: Event, sources: list[str], language: Language | None = None) -> str:
    """The body of a slide: the sentence, the phrase that dates it, where it was said and who else reports it."""
    text = (f"<p>{html.escape(event.sentence)}</p>"
            f"<p><em>{html.escape(event.phrase)}</em> &middot; {html.escape(sources[0])}</p>")
    if len(sources) > 1:
        also = or_default(language).labels.exports.also_reported_by
        text += f"<p>{html.escape(also).format(sources=html.escape('; '.join(sources[1:])))}</p>"
    return text


def title_text(timeline: Timeline) -> str:
    items = "".join(f"<li>{html.escape(name)}</li>" for name in export_names(timeline).values())
    dated_from = html.escape(timeline.language.labels.exports.dated_from)
    return f"<p>{dated_from}</p><ul>{items}</ul>" if items else ""


def _date(day: dt.date) -> dict[str, int]:
    return {"year": day.year, "month": day.month, "day": day.day}


def timelinejs_slide(event: Event, unique_id: str, sources: list[str],
                     language: Language | None = None) -> dict[str, Any]:
    start, end = interval(event.when)
    start_date: dict[str, int] = start_fields(event.when)
    clock = clock_time(event.when)
    if clock is not None:
        start_date = {**_date(start), "hour": clock[0], "minute": clock[1]}
    slide: dict[str, Any] = {"start_date": start_date}
    if end != start:
        slide["end_date"] = _date(end)
    slide.update({
        "display_date": when_label(event.when, language),
        "text": {"headline": html.escape(event.headline), "text": slide_text(event, sources, language)},
        "group": sources[0],
        "unique_id": unique_id,
    })
    return slide


@exporter("timelinejs")
def export_timelinejs(timeline: Timeline) -> str:
    """A TimelineJS JSON document: a title slide for the article(s) and one slide per dated event."""
    names = export_names(timeline)
    events = list(datable_events(timeline))
    ids = unique_ids(events, prefix="event-")
    data = {
        "title": {"text": {"headline": html.escape(timeline_title(timeline)), "text": title_text(timeline)}},
        "events": [timelinejs_slide(event, unique_id, source_names(event, names), timeline.language)
                   for event, unique_id in zip(events, ids, strict=True)],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def spreadsheet_row(event: Event, sources: list[str], language: Language | None = None) -> dict[str, Any]:
    start, end = interval(event.when)
    fields = start_fields(event.when)
    clock = clock_time(event.when)
    row: dict[str, Any] = {"Year": fields["year"], "Month": fields.get("month"), "Day": fields.get("day")}
    if clock is not None:
        row.update({"Month": start.month, "Day": start.day, "Time": f"{clock[0]:02d}:{clock[1]:02d}"})
    if end != start:
        row.update({"End Year": end.year, "End Month": end.month, "End Day": end.day})
    row.update({"Display Date": when_label(event.when, language), "Headline": html.escape(event.headline),
                "Text": slide_text(event, sources, language), "Group": sources[0]})
    return row


@exporter("timelinejs-csv")
def export_timelinejs_csv(timeline: Timeline) -> str:
    """The TimelineJS spreadsheet template as CSV: a title row, then one row per dated event."""
    names = export_names(timeline)
    title = {"Headline": html.escape(timeline_title(timeline)), "Text": title_text(timeline), "Type": "title"}
    rows = [spreadsheet_row(event, source_names(event, names), timeline.language)
            for event in datable_events(timeline)]
    return write_rows(SPREADSHEET_COLUMNS, [title, *rows], raw=bool(timeline.meta.get(RAW_CELLS)))
