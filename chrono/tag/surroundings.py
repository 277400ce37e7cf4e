"""Cues read in the text around an expression: what it is beside its value (chrono/lang/<code>/surroundings.toml).

``dates_an_event``: False for boilerplate, citations, names and titles, hypothetical days (the attach stage keeps
them as expressions but makes no event). ``is_aside``: True for a mention that is not where the story stands (a
comparison, a citation, a parenthesis), which the resolver's document walk does not count from.
Each cue list is compiled once per language (and split by tagging rule as rules are met). A cue whose pattern
needs a word ("copyright" needs one of "©", "(c)", "copyright") is searched for only when the text it may read
holds that word: a substring test costs far less than a regex search that starts at every position of the window.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from chrono.lang.sections import SurroundingCue, Surroundings
from chrono.model import Expression
from chrono.tag.grammar import expand_fragments
from chrono.tag.prefilter import parse, sre

__all__ = ["dates_an_event", "is_aside", "names_no_time"]


@dataclass(frozen=True, slots=True)
class _Cue:
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    rules: frozenset[str]
    reach: int
    before_needs: tuple[str, ...]  # lower-case strings one of which every match of `before` holds (empty: not known)
    after_needs: tuple[str, ...]
    around: re.Pattern[str] | None = None
    around_needs: tuple[str, ...] = ()
    around_first: re.Pattern[str] | None = None  # what every match of `around` holds: searched before it


@dataclass(frozen=True, slots=True)
class _CueList:
    cues: tuple[_Cue, ...]
    by_rule: dict[str, tuple[_Cue, ...]]  # the cues that apply to a tagging rule's expressions, filled as met

    def applying(self, rule: str) -> tuple[_Cue, ...]:
        found = self.by_rule.get(rule)
        if found is None:
            found = self.by_rule[rule] = tuple(cue for cue in self.cues if not cue.rules or rule in cue.rules)
        return found


_FLAGS = re.IGNORECASE | re.MULTILINE


_REPEATS = tuple(op for op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)) if op)


def _caseless(needed: str) -> bool:
    """Lower-casing finds every case-insensitive match of `needed` in ASCII text (no Kelvin sign, no long s)."""
    return all(char.isascii() or char.lower() == char == char.upper() for char in needed)


def _needs(items: Any) -> frozenset[str] | None:
    """Strings one of which every match of the parsed pattern holds (None when none is known).

    Only literal runs of the match itself count: a look-around may read outside the searched window."""
    options: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        if op is sre.LITERAL:
            run += chr(av)
            continue
        if run:
            options.append(frozenset({run}))
            run = ""
        needed: frozenset[str] | None = None
        if op is sre.SUBPATTERN:
            needed = _needs(av[3])
        elif op in _REPEATS and av[0] >= 1:
            needed = _needs(av[2])
        elif op is sre.BRANCH:
            branches = [_needs(branch) for branch in av[1]]
            needed = frozenset().union(*[branch for branch in branches if branch]) if all(branches) else None
        elif op is sre.IN and av and all(kind is sre.LITERAL for kind, _ in av):  # "[?!.]": one of its characters
            needed = frozenset(chr(code) for _, code in av)
        if needed:
            options.append(needed)
    if run:
        options.append(frozenset({run}))
    usable = [option for option in options if all(needed and _caseless(needed) for needed in option)]
    return max(usable, key=lambda option: min(map(len, option)), default=None)  # the longest words: the rarest


def _pattern_needs(pattern: str) -> tuple[str, ...]:
    needed = _needs(parse(pattern, _FLAGS)) if pattern else None
    return tuple(sorted(word.lower() for word in needed)) if needed else ()


@cache
def _compiled(cues: tuple[SurroundingCue, ...], words: Surroundings) -> _CueList:
    window = words.window
    around = {cue.name: expand_fragments(cue.around, words.parts, {}) for cue in cues if cue.around}
    first = {cue.name: expand_fragments(cue.around_first, words.parts, {}) for cue in cues if cue.around_first}
    return _CueList(tuple(_Cue(re.compile(f"(?:{cue.before})\\Z", _FLAGS) if cue.before else None,
                               re.compile(cue.after, _FLAGS) if cue.after else None,
                               frozenset(cue.rules), min(cue.reach or window, window),
                               _pattern_needs(cue.before), _pattern_needs(cue.after),
                               re.compile(around[cue.name], _FLAGS) if cue.around else None,
                               _pattern_needs(around.get(cue.name, "")),
                               re.compile(first[cue.name], _FLAGS) if cue.around_first else None)
                          for cue in cues), {})


def _lacks(region: str, needs: tuple[str, ...]) -> bool:
    """True when the (lower-case, ASCII) region holds none of the needed strings, so the pattern cannot match."""
    for needed in needs:
        if needed in region:
            return False
    return bool(needs)


def _any_cue(cues: tuple[SurroundingCue, ...], expression: Expression, text: str, words: Surroundings) -> bool:
    applying = _compiled(cues, words).applying(expression.rule)
    if not applying:  # most expressions, for cues of a few rules ("the Long March" is asked of every expression)
        return False
    start, end, window = expression.span.start, expression.span.end, words.window
    # the windows read, lower-cased once; a non-ASCII one is not pre-tested (lower-casing may change its length)
    before, after = text[max(0, start - window):start], text[end:end + window]
    before = before.lower() if before.isascii() else ""
    after = after.lower() if after.isascii() else ""
    for cue in applying:  # the cheap tests first: words, then match after
        if cue.after is not None:
            if after and _lacks(after[:cue.reach], cue.after_needs):
                continue
            if cue.after.match(text, end, end + cue.reach) is None:
                continue
        if cue.before is not None:
            if before and _lacks(before[-cue.reach:], cue.before_needs):
                continue
            if cue.before.search(text, max(0, start - cue.reach), start) is None:
                continue
        if cue.around is not None and not _around(cue, cue.around, text, start, end):
            continue
        return True
    return False


def _around(cue: _Cue, pattern: re.Pattern[str], text: str, start: int, end: int) -> bool:
    """True when a match of ``pattern`` near the expression covers it whole."""
    low, high = max(0, start - cue.reach), min(len(text), end + cue.reach)
    region = text[low:high]
    if region.isascii() and _lacks(region.lower(), cue.around_needs):
        return False
    if cue.around_first is not None and cue.around_first.search(text, low, high) is None:
        return False
    for match in pattern.finditer(text, low, high):
        if match.start() > start:
            break
        if match.end() >= end:
            return True
    return False


def dates_an_event(expression: Expression, text: str, words: Surroundings) -> bool:
    """False when the text around the expression says it dates nothing (a copyright line, a film's title)."""
    return not _any_cue(words.not_event, expression, text, words)


def names_no_time(expression: Expression, text: str, words: Surroundings) -> bool:
    """True when the text around the words says they name no time ("the Long March", "the March to the Sea")."""
    return _any_cue(words.no_expression, expression, text, words)


def is_aside(expression: Expression, text: str, words: Surroundings) -> bool:
    """True when the text around the mention says the story does not stand there ("since 1812", "(1953)")."""
    return _any_cue(words.aside, expression, text, words)
