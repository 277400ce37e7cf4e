"""chrono: turn news articles into accurate, sourced chronologies."""

from __future__ import annotations

from chrono.errors import ChronoError, ChronoInputError
from chrono.lang import Language
from chrono.model import Document, Domain, Event, Expression, Granularity, Span, Tense, Timeline, TimexType, Value
from chrono.pipeline import build_from_documents, build_timeline
from chrono.read.text import read_article
from chrono.render import render  # the function; the stage's package is chrono/render/
from chrono.version import __version__

__all__ = [
    "ChronoError",
    "ChronoInputError",
    "Document",
    "Domain",
    "Event",
    "Expression",
    "Granularity",
    "Language",
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
