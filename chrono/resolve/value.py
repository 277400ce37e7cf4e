"""Resolve a value: PartialValue + anchor + tense -> Value, a pure function (no document, no domain).

A partial value either carries a literal TIMEX3 string or calendar/relative fields. Fields that are set are
fixed; coarser missing ones come from the anchor: the period of ``unit`` around the anchor moved by ``shift``
when a unit is given, else the *cycle* (year for months, week for weekdays, month for a bare day of the month)
that holds the anchor, stepped back or forward by ``direction`` and the governing tense. Which anchor an
expression gets is the document walk's business (chrono/resolve/walk.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from chrono.calendar.era import bc_period_value, resolve_in_bc
from chrono.calendar.holidays import holiday_date
from chrono.calendar.intervals import (
    OutOfCalendar,
    add_days,
    calendar_suffix,
    day_in_month,
    format_year,
    interval_of,
    period_bounds,
    period_start,
    period_value,
    season_bounds,
    shift_period,
)
from chrono.model import Anchor, Direction, Granularity, PartialValue, Tense, TimexType, Value
from chrono.resolve.tense import TenseCue

__all__ = ["needed_granularity", "resolve_value", "same_period_years_away", "sub_year_kind"]

_MAX_STEPS = 8  # enough to pass from one Feb 29 to the next
# A month or date the tense rules out must be this many times closer to win (_nearest). Future cues ("will",
# "would") are reliable; past cues (any -ed word in the clause) much less: tuned on TimeBank+AQUAINT.
_AFTER_PAST = 5.0
_AFTER_PAST_COARSE = 20.0
_BEFORE_FUTURE = 20.0
_LEANING = _AFTER_PAST  # a leaning cue weighs the other side as a past cue weighs a later day
# A weekday set as an end point ("were suspended until Friday"): the nearest such day, leaning ahead.
_END_POINT = TenseCue(Tense.FUTURE, leaning=True)
_RULED_OUT = float("inf")  # the distance of a period on the side a firm cue rules out
# A narrative steps back a few months to fill in; a bare month eight or more months before a dated month it was
# just telling is the next one ("December 16, 1944 ... by January"). WikiWars: 33 of 37 backward steps of up
# to four months stay in the year; of the longer ones most move on, but only after a written year is the
# gain clear (4 right, 1 wrong; from an inferred year 3 more go wrong).
_NARRATIVE_BACKTRACK_MONTHS = 8
_YEAR_PARTS = (Granularity.QUARTER, Granularity.HALF)
_COMPARABLE = (Granularity.YEAR, *_YEAR_PARTS)  # what a comparison with "a year earlier" can name again
_YEARS_IN = {Granularity.YEAR: 1, Granularity.DECADE: 10, Granularity.CENTURY: 100, Granularity.MILLENNIUM: 1000}
# What a sub-year field's missing parts are counted in.
_CYCLE_OF = {"weekday": Granularity.WEEK, "monthday": Granularity.MONTH}


@dataclass(frozen=True, slots=True)
class _Reference:
    """The anchor as the resolver needs it: a day (None when unknown) and how precisely it is known."""

    day: dt.date | None
    granularity: Granularity
    from_mention: bool
    year_written: bool = False  # a mention whose year the text wrote ("December 16, 1944"), not one inferred

    @classmethod
    def of(cls, anchor: dt.date | Value | None, year_written: bool = False) -> _Reference:
        if anchor is None:
            return cls(None, Granularity.DAY, False)
        if isinstance(anchor, Value):
            granularity = anchor.granularity if anchor.granularity is not None else Granularity.DAY
            return cls(anchor.start, granularity, True, year_written)
        return cls(anchor, Granularity.DAY, False)


@dataclass(frozen=True, slots=True)
class _Period:
    value: str
    start: dt.date
    end: dt.date
    granularity: Granularity


def resolve_value(partial: PartialValue, anchor: dt.date | Value | None, cue: TenseCue | Tense = Tense.NONE,
                  *, previous: Value | None = None, year_written: bool = False) -> Value:
    """Pure: the value of ``partial`` against ``anchor`` (publication date or a mentioned value).

    ``previous`` is the latest earlier mention; partial values anchored on PREVIOUS use it when given.
    ``year_written`` says the mentioned anchor wrote its year (a history may then move on past it).
    ``cue`` is the governing tense, or the whole TenseCue: whether the cue is in the expression's own clause
    (``firm``: the side it rules out is never chosen), only leans to its side, or makes an end point.
    With no usable anchor, unknown digits are written as X ("XXXX-03-02"), as are those of a period past
    year 9999 or near the calendar's ends (a week running into year 10000); years before Christ counted
    from an AD anchor are written as BC values ("25 centuries ago" -> BC04), which have no interval.
    """
    if partial.literal is not None:
        return _literal(partial)
    try:
        return _resolved(partial, anchor, previous, year_written, cue if isinstance(cue, TenseCue) else TenseCue(cue))
    except OutOfCalendar:
        return _value(partial, _unknown(partial), None)


def _resolved(partial: PartialValue, anchor: dt.date | Value | None, previous: Value | None,
              year_written: bool, cue: TenseCue) -> Value:
    chosen = previous if partial.anchor is Anchor.PREVIOUS and previous is not None else anchor
    if chosen is previous and _holds_day_of(previous, anchor) and _time_of_day_only(partial):
        chosen = anchor  # "This week was fun. Karaoke night": the evening of the day the week holds
    if isinstance(chosen, Value) and (in_bc := resolve_in_bc(partial, chosen)) is not None:
        return _value(partial, in_bc, None)
    if (same := same_period_years_away(partial, previous, anchor)) is not None:
        return _value(partial, same.value, same)
    reference = _Reference.of(chosen, year_written)
    date_value = _date_part(partial, reference, cue)
    if isinstance(date_value, str):
        return _value(partial, date_value + _unknown_day_time(partial, date_value), None)
    if partial.week_of and date_value.granularity == Granularity.DAY:
        week = _period(date_value.start, Granularity.WEEK)
        return _value(partial, week.value, week)
    if partial.weekend_of and date_value.granularity == Granularity.DAY:
        weekend = _weekend_adjoining(date_value.start)
        return _value(partial, weekend.value, weekend)
    return _with_time(partial, date_value)


def _unknown_day_time(p: PartialValue, day: str) -> str:
    """The clock time or part of day of a day known only in part ("19:00" after "October 1950": T19:00 after
    1950-10-XX); nothing for a coarser value."""
    if day.count("-") != 2 or "W" in day or "T" in day:
        return ""
    if p.hour is not None:
        return f"T{p.hour:02d}:{p.minute or 0:02d}" + (f":{p.second:02d}" if p.second is not None else "")
    return f"T{p.part_of_day}" if p.part_of_day else ""


def _holds_day_of(mention: Value | None, anchor: dt.date | Value | None) -> bool:
    """Whether a mention coarser than a day (a week, a month), where no time of day can be placed, holds the
    anchor's day."""
    day = anchor.start if isinstance(anchor, Value) else anchor
    if anchor is None or day is None or mention is None or mention.start is None or mention.end is None:
        return False
    coarse = mention.granularity is not None and mention.granularity < Granularity.DAY
    return coarse and mention.start <= day <= mention.end


