"""Which rules can start at a position, from the first characters there (so most rules are never tried).

Each rule's regex is read (with Python's own regex parser) into the set of lower-case strings, up to PREFIX
characters long, that a match can begin with: digits are folded to "0" and white space to " " on both sides.
A position is then tried only with the rules registered under one of its text prefixes. A rule whose
beginning cannot be spelled out (too many variants, "any character") is tried at every position.

Listing every beginning of every rule up front costs more than tagging one article, so the index is built in
two steps. At load, only the first HEAD characters of each rule's beginnings are listed (cheap); they make
one trigger regex that finds, in a single scan of the folded text, the word starts worth a look. The full
beginnings are listed the first time a head is met in a text, and only for the rules that begin with it.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import chain
from typing import Any

# CPython's regex parser and its opcodes (stable across 3.11+): no public API gives a pattern's parse tree
sre: Any = importlib.import_module("re._constants")
sre_parse: Any = importlib.import_module("re._parser")

PREFIX = 8
_HEAD = 3  # the trigger scan looks for the first three characters of a beginning
_LIMIT = 10_000  # more variants than this (a part, or a head's listing): give up, try the rule at each such place
_DIGITS = "0123456789"
_FOLD = str.maketrans({**{d: "0" for d in _DIGITS}, **{chr(code): " " for code in range(0x80) if chr(code).isspace()},
                       "\u00a0": " ", "\u2019": "'"})
# the regex's \s and \d take every Unicode space and decimal digit ("10:00\u202fAM", as CLDR now writes times,
# "26\u2009Jan"); the fold must see them so too, or the rules that need them are never tried there
_OTHER_SPACE = re.compile(r"(?! )\s")
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")
# where an expression can begin in the folded text: a word start, or an apostrophe before digits ("the '90s");
# folding keeps what is a word character (case, digits) and makes the curly apostrophe a straight one
_WORD_START = r"(?<![\w'])(?=[\w'])"
# the same places found by the character before them: a pattern that begins by consuming a character lets the
# regex engine skip, in C, the characters that cannot be it; a zero-width one is tried at every position
_AFTER_WORD_BREAK = r"[^\w'](?=[\w'])"
_END = re.Match.end
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None))
_WINDOW_CACHE = 100_000  # windows remembered before the memo starts afresh (bounds memory on huge inputs)
_NONE: frozenset[int] = frozenset()
_EMPTY = ("empty",)
_UNBOUNDED = ("unbounded",)
_TOO_MANY: frozenset[str] = frozenset({"\x00too many"})  # memo mark of a part with too many beginnings


class _Unbounded(Exception):
    """The pattern can begin with too many different strings to list."""


def fold(text: str) -> str:
    """The text as the index sees it: lower case, digits as 0, white space as a space (same length)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a character whose lower case is longer ("İ"): the others are still lowered
        lowered = "".join(low if len(low := char.lower()) == 1 else char for char in text)
    folded = lowered.translate(_FOLD)
    if folded.isascii():
        return folded
    return _OTHER_DIGIT.sub("0", _OTHER_SPACE.sub(" ", folded))


def parse(pattern: str, flags: int) -> sre_parse.SubPattern:
    """Python's own parse of a pattern (raises re.error as re.compile would)."""
    return sre_parse.parse(pattern, flags)


def _fold_char(char: str) -> str:
    return "0" if char.isdecimal() else " " if char.isspace() else char


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


