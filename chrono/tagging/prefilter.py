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

import re
from collections.abc import Iterator, Sequence
from re import _constants as sre  # the parser's opcodes; stable across 3.11+
from re import _parser as sre_parse

PREFIX = 8
_HEAD = 3  # the trigger scan looks for the first three characters of a beginning
_LIMIT = 60_000  # more variants than this: give up and try the rule everywhere
_DIGITS = "0123456789"
_FOLD = str.maketrans({**{d: "0" for d in _DIGITS}, "\t": " ", "\n": " ", "\r": " ", "\f": " ", "\v": " ",
                       "\u00a0": " ", "\u2019": "'"})
# where an expression can begin in the folded text: a word start, or an apostrophe before digits ("the '90s");
# folding keeps what is a word character (case, digits) and makes the curly apostrophe a straight one
_WORD_START = r"(?<![\w'])(?=[\w'])"
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None))
_WINDOW_CACHE = 100_000  # windows remembered before the memo starts afresh (bounds memory on huge inputs)
_NONE: frozenset[int] = frozenset()


class _Unbounded(Exception):
    """The pattern can begin with too many different strings to list."""


def fold(text: str) -> str:
    """The text as the index sees it: lower case, digits as 0, white space as a space (same length)."""
    return text.lower().translate(_FOLD) if text.isascii() or len(text.lower()) == len(text) else text.translate(_FOLD)


def parse(pattern: str, flags: int) -> sre_parse.SubPattern:
    """Python's own parse of a pattern (raises re.error as re.compile would)."""
    return sre_parse.parse(pattern, flags)


def _fold_char(char: str) -> str:
    return "0" if char in _DIGITS else " " if char.isspace() else char


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
    """The folded beginnings of parsed sub-patterns, each worked out once per (sub-pattern, room, need).

    `room` cuts the strings (shorter ones: the sub-pattern ended there); `need` keeps only the strings that
    agree with it over their common length, so that one head's beginnings are listed without the others'.
    Memo keys use the parse tree's object ids: the trees must outlive this object (the Prefilter keeps both).
    What is worked out under a need is of use for that head only: forget() drops it (it is most of the memo).
    """

    def __init__(self) -> None:
        self.memo: dict[tuple[int, int], frozenset[str]] = {}  # no need: shared by every head
        self.needed: dict[tuple[int, int, str], frozenset[str]] = {}

    def forget(self) -> None:
        self.needed.clear()

    def _recall(self, key: int, room: int, need: str) -> frozenset[str] | None:
        return self.needed.get((key, room, need)) if need else self.memo.get((key, room))

    def _remember(self, key: int, room: int, need: str, found: frozenset[str]) -> frozenset[str]:
        if need:
            self.needed[key, room, need] = found
        else:
            self.memo[key, room] = found
        return found

    def sequence(self, items: Sequence, room: int, need: str) -> frozenset[str]:
        found = self._recall(id(items), room, need)
        if found is None:
            results: frozenset[str] | set[str] = frozenset({""})
            for op, av in items:
                if all(len(s) >= room for s in results):
                    break
                results = self._extend(results, op, av, room, need)
            found = self._remember(id(items), room, need, frozenset(results))
        return found

    def _extend(self, results: frozenset[str] | set[str], op, av, room: int, need: str) -> set[str]:
        """Each string of results followed by a beginning of the item (op, av), all cut at `room`."""
        extended = {s for s in results if len(s) >= room}
        for s in results:
            if len(s) < room:
                extended.update(s + t for t in self._item(op, av, room - len(s), need[len(s):]))
                if len(extended) > _LIMIT:
                    raise _Unbounded
        return extended

    def _item(self, op, av, room: int, need: str) -> frozenset[str] | set[str]:
        if op is sre.LITERAL:
            char = _fold_char(chr(av).lower())
            return {char} if not need or need[0] == char else set()
        if op is sre.IN:
            return {char for char in _chars(av) if not need or need[0] == char}
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            return {""}
        if op is sre.SUBPATTERN:
            return self.sequence(av[-1], room, need)
        if op is sre.BRANCH:
            found: set[str] = set()
            for branch in av[1]:
                found |= self.sequence(branch, room, need)
            return found
        if op in _REPEATS:
            return self._repeat(av, room, need)
        raise _Unbounded

    def _repeat(self, av: tuple, room: int, need: str) -> frozenset[str]:
        """The union, over low <= count <= min(high, low + room), of `count` copies of the body in a row."""
        found = self._recall(id(av), room, need)
        if found is None:
            low, high, body = av
            union: set[str] = set()
            current: frozenset[str] | set[str] = frozenset({""})
            for count in range(min(high, low + room) + 1):
                if count:
                    current = self._extend(current, sre.SUBPATTERN, (None, 0, 0, body), room, need)
                if count >= low:
                    union |= current
            found = self._remember(id(av), room, need, frozenset(union))
        return found


def starts_of(regex: re.Pattern[str]) -> set[str] | None:
    """The folded strings (at most PREFIX long) a match of `regex` can begin with; None when unbounded."""
    try:
        found = _Beginnings().sequence(parse(regex.pattern, regex.flags), PREFIX, "")
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

    def __init__(self, trees: Sequence[sre_parse.SubPattern]) -> None:
        self.trees = tuple(trees)
        self._beginnings = _Beginnings()
        everywhere: set[int] = set()
        short: dict[str, set[int]] = {}  # whole beginnings shorter than a head ("q1")
        by_head: dict[str, set[int]] = {}
        for number, tree in enumerate(self.trees):
            try:
                heads = self._beginnings.sequence(tree, _HEAD, "")
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
        # zero width (a look-ahead), so that a match inside the heads just found ("a f" of "a five") is found too
        self.trigger = re.compile(_WORD_START + ("" if everywhere else f"(?={_trie_regex(set(short) | set(by_head))})"))

    def positions(self, folded: str, start: int, end: int) -> Iterator[int]:
        """Word starts in folded[start:end] where some rule could begin, in order."""
        return (hit.start() for hit in self.trigger.finditer(folded, start, end))

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
        self._heads_listed.add(head)
        for number in self.by_head.get(head, ()):
            try:
                starts = self._beginnings.sequence(self.trees[number], PREFIX, head)
            except _Unbounded:
                starts = frozenset({head})  # too many to list: the head alone lets the rule be tried
            for start in starts:
                self._table.setdefault(start, []).append(number)
        self._beginnings.forget()
