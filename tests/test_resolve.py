"""resolve_value as a table: (partial value, anchor, governing tense) -> TIMEX3 value."""

from __future__ import annotations

import datetime as dt

import pytest

from chrono.model import Anchor, Direction, Granularity, PartialValue, Tense, TimexType, Value
from chrono.resolve.value import resolve_value

P = PartialValue
D = dt.date
G = Granularity
PAST, PRESENT, FUTURE, NONE = Tense.PAST, Tense.PRESENT, Tense.FUTURE, Tense.NONE
BEFORE, AFTER, SAME = Direction.PAST, Direction.FUTURE, Direction.SAME
THU = D(2023, 3, 2)  # a Thursday in ISO week 2023-W09 (Feb 27 - Mar 5)
NYE = D(2020, 12, 31)  # Thursday of 2020-W53
NEW_YEAR = D(2021, 1, 1)  # Friday, still 2020-W53
LEAP = D(2024, 2, 29)  # Thursday


def mention(value: str, start: dt.date, end: dt.date, granularity: Granularity) -> Value:
    return Value(value, TimexType.DATE, start=start, end=end, granularity=granularity)


SEPT_1_1939 = mention("1939-09-01", D(1939, 9, 1), D(1939, 9, 1), G.DAY)
YEAR_1939 = mention("1939", D(1939, 1, 1), D(1939, 12, 31), G.YEAR)
Q3_1988 = mention("1988-Q3", D(1988, 7, 1), D(1988, 9, 30), G.QUARTER)
YEAR_1942 = mention("1942", D(1942, 1, 1), D(1942, 12, 31), G.YEAR)

