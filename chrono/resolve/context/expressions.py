"""Context rules of the ``expressions`` stage: the document's expressions rewritten before the walk."""

from __future__ import annotations

from chrono.lang import Language
from chrono.model import Document, Domain, Expression
from chrono.resolve.context.registry import (
    Stage,
    context_rule,
)
from chrono.resolve.line_stamps import without_line_stamps
from chrono.resolve.year_pairs import join_year_pairs
from chrono.tag.anchored import anchored_amounts
from chrono.tag.early_years import early_years


@context_rule(stage=Stage.EXPRESSIONS, domains=[Domain.NARRATIVE])
def _amount_after_event(document: Document, expressions: list[Expression], language: Language) -> list[Expression]:
    """A history dates "five days after the fall of Girona" from the event just dated (chrono/tag/anchored.py);
    news keeps "five days" a duration."""
    return anchored_amounts(document.text, expressions, language=language)


@context_rule(stage=Stage.EXPRESSIONS, domains=[Domain.NARRATIVE])
def _early_years(document: Document, expressions: list[Expression], language: Language) -> list[Expression]:
    """A history's years of three digits ("in 793", "until 924", "25 December 800"; chrono/tag/early_years.py);
    elsewhere such a number is most often a count."""
    return early_years(document.text, expressions, language=language)


@context_rule(stage=Stage.EXPRESSIONS, domains=[Domain.NEWS])
def _line_stamps(document: Document, expressions: list[Expression], language: Language) -> list[Expression]:
    """A live page's line stamps ("1410 Reports from ...") are times of day, not years
    (chrono/resolve/line_stamps.py); a history's lines may open with years."""
    return without_line_stamps(expressions, document.text)


@context_rule(stage=Stage.EXPRESSIONS, domains=[Domain.NEWS])
def _joined_year_pairs(document: Document, expressions: list[Expression], language: Language) -> list[Expression]:
    """News names an academic or fiscal year by a pair ("2011-12"): one expression (chrono/resolve/year_pairs.py);
    histories write such a pair for two years."""
    return join_year_pairs(expressions, document.text)
