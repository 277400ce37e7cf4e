"""What every input reader shares: where the text came from, and publication dates read from metadata."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from chrono.errors import ChronoInputError
from chrono.lang import Language

# A metadata date: an ISO day, optionally followed by a time ("2023-03-02T08:00:00Z", "2023-03-02 10:00").
_ISO_DAY = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][^\n]*)?\s*")


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a text came from: ``name`` for messages, ``source`` for Document.source, a default id, and
    the command line's publication date, which overrides any date the input carries."""

    name: str
    source: str
    document_id: str
    published: dt.date | None = None


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
    match = _ISO_DAY.fullmatch(value)
    if match is None:
        return _written_date(value, where)
    year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise ChronoInputError(f"{where}: impossible date {value.strip()!r} ({exc})") from None


# Only absolute dates with a day, month and year: a relative one ("yesterday") would need a clock.
_DATEPARSER_SETTINGS = {
    "PARSERS": ["custom-formats", "absolute-time"],
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def _written_date(value: str, where: str) -> dt.date:
    import dateparser  # imported on first use: it is slow to load and most inputs carry ISO dates

    languages = list(Language.load().about.dateparser_languages)
    parsed = dateparser.parse(value, languages=languages, settings=_DATEPARSER_SETTINGS)
    if parsed is None:
        raise ChronoInputError(f"{where}: cannot read the date {value!r}; write it as YYYY-MM-DD "
                               "(or a complete written date: day, month and year)")
    return parsed.date()
