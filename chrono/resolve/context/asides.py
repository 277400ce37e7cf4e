"""Context rules of the ``aside`` and ``absent`` stages: values kept out of the mentions, expressions left out."""

from __future__ import annotations

import datetime as dt

from chrono.calendar.holidays import once_year
from chrono.model import Domain, Granularity, Tense, Value
from chrono.resolve.context.registry import (
    Context,
    Stage,
    context_rule,
)
from chrono.resolve.value import same_period_years_away
from chrono.tag.surroundings import is_aside, names_no_time

# --- asides --------------------------------------------------------------------------------------------------

@context_rule(stage=Stage.ASIDE)
def _compared_period(context: Context, anchor: dt.date | Value | None) -> bool:
    """A period compared with ("from $2 a year ago") is not where the story is: it anchors nothing after it."""
    return same_period_years_away(context.expression.partial, context.previous, anchor) is not None


@context_rule(stage=Stage.ASIDE)
def _told_around(context: Context, anchor: dt.date | Value | None) -> bool:
    """The words around a mention say the story does not stand there: a comparison ("since 1812", "unlike in
    2004"), a citation, parentheses or a name ("the 1812 Overture"); cues in chrono/lang/<code>/surroundings.toml."""
    return is_aside(context.expression, context.document.text, context.language.surroundings)


@context_rule(stage=Stage.ASIDE, domains=[Domain.NARRATIVE])
def _narrative_aside(context: Context, anchor: dt.date | Value | None) -> bool:
    """A mention that is not where a history stands: a plan or a prospect ("a planned campaign in 1976"), a
    flashback ("two years ago"), or a year given in parentheses ("the Civil Constitution of the Clergy (1790)")."""
    expression, text = context.expression, context.document.text
    partial = expression.partial
    if context.cue.tense is Tense.FUTURE and partial.day is None and partial.month is None:
        return True  # "the offensive would follow on 12 September" narrates; "by next summer" looks ahead
    if partial.shift < 0 and partial.unit is not None and partial.unit <= Granularity.YEAR:
        return True  # a flashback ("signed two years ago", "a decade earlier"): the story stays where it was
    bare_year = partial.year is not None and partial.month is None and partial.day is None
    span = expression.span
    return bare_year and text[span.start - 1:span.start] == "(" and text[span.end:span.end + 1] == ")"


# --- absent --------------------------------------------------------------------------------------------------

@context_rule(stage=Stage.ABSENT)
def _past_clause_relative(context: Context) -> bool:
    """A word that counts from its own clause's time ("soon") names no time in a past clause ("Paris was soon
    consumed with riots"): FUTURE_REF would put it after the writing. Words in tense.toml [clause_relative]."""
    words = context.language.tense.clause_relative.words
    return context.cue.tense is Tense.PAST and context.expression.text.lower() in words


@context_rule(stage=Stage.ABSENT)
def _named_no_time(context: Context) -> bool:
    """The words around say a month's name names no time there: a march ("the Long March", "the March to the
    Sea"); cues in chrono/lang/<code>/surroundings.toml [[no_expression]]."""
    return names_no_time(context.expression, context.document.text, context.language.surroundings)


_ONCE_NEAR = 1  # years: a story this close to a day kept once is telling of it (a year after, "since D-Day")


@context_rule(stage=Stage.ABSENT)
def _once_day_elsewhere(context: Context) -> bool:
    """A day kept once names it only in a story near its year: "D-Day" in a history of 1944 is 6 June 1944; in one
    of 1950 ("D-Day for the landing at Inchon"), or in the news ("the D-Day for Brexit"), it is a plan's day."""
    partial = context.expression.partial
    year = once_year(partial.holiday) if partial.holiday is not None else None
    if year is None:
        return False
    last, published = context.mentions.last, context.document.published
    told = last.start if last is not None and last.start is not None else published
    return told is not None and abs(told.year - year) > _ONCE_NEAR
