"""The document walk: which anchor each expression is resolved against, in text order.

Each expression is resolved by the pure ``resolve_value`` (chrono/resolve/value.py) against the publication
date, or against what the context rules registered for the domain say (chrono/resolve/context/); PREVIOUS
anchors on the latest mention fine enough in every domain. A datable value that no rule calls an aside becomes a
mention later expressions can anchor on; an expression a rule calls absent (it names no time there) is left
out. Each step costs the same however long the text: the mentions are indexed by granularity, and rules look at a
bounded neighbourhood.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from chrono.calendar.era import bc_granularity
from chrono.errors import ChronoInputError
from chrono.lang import Language, or_default
from chrono.model import Anchor, Document, Domain, Expression, Sentence, Value
from chrono.resolve.context import Context, ContextRule, Mentions, Stage, paragraph_breaks, rules_for
from chrono.resolve.line_stamps import post_stamps
from chrono.resolve.tense import governing_cue
from chrono.resolve.value import needed_granularity, resolve_value
from chrono.segment.sentences import SentenceIndex

__all__ = ["resolve_expressions"]


def resolve_expressions(expressions: list[Expression], sentences: list[Sentence], document: Document,
                        *, domain: Domain | str = Domain.NEWS, language: Language | None = None) -> list[Expression]:
    """Each expression with its value; anchors on the publication date or the previous mention.

    News: CONTEXT and PUBLICATION anchor on the publication date. Narrative: both on the latest mentioned date
    fine enough for the expression (falling back to the publication date, or to X digits when there is none).
    PREVIOUS anchors on the latest mention in both domains.
    """
    domain = Domain.of(domain)
    language = or_default(language)
    if document.published is None and domain.needs_publication_date:
        raise ChronoInputError(f"document {document.id or '(unnamed)'} has no publication date; "
                               f"give one, or use --domain {Domain.NARRATIVE}")
    in_order = sorted(expressions, key=lambda item: (item.span.start, item.span.end))
    for rule in rules_for(domain, Stage.EXPRESSIONS):
        in_order = rule.apply(document, in_order, language)
    partial_rules = rules_for(domain, Stage.PARTIAL)
    anchor_rules = rules_for(domain, Stage.ANCHOR)
    aside_rules = rules_for(domain, Stage.ASIDE)
    absent_rules = rules_for(domain, Stage.ABSENT)
    holding = SentenceIndex(sentences)
    breaks = paragraph_breaks(document.text)
    stamps = post_stamps(document.text, in_order, language.segment.web_page) if any(
        rule.name == "post_stamp" for rule in anchor_rules) else []
    mentions = Mentions()
    resolved: list[Expression] = []
    for index, expression in enumerate(in_order):
        found = holding.holding(expression.span)
        sentence = found.span if found else document.body_span
        cue = governing_cue(document.text, expression.span, sentence, language=language)
        previous = mentions.latest(needed_granularity(expression.partial))
        context = Context(document, in_order, index, sentence, cue, previous, mentions, language, breaks, stamps)
        if any(rule.apply(context) for rule in absent_rules):
            continue
        anchor = _anchor(context, anchor_rules)
        partial = expression.partial
        for rule in partial_rules:
            partial = rule.apply(context, partial)
        value = resolve_value(partial, anchor, cue, previous=previous, year_written=mentions.wrote_year(anchor))
        datable = (value.is_datable and value.granularity is not None) or bc_granularity(value) is not None
        if datable and not any(rule.apply(context, anchor) for rule in aside_rules):
            counted_back = partial.anchor is Anchor.PREVIOUS and partial.shift < 0  # "the year-earlier quarter"
            mentions.add(value, expression.span.end, year_written=partial.year is not None, named=not counted_back)
        resolved.append(replace(expression, value=value))
    return resolved


def _anchor(context: Context, anchor_rules: tuple[ContextRule, ...]) -> dt.date | Value | None:
    """The first anchor a rule gives; the publication date when none does."""
    for rule in anchor_rules:
        anchor: dt.date | Value | None = rule.apply(context)
        if anchor is not None:
            return anchor
    return context.document.published