CASES = [
    # today, yesterday, tomorrow, N days ago, across month, year and leap-day boundaries
    (P(unit=G.DAY), THU, NONE, "2023-03-02"),
    (P(unit=G.DAY, shift=-1), THU, PAST, "2023-03-01"),
    (P(unit=G.DAY, shift=1), THU, FUTURE, "2023-03-03"),
    (P(unit=G.DAY, shift=-1), NEW_YEAR, PAST, "2020-12-31"),
    (P(unit=G.DAY, shift=1), NYE, FUTURE, "2021-01-01"),
    (P(unit=G.DAY, shift=1), D(2024, 2, 28), NONE, "2024-02-29"),
    (P(unit=G.DAY, shift=1), D(2023, 2, 28), NONE, "2023-03-01"),
    (P(unit=G.DAY, shift=-1), D(2024, 3, 1), NONE, "2024-02-29"),
    (P(unit=G.DAY, shift=-3), THU, PAST, "2023-02-27"),
    (P(unit=G.DAY, shift=-10), D(1998, 3, 22), PAST, "1998-03-12"),
    (P(unit=G.DAY, shift=-11), D(1999, 4, 19), PAST, "1999-04-08"),
    (P(unit=G.DAY, shift=-366), LEAP, PAST, "2023-02-28"),
    # weeks are ISO weeks
    (P(unit=G.WEEK), THU, NONE, "2023-W09"),
    (P(unit=G.WEEK, shift=-1), THU, PAST, "2023-W08"),
    (P(unit=G.WEEK, shift=1), THU, FUTURE, "2023-W10"),
    (P(unit=G.WEEK, shift=-1), NEW_YEAR, PAST, "2020-W52"),
    (P(unit=G.WEEK, shift=1), NYE, FUTURE, "2021-W01"),
    (P(unit=G.WEEK), D(2019, 12, 30), NONE, "2020-W01"),
    (P(unit=G.WEEK, shift=-6), D(2000, 1, 6), PAST, "1999-W47"),
    (P(unit=G.WEEK, shift=-1), D(1998, 3, 1), PAST, "1998-W08"),
    # months
    (P(unit=G.MONTH), THU, NONE, "2023-03"),
    (P(unit=G.MONTH, shift=-1), THU, PAST, "2023-02"),
    (P(unit=G.MONTH, shift=1), THU, FUTURE, "2023-04"),
    (P(unit=G.MONTH, shift=-1), NEW_YEAR, PAST, "2020-12"),
    (P(unit=G.MONTH, shift=1), NYE, FUTURE, "2021-01"),
    (P(unit=G.MONTH, shift=-2), D(2000, 1, 28), PAST, "1999-11"),
    (P(unit=G.MONTH, shift=-5), D(1998, 3, 31), PAST, "1997-10"),
    (P(unit=G.MONTH, shift=-1), D(2023, 3, 31), PAST, "2023-02"),
    (P(unit=G.MONTH, mod="START"), THU, PAST, "2023-03"),
    # years, quarters, halves, decades, centuries, seasons
    (P(unit=G.YEAR), THU, NONE, "2023"),
    (P(unit=G.YEAR, shift=-1), THU, PAST, "2022"),
    (P(unit=G.YEAR, shift=1), THU, FUTURE, "2024"),
    (P(unit=G.YEAR, shift=-50), D(1999, 2, 16), PAST, "1949"),
    (P(unit=G.YEAR, shift=-41), D(2000, 1, 15), PAST, "1959"),
    (P(unit=G.YEAR, shift=-1), LEAP, PAST, "2023"),
    (P(unit=G.YEAR, shift=-1), NEW_YEAR, PAST, "2020"),
    (P(unit=G.QUARTER), THU, NONE, "2023-Q1"),
    (P(unit=G.QUARTER, shift=-1), THU, PAST, "2022-Q4"),
    (P(unit=G.QUARTER, shift=1), D(2023, 11, 15), FUTURE, "2024-Q1"),
    (P(unit=G.HALF), D(2023, 7, 1), NONE, "2023-H2"),
    (P(unit=G.HALF, shift=-1), THU, PAST, "2022-H2"),
    (P(unit=G.DECADE), THU, NONE, "202"),
    (P(unit=G.DECADE, shift=-1), THU, PAST, "201"),
    (P(unit=G.CENTURY), THU, NONE, "20"),
    (P(unit=G.CENTURY, shift=-1), THU, PAST, "19"),
    (P(unit=G.SEASON), D(2023, 7, 15), NONE, "2023-SU"),
    (P(unit=G.SEASON, shift=-1), D(2023, 7, 15), PAST, "2023-SP"),
    # fully written calendar values
    (P(year=2023, month=3, day=2), NYE, PAST, "2023-03-02"),
    (P(year=2020), THU, NONE, "2020"),
    (P(year=2022, quarter=3), THU, NONE, "2022-Q3"),
    (P(year=2023, half=1), THU, NONE, "2023-H1"),
    (P(year=2021, season="FA"), THU, NONE, "2021-FA"),
    (P(year=2023, month=3), NYE, FUTURE, "2023-03"),
    (P(decade=199), THU, NONE, "199"),
    (P(century=19), THU, NONE, "19"),
    (P(year=-44), THU, NONE, "BC0044"),
    (P(decade=-46), THU, NONE, "BC046"),
    (P(year=2024, month=2, day=29), THU, NONE, "2024-02-29"),
    (P(year=2020, week=53), THU, NONE, "2020-W53"),
    (P(year=2023, week=9, weekday=1), THU, NONE, "2023-02-27"),
    (P(year=1998, month=8, day=7), None, NONE, "1998-08-07"),
    # bare weekdays: past/present/no cue -> on or before the anchor; future -> on or after
    # weekends: placed by their Saturday, written as the ISO week's -WE
    (P(weekend=True), THU, PAST, "2023-W08-WE"),
    (P(weekend=True), THU, FUTURE, "2023-W09-WE"),
    (P(weekend=True), D(2023, 3, 5), PAST, "2023-W09-WE"),
    (P(weekend=True, direction=BEFORE), D(2023, 3, 6), NONE, "2023-W09-WE"),
    (P(weekend=True, direction=SAME), THU, NONE, "2023-W09-WE"),
    (P(weekend=True, direction=AFTER), THU, NONE, "2023-W09-WE"),
    (P(weekend=True), D(2021, 1, 4), PAST, "2020-W53-WE"),
    (P(weekend=True), None, PAST, "XXXX-WXX-WE"),
    (P(weekday=4), THU, PAST, "2023-03-02"),
    (P(weekday=4), THU, NONE, "2023-03-02"),
    (P(weekday=4), THU, FUTURE, "2023-03-02"),
    (P(weekday=1), THU, PAST, "2023-02-27"),
    (P(weekday=5), THU, PAST, "2023-02-24"),
    # a present copula ("The vote is on Friday") looks ahead; no cue at all keeps the news default (the past)
    (P(weekday=5), THU, PRESENT, "2023-03-03"),
    (P(weekday=5), THU, FUTURE, "2023-03-03"),
    (P(weekday=1), THU, FUTURE, "2023-03-06"),
    (P(weekday=7), THU, NONE, "2023-02-26"),
    (P(weekday=7), THU, FUTURE, "2023-03-05"),
    (P(weekday=5), D(1998, 8, 7), PAST, "1998-08-07"),
    (P(weekday=5), D(1998, 8, 8), NONE, "1998-08-07"),
    (P(weekday=5), D(1998, 8, 8), PAST, "1998-08-07"),
    (P(weekday=6), D(1998, 8, 9), PAST, "1998-08-08"),
    (P(weekday=4), NEW_YEAR, PAST, "2020-12-31"),
    (P(weekday=1), NEW_YEAR, FUTURE, "2021-01-04"),
    (P(weekday=5), LEAP, PAST, "2024-02-23"),
    (P(weekday=5), LEAP, FUTURE, "2024-03-01"),
    # last/next/this weekday
    (P(weekday=2, direction=BEFORE), THU, NONE, "2023-02-28"),
    (P(weekday=4, direction=BEFORE), THU, NONE, "2023-02-23"),
    (P(weekday=4, direction=AFTER), THU, NONE, "2023-03-09"),
    (P(weekday=5, direction=AFTER), THU, PAST, "2023-03-03"),
    (P(weekday=2, unit=G.WEEK, shift=1), THU, NONE, "2023-03-07"),
    (P(weekday=2, unit=G.WEEK, shift=-1), THU, NONE, "2023-02-21"),
    (P(weekday=5, unit=G.WEEK, direction=SAME), THU, NONE, "2023-03-03"),
    (P(weekday=1, direction=AFTER), D(2020, 12, 28), NONE, "2021-01-04"),
    # bare months: the nearest one, unless the tense pulls it across (a month the tense rules out must be 20
    # times closer, so "talks began in April" written in March is last April)
    (P(month=9), THU, NONE, "2022-09"),
    (P(month=4), THU, PAST, "2022-04"),
    (P(month=8), THU, NONE, "2023-08"),
    (P(month=9), THU, PAST, "2022-09"),
    (P(month=9), THU, FUTURE, "2023-09"),
    (P(month=1), THU, FUTURE, "2024-01"),
    (P(month=1), THU, PAST, "2023-01"),
    (P(month=3), THU, PAST, "2023-03"),
    (P(month=3), THU, FUTURE, "2023-03"),
    (P(month=12), NEW_YEAR, PAST, "2020-12"),
    (P(month=1), NYE, FUTURE, "2021-01"),
    (P(month=12, mod="START"), D(2000, 1, 15), PAST, "1999-12"),
    (P(month=11, mod="END"), D(2000, 4, 5), PAST, "1999-11"),
    # last/next/this month
    (P(month=9, direction=BEFORE), THU, NONE, "2022-09"),
    (P(month=9, direction=BEFORE), D(2023, 11, 15), NONE, "2023-09"),
    (P(month=3, direction=BEFORE), THU, NONE, "2022-03"),
    (P(month=3, direction=AFTER), THU, NONE, "2024-03"),
    (P(month=9, direction=AFTER), THU, PAST, "2023-09"),
    (P(month=9, direction=SAME), THU, PAST, "2023-09"),
    (P(month=6, unit=G.YEAR, shift=-1), THU, NONE, "2022-06"),
    (P(month=1, unit=G.YEAR, shift=1), NYE, NONE, "2021-01"),
    # month and day: news omits the year of dates near publication, so the nearest one wins unless it lies on
    # the side the tense rules out and is not at least 5 (past) or 20 (future) times closer (TimeBank practice)
    (P(month=3, day=2), THU, NONE, "2023-03-02"),
    (P(month=3, day=5), THU, PAST, "2023-03-05"),
    (P(month=6, day=5), THU, PAST, "2022-06-05"),
    (P(month=3, day=5), THU, NONE, "2023-03-05"),
    (P(month=3, day=1), THU, FUTURE, "2023-03-01"),
    (P(month=2, day=1), THU, FUTURE, "2024-02-01"),
    (P(month=12, day=25), THU, NONE, "2022-12-25"),
    (P(month=9, day=25), THU, NONE, "2022-09-25"),
    (P(month=8, day=25), THU, NONE, "2023-08-25"),
    (P(month=12, day=25), THU, PAST, "2022-12-25"),
    (P(month=2, day=29), THU, PAST, "2020-02-29"),
    (P(month=2, day=29), THU, FUTURE, "2024-02-29"),
    (P(month=2, day=29), D(2024, 3, 1), NONE, "2024-02-29"),
    (P(month=1, day=5), NYE, FUTURE, "2021-01-05"),
    (P(month=12, day=30), NEW_YEAR, PAST, "2020-12-30"),
    # a bare day of the month
    (P(day=15), THU, PAST, "2023-02-15"),
    (P(day=1), THU, PAST, "2023-03-01"),
    (P(day=31), THU, PAST, "2023-01-31"),
    (P(day=10), THU, FUTURE, "2023-03-10"),
    (P(day=2), NEW_YEAR, FUTURE, "2021-01-02"),
    # seasons (winter runs December to February and belongs to its December's year)
    (P(season="SU", direction=BEFORE), THU, NONE, "2022-SU"),
    (P(season="SU"), THU, NONE, "2023-SU"),
    (P(season="WI"), D(2023, 1, 15), NONE, "2022-WI"),
    (P(season="WI", direction=SAME), D(2023, 1, 15), NONE, "2022-WI"),
    (P(season="WI", direction=BEFORE), D(2023, 1, 15), NONE, "2021-WI"),
    (P(season="WI", direction=BEFORE), THU, NONE, "2022-WI"),
    (P(season="SU", direction=AFTER), D(2023, 7, 1), NONE, "2024-SU"),
    (P(season="SU", direction=SAME), D(1998, 3, 22), FUTURE, "1998-SU"),
    (P(season="FA"), THU, PAST, "2022-FA"),
    # quarters, halves and week numbers without a year
    (P(quarter=4, direction=BEFORE), THU, NONE, "2022-Q4"),
    (P(quarter=1, direction=BEFORE), THU, NONE, "2022-Q1"),
    (P(quarter=3), THU, NONE, "2023-Q3"),
    (P(quarter=2), THU, FUTURE, "2023-Q2"),
    (P(half=2), THU, PAST, "2022-H2"),
    (P(week=12), THU, NONE, "2023-W12"),
    # holidays
    (P(holiday="EASTER"), THU, NONE, "2023-04-09"),
    (P(holiday="EASTER"), THU, PAST, "2023-04-09"),
    (P(holiday="EASTER"), D(2023, 2, 1), PAST, "2022-04-17"),
    (P(holiday="THANKSGIVING"), THU, PAST, "2022-11-24"),
    (P(holiday="THANKSGIVING", year=2023), THU, NONE, "2023-11-23"),
    (P(holiday="EASTER", year=2024), THU, NONE, "2024-03-31"),
    (P(holiday="MEMORIAL_DAY", year=2023), THU, NONE, "2023-05-29"),
    (P(holiday="ELECTION_DAY", year=2020), THU, NONE, "2020-11-03"),
    (P(holiday="GOOD_FRIDAY", year=2023), THU, NONE, "2023-04-07"),
    (P(holiday="LABOR_DAY"), THU, FUTURE, "2023-09-04"),
    # parts of day and clock times
    (P(type=TimexType.TIME, unit=G.DAY, part_of_day="MO"), THU, NONE, "2023-03-02TMO"),
    (P(type=TimexType.TIME, unit=G.DAY, shift=-1, part_of_day="NI"), THU, PAST, "2023-03-01TNI"),
    (P(type=TimexType.TIME, weekday=5, part_of_day="AF"), D(2013, 3, 23), PAST, "2013-03-22TAF"),
    (P(type=TimexType.TIME, weekday=6, hour=15, minute=0), D(2013, 3, 23), PAST, "2013-03-23T15:00"),
    (P(type=TimexType.TIME, hour=9, minute=30), THU, NONE, "2023-03-02T09:30"),
    (P(type=TimexType.TIME, unit=G.DAY, shift=1, part_of_day="EV"), NYE, FUTURE, "2021-01-01TEV"),
    (P(type=TimexType.TIME, year=2023, month=3, day=2, hour=14), NYE, NONE, "2023-03-02T14:00"),
    (P(type=TimexType.TIME, unit=G.HOUR, shift=-2), THU, PAST, "2023-03-02"),
    # no anchor at all (narrative text without a date): unknown digits are X
    (P(month=3, day=2), None, PAST, "XXXX-03-02"),
    (P(weekday=2), None, PAST, "XXXX-WXX-2"),
    (P(unit=G.DAY, shift=-1), None, PAST, "XXXX-XX-XX"),
    (P(unit=G.YEAR, shift=-2), None, PAST, "XXXX"),
    (P(year=1942, month=3), None, PAST, "1942-03"),
    (P(season="SU"), None, NONE, "XXXX-SU"),
    # anchored on a mention
    (P(month=3), YEAR_1942, PAST, "1942-03"),
    (P(month=3), mention("1942-09-01", D(1942, 9, 1), D(1942, 9, 1), G.DAY), PAST, "1942-03"),
    (P(weekday=5), SEPT_1_1939, PAST, "1939-09-01"),
    (P(unit=G.YEAR, shift=1), SEPT_1_1939, NONE, "1940"),
    (P(unit=G.DAY), YEAR_1939, NONE, "1939-XX-XX"),
    (P(unit=G.MONTH), YEAR_1939, NONE, "1939-XX"),
    # literals pass through
    (P(type=TimexType.DURATION, literal="P3W"), THU, NONE, "P3W"),
    (P(literal="PRESENT_REF"), THU, NONE, "PRESENT_REF"),
    (P(type=TimexType.SET, literal="XXXX-WXX-1", quant="EVERY"), THU, NONE, "XXXX-WXX-1"),
]


