"""Merge the events that several documents report: same value, overlapping wording -> one Event with sources.

Wording is compared as sets of content words (stop, reporting and calendar words left out, the event's own
temporal phrase removed): the Jaccard index of the two headlines or of the two sentences, whichever is
higher. Two reports of one event by different outlets share their key nouns and verb ("Fed", "raised",
"rates", "quarter", "point") and score about 0.33-0.6; different events on the same day share stray words
at most ("interest rates" for the Fed and the Bank of England) and score 0-0.22. MERGE_THRESHOLD sits
between (tests/test_merge.py holds both kinds). A wrong merge would hide an event and a missed one only
repeats it, so the threshold leans high: reworded reports ("went to the polls" / "held its election")
stay separate. Same-day events sharing their actors ("Xi met Lukashenko" / "Xi met Putin") can pass it.

The merge is linear in practice: an event is compared only with the earlier events of its value that share a
rare word with it (an inverted index with prefix filtering), which finds exactly the pairs the pairwise rule
would merge (tests/test_merge.py checks it against that rule; benchmarks/merge.py times it).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from functools import cache, lru_cache

from chrono.lang import Language, or_default
from chrono.lang.sections import MergeWords
from chrono.model import Event

__all__ = ["MERGE_THRESHOLD", "merge_events", "similarity", "content_words"]

MERGE_THRESHOLD = 0.3
_MEMO = 1 << 18  # similarities remembered per merge: copies of a story meet the same pairs again and again
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

    Linear in practice: an inverted index with prefix filtering finds the members an event can reach the
    threshold with, instead of comparing it with every earlier event of its value (see _Index).
    """
    if not 0 < threshold <= 1:
        raise ValueError(f"merge threshold must be in (0, 1], not {threshold}")
    dates = published or {}
    items = list(events)
    worded: dict[tuple[str, str, str], tuple[int, _Wording]] = {}  # copies of a story are worded once
    numbered = [worded.get(text) or worded.setdefault(text, (len(worded), _wording(event, language)))
                for event, text in ((event, (event.headline, event.sentence, event.phrase)) for event in items)]
    wordings = [wording for _, wording in numbered]
    index = _Index(wordings, threshold)
    scores: dict[tuple[int, int], float] = {}  # by the pair of wordings, in either order (at most _MEMO)
    groups: list[list[tuple[int, Event]]] = []
    group_of: list[int] = []  # each event's group
    reporters: list[set[str]] = []  # each group's documents, its members' sources included
    # A member worded exactly as an indexed member of its group scores what that one scores against any event:
    # left out of the index, it changes no choice (copies of one wire story would make the merge quadratic).
    indexed: set[tuple[int, _Wording]] = set()
    for position, (event, wording) in enumerate(zip(items, wordings, strict=True)):
        key = (event.when.value, event.when.mod)
        best: tuple[float, int] | None = None
        for member in index.candidates(key, position):
            group = group_of[member]
            if event.document in reporters[group]:
                continue
            pair = (numbered[position][0], numbered[member][0])
            pair = pair if pair[0] < pair[1] else (pair[1], pair[0])  # a similarity goes both ways
            score = scores.get(pair)
            if score is None:
                score = _similarity(wording, wordings[member])
                if len(scores) < _MEMO:
                    scores[pair] = score
            if score >= threshold and (best is None or (-score, group) < (-best[0], best[1])):
                best = (score, group)
        if best is None:
            group_of.append(len(groups))
            groups.append([(position, event)])
            reporters.append({event.document, *event.sources})
        else:
            group_of.append(best[1])
            groups[best[1]].append((position, event))
            reporters[best[1]].update((event.document, *event.sources))
        if (group_of[-1], wording) not in indexed:
            indexed.add((group_of[-1], wording))
            index.add(key, position)
    return [_combine(members, dates) for members in groups]


class _Index:
    """Which earlier events can reach the Jaccard threshold with an event: prefix filtering (Bayardo et al.,
    "Scaling up all pairs similarity search", 2007), per value and per field (headline, sentence).

    Every word set is sorted rarest word first (one order for the whole collection). If J(x, y) >= t, the two
    sets share at least t * |x| words, so the first shared word in that order lies within the first
    |x| - ceil(t * |x|) + 1 words of x, and likewise of y: indexing and probing those prefixes only finds every
    pair that can pass, and the rare words that make up the prefixes have short posting lists.
    """

    def __init__(self, wordings: list[_Wording], threshold: float) -> None:
        frequency: Counter[str] = Counter()
        for wording in wordings:
            for words in wording:
                frequency.update(words)
        # one order for the whole collection, rarest first, as ranks: sorting by them costs no call per word
        order = {word: rank for rank, word in enumerate(sorted(frequency, key=lambda word: (frequency[word], word)))}
        prefixes: dict[_Wording, tuple[list[str], ...]] = {}  # the copies of a wording share its prefixes
        self._prefixes = [prefixes.get(wording) or prefixes.setdefault(
            wording, tuple(_prefix(words, order, threshold) for words in wording)) for wording in wordings]
        # per value, per field: word -> the events that hold it in their prefix
        self._postings: dict[tuple[str, str | None], tuple[dict[str, list[int]], ...]] = {}

    def candidates(self, key: tuple[str, str | None], position: int) -> set[int]:
        """Earlier events of ``key`` sharing a prefix word (in the same field) with the event at ``position``."""
        postings = self._postings.get(key)
        found: set[int] = set()
        if postings:
            for prefix, field_postings in zip(self._prefixes[position], postings, strict=True):
                for word in prefix:
                    found.update(field_postings.get(word, ()))
        return found

    def add(self, key: tuple[str, str | None], position: int) -> None:
        postings = self._postings.get(key) or self._postings.setdefault(key, ({}, {}))
        for prefix, field_postings in zip(self._prefixes[position], postings, strict=True):
            for word in prefix:
                posting = field_postings.get(word)
                if posting is None:
                    field_postings[word] = [position]
                else:
                    posting.append(position)


def _prefix(words: frozenset[str], order: dict[str, int], threshold: float) -> list[str]:
    # the 1e-9 keeps 0.3 * 10 (3.0000000000000004 in floating point) a need for 3 shared words, not 4
    needed = max(1, math.ceil(threshold * len(words) - 1e-9))
    return sorted(words, key=order.__getitem__)[:len(words) - needed + 1]


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
