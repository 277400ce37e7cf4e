"""chrono: turn news articles into accurate, sourced chronologies."""

from __future__ import annotations

__version__ = "0.1.0"

from chrono.errors import ChronoError, ChronoInputError  # noqa: E402
from chrono.model import Document, Event, Expression, Granularity, Span, Tense, Timeline, TimexType, Value  # noqa: E402
from chrono.pipeline import build_from_documents, build_timeline  # noqa: E402
from chrono.read.text import read_article  # noqa: E402
from chrono.render import render  # noqa: E402  (the function; the stage's package is chrono/render/)

__all__ = [
    "ChronoError",
    "ChronoInputError",
    "Document",
    "Event",
    "Expression",
    "Granularity",
    "Span",
    "Tense",
    "Timeline",
    "TimexType",
    "Value",
    "__version__",
    "build_from_documents",
    "build_timeline",
    "read_article",
    "render",
]
