"""Merge the events that several documents report: same value, overlapping wording -> one Event with sources.

Wording is compared as sets of content words (stop, reporting and calendar words left out, the event's own
temporal phrase removed): the Jaccard index of the two headlines or of the two sentences, whichever is
higher. Two reports of one event by different outlets share their key nouns and verb ("Fed", "raised",
"rates", "quarter", "point") and score about 0.33-0.6; different events on the same day share stray words
at most ("interest rates" for the Fed and the Bank of England) and score 0-0.22. MERGE_THRESHOLD sits
between (tests/test_merge.py holds both kinds). A wrong merge would hide an event and a missed one only
repeats it, so the threshold leans high: reworded reports ("went to the polls" / "held its election")
stay separate. Same-day events sharing their actors ("Xi met Lukashenko" / "Xi met Putin") can pass it.

The merge is linear in practice: each distinct wording of a value is compared only with those sharing a rare
word with it and of a size that can reach the threshold (a similarity join with prefix filtering), which finds
exactly the pairs the pairwise rule would merge (tests/test_merge.py checks it against that rule;
benchmarks/merge.py times it).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from functools import cache, lru_cache

from chrono.lang import Language, or_default
from chrono.lang.sections import MergeWords
from chrono.model import Event

__all__ = ["MERGE_THRESHOLD", "merge_events", "similarity", "content_words"]

MERGE_THRESHOLD = 0.3
# numbers keep their inner separators ("7.8", "50,000"); words keep inner apostrophes ("Turkey's")
_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*")


def merge_events(events: Iterable[Event], *, published: Mapping[str, dt.date | None] | None = None,
                 threshold: float = MERGE_THRESHOLD, language: Language | None = None) -> list[Event]:
    """Events with the same value (and mod) and similar wording from DIFFERENT documents become one.

    An event joins the group whose members' wording is most similar to its own (at least ``threshold``,
    0 < threshold <= 1; the earliest group on a tie), unless its document already reported into that group.
    The merged event is its earliest-published report (``published`` maps document id -> date; without
    it, or on a tie, the first in input order); ``sources`` lists the other reports' documents in the
    same order. Two events of one document are never merged. Groups keep the input position of their
    first member, so a sorted input stays sorted. Deterministic: the same input gives the same output.

    Linear in practice: the similar pairs are found once per distinct wording of a value, by a similarity join with
    prefix filtering (_similar_wordings), and an event is weighed only against the groups holding those.
    """
    if not 0 < threshold <= 1:
        raise ValueError(f"merge threshold must be in (0, 1], not {threshold}")
    dates = published or {}
    items = list(events)
    wordings, wording_of = _numbered_wordings(items, language)
    by_value: dict[tuple[str, str | None], dict[int, None]] = {}  # each value's distinct wordings, first seen first
    for event, number in zip(items, wording_of, strict=True):
        by_value.setdefault((event.when.value, event.when.mod), {})[number] = None
    similar = {(key, number): pairs for key, members in by_value.items()
               for number, pairs in _similar_wordings(members, wordings, threshold).items()}
    groups: list[list[tuple[int, Event]]] = []
    reporters: list[set[str]] = []  # each group's documents, its members' sources included
    # the groups holding each wording of a value: an event can join only those holding a wording similar to its own
    holders: dict[tuple[tuple[str, str | None], int], _Holders] = {}
    for position, event in enumerate(items):
        key = (event.when.value, event.when.mod)
        number = wording_of[position]
        best: tuple[float, int] | None = None
        for other, score in similar.get((key, number), ()):
            holding = holders.get((key, other))
            group = holding.first_open(event.document, reporters) if holding is not None else None
            if group is not None and (best is None or score > best[0] or (score == best[0] and group < best[1])):
                best = (score, group)
        if best is None:
            chosen = len(groups)
            groups.append([(position, event)])
            reporters.append({event.document, *event.sources})
        else:
            chosen = best[1]
            groups[chosen].append((position, event))
            reporters[chosen].update((event.document, *event.sources))
        holders.setdefault((key, number), _Holders()).add(chosen, reporters)
    return [_combine(members, dates) for members in groups]


class _Holders:
    """The groups holding one wording of one value, ascending, and for each document how many of the first ones it
    already reports into. A document reports into a group for good, so that count only grows (but for a group
    taken in below it), and the first group a document may join is found without walking again the groups it is
    in: a text that dates one day hundreds of times in one wording made each mention walk all the ones before."""

    __slots__ = ("groups", "members", "skipped")

    def __init__(self) -> None:
        self.groups: list[int] = []
        self.members: set[int] = set()
        self.skipped: dict[str, int] = {}  # document -> leading groups known to hold it

    def first_open(self, document: str, reporters: list[set[str]]) -> int | None:
        """The lowest group that ``document`` does not report into yet; None when it is in all of them."""
        groups = self.groups
        at = self.skipped.get(document, 0)
        while at < len(groups) and document in reporters[groups[at]]:
            at += 1
        self.skipped[document] = at
        return groups[at] if at < len(groups) else None

    def add(self, group: int, reporters: list[set[str]]) -> None:
        if group in self.members:
            return
        self.members.add(group)
        if not self.groups or group > self.groups[-1]:  # a new group: the highest so far
            self.groups.append(group)
            return
        at = bisect_left(self.groups, group)  # an older group that now holds this wording too
        self.groups.insert(at, group)
        for document, skipped in self.skipped.items():
            if at < skipped:
                self.skipped[document] = skipped + 1 if document in reporters[group] else at


def _numbered_wordings(items: list[Event], language: Language | None) -> tuple[list[_Wording], list[int]]:
    """The distinct wordings of ``items``, and each item's number among them: copies of a story are worded once."""
    wordings: list[_Wording] = []
    numbers: dict[_Wording, int] = {}
    worded: dict[tuple[str, str, str], int] = {}
    wording_of: list[int] = []
    for event in items:
        text = (event.headline, event.sentence, event.phrase)
        number = worded.get(text)
        if number is None:
            wording = _wording(event, language)
            number = numbers.get(wording)
            if number is None:
                number = numbers[wording] = len(wordings)
                wordings.append(wording)
            worded[text] = number
        wording_of.append(number)
    return wordings, wording_of


