"""Merge the events that several documents report: same value, overlapping wording -> one Event with sources.

Wording is compared as sets of content words (stop, reporting and calendar words left out, the event's own
temporal phrase removed): the Jaccard index of the two headlines or of the two sentences, whichever is
higher. Two reports of one event by different outlets share their key nouns and verb ("Fed", "raised",
"rates", "quarter", "point") and score about 0.33-0.6; different events on the same day share stray words
at most ("interest rates" for the Fed and the Bank of England) and score 0-0.22. MERGE_THRESHOLD sits
between (tests/test_merge.py holds both kinds). A wrong merge would hide an event and a missed one only
repeats it, so the threshold leans high: reworded reports ("went to the polls" / "held its election")
stay separate. Same-day events sharing their actors ("Xi met Lukashenko" / "Xi met Putin") can pass it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Mapping
from functools import cache

from chrono.lang import load_resource
from chrono.model import Event

__all__ = ["MERGE_THRESHOLD", "merge_events", "similarity", "content_words"]

MERGE_THRESHOLD = 0.3
# numbers keep their inner separators ("7.8", "50,000"); words keep inner apostrophes ("Turkey's")
_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*")


def merge_events(events: Iterable[Event], *, published: Mapping[str, dt.date | None] | None = None,
                 threshold: float = MERGE_THRESHOLD, language: str = "en") -> list[Event]:
    """Events with the same value (and mod) and similar wording from DIFFERENT documents become one.

    The merged event is its earliest-published report (``published`` maps document id -> date; without
    it, or on a tie, the first in input order); ``sources`` lists the other reports' documents in the
    same order. Two events of one document are never merged. Groups keep the input position of their
    first member, so a sorted input stays sorted. Deterministic: the same input gives the same output.
    """
    dates = published or {}
    groups: list[list[tuple[int, Event]]] = []
    wordings: list[list[_Wording]] = []  # each group's members' content words, computed once per event
    reporters: list[set[str]] = []  # each group's documents, its members' sources included
    by_value: dict[tuple[str, str | None], list[int]] = {}
    for position, event in enumerate(events):
        key = (event.when.value, event.when.mod)
        wording = _wording(event, language)
        best: tuple[float, int] | None = None
        for group_index in by_value.get(key, []):
            if event.document in reporters[group_index]:
                continue
            score = max(_similarity(wording, other) for other in wordings[group_index])
            if score >= threshold and (best is None or score > best[0]):
                best = (score, group_index)
        if best is None:
            by_value.setdefault(key, []).append(len(groups))
            groups.append([(position, event)])
            wordings.append([wording])
            reporters.append({event.document, *event.sources})
        else:
            groups[best[1]].append((position, event))
            wordings[best[1]].append(wording)
            reporters[best[1]].update((event.document, *event.sources))
    return [_combine(members, dates) for members in groups]


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


def similarity(first: Event, second: Event, *, language: str = "en") -> float:
    """How much two events' wording overlaps, 0..1: the better of headline and sentence Jaccard indices."""
    return _similarity(_wording(first, language), _wording(second, language))


def _wording(event: Event, language: str) -> _Wording:
    return (content_words(event.headline, event.phrase, language),
            content_words(event.sentence, event.phrase, language))


def _similarity(first: _Wording, second: _Wording) -> float:
    return max(_jaccard(first[0], second[0]), _jaccard(first[1], second[1]))


def content_words(text: str, phrase: str = "", language: str = "en") -> frozenset[str]:
    """The words of ``text`` that can tell events apart, normalised; ``phrase`` (the temporal expression)
    is taken out first."""
    if phrase:
        text = text.replace(phrase, " ")
    ignored = _ignored_words(language)
    words = (_normalise(word) for word in _WORD.findall(text.lower()))
    return frozenset(word for word in words if word not in ignored)


def _normalise(word: str) -> str:
    """Fold possessives, plurals and -ed/-ing crudely so "rates"/"rate", "killed"/"killing" and
    "Turkey's"/"Turkey" meet; both sides are folded alike, so a stem need not be a word."""
    word = word.replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed", "e"):
        if len(word) - len(suffix) >= 3 and word.endswith(suffix):
            return word[:-len(suffix)]
    return word


@cache
def _ignored_words(language: str) -> frozenset[str]:
    data = load_resource(language, "merge")
    return frozenset(word for table in ("stopwords", "reporting", "calendar") for word in data.get(table, []))


def _jaccard(first: frozenset[str], second: frozenset[str]) -> float:
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)
