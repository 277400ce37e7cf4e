"""The pipeline, top to bottom: read -> segment -> tag -> resolve -> attach -> order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import replace

from chrono.attach.events import attach_events
from chrono.errors import require_type
from chrono.lang import Language, or_default
from chrono.model import Document, Domain, Event, Expression, Sentence, Timeline
from chrono.order.key_dates import lead_events, select_key_dates
from chrono.order.merge import merge_events
from chrono.order.select import select_events
from chrono.order.sort import order_events
from chrono.read.text import parse_article, parse_date
from chrono.resolve.fiscal_years import settle_fiscal_years
from chrono.resolve.local_holidays import settle_local_holidays
from chrono.resolve.numeric_dates import carry_assumed_order, settle_numeric_dates
from chrono.resolve.walk import resolve_expressions
from chrono.resolve.zones import with_utc_offsets
from chrono.segment.sentences import split_sentences
from chrono.tag.tagger import tag_text


def analyse(document: Document, *, domain: Domain | str = Domain.NEWS, language: Language | None = None,
            locale: str | None = None) -> tuple[list[Expression], list[Event]]:
    """Find and resolve every expression of one document; return (expressions, events) in document order.

    The document is read in its own language unless ``language`` says otherwise. ``locale`` ("en_GB") sets the
    day/month order of numeric dates unless the document names its own (chrono.resolve.numeric_dates); without
    either, the document's evidence and hints decide.
    """
    expressions, events, _ = analyse_with_sentences(document, domain=domain, language=language, locale=locale)
    return expressions, events


def analyse_with_sentences(document: Document, *, domain: Domain | str = Domain.NEWS, language: Language | None = None,
                           locale: str | None = None) -> tuple[list[Expression], list[Event], list[Sentence]]:
    """analyse, plus the document's sentences."""
    language = language or document.language
    sentences = split_sentences(document.text, document.body_span, language=language)
    found = tag_text(document.text, document.body_span, language=language, document=document.id)
    found = settle_numeric_dates(found, document, locale=locale, language=language)
    found = settle_local_holidays(found, document, locale=locale, language=language)
    found = settle_fiscal_years(found, document, locale=locale, language=language)
    resolved = with_utc_offsets(carry_assumed_order(resolve_expressions(found, sentences, document, domain=domain,
                                                                        language=language)))
    return resolved, attach_events(resolved, sentences, document, language=language), sentences


def build_from_documents(documents: Iterable[Document], *, domain: Domain | str = Domain.NEWS,
                         sort: str = "chronological", language: Language | str | None = None, merge: bool = True,
                         key_dates: int | None = None, per_date: int = 1, date_from: dt.date | str | None = None,
                         date_to: dt.date | str | None = None, locale: str | None = None,
                         on_error: Callable[[Document, Exception], None] | None = None) -> Timeline:
    """One timeline from several documents; each keeps its own publication date for resolution.

    ``documents`` is read once, one document at a time, each analysed before the next is asked for: a generator
    over a large collection is never held whole (the timeline keeps each Document, its events and expressions).

    With ``merge``, an event several documents report becomes one entry listing them all (chrono.order.merge).
    ``language`` (a code such as "en", or a Language) is the language of every document; by default each keeps
    its own, and the timeline takes the first document's.
    With ``key_dates=N``, the timeline holds only the N most important days of the collection, each with up to
    ``per_date`` sentences and their sources (chrono.order.key_dates; ``Timeline.key_dates``), and the expressions of
    the documents whose sentences it shows. ``date_from`` and ``date_to`` keep the events (or choose the key dates)
    inside that range (chrono.order.select).
    With ``on_error``, a document whose analysis fails (a bug met on some input) is passed to it with the error
    and left out, and the rest of the collection is built; without it the error propagates.
    """
    chosen = None if language is None else _language(language)
    require_type(documents, Iterable, "documents")
    shared = chosen
    expressions: list[Expression] = []
    events: list[Event] = []
    leads: list[Event] = []  # undated opening sentences: more candidates for key dates
    analysed: list[Document] = []
    for document in documents:  # one at a time, as they are read: a collection is never held before analysis
        require_type(document, Document, "each document")
        if chosen is not None:
            document = replace(document, language=chosen)
        if shared is None:
            shared = document.language
        try:
            found, dated, sentences = analyse_with_sentences(document, domain=domain, locale=locale)
        except Exception as exc:
            if on_error is None:
                raise
            on_error(document, exc)
            continue
        analysed.append(document)
        expressions.extend(found)
        events.extend(dated)
        if key_dates is not None:
            leads.extend(lead_events(document.id, document.published, sentences, dated))
    docs = tuple(analysed)
    if shared is None:
        shared = Language.load()
    published = {document.id: document.published for document in docs}
    if key_dates is not None:
        days = select_key_dates(events, published, count=key_dates, per_date=per_date, date_from=date_from,
                                date_to=date_to, language=shared, leads=leads)
        picked = [event for day in days for event in day.events]
        shown = {event.document for event in picked}  # a summary quotes these; it lists not every article's dates
        return Timeline(documents=docs, events=tuple(order_events(picked, sort)),
                        expressions=tuple(expression for expression in expressions if expression.document in shown),
                        language=shared, key_dates=days if sort != "reverse" else days[::-1])
    if merge and len(docs) > 1:
        events = merge_events(events, published=published, language=shared)
    events = select_events(events, date_from=date_from, date_to=date_to)
    return Timeline(documents=docs, events=tuple(order_events(events, sort)), expressions=tuple(expressions),
                    language=shared)


def build_timeline(text: str, published: dt.date | str | None = None, *, domain: Domain | str = Domain.NEWS,
                   sort: str = "chronological", source: str = "", document_id: str | None = None,
                   language: Language | str | None = None, locale: str | None = None) -> Timeline:
    """Build the timeline of one article given as text (sample format, or plain text with ``published``; in the
    narrative domain an undated text is resolved against its own mentions)."""
    require_type(text, str, "text")
    require_type(published, (dt.date, str, type(None)), "published")
    if isinstance(published, dt.datetime):
        published = published.date()
    date = parse_date(published) if isinstance(published, str) else published
    document = parse_article(text, published=date, source=source, document_id=document_id,
                             date_required=Domain.of(domain).needs_publication_date)
    return build_from_documents([document], domain=domain, sort=sort, language=language, locale=locale)


def _language(language: Language | str | None) -> Language:
    """The public API takes a language by its code ("en") or as a loaded Language; None is the default one."""
    return Language.load(language) if isinstance(language, str) else or_default(language)
