"""Readable date labels and group keys, as tables of (value, mod, expected)."""

from __future__ import annotations

import datetime as dt

import pytest

from chrono.model import Granularity, TimexType, Value
from chrono.pipeline import build_timeline
from chrono.render.labels import date_label, group_key, label, ordinal


@pytest.mark.parametrize(
    ("value", "mod", "expected"),
    [
        ("2023-03-01", None, "Wednesday, 1 March 2023"),
        ("2024-02-29", None, "Thursday, 29 February 2024"),
        ("2022-09", None, "September 2022"),
        ("2023-W08", None, "week of 20 February 2023"),
        ("2021-W01", None, "week of 4 January 2021"),
        ("2020-W53", None, "week of 28 December 2020"),
        ("2023-W09-WE", None, "weekend of 4 March 2023"),
        ("2022", None, "2022"),
        ("2020-Q4", None, "fourth quarter of 2020"),
        ("2023-H1", None, "first half of 2023"),
        ("2020-SU", None, "summer 2020"),
        ("2021-FA", None, "autumn 2021"),
        ("2020-WI", None, "winter 2020–21"),
        ("1999-WI", None, "winter 1999–00"),
        ("199", None, "the 1990s"),
        ("201", None, "the 2010s"),
        ("19", None, "the 20th century"),
        ("20", None, "the 21st century"),
        ("10", None, "the 11th century"),
        ("1", None, "the 2nd millennium"),
        ("BC0044", None, "44 BC"),
        ("2023-03-02TMO", None, "the morning of Thursday, 2 March 2023"),
        ("2013-03-22TAF", None, "the afternoon of Friday, 22 March 2013"),
        ("2013-03-24TNI", None, "the night of Sunday, 24 March 2013"),
        ("2013-03-23T15:00", None, "15:00, Saturday, 23 March 2013"),
        ("2013-03-23T15:00:30", None, "15:00:30, Saturday, 23 March 2013"),
        ("2019-08-28T10:00-07:00", None, "10:00 UTC−07:00, Wednesday, 28 August 2019"),  # the zone's offset shown
        ("2019-08-28T10:00+0530", None, "10:00 UTC+05:30, Wednesday, 28 August 2019"),
        ("2019-08-28T17:00Z", None, "17:00 UTC, Wednesday, 28 August 2019"),
        ("XXXX-12-25", None, "25 December"),
        ("XXXX-05", None, "May"),
        ("2011-01-XX", None, "January 2011"),
        ("PRESENT_REF", None, "now"),
        ("PAST_REF", None, "the past"),
        ("FUTURE_REF", None, "the future"),
        ("P3W", None, "3 weeks"),
        ("P1D", None, "1 day"),
        ("PXY", None, "several years"),
        ("P1DE", None, "1 decade"),
        ("PT2H30M", None, "2 hours 30 minutes"),
        ("P1Y6M", None, "1 year 6 months"),
        # mods: a prefix on compact labels, after "the" on decades and parts of day, "... in the ..." on phrases
        ("2022-12", "START", "early December 2022"),
        ("2022", "MID", "mid-2022"),
        ("2023-05", "END", "late May 2023"),
        ("2023-03", "APPROX", "about March 2023"),
        ("199", "START", "the early 1990s"),
        ("19", "END", "the late 20th century"),
        ("2023-03-02TMO", "START", "the early morning of Thursday, 2 March 2023"),
        ("2023-W08", "START", "early in the week of 20 February 2023"),
        ("2020-Q4", "END", "late in the fourth quarter of 2020"),
        ("2023-H1", "MID", "in the middle of the first half of 2023"),
        ("2020-SU", "START", "early summer 2020"),
        ("2022", "BEFORE", "before 2022"),
        ("2022-06", "ON_OR_AFTER", "on or after June 2022"),
        ("P3W", "LESS_THAN", "less than 3 weeks"),
        ("P1M", "EQUAL_OR_MORE", "at least 1 month"),
        ("2022", "NO_SUCH_MOD", "2022"),
        # values chrono cannot read are shown as written, never an error
        ("2023-02-30", None, "2023-02-30"),
        ("2023-13", None, "2023-13"),
        ("2023-W60", None, "2023-W60"),
        ("XXXX-WXX-1", None, "XXXX-WXX-1"),
        # read through the one value parser: unknown digits and weeks as TIMEX3 writes them
        ("199X", None, "the 1990s"),
        ("2023-QX", None, "2023"),
        ("2023-W9", None, "week of 27 February 2023"),
        ("2023-W09-3", None, "Wednesday, 1 March 2023"),
        ("BC04", None, "BC04"),  # a century BC is no year 4 BC
        ("2023-03-02T14", None, "2023-03-02T14"),
        ("", None, ""),
    ],
)
def test_label(value: str, mod: str | None, expected: str) -> None:
    assert label(value, mod) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-Q4", "Q4 2020"),
        ("2023-H1", "H1 2023"),
        ("2022-09", "September 2022"),
    ],
)
def test_short_style(value: str, expected: str) -> None:
    assert label(value, style="short") == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Value("2022-12", mod="START"), "early December 2022"),
        (Value("2023-03-01", TimexType.DATE, None, dt.date(2023, 3, 1), dt.date(2023, 3, 1), Granularity.DAY),
         "Wednesday, 1 March 2023"),
        (None, "undated"),
    ],
)
def test_label_of_value_objects_uses_their_mod(value: Value | None, expected: str) -> None:
    assert label(value) == expected


