"""The publication date rule, in one place: the command line's date overrides the input's own, and a
document left without one is an error only where the analysis needs one (news; narrative text anchors on
its own mentions)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from chrono.errors import ChronoInputError
from chrono.read.common import Record
from chrono.read.inputs import quoted

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
OVERRIDE_HINT = "pass --published YYYY-MM-DD"
COMMAND_LINE = "command line"  # Document.published_source of a date given by the caller


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
    """The record with its publication date settled: ``override`` wins over the input's own date; with no
    date at all, a failed record naming how to give one when ``required`` (the news domain), else kept undated."""
    document = record.document
    if document is None:
        return record
    if override is not None:
        document = dataclasses.replace(document, published=override, published_source=COMMAND_LINE)
        return dataclasses.replace(record, document=document)
    if document.published is None and required:
        return Record.failed(record.where, record.date_hint or f"no publication date; {OVERRIDE_HINT}")
    return record
