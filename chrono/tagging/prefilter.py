"""Which rules can start at a position, from the first characters there (so most rules are never tried).

Each rule's regex is read (with Python's own regex parser) into the set of lower-case strings, up to PREFIX
characters long, that a match can begin with: digits are folded to "0" and white space to " " on both sides.
A position is then tried only with the rules registered under one of its text prefixes. A rule whose
beginning cannot be spelled out (too many variants, "any character") is tried at every position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from re import _constants as sre  # the parser's opcodes; stable across 3.11+
from re import _parser as sre_parse

PREFIX = 8
_HEAD = 3  # index keys by their first three characters
_LIMIT = 60_000  # more variants than this: give up and try the rule everywhere
_DIGITS = "0123456789"
_FOLD = str.maketrans({**{d: "0" for d in _DIGITS}, "\t": " ", "\n": " ", "\r": " ", "\f": " ", "\v": " ",
                       "\u00a0": " ", "\u2019": "'"})


class _Unbounded(Exception):
    """The pattern can begin with too many different strings to list."""


def fold(text: str) -> str:
    """The text as the index sees it: lower case, digits as 0, white space as a space (same length)."""
    return text.lower().translate(_FOLD) if text.isascii() or len(text.lower()) == len(text) else text.translate(_FOLD)


def _chars(items: list) -> set[str]:
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.update({chr(av).lower(), chr(av).upper().lower()})
        elif op is sre.RANGE:
            low, high = av
            if high - low > 200:
                raise _Unbounded
            chars.update(chr(code).lower() for code in range(low, high + 1))
        elif op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            chars.add("0")
        elif op is sre.CATEGORY and av is sre.CATEGORY_SPACE:
            chars.add(" ")
        else:
            raise _Unbounded
    return {_fold_char(char) for char in chars}


def _fold_char(char: str) -> str:
    return "0" if char in _DIGITS else " " if char.isspace() else char


def _sequence(items: Iterable, room: int) -> set[str]:
    """Every way the item sequence can begin, cut at `room` characters (shorter: the sequence ended there)."""
    results = {""}
    for op, av in items:
        done = {s for s in results if len(s) >= room}
        growing = {s for s in results if len(s) < room}
        if not growing:
            return results
        by_room: dict[int, set[str]] = {}
        for s in growing:
            by_room.setdefault(room - len(s), set()).add(s)
        results = done
        for left, starts in by_room.items():
            tails = _item(op, av, left)
            results |= {s + t for s in starts for t in tails}
            if len(results) > _LIMIT:
                raise _Unbounded
    return results


def _item(op, av, room: int) -> set[str]:
    if op is sre.LITERAL:
        return {_fold_char(chr(av).lower())}
    if op is sre.IN:
        return _chars(av)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return {""}
    if op is sre.SUBPATTERN:
        return _sequence(av[-1], room)
    if op is sre.BRANCH:
        found: set[str] = set()
        for branch in av[1]:
            found |= _sequence(branch, room)
        return found
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
        low, high, body = av
        found = set()
        for count in range(low, min(high, low + room) + 1):
            found |= _sequence(list(body) * count, room)
        return found
    raise _Unbounded


def starts_of(regex: re.Pattern[str]) -> set[str] | None:
    """The folded strings (at most PREFIX long) a match of `regex` can begin with; None when unbounded."""
    try:
        found = _sequence(sre_parse.parse(regex.pattern, regex.flags), PREFIX)
    except _Unbounded:
        return None
    return None if "" in found else found


class Prefilter:
    """Maps the text's first characters at a position to the rules (by index) that could match there."""

    def __init__(self, regexes: list[re.Pattern[str]]) -> None:
        table: dict[str, set[int]] = {}
        everywhere: list[int] = []
        for number, regex in enumerate(regexes):
            starts = starts_of(regex)
            if starts is None:
                everywhere.append(number)
                continue
            for start in starts:
                table.setdefault(start, set()).add(number)
        self.everywhere = frozenset(everywhere)
        # keys shorter than the head are looked up directly; longer ones under their first HEAD characters
        self.short: dict[str, frozenset[int]] = {}
        by_head: dict[str, dict[int, dict[str, frozenset[int]]]] = {}
        for key, rules in table.items():
            if len(key) < _HEAD:
                self.short[key] = frozenset(rules)
            else:
                by_head.setdefault(key[:_HEAD], {}).setdefault(len(key), {})[key] = frozenset(rules)
        self.short_lengths = tuple(sorted({len(key) for key in self.short}))
        self.by_head = {head: tuple(sorted(by_length.items())) for head, by_length in by_head.items()}

    def rules_at(self, folded: str, position: int) -> list[int]:
        """Indexes (ascending) of the rules that could match at `position` of the folded text."""
        found: set[int] = set(self.everywhere)
        for length in self.short_lengths:
            rules = self.short.get(folded[position:position + length])
            if rules:
                found |= rules
        for length, keys in self.by_head.get(folded[position:position + _HEAD], ()):
            rules = keys.get(folded[position:position + length])
            if rules:
                found |= rules
        return sorted(found) if found else []