def _time_of_day_only(p: PartialValue) -> bool:
    """A clock time or a part of the day with nothing that names its day ("the evening", "at 3 p.m.")."""
    return (p.literal is None and (p.hour is not None or p.part_of_day is not None) and p.unit is None
            and p.shift == 0 and not p.weekend and p.year is None and sub_year_kind(p) is None)


def same_period_years_away(partial: PartialValue, previous: Value | None,
                            anchor: dt.date | Value | None) -> _Period | None:
    """"a year earlier" or "a year ago" right after "the third quarter": that quarter, a year away; "the 1988
    period" right after it: that quarter of 1988.

    Business news compares a period with the same period of an earlier year (TimeBank: "a year earlier",
    "a year ago" -> 1988-Q3). "last year" names a calendar year: on TimeBank that reading wins. A comparison
    counted from the publication date right after a period of the year before names that period again ("in the
    1988 period. The year-ago results..." -> 1988): news never chains the comparison back another year.
    """
    if (not (partial.anchor is Anchor.PREVIOUS or partial.distance) or previous is None or previous.start is None
            or previous.granularity not in _COMPARABLE):
        return None  # the one test every comparison passes: most expressions leave here (asked twice per mention)
    try:
        return _compared_period(partial, previous, anchor)
    except OutOfCalendar:
        return None


