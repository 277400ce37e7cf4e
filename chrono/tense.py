"""The tense of the verb that governs an expression, from per-language cue words."""

from __future__ import annotations

from chrono.model import Span, Tense


def governing_tense(text: str, expression: Span, sentence: Span, *, language: str = "en") -> Tense:
    """Tense of the clause around ``expression`` inside ``sentence`` (offsets into text)."""
    raise NotImplementedError
