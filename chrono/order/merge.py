"""Merge the events that several documents report: same value, overlapping wording -> one Event with sources.

Wording is compared as sets of content words (stop, reporting and calendar words left out, the event's own
temporal phrase removed): the Jaccard index of the two headlines or of the two sentences, whichever is
higher. Two reports of one event by different outlets share their key nouns and verb ("Fed", "raised",
"rates", "quarter", "point") and score about 0.33-0.6; different events on the same day share stray words
at most ("interest rates" for the Fed and the Bank of England) and score 0-0.22. MERGE_THRESHOLD sits
between (tests/test_merge.py holds both kinds). A wrong merge would hide an event and a missed one only
repeats it, so the threshold leans high: reworded reports ("went to the polls" / "held its election")
stay separate. Same-day events sharing their actors ("Xi met Lukashenko" / "Xi met Putin") can pass it.

The merge is linear in practice: an event is weighed only against the groups holding a wording that shares a
rare word with its own (prefix filtering), a group at a time and only until its best group is known, which makes
exactly the merges of the pairwise rule (tests/test_merge.py checks it against that rule; benchmarks/merge.py
times it, --similar on a day thousands of documents report in alike wordings: a join listing every similar pair
was quadratic there).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
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

    Linear in practice: each value keeps an index of its groups' wordings (_Day), and an event is weighed only
    against the groups that share a rare word with it, one group at a time, and no longer than its choice needs.
    """
    if not 0 < threshold <= 1:
        raise ValueError(f"merge threshold must be in (0, 1], not {threshold}")
    dates = published or {}
    items = list(events)
    wordings, wording_of = _numbered_wordings(items, language)
    keys = [(event.when.value, event.when.mod) for event in items]
    by_value: dict[tuple[str, str | None], dict[int, None]] = {}  # each value's distinct wordings, first seen first
    for key, number in zip(keys, wording_of, strict=True):
        by_value.setdefault(key, {})[number] = None
    # a value's events are weighed and indexed only once two documents date it: most values of a collection are one
    # document's, whose events never merge (its groups all hold it)
    joinable = _joinable(items, keys)
    days: dict[tuple[str, str | None], _Day] = {}
    earlier: dict[tuple[str, str | None], str | None] = {}  # the document of a value's events so far; None: several
    groups: list[list[tuple[int, Event]]] = []
    reporters: list[set[str]] = []  # each group's documents, its members' sources included
    for position, event in enumerate(items):
        key = keys[position]
        number = wording_of[position]
        before = earlier.get(key, event.document)
        earlier[key] = before if before == event.document else None
        day = days.get(key)
        if day is None and (before != event.document or joinable[position]):
            day = days[key] = _Day(by_value[key], wordings, threshold)
        chosen = day.best_group(number, event.document, reporters) \
            if day is not None and before != event.document else None
        if chosen is None:
            chosen = len(groups)
            groups.append([(position, event)])
            reporters.append({event.document, *event.sources})
        else:
            groups[chosen].append((position, event))
            reporters[chosen].update((event.document, *event.sources))
        if day is not None and joinable[position]:
            day.add(number, chosen, reporters)
    return [_combine(members, dates) for members in groups]


def _joinable(items: list[Event], keys: list[tuple[str, str | None]]) -> list[bool]:
    """Whether a later event of the same value comes from another document: none other can join the event's group."""
    joinable = [False] * len(items)
    later: dict[tuple[str, str | None], str | None] = {}  # the document of a value's later events; None: several
    for position in reversed(range(len(items))):
        key, document = keys[position], items[position].document
        if key not in later:
            later[key] = document
            continue
        after = later[key]
        joinable[position] = after != document
        if after is not None and after != document:
            later[key] = None
    return joinable


