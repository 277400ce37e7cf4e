"""Saved HTML pages: the main text through trafilatura, the publication date through htmldate.

Both come with the optional extra `chrono-timelines[html]`. The Document's text is the extracted main
text (offsets index it, not the HTML); the page's title, when trafilatura puts it on the first line,
stays in the text but outside the body.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from chrono.errors import ChronoInputError
from chrono.model import Document, Span
from chrono.read.common import Origin, metadata_date

INSTALL_HINT = "reading HTML pages needs the html extra: pip install 'chrono-timelines[html]'"
NO_DATE_HINT = "pass --published YYYY-MM-DD"


def parse_html(html: str, origin: Origin) -> Document:
    """An HTML page -> Document; ``origin.published`` (the command line's) overrides the page's own date."""
    name = origin.name
    trafilatura, htmldate = _libraries(name)
    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        raise ChronoInputError(f"{name}: found no article text in the HTML page")
    metadata = trafilatura.extract_metadata(html)
    title = getattr(metadata, "title", None) or None
    date = origin.published or _page_date(htmldate, html, name)
    first_line = text.split("\n", 1)[0]
    body = Span(len(first_line) + 1, len(text)) if title and first_line.strip() == title.strip() and "\n" in text \
        else None
    return Document(
        id=origin.document_id,
        text=text,
        published=date,
        source=origin.source,
        outlet=getattr(metadata, "sitename", None) or None,
        title=title,
        url=getattr(metadata, "url", None) or None,
        body=body,
    )


def _page_date(htmldate: Any, html: str, name: str) -> dt.date:
    # No extensive search: a date guessed from the body text would silently shift every resolved value.
    found = htmldate.find_date(html, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    if not found:
        raise ChronoInputError(f"{name}: found no publication date in the HTML page; {NO_DATE_HINT}")
    return metadata_date(found, name)


def _libraries(name: str) -> tuple[Any, Any]:
    try:
        import htmldate
        import trafilatura
    except ImportError:
        raise ChronoInputError(f"{name}: {INSTALL_HINT}") from None
    return trafilatura, htmldate
