"""The geometry of the visual rail in HTML timelines: a scale, its year/month ticks, and each event placed on it.

Everything is a percentage along the rail so the page needs CSS only (no script): an event with a one-day
value is a point on the axis; a coarser one (a week, a month, a quarter, a decade) is a bar covering its
interval, stacked in lanes below the axis so that overlapping bars stay apart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from chrono.lang import Language, or_default
from chrono.model import Event

MAX_LABELS = 6  # tick labels on one rail: more would collide on a phone
MAX_LANES = 6  # bars beyond this share the least crowded lane
_LABEL_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)
_MONTH_TICK_YEARS = 3  # a scale of at most this many years also gets (unlabelled) month ticks
_LABELLED_MONTHS = (1, 4, 7, 10)  # on a one-year scale, label the quarters' first months
_BAR_ROOM = 1.5  # percent a bar occupies at least when packing lanes (CSS gives it a minimum width)
_LANE_GAP = 0.5  # percent between two bars sharing a lane


@dataclass(frozen=True, slots=True)
class Tick:
    offset: float  # percent along the rail
    label: str  # "" for an unlabelled (minor) tick
    major: bool  # a year boundary (or a labelled month on a one-year scale)


@dataclass(frozen=True, slots=True)
class Mark:
    event: Event
    left: float  # percent: a point's centre, a bar's left edge
    width: float  # percent; 0 for a point
    lane: int  # 0 is the axis (points); bars use 1..MAX_LANES

    @property
    def is_span(self) -> bool:
        return self.lane > 0


@dataclass(frozen=True, slots=True)
class Rail:
    start: dt.date  # the first day of the scale
    end: dt.date  # the last day of the scale
    ticks: tuple[Tick, ...]
    marks: tuple[Mark, ...]

    @property
    def lanes(self) -> int:
        """How many bar lanes the rail needs below its axis."""
        return max((mark.lane for mark in self.marks), default=0)

    @property
    def is_informative(self) -> bool:
        """False when every mark is a bar over the whole scale (a lone "2020" under the heading 2020)."""
        return any(mark.left > 0 or mark.width < 100 for mark in self.marks)


def build_rail(events: Iterable[Event], *, language: Language | None = None) -> Rail | None:
    """The rail of ``events`` (their order is kept for lane packing); None when none has an interval."""
    dated = [event for event in events if event.when.start is not None and event.when.end is not None]
    if not dated:
        return None
    first = min(event.when.start for event in dated if event.when.start is not None)
    last = max(event.when.end for event in dated if event.when.end is not None)
    start, end = dt.date(first.year, 1, 1), dt.date(last.year, 12, 31)
    scale = _Scale(start, end)
    ticks = _month_scale_ticks(scale, or_default(language)) if first.year == last.year else _year_scale_ticks(scale)
    return Rail(start, end, ticks, _place(dated, scale))


@dataclass(frozen=True, slots=True)
class _Scale:
    start: dt.date
    end: dt.date

    def at(self, day: dt.date) -> float:
        """The percent offset of the start of ``day``."""
        days = (self.end - self.start).days + 1
        return 100 * (day - self.start).days / days

    def after(self, day: dt.date) -> float:
        """The percent offset of the end of ``day`` (day + 1 would overflow on 9999-12-31)."""
        days = (self.end - self.start).days + 1
        return 100 * ((day - self.start).days + 1) / days


def _month_scale_ticks(scale: _Scale, language: Language) -> tuple[Tick, ...]:
    names = language.calendar.month_abbreviations  # short: a phone is narrow
    year = scale.start.year
    return tuple(Tick(round(scale.at(dt.date(year, month, 1)), 3),
                      names[month - 1] if month in _LABELLED_MONTHS else "", month in _LABELLED_MONTHS)
                 for month in range(1, 13))


def _year_scale_ticks(scale: _Scale) -> tuple[Tick, ...]:
    years = range(scale.start.year, scale.end.year + 1)
    step = next((step for step in _LABEL_STEPS if len(years) / step <= MAX_LABELS), _LABEL_STEPS[-1])
    ticks = []
    for year in years:
        labelled = year % step == 0
        if labelled or len(years) <= 10 * MAX_LABELS:  # a century of yearly ticks would be a grey smear
            ticks.append(Tick(round(scale.at(dt.date(year, 1, 1)), 3), str(year) if labelled else "", True))
        if len(years) <= _MONTH_TICK_YEARS:
            ticks.extend(Tick(round(scale.at(dt.date(year, month, 1)), 3), "", False) for month in range(2, 13))
    return tuple(ticks)


def _place(events: list[Event], scale: _Scale) -> tuple[Mark, ...]:
    marks = []
    lane_ends: list[float] = []  # where the last bar of each lane ends
    for event in events:
        start, end = event.when.start, event.when.end
        assert start is not None and end is not None
        left = scale.at(start)
        right = scale.after(end)
        if end <= start:  # one day or less: a point at the day's middle
            marks.append(Mark(event, round((left + right) / 2, 3), 0.0, 0))
            continue
        lane = _free_lane(lane_ends, left)
        lane_ends[lane - 1] = max(lane_ends[lane - 1], left + max(right - left, _BAR_ROOM) + _LANE_GAP)
        marks.append(Mark(event, round(left, 3), round(right - left, 3), lane))
    return tuple(marks)


def _free_lane(lane_ends: list[float], left: float) -> int:
    """The first lane (1-based) free at ``left``; a new one while there is room; else the one that frees first."""
    for lane, lane_end in enumerate(lane_ends, start=1):
        if lane_end <= left:
            return lane
    if len(lane_ends) < MAX_LANES:
        lane_ends.append(0.0)
        return len(lane_ends)
    return min(range(len(lane_ends)), key=lane_ends.__getitem__) + 1
