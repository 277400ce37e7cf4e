"""Attach: every DATE/TIME expression becomes an event of the sentence that holds it."""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from chrono.attach.headline import headline
from chrono.lang import Language, or_default
from chrono.lang.sections import WebPageWords
from chrono.model import Document, Event, Expression, Sentence, Span
from chrono.resolve.line_stamps import explicit_day, only_words
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
    placed = [(expression, index.holding(expression.span)) for expression in expressions]
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)  # a sentence's expressions, for its headlines
    texts: dict[int, str] = {}
    explicit: set[int] = set()  # the sentences holding a day written with its year
    for expression, sentence in placed:
        if sentence is not None:
            spans[sentence.span.start].append(_within(expression, sentence.span))
            texts[sentence.span.start] = sentence.text
            if explicit_day(expression):
                explicit.add(sentence.span.start)
    together = {start: tuple(sorted(found)) for start, found in spans.items()}
    stamps = _stamps(texts, together, explicit, or_default(language).segment.web_page)
    events = []
    for expression, sentence in placed:
        if expression.value is None or not expression.value.is_datable:
            continue
        if not dates_an_event(expression, document.text, cues) or (sentence and sentence.span.start in stamps):
            continue  # a stamp: nothing but dates and labels ("Posted on 3 May 2023 at 10:14", "Updated 3 hours ago")
        # an expression outside every sentence (a stray header line) stands as its own sentence
        span = sentence.span if sentence else expression.span
        # the sentence's own string is shared by all its events (a slice per event would copy it each time)
        text = sentence.text if sentence else document.text[span.start:span.end]
        relative = _within(expression, span)
        others = together[span.start] if sentence else ()
        events.append(Event(when=expression.value, phrase=expression.text, span=expression.span, sentence=text,
                            headline=headline(text, relative, language=language, expressions=others),
                            document=expression.document or document.id, sentence_span=span))
    return events


def _stamps(texts: dict[int, str], spans: dict[int, tuple[tuple[int, int], ...]], explicit: set[int],
            words: WebPageWords) -> set[int]:
    """The sentences (by start) that are a page's stamps: nothing but dates, stamp labels and joiners and changed
    labels, holding a day with its year or a label ("Updated 3 hours ago"; not "AD2019-11" nor "On Friday.")."""
    labels, allowed = _stamp_words(words)
    stamps = set()
    for start, found in spans.items():
        others = only_words(texts[start], found, allowed)
        if others is not None and (start in explicit or any(word in labels for word in others)):
            stamps.add(start)
    return stamps


@cache
def _stamp_words(words: WebPageWords) -> tuple[frozenset[str], frozenset[str]]:
    """(the words of stamp and changed labels, those and the joiners), once per language."""
    labels = frozenset(word for label in (*words.stamp_labels, *words.changed_labels) for word in label.split())
    return labels, labels | frozenset(words.stamp_joiners)


def _within(expression: Expression, span: Span) -> tuple[int, int]:
    """The expression's offsets in the sentence ``span`` (cut at its end)."""
    return expression.span.start - span.start, min(expression.span.end, span.end) - span.start
