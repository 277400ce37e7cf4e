"""TimeML in: read `.tml` / `*.TE3input` files (DCT, text, gold TIMEX3s); writing them is chrono.render's job.

The files are XML-ish rather than strict XML, so a small tolerant scanner reads them: it walks the tags and
entities of the ``<TEXT>`` element, builds the decoded text that chrono analyses, and keeps the raw text
(tags removed, entities as written) with a map from decoded offsets to raw offsets, so that written files
carry the input's text byte for byte. The scan is linear: an unclosed comment or processing instruction is
text, found once, never searched for again.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from chrono.errors import ChronoInputError
from chrono.model import Document, Expression, Span
from chrono.read.common import Origin, Record
from chrono.read.inputs import expand, load_text, quoted
from chrono.read.registry import document_id, reader

TIMEML_SUFFIXES = (".tml", ".TE3input", ".xml")
DCT = "DCT"  # Document.published_source of a TimeML creation time

_TEXT_OPEN = re.compile(r"<TEXT\b[^<>]*>", re.IGNORECASE)
_TEXT_CLOSE = re.compile(r"</TEXT\s*>", re.IGNORECASE)
_DCT_OPEN = re.compile(r"<DCT\b[^<>]*>", re.IGNORECASE)
_DCT_CLOSE = re.compile(r"</DCT\s*>", re.IGNORECASE)
_MARKUP_START = re.compile(r"[<&]")
# a tag: no lazy part, so an unclosed one costs its length once (attributes and '/' are split off after)
_TAG = re.compile(r"<(/?)([A-Za-z_][\w.:-]*)((?:[\s/][^<>]*)?)>")
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_ATTRIBUTE = re.compile(r"""([A-Za-z_][\w.:-]*)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")
_TIMEX_TAG = re.compile(r"<TIMEX3\b([^<>]*)>", re.IGNORECASE)
_ISO_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
_ROOT_CLOSE = re.compile(r"</TimeML\s*>", re.IGNORECASE)
NO_DCT = 'no DCT TIMEX3 (functionInDocument="CREATION_TIME")'
OVERRIDE_HINT = "give the date with --published YYYY-MM-DD"


@dataclass(frozen=True, slots=True)
class Timex:
    """One TIMEX3 annotation, gold or system: its extent in the decoded text and its attributes."""

    span: Span
    text: str
    type: str
    value: str
    mod: str | None = None
    quant: str | None = None
    freq: str | None = None
    tid: str = ""


@dataclass(frozen=True)
class TimeMLDocument:
    """A TimeML file as read: the Document to analyse, its gold TIMEX3s and what writing it back needs."""

    document: Document
    timexes: tuple[Timex, ...]
    header: str  # the input up to and including <TEXT ...>, kept as written (DOCID, DCT, ...)
    raw_text: str  # the TEXT content with tags removed and entities as written
    raw_offsets: tuple[int, ...]  # decoded offset i -> offset in raw_text; len(document.text) + 1 entries
    footer: str  # </TEXT> and the root's closing tag
    dct_tid: str = "t0"
    dct_problem: str = ""  # why a DCT that is there gives no date (an impossible value), for the one message

    @property
    def name(self) -> str:
        return self.document.id


def looks_like_timeml(text: str) -> bool:
    """True when the text has a <TEXT> element, the one part of TimeML that reading needs."""
    opening = _TEXT_OPEN.search(text)
    return opening is not None and _TEXT_CLOSE.search(text, opening.end()) is not None


def read_timeml(path: str | Path) -> TimeMLDocument:
    """Read a TimeML or TempEval input file (same size limit and messages as every input); ChronoInputError for
    an unreadable or TEXT-less file."""
    return parse_timeml(load_text(path), name=document_id(path), source=str(path))


def parse_timeml(content: str, *, name: str = "document", source: str = "") -> TimeMLDocument:
    """Parse TimeML text: DCT date, decoded TEXT content, gold TIMEX3 spans into it."""
    where = source or name
    content = content.removeprefix("\ufeff")
    opening = _TEXT_OPEN.search(content)
    closing = _TEXT_CLOSE.search(content, opening.end()) if opening else None
    if opening is None or closing is None:
        raise ChronoInputError(f"{where}: no <TEXT> element; is this a TimeML file?")
    published, dct_tid, dct_problem = _read_dct(content[: opening.start()] + content[closing.end():])
    text, raw_text, raw_offsets, timexes = _scan_text(content[opening.end(): closing.start()])
    footer = "</TEXT>\n\n</TimeML>\n" if _ROOT_CLOSE.search(content, closing.end()) else "</TEXT>\n"
    document = Document(id=name, text=text, published=published, source=source,
                        published_source=DCT if published else None)
    return TimeMLDocument(document=document, timexes=tuple(timexes), header=content[: opening.end()],
                          raw_text=raw_text, raw_offsets=tuple(raw_offsets), footer=footer, dct_tid=dct_tid,
                          dct_problem=dct_problem)


@reader(".tml", ".TE3input", sniff=looks_like_timeml, corpus=True)
@reader(".xml", in_folders=False)
def read_timeml_text(text: str, origin: Origin) -> Iterator[Record]:
    """A TimeML file as a Record whose ``original`` keeps the markup for writing it back."""
    parsed = parse_timeml(text, name=origin.document_id, source=origin.source)
    yield Record(origin.name, parsed.document, date_hint=f"{parsed.dct_problem or NO_DCT}; {OVERRIDE_HINT}",
                 original=parsed)