@pytest.mark.parametrize(("partial", "anchor", "tense", "expected"), CASES)
def test_resolve_value(partial: PartialValue, anchor: dt.date | Value | None, tense: Tense, expected: str) -> None:
    assert resolve_value(partial, anchor, tense).value == expected


PREVIOUS_CASES = [
    # (partial, publication date, previous mention, expected): PREVIOUS anchors on the mention when there is one
    (P(anchor=Anchor.PREVIOUS, unit=G.YEAR, shift=1), THU, SEPT_1_1939, "1940"),
    (P(anchor=Anchor.PREVIOUS, unit=G.YEAR, shift=-1), THU, SEPT_1_1939, "1938"),
    (P(anchor=Anchor.PREVIOUS, unit=G.DAY), THU, SEPT_1_1939, "1939-09-01"),
    (P(anchor=Anchor.PREVIOUS, unit=G.MONTH), THU, SEPT_1_1939, "1939-09"),
    (P(anchor=Anchor.PREVIOUS, unit=G.WEEK, shift=1), THU, SEPT_1_1939, "1939-W36"),
    (P(anchor=Anchor.PREVIOUS, unit=G.DAY), THU, YEAR_1939, "1939-XX-XX"),
    (P(anchor=Anchor.PREVIOUS, unit=G.DAY, shift=1), THU, None, "2023-03-03"),
    (P(unit=G.DAY, shift=1), THU, SEPT_1_1939, "2023-03-03"),
    # a year-back comparison after a period of the year before publication names it again; after an older one
    # it steps back from it
    (P(anchor=Anchor.PREVIOUS, unit=G.YEAR, shift=-1, distance=True), D(1989, 11, 1), Q3_1988, "1988-Q3"),
    (P(anchor=Anchor.PREVIOUS, unit=G.YEAR, shift=-1, distance=True), THU, SEPT_1_1939, "1938"),
    # a reporting period named by its year after a quarter: that quarter of the year
    (P(year=1987, anchor=Anchor.PREVIOUS, unit=G.QUARTER), D(1989, 11, 1), Q3_1988, "1987-Q3"),
]


