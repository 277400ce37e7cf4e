"""Excerpts: an event's sentence cut to a window around its phrase when the "sentence" is not one.

Text with no punctuation (a transcript, a scraped list, a table flattened to one line) segments into one
sentence of any length, and every event of it carries that sentence. Rendering each in full makes the output
grow as events x text (a 1 MB paragraph with 20,000 dates would write 20 GB), so every output shows a window
of at most MAX_SENTENCE_CHARS around the phrase instead; a real news sentence is far shorter.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right, insort

from chrono.model import Event, Timeline

MAX_SENTENCE_CHARS = 1200
ELLIPSIS = "\u2026"
_WORD_SNAP = 40  # how far a cut may move to fall between words
_PROBE_CHARS = 256  # enough of a sentence's start to find it in its document


def excerpt(sentence: str, start: int, end: int, limit: int = MAX_SENTENCE_CHARS) -> str:
    """``sentence`` cut to about ``limit`` characters around ``sentence[start:end]``, an ellipsis at each cut."""
    if len(sentence) <= limit:
        return sentence
    start, end = max(0, min(start, len(sentence))), max(0, min(end, len(sentence)))
    low = max(0, start - max(0, limit - (end - start)) // 2)
    high = min(len(sentence), max(low + limit, end))
    low = max(0, min(low, high - limit, start))  # room unused after the phrase goes before it
    if 0 < low and not sentence[low - 1].isspace():  # a cut inside a word moves to the next space
        gap = sentence.find(" ", low, min(start, low + _WORD_SNAP))
        low = gap + 1 if gap >= 0 else low
    if high < len(sentence) and not sentence[high].isspace():
        gap = sentence.rfind(" ", max(end, high - _WORD_SNAP), high)
        high = gap if gap >= 0 else high
    text = sentence[low:high].strip()
    return f"{ELLIPSIS if low > 0 else ''}{text}{ELLIPSIS if high < len(sentence) else ''}"


def bounded_sentences(timeline: Timeline, limit: int = MAX_SENTENCE_CHARS) -> Timeline:
    """The timeline with every sentence longer than ``limit`` cut to an excerpt around its event's phrase."""
    if all(len(event.sentence) <= limit for event in timeline.events):
        return timeline
    finder = _SentenceFinder({document.id: document.text for document in timeline.documents})

    def bounded(event: Event) -> Event:
        if len(event.sentence) <= limit:
            return event
        start = finder.phrase_start(event)
        return dataclasses.replace(event, sentence=excerpt(event.sentence, start, start + len(event.phrase), limit))

    key_dates = tuple(dataclasses.replace(key, events=tuple(bounded(event) for event in key.events))
                      for key in timeline.key_dates)  # a key date's sentences are events of the timeline too
    return dataclasses.replace(timeline, events=tuple(bounded(event) for event in timeline.events),
                               key_dates=key_dates)


class _SentenceFinder:
    """Where an event's phrase sits in its sentence, from the span in the document (a phrase can repeat in a
    long sentence, so searching the sentence for it could pick the wrong one).

    A long sentence is located in its document once and remembered by (document, length, start): the many
    events of one long sentence then cost a bisection each, not a search or a hash of the whole sentence.
    """

    def __init__(self, texts: dict[str, str]) -> None:
        self._texts = texts
        self._found: dict[tuple[str, int], list[int]] = {}

    def phrase_start(self, event: Event) -> int:
        sentence_start = self._sentence_start(event)
        if sentence_start is None:
            return max(0, event.sentence.find(event.phrase))
        return event.span.start - sentence_start

    def _sentence_start(self, event: Event) -> int | None:
        length = len(event.sentence)
        known = self._found.setdefault((event.document, length), [])  # sorted starts
        # sentences do not overlap: only the last known one starting at or before the span can hold it
        at = bisect_right(known, event.span.start) - 1
        if at >= 0 and event.span.end <= known[at] + length:
            return known[at]
        text = self._texts.get(event.document, "")
        probe = event.sentence[:_PROBE_CHARS]
        low, high = max(0, event.span.end - length), event.span.start
        start = text.find(probe, low, high + len(probe))
        while start >= 0:
            if text.startswith(event.sentence, start):
                insort(known, start)
                return start
            start = text.find(probe, start + 1, high + len(probe))
        return None