def _compared_period(p: PartialValue, previous: Value | None, anchor: dt.date | Value | None) -> _Period | None:
    if _repeats_comparison(p, previous, anchor):
        assert previous is not None and previous.start is not None and previous.granularity is not None
        return _period(previous.start, previous.granularity)
    if p.year is not None:  # "the 1988 period" after "the third quarter": that quarter of 1988
        if (p.anchor is not Anchor.PREVIOUS or previous is None or previous.start is None
                or previous.granularity not in _YEAR_PARTS):
            return None
        return _period(shift_period(previous.start, Granularity.YEAR, p.year - previous.start.year),
                       previous.granularity)
    if (not (p.anchor is Anchor.PREVIOUS or p.distance) or p.unit != Granularity.YEAR or p.shift == 0
            or sub_year_kind(p) is not None or previous is None or previous.start is None
            or previous.granularity not in _YEAR_PARTS):
        return None
    if p.distance and p.anchor is not Anchor.PREVIOUS:
        # deictic "a year ago" compares with a period already over ("profit in the third quarter ... a year ago"),
        # never with one still to come ("will open in the first half of 2027 ... two years ago")
        today = anchor.start if isinstance(anchor, Value) else anchor
        if p.shift != -1 or today is None or previous.end is None or previous.end > today:
            return None
    return _period(shift_period(previous.start, Granularity.YEAR, p.shift), previous.granularity)


def _repeats_comparison(p: PartialValue, previous: Value | None, anchor: dt.date | Value | None) -> bool:
    """"a year earlier" or "year-ago" anchored on a publication date (not a mention), right after a period of the
    year before it."""
    return (isinstance(anchor, dt.date) and previous is not None and previous.start is not None
            and p.anchor is Anchor.PREVIOUS and p.distance and p.unit == Granularity.YEAR and p.shift == -1
            and sub_year_kind(p) is None and previous.start.year == anchor.year - 1
            and previous.granularity in _COMPARABLE)


def _literal(partial: PartialValue) -> Value:
    interval = interval_of(partial.literal or "")
    if partial.type in (TimexType.DURATION, TimexType.SET):
        interval = None
    start, end, granularity = interval or (None, None, None)
    return Value(partial.literal or "", partial.type, partial.mod, start, end, granularity, partial.quant,
                 partial.freq)


def _value(partial: PartialValue, text: str, period: _Period | None, kind: TimexType | None = None) -> Value:
    if period is None:
        start, end, granularity = interval_of(text) or (None, None, None)
    else:
        start, end, granularity = period.start, period.end, period.granularity
    return Value(text, kind or partial.type, partial.mod, start, end, granularity, partial.quant, partial.freq)


def _with_time(partial: PartialValue, period: _Period) -> Value:
    """Append a part of day or a clock time to a day; coarser periods keep no time."""
    if period.granularity != Granularity.DAY:
        return _value(partial, period.value, period)
    if partial.hour is not None:
        clock = f"T{partial.hour:02d}:{partial.minute or 0:02d}"
        if partial.second is not None:
            clock += f":{partial.second:02d}"
        granularity = Granularity.SECOND if partial.second is not None else Granularity.MINUTE
        timed = _Period(period.value + clock, period.start, period.end, granularity)
        return _value(partial, timed.value, timed, TimexType.TIME)
    if partial.part_of_day:
        timed = _Period(f"{period.value}T{partial.part_of_day}", period.start, period.end, Granularity.PART_OF_DAY)
        return _value(partial, timed.value, timed, TimexType.TIME)
    return _value(partial, period.value, period)


# --- the date part -------------------------------------------------------------------------------------------

def _date_part(partial: PartialValue, reference: _Reference, cue: TenseCue) -> _Period | str:
    """The period the date fields name, or a TIMEX3 string with X digits when the anchor cannot tell."""
    p = partial
    if p.century is not None and p.decade is None and p.year is None:
        return _century(p.century)
    if p.decade is not None and p.year is None:
        return _decade(p.decade)
    if p.year is not None:
        return _in_year(p, p.year) or _unknown(p)
    kind = sub_year_kind(p)
    if kind is None:
        return _relative(p, reference)
    if reference.day is None:
        return _unknown(p)
    return _placed(p, kind, reference, cue) or _unknown(p)


