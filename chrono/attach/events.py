"""Attach: every DATE/TIME expression becomes an event of the sentence that holds it."""

from __future__ import annotations

from chrono.attach.headline import headline
from chrono.lang import Language, or_default
from chrono.model import Document, Event, Expression, Sentence
from chrono.segment.sentences import SentenceIndex
from chrono.tag.surroundings import dates_an_event


def attach_events(expressions: list[Expression], sentences: list[Sentence], document: Document,
                  *, language: Language | None = None) -> list[Event]:
    """One event per datable expression, with its sentence, a short headline and provenance.

    Durations, sets and fuzzy references (PRESENT_REF...) have no interval and make no event; nor do expressions
    whose surroundings say they date nothing: a copyright line, a citation, a title, a hypothetical day
    (chrono/tag/surroundings.py).
    """
    index = SentenceIndex(sentences)
    cues = or_default(language).surroundings
    events = []
    for expression in expressions:
        if expression.value is None or not expression.value.is_datable:
            continue
        if not dates_an_event(expression, document.text, cues):
            continue
        sentence = index.holding(expression.span)
        # an expression outside every sentence (a stray header line) stands as its own sentence
        span = sentence.span if sentence else expression.span
        # the sentence's own string is shared by all its events (a slice per event would copy it each time)
        text = sentence.text if sentence else document.text[span.start:span.end]
        relative = (expression.span.start - span.start, min(expression.span.end, span.end) - span.start)
        events.append(Event(when=expression.value, phrase=expression.text, span=expression.span, sentence=text,
                            headline=headline(text, relative, language=language),
                            document=expression.document or document.id, sentence_span=span))
    return events