class _Day:
    """The groups of one value and an index of their wordings, for the group an event of that value joins.

    A wording that equals a member's in a field scores 1, the most there is: the groups holding each field's
    words as a member's are kept apart, and the earliest one the document may join wins outright. Otherwise the
    candidates come from prefix filtering (Bayardo et al., "Scaling up all pairs similarity search", 2007): each
    field's words are ranked rarest first (over the value's wordings); if J(x, y) >= t the two share at least
    t * max(|x|, |y|) words, so their first shared word lies within the first |x| - ceil(t * |x|) + 1 words of
    x and within as many of y. The index maps such a prefix word to the groups holding a member with it there, and
    each of those to its members: an event meets the groups first, so that many alike reports of one day, all in
    one group, cost it one group and not one comparison per report (the pairs of such a day are quadratic). The
    groups it may join are then weighed in order, the last one only until one member beats the best so far."""

    __slots__ = ("wordings", "threshold", "rank", "ranked", "held", "same", "postings", "crowded", "sizes")

    # Most words and field sets of a day belong to one member of one group: such an entry is a plain int (a group,
    # or a group and a wording packed), not a container, so that the garbage collector, which walks every container
    # made, is not given one per word of the collection (that doubled the merge's time).

    def __init__(self, numbers: Iterable[int], wordings: list[_Wording], threshold: float) -> None:
        self.wordings = wordings
        self.threshold = threshold
        frequency: Counter[str] = Counter()
        for number in numbers:
            for words in wordings[number]:
                frequency.update(words)
        self.rank = {word: (count, word) for word, count in frequency.items()}
        self.ranked: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {}  # each wording's prefixes, per field
        self.held: set[int] = set()  # (wording, group) pairs indexed, packed
        # per field: its words -> the groups with a member worded so (one group, or many)
        self.same: tuple[dict[frozenset[str], int | _Holders], ...] = ({}, {})
        # per field: a prefix word -> (group, wording) packed when one, else group -> its wording(s) with it there
        self.postings: tuple[dict[str, int | dict[int, int | list[int]]], ...] = ({}, {})
        # a word's groups once they are many, skipped per document: a list dating one day in one wording hundreds
        # of times makes as many groups, all of its own document
        self.crowded: tuple[dict[str, _Crowd], ...] = ({}, {})
        # per field: group -> the fewest and most words of its members' (packed), for a bound on what it can score
        self.sizes: tuple[dict[int, int], ...] = ({}, {})

    def _prefixes(self, number: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
        prefixes = self.ranked.get(number)
        if prefixes is None:
            headline, sentence = self.wordings[number]
            prefixes = self.ranked[number] = (self._prefix(headline), self._prefix(sentence))
        return prefixes

    def _prefix(self, words: frozenset[str]) -> tuple[str, ...]:
        # the 1e-9 keeps 0.3 * 10 (3.0000000000000004 in floating point) a need for 3 shared words, not 4
        needed = max(1, math.ceil(self.threshold * len(words) - 1e-9))
        return tuple(sorted(words, key=self.rank.__getitem__)[:len(words) - needed + 1])

    def best_group(self, number: int, document: str, reporters: list[set[str]]) -> int | None:
        """The group that wording ``number`` of ``document`` joins (see merge_events); None: a group of its own."""
        wording = self.wordings[number]
        best: int | None = None
        for field, words in enumerate(wording):
            holding = self.same[field].get(words) if words else None
            if holding is None:
                continue
            if isinstance(holding, int):
                group = holding if document not in reporters[holding] else None
            else:
                group = holding.first_open(document, reporters)
            if group is not None and (best is None or group < best):
                best = group
        if best is not None:
            return best  # a field worded as a member's: similarity 1
        candidates: dict[int, list[tuple[int, int | list[int]]]] = {}  # group -> (field, its wording(s) met)
        for field, prefix in enumerate(self._prefixes(number)):
            postings, crowded = self.postings[field], self.crowded[field]
            for word in prefix:
                posting = postings.get(word)
                if posting is None:
                    continue
                if isinstance(posting, int):
                    group = posting >> _PACK
                    if document not in reporters[group]:
                        candidates.setdefault(group, []).append((field, posting & _WORDING))
                    continue
                crowd = crowded.get(word)
                for group in posting if crowd is None else crowd.open_groups(document, reporters):
                    if crowd is not None or document not in reporters[group]:
                        candidates.setdefault(group, []).append((field, posting[group]))
        best_score = self.threshold
        wordings = self.wordings
        last = max(candidates, default=-1)
        (headline_sizes, sentence_sizes), headline_size, sentence_size = self.sizes, len(wording[0]), len(wording[1])
        for group in sorted(candidates):
            # what its members can score at most, from their sizes: a group that cannot beat the best is passed by,
            # and one that reaches its bound needs no more weighing (many reports alike often score alike)
            bound = max(_size_bound(headline_size, headline_sizes.get(group)),
                        _size_bound(sentence_size, sentence_sizes.get(group)))
            if bound < best_score or (bound == best_score and best is not None):
                continue
            seen: set[int] = set()  # wordings weighed on a field (twice the wording, plus the field)
            for field, met in candidates[group]:
                words = wording[field]
                size = len(words)
                for other in (met,) if isinstance(met, int) else met:
                    if other * 2 + field in seen:
                        continue
                    seen.add(other * 2 + field)
                    # a member that reaches the best on neither field is met on neither (prefix filtering), so one
                    # met on this field need be weighed further only if this field reaches it
                    other_words = wordings[other][field]
                    shared = len(words & other_words)
                    score = shared / (size + len(other_words) - shared)
                    if score < best_score or (score == best_score and best is not None):
                        continue
                    score = _similarity(wording, wordings[other])
                    # an earlier group wins a tie; the last group need only beat the best, not find its own
                    if group == last:
                        return group
                    best, best_score = group, score
                    if score >= bound:
                        break
                else:
                    continue
                break  # the group's bound is reached
        return best

    def add(self, number: int, group: int, reporters: list[set[str]]) -> None:
        """Wording ``number`` is now a member of ``group`` (whose reporters are up to date)."""
        pair = number << _PACK | group
        if pair in self.held:
            return
        self.held.add(pair)
        entry = group << _PACK | number
        for field, (words, prefix) in enumerate(zip(self.wordings[number], self._prefixes(number), strict=True)):
            if not words:
                continue
            size, sizes = len(words), self.sizes[field]
            known = sizes.get(group)
            sizes[group] = size << _PACK | size if known is None else \
                min(known >> _PACK, size) << _PACK | max(known & _WORDING, size)
            same = self.same[field]
            holding = same.get(words)
            if holding is None:
                same[words] = group
            elif isinstance(holding, int):
                if holding != group:
                    same[words] = _Holders.of((holding, group), reporters)
            else:
                holding.add(group, reporters)
            postings, crowded = self.postings[field], self.crowded[field]
            for word in prefix:
                posting = postings.get(word)
                if posting is None:
                    postings[word] = entry
                    continue
                if isinstance(posting, int):
                    known = posting >> _PACK
                    postings[word] = {group: [posting & _WORDING, number]} if known == group \
                        else {known: posting & _WORDING, group: number}
                    continue
                listed = posting.get(group)
                if listed is None:
                    posting[group] = number
                    crowd = crowded.get(word)
                    if crowd is not None:
                        crowd.groups.append(group)
                    elif len(posting) >= _CROWDED:
                        crowded[word] = _Crowd(posting)
                elif isinstance(listed, int):
                    posting[group] = [listed, number]
                else:
                    listed.append(number)


def _size_bound(size: int, sizes: int | None) -> float:
    """The highest Jaccard index a set of ``size`` words can reach with a DIFFERENT set of between the fewest and most
    words ``sizes`` packs: |x & y| <= min(|x|, |y|), and a set of the same size shares at most all words but one."""
    if sizes is None or not size:
        return 0.0
    fewest, most = sizes >> _PACK, sizes & _WORDING
    if size < fewest:
        return size / fewest
    if size > most:
        return most / size
    return max((size - 1) / (size + 1), size / (size + 1) if size < most else 0.0,
               (size - 1) / size if size > fewest else 0.0)


_PACK = 32  # a group and a wording in one int: the group above these bits
_WORDING = (1 << _PACK) - 1
_CROWDED = 8  # groups of a word past which they are walked skipping those a document is in


class _Crowd:
    """The groups of a word, in the order they took it, and for each document how many of the first ones it already
    reports into (for good: reporters only grow), so that those are not walked again for it."""

    __slots__ = ("groups", "skipped")

    def __init__(self, groups: Iterable[int]) -> None:
        self.groups = list(groups)
        self.skipped: dict[str, int] = {}

    def open_groups(self, document: str, reporters: list[set[str]]) -> Iterator[int]:
        groups = self.groups
        at = self.skipped.get(document, 0)
        while at < len(groups) and document in reporters[groups[at]]:
            at += 1
        self.skipped[document] = at
        for group in groups[at:]:
            if document not in reporters[group]:
                yield group


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

    @classmethod
    def of(cls, groups: Iterable[int], reporters: list[set[str]]) -> _Holders:
        holders = cls()
        for group in sorted(groups):
            holders.add(group, reporters)
        return holders

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


def _combine(members: list[tuple[int, Event]], dates: Mapping[str, dt.date | None]) -> Event:
    if len(members) == 1:
        return members[0][1]
    ranked = sorted(members, key=lambda item: (dates.get(item[1].document) or dt.date.max, item[0]))
    primary = ranked[0][1]
    sources = dict.fromkeys(document for _, event in ranked for document in (event.document, *event.sources))
    sources.pop(primary.document)  # (a dict, not a list searched: a day thousands of documents report)
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
