"""The pipeline, top to bottom: read -> segment -> tag -> resolve -> attach -> order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace

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
    """Find and resolve every expression of one document; return (expressions, events) in document order.

    The document is read in its own language unless ``language`` says otherwise.
    """
    language = language or document.language
    sentences = split_sentences(document.text, document.body_span, language=language)
    found = tag_text(document.text, document.body_span, language=language, document=document.id)
    resolved = resolve_expressions(found, sentences, document, domain=domain, language=language)
    return resolved, attach_events(resolved, sentences, document, language=language)


def build_from_documents(documents: Iterable[Document], *, domain: str = "news", sort: str = "chronological",
                         language: Language | str | None = None, merge: bool = True) -> Timeline:
    """One timeline from several documents; each keeps its own publication date for resolution.

    With ``merge``, an event several documents report becomes one entry listing them all (chrono.order.merge).
    ``language`` (a code such as "en", or a Language) is the language of every document; by default each keeps
    its own, and the timeline takes the first document's.
    """
    chosen = None if language is None else _language(language)
    docs = tuple(documents if chosen is None else (replace(document, language=chosen) for document in documents))
    shared = chosen or (docs[0].language if docs else Language.load())
    expressions: list[Expression] = []
    events: list[Event] = []
    for document in docs:
        found, dated = analyse(document, domain=domain)
        expressions.extend(found)
        events.extend(dated)
    if merge and len(docs) > 1:
        events = merge_events(events, published={document.id: document.published for document in docs},
                              language=shared)
    return Timeline(documents=docs, events=tuple(order_events(events, sort)), expressions=tuple(expressions),
                    language=shared)


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
