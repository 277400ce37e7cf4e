"""Which expressions date no event: boilerplate, citations, names and titles, hypothetical days.

The cues are data (chrono/lang/<code>/attach.toml, section AttachWords); each is compiled once per language.
An expression a cue matches stays an expression (TimeML tags it) but makes no timeline event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from chrono.lang.sections import AttachWords
from chrono.model import Expression

__all__ = ["dates_an_event"]


@dataclass(frozen=True, slots=True)
class _Cue:
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    rules: frozenset[str]


@cache
def _cues(words: AttachWords) -> tuple[_Cue, ...]:
    flags = re.IGNORECASE | re.MULTILINE
    return tuple(_Cue(re.compile(f"(?:{cue.before})\\Z", flags) if cue.before else None,
                      re.compile(cue.after, flags) if cue.after else None,
                      frozenset(cue.rules)) for cue in words.not_event)


def dates_an_event(expression: Expression, text: str, words: AttachWords) -> bool:
    """False when the text around the expression says it dates nothing (a copyright line, a film's title)."""
    start, end = expression.span.start, expression.span.end
    low, high = max(0, start - words.window), min(len(text), end + words.window)
    for cue in _cues(words):
        if cue.rules and expression.rule not in cue.rules:
            continue
        if cue.before is not None and cue.before.search(text, low, start) is None:
            continue
        if cue.after is not None and cue.after.match(text, end, high) is None:
            continue
        return False
    return True
