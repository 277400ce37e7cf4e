"""TimeML out: the article's text with a TIMEX3 tag around every expression found (one document per file).

A TimeML input is written back byte for byte with the new tags (its header, DCT and entities as read by
chrono.read.timeml); any other document is wrapped in a TimeML header with its DOCID and DCT.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from chrono.errors import ChronoInputError
from chrono.model import Document, Expression, Timeline
from chrono.read.timeml import TimeMLDocument, Timex, as_timex
from chrono.render.exporters import exporter

_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# characters XML 1.0 cannot carry (C0 controls but tab and line ends, non-characters) and lone surrogates
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@exporter("timeml")
def export_timeml(timeline: Timeline) -> str:
    """The single document of the timeline as TimeML 1.2 with its DCT and every expression tagged."""
    if len(timeline.documents) != 1:
        raise ChronoInputError(
            f"--format timeml writes one document, but the timeline has {len(timeline.documents)}; "
            "use 'chrono tag FILES... --format timeml --output-dir DIR' for one TimeML file per input"
        )
    document = timeline.documents[0]
    expressions = [e for e in timeline.expressions if e.document == document.id]
    return write_timeml(timeml_from_document(document), expressions)


def timeml_from_document(document: Document) -> TimeMLDocument:
    """Wrap a plain-text Document as TimeML: a header with DOCID and DCT, the text XML-escaped."""
    pieces: list[str] = []
    offsets: list[int] = []
    position = 0
    for char in document.text:
        offsets.append(position)
        escaped = _ESCAPES.get(char, char)
        pieces.append(escaped)
        position += len(escaped)
    offsets.append(position)
    dct = ""
    if document.published is not None:
        day = document.published.isoformat()
        dct = (f'<DCT><TIMEX3 tid="t0" type="DATE" value="{day}" temporalFunction="false" '
               f'functionInDocument="CREATION_TIME">{day}</TIMEX3></DCT>\n\n')
    header = (f'<?xml version="1.0" ?>\n<TimeML>\n\n<DOCID>{escape_text(document.id)}</DOCID>\n\n'
              f"{dct}<TEXT>")
    return TimeMLDocument(document=document, timexes=(), header=header, raw_text="".join(pieces),
                          raw_offsets=tuple(offsets), footer="</TEXT>\n\n</TimeML>\n")


def write_timeml(source: TimeMLDocument, annotations: Iterable[Timex | Expression]) -> str:
    """The source file with system TIMEX3s: header and DCT kept, TEXT byte for byte plus new tags.

    Overlapping annotations cannot nest in TimeML, so an annotation overlapping an earlier one is left out.
    """
    timexes = sorted((as_timex(item) for item in annotations), key=lambda t: (t.span.start, -t.span.end))
    text_length = len(source.document.text)
    pieces: list[str] = [source.header]
    written_to = 0  # raw offset written so far
    last_end = -1  # decoded end of the last tag written
    tids = _fresh_tids(source.dct_tid)
    for timex in timexes:
        start, end = timex.span.start, timex.span.end
        if start < last_end or not 0 <= start < end <= text_length:
            continue
        raw_start, raw_end = source.raw_offsets[start], source.raw_offsets[end]
        pieces.append(source.raw_text[written_to:raw_start])
        pieces.append(_opening_tag(timex, next(tids)))
        pieces.append(source.raw_text[raw_start:raw_end])
        pieces.append("</TIMEX3>")
        written_to, last_end = raw_end, end
    pieces.append(source.raw_text[written_to:])
    pieces.append(source.footer)
    return _NOT_XML.sub("\ufffd", "".join(pieces))  # text read from .txt or JSON may hold them; one for one


def escape_text(text: str) -> str:
    return "".join(_ESCAPES.get(char, char) for char in text)


def escape_attribute(text: str) -> str:
    return escape_text(text).replace('"', "&quot;")


def _opening_tag(timex: Timex, tid: str) -> str:
    attributes = [("tid", tid), ("type", timex.type), ("value", timex.value), ("mod", timex.mod),
                  ("quant", timex.quant), ("freq", timex.freq)]
    rendered = " ".join(f'{key}="{escape_attribute(value)}"' for key, value in attributes if value is not None)
    return f"<TIMEX3 {rendered}>"


def _fresh_tids(taken: str) -> Iterator[str]:
    number = 1
    while True:
        tid = f"t{number}"
        if tid != taken:
            yield tid
        number += 1
