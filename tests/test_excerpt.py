"""Excerpts: over-long 'sentences' (unpunctuated text) are cut around the phrase in every output."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from chrono.model import Document, Event, Granularity, Span, Timeline, Value
from chrono.render.excerpt import ELLIPSIS, bounded_sentences, excerpt
from chrono.render.jinja import render

WORDS = " ".join(f"w{i:03d}" for i in range(200))  # 999 characters, words of 4 letters


@pytest.mark.parametrize(("sentence", "start", "end", "limit", "expected"), [
    ("short and sweet", 6, 9, 100, "short and sweet"),  # within the limit: untouched
    (WORDS, 0, 4, 24, f"w000 w001 w002 w003 w004{ELLIPSIS}"),  # phrase first: only the end is cut
    (WORDS, 995, 999, 24, f"{ELLIPSIS}w195 w196 w197 w198 w199"),  # phrase last: only the start is cut
    (WORDS, 500, 504, 24, f"{ELLIPSIS}w098 w099 w100 w101 w102{ELLIPSIS}"),  # in the middle: both ends cut
    (WORDS, 500, 504, 2, f"{ELLIPSIS}w100{ELLIPSIS}"),  # a limit below the phrase keeps the phrase whole
    (WORDS, 500, 504, 22, f"{ELLIPSIS}w099 w100 w101{ELLIPSIS}"),  # a cut inside a word moves to a space
])
def test_excerpt(sentence: str, start: int, end: int, limit: int, expected: str) -> None:
    assert excerpt(sentence, start, end, limit) == expected


def _timeline(text: str, phrase: str, occurrences: int) -> Timeline:
    """Events for the first ``occurrences`` mentions of ``phrase`` in a one-sentence document."""
    day = Value("2021-03-01", start=dt.date(2021, 3, 1), end=dt.date(2021, 3, 1), granularity=Granularity.DAY)
    starts, at = [], -1
    for _ in range(occurrences):
        at = text.index(phrase, at + 1)
        starts.append(at)
    events = tuple(Event(day, phrase, Span(start, start + len(phrase)), text, phrase, "a",
                         sentence_span=Span(0, len(text))) for start in starts)
    return Timeline(documents=(Document("a", text, dt.date(2023, 3, 2)),), events=events)


def test_each_event_gets_the_window_around_its_own_mention() -> None:
    # the same phrase many times in one long sentence: each excerpt is centred on that event's span
    text = " ".join(f"item{i} March 1" for i in range(2000))
    bounded = bounded_sentences(_timeline(text, "March 1", 300), limit=60)
    for index, event in enumerate(bounded.events):
        assert len(event.sentence) <= 62 and f"item{index} March 1" in event.sentence


@pytest.mark.parametrize("fmt", ["json", "md", "html", "csv", "ics"])
def test_output_grows_with_events_not_events_times_text(fmt: str) -> None:
    text = " ".join(f"item{i} March 1" for i in range(20000))  # 280 k characters, one 'sentence'
    rendered = render(_timeline(text, "March 1", 200), fmt)
    assert len(rendered) < 200 * 5000
    if fmt == "json":
        assert all(len(event["sentence"]) <= 1202 for event in json.loads(rendered)["events"])


def test_an_event_without_its_sentence_span_is_cut_around_the_first_mention() -> None:
    text = " ".join(f"item{i} March 1" for i in range(200))
    day = Value("2021-03-01", start=dt.date(2021, 3, 1), end=dt.date(2021, 3, 1), granularity=Granularity.DAY)
    event = Event(day, "March 1", Span(text.rindex("March 1"), len(text)), text, "March 1", "a")  # e.g. from an archive
    timeline = Timeline(documents=(Document("a", text, dt.date(2023, 3, 2)),), events=(event,))
    assert "item0 March 1" in bounded_sentences(timeline, limit=40).events[0].sentence


def test_attached_events_carry_their_sentence_span() -> None:
    from chrono.pipeline import build_timeline

    timeline = build_timeline("Talks began on March 1. They ended on March 9 in Paris.", published="2023-03-02")
    text = timeline.documents[0].text
    for event in timeline.events:
        assert event.sentence_span is not None
        assert text[event.sentence_span.start:event.sentence_span.end] == event.sentence
        assert event.sentence_span.start <= event.span.start < event.sentence_span.end


def test_short_sentences_are_left_alone() -> None:
    timeline = _timeline("Talks began on March 1 in Paris.", "March 1", 1)
    assert bounded_sentences(timeline) is timeline


@pytest.mark.parametrize("order", ["document", "reverse", "interleaved"])
def test_long_sentences_of_one_length_each_found_where_they_are(order: str) -> None:
    # five long sentences of exactly the same length; events met in any order still get their own sentence
    sentences = [f"Block {letter} " + "filler " * 30 + f"tag{letter} March 1." for letter in "ABCDE"]
    text = " ".join(sentences)
    day = Value("2021-03-01", start=dt.date(2021, 3, 1), end=dt.date(2021, 3, 1), granularity=Granularity.DAY)
    events = [Event(day, "March 1", Span(text.index(f"tag{letter}") + 5, text.index(f"tag{letter}") + 12),
                    sentence, "March 1", "a",
                    sentence_span=Span(text.index(sentence), text.index(sentence) + len(sentence)))
              for letter, sentence in zip("ABCDE", sentences, strict=True)]
    shuffled = {"document": events, "reverse": events[::-1], "interleaved": events[::2] + events[1::2]}[order]
    timeline = Timeline(documents=(Document("a", text, dt.date(2023, 3, 2)),), events=tuple(shuffled))
    for event in bounded_sentences(timeline, limit=40).events:
        letter = text[event.span.start - 2]  # "tagA March 1": the letter two characters before the phrase
        assert f"tag{letter} March 1" in event.sentence
