"""Excerpts: an event's sentence cut to a window around its phrase when the "sentence" is not one.

Text with no punctuation (a transcript, a scraped list, a table flattened to one line) segments into one
sentence of any length, and every event of it carries that sentence. Rendering each in full makes the output
grow as events x text (a 1 MB paragraph with 20,000 dates would write 20 GB), so every output shows a window
of at most EXCERPT_CHARS around the phrase instead, and less when many events share the sentence; a real news
sentence is far shorter and has few events. (The segmenter cuts such
text into pieces of at most chrono.segment.sentences.MAX_SENTENCE_CHARS, which later stages read whole; a reader
is shown less of one.)
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from chrono.model import Event, Timeline

EXCERPT_CHARS = 1200  # what a reader is shown of a longer sentence, around the event's phrase
MIN_EXCERPT_CHARS = 160  # enough words around a phrase to say what happened
EXCERPT_FACTOR = 8  # the events of one sentence show together at most this many times its length (or the minimum)
ELLIPSIS = "\u2026"
_WORD_SNAP = 40  # how far a cut may move to fall between words


def excerpt(sentence: str, start: int, end: int, limit: int = EXCERPT_CHARS) -> str:
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


def bounded_sentences(timeline: Timeline, limit: int = EXCERPT_CHARS) -> Timeline:
    """The timeline with every sentence longer than its share cut to an excerpt around its event's phrase.

    A sentence's events share EXCERPT_FACTOR times its length: one or a few events show it whole (up to
    ``limit``), the many events of a list of dates show MIN_EXCERPT_CHARS or more each, so the output stays in
    proportion to the input (space-separated years wrote 240 characters per character of input, now 40 at most).
    """
    shares = _shares(timeline.events, limit)
    if not shares:
        return timeline

    def bounded(event: Event) -> Event:
        share = shares.get((event.document, event.sentence), limit)
        if len(event.sentence) <= share:
            return event
        start = _phrase_start(event)
        return dataclasses.replace(event, sentence=excerpt(event.sentence, start, start + len(event.phrase), share))

    key_dates = tuple(dataclasses.replace(key, events=tuple(bounded(event) for event in key.events))
                      for key in timeline.key_dates)  # a key date's sentences are events of the timeline too
    return dataclasses.replace(timeline, events=tuple(bounded(event) for event in timeline.events),
                               key_dates=key_dates)


def _shares(events: tuple[Event, ...], limit: int) -> dict[tuple[str, str], int]:
    """The excerpt length of each sentence that must be cut, by (document, sentence); empty when none must."""
    floor = min(limit, MIN_EXCERPT_CHARS)
    counts = Counter((event.document, event.sentence) for event in events if len(event.sentence) > floor)
    shares = {}
    for (document, sentence), count in counts.items():
        share = min(limit, max(floor, EXCERPT_FACTOR * len(sentence) // count))
        if len(sentence) > share:
            shares[document, sentence] = share
    return shares


def _phrase_start(event: Event) -> int:
    """Where the event's phrase starts in its sentence: from the two spans (a phrase can repeat in a long
    sentence, so searching the sentence for it could pick the wrong one); by a search only for an event built
    without its sentence's span."""
    if event.sentence_span is not None:
        return event.span.start - event.sentence_span.start
    return max(0, event.sentence.find(event.phrase))
