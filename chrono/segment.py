"""Segment: sentences with their offsets in the document text."""

from __future__ import annotations

from chrono.model import Sentence, Span


def split_sentences(text: str, span: Span | None = None) -> list[Sentence]:
    """The sentences of text[span], offsets into the whole text, in order."""
    raise NotImplementedError
