"""Headline: the clause of a sentence that carries an expression, short enough to read at a glance.

The sentence is cut into clauses (at , ; : spaced dashes, a closing quote, and before words such as "which",
"while", "and"). The headline is the clause holding the expression, with everything before it when that fits,
grown by whole following clauses while it stays within ``max_words``; a short leading phrase closed by a comma
("…; two decades later, he was coaching") takes the clause after it first, as that is the clause it dates. A
clause longer than ``max_words`` is windowed around the expression; a headline still shorter than ``min_words``
borrows words from the next clause (or, when it is a mere stub at the end, from the one before). An ellipsis
marks every cut made inside a clause, and a stop right before a relative clause with no comma ("a fiscal year |
in which…"), which cuts a noun phrase short. A headline opening right after a quote skips its attribution verb.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from typing import cast

from chrono.lang import Language, or_default
from chrono.lang.sections import ClauseWords

ELLIPSIS = "…"
_ALNUM = re.compile(r"[^\W_]")  # exactly the characters str.isalnum() accepts
_WORD_WITH_ALNUM = re.compile(r"\S*[^\W_]\S*")  # a whole run of non-space holding a letter or digit
_PUNCTUATION_CUT = re.compile(r"[,;:](?=\s)|\s[—–-]{1,2}(?=\s)|—|[,;:.!?][”\"](?=\s)")  # last: a closing quote
_STRONG_BREAKS = ";:—–-"  # a clause opening after one of these starts a new statement
_CLOSING_QUOTES = "”\""
_CLOSING_QUOTE_ENDS = ("”", '"', "''")
_COMMA_BEFORE_CLOSING_QUOTE = re.compile(r"[,;:]+([”\"]|'')$")
_LOOK_BACK = 40  # characters searched back over spaces for the punctuation ending the text before a cut
_EDGE_PUNCTUATION = " \t\r\n,;:—–-"
_TRAILING_ABBREVIATION = re.compile(r"(?:\b[A-Za-z]\.)+$")
_WORDS_AFTER_EXPRESSION = 4  # when a long clause is windowed, keep this much of what follows the expression
_SENTENCES_CACHED = 64  # a sentence with several expressions is cut and split into words once
_LISTED_BOUNDS = 4096  # a sentence with more clauses than this (no segmenter before it) is patched as a view

Spans = tuple[tuple[int, int], ...]  # offsets in a sentence, in order


@dataclass(frozen=True, slots=True)
class _ClauseRules:
    max_words: int
    min_words: int
    cut_word: re.Pattern[str]
    cut_word_lower: re.Pattern[str] | None  # the same, case-sensitive, for an ASCII sentence lower-cased
    relative_opening: re.Pattern[str]
    restrictive_relative: re.Pattern[str]
    leading_phrase_words: int
    attribution: frozenset[str]
    drop_leading: frozenset[str]
    drop_trailing: frozenset[str]
    joining_gap: re.Pattern[str] | None  # what may stand between two expressions read together


def _cut_word(relative_words: Sequence[str], preposition_words: Sequence[str], cut_before: Sequence[str]) -> str:
    relative = "|".join(map(re.escape, relative_words))
    prepositions = "|".join(map(re.escape, preposition_words))
    others = "|".join(re.escape(word) for word in cut_before if word not in relative_words)
    # the lookahead only lets the search skip, at once, positions where no listed word can begin
    listed = [*relative_words, *preposition_words, *cut_before]
    initials = rf"(?=[{re.escape(''.join(sorted({word[0] for word in listed})))}])" if all(listed) else ""
    return rf"\b{initials}(?:(?:(?:{prepositions})\s+)?(?:{relative})\b|\b(?:{others})\b)"


@cache
def _rules(data: ClauseWords) -> _ClauseRules:
    relative = "|".join(map(re.escape, data.relative))
    prepositions = "|".join(map(re.escape, data.prepositions))
    cut_word = re.compile(_cut_word(data.relative, data.prepositions, data.cut_before), re.IGNORECASE)
    # a case-blind alternative is tried in full at each word, a case-sensitive one passed over at its first letter;
    # lower-casing ASCII text keeps every offset, and lower-cased ASCII words match it as they match case-blind
    listed = (*data.relative, *data.prepositions, *data.cut_before)
    cut_word_lower = re.compile(_cut_word(*([word.lower() for word in words] for words in (
        data.relative, data.prepositions, data.cut_before)))) if all(word.isascii() for word in listed) else None
    relative_opening = re.compile(rf"[\s,;:—–-]*(?:(?:{prepositions})\s+)?(?:{relative})\b", re.IGNORECASE)
    restrictive_relative = re.compile(rf"\s*(?:(?:{prepositions})\s+)?(?:{relative})\b", re.IGNORECASE)
    coordinators = "|".join(map(re.escape, data.coordinators))
    joining_gap = re.compile(rf"\s*,?\s*(?:{coordinators})\s+", re.IGNORECASE) if coordinators else None
    return _ClauseRules(data.max_words, data.min_words, cut_word, cut_word_lower, relative_opening,
                        restrictive_relative, data.leading_phrase_words, frozenset(data.attribution),
                        frozenset(data.drop_leading), frozenset(data.drop_trailing), joining_gap)


def _all_cuts(sentence: str, rules: _ClauseRules, expressions: Spans = ()) -> list[int]:
    """Every candidate cut offset of the sentence, sorted, 0 and len(sentence) included; none between two of its
    ``expressions`` (sorted) that a coordinator joins ("planned for 18 and 20 March" is one clause)."""
    cuts = {0, len(sentence)}
    cuts.update(match.end() for match in _PUNCTUATION_CUT.finditer(sentence))
    if rules.cut_word_lower is not None and sentence.isascii():
        cuts.update(match.start() for match in rules.cut_word_lower.finditer(sentence.lower()))
    else:
        cuts.update(match.start() for match in rules.cut_word.finditer(sentence))
    if rules.joining_gap is not None:
        for (_, gap_start), (gap_end, _) in pairwise(expressions):
            if gap_start < gap_end and rules.joining_gap.fullmatch(sentence, gap_start, gap_end):
                cuts.difference_update(range(gap_start, gap_end + 1))
    return sorted(cuts)


class _Bounds:
    """Sorted clause bounds of one sentence for one expression, 0 and len(sentence) included, none inside the
    expression; a clause holds at least one word (", who" makes no empty clause).

    Built from the sentence's bounds without an expression (shared) and a short patch after the expression:
    the cuts inside it are dropped, which can only change the choice of the few cuts right after it. So an
    event costs a few bisections, not a walk over every clause of its sentence. Indexable and bisectable.
    """

    def __init__(self, sentence: str, cuts: list[int], shared: list[int], expression: tuple[int, int]) -> None:
        self._shared = shared  # chosen greedily over all cuts, before the last one is moved to the sentence end
        self._length = len(sentence)
        self._prefix = bisect_right(shared, expression[0])  # shared[:prefix] are the same with the expression
        self._patch: list[int] = []
        self._tail = len(shared)  # shared[tail:] follow the patch
        last = shared[self._prefix - 1]
        for index in range(bisect_left(cuts, max(expression[1], expression[0] + 1)), len(cuts)):
            cut = cuts[index]
            if not _ALNUM.search(sentence, last, cut):
                continue
            at = bisect_left(shared, cut)
            if at < len(shared) and shared[at] == cut:
                self._tail = at  # both walks keep this cut: from here on they agree
                break
            self._patch.append(cut)
            last = cut
        self._size = self._prefix + len(self._patch) + len(shared) - self._tail

    def __len__(self) -> int:
        return self._size

    def as_list(self) -> list[int]:
        listed = [*self._shared[:self._prefix], *self._patch, *self._shared[self._tail:]]
        listed[-1] = self._length
        return listed

    def __getitem__(self, index: int) -> int:
        if index < 0:
            index += self._size
        if not 0 <= index < self._size:
            raise IndexError(index)
        if index == self._size - 1:
            return self._length  # the last clause runs to the sentence end, trailing punctuation and all
        if index < self._prefix:
            return self._shared[index]
        index -= self._prefix
        if index < len(self._patch):
            return self._patch[index]
        return self._shared[self._tail + index - len(self._patch)]


def _greedy_bounds(sentence: str, cuts: list[int]) -> list[int]:
    """The cuts kept when each clause must hold a word, before the last one is moved to the sentence end."""
    kept = [0]
    for cut in cuts:
        if _ALNUM.search(sentence, kept[-1], cut):
            kept.append(cut)
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

    def _word_runs(self, start: int, end: int) -> range:
        """Indexes of the runs whose piece inside sentence[start:end] is a word (only the edge runs can fail)."""
        first, stop = bisect_right(self._ends, start), bisect_left(self._starts, end)
        # a run wholly inside the range is a word: only a run the range cuts needs a look
        if first < stop and self._starts[first] < start and not self._piece_is_word(first, start, end):
            first += 1
        if first < stop and self._ends[stop - 1] > end and not self._piece_is_word(stop - 1, start, end):
            stop -= 1
        return range(first, stop)

    def _piece(self, index: int, start: int, end: int) -> tuple[int, int]:
        return max(self._starts[index], start), min(self._ends[index], end)

    def spans(self, start: int, end: int, keep: slice = slice(None)) -> list[tuple[int, int]]:
        """The words of sentence[start:end] (only those ``keep`` selects: only they are built)."""
        return [self._piece(index, start, end) for index in self._word_runs(start, end)[keep]]

    def count(self, start: int, end: int) -> int:
        return len(self._word_runs(start, end))

    def window(self, start: int, end: int, expression: tuple[int, int], limit: int) -> tuple[int, int]:
        """A run of ``limit`` words of sentence[start:end] holding the expression, from the start if it can."""
        runs = self._word_runs(start, end)
        first_inside = max(bisect_right(self._ends, expression[0]), runs.start) - runs.start
        last_inside = min(bisect_left(self._starts, expression[1]), runs.stop) - 1 - runs.start
        if first_inside > last_inside:
            first_inside = last_inside = 0
        first = max(0, min(last_inside + 1 + _WORDS_AFTER_EXPRESSION - limit, len(runs) - limit, first_inside))
        window = runs[first:first + limit]
        return self._piece(window[0], start, end)[0], self._piece(window[-1], start, end)[1]


@dataclass(frozen=True, slots=True)
class _Analysis:
    """What every expression of one sentence shares: its cuts, its bounds without an expression, its words."""

    sentence: str
    cuts: list[int]
    shared: list[int]
    words: _Words

    def bounds(self, expression: tuple[int, int]) -> Sequence[int]:
        patched = _Bounds(self.sentence, self.cuts, self.shared, expression)
        if len(self.shared) > _LISTED_BOUNDS:
            return cast(Sequence[int], patched)  # indexable and sized: all that bisect and the callers use
        return patched.as_list()  # a list copied in C beats an index call per look on any sentence of usual size


@lru_cache(maxsize=_SENTENCES_CACHED)
def _analysed(sentence: str, clauses: ClauseWords, expressions: Spans = ()) -> _Analysis:
    """The analysis of a sentence, shared by the expressions it holds."""
    cuts = _all_cuts(sentence, _rules(clauses), expressions)
    return _Analysis(sentence, cuts, _greedy_bounds(sentence, cuts), _Words(sentence))


def _tidy(text: str, rules: _ClauseRules, *, capitalise: bool = True, after_quote: bool = False) -> str:
    """Trim edge punctuation and fragment words; balance quotes; capitalise the first letter."""
    text = text.strip(_EDGE_PUNCTUATION)
    words = text.split()
    if after_quote and len(words) > 1 and words[0].lower() in rules.attribution:
        words.pop(0)  # '…," said Dana Whitfield, who' -> "Dana Whitfield, who"
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
    text = text.rstrip(_EDGE_PUNCTUATION)
    if text.endswith(_CLOSING_QUOTE_ENDS):
        text = _COMMA_BEFORE_CLOSING_QUOTE.sub(r"\1", text)  # 'the board,"' -> 'the board"'
    return text[:1].upper() + text[1:] if capitalise else text


def headline(sentence: str, expression: tuple[int, int], *, language: Language | None = None,
             expressions: Spans = ()) -> str:
    """The readable clause of ``sentence`` around ``expression`` (offsets relative to the sentence);
    ``expressions`` are all the sentence's expressions in order (``expression`` among them), where known."""
    clauses = or_default(language).segment.clauses
    rules = _rules(clauses)
    analysis = _analysed(sentence, clauses, expressions if len(expressions) > 1 else ())
    words_of = analysis.words
    bounds = analysis.bounds(expression)
    last_clause = len(bounds) - 2  # clause i runs from bounds[i] to bounds[i + 1]
    if last_clause < 0:
        return _tidy(sentence, rules)
    # the clauses overlapping the expression (the last clause when it lies past the sentence end)
    low = min(max(bisect_right(bounds, expression[0]) - 1, 0), last_clause)
    high = min(bisect_left(bounds, max(expression[1], expression[0] + 1)) - 1, last_clause)
    if expression[0] >= bounds[-1] or high < low:
        low = high = last_clause
    if low > 0 and rules.relative_opening.match(sentence, bounds[low]):
        low -= 1  # "the leader | who allowed troops in last year": the antecedent makes the clause readable

    def count(first: int, last: int) -> int:
        return words_of.count(bounds[first], bounds[last + 1])

    if low == high < last_clause and _is_leading_phrase(sentence, bounds[low], bounds[low + 1], count(low, low), rules):
        high += 1  # "…at BYU; two decades later, | he was coaching": the phrase dates the clause after it

    start, end = bounds[low], bounds[high + 1]
    lead = trail = ""
    if count(low, high) > rules.max_words:
        start, end = words_of.window(start, end, expression, rules.max_words)
        lead = ELLIPSIS if start > bounds[low] else ""
        trail = ELLIPSIS if end < bounds[high + 1] else ""
    else:
        # leftwards only all the way to the sentence start (a partial left context reads as a fragment)
        if low > 0 and count(0, high) <= rules.max_words:
            low = 0
        # grow by whole clauses while they fit; every clause holds a word, so at most max_words more are tried
        candidates = range(high + 1, min(last_clause, high + rules.max_words) + 1)
        high += bisect_right(candidates, rules.max_words, key=lambda last: count(low, last))
        start, end = bounds[low], bounds[high + 1]
        room = rules.max_words - count(low, high)
        if count(low, high) < rules.min_words and room > 0:
            if high < last_clause:
                borrowed = words_of.spans(bounds[high + 1], bounds[high + 2], slice(None, room))
                end, trail = borrowed[-1][1], ELLIPSIS
            elif low > 0 and count(low, high) < rules.min_words // 2:  # a left fragment only beats a stub
                borrowed = words_of.spans(bounds[low - 1], bounds[low], slice(-room, None))
                start, lead = borrowed[0][0], ELLIPSIS
    if not trail and end < len(sentence) and _cuts_a_noun_phrase(sentence, end, rules):
        trail = ELLIPSIS
    after_quote = _last_mark(sentence, start) in tuple(_CLOSING_QUOTES)
    body = _tidy(sentence[start:end], rules, capitalise=not lead, after_quote=after_quote)
    return f"{lead}{body}{trail}"


def _last_mark(sentence: str, offset: int) -> str:
    """The last character before ``offset`` that is not a space ("" at the sentence start)."""
    return sentence[max(0, offset - _LOOK_BACK):offset].rstrip()[-1:]


def _is_leading_phrase(sentence: str, start: int, end: int, words: int, rules: _ClauseRules) -> bool:
    """A short clause opening a statement and closed by a comma: "two decades later," in "…; two decades later,"."""
    if words > rules.leading_phrase_words or _last_mark(sentence, end) != ",":
        return False
    return start == 0 or _last_mark(sentence, start) in tuple(_STRONG_BREAKS)


def _cuts_a_noun_phrase(sentence: str, end: int, rules: _ClauseRules) -> bool:
    """Whether a headline ending at ``end`` stops right before a relative clause with no comma ("a fiscal year |
    in which the retailer recovered"): the relative clause belongs to the noun, so the stop cuts a phrase short."""
    relative = rules.restrictive_relative.match(sentence, end)
    return relative is not None and _last_mark(sentence, end) not in tuple(",;:—–-(\"'”’")
