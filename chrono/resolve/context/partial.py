"""Context rules of the ``partial`` stage: an expression's partial value completed from its neighbours."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from chrono.calendar.holidays import holiday_date
from chrono.calendar.intervals import days_after
from chrono.lang.sections import Patterns, TenseWords
from chrono.model import (
    Anchor,
    Direction,
    Domain,
    Expression,
    Granularity,
    PartialValue,
    Span,
    Tense,
    TimexType,
    Value,
)
from chrono.resolve import compiled
from chrono.resolve.context.registry import (
    Context,
    Stage,
    context_rule,
)
from chrono.resolve.tense import governing_cue
from chrono.resolve.value import resolve_value, sub_year_kind
from chrono.resolve.weekly_hours import recurring_hours

_CLOCK_LOOKBACK = 8  # expressions before a clock time searched for its day (bounds work in run-on text)
_CLOCK_REACH = 30  # characters from a clock time to the day named after it ("1 p.m. kickoff on Sept. 17")
_DATE_FIELDS = ("century", "decade", "year", "half", "quarter", "season", "month", "week", "day", "weekday",
                "holiday")
# what a clock time takes from the expression that names its day
_DAY_FIELDS = ("year", "month", "week", "day", "weekday", "holiday", "shift", "unit", "anchor", "direction")


def _range_gap(patterns: Patterns) -> re.Pattern[str]:
    """What joins the two ends of a range: "21 March - 21 June 1952", "May to August 1943"."""
    return compiled.gap(patterns, "range_gap")


@context_rule(stage=Stage.PARTIAL)
def _year_of_range_end(context: Context, partial: PartialValue) -> PartialValue:
    """"21 March - 21 June 1952", "from May to August 1943", "the spring and early summer of 1943": the range's
    start is in the year its end names (the year before when its month comes later: "December - March 1945")."""
    following = context.expressions[context.index + 1:context.index + 2]
    if (partial.year is not None or (partial.month is None and partial.season is None)
            or partial.literal is not None or not following):
        return partial
    end = following[0].partial
    if end.year is None or (end.month is None and end.season is None) or end.literal is not None:
        return partial
    gap = _range_gap(context.language.patterns)
    if gap.fullmatch(context.document.text, context.expression.span.end, following[0].span.start) is None:
        return partial
    # "December - March 1945" began in 1944
    wraps = partial.month is not None and end.month is not None and partial.month > end.month
    return replace(partial, year=end.year - 1 if wraps else end.year)


# between a day and the year written after a bracket that follows it or closes round it: punctuation, no words
_BRACKETED = re.compile(r"[^()\n]{0,60}\)\s*,\s*|\s*\([^()\n]{1,60}\)\s*,\s*")
_YEAR_LOOKAHEAD = 3  # expressions after a day searched for the year written after its bracket


@context_rule(stage=Stage.PARTIAL)
def _year_after_bracket(context: Context, partial: PartialValue) -> PartialValue:
    """"On December 7 (December 8 in Asian time zones), 1941,": a day whose year is written after a bracket that
    follows it, or closes round it, is in that year."""
    if partial.year is not None or partial.month is None or partial.day is None or partial.literal is not None:
        return partial
    text, end = context.document.text, context.expression.span.end
    for later in context.expressions[context.index + 1:context.index + 1 + _YEAR_LOOKAHEAD]:
        p = later.partial
        if p.year is not None and p.month is None and p.literal is None \
                and _BRACKETED.fullmatch(text, end, later.span.start):
            return replace(partial, year=p.year)
    return partial


_LIST_RULES = ("list_day", "list_day_before")  # the days of a list chrono/tag/ranges.py adds
_LIST_REACH = 32  # characters between two days of a list ("the 3rd and again on the 17th")


def _monthless(p: PartialValue) -> bool:
    return (p.day is not None and p.month is None and p.year is None and p.literal is None and p.weekday is None
            and p.unit is None and p.hour is None)


@context_rule(stage=Stage.PARTIAL, domains=[Domain.NEWS])
def _month_of_list_end(context: Context, partial: PartialValue) -> PartialValue:
    """The days of a list with no month ("on the 3rd and again on the 17th", "on the 3rd and the 17th") are in the
    month and year the last of them is, as it is read alone: one month for the list, not one each."""
    if not _monthless(partial):
        return partial
    in_order, index = context.expressions, context.index
    last = index
    while last + 1 < len(in_order):
        here, after = in_order[last], in_order[last + 1]
        joined = after.rule == "list_day" or here.rule == "list_day_before"
        if not joined or not _monthless(after.partial) or after.span.start - here.span.end > _LIST_REACH:
            break
        last += 1
    if last == index:
        return partial
    end = in_order[last]
    cue = governing_cue(context.document.text, end.span, context.sentence, language=context.language)
    value = resolve_value(end.partial, context.document.published, cue)
    if value.start is None:
        return partial
    return replace(partial, year=value.start.year, month=value.start.month)


_YEAR_AFTER_REACH = 48  # characters from a date to the year its clause names after it ("on 1 November this year")
_CLAUSE_MARKS = ",;:()"  # what ends a clause between a date and a year told after it


def _year_told(p: PartialValue, published: dt.date) -> int | None:
    """The year a bare year expression names: "this year", "next year" (counted from the report), "in 2024"."""
    if p.literal is not None or p.mod is not None or any(getattr(p, name) is not None for name in _DATE_FIELDS[3:]):
        return None
    if p.year is not None and p.unit is None and p.century is None and p.decade is None:
        return p.year
    if p.unit is Granularity.YEAR and p.anchor is Anchor.PUBLICATION and p.year is None \
            and float(p.shift).is_integer() and dt.MINYEAR <= published.year + p.shift <= dt.MAXYEAR:
        return int(published.year + p.shift)  # not "3.5 years from now", nor a year the calendar does not hold
    return None


@context_rule(stage=Stage.PARTIAL, domains=[Domain.NEWS])
def _year_told_after(context: Context, partial: PartialValue) -> PartialValue:
    """A date or holiday with no year whose clause names the year after it is in that year ("Diwali is on 1
    November this year", "Christmas falls on a Wednesday this year"), unless the clause is told in the past."""
    published = context.document.published
    if (partial.year is not None or partial.literal is not None or partial.unit is not None or published is None
            or partial.direction is not Direction.TENSE or sub_year_kind(partial) != "year"
            or context.cue.tense is Tense.PAST):
        return partial
    here, text = context.expression.span, context.document.text
    for after in context.expressions[context.index + 1:context.index + 3]:
        if after.span.start >= context.sentence.end or after.span.start - here.end > _YEAR_AFTER_REACH \
                or any(mark in text[here.end:after.span.start] for mark in _CLAUSE_MARKS):
            break
        year = _year_told(after.partial, published)
        if year is not None:
            return replace(partial, year=year)
    return partial


_HOLIDAY_RULES = ("holiday",)  # the tagging rules that find a holiday by its name alone
_STATED_DAY_REACH = 3  # days: a holiday's own date may differ this much from its table's (a region, a moon sighting)
_STATED_DATE_LOOKAHEAD = 2  # expressions after a holiday searched for its date ("Diwali this year falls on 1 Nov")


def _holiday_date_link(patterns: Patterns) -> tuple[re.Pattern[str], ...]:
    return compiled.named(patterns, "holiday_date_link", "holiday_date_other")


@context_rule(stage=Stage.PARTIAL, domains=[Domain.NEWS])
def _holiday_on_stated_date(context: Context, partial: PartialValue) -> PartialValue:
    """A holiday computed per year whose clause gives its date ("Diwali falls on 1 November this year", "Eid, on 10
    April,") is on that date, not its table's, when the two are a few days apart: lunar holidays differ by region
    and by the moon's sighting. The date is resolved as the walk will resolve it; a date that words before the
    holiday tie to another day ("after Diwali on 1 November") is not the holiday's."""
    key = partial.holiday  # a day computed per year: a fixed one ("Christmas") has no other
    if key is None:  # most expressions: before anything else is read
        return partial
    published, text = context.document.published, context.document.text
    if context.expression.rule not in _HOLIDAY_RULES or partial.literal is not None or published is None:
        return partial
    link, other = _holiday_date_link(context.language.patterns)
    here = context.expression.span
    if other.search(text, max(0, here.start - 24), here.start):
        return partial
    for after in context.expressions[context.index + 1:context.index + 1 + _STATED_DATE_LOOKAHEAD]:
        stated = after.partial
        if after.span.start >= context.sentence.end or link.fullmatch(text, here.end, after.span.start) is None:
            return partial
        if stated.day is None or stated.month is None or stated.literal is not None or stated.unit is not None:
            continue
        if stated.year is None and partial.year is not None:  # "Diwali falls on 1 November this year"
            stated = replace(stated, year=partial.year)
        cue = governing_cue(text, after.span, context.sentence, language=context.language)
        day = resolve_value(stated, published, replace(cue, endpoint=False)).start
        if day is None or not _near_holiday(key, day):
            return partial
        return replace(partial, holiday=None, year=day.year, month=day.month, day=day.day, direction=Direction.TENSE)
    return partial


def _near_holiday(key: str, day: dt.date) -> bool:
    """Whether ``day`` is within a few days of holiday ``key``'s day in its year or a year next to it."""
    for year in (day.year - 1, day.year, day.year + 1):
        table = holiday_date(key, year) if dt.MINYEAR < year < dt.MAXYEAR else None
        if table is not None and abs((table - day).days) <= _STATED_DAY_REACH:
            return True
    return False


_OVERNIGHT_RULES = ("overnight",)  # the tagging rules that find a night told from the story's day
_STORY_DAY_REACH = 7  # days before the publication date a dated day may be the story's day


@context_rule(stage=Stage.PARTIAL, domains=[Domain.NEWS])
def _overnight_before_story_day(context: Context, partial: PartialValue) -> PartialValue:
    """"Overnight" told in the past is the night before the story's day, the latest day dated in the week up to the
    report ("London shares closed lower Friday ... depressed by overnight losses in New York": Thursday night, not
    the publication night); after an evening or a night dated so, that night ("called on Saturday night.
    Overnight, the crowd grew"). With no such day it stays the publication night: a wire story filed in the
    evening tells of that night abroad as often as a morning paper of the night before. Told in the present or
    the future it is the coming night ("Temperatures will fall overnight")."""
    published, story = context.document.published, context.previous
    if (context.expression.rule not in _OVERNIGHT_RULES or published is None or context.cue.tense is not Tense.PAST
            or partial.literal is not None or partial.unit is not Granularity.DAY or partial.shift != 0):
        return partial
    if (not isinstance(story, Value) or story.granularity is None or story.granularity < Granularity.DAY
            or story.start is None or not 0 <= (published - story.start).days <= _STORY_DAY_REACH):
        return partial
    night = story.start if _after_dark(story) else days_after(story.start, -1)
    if night is None:
        return partial
    return replace(partial, unit=None, anchor=Anchor.CONTEXT, year=night.year, month=night.month, day=night.day)


_AFTER_DARK = re.compile(r"T(?:EV|NI|1[89]|2[0-4])")  # an evening or night, or a clock time from 18:00


def _after_dark(value: Value) -> bool:
    """Whether a time of day is in the evening or the night: the night that follows is that day's."""
    return value.granularity is not None and value.granularity > Granularity.DAY \
        and _AFTER_DARK.search(value.value) is not None


_START_LOOKBACK = 12  # characters before a weekday searched for the word that makes it a start


def _start_from(patterns: Patterns) -> tuple[re.Pattern[str], ...]:
    return compiled.named(patterns, "start_from_before", "start_from_after")


_TELLER_WORDS = 6  # words naming the teller before a reporting verb (", the city's transport authority said")
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")


def _told_before(text: str, end: int, stop: int, words: TenseWords) -> int | None:
    """Where a trailing clause that only says who told it opens (its comma) after an expression ending at ``end``
    (", the council said", ", according to officials"), up to ``stop``; None when no such clause follows."""
    comma = text.find(",", end, min(stop, end + _START_LOOKBACK))
    if comma < 0 or not words.reporting.words and not words.reporting.phrases:
        return None
    tail = [word.lower().replace("\u2019", "'") for word in _WORD.findall(text, comma + 1, stop)]
    if any(tuple(tail[:len(phrase.split())]) == tuple(phrase.split()) for phrase in words.reporting.phrases):
        return comma
    breaks = words.clause.breaks
    for word in tail[:_TELLER_WORDS + 1]:
        if word in words.reporting.words:
            return comma
        if word in breaks:  # ", and officials said ...": another clause, which may tell its own time
            return None
    return None


@context_rule(stage=Stage.PARTIAL, domains=[Domain.NEWS])
def _weekday_start_ahead(context: Context, partial: PartialValue) -> PartialValue:
    """A bare weekday a change starts from, closing its clause, with no past or future cue in it ("The new rules
    apply from Monday.", "Prices rise from Monday", "The shop is closed from Monday onwards"), is
    the next such day, or the publication day itself: a rule told in the present takes effect ahead. A clause
    after it that only says who told it ("Prices rise from Monday, the council said") leaves its tense as it is.
    Not told in the past ("Prices were cut from Monday", "Prices rose from Monday, the council said"), nor a
    source ("Footage from Monday shows") or a range ("from Monday to Friday")."""
    if partial.weekday is None:  # most expressions: before anything else is read
        return partial
    published, text, span = context.document.published, context.document.text, context.expression.span
    if published is None or not _bare_weekday(partial) or context.cue.tense is Tense.FUTURE:
        return partial
    before, after = _start_from(context.language.patterns)
    if before.search(text, max(0, span.start - _START_LOOKBACK), span.start) is None \
            or after.match(text, span.end, min(len(text), span.end + _START_LOOKBACK)) is None:
        return partial
    tense: Tense = context.cue.tense
    if tense is Tense.PAST:  # "Prices rise from Monday, the council said": the tense is the told clause's
        told = _told_before(text, span.end, context.sentence.end, context.language.tense)
        tense = tense if told is None else governing_cue(text, span, Span(context.sentence.start, told),
                                                         language=context.language).tense
    if tense not in (Tense.NONE, Tense.PRESENT):
        return partial
    day = days_after(published, (partial.weekday - published.isoweekday()) % 7)
    return partial if day is None else replace(partial, year=day.year, month=day.month, day=day.day)


_MIDNIGHT_END = 24  # TimeML writes the midnight that ends a day as T24:00 ("midnight Friday" -> ...T24)
_HALF_DAY = 12


def _range_end_day(start: dt.date, start_hour: int, end: PartialValue) -> tuple[dt.date | None, int | None]:
    """The day and hour of a clock time ending a range that starts at ``start_hour`` on ``start``: the same day,
    the day's end for midnight, the next day when it comes before the start (not a 12-hour end read later by
    _afternoon_range_end: "from 12:30 Friday to 3:30")."""
    hour = end.hour
    if hour is None:
        return None, None
    if hour == 0 and not end.minute:
        return start, _MIDNIGHT_END
    if hour >= start_hour or (hour < _HALF_DAY and start_hour < hour + _HALF_DAY):
        return start, hour
    return days_after(start, 1), hour


@context_rule(stage=Stage.PARTIAL, domains=[Domain.NEWS])
def _range_end_on_start_day(context: Context, partial: PartialValue) -> PartialValue:
    """A clock time ending a range whose start names its day is on that day: "from 6am Monday until 5pm", "from
    9pm on Saturday until midnight" (the day's end, T24:00), or the next when it comes earlier ("from 11pm Friday
    to 2am"); not a later day the start's weekday would give it read alone. News only: a history's start may be
    no mention of the story (an aside), so its day is not known here."""
    if partial.hour is None or not _is_bare_clock(partial) or context.index == 0:
        return partial
    before = context.expressions[context.index - 1]
    if before.partial.hour is None or _is_bare_clock(before.partial) or \
            _range_gap(context.language.patterns).fullmatch(context.document.text, before.span.end,
                                                            context.expression.span.start) is None:
        return partial
    start = context.mentions.ending_at(before.span.end)
    if start is None or start.type is not TimexType.TIME or start.start is None:
        return partial
    day, hour = _range_end_day(start.start, before.partial.hour, partial)
    if day is None:
        return partial
    return replace(partial, year=day.year, month=day.month, day=day.day, hour=hour, anchor=Anchor.CONTEXT)


@context_rule(stage=Stage.PARTIAL)
def _day_of_clock(context: Context, partial: PartialValue) -> PartialValue:
    """A clock time with no day of its own takes the day a neighbour in its sentence names: the next expression
    when it follows closely ("a 1 p.m. kickoff on Sept. 17", "10:35 a.m. (0735 GMT) Friday"), else the nearest
    one before it ("On Friday the blast came at 10:35 a.m.")."""
    if not _is_bare_clock(partial):
        return partial
    in_order, index, sentence = context.expressions, context.index, context.sentence
    here = in_order[index].span
    neighbours: list[Expression] = []
    if index + 1 < len(in_order):
        after = in_order[index + 1]
        if after.span.start < sentence.end and after.span.start - here.end <= _CLOCK_REACH:
            neighbours.append(after)
    for before in reversed(in_order[max(0, index - _CLOCK_LOOKBACK):index]):
        if before.span.start < sentence.start:
            break
        neighbours.append(before)
    for neighbour in neighbours:
        day = neighbour.partial
        if day.literal is None and (day.day is not None or day.weekday is not None or day.holiday is not None
                                    or (day.unit is Granularity.DAY and day.month is None)):
            return replace(partial, **{name: getattr(day, name) for name in _DAY_FIELDS})
    return partial


_BARE_CLOCK = re.compile(r"\d{1,2}:\d\d")  # "3:30": no meridiem, no zone written


@context_rule(stage=Stage.PARTIAL)
def _afternoon_range_end(context: Context, partial: PartialValue) -> PartialValue:
    """The end of a range of clock times written without a.m. or p.m. comes after its start within twelve hours:
    "from 12:30 to 3:30" ends at 15:30, "9:00 - 5:00" at 17:00; "22:00 - 2:00" runs overnight and stays 2:00."""
    end = partial.hour
    if end is None or end >= 12 or context.index == 0 or not _BARE_CLOCK.fullmatch(context.expression.text):
        return partial
    before = context.expressions[context.index - 1]
    start = before.partial.hour
    gap = _range_gap(context.language.patterns)
    if start is None or not end < start < end + 12 or \
            gap.fullmatch(context.document.text, before.span.end, context.expression.span.start) is None:
        return partial
    return replace(partial, hour=end + 12)


@context_rule(stage=Stage.PARTIAL)
def _overnight_range_end(context: Context, partial: PartialValue) -> PartialValue:
    """A range of clock times whose end comes before its start runs past midnight: "from 11pm to 1:30" ends on the
    next day. Only an end on the anchor's day or a day counted from it ("tonight") is moved."""
    end = partial.hour
    if end is None or context.index == 0 or partial.literal is not None \
            or partial.unit not in (None, Granularity.DAY) or any(getattr(partial, name) is not None
                                                                  for name in _DATE_FIELDS):
        return partial
    before = context.expressions[context.index - 1]
    start = before.partial.hour
    gap = _range_gap(context.language.patterns)
    if start is None or end >= start or before.partial.literal is not None or \
            gap.fullmatch(context.document.text, before.span.end, context.expression.span.start) is None:
        return partial
    if end == 0 and not partial.minute:  # "from 10pm to midnight": the end of the start's day
        return replace(partial, hour=_MIDNIGHT_END)
    return replace(partial, unit=Granularity.DAY, shift=partial.shift + 1)


@context_rule(stage=Stage.PARTIAL)
def _weekly_hours(context: Context, partial: PartialValue) -> PartialValue:
    """Opening hours recur ("Mon–Fri 9:00–17:00", "Open daily 10am-6pm"): their days and times are SETs
    (chrono/resolve/weekly_hours.py), not this week's Monday and today's 9:00."""
    return recurring_hours(context.expressions, context.index, context.document.text, context.language.patterns,
                           partial)


@context_rule(stage=Stage.PARTIAL, domains=[Domain.NARRATIVE])
def _weekday_after_story_day(context: Context, partial: PartialValue) -> PartialValue:
    """A history told in the simple past moves on: a bare weekday after a day it has dated is that day or the next
    such day ("On 14 August 1415 Henry sailed. On Friday he landed": the 18th; "described Thursday's killing"
    after Thursday's date: that day), not one before it, as news counts back from its publication date. A past
    perfect looks back (words.toml [story_looking_back]: "On Friday he had landed"); days listed in the sentence
    of the dated one keep the news reading ("ran from 12:30 to 3:30 on Friday, and from 9:00 on Monday")."""
    p, previous = partial, context.previous
    if (p.weekday is None or p.month is not None or p.day is not None or p.week is not None or p.weekend
            or p.unit is not None or p.year is not None or p.literal is not None or p.direction is not Direction.TENSE
            or context.cue.tense is not Tense.PAST or not isinstance(previous, Value)
            or previous.granularity is None or previous.granularity < Granularity.DAY
            or context.mentions.last_end > context.sentence.start):  # a list of days in one sentence: either way
        return partial
    looking_back = context.language.words.tables.get("story_looking_back", {})
    words = context.document.text[context.sentence.start:context.sentence.end].lower().split()
    if previous.start is None or any(word.strip(",;:") in looking_back for word in words):
        return partial
    day = days_after(previous.start, (p.weekday - previous.start.isoweekday()) % 7)  # the day itself counts
    return partial if day is None else replace(partial, year=day.year, month=day.month, day=day.day)


def _weekday_range_gap(patterns: Patterns) -> re.Pattern[str]:
    return compiled.gap(patterns, "weekday_range_gap")


def _bare_weekday(p: PartialValue) -> bool:
    return (p.weekday is not None and p.literal is None and p.year is None and p.month is None and p.day is None
            and p.week is None and p.unit is None and p.shift == 0 and not p.weekend and not p.week_of
            and p.direction is Direction.TENSE)


def _weekday_range_end(context: Context, before: int) -> Expression | None:
    """The weekday ending a range that the weekday at ``before`` starts ("Tuesday to Friday"), if there is one."""
    in_order = context.expressions
    if before + 1 >= len(in_order):
        return None
    start, end = in_order[before], in_order[before + 1]
    # days alone: a clock time's range ("6-8pm on Friday", "Tues-Wed 9:00am") is a day's, not a run of days
    if (not _bare_weekday(start.partial) or end.partial.weekday is None or end.partial.literal is not None
            or start.partial.hour is not None or end.partial.hour is not None):
        return None
    gap = _weekday_range_gap(context.language.patterns)
    return end if gap.fullmatch(context.document.text, start.span.end, end.span.start) else None


@context_rule(stage=Stage.PARTIAL)
def _weekday_range_after_start(context: Context, partial: PartialValue) -> PartialValue:
    """A range of weekdays ends on or after its start: the end is the first such day from the start ("closed from
    Tuesday to Friday", written on a Thursday, is next week's Tuesday to Friday, not Tuesday to tomorrow)."""
    index = context.index
    if (index == 0 or partial.weekday is None or not _bare_weekday(partial)
            or _weekday_range_end(context, index - 1) is not context.expression):
        return partial
    start = context.mentions.ending_at(context.expressions[index - 1].span.end)
    if start is None or start.start is None or start.start != start.end:
        return partial
    day = days_after(start.start, (partial.weekday - start.start.isoweekday()) % 7 or 7)
    return partial if day is None else replace(partial, year=day.year, month=day.month, day=day.day)


@context_rule(stage=Stage.PARTIAL, domains=[Domain.NEWS])
def _weekday_range_start_before_end(context: Context, partial: PartialValue) -> PartialValue:
    """A range of weekdays whose end says its week ("Monday until Thursday last week"), or that is told in the past
    and so is over, starts on the latest such day before its end ("was closed Tuesday to Friday", written on a
    Thursday, ran from last week's Tuesday to its Friday)."""
    end = _weekday_range_end(context, context.index)
    published = context.document.published
    if end is None or published is None or partial.weekday is None:
        return partial
    cue = governing_cue(context.document.text, end.span, context.sentence, language=context.language)
    if _bare_weekday(end.partial) and cue.tense is not Tense.PAST:
        return partial
    # the range's end is no deadline ("ran Friday through Sunday" is not "suspended until Sunday")
    last = resolve_value(end.partial, published, replace(cue, endpoint=False)).start
    if last is None:
        return partial
    day = days_after(last, -((last.isoweekday() - partial.weekday) % 7 or 7))
    return partial if day is None else replace(partial, year=day.year, month=day.month, day=day.day)


def _is_bare_clock(p: PartialValue) -> bool:
    """A time of day with nothing that says which day ("at 3 p.m.", "4 in the morning")."""
    return (p.literal is None and (p.hour is not None or p.part_of_day is not None) and p.unit is None
            and p.shift == 0 and not p.weekend and all(getattr(p, name) is None for name in _DATE_FIELDS))


_CENTURY = 100  # years


@context_rule(stage=Stage.PARTIAL, domains=[Domain.NARRATIVE])
def _century_of_story(context: Context, partial: PartialValue) -> PartialValue:
    """A year or decade written with two digits ("the Club of '89", "in May '68", "the '60s") is the one of that
    name nearest the story's time: in a history of 1790 '89 is 1789, in one of 1872 the '60s the 1860s, not the
    publication's or the default century."""
    told = context.previous or context.mentions.last
    if not partial.short_year or told is None or told.start is None or partial.literal is not None:
        return partial
    if partial.decade is not None and partial.year is None:
        first = _nearest_of_name(partial.decade % 10 * 10, told.start.year, 10)
        return replace(partial, decade=first // 10) if first is not None else partial
    if partial.year is not None and partial.decade is None:
        year = _nearest_of_name(partial.year % _CENTURY, told.start.year, 1)
        return replace(partial, year=year) if year is not None else partial
    return partial


def _nearest_of_name(digits: int, year: int, length: int) -> int | None:
    """The first year of the period of ``length`` years whose last two digits are ``digits``, nearest ``year``."""
    first = year - year % _CENTURY + digits
    candidates = (first - _CENTURY, first, first + _CENTURY)
    nearest = min(candidates, key=lambda start: (abs(start + length // 2 - year), start))
    return nearest if 0 < nearest <= 9999 - length + 1 else None


_TURN_RULE = "century_turn"  # the tagging rule of "the turn of the century" (chrono/lang/<code>/rules.toml)


@context_rule(stage=Stage.PARTIAL, domains=[Domain.NARRATIVE])
def _turn_of_story_century(context: Context, partial: PartialValue) -> PartialValue:
    """"The turn of the century" is the century turning nearest the story's time: in a history of the 1890s the
    1900s begin, as in one of the 1900s."""
    if context.expression.rule != _TURN_RULE:
        return partial
    told = context.previous.start if context.previous is not None else context.document.published
    return replace(partial, shift=1) if told is not None and told.year % _CENTURY >= _CENTURY // 2 else partial
