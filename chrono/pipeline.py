"""The pipeline, top to bottom: read -> segment -> tag -> resolve -> attach -> order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from chrono.attach.events import attach_events
from chrono.lang import Language, or_default
from chrono.model import Document, Event, Expression, Timeline
from chrono.order.merge import merge_events
from chrono.order.sort import order_events
from chrono.read.text import parse_article, parse_date
from chrono.resolve.resolver import resolve_expressions
from chrono.segment.sentences import split_sentences
from chrono.tag.tagger import tag_text


def analyse(document: Document, *, domain: str = "news",
            language: Language | None = None) -> tuple[list[Expression], list[Event]]:
    """Find and resolve every expression of one document; return (expressions, events) in document order."""
    sentences = split_sentences(document.text, document.body_span, language=language)
    found = tag_text(document.text, document.body_span, language=language, document=document.id)
    resolved = resolve_expressions(found, sentences, document, domain=domain, language=language)
    return resolved, attach_events(resolved, sentences, document, language=language)


def build_from_documents(documents: Iterable[Document], *, domain: str = "news", sort: str = "chronological",
                         language: Language | str | None = None, merge: bool = True) -> Timeline:
    """One timeline from several documents; each keeps its own publication date for resolution.

    With ``merge``, an event several documents report becomes one entry listing them all (chrono.order.merge).
    """
    language = _language(language)
    docs = tuple(documents)
    expressions: list[Expression] = []
    events: list[Event] = []
    for document in docs:
        found, dated = analyse(document, domain=domain, language=language)
        expressions.extend(found)
        events.extend(dated)
    if merge and len(docs) > 1:
        events = merge_events(events, published={document.id: document.published for document in docs},
                              language=language)
    return Timeline(documents=docs, events=tuple(order_events(events, sort)), expressions=tuple(expressions))


def build_timeline(text: str, published: dt.date | str | None = None, *, domain: str = "news",
                   sort: str = "chronological", source: str = "", document_id: str | None = None,
                   language: Language | str | None = None) -> Timeline:
    """Build the timeline of one article given as text (sample format, or plain text with ``published``)."""
    date = parse_date(published) if isinstance(published, str) else published
    document = parse_article(text, published=date, source=source, document_id=document_id)
    return build_from_documents([document], domain=domain, sort=sort, language=language)


def _language(language: Language | str | None) -> Language:
    """The public API takes a language by its code ("en") or as a loaded Language; None is the default one."""
    return Language.load(language) if isinstance(language, str) else or_default(language)