class _Beginnings:
    """The folded beginnings of parsed patterns, each part worked out once per (part, room, need).

    The parse trees are first interned: equal sub-patterns (the same fragment in several rules) become one
    node, a run of literals one string. `room` cuts the strings (shorter ones: the part ended there); `need`
    keeps only the strings that agree with it over their common length, so that one head's beginnings are
    listed without the others'. What is worked out under a need serves that head only: forget() drops it.
    """

    def __init__(self, fragments: Mapping[str, Sequence] | None = None) -> None:
        self.fragments = fragments or {}  # stand-in character -> the parse of the fragment it stands for
        self.fragment_nodes: dict[str, int] = {}
        self.ids: dict[tuple, int] = {}
        self.nodes: list[tuple] = []
        self.memo: dict[tuple[int, int, str], frozenset[str]] = {}  # need "": shared by every head
        self.needed: dict[tuple[int, int, str], frozenset[str]] = {}

    def forget(self) -> None:
        self.needed.clear()

    def _intern(self, node: tuple) -> int:
        number = self.ids.get(node)
        if number is None:
            number = self.ids[node] = len(self.nodes)
            self.nodes.append(node)
        return number

    def intern(self, items: Sequence) -> int:
        """The node of an item sequence (a parse tree or a part of one)."""
        parts: list[int] = []
        literal: list[str] = []
        for op, av in items:
            if op is sre.LITERAL and chr(av) not in self.fragments:
                literal.append(_fold_char(chr(av).lower()))
                continue
            if literal:
                parts.append(self._intern(("lit", "".join(literal))))
                literal = []
            parts.append(self._intern_item(op, av))
        if literal:
            parts.append(self._intern(("lit", "".join(literal))))
        if len(parts) == 1:
            return parts[0]
        return self._intern(("seq", *parts)) if parts else self._intern(_EMPTY)

    def _fragment(self, stand_in: str) -> int:
        number = self.fragment_nodes.get(stand_in)
        if number is None:
            number = self.fragment_nodes[stand_in] = self.intern(self.fragments[stand_in])
        return number

    def _intern_item(self, op, av) -> int:
        if op is sre.LITERAL:  # a fragment's stand-in
            return self._fragment(chr(av))
        if op is sre.IN:
            # the parser makes "{a}|{b}" a character set of two stand-ins
            stand_ins = [chr(code) for kind, code in av if kind is sre.LITERAL and chr(code) in self.fragments]
            if stand_ins:
                if any(kind is sre.NEGATE for kind, _ in av):
                    return self._intern(_UNBOUNDED)
                rest = [(kind, code) for kind, code in av if not (kind is sre.LITERAL and chr(code) in stand_ins)]
                nodes = [self._fragment(char) for char in stand_ins] + ([self._intern_item(op, rest)] if rest else [])
                return self._intern(("branch", *nodes))
            try:
                return self._intern(("chars", frozenset(_chars(av))))
            except _Unbounded:
                return self._intern(_UNBOUNDED)
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            return self._intern(_EMPTY)
        if op is sre.SUBPATTERN:
            return self.intern(av[-1])
        if op is sre.BRANCH:
            return self._intern(("branch", *(self.intern(branch) for branch in av[1])))
        if op in _REPEATS:
            low, high, body = av
            return self._intern(("repeat", low, high, self.intern(body)))
        return self._intern(_UNBOUNDED)

    def starts(self, number: int, room: int, need: str) -> frozenset[str]:
        """Every way node `number` can begin, cut at `room` characters, agreeing with `need`."""
        memo = self.needed if need else self.memo
        key = (number, room, need)
        found = memo.get(key)
        if found is None:
            try:
                found = memo[key] = frozenset(self._starts(self.nodes[number], room, need))
            except _Unbounded:
                memo[key] = _TOO_MANY  # "any word" ([a-z]+) is met under many heads: give up at once next time
                raise
        elif found is _TOO_MANY:
            raise _Unbounded
        return found

    def _starts(self, node: tuple, room: int, need: str) -> Iterable[str]:
        kind = node[0]
        if kind == "lit":
            cut = node[1][:room]
            return (cut,) if cut[:len(need)] == need[:len(cut)] else ()
        if kind == "chars":
            return node[1] if not need else node[1] & {need[0]}
        if kind == "empty":
            return ("",)
        if kind == "seq":
            results: Iterable[str] = ("",)
            for number in node[1:]:
                if all(len(s) >= room for s in results):
                    break
                results = self._extend(results, number, room, need)
            return results
        if kind == "branch":
            found: set[str] = set()
            for branch in node[1:]:
                found |= self.starts(branch, room, need)
            return found
        if kind == "repeat":  # the union over low <= count <= min(high, low + room) of count bodies in a row
            low, high, body = node[1:]
            union: set[str] = set()
            current: Iterable[str] = ("",)
            for count in range(min(high, low + room) + 1):
                if count:
                    current = self._extend(current, body, room, need)
                if count >= low:
                    union.update(current)
            return union
        raise _Unbounded

    def _extend(self, results: Iterable[str], number: int, room: int, need: str) -> set[str]:
        """Each string of results followed by a beginning of node `number`, all cut at `room`."""
        extended: set[str] = set()
        by_length: dict[int, list[str]] = {}
        for s in results:
            if len(s) >= room:
                extended.add(s)
            else:
                by_length.setdefault(len(s), []).append(s)
        for length, heads in by_length.items():
            tails = self.starts(number, room - length, need[length:])
            if len(extended) + len(heads) * len(tails) > _LIMIT:  # checked before the strings are made
                raise _Unbounded
            extended.update(s + t for s in heads for t in tails)
        return extended


def starts_of(regex: re.Pattern[str]) -> set[str] | None:
    """The folded strings (at most PREFIX long) a match of `regex` can begin with; None when unbounded."""
    try:
        beginnings = _Beginnings()
        found = beginnings.starts(beginnings.intern(parse(regex.pattern, regex.flags)), PREFIX, "")
    except _Unbounded:
        return None
    return None if "" in found else set(found)


