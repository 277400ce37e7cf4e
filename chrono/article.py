"""Read: an article's text, publication date, dateline, outlet and where its body starts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from chrono.model import Document


def parse_date(value: str) -> dt.date:
    """'YYYY-MM-DD' -> date; ChronoInputError naming the problem for anything else (2023-02-30 too)."""
    raise NotImplementedError


def parse_article(text: str, *, published: dt.date | None = None, source: str = "",
                  document_id: str | None = None) -> Document:
    """Sample format (``date YYYY-MM-DD`` header, dateline, outlet, dash line, body) or plain text.

    ``published`` overrides the header; with neither, ChronoInputError naming both ways to give a date.
    """
    raise NotImplementedError


def read_article(path: str | Path, published: dt.date | str | None = None) -> Document:
    """Read a file ('-' for standard input) as UTF-8; clear ChronoInputError for empty/binary/non-UTF-8."""
    raise NotImplementedError