def test_explicit_mod_overrides_the_values() -> None:
    assert label(Value("2022-12", mod="START"), "END") == "late December 2022"


@pytest.mark.parametrize(
    ("day", "weekday", "expected"),
    [
        (dt.date(2023, 3, 2), True, "Thursday, 2 March 2023"),
        (dt.date(2023, 3, 2), False, "2 March 2023"),
        (dt.date(2000, 1, 1), True, "Saturday, 1 January 2000"),
        # no weekday before English-speaking countries took the Gregorian calendar (labels.toml weekdays_from)
        (dt.date(1666, 9, 2), True, "2 September 1666"),
        (dt.date(1752, 9, 13), True, "13 September 1752"),
        (dt.date(1752, 9, 14), True, "Thursday, 14 September 1752"),
    ],
)
def test_date_label(day: dt.date, weekday: bool, expected: str) -> None:
    assert date_label(day, weekday=weekday) == expected


@pytest.mark.parametrize(
    ("number", "expected"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"), (21, "21st"),
     (22, "22nd"), (101, "101st"), (111, "111th")],
)
def test_ordinal(number: int, expected: str) -> None:
    assert ordinal(number) == expected


@pytest.mark.parametrize(
    ("value", "by", "expected"),
    [
        ("2023-03-01", "year", "2023"),
        ("2023-03-01", "month", "March 2023"),
        ("2023-03-02TMO", "month", "March 2023"),
        ("2023-W09", "month", "February 2023"),  # a week is filed under the month of its Monday
        ("2022-09", "year", "2022"),
        ("2022-09", "month", "September 2022"),
        ("2020-Q4", "year", "2020"),
        ("2020-Q4", "month", "2020"),  # coarser than a month: its year
        ("2020-WI", "year", "2020"),
        ("199", "year", "the 1990s"),
        ("19", "month", "the 20th century"),
        ("BC0044", "year", "44 BC"),
        ("XXXX-12-25", "year", "undated"),
        ("PAST_REF", "year", "undated"),
        ("nonsense", "year", "undated"),
    ],
)
def test_group_key(value: str, by: str, expected: str) -> None:
    assert group_key(value, by) == expected  # type: ignore[arg-type]


def test_group_key_falls_back_on_the_interval() -> None:
    odd = Value("2023-XX-XX-ODD", start=dt.date(2023, 5, 4), end=dt.date(2023, 5, 4))
    assert (group_key(odd, "year"), group_key(odd, "month")) == ("2023", "May 2023")


# Labels say what the text says: "earlier this month" is some time of this month before now, not its start
# (TimeML mod START is "early this month"); "later today" is not the end of the day.
@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        ("Sales fell earlier this month.", "earlier this month", "August 2019"),
        ("He said earlier today that he would go.", "earlier today", "Tuesday, 20 August 2019"),
        ("The vote comes later this year.", "later this year", "2019"),
        ("Sales fell early this month.", "early this month", "early August 2019"),
        ("He spoke late yesterday.", "late yesterday", "late Monday, 19 August 2019"),
    ],
)
def test_label_follows_the_wording(sentence: str, phrase: str, expected: str) -> None:
    timeline = build_timeline(sentence, published="2019-08-20")
    events = [event for event in timeline.events if event.phrase == phrase]
    assert events, [event.phrase for event in timeline.events]
    assert label(events[0].when).lower() == expected.lower()
