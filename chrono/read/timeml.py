"""TimeML in and out: read `.tml` / `*.TE3input` files (DCT, text, gold TIMEX3s) and write system TIMEX3s back.

The files are XML-ish rather than strict XML, so a small tolerant scanner reads them: it walks the tags and
entities of the ``<TEXT>`` element, builds the decoded text that chrono analyses, and keeps the raw text
(tags removed, entities as written) with a map from decoded offsets to raw offsets, so that written files
carry the input's text byte for byte.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from chrono.errors import ChronoInputError
from chrono.model import Document, Expression, Span

TIMEML_SUFFIXES = (".tml", ".TE3input", ".xml")

_TEXT_OPEN = re.compile(r"<TEXT\b[^<>]*>", re.IGNORECASE)
_TEXT_CLOSE = re.compile(r"</TEXT\s*>", re.IGNORECASE)
_DCT = re.compile(r"<DCT\b[^<>]*>(.*?)</DCT\s*>", re.IGNORECASE | re.DOTALL)
# a markup token inside TEXT: a comment, a processing instruction, or a tag; or an entity reference
_MARKUP = re.compile(
    r"<!--.*?-->|<\?.*?\?>|<(/?)([A-Za-z_][\w.:-]*)((?:\s+[^<>]*?)?)\s*(/?)>"
    r"|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);",
    re.DOTALL,
)
_ATTRIBUTE = re.compile(r"""([A-Za-z_][\w.:-]*)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")
_TIMEX_TAG = re.compile(r"<TIMEX3\b([^<>]*?)/?>", re.IGNORECASE)
_ISO_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
_ROOT_CLOSE = re.compile(r"</TimeML\s*>", re.IGNORECASE)
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


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

    @property
    def name(self) -> str:
        return self.document.id


def document_name(path: str | Path) -> str:
    """The name documents pair by: the file name without .tml / .TE3input / .xml / .txt suffixes."""
    name = Path(path).name
    changed = True
    while changed:
        changed = False
        for suffix in (*TIMEML_SUFFIXES, ".txt"):
            if name.lower().endswith(suffix.lower()) and len(name) > len(suffix):
                name = name[: -len(suffix)]
                changed = True
    return name


def looks_like_timeml(text: str) -> bool:
    """True when the text has a <TEXT> element, the one part of TimeML that reading needs."""
    return _TEXT_OPEN.search(text) is not None and _TEXT_CLOSE.search(text) is not None