def _century(century: int) -> str:
    return f"BC{-century:02d}" if century < 0 else f"{century:02d}"


def _decade(decade: int) -> str:
    return f"BC{-decade:03d}" if decade < 0 else f"{decade:03d}"


def sub_year_kind(p: PartialValue) -> str | None:
    """Which cycle a partial without a year repeats in, or None when it has no calendar field at all."""
    if p.weekend and p.month is None and p.day is None:
        return "weekday"  # placed by its Saturday
    if p.weekday is not None and p.month is None and p.day is None and p.week is None:
        return "weekday"
    if p.day is not None and p.month is None:
        return "monthday"
    if any(field is not None for field in (p.half, p.quarter, p.season, p.month, p.week, p.holiday)):
        return "year"
    if p.hour is not None or p.part_of_day is not None:
        return None  # "at 3 p.m.", "in the morning": the anchor's day
    return None


def _relative(p: PartialValue, reference: _Reference) -> _Period | str:
    """No calendar field: the period of ``unit`` that holds the anchor, moved by ``shift`` units."""
    unit = _unit(p)
    shift = p.shift
    if unit > Granularity.DAY:  # hours and minutes from a date: the day is all we know
        unit, shift = Granularity.DAY, 0
    if reference.day is None:
        return _unknown(p)
    if reference.from_mention and reference.granularity < unit and reference.granularity < Granularity.DAY:
        return _coarse_mention(reference, unit)
    if unit in _YEARS_IN and not 1 <= (year := reference.day.year + shift * _YEARS_IN[unit]) <= 9999:
        return bc_period_value(year, unit) if year < 1 else _unknown(p)  # "25 centuries ago"
    return _period(shift_period(reference.day, unit, shift), unit)


def _period(day: dt.date, granularity: Granularity) -> _Period:
    start, end = period_bounds(day, granularity)
    return _Period(period_value(day, granularity), start, end, granularity)


def _coarse_mention(reference: _Reference, unit: Granularity) -> str:
    """"that day" after "September 1939": the mention's digits, the finer ones unknown ("1939-09-XX")."""
    known = period_value(reference.day or dt.date.min, reference.granularity)
    if unit == Granularity.WEEK:
        return f"{known[:4]}-WXX"
    if reference.granularity == Granularity.YEAR:
        return known + {Granularity.MONTH: "-XX", Granularity.DAY: "-XX-XX"}.get(unit, "")
    if reference.granularity == Granularity.MONTH and unit == Granularity.DAY:
        return known + "-XX"
    return known


def _in_year(p: PartialValue, year: int) -> _Period | None:
    """The period the sub-year fields name inside ``year`` (the year itself when there are none); None for a
    year the calendar does not hold (before 1, or after 9999: "9999-11" read as 9999 to 10011)."""
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return None
    try:
        if p.holiday is not None:
            day = holiday_date(p.holiday, year)
            return _period(day, Granularity.DAY) if day else None
        if p.month is not None and p.day is not None:
            return _period(day_in_month(year, p.month, p.day, p.weekday if p.on_or_after else None), Granularity.DAY)
        if p.week is not None:
            monday = dt.date.fromisocalendar(year, p.week, 1)
            if p.weekday is not None:
                return _period(add_days(monday, p.weekday - 1), Granularity.DAY)
            return _Period(f"{year:04d}-W{p.week:02d}", monday, add_days(monday, 6), Granularity.WEEK)
        if p.month is not None:
            return _period(dt.date(year, p.month, 1), Granularity.MONTH)
        if p.season is not None:
            start, end = season_bounds(year, p.season)
            return _Period(f"{year:04d}-{p.season}", start, end, Granularity.SEASON)
        if p.quarter is not None:
            return _period(dt.date(year, 3 * p.quarter - 2, 1), Granularity.QUARTER)
        if p.half is not None:
            return _period(dt.date(year, 6 * p.half - 5, 1), Granularity.HALF)
    except (ValueError, KeyError):  # Feb 29 of a common year, week 53 of a short year, a bad field
        return None
    return _period(dt.date(year, 1, 1), Granularity.YEAR)


