"""Resolve: PartialValue + anchor + tense -> Value (pure), and the document walk that picks anchors."""

from __future__ import annotations

import datetime as dt

from chrono.model import Document, Expression, PartialValue, Sentence, Tense, Value


def resolve_value(partial: PartialValue, anchor: dt.date | Value, tense: Tense = Tense.NONE,
                  *, previous: Value | None = None) -> Value:
    """Pure: the value of ``partial`` against ``anchor`` (publication date or a mentioned value)."""
    raise NotImplementedError


def resolve_expressions(expressions: list[Expression], sentences: list[Sentence], document: Document,
                        *, domain: str = "news", language: str = "en") -> list[Expression]:
    """Each expression with its value; anchors on the publication date or the previous mention."""
    raise NotImplementedError
