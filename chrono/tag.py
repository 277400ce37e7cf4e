"""Tag: find temporal expressions and what each says, as PartialValues (no date arithmetic here)."""

from __future__ import annotations

from chrono.model import Expression, Span


def tag_text(text: str, span: Span | None = None, *, language: str = "en", document: str = "") -> list[Expression]:
    """Every temporal expression in text[span], non-overlapping, in document order, offsets into text."""
    raise NotImplementedError
