"""What every input reader shares: where the text came from, what a reader yields, and metadata dates."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from chrono.errors import ChronoInputError
from chrono.lang import Language
from chrono.model import Document
from chrono.read.inputs import quoted
from chrono.read.plain_date import plain_date

# A metadata date: an ISO day, optionally followed by a time ("2023-03-02T08:00:00Z", "2023-03-02 10:00").
_ISO_DAY = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][^\n]*)?\s*")
MAX_WRITTEN_DATE = 200  # a written date longer than this is no date: dateparser is not asked
# the fields of a record or front matter that say the article's locale ("en_GB", "en-IN"): its day/month order
LOCALE_KEYS = ("locale", "language")


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a text came from: ``name`` for messages, ``source`` for Document.source, and a default id.

    ``max_chars`` is the longest document text the caller takes (None: any); the caller checks every document, but
    a reader whose parsing costs far more than the text (HTML) can refuse a longer one before it parses."""

    name: str
    source: str
    document_id: str
    max_chars: int | None = None


@dataclass(frozen=True, slots=True)
class Record:
    """What a reader yields for each document of an input: the Document (``published`` None when the input
    gives no date), or the problem that kept one part of the input from being read (the rest still is).

    ``where`` names the input and the record for messages ("a.jsonl: line 3"); ``date_hint`` says how this
    kind of input gives a date, for the one "no publication date" error (chrono.read.published); ``original``
    is the reader's own form of the input for writers that keep its markup (TimeML). ``path`` and ``root``
    (the folder argument it was found under) are filled by the dispatcher, not by readers.
    """

    where: str
    document: Document | None = None
    problem: str | None = None
    date_hint: str = ""
    original: object | None = None
    path: str = ""
    root: str = ""

    @classmethod
    def failed(cls, where: str, message: str) -> Record:
        """A record that could not be read: ``message`` is prefixed with ``where`` unless it names it."""
        return cls(where=where, problem=message if message.startswith(where) else f"{where}: {message}")


def metadata_date(value: object, where: str) -> dt.date:
    """A publication date as metadata writes it: a date, a string starting with YYYY-MM-DD, or a complete
    written date that feeds and archives use ("Thu, 02 Mar 2023 10:00:00 GMT", "March 2, 2023").

    A time part or time zone after the day is ignored: the day as written is the one the article was dated.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ChronoInputError(f"{where}: the date must be a string YYYY-MM-DD, not {type(value).__name__}")
    match = _ISO_DAY.fullmatch(value) if len(value) <= MAX_WRITTEN_DATE else None
    if match is None:
        return _written_date(value, where)
    year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise ChronoInputError(f"{where}: impossible date {quoted(value)} ({exc})") from None


# Only absolute dates with a day, month and year: a relative one ("yesterday") would need a clock.
_DATEPARSER_SETTINGS = {
    "PARSERS": ["custom-formats", "absolute-time"],
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}


# stamps dateparser's own parsers miss: the Twitter API's created_at ("Wed Oct 10 20:19:24 +0000 2018")
_WRITTEN_FORMATS = ["%a %b %d %H:%M:%S %z %Y"]


def _written_date(value: str, where: str) -> dt.date:
    parsed = None
    if len(value) <= MAX_WRITTEN_DATE:
        language = Language.load()
        parsed = plain_date(value, language.calendar) or _parsed(value, tuple(language.about.dateparser_languages))
    if parsed is None:
        raise ChronoInputError(f"{where}: cannot read the date {quoted(value)}; write it as YYYY-MM-DD "
                               "(or a complete written date: day, month and year)")
    return parsed


@lru_cache(maxsize=4096)  # a page repeats its stamps ("Yesterday", "Today at 10:14")
def _parsed(value: str, languages: tuple[str, ...]) -> dt.date | None:
    import dateparser  # imported on first use: it is slow to load and most inputs carry ISO dates

    parsed = dateparser.parse(value, languages=list(languages), settings=_DATEPARSER_SETTINGS,
                              date_formats=_WRITTEN_FORMATS)
    return None if parsed is None else parsed.date()
