"""The resolver's search for the nearest occurrence of a bare month, date or season stops early; its answers
must be those of trying every candidate from eight cycles back to eight ahead (what it did before)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from chrono.calendar.intervals import period_bounds, shift_period
from chrono.model import Granularity, PartialValue, Tense
from chrono.resolve.tense import TenseCue
from chrono.resolve.value import (
    _AFTER_PAST,
    _AFTER_PAST_COARSE,
    _BEFORE_FUTURE,
    _LEANING,
    _MAX_STEPS,
    _in_cycle,
    _nearest,
)

PARTIALS = {
    "March": (PartialValue(month=3), "year"),
    "December": (PartialValue(month=12), "year"),
    "January 31": (PartialValue(month=1, day=31), "year"),
    "February 29": (PartialValue(month=2, day=29), "year"),
    "the 31st": (PartialValue(day=31), "monthday"),
    "the 15th": (PartialValue(day=15), "monthday"),
    "winter": (PartialValue(season="WI"), "year"),
    "the fourth quarter": (PartialValue(quarter=4), "year"),
    "week 53": (PartialValue(week=53), "year"),
    "Easter": (PartialValue(holiday="EASTER"), "year"),
}
DAYS = [dt.date(2023, 3, 2), dt.date(2024, 2, 29), dt.date(2023, 12, 31), dt.date(2024, 1, 1),
        dt.date(2021, 3, 31), dt.date(2020, 12, 15), dt.date(2026, 4, 5)]
CYCLES = {"year": Granularity.YEAR, "monthday": Granularity.MONTH}


def _every_candidate(partial: PartialValue, kind: str, day: dt.date, tense: Tense,  # noqa: ANN202 - a _Period
                     leaning: bool):
    """The search as it was: all 17 candidates, the smallest (distance, side), the earliest on a tie."""
    cycle = CYCLES[kind]
    in_cycle = _in_cycle(partial, kind)
    first = period_bounds(day, cycle)[0]
    best = None
    for count in range(-_MAX_STEPS, _MAX_STEPS + 1):
        found = in_cycle(shift_period(first, cycle, count))
        if found is None:
            continue
        before, after = (day - found.end).days, (found.start - day).days
        distance = float(max(before, after, 0))
        if tense is Tense.PAST and after > 0:
            distance *= _AFTER_PAST if found.granularity >= Granularity.DAY else _AFTER_PAST_COARSE
        if tense is Tense.FUTURE and before > 0:
            distance *= _LEANING if leaning else _BEFORE_FUTURE
        key = (distance, 0 if after <= 0 else 1)
        if best is None or key < best[:2]:
            best = (*key, found)
    return best[2] if best else None


@pytest.mark.parametrize(("name", "day", "tense", "leaning"), list(itertools.product(PARTIALS, DAYS, Tense,
                                                                                     [False, True])))
def test_nearest_is_the_best_of_every_candidate(name: str, day: dt.date, tense: Tense, leaning: bool) -> None:
    partial, kind = PARTIALS[name]
    cycle = CYCLES[kind]
    cue = TenseCue(tense, leaning=leaning)
    found = _nearest(_in_cycle(partial, kind), period_bounds(day, cycle)[0], cycle, day, cue)
    assert found == _every_candidate(partial, kind, day, tense, leaning)