def _trie_regex(keys: set[str]) -> str:
    """An alternation matching any of the keys, as a trie (shared first characters tried once)."""
    if "" in keys:
        rest = _trie_regex(keys - {""}) if len(keys) > 1 else ""
        return f"(?:{rest})?" if rest else ""
    by_first: dict[str, set[str]] = {}
    for key in keys:
        by_first.setdefault(key[0], set()).add(key[1:])
    branches = [re.escape(first) + _trie_regex(tails) for first, tails in sorted(by_first.items())]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


class Prefilter:
    """Maps the text's first characters at a position to the rules (by index) that could match there."""

    def __init__(self, trees: Sequence[sre_parse.SubPattern],
                 fragments: Mapping[str, sre_parse.SubPattern] | None = None) -> None:
        """`trees`: each rule's parse; in them, a literal character found in `fragments` stands for that parse
        (a fragment many rules share is parsed once)."""
        self._beginnings = _Beginnings(fragments)
        self.roots = [self._beginnings.intern(tree) for tree in trees]
        everywhere: set[int] = set()
        short: dict[str, set[int]] = {}  # whole beginnings shorter than a head ("q1")
        by_head: dict[str, set[int]] = {}
        for number, root in enumerate(self.roots):
            try:
                heads = self._beginnings.starts(root, _HEAD, "")
            except _Unbounded:
                heads = frozenset({""})
            if "" in heads:  # can match nothing, or begins with something we cannot list
                everywhere.add(number)
                continue
            for head in heads:
                (by_head if len(head) == _HEAD else short).setdefault(head, set()).add(number)
        self.everywhere = frozenset(everywhere)
        self.short = {key: frozenset(rules) for key, rules in short.items()}
        self.by_head = {head: tuple(sorted(rules)) for head, rules in by_head.items()}
        self._table: dict[str, list[int]] = {}  # full beginnings (HEAD to PREFIX long) of the heads met so far
        self._heads_listed: set[str] = set()
        self._windows: dict[str, tuple[int, ...]] = {}
        # a look-ahead, so that a match inside the heads just found ("a f" of "a five") is found too
        lookahead = "" if everywhere else f"(?={_trie_regex(set(short) | set(by_head))})"
        self.trigger = re.compile(_WORD_START + lookahead)
        self._after_break = re.compile(_AFTER_WORD_BREAK + lookahead)

    def beginnings(self, number: int) -> set[str] | None:
        """Every folded beginning (at most PREFIX long) of rule `number`; None when it is tried everywhere."""
        if number in self.everywhere:
            return None
        try:
            found = self._beginnings.starts(self.roots[number], PREFIX, "")
        except _Unbounded:
            return None
        return None if "" in found else set(found)

    def positions(self, folded: str, start: int, end: int) -> Iterator[int]:
        """Word starts in folded[start:end] where some rule could begin, in order (the trigger's matches)."""
        after_break = map(_END, self._after_break.finditer(folded, max(start - 1, 0), end))
        if start > 0:
            return after_break  # the character before `start` is read, as the trigger's look-behind reads it
        return chain((0,), after_break) if self.trigger.match(folded, 0, end) else after_break

    @property
    def windows(self) -> Mapping[str, tuple[int, ...]]:
        """The windows (PREFIX folded characters) met so far -> their rules, as rules_at gives them: a caller that
        tries every word start looks a window up here first and calls rules_at only when it is missing."""
        return self._windows

    def rules_at(self, folded: str, position: int) -> tuple[int, ...]:
        """Indexes (ascending) of the rules that could match at `position` of the folded text."""
        window = folded[position:position + PREFIX]
        rules = self._windows.get(window)
        if rules is None:
            found: set[int] = set(self.everywhere)
            for length in range(1, _HEAD):
                found.update(self.short.get(window[:length], _NONE))
            if len(window) >= _HEAD:
                self._list_head(window[:_HEAD])
                for length in range(_HEAD, len(window) + 1):
                    found.update(self._table.get(window[:length], _NONE))
            if len(self._windows) >= _WINDOW_CACHE:
                self._windows.clear()
            rules = self._windows[window] = tuple(sorted(found))
        return rules

    def _list_head(self, head: str) -> None:
        """Index the full beginnings of the rules that begin with `head` (once per head)."""
        if head in self._heads_listed:
            return
        for number in self.by_head.get(head, ()):
            try:
                starts = self._beginnings.starts(self.roots[number], PREFIX, head)
            except _Unbounded:
                starts = frozenset({head})  # too many to list: the head alone lets the rule be tried
            for start in starts:
                self._table.setdefault(start, []).append(number)
        self._beginnings.forget()
        self._heads_listed.add(head)  # only now: another thread must not use a half-built listing
