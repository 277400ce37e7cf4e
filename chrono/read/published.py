"""The publication date rule, in one place: the command line's date overrides the input's own, and a
document left without one is an error only where the analysis needs one (news; narrative text anchors on
its own mentions)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import PurePath

from chrono.errors import ChronoInputError
from chrono.read.common import Record
from chrono.read.dateline import find_dateline
from chrono.read.inputs import quoted

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
OVERRIDE_HINT = "pass --published YYYY-MM-DD"
COMMAND_LINE = "command line"  # Document.published_source of a date given by the caller
PATH = "path"  # Document.published_source of a date read from the file's path
DATELINE = "dateline"  # Document.published_source of a date read from the dateline opening the body
NO_DATE = "no publication date"
# a file kept under its day: a folder "2010-04-20/" (Timeline17, news-tls), a name "2010-04-20-floods.txt", or
# folders "2010/04/20/" as sites and crawls lay them out
_DAY_IN_NAME = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?![\d])")
_DAY_FOLDERS = re.compile(r"(?:^|/)(\d{4})/(\d{2})/(\d{2})(?:/|$)")


def parse_date(value: str) -> dt.date:
    """'YYYY-MM-DD' -> date; ChronoInputError naming the problem for anything else (2023-02-30, '' too)."""
    text = value.strip()
    match = _ISO_DATE.fullmatch(text)
    if match is None:
        raise ChronoInputError(f"invalid publication date {quoted(value)}: expected YYYY-MM-DD, e.g. 2023-03-02")
    year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise ChronoInputError(f"impossible publication date {text!r}: {exc}") from None


def publication_override(value: dt.date | str | None) -> dt.date | None:
    """The caller's publication date (``--published``): None when not given; an empty or bad string is an
    error, never silently ignored."""
    if isinstance(value, dt.datetime):
        return value.date()
    if value is None or isinstance(value, dt.date):
        return value
    return parse_date(value)


def settle_published(record: Record, override: dt.date | None, *, required: bool = True) -> Record:
    """The record with its publication date settled: ``override`` wins over the input's own date; a document
    with none takes the day the dateline opening its body names ("LONDON, 12 March 2026 (Reuters) -"), else,
    when it needs one (``required``: the news domain), the day its file's path names (path_date): the dateline
    is the text's own word on the day its "today" means, a path only where someone filed it;
    with no date at all, a failed record naming how to give one when ``required``, else kept undated."""
    document = record.document
    if document is None:
        return record
    if override is not None:
        document = dataclasses.replace(document, published=override, published_source=COMMAND_LINE)
        return dataclasses.replace(record, document=document)
    if document.published is None:
        found = find_dateline(document.text, document.body)
        if found is not None and found.date is not None:
            return dataclasses.replace(record, document=dataclasses.replace(document, published=found.date,
                                                                            published_source=DATELINE))
        if found is not None:  # "LONDON, March 12 (Reuters) -": the only date the text has names no year
            hint = record.date_hint or f"{NO_DATE}; {OVERRIDE_HINT}"
            record = dataclasses.replace(record, date_hint=f"the dateline {quoted(found.text, 60)} names no year; "
                                                           f"{hint}")
    if document.published is None and required:
        day = path_date(document.source)
        if day is not None:
            return dataclasses.replace(record, document=dataclasses.replace(document, published=day,
                                                                            published_source=PATH))
        return Record.failed(record.where, record.date_hint or f"{NO_DATE}; {OVERRIDE_HINT}")
    return record


def path_date(path: str) -> dt.date | None:
    """The day a file's path names, nearest the file first: a folder or a file name that is or starts with
    YYYY-MM-DD, or folders YYYY/MM/DD; None when none names a real day."""
    if not path:
        return None
    parts = PurePath(path).parts
    for depth in range(len(parts) - 1, -1, -1):
        match = _DAY_IN_NAME.match(parts[depth])
        day = _day(match) if match else None
        if day is not None:
            return day
    folders = list(_DAY_FOLDERS.finditer(PurePath(path).as_posix()))
    return _day(folders[-1]) if folders else None


def _day(match: re.Match[str]) -> dt.date | None:
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None
