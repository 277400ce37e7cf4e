"""Cues read in the text around an expression: what it is beside its value (chrono/lang/<code>/surroundings.toml).

``dates_an_event``: False for boilerplate, citations, names and titles, hypothetical days (the attach stage keeps
them as expressions but makes no event). ``is_aside``: True for a mention that is not where the story stands (a
comparison, a citation, a parenthesis), which the resolver's document walk does not count from.
Each cue list is compiled once per language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from chrono.lang.sections import SurroundingCue, Surroundings
from chrono.model import Expression

__all__ = ["dates_an_event", "is_aside"]


@dataclass(frozen=True, slots=True)
class _Cue:
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    rules: frozenset[str]
    reach: int


_FLAGS = re.IGNORECASE | re.MULTILINE


@cache
def _compiled(cues: tuple[SurroundingCue, ...], window: int) -> tuple[_Cue, ...]:
    return tuple(_Cue(re.compile(f"(?:{cue.before})\\Z", _FLAGS) if cue.before else None,
                      re.compile(cue.after, _FLAGS) if cue.after else None,
                      frozenset(cue.rules), min(cue.reach or window, window)) for cue in cues)


def _any_cue(cues: tuple[SurroundingCue, ...], expression: Expression, text: str, window: int) -> bool:
    start, end = expression.span.start, expression.span.end
    for cue in _compiled(cues, window):  # the cheap tests first: the rule, then the anchored match after it
        if cue.rules and expression.rule not in cue.rules:
            continue
        if cue.after is not None and cue.after.match(text, end, end + cue.reach) is None:
            continue
        if cue.before is not None and cue.before.search(text, max(0, start - cue.reach), start) is None:
            continue
        return True
    return False


def dates_an_event(expression: Expression, text: str, words: Surroundings) -> bool:
    """False when the text around the expression says it dates nothing (a copyright line, a film's title)."""
    return not _any_cue(words.not_event, expression, text, words.window)


def is_aside(expression: Expression, text: str, words: Surroundings) -> bool:
    """True when the text around the mention says the story does not stand there ("since 1812", "(1953)")."""
    return _any_cue(words.aside, expression, text, words.window)
