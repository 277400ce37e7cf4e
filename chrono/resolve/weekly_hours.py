"""Opening hours and timetables ("Mon–Fri 9:00–17:00", "Open daily 10am-6pm", "Mondays 6-8pm") recur.

Shops, offices and venues list when they are open as a run of days and clock times, at a line's start or after a
cue ("Opening hours:", "Open"; chrono/lang/<code>/patterns.toml: ``hours_cue``). The tagger finds each day and
time; a run that names its days as recurring (a range of weekdays "Mon–Fri", a plural "Mondays", "daily") and
holds a clock time is a timetable, and its days and times are SETs: "Fri" ``XXXX-WXX-5``, "17:00"
after it ``XXXX-WXX-5T17:00``, "10am" after "daily" ``XXXX-XX-XXT10:00``. One day with its times ("Saturday
7:30pm - 10pm") is an event, and a run inside a sentence ("May 5 - 6 (Tues-Wed 9:00am - 5:30pm)") a course's own
days: both stay dates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum
from functools import cache
from itertools import pairwise

from chrono.lang.sections import Patterns
from chrono.model import Direction, Expression, PartialValue, TimexType
from chrono.resolve import compiled

__all__ = ["recurring_hours"]

_WEEKLY = re.compile(r"XXXX-WXX-([1-7])")
_DAILY = "P1D"
_EVERY_DAY = "XXXX-XX-XX"
_JOINT_CHARS = 16  # the most text between two members of a run ("  -  ", ", ", ": ")
_MOST_MEMBERS = 16  # days and times looked at on each side (bounds the work in a long list)
_CUE_REACH = 48  # characters before a run searched for its cue or its line's start
_DATE_FIELDS = ("century", "decade", "year", "half", "quarter", "season", "month", "week", "day", "holiday",
                "day_month")


class _Kind(Enum):
    DAY = "day"  # "Mon", "Fri 9:00": a weekday and maybe its time
    WEEKLY = "weekly"  # "Mondays"
    DAILY = "daily"  # "daily", "every day"
    CLOCK = "clock"  # "9am", "17:00"


@cache
def _patterns(patterns: Patterns) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The joint between two members of a run, a range's joint, and what may stand before a run."""
    joint = re.compile(rf"(?:{patterns['hours_joint']})", re.IGNORECASE)
    day_range = compiled.gap(patterns, "range_gap")
    before = re.compile(rf"(?:(?<![^\W\d_])(?:{patterns['hours_cue']})\s*:?\s*|\n[ \t]*(?:[-*•·|][ \t]*)?)$",
                        re.IGNORECASE)
    return joint, day_range, before


def _kind(p: PartialValue) -> _Kind | None:
    if p.literal is not None:
        if p.type is not TimexType.SET:
            return None
        return _Kind.DAILY if p.literal == _DAILY else _Kind.WEEKLY if _WEEKLY.fullmatch(p.literal) else None
    if p.weekday is None and p.hour is None:  # most expressions: asked of each, so the cheap test first
        return None
    if p.shift or p.unit is not None or p.direction is not Direction.TENSE or p.weekend or p.part_of_day \
            or any(getattr(p, name) is not None for name in _DATE_FIELDS):
        return None
    return _Kind.DAY if p.weekday is not None else _Kind.CLOCK


def _has_close_neighbour(expressions: Sequence[Expression], index: int) -> bool:
    span = expressions[index].span
    return (index > 0 and span.start - expressions[index - 1].span.end <= _JOINT_CHARS) or (
        index + 1 < len(expressions) and expressions[index + 1].span.start - span.end <= _JOINT_CHARS)


def _run(expressions: Sequence[Expression], index: int, text: str, joint: re.Pattern[str]) -> list[int]:
    """The indexes of the run of days and times around ``index``, each joined to the next by a short joint."""
    def joined(before: int, after: int) -> bool:
        end, start = expressions[before].span.end, expressions[after].span.start
        return (_kind(expressions[before].partial) is not None and _kind(expressions[after].partial) is not None
                and start - end <= _JOINT_CHARS and joint.fullmatch(text, end, start) is not None)

    first = last = index
    while first > 0 and index - first < _MOST_MEMBERS and joined(first - 1, first):
        first -= 1
    while last + 1 < len(expressions) and last - index < _MOST_MEMBERS and joined(last, last + 1):
        last += 1
    return list(range(first, last + 1))


def _is_timetable(run: list[int], expressions: Sequence[Expression], text: str, patterns: Patterns) -> bool:
    _joint, day_range, before = _patterns(patterns)
    start = expressions[run[0]].span.start
    prefix = ("\n" if start <= _CUE_REACH else "") + text[max(0, start - _CUE_REACH):start]
    if before.search(prefix) is None:
        return False
    kinds = {index: _kind(expressions[index].partial) for index in run}
    recurring = any(kind in (_Kind.WEEKLY, _Kind.DAILY) for kind in kinds.values()) or any(
        kinds[a] is kinds[b] is _Kind.DAY  # a range of days: "Mon–Fri", "Monday through Friday"
        and day_range.fullmatch(text, expressions[a].span.end, expressions[b].span.start) is not None
        for a, b in pairwise(run))
    has_time = any(kind is _Kind.CLOCK or (kind is _Kind.DAY and expressions[index].partial.hour is not None)
                   for index, kind in kinds.items())
    return recurring and has_time


def _days(p: PartialValue) -> str:
    """The date part of a SET value for the day or days ``p`` names."""
    if p.literal == _DAILY:
        return _EVERY_DAY
    return p.literal if p.literal is not None else f"XXXX-WXX-{p.weekday}"


def recurring_hours(expressions: Sequence[Expression], index: int, text: str, patterns: Patterns,
                    partial: PartialValue) -> PartialValue:
    """The SET a day or time of a timetable stands for, else ``partial`` (the context rule ``weekly_hours`` of
    chrono/resolve/context/ asks for each expression). A time takes the latest day before it, else the first
    after it; its hour is ``partial``'s, which the rules before may have moved ("6-8pm" starts at 18:00)."""
    if not _has_close_neighbour(expressions, index):  # a run has two members at least: most expressions stand alone
        return partial
    own = expressions[index].partial
    kind = _kind(own)
    if kind not in (_Kind.DAY, _Kind.CLOCK) or partial.hour is None and kind is _Kind.CLOCK:
        return partial
    run = _run(expressions, index, text, _patterns(patterns)[0])
    if len(run) < 2 or not _is_timetable(run, expressions, text, patterns):
        return partial
    if kind is _Kind.DAY:
        day = _days(own)
    else:
        days = [at for at in run if _kind(expressions[at].partial) is not _Kind.CLOCK]
        earlier = [at for at in days if at < index]
        day = _days(expressions[earlier[-1] if earlier else days[0]].partial)
    hour = partial.hour if partial.hour is not None else own.hour
    clock = f"T{hour:02d}:{partial.minute or 0:02d}" if hour is not None else ""
    return PartialValue(type=TimexType.SET, literal=day + clock, mod=own.mod)
