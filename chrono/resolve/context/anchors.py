"""Context rules of the ``anchor`` stage: the anchor an expression resolves against, when a rule knows better."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from functools import cache

from chrono.lang.sections import Patterns
from chrono.model import Anchor, Direction, Domain, Granularity, Tense, Value
from chrono.resolve.context.registry import (
    Context,
    Stage,
    context_rule,
)
from chrono.resolve.value import sub_year_kind


@context_rule(stage=Stage.ANCHOR, domains=[Domain.NARRATIVE])
def _narrated_time(context: Context) -> dt.date | Value | None:
    """A history's "now" is the time it narrates: deictic words anchor on the latest mention fine enough. Told in
    the present or the future outside a quotation, they are the writer's own ("Today the field is a farm", "This
    year alone, Iraq accounts for"): the publication date's."""
    published = context.document.published
    if (published is not None and context.expression.partial.anchor is Anchor.PUBLICATION
            and context.cue.tense in _WRITERS_TENSES
            and not _quoted(context.document.text, context.sentence.start, context.expression.span.start)):
        return published
    return context.previous or published


_WRITERS_TENSES = (Tense.PRESENT, Tense.FUTURE)
_QUOTE_MARKS = re.compile(r"[\"“”]")


def _quoted(text: str, start: int, at: int) -> bool:
    """Whether ``at`` stands inside a quotation opened in its sentence (an odd number of quote marks before it)."""
    return len(_QUOTE_MARKS.findall(text, start, at)) % 2 == 1


@context_rule(stage=Stage.ANCHOR, domains=[Domain.NEWS])
def _post_stamp(context: Context) -> dt.date | Value | None:
    """A page of posts (a thread, a live blog, comments), each under a stamp line of its own ("Reply #4 on: March 3,
    2024, 10:14 AM", "Posted on 3 May 2023 at 10:14"): what a post says counts from its stamp, not from the day the
    page was published ("yesterday" in a reply posted two days after the thread began)."""
    stamps = context.stamps
    if not stamps:  # most pages: before the expression is looked at
        return None
    start = context.expression.span.start
    at = bisect_right(stamps, (start, -1)) - 1  # the last stamp line ending before the expression
    if at < 0:
        return None
    stamp = context.mentions.ending_at(stamps[at][1])
    return stamp if stamp is not None and stamp.start is not None else None


@context_rule(stage=Stage.ANCHOR, domains=[Domain.NEWS])
def _told_year(context: Context) -> dt.date | Value | None:
    """News: a bare month, or "the end of the year", right after a paragraph has moved to another year is in that
    year ("in March 2021 ... on June 3, 2021. March was also when ..."). Moved means the two latest mentions are
    months or days of that same year, one of them written with it; one dated aside ("the Dec. 21, 1988, bombing")
    does not move a story. After one mention, a month told in the past is in its year (_told_month)."""
    p, mentions, document = context.expression.partial, context.mentions, context.document
    told = mentions.last_two
    story_year = p.unit == Granularity.YEAR and p.shift == 0 and sub_year_kind(p) is None  # "the end of the year"
    if (not told or document.published is None or p.direction is not Direction.TENSE
            or p.anchor is not Anchor.CONTEXT or (p.month is None and not story_year) or p.year is not None):
        return None
    if len(told) < 2 or told[0].start is None or told[0].start.year != (told[1].start or dt.date.min).year:
        return _told_month(context)
    years = {mention.start.year for mention in told if mention.start is not None}
    if (len(years) != 1 or document.published.year in years or not any(mentions.wrote_year(mention) for mention in told)
            or any(mention.granularity is None or mention.granularity < Granularity.YEAR for mention in told)
            or all((mention.granularity or Granularity.YEAR) < Granularity.MONTH for mention in told)):
        return None
    if context.paragraph_break_between(mentions.last_end, context.expression.span.start):
        return None
    return mentions.last


_TOLD_GAP = 300  # characters: a month told this close after one dated mention is still in its story
# the dated mention closes its clause: a stop, or a comma not followed by a word in lower case (a date that qualifies
# a noun, "the Dec. 21, 1988, bombing", "the August 1988 cease-fire", is an aside the story does not move to)
_CLOSES_CLAUSE = re.compile(r"[.;:!?]|,\s+(?![a-z])")


def _told_month(context: Context) -> Value | None:
    """News: a bare month told in the past right after one mention written with another year is in that year ("The
    minister resigned in November 2022. By December the government had fallen.")."""
    p, mentions, document = context.expression.partial, context.mentions, context.document
    last = mentions.last
    if (last is None or last.start is None or document.published is None or p.month is None
            or context.cue.tense is not Tense.PAST or not mentions.wrote_year(last)
            or last.start.year == document.published.year or last.granularity is None
            or last.granularity < Granularity.MONTH):
        return None
    start = context.expression.span.start
    if start - mentions.last_end > _TOLD_GAP or context.paragraph_break_between(mentions.last_end, start):
        return None
    return last if _CLOSES_CLAUSE.match(document.text, mentions.last_end) else None


_BRACKET_OPEN = re.compile(r"\s*[(\[]\s*")
_BRACKET_LOOKBACK = 6  # expressions walked back through a bracket's list of days and times


@cache
def _list_gap(patterns: Patterns) -> re.Pattern[str]:
    """What joins the days and times inside a bracket: a range gap or a comma."""
    # one optional run of spaces per side: "\s*(?:,)?\s*" backtracks quadratically over a long run of spaces
    return re.compile(rf"\s*(?:(?:,|{patterns['range_gap']})\s*)?", re.IGNORECASE)


@context_rule(stage=Stage.ANCHOR, domains=[Domain.NEWS])
def _day_in_brackets(context: Context) -> dt.date | Value | None:
    """Weekdays and times in brackets after a date say which days that date is: "May 5 - 6 (Tues-Wed 9:00am -
    5:30pm)", "on 16 May (Sat 9am - 5pm)" anchor on the date (the latest such day on or before it), not on the
    publication date."""
    in_order, index, text = context.expressions, context.index, context.document.text
    own = in_order[index].partial
    if own.weekday is None and own.hour is None:  # most expressions: asked of each, so the cheap test first
        return None
    gap = _list_gap(context.language.patterns)
    for before in range(index - 1, max(-1, index - 1 - _BRACKET_LOOKBACK), -1):
        earlier, later = in_order[before], in_order[before + 1]
        if _BRACKET_OPEN.fullmatch(text, earlier.span.end, later.span.start):
            day = earlier.partial
            if day.day is None or day.literal is not None:
                return None
            return context.mentions.ending_at(earlier.span.end)
        if gap.fullmatch(text, earlier.span.end, later.span.start) is None:
            return None
        if earlier.partial.weekday is None and earlier.partial.hour is None:
            return None  # the list holds only days and times
    return None