@pytest.mark.parametrize(("partial", "published", "previous", "expected"), PREVIOUS_CASES)
def test_previous_anchor(partial: PartialValue, published: dt.date, previous: Value | None, expected: str) -> None:
    assert resolve_value(partial, published, Tense.NONE, previous=previous).value == expected


ATTRIBUTE_CASES = [
    # (partial, anchor, expected type, mod, start, end, granularity)
    (P(unit=G.MONTH, mod="START"), THU, TimexType.DATE, "START", D(2023, 3, 1), D(2023, 3, 31), G.MONTH),
    (P(unit=G.WEEK), THU, TimexType.DATE, None, D(2023, 2, 27), D(2023, 3, 5), G.WEEK),
    (P(season="WI"), D(2023, 12, 5), TimexType.DATE, None, D(2023, 12, 1), D(2024, 2, 29), G.SEASON),
    (P(part_of_day="AF", unit=G.DAY), THU, TimexType.TIME, None, THU, THU, G.PART_OF_DAY),
    (P(year=2022, mod="MID"), THU, TimexType.DATE, "MID", D(2022, 1, 1), D(2022, 12, 31), G.YEAR),
    (P(decade=199, mod="END"), THU, TimexType.DATE, "END", D(1990, 1, 1), D(1999, 12, 31), G.DECADE),
    (P(type=TimexType.DURATION, literal="P3W", mod="LESS_THAN"), THU, TimexType.DURATION, "LESS_THAN", None,
     None, None),
    (P(literal="PAST_REF"), THU, TimexType.DATE, None, None, None, None),
    (P(year=-44), THU, TimexType.DATE, None, None, None, None),
]