def read_timeml(path: str | Path) -> TimeMLDocument:
    """Read a TimeML or TempEval input file; ChronoInputError for an unreadable or TEXT-less file."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            content = handle.read()
    except FileNotFoundError:
        raise ChronoInputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ChronoInputError(f"{path}: is a folder, not a file") from None
    except UnicodeDecodeError:
        raise ChronoInputError(f"{path}: not UTF-8 text") from None
    return parse_timeml(content, name=document_name(path), source=str(path))


def parse_timeml(content: str, *, name: str = "document", source: str = "") -> TimeMLDocument:
    """Parse TimeML text: DCT date, decoded TEXT content, gold TIMEX3 spans into it."""
    content = content.removeprefix("\ufeff")
    opening = _TEXT_OPEN.search(content)
    closing = _TEXT_CLOSE.search(content, opening.end()) if opening else None
    if opening is None or closing is None:
        raise ChronoInputError(f"{source or name}: no <TEXT> element; is this a TimeML file?")
    published, dct_tid = _read_dct(content[: opening.start()] + content[closing.end():])
    text, raw_text, raw_offsets, timexes = _scan_text(content[opening.end(): closing.start()])
    footer = "</TEXT>\n\n</TimeML>\n" if _ROOT_CLOSE.search(content, closing.end()) else "</TEXT>\n"
    document = Document(id=name, text=text, published=published, source=source)
    return TimeMLDocument(document=document, timexes=tuple(timexes), header=content[: opening.end()],
                          raw_text=raw_text, raw_offsets=tuple(raw_offsets), footer=footer, dct_tid=dct_tid)


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


# characters XML 1.0 cannot carry (C0 controls but tab and line ends, non-characters) and lone surrogates
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


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


def escape_text(text: str) -> str:
    return "".join(_ESCAPES.get(char, char) for char in text)


def escape_attribute(text: str) -> str:
    return escape_text(text).replace('"', "&quot;")


def _opening_tag(timex: Timex, tid: str) -> str:
    attributes = [("tid", tid), ("type", timex.type), ("value", timex.value), ("mod", timex.mod),
                  ("quant", timex.quant), ("freq", timex.freq)]
    rendered = " ".join(f'{key}="{escape_attribute(value)}"' for key, value in attributes if value is not None)
    return f"<TIMEX3 {rendered}>"


def _fresh_tids(taken: str) -> Iterable[str]:
    number = 1
    while True:
        tid = f"t{number}"
        if tid != taken:
            yield tid
        number += 1


def _attributes(source: str) -> dict[str, str]:
    return {key: html.unescape(raw.strip("\"'")) for key, raw in _ATTRIBUTE.findall(source)}


def _read_dct(outside_text: str) -> tuple[dt.date | None, str]:
    """The creation time: the TIMEX3 marked CREATION_TIME, else the first TIMEX3 inside <DCT>."""
    candidates = [_attributes(match.group(1)) for match in _TIMEX_TAG.finditer(outside_text)]
    chosen = next((a for a in candidates if a.get("functionInDocument", "").upper() == "CREATION_TIME"), None)
    if chosen is None:
        dct = _DCT.search(outside_text)
        inner = _TIMEX_TAG.search(dct.group(1)) if dct else None
        chosen = _attributes(inner.group(1)) if inner else None
    if chosen is None:
        return None, "t0"
    return _parse_dct_value(chosen.get("value", "")), chosen.get("tid", "t0")


def _parse_dct_value(value: str) -> dt.date | None:
    match = _ISO_DATE.match(value.strip())
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _scan_text(raw: str) -> tuple[str, str, list[int], list[Timex]]:
    """Decode the TEXT content: (decoded text, raw text without tags, decoded->raw offsets, gold TIMEX3s)."""
    decoded: list[str] = []
    kept: list[str] = []
    offsets: list[int] = []
    decoded_length = 0
    kept_length = 0
    open_timexes: list[tuple[dict[str, str], int]] = []
    closed: list[tuple[dict[str, str], int, int]] = []

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

    position = 0
    for match in _MARKUP.finditer(raw):
        if match.start() > position:
            chunk = raw[position: match.start()]
            add(chunk, chunk)
        position = match.end()
        token = match.group(0)
        if token.startswith("&"):
            add(html.unescape(token), token)
            continue
        is_closing, tag, attributes, self_closing = match.group(1), match.group(2), match.group(3), match.group(4)
        if tag is None or tag.upper() != "TIMEX3" or self_closing:
            continue  # other markup (EVENT, SIGNAL, comments) and empty TIMEX3s carry no extent
        if is_closing:
            if open_timexes:
                attrs, start = open_timexes.pop()
                closed.append((attrs, start, decoded_length))
        else:
            open_timexes.append((_attributes(attributes or ""), decoded_length))
    if position < len(raw):
        chunk = raw[position:]
        add(chunk, chunk)
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
    found: list[Path] = []
    lowered = tuple(s.lower() for s in suffixes)
    for item in paths:
        path = Path(item)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(lowered)))
        elif path.is_file():
            found.append(path)
        else:
            raise ChronoInputError(f"{path}: no such file or folder")
    return found


def load_source(path: str | Path, published: dt.date | None = None) -> TimeMLDocument:
    """Any input `chrono tag` accepts: TimeML as is, or an article (sample format or plain text) wrapped as TimeML.

    ``published`` dates a TimeML file that has no DCT, and overrides an article's header as in `chrono build`.
    """
    from chrono.read.text import STDIN_NAME, decode_article, parse_article

    is_stdin = str(path) == STDIN_NAME
    name = "standard input" if is_stdin else str(path)
    text = decode_article(_input_bytes(Path(path), is_stdin), name)
    if looks_like_timeml(text):
        source = parse_timeml(text, name="stdin" if is_stdin else document_name(path), source=name)
        if source.document.published is None:
            if published is None:
                raise ChronoInputError(f"{name}: no DCT TIMEX3 (functionInDocument=\"CREATION_TIME\"); "
                                       "give the date with --published YYYY-MM-DD")
            source = replace(source, document=replace(source.document, published=published))
        return source
    document = parse_article(text, published=published, source=name,
                             document_id="stdin" if is_stdin else document_name(path))
    return timeml_from_document(document)


def _input_bytes(path: Path, is_stdin: bool) -> bytes:
    if is_stdin:
        return sys.stdin.buffer.read()
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ChronoInputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ChronoInputError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise ChronoInputError(f"cannot read {path}: {exc.strerror or exc}") from None
