"""Context rules: what the text around an expression changes in how it is resolved, registered by name.

The document walk (chrono/resolve/walk.py) resolves expressions in text order; at five points it asks the rules
registered for the document's domain, in the order they were registered:

- ``expressions``: rewrite the document's expressions before the walk ("five days after the fall of Girona");
- ``partial``: complete an expression's partial value from its neighbours ("from May to August 1943");
- ``anchor``: the anchor to resolve against, when a rule knows better than the publication date (the first
  rule with an answer wins);
- ``aside``: whether a resolved value stays out of the mentions later expressions anchor on (any rule);
- ``absent``: whether an expression names no time where it stands, so it is left out (any rule).

A rule is a function decorated with ``@context_rule(stage=..., domains=...)``, registered under its name. Its
examples, texts with the values the rule gives their phrases, are language data: chrono/lang/<code>/context.toml
names the rule each example is for, and tests/test_context_rules.py checks that every rule has examples, that
each gives its values, and that they change without the rule. Adding a rule is this file and its examples.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache
from typing import Any, NamedTuple, TypeVar

from chrono.calendar.era import bc_granularity
from chrono.calendar.intervals import days_after
from chrono.lang import Language
from chrono.lang.sections import Patterns
from chrono.model import Anchor, Direction, Document, Domain, Expression, Granularity, PartialValue, Span, Tense, Value
from chrono.resolve.line_stamps import without_line_stamps
from chrono.resolve.tense import TenseCue, governing_cue
from chrono.resolve.value import resolve_value, same_period_years_away, sub_year_kind
from chrono.resolve.weekly_hours import recurring_hours
from chrono.resolve.year_pairs import join_year_pairs
from chrono.tag.anchored import anchored_amounts
from chrono.tag.early_years import early_years
from chrono.tag.surroundings import is_aside, names_no_time

__all__ = ["Context", "ContextRule", "Mentions", "Stage", "context_rule", "paragraph_breaks", "rules", "rules_for"]

PARAGRAPH_BREAK = "\n\n"
_CLOCK_LOOKBACK = 8  # expressions before a clock time searched for its day (bounds work in run-on text)
_CLOCK_REACH = 30  # characters from a clock time to the day named after it ("1 p.m. kickoff on Sept. 17")
_DATE_FIELDS = ("century", "decade", "year", "half", "quarter", "season", "month", "week", "day", "weekday",
                "holiday")
_COARSE_TO_FINE = tuple(Granularity)  # iterating the enum class itself costs a generator per mention
_NAMED_PERIODS = (Granularity.QUARTER, Granularity.HALF)  # periods a business report names and then calls "the"
# what a clock time takes from the expression that names its day
_DAY_FIELDS = ("year", "month", "week", "day", "weekday", "holiday", "shift", "unit", "anchor", "direction")


class Stage(StrEnum):
    """Where in the walk a rule is asked (see the module docstring)."""

    EXPRESSIONS = "expressions"
    PARTIAL = "partial"
    ANCHOR = "anchor"
    ASIDE = "aside"
    ABSENT = "absent"


@dataclass(frozen=True)
class ContextRule:
    name: str
    stage: Stage
    domains: frozenset[Domain]
    apply: Callable[..., Any]


_RULES: dict[str, ContextRule] = {}
_Function = TypeVar("_Function", bound=Callable[..., Any])


def context_rule(*, stage: Stage, domains: Sequence[Domain] = tuple(Domain)) -> Callable[[_Function], _Function]:
    """Register the decorated function, under its name without the leading underscore, as a context rule."""

    def register(function: _Function) -> _Function:
        name = function.__name__.lstrip("_")
        if name in _RULES:
            raise ValueError(f"context rule {name!r} is registered twice")
        _RULES[name] = ContextRule(name, stage, frozenset(domains), function)
        return function

    return register


def rules() -> Mapping[str, ContextRule]:
    """Every registered rule by name, in registration order."""
    return _RULES


def rules_for(domain: Domain, stage: Stage) -> tuple[ContextRule, ...]:
    return tuple(rule for rule in _RULES.values() if domain in rule.domains and rule.stage is stage)


class Mentions:
    """The dated mentions so far, indexed so that each lookup costs the same however many came before (a text
    of 10,000 BC years or bare years must not walk them all for each expression)."""

    def __init__(self) -> None:
        self._latest_at_least: dict[Granularity, Value] = {}  # the latest mention at least this fine
        self._latest_named: dict[Granularity, Value] = {}  # the latest quarter or half named as one
        self._year_written: set[int] = set()  # ids of the mentions whose year the text wrote
        self._kept: list[Value] = []  # keeps every mention alive, so that its id is never reused
        self.last_two: list[Value] = []
        self.last_end = 0  # where the latest mention ends in the text
        self._by_end: dict[int, Value] = {}  # each mention by where its expression ends

    def add(self, value: Value, end: int, *, year_written: bool, named: bool = True) -> None:
        """``named``: a period the story names, not one counted back from it ("the year-earlier quarter")."""
        granularity = value.granularity if value.granularity is not None else bc_granularity(value)
        if granularity is not None:
            for coarser in _COARSE_TO_FINE:
                if coarser > granularity:
                    break
                self._latest_at_least[coarser] = value
            if named and granularity in _NAMED_PERIODS:
                self._latest_named[granularity] = value
        if year_written:
            self._year_written.add(id(value))
        self._kept.append(value)
        self.last_two = [*self.last_two[-1:], value]
        self.last_end = end
        self._by_end[end] = value

    def ending_at(self, end: int) -> Value | None:
        """The mention whose expression ends at ``end``, if it was one."""
        return self._by_end.get(end)

    @property
    def last(self) -> Value | None:
        return self.last_two[-1] if self.last_two else None

    def latest(self, needed: Granularity) -> Value | None:
        """The latest mention at least as fine as ``needed``; else the latest mention. "The quarter" is the one a
        report last named, not the quarter of a month told since ("for the quarter ended Sept. 29 ... introduced
        in April ... shipped in the quarter")."""
        if needed in _NAMED_PERIODS and (named := self._latest_named.get(needed)) is not None:
            return named
        return self._latest_at_least.get(needed) or self.last

    def wrote_year(self, value: dt.date | Value | None) -> bool:
        return isinstance(value, Value) and id(value) in self._year_written


class Context(NamedTuple):
    """What a rule sees of one expression: its document, its neighbours, its sentence and governing tense, and
    the mentions before it (``previous``: the latest one fine enough to anchor it).

    A named tuple: immutable like a frozen dataclass, and made in a sixth of its time (the walk makes one per
    expression)."""

    document: Document
    expressions: Sequence[Expression]  # the document's, in text order
    index: int  # type: ignore[assignment]  # the field hides tuple.index(), which no rule needs
    sentence: Span
    cue: TenseCue
    previous: Value | None
    mentions: Mentions
    language: Language
    paragraph_breaks: Sequence[int]  # where each paragraph break of the text starts, in order

    @property
    def expression(self) -> Expression:
        return self.expressions[self.index]

    def paragraph_break_between(self, start: int, end: int) -> bool:
        """Whether a paragraph break lies wholly in text[start:end] (a bisection, not a scan of the text)."""
        at = bisect_left(self.paragraph_breaks, start)
        return at < len(self.paragraph_breaks) and self.paragraph_breaks[at] + len(PARAGRAPH_BREAK) <= end


def paragraph_breaks(text: str) -> list[int]:
    """Where each paragraph break of ``text`` starts, for Context.paragraph_break_between."""
    breaks, at = [], text.find(PARAGRAPH_BREAK)
    while at >= 0:
        breaks.append(at)
        at = text.find(PARAGRAPH_BREAK, at + 1)
    return breaks


# --- expressions ---------------------------------------------------------------------------------------------

@context_rule(stage=Stage.EXPRESSIONS, domains=[Domain.NARRATIVE])
def _amount_after_event(document: Document, expressions: list[Expression], language: Language) -> list[Expression]:
    """A history dates "five days after the fall of Girona" from the event just dated (chrono/tag/anchored.py);
    news keeps "five days" a duration."""
    return anchored_amounts(document.text, expressions, language=language)


@context_rule(stage=Stage.EXPRESSIONS, domains=[Domain.NARRATIVE])
def _early_years(document: Document, expressions: list[Expression], language: Language) -> list[Expression]:
    """A history's years of three digits ("in 793", "until 924", "25 December 800"; chrono/tag/early_years.py);
    elsewhere such a number is most often a count."""
    return early_years(document.text, expressions, language=language)


@context_rule(stage=Stage.EXPRESSIONS, domains=[Domain.NEWS])
def _line_stamps(document: Document, expressions: list[Expression], language: Language) -> list[Expression]:
    """A live page's line stamps ("1410 Reports from ...") are times of day, not years
    (chrono/resolve/line_stamps.py); a history's lines may open with years."""
    return without_line_stamps(expressions, document.text)


@context_rule(stage=Stage.EXPRESSIONS, domains=[Domain.NEWS])
def _joined_year_pairs(document: Document, expressions: list[Expression], language: Language) -> list[Expression]:
    """News names an academic or fiscal year by a pair ("2011-12"): one expression (chrono/resolve/year_pairs.py);
    histories write such a pair for two years."""
    return join_year_pairs(expressions, document.text)


# --- partial values ------------------------------------------------------------------------------------------

@cache
def _range_gap(patterns: Patterns) -> re.Pattern[str]:
    """What joins the two ends of a range: "21 March - 21 June 1952", "May to August 1943"."""
    return re.compile(rf"\s*(?:{patterns['range_gap']})\s*", re.IGNORECASE)


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
    value = resolve_value(end.partial, context.document.published, cue.tense, firm=cue.firm, leaning=cue.leaning,
                          endpoint=cue.endpoint)
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


@cache
def _weekday_range_gap(patterns: Patterns) -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{patterns['weekday_range_gap']})\s*", re.IGNORECASE)


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
    joined = _weekday_range_gap(context.language.patterns).fullmatch(context.document.text, start.span.end,
                                                                      end.span.start)
    # days alone: a clock time's range ("6-8pm on Friday", "Tues-Wed 9:00am") is a day's, not a run of days
    return end if joined and _bare_weekday(start.partial) and end.partial.weekday is not None \
        and end.partial.literal is None and start.partial.hour is None and end.partial.hour is None else None


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
    last = resolve_value(end.partial, published, cue.tense, firm=cue.firm, leaning=cue.leaning).start
    if last is None:
        return partial
    day = days_after(last, -((last.isoweekday() - partial.weekday) % 7 or 7))
    return partial if day is None else replace(partial, year=day.year, month=day.month, day=day.day)


def _is_bare_clock(p: PartialValue) -> bool:
    """A time of day with nothing that says which day ("at 3 p.m.", "4 in the morning")."""
    return (p.literal is None and (p.hour is not None or p.part_of_day is not None) and p.unit is None
            and p.shift == 0 and not p.weekend and all(getattr(p, name) is None for name in _DATE_FIELDS))


# --- anchors -------------------------------------------------------------------------------------------------

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
    return re.compile(rf"\s*(?:,|{patterns['range_gap']})?\s*", re.IGNORECASE)


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