def _unit(p: PartialValue) -> Granularity:
    """The unit a relative value counts in; a day when none is given (a millennium is 0: never test it as a bool)."""
    return p.unit if p.unit is not None else Granularity.DAY


def _in_cycle(p: PartialValue, kind: str) -> Callable[[dt.date], _Period | None]:
    """A function from the first day of a cycle (year, month or week) to the period ``p`` names in it; it gives
    None for a period that runs past the calendar's ends."""
    named = _named_in_cycle(p, kind)

    def in_cycle(first: dt.date) -> _Period | None:
        try:
            return named(first)
        except OutOfCalendar:
            return None

    return in_cycle


def _named_in_cycle(p: PartialValue, kind: str) -> Callable[[dt.date], _Period | None]:
    if kind == "weekday" and p.weekend:
        return _weekend_of
    if kind == "weekday":
        weekday = p.weekday or 1

        def in_week(monday: dt.date) -> _Period:
            return _period(add_days(monday, weekday - 1), Granularity.DAY)

        return in_week
    if kind == "monthday":
        def in_month(first: dt.date) -> _Period | None:
            try:
                day = day_in_month(first.year, first.month, p.day or 1, p.weekday if p.on_or_after else None)
            except ValueError:  # the 31st of a 30-day month
                return None
            if p.weekday is not None and day.isoweekday() != p.weekday:
                return None  # "Sun 12th": a month whose 12th is a Sunday
            return _period(day, Granularity.DAY)

        return in_month
    if p.weekday is not None and p.month is not None and p.day is not None and not p.on_or_after:
        def in_year_on_weekday(first: dt.date) -> _Period | None:
            found = _in_year(p, first.year)  # "Friday, Oct. 13": a year whose Oct. 13 is a Friday
            return found if found is not None and found.start.isoweekday() == p.weekday else None

        return in_year_on_weekday
    return lambda first: _in_year(p, first.year)


def _weekend_adjoining(day: dt.date) -> _Period:
    """The weekend a holiday makes long: the one before a Monday holiday ("the Memorial Day weekend"), else the
    one of its ISO week (Easter Sunday's own, Thanksgiving Thursday's next)."""
    monday = add_days(day, -day.weekday())
    return _weekend_of(add_days(monday, -7) if day.weekday() == 0 else monday)


def _weekend_of(monday: dt.date) -> _Period:
    """The weekend of an ISO week ("2023-W09-WE"): its Saturday and Sunday."""
    saturday = add_days(monday, 5)
    year, week, _ = saturday.isocalendar()
    return _Period(f"{year:04d}-W{week:02d}-WE", saturday, add_days(saturday, 1), Granularity.WEEK)