def _similar_wordings(members: Iterable[int], wordings: list[_Wording], threshold: float) -> \
        dict[int, list[tuple[int, float]]]:
    """For each of ``members`` (distinct wordings of one value), those among them whose similarity with it reaches
    ``threshold``, with that similarity, itself included: a self-join on each field with prefix filtering (Bayardo
    et al., "Scaling up all pairs similarity search", 2007; Xiao et al., PPJoin, 2008).

    Each field's word sets are sorted rarest word first, and joined shortest first. If J(x, y) >= t with
    |y| <= |x|, the two share at least t / (1 + t) * (|x| + |y|) words: at least t * |x| and 2t / (1 + t) * |y|.
    Their first shared word then lies within the first |x| - ceil(t * |x|) + 1 words of x (the prefix probed)
    and within the first |y| - ceil(2t / (1 + t) * |y|) + 1 words of y (the prefix indexed), and |y| >= t * |x|.
    A pair that passes on one field scores the better of its fields (_similarity)."""
    numbers = list(members)
    frequency: Counter[str] = Counter()
    for number in numbers:
        for words in wordings[number]:
            frequency.update(words)
    rank = {word: (count, word) for word, count in frequency.items()}
    share = threshold / (1 + threshold)  # J(x, y) >= t  <=>  |x & y| >= t / (1 + t) * (|x| + |y|)
    passing: set[tuple[int, int]] = set()
    for field in range(2):
        # shortest first: a set then meets only sets no longer than itself, which need index only a shorter prefix
        ordered = sorted((number for number in numbers if wordings[number][field]),
                         key=lambda number: len(wordings[number][field]))
        postings: dict[str, tuple[list[int], list[int]]] = {}  # word -> (wordings with it in their prefix, sizes)
        for number in ordered:
            words = wordings[number][field]
            size = len(words)
            smallest = threshold * size - 1e-9
            ranked = sorted(words, key=rank.__getitem__)
            met: set[int] = set()
            # the 1e-9 keeps 0.3 * 10 (3.0000000000000004 in floating point) a need for 3 shared words, not 4
            for word in ranked[:size - max(1, math.ceil(threshold * size - 1e-9)) + 1]:
                posting = postings.get(word)
                if posting is not None:
                    met.update(posting[0][bisect_left(posting[1], smallest):])  # too short to reach t: left out
            for word in ranked[:size - max(1, math.ceil(2 * share * size - 1e-9)) + 1]:
                posting = postings.get(word)
                if posting is None:
                    postings[word] = ([number], [size])
                else:
                    posting[0].append(number)
                    posting[1].append(size)
            # a candidate is checked in set operations only
            passing.update((other, number) for other in met for other_words in (wordings[other][field],)
                           if len(words & other_words) >= share * (size + len(other_words)) - 1e-9)
    scores = {pair: _similarity(wordings[pair[0]], wordings[pair[1]]) for pair in passing}
    similar: dict[int, list[tuple[int, float]]] = {number: [(number, 1.0)] for number in numbers
                                                   if wordings[number][0] or wordings[number][1]}
    for (first, second), score in scores.items():
        if score < threshold:  # (a float rounded the other way than the share's bound)
            continue
        similar[first].append((second, score))
        similar[second].append((first, score))
    return similar