@pytest.mark.parametrize(("partial", "anchor", "kind", "mod", "start", "end", "granularity"), ATTRIBUTE_CASES)
def test_value_attributes(partial: PartialValue, anchor: dt.date, kind: TimexType, mod: str | None,
                          start: dt.date | None, end: dt.date | None, granularity: Granularity | None) -> None:
    value = resolve_value(partial, anchor)
    assert (value.type, value.mod, value.start, value.end, value.granularity) == (kind, mod, start, end, granularity)


def test_set_keeps_quant_and_freq() -> None:
    value = resolve_value(P(type=TimexType.SET, literal="P1W", freq="2X"), THU)
    assert (value.value, value.freq, value.is_datable) == ("P1W", "2X", False)


BC_490 = Value("BC0490", TimexType.DATE)
Q3_1989 = mention("1989-Q3", D(1989, 7, 1), D(1989, 9, 30), G.QUARTER)

MENTION_CASES = [
    # (partial, anchor, previous mention, expected): BC eras and "the same period a year away"
    (P(anchor=Anchor.PREVIOUS, unit=G.YEAR, shift=1), THU, BC_490, "BC0489"),
    (P(anchor=Anchor.PREVIOUS, unit=G.YEAR, shift=-10), THU, BC_490, "BC0500"),
    (P(anchor=Anchor.PREVIOUS, unit=G.DECADE, shift=1), THU, BC_490, "BC048"),
    (P(anchor=Anchor.PREVIOUS, unit=G.DAY, shift=1), THU, BC_490, "BC0490-XX-XX"),
    (P(season="SU"), BC_490, None, "BC0490-SU"),
    # a winter after a mention: the next one, named by the year of its January (WikiWars)
    (P(season="WI"), BC_490, None, "BC0489-WI"),
    (P(season="WI"), YEAR_1942, None, "1943-WI"),
    (P(season="WI"), mention("1914-12", D(1914, 12, 1), D(1914, 12, 31), G.MONTH), None, "1915-WI"),
    (P(season="WI"), mention("1951-01", D(1951, 1, 1), D(1951, 1, 31), G.MONTH), None, "1951-WI"),
    (P(month=8), BC_490, None, "BC0490-08"),
    (P(year=480), BC_490, None, "BC0480"),
    (P(year=1066), BC_490, None, "1066"),
    (P(century=4), BC_490, None, "BC04"),
    (P(unit=G.YEAR, shift=-1, anchor=Anchor.PUBLICATION), D(1989, 11, 2), Q3_1989, "1988"),
    (P(unit=G.YEAR, shift=-1, anchor=Anchor.PREVIOUS), D(1989, 11, 2), Q3_1989, "1988-Q3"),
    (P(unit=G.YEAR, shift=-1, anchor=Anchor.PUBLICATION), D(1989, 11, 2), SEPT_1_1939, "1988"),
    # "a year ago" is a distance: as precise as the quarter it is compared with; "last year" is not
    (P(unit=G.YEAR, shift=-1, anchor=Anchor.PUBLICATION, distance=True), D(1989, 11, 2), Q3_1989, "1988-Q3"),
    (P(unit=G.YEAR, shift=-2, anchor=Anchor.PUBLICATION, distance=True), D(1989, 11, 2), Q3_1989, "1987"),
    (P(unit=G.YEAR, shift=-1, anchor=Anchor.PUBLICATION, distance=True), D(1989, 8, 2), Q3_1989, "1988"),
    (P(unit=G.YEAR, shift=-1, anchor=Anchor.PUBLICATION, distance=True), D(1989, 11, 2), SEPT_1_1939, "1988"),
    (P(unit=G.YEAR, shift=-1, anchor=Anchor.PUBLICATION, distance=True), D(1989, 11, 2), None, "1988"),
]