def _placed(p: PartialValue, kind: str, reference: _Reference, cue: TenseCue) -> _Period | None:
    """Fill the missing coarser fields from the anchor's cycle, stepping it by direction and tense."""
    assert reference.day is not None
    tense = cue.tense
    cycle = _CYCLE_OF.get(kind, Granularity.YEAR)
    in_cycle = _in_cycle(p, kind)
    directional = p.direction in (Direction.PAST, Direction.FUTURE)
    if directional and kind == "weekday" and p.unit is Granularity.WEEK and p.shift:
        # "Tuesday week", "a week on Saturday": the next such day, moved on by whole weeks
        found = _placed(replace(p, unit=None, shift=0), kind, reference, cue)
        return in_cycle(period_start(add_days(found.start, 7 * p.shift), cycle)) if found is not None else None
    if p.unit is not None and not (directional and p.shift == 0):
        moved = shift_period(reference.day, p.unit, p.shift)
        return in_cycle(period_start(moved, cycle))
    first = period_start(reference.day, cycle)
    if p.holiday is not None and p.direction is Direction.TENSE and tense is Tense.PRESENT \
            and not reference.from_mention and (this_year := in_cycle(first)) is not None \
            and this_year.start >= reference.day:
        return this_year  # "Diwali is on 1 November", "Diwali falls on ...": this year's, while still to come
    if p.direction is Direction.TENSE and (kind != "weekday" or p.weekend) and not reference.from_mention:
        # a weekend holding the day is that one; midweek, the nearer ("I got long weekend" on a Thursday)
        return _nearest(in_cycle, first, cycle, reference.day, cue)
    if p.direction is Direction.TENSE and cue.endpoint and not reference.from_mention:
        # "were suspended until Friday" on a Tuesday: the Friday to come; on a Saturday, the day before
        return _nearest(in_cycle, first, cycle, reference.day, _END_POINT)
    if (p.direction is Direction.TENSE and kind == "weekday" and p.hour is not None and cue.tense is Tense.NONE
            and not reference.from_mention):
        # a day and a clock time told with no verb is a schedule's entry, not a report ("brunch sat 11am" on a
        # Wednesday): the nearer such day
        return _nearest(in_cycle, first, cycle, reference.day, cue)
    step = _step(p, kind, reference, tense)
    candidate = in_cycle(first)
    if kind == "year" and p.season == "WI" and not directional and reference.from_mention and p.unit is None:
        return _winter_after(reference)
    if kind == "year" and p.season == "WI" and not directional and _holds(in_cycle, first, cycle, reference.day):
        return in_cycle(shift_period(first, cycle, -1))  # January belongs to the winter begun last December
    if step == 0:
        if candidate is not None and p.direction is Direction.TENSE and _steps_far_back(candidate, reference):
            return in_cycle(shift_period(first, cycle, 1)) or candidate
        return candidate or _search(in_cycle, first, cycle, -1, lambda _: True)
    target = candidate.granularity if candidate and not p.weekend else Granularity.DAY
    anchor_start = period_start(reference.day, target)

    def fits(found: _Period) -> bool:
        if step < 0:
            return found.start < anchor_start if directional else found.start <= anchor_start
        return found.start > anchor_start if directional else found.start >= anchor_start

    if candidate is not None and fits(candidate):
        return candidate
    return _search(in_cycle, first, cycle, step, fits)


def _steps_far_back(candidate: _Period, reference: _Reference) -> bool:
    """Whether a month or day of the mention's year lies too many months before a month-precise mention whose
    year was written (after an inferred year, a second inference compounds any error)."""
    if not reference.year_written or reference.day is None or reference.granularity < Granularity.MONTH:
        return False
    if candidate.granularity < Granularity.MONTH:
        return False
    return reference.day.month - candidate.start.month >= _NARRATIVE_BACKTRACK_MONTHS


def _winter_after(reference: _Reference) -> _Period:
    """A winter told after a mention: the one that comes next, named (as WikiWars does, 9 of 11) by the year
    of its January; a mention in January or February is inside that winter already."""
    assert reference.day is not None
    inside = reference.granularity > Granularity.YEAR and reference.day.month <= 2
    year = reference.day.year if inside else reference.day.year + 1
    start, end = season_bounds(year - 1, "WI")
    return _Period(f"{year:04d}-WI", start, end, Granularity.SEASON)


def _nearest(in_cycle: Callable[[dt.date], _Period | None], first: dt.date, cycle: Granularity, day: dt.date,
             cue: TenseCue) -> _Period | None:
    """The occurrence closest to ``day``; one on the side the tense rules out must be several times closer,
    and is never chosen when the cue is ``firm`` (in the expression's own clause).

    A month or a date is far more often near the publication date than a year away, and the tense cue is
    wrong often enough ("has invited them to a ceremony on March 12") that it should only break near-ties.
    Occurrences come in time order as the cycle steps (up to _MAX_STEPS either way), so only two can win: the
    last one that starts on or before ``day`` and the first one after it. The walk starts at the anchor's own
    cycle and stops as soon as it has both.
    """
    last_before: _Period | None = None
    first_after: _Period | None = None
    for count in range(_MAX_STEPS + 1):
        found = _in_cycle_at(in_cycle, first, cycle, count)
        if found is None:
            continue
        if found.start > day:
            first_after = found
            break
        last_before = found
    if last_before is None:  # the anchor's cycle has it later: step back
        for count in range(-1, -_MAX_STEPS - 1, -1):
            found = _in_cycle_at(in_cycle, first, cycle, count)
            if found is None:
                continue
            if found.start <= day:
                last_before = found
                break
            first_after = found
    if last_before is None or first_after is None:
        return last_before or first_after
    # a tie goes to the past: news mostly reports
    later = _distance(first_after, day, cue) < _distance(last_before, day, cue)
    return first_after if later else last_before