def _combine(members: list[tuple[int, Event]], dates: Mapping[str, dt.date | None]) -> Event:
    if len(members) == 1:
        return members[0][1]
    ranked = sorted(members, key=lambda item: (dates.get(item[1].document) or dt.date.max, item[0]))
    primary = ranked[0][1]
    sources: list[str] = []
    for _, event in ranked:
        for document in (event.document, *event.sources):
            if document != primary.document and document not in sources:
                sources.append(document)
    return dataclasses.replace(primary, sources=tuple(sources))


_Wording = tuple[frozenset[str], frozenset[str]]  # content words of (headline, sentence)


def similarity(first: Event, second: Event, *, language: Language | None = None) -> float:
    """How much two events' wording overlaps, 0..1: the better of headline and sentence Jaccard indices."""
    return _similarity(_wording(first, language), _wording(second, language))


def _wording(event: Event, language: Language | None) -> _Wording:
    return (content_words(event.headline, event.phrase, language),
            content_words(event.sentence, event.phrase, language))


def _similarity(first: _Wording, second: _Wording) -> float:
    """The better Jaccard index of the headlines and of the sentences, computed inline: a busy day's merge
    scores hundreds of thousands of pairs. A union's size is counted, not made; no shared word scores 0."""
    (headline, sentence), (other_headline, other_sentence) = first, second
    headlines = len(headline & other_headline)
    sentences = len(sentence & other_sentence)
    return max(headlines / (len(headline) + len(other_headline) - headlines) if headlines else 0.0,
               sentences / (len(sentence) + len(other_sentence) - sentences) if sentences else 0.0)


def content_words(text: str, phrase: str = "", language: Language | None = None) -> frozenset[str]:
    """The words of ``text`` that can tell events apart, normalised; ``phrase`` (the temporal expression)
    is taken out first."""
    return _content_words(text, phrase, or_default(language).merge)


@lru_cache(maxsize=1 << 15)  # a key-dates query words each sentence for the merge, the vectors and the weights
def _content_words(text: str, phrase: str, merge_words: MergeWords) -> frozenset[str]:
    if phrase:
        text = text.replace(phrase, " ")
    return frozenset(map(_folding(merge_words), _WORD.findall(text.lower()))) - _ignored_words(merge_words)


@cache
def _folding(words: MergeWords) -> Callable[[str], str]:
    """The language's folding steps (merge.toml) as one function: possessives, plurals and -ed/-ing folded crudely
    so "rates"/"rate", "killed"/"killing" and "Turkey's"/"Turkey" meet; both sides are folded alike, so a stem
    need not be a word."""
    steps = tuple((step.suffix, len(step.suffix), step.min_stem, step.replacement, step.unless, step.last)
                  for step in words.folding)

    @lru_cache(maxsize=1 << 17)  # a collection repeats its words; folding each once is most of the merge's time
    def fold(word: str) -> str:
        word = word.replace("’", "'")
        for suffix, length, min_stem, replacement, unless, last in steps:
            if word.endswith(suffix) and len(word) - length >= min_stem and not (unless and word.endswith(unless)):
                word = word[:len(word) - length] + replacement
                if last:
                    return word
        return word

    return fold


@cache
def _ignored_words(words: MergeWords) -> frozenset[str]:
    return frozenset((*words.stopwords, *words.reporting, *words.calendar))