@pytest.mark.parametrize(("partial", "anchor", "previous", "expected"), MENTION_CASES)
def test_mentions(partial: PartialValue, anchor: dt.date | Value, previous: Value | None, expected: str) -> None:
    assert resolve_value(partial, anchor, Tense.PAST, previous=previous).value == expected


def walk(text: str, phrases: list[tuple[str, PartialValue]], published: dt.date | None, domain: str) -> list[str]:
    """resolve_expressions over hand-made expressions (no tagger), one sentence per full stop."""
    from chrono.model import Document, Expression, Sentence, Span
    from chrono.resolve.walk import resolve_expressions

    sentences, start = [], 0
    for index, piece in enumerate(text.split(". ")):
        sentences.append(Sentence(Span(start, start + len(piece) + 1), piece, index))
        start += len(piece) + 2
    expressions = [Expression(phrase, Span(text.index(phrase), text.index(phrase) + len(phrase)), partial)
                   for phrase, partial in phrases]
    document = Document(id="walk", text=text, published=published)
    return [e.value.value for e in resolve_expressions(expressions, sentences, document, domain=domain) if e.value]


WALKS = [
    # (text, [(phrase, partial)], published, domain, expected values)
    ("In 1942 the army landed. In March it will advance.", [("1942", P(year=1942)), ("March", P(month=3))],
     THU, "narrative", ["1942", "1942-03"]),
    ("In 1942 the army landed. In March it will advance.", [("1942", P(year=1942)), ("March", P(month=3))],
     THU, "news", ["1942", "2023-03"]),
    ("The war began on Sept. 1, 1939. The next day Britain warned.",
     [("Sept. 1, 1939", P(year=1939, month=9, day=1)),
      ("The next day", P(anchor=Anchor.PREVIOUS, unit=G.DAY, shift=1))],
     THU, "news", ["1939-09-01", "1939-09-02"]),
    ("The talks collapsed on Tuesday. They will resume on Friday.",
     [("Tuesday", P(weekday=2)), ("Friday", P(weekday=5))], THU, "news", ["2023-02-28", "2023-03-03"]),
    ("In March the army landed. On May 2 it advanced.", [("March", P(month=3)), ("May 2", P(month=5, day=2))],
     None, "narrative", ["XXXX-03", "XXXX-05-02"]),
    ("In 1942 the army landed. On May 2 it advanced.", [("May 2", P(month=5, day=2)), ("1942", P(year=1942))],
     None, "narrative", ["1942", "1942-05-02"]),
    # a period compared with ("a year ago") anchors nothing: the next "the quarter" is still 1989's
    ("Profit rose in the third quarter. It fell a year ago. The quarter was good. Sales were flat a year ago.",
     [("the third quarter", P(quarter=3)),
      ("a year ago", P(unit=G.YEAR, shift=-1, anchor=Anchor.PUBLICATION, distance=True)),
      ("The quarter", P(unit=G.QUARTER, anchor=Anchor.PREVIOUS)),
      ("flat a year ago", P(unit=G.YEAR, shift=-1, anchor=Anchor.PUBLICATION, distance=True))],
     D(1989, 11, 2), "news", ["1989-Q3", "1988-Q3", "1989-Q3", "1988-Q3"]),
    # narrative time moves on: a month far (8+ months) before the month just told is next year's...
    ("On December 16, 1944 the offensive began. It was repulsed by January.",
     [("December 16, 1944", P(year=1944, month=12, day=16)), ("January", P(month=1))],
     None, "narrative", ["1944-12-16", "1945-01"]),
    # ...but not after a month whose year was only inferred: one guess is not stacked on another
    ("In 1944 the war went on. In December the army attacked. It was repulsed by January.",
     [("1944", P(year=1944)), ("December", P(month=12)), ("January", P(month=1))],
     None, "narrative", ["1944", "1944-12", "1944-01"]),
    # ...one a few months before fills in the same year
    ("In July 1943 the army landed. In March it had massed.",
     [("July 1943", P(year=1943, month=7)), ("March", P(month=3))], None, "narrative", ["1943-07", "1943-03"]),
    # a plan, a flashback, a year in parentheses: none is where the story stands
    ("It fell on 10 March 1975, for a planned campaign in 1976. The army collapsed on 11 March.",
     [("10 March 1975", P(year=1975, month=3, day=10)), ("1976", P(year=1976)), ("11 March", P(month=3, day=11))],
     None, "narrative", ["1975-03-10", "1976", "1975-03-11"]),
    ("Thieu resigned on 21 April 1975, tricked two years ago. He left on 25 April.",
     [("21 April 1975", P(year=1975, month=4, day=21)),
      ("two years ago", P(unit=G.YEAR, shift=-2, anchor=Anchor.PUBLICATION, distance=True)),
      ("25 April", P(month=4, day=25))],
     None, "narrative", ["1975-04-21", "1973", "1975-04-25"]),
    ("In 1793 war raged. The clergy rose against the Constitution (1790). On 17 August the Convention voted.",
     [("1793", P(year=1793)), ("1790", P(year=1790)), ("17 August", P(month=8, day=17))],
     None, "narrative", ["1793", "1790", "1793-08-17"]),
    # a range's start takes the year its end names, the year before when its month comes later
    ("In 1951 it began. The battle (21 March - 21 June 1952) was long.",
     [("1951", P(year=1951)), ("21 March", P(month=3, day=21)), ("21 June 1952", P(year=1952, month=6, day=21))],
     None, "narrative", ["1951", "1952-03-21", "1952-06-21"]),
    # histories date "N units after <event>" from the event just told; news keeps the amount a duration
    ("Girona fell on 5 February 1939. Five days after the fall of Girona, Franco entered.",
     [("5 February 1939", P(year=1939, month=2, day=5)), ("Five days", P(type=TimexType.DURATION, literal="P5D"))],
     None, "narrative", ["1939-02-05", "1939-02-10"]),
    ("Girona fell on 5 February 1939. Eight days before the new year, Franco entered.",
     [("5 February 1939", P(year=1939, month=2, day=5)), ("Eight days", P(type=TimexType.DURATION, literal="P8D"))],
     None, "narrative", ["1939-02-05", "1939-01-28"]),
    ("Girona fell on 5 February 1939. Five days after the fall of Girona, Franco entered.",
     [("5 February 1939", P(year=1939, month=2, day=5)), ("Five days", P(type=TimexType.DURATION, literal="P5D"))],
     THU, "news", ["1939-02-05", "P5D"]),
    ("It fell on 5 February 1939. Five days after the long and bitter siege of the old city by the army ended.",
     [("5 February 1939", P(year=1939, month=2, day=5)), ("Five days", P(type=TimexType.DURATION, literal="P5D"))],
     None, "narrative", ["1939-02-05", "P5D"]),
    ("They fought from December to March 1945.",
     [("December", P(month=12)), ("March 1945", P(year=1945, month=3))], THU, "news", ["1944-12", "1945-03"]),
]


