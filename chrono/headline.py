"""Headline: the clause of a sentence that carries an expression, short enough to read at a glance.

The sentence is cut into clauses (at , ; : spaced dashes and before words such as "which", "while", "and").
The headline is the clause holding the expression, with everything before it when that fits, grown by whole
following clauses while it stays within ``max_words``. A clause longer than that is windowed around the
expression; a headline still shorter than ``min_words`` borrows words from the next clause (or, when it is a
mere stub at the end, from the one before). An ellipsis marks every cut made inside a clause.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache

from chrono.lang import load_resource

ELLIPSIS = "…"
_ALNUM = re.compile(r"[^\W_]")  # exactly the characters str.isalnum() accepts
_WORD_WITH_ALNUM = re.compile(r"\S*[^\W_]\S*")  # a whole run of non-space holding a letter or digit
_PUNCTUATION_CUT = re.compile(r"[,;:](?=\s)|\s[—–-]{1,2}(?=\s)|—")
_EDGE_PUNCTUATION = " \t\r\n,;:—–-"
_TRAILING_ABBREVIATION = re.compile(r"(?:\b[A-Za-z]\.)+$")
_WORDS_AFTER_EXPRESSION = 4  # when a long clause is windowed, keep this much of what follows the expression
_SENTENCES_CACHED = 64  # a sentence with several expressions is cut and split into words once


@dataclass(frozen=True, slots=True)
class _ClauseRules:
    max_words: int
    min_words: int
    cut_word: re.Pattern[str]
    relative_opening: re.Pattern[str]
    drop_leading: frozenset[str]
    drop_trailing: frozenset[str]


@cache
def _rules(language: str) -> _ClauseRules:
    data = load_resource(language, "segment")["clauses"]
    relative = "|".join(map(re.escape, data["relative"]))
    prepositions = "|".join(map(re.escape, data["prepositions"]))
    others = "|".join(re.escape(word) for word in data["cut_before"] if word not in data["relative"])
    # the lookahead only lets the search skip, at once, positions where no listed word can begin
    listed = [*data["relative"], *data["prepositions"], *data["cut_before"]]
    initials = rf"(?=[{re.escape(''.join(sorted({word[0] for word in listed})))}])" if all(listed) else ""
    cut_word = re.compile(rf"\b{initials}(?:(?:(?:{prepositions})\s+)?(?:{relative})\b|\b(?:{others})\b)",
                          re.IGNORECASE)
    relative_opening = re.compile(rf"[\s,;:—–-]*(?:(?:{prepositions})\s+)?(?:{relative})\b", re.IGNORECASE)
    return _ClauseRules(data["max_words"], data["min_words"], cut_word, relative_opening,
                        frozenset(data["drop_leading"]), frozenset(data["drop_trailing"]))


def _all_cuts(sentence: str, rules: _ClauseRules) -> list[int]:
    """Every candidate cut offset of the sentence, sorted, 0 and len(sentence) included."""
    cuts = {0, len(sentence)}
    cuts.update(match.end() for match in _PUNCTUATION_CUT.finditer(sentence))
    cuts.update(match.start() for match in rules.cut_word.finditer(sentence))
    return sorted(cuts)


def _clause_bounds(sentence: str, expression: tuple[int, int], cuts: list[int]) -> list[int]:
    """Sorted cut offsets, 0 and len(sentence) included; none falls inside the expression."""
    kept = [0]
    for cut in cuts:
        if expression[0] < cut < expression[1]:
            continue
        if _ALNUM.search(sentence, kept[-1], cut):
            kept.append(cut)  # a clause holds at least one word (", who" makes no empty clause)
    kept[-1] = len(sentence)
    return kept


class _Words:
    """The words of one sentence (runs of non-space holding a letter or digit), listed or counted in any range.

    The runs are found once per sentence. A range cuts the runs it crosses, as a search bounded to it would: a
    cut piece is a word only if it still holds a letter or digit (a run without one never makes a word).
    """

    def __init__(self, sentence: str) -> None:
        self._sentence = sentence
        runs = [match.span() for match in _WORD_WITH_ALNUM.finditer(sentence)]
        self._starts = [start for start, _ in runs]
        self._ends = [end for _, end in runs]

    def _runs(self, start: int, end: int) -> range:
        """Indexes of the runs that overlap sentence[start:end]."""
        return range(bisect_right(self._ends, start), bisect_left(self._starts, end))

    def _piece_is_word(self, index: int, start: int, end: int) -> bool:
        piece_start, piece_end = max(self._starts[index], start), min(self._ends[index], end)
        if piece_start == self._starts[index] and piece_end == self._ends[index]:
            return True
        return piece_start < piece_end and _ALNUM.search(self._sentence, piece_start, piece_end) is not None

    def spans(self, start: int, end: int) -> list[tuple[int, int]]:
        return [(max(self._starts[i], start), min(self._ends[i], end)) for i in self._runs(start, end)
                if self._piece_is_word(i, start, end)]

    def count(self, start: int, end: int) -> int:
        runs = self._runs(start, end)
        if not runs:
            return 0
        total = len(runs)
        for edge in {runs.start, runs.stop - 1}:  # only the edge runs can be cut by the range
            total -= not self._piece_is_word(edge, start, end)
        return total


@lru_cache(maxsize=_SENTENCES_CACHED)
def _analysed(sentence: str, language: str) -> tuple[list[int], _Words]:
    """(every candidate cut, the words) of a sentence: shared by the expressions it holds."""
    return _all_cuts(sentence, _rules(language)), _Words(sentence)


def _window(words_of: _Words, start: int, end: int, expression: tuple[int, int], limit: int) -> tuple[int, int]:
    """A run of ``limit`` words of sentence[start:end] holding the expression, from the clause start if it can."""
    words = words_of.spans(start, end)
    inside = [i for i, (word_start, word_end) in enumerate(words) if word_start < expression[1]
              and word_end > expression[0]] or [0]
    first = max(0, min(inside[-1] + 1 + _WORDS_AFTER_EXPRESSION - limit, len(words) - limit, inside[0]))
    window = words[first:first + limit]
    return window[0][0], window[-1][1]


def _tidy(text: str, rules: _ClauseRules, *, capitalise: bool = True) -> str:
    """Trim edge punctuation and fragment words; balance quotes; capitalise the first letter."""
    text = text.strip(_EDGE_PUNCTUATION)
    words = text.split()
    while len(words) > 1 and words[0].lower() in rules.drop_leading:
        words.pop(0)
    while len(words) > 1 and words[-1].lower() in rules.drop_trailing:
        words.pop()
    text = " ".join(words).strip(_EDGE_PUNCTUATION)
    if text.endswith(".") and not _TRAILING_ABBREVIATION.search(text):
        text = text[:-1]
    for quote in ('"', "'"):
        if text.count(quote) % 2 and (text.startswith(quote) or text.endswith(quote)):
            text = text.strip(quote)
    if text.count("“") != text.count("”"):
        text = text.strip("“”")
    if text.count("(") != text.count(")"):
        text = text.strip("()")
    return text[:1].upper() + text[1:] if capitalise else text


def headline(sentence: str, expression: tuple[int, int], *, language: str = "en") -> str:
    """The readable clause of ``sentence`` around ``expression`` (offsets relative to the sentence)."""
    rules = _rules(language)
    cuts, words_of = _analysed(sentence, language)
    bounds = _clause_bounds(sentence, expression, cuts)
    clauses = list(zip(bounds, bounds[1:], strict=False))
    if not clauses:
        return _tidy(sentence, rules)
    held = [i for i, (start, end) in enumerate(clauses) if start < max(expression[1], expression[0] + 1)
            and end > expression[0]] or [len(clauses) - 1]
    low, high = held[0], held[-1]
    if low > 0 and rules.relative_opening.match(sentence, clauses[low][0]):
        low -= 1  # "the leader | who allowed troops in last year": the antecedent makes the clause readable

    def count(first: int, last: int) -> int:
        return words_of.count(clauses[first][0], clauses[last][1])

    start, end = clauses[low][0], clauses[high][1]
    lead = trail = ""
    if count(low, high) > rules.max_words:
        start, end = _window(words_of, start, end, expression, rules.max_words)
        lead = ELLIPSIS if start > clauses[low][0] else ""
        trail = ELLIPSIS if end < clauses[high][1] else ""
    else:
        # leftwards only all the way to the sentence start (a partial left context reads as a fragment)
        if low > 0 and count(0, high) <= rules.max_words:
            low = 0
        while high < len(clauses) - 1 and count(low, high + 1) <= rules.max_words:
            high += 1
        start, end = clauses[low][0], clauses[high][1]
        room = rules.max_words - count(low, high)
        if count(low, high) < rules.min_words and room > 0:
            if high < len(clauses) - 1:
                borrowed = words_of.spans(clauses[high + 1][0], clauses[high + 1][1])[:room]
                end, trail = borrowed[-1][1], ELLIPSIS
            elif low > 0 and count(low, high) < rules.min_words // 2:  # a left fragment only beats a stub
                borrowed = words_of.spans(clauses[low - 1][0], clauses[low - 1][1])[-room:]
                start, lead = borrowed[0][0], ELLIPSIS
    body = _tidy(sentence[start:end], rules, capitalise=not lead)
    return f"{lead}{body}{trail}"
