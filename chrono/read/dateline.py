"""A dateline at the start of the body: the day a wire story or press release says it was written.

    SPRINGFIELD, Ill., April 12, 2015 /PRNewswire/ -- Acme Corp. today announced ...
    LONDON, 12 March 2026 (Reuters) - ...
    NEW DELHI, March 12, 2026 — ...
    Sydney, 12 March 2026: ...

The shape decides, not a list of agencies: a place (words in capitals or title case), optional regions after
commas, a comma, a day and month, a year, then an agency in brackets or slashes and/or a dash or colon. Month
names come from the language ([month] of words.toml); a place that is a month or weekday name is a date line,
not a dateline. A dateline without a year ("LONDON, March 12 (Reuters) -") names no day: it gives no date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from chrono.lang import Language, or_default
from chrono.lang.sections import WordValue
from chrono.model import Span

MAX_PLACE_WORDS = 4  # "RIO DE JANEIRO" is lower case in the middle: read as one word run of capitals
_WORD = r"[^\W\d_][\w'’.&-]*"  # a place's word; its first letter must be a capital (checked below)
_AGENCY = r"(?:\([^()\n]{1,40}\)|/[^/\n]{1,40}/)"  # "(Reuters)", "/PRNewswire/"
_MARK = r"(?:-{1,3}|[—–_]{1,2}|:)"  # "-", "--", "—", "_" (AP's), ":"


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline found: its text and the day it names (None: no year, or no real day)."""

    text: str
    date: dt.date | None
    end: int  # where it ends in the text, its mark and the space after it included


@cache
def _pattern(months: tuple[str, ...]) -> re.Pattern[str]:
    month = "(?P<month>" + "|".join(re.escape(name) for name in sorted(months, key=len, reverse=True)) + r")\.?"
    month2 = month.replace("(?P<month>", "(?P<month2>")
    day = r"(?P<day>\d{1,2})"
    day2 = r"(?P<day2>\d{1,2})"
    year = r"(?:,?[ \t]+(?P<year>\d{4}))?(?!\d)"
    date = rf"(?:(?i:{month})[ \t]+{day}|{day2}[ \t]+(?i:{month2}))(?![\w]){year}"
    place = rf"(?P<place>{_WORD}(?:[ \t]+{_WORD}){{0,{MAX_PLACE_WORDS - 1}}})"
    regions = rf"(?P<regions>(?:,[ \t]*{_WORD}(?:[ \t]+{_WORD}){{0,2}}){{0,2}})"
    ending = rf",?[ \t]*(?:{_AGENCY}(?:[ \t]*{_MARK})?|{_MARK})(?=[ \t\r\n])"
    return re.compile(rf"{place}{regions},[ \t]*{date}{ending}")


def find_dateline(text: str, body: Span | None = None, language: Language | None = None) -> Dateline | None:
    """The dateline opening the body's first paragraph (``body``: where the body starts), or None."""
    words = or_default(language).words.tables
    months = words.get("month", {})
    if not months:
        return None
    start = body.start if body is not None else 0
    while start < len(text) and text[start].isspace():
        start += 1
    match = _pattern(tuple(months)).match(text, start, min(len(text), start + 200))
    if match is None or not _is_place(match, words):
        return None
    found = match.group().rstrip(" \t-—–_:")
    end = match.end()
    if match["year"] is None:
        return Dateline(found, None, end)
    number = months.get(" ".join((match["month"] or match["month2"]).lower().split()))
    if not isinstance(number, int):
        return Dateline(found, None, end)
    try:
        date = dt.date(int(match["year"]), number, int(match["day"] or match["day2"]))
    except ValueError:
        return Dateline(found, None, end)
    return Dateline(found, date, end)


def _is_place(match: re.Match[str], tables: Mapping[str, Mapping[str, WordValue]]) -> bool:
    """Every word of the place and regions starts with a capital, and none is a month or weekday name."""
    calendar = {*tables.get("month", {}), *tables.get("weekday", {})}
    names = f"{match['place']} {match['regions'].replace(',', ' ')}".split()
    return all(name[0].isupper() and name.rstrip(".").lower() not in calendar for name in names)