def as_timex(item: Timex | Expression) -> Timex:
    """A system Expression as a Timex (an unresolved one keeps its partial type and literal, if any)."""
    if isinstance(item, Timex):
        return item
    value = item.value
    if value is None:
        return Timex(span=item.span, text=item.text, type=str(item.partial.type), value=item.partial.literal or "",
                     mod=item.partial.mod, quant=item.partial.quant, freq=item.partial.freq)
    return Timex(span=item.span, text=item.text, type=str(value.type), value=value.value, mod=value.mod,
                 quant=value.quant, freq=value.freq)


def _attributes(source: str) -> dict[str, str]:
    return {key: html.unescape(raw.strip("\"'")) for key, raw in _ATTRIBUTE.findall(source)}


def _read_dct(outside_text: str) -> tuple[dt.date | None, str, str]:
    """(date, tid, problem) of the creation time: the TIMEX3 marked CREATION_TIME, else the first TIMEX3 inside
    <DCT>; the problem names a DCT whose value is no possible date."""
    candidates = [_attributes(match.group(1)) for match in _TIMEX_TAG.finditer(outside_text)]
    chosen = next((a for a in candidates if a.get("functionInDocument", "").upper() == "CREATION_TIME"), None)
    if chosen is None:
        opening = _DCT_OPEN.search(outside_text)
        closing = _DCT_CLOSE.search(outside_text, opening.end()) if opening else None
        inner = _TIMEX_TAG.search(outside_text, opening.end(), closing.start()) if opening and closing else None
        chosen = _attributes(inner.group(1)) if inner else None
    if chosen is None:
        return None, "t0", ""
    value = chosen.get("value", "")
    date, problem = _parse_dct_value(value)
    return date, chosen.get("tid", "t0"), problem


def _parse_dct_value(value: str) -> tuple[dt.date | None, str]:
    match = _ISO_DATE.match(value.strip())
    if not match:
        return None, f"the DCT value {quoted(value)} is not a date YYYY-MM-DD"
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3))), ""
    except ValueError as exc:
        return None, f"the DCT value {quoted(value)} is an impossible date ({exc})"


def _scan_text(raw: str) -> tuple[str, str, list[int], list[Timex]]:
    """Decode the TEXT content: (decoded text, raw text without tags, decoded->raw offsets, gold TIMEX3s)."""
    decoded: list[str] = []
    kept: list[str] = []
    offsets: list[int] = []
    decoded_length = 0
    kept_length = 0
    open_timexes: list[tuple[dict[str, str], int]] = []
    closed: list[tuple[dict[str, str], int, int]] = []
    unclosed: set[str] = set()  # '<!--' / '<?' openers known to have no closer after them

    def add(plain: str, written: str) -> None:
        nonlocal decoded_length, kept_length
        if len(plain) == len(written):
            offsets.extend(range(kept_length, kept_length + len(plain)))
        else:  # an entity: every decoded character maps to where the entity starts
            offsets.extend([kept_length] * len(plain))
        decoded.append(plain)
        kept.append(written)
        decoded_length += len(plain)
        kept_length += len(written)

    def skipped(position: int, opener: str, closer: str) -> int:
        """Where a comment / processing instruction at ``position`` ends; -1 when it is never closed."""
        if opener in unclosed:
            return -1
        end = raw.find(closer, position + len(opener))
        if end < 0:
            unclosed.add(opener)
            return -1
        return end + len(closer)

    written_to = 0  # raw offset up to which the text has been added
    position = 0
    while True:
        found = _MARKUP_START.search(raw, position)
        if found is None:
            break
        start = found.start()
        position = start + 1
        end = -1
        tag = None
        if raw.startswith("<!--", start):
            end = skipped(start, "<!--", "-->")
        elif raw.startswith("<?", start):
            end = skipped(start, "<?", "?>")
        elif raw[start] == "&":
            entity = _ENTITY.match(raw, start)
            if entity is not None:
                if start > written_to:
                    add(raw[written_to:start], raw[written_to:start])
                add(html.unescape(entity.group()), entity.group())
                written_to = position = entity.end()
            continue
        else:
            tag = _TAG.match(raw, start)
            end = tag.end() if tag else -1
        if end < 0:
            continue  # not markup: the '<' stays text
        if start > written_to:
            add(raw[written_to:start], raw[written_to:start])
        written_to = position = end
        if tag is None:
            continue
        is_closing, name, attributes = tag.group(1), tag.group(2), tag.group(3)
        if name.upper() != "TIMEX3" or attributes.rstrip().endswith("/"):
            continue  # other markup (EVENT, SIGNAL) and empty TIMEX3s carry no extent
        if is_closing:
            if open_timexes:
                attrs, begin = open_timexes.pop()
                closed.append((attrs, begin, decoded_length))
        else:
            open_timexes.append((_attributes(attributes), decoded_length))
    if written_to < len(raw):
        add(raw[written_to:], raw[written_to:])
    offsets.append(kept_length)
    text = "".join(decoded)
    timexes = [
        Timex(span=Span(start, end), text=text[start:end], type=attrs.get("type", ""), value=attrs.get("value", ""),
              mod=attrs.get("mod"), quant=attrs.get("quant"), freq=attrs.get("freq"), tid=attrs.get("tid", ""))
        for attrs, start, end in sorted(closed, key=lambda item: (item[1], -item[2]))
        if end > start
    ]
    return text, "".join(kept), offsets, timexes


def timeml_files(paths: Sequence[str | Path], *, suffixes: Sequence[str] = TIMEML_SUFFIXES) -> list[Path]:
    """Files named by ``paths``; a folder stands for every file below it ending in one of ``suffixes``."""
    return [Path(found) for item in paths for found in expand(str(item), suffixes)]
