"""Attach: every DATE/TIME expression becomes an event of the sentence that holds it."""

from __future__ import annotations

from chrono.model import Document, Event, Expression, Sentence


def attach_events(expressions: list[Expression], sentences: list[Sentence], document: Document) -> list[Event]:
    """One event per datable expression, with its sentence, a short headline and provenance."""
    raise NotImplementedError
