"""A plain-text article's opening "Key: value" lines: its header, as e-mail, exports and scrapers write it.

    Title: Rail strikes to go ahead after talks collapse
    Published: 12 March 2026
    Source: The Courier

    Talks between ...

The block is the run of such lines at the top of the text, ended by a blank line (or by the first line that is
not one). It is a header only when one of its keys names a date; which keys give the date, the title, the URL
and the outlet is language data ([header] of segment.toml). Every line of the block is kept out of the body, so
a header's date is not an event and its title is not a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from chrono.lang.sections import HeaderKeys

MAX_LINES = 20  # a longer run of "Key: value" lines is a list in the article, not its header
# a key of up to four words, a colon, a space and a value on the line
_KEY_LINE = re.compile(r"[ \t\ufeff]*([^\W\d_][^\W_]*(?:[ .'-][^\W_]+){0,3})[ \t]*:[ \t]+(\S[^\r\n]*?)[ \t\r]*")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


@dataclass(frozen=True)
class Header:
    """What a header block gives: the value of each kind of key it holds (first line of a kind wins)."""

    end: int  # offset right after the block's last line
    lines: int
    fields: dict[str, str] = field(default_factory=dict)  # "date", "title", "url", "outlet" -> value


@cache
def _kinds(keys: HeaderKeys) -> dict[str, str]:
    """Each key (lower case) -> what its line gives."""
    return {key: kind for kind in ("date", "title", "url", "outlet") for key in getattr(keys, kind)}


def header_block(text: str, keys: HeaderKeys) -> Header | None:
    """The header opening ``text``, or None when its first lines are no "Key: value" block holding a date key."""
    kinds = _kinds(keys)
    if not kinds:
        return None
    fields: dict[str, str] = {}
    lines = end = 0
    for match in _LINE.finditer(text):
        line = match.group().rstrip("\r\n")
        if not line.strip():
            if lines:
                break
            if match.end() == len(text):
                return None
            continue
        key_line = _KEY_LINE.fullmatch(line)
        if key_line is None or lines == MAX_LINES:
            break
        kind = kinds.get(" ".join(key_line.group(1).lower().split()))
        if kind is not None:
            fields.setdefault(kind, key_line.group(2))
        lines, end = lines + 1, match.start() + len(line)
        if match.end() == len(text):
            break
    return Header(end, lines, fields) if "date" in fields else None