@pytest.mark.parametrize(("text", "phrases", "published", "domain", "expected"), WALKS)
def test_resolve_expressions(text: str, phrases: list[tuple[str, PartialValue]], published: dt.date | None,
                             domain: str, expected: list[str]) -> None:
    assert walk(text, phrases, published, domain) == expected


@pytest.mark.parametrize(("published", "domain"), [(None, "news"), (THU, "poetry")])
def test_resolve_expressions_input_errors(published: dt.date | None, domain: str) -> None:
    from chrono.errors import ChronoInputError

    with pytest.raises(ChronoInputError):
        walk("On Tuesday.", [("Tuesday", P(weekday=2))], published, domain)


@pytest.mark.parametrize(("text", "domain", "expected"), [
    # an amount with a fraction moves by whole months, then days (a float count raised TypeError in pendulum)
    ("It ends 3.5 months from now.", "news", [("3.5 months from now", "2024-04")]),
    ("3.5 month hence", "narrative", [("3.5 month hence", "2024-04")]),
    ("It ends 2.5 years from now.", "news", [("2.5 years from now", "2026")]),
    ("It ended 1.5 months later.", "news", [("1.5 months later", "2024-02")]),
])
def test_fractional_amounts_resolve(text: str, domain: str, expected: list[tuple[str, str]]) -> None:
    from chrono import build_timeline

    timeline = build_timeline(text, published=D(2024, 1, 1), domain=domain)
    assert [(e.text, e.value.value if e.value else None) for e in timeline.expressions] == expected
