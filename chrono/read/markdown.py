"""Markdown with YAML front matter: `date:`, `title:`, `url:`, `outlet:`, `id:`, `locale:` between two `---` lines.

Only the flat `key: value` subset of YAML is read (quoted or bare scalars, `#` comments); nested values
and lists are skipped, so no YAML library is needed. The Document keeps the whole file as its text and
marks the body after the front matter, so offsets index the file as decoded.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from chrono.errors import ChronoInputError
from chrono.model import Document, Span
from chrono.read.common import LOCALE_KEYS, Origin, Record, metadata_date
from chrono.read.registry import reader

_OPENING = re.compile(r"---[ \t]*\r?\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)
# no lazy group before trailing blanks: 'a: x' + 100,000 spaces + 'y' must not backtrack (blanks are stripped after)
_FIELD = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?")
DATE_KEYS = ("date", "published")
NO_DATE_HINT = "add 'date: YYYY-MM-DD' to the front matter or pass --published YYYY-MM-DD"
FRONT_MATTER = "front matter"  # Document.published_source of a front-matter date


def _sniff(text: str) -> bool:
    return _OPENING.match(text) is not None


def split_front_matter(text: str, name: str) -> tuple[dict[str, str], int]:
    """(fields, offset where the body starts); no front matter -> ({}, 0)."""
    opening = _OPENING.match(text)
    if opening is None:
        return {}, 0
    closing = _CLOSING.search(text, opening.end())
    if closing is None:
        raise ChronoInputError(f"{name}: the front matter opened by '---' on line 1 is never closed")
    return _fields(text[opening.end():closing.start()]), closing.end()


@reader(".md", ".markdown", sniff=_sniff)
def read_markdown(text: str, origin: Origin) -> Iterator[Record]:
    """A Markdown article; undated when its front matter gives no date."""
    name = origin.name
    fields, body_start = split_front_matter(text, name)
    if not text[body_start:].strip():
        raise ChronoInputError(f"{name}: the article has no text after its front matter")
    date: dt.date | None = None
    hint = f"no publication date; {NO_DATE_HINT}"
    raw = next((fields[key] for key in DATE_KEYS if fields.get(key)), None)
    if raw is not None:
        try:
            date = metadata_date(raw, f"{name}: front matter")
        except ChronoInputError as exc:
            hint = str(exc)
    yield Record(name, Document(
        id=fields.get("id") or origin.document_id,
        text=text,
        published=date,
        source=origin.source,
        outlet=fields.get("outlet") or fields.get("source") or None,
        title=fields.get("title") or None,
        url=fields.get("url") or None,
        body=Span(body_start, len(text)),
        published_source=FRONT_MATTER if date else None,
        locale=next((fields[key] for key in LOCALE_KEYS if fields.get(key)), None),
    ), date_hint=hint)


def _fields(block: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in block.split("\n"):
        line = line.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#") or line[:1].isspace():
            continue  # blank, comment, or part of a nested value we do not read
        match = _FIELD.fullmatch(line)
        if match is None or match.group(2) is None:
            continue
        fields[match.group(1).lower()] = _scalar(match.group(2).rstrip(" \t"))
    return fields


def _scalar(raw: str) -> str:
    if raw[:1] in "\"'":
        quote = raw[0]
        end = raw.find(quote, 1)
        return raw[1:end] if end > 0 else raw[1:]
    return raw.split(" #", 1)[0].strip()