def _distance(found: _Period, day: dt.date, cue: TenseCue) -> float:
    """Days from ``day`` to the period, multiplied when it lies on the side the tense rules out (infinite for a
    firm future cue, and for a firm past one when the period is coarser than a day); a period that holds ``day``
    is on neither side."""
    tense, firm = cue.tense, cue.firm
    before, after = (day - found.end).days, (found.start - day).days
    distance = float(max(before, after, 0))
    if tense is Tense.PAST and after > 0 and found.granularity >= Granularity.DAY:
        distance *= _AFTER_PAST  # even a firm past cue often sets a later day ("extended the offer to Nov. 20")
    elif tense is Tense.PAST and after > 0:
        distance = _RULED_OUT if firm else distance * _AFTER_PAST_COARSE
    if tense is Tense.FUTURE and before > 0:
        distance = _RULED_OUT if firm else distance * (_LEANING if cue.leaning else _BEFORE_FUTURE)
    return distance


def _step(p: PartialValue, kind: str, reference: _Reference, tense: Tense) -> int:
    """-1: latest one on/before the anchor; +1: next one on/after; 0: the one in the anchor's own cycle."""
    if p.direction is Direction.PAST:
        return -1
    if p.direction is Direction.FUTURE:
        return 1
    if p.direction is Direction.SAME:
        return 0
    if tense is Tense.FUTURE:
        return 0 if reference.from_mention and kind == "year" else 1
    if kind == "weekday" and tense is Tense.PRESENT and not reference.from_mention:
        return 1  # a present copula sets a date ahead: "The vote is on Tuesday"
    if kind == "weekday" or tense is Tense.PAST:
        return 0 if reference.from_mention and kind == "year" else -1
    return 0


def _holds(in_cycle: Callable[[dt.date], _Period | None], first: dt.date, cycle: Granularity, day: dt.date) -> bool:
    """Whether the period named in the cycle before ``first`` holds ``day`` (a winter running into January)."""
    found = _in_cycle_at(in_cycle, first, cycle, -1)
    return found is not None and found.start <= day <= found.end


def _search(in_cycle: Callable[[dt.date], _Period | None], first: dt.date, cycle: Granularity, step: int,
            fits: Callable[[_Period], bool]) -> _Period | None:
    for count in range(1, _MAX_STEPS + 1):
        found = _in_cycle_at(in_cycle, first, cycle, step * count)
        if found is not None and fits(found):
            return found
    return None


def _in_cycle_at(in_cycle: Callable[[dt.date], _Period | None], first: dt.date, cycle: Granularity,
                 count: int) -> _Period | None:
    """The period named in the cycle ``count`` cycles from ``first``; None past the calendar's ends (a
    publication date of 0001-01-01 has no year before it)."""
    try:
        return in_cycle(shift_period(first, cycle, count))
    except OutOfCalendar:
        return None


def _unknown(p: PartialValue) -> str:
    """The value with the digits no anchor can supply written as X."""
    year = format_year(p.year) if p.year is not None else "XXXX"
    suffix = calendar_suffix(p)
    if suffix is not None:
        return year + suffix
    if p.year is not None:
        return year
    unit = _unit(p)
    return {Granularity.YEAR: "XXXX", Granularity.MONTH: "XXXX-XX", Granularity.WEEK: "XXXX-WXX",
            Granularity.QUARTER: "XXXX-QX", Granularity.HALF: "XXXX-HX", Granularity.DECADE: "XXX",
            Granularity.CENTURY: "XX"}.get(unit, "XXXX-XX-XX")


def needed_granularity(p: PartialValue) -> Granularity:
    """How fine a mention must be to anchor ``p``: the cycle it leaves open (a week for a weekday, a month for a
    bare day of the month, a year for a month), any mention for a written year, a day for a relative value."""
    kind = sub_year_kind(p)
    if kind is not None:
        return _CYCLE_OF.get(kind, Granularity.YEAR)
    if p.year is not None or p.decade is not None or p.century is not None:
        return Granularity.MILLENNIUM
    return min(_unit(p), Granularity.DAY)
