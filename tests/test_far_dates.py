"""Values outside what datetime.date holds (before year 1, after 9999): represented as BC values or kept as
expressions without an interval, never a crash."""

from __future__ import annotations

import datetime as dt
import json

import icalendar
import pytest
from typer.testing import CliRunner

from chrono import build_timeline, render
from chrono.calendar.era import bc_period_value
from chrono.calendar.intervals import interval_of
from chrono.cli import app
from chrono.lang import Language
from chrono.model import Anchor, Document, Domain, Granularity, PartialValue, Tense, TimexType, Value
from chrono.pipeline import analyse
from chrono.render import FORMATS
from chrono.resolve.value import resolve_value

P = PartialValue
D = dt.date
G = Granularity
THU = D(2023, 3, 2)
FIRST_DAY, LAST_DAY = D(1, 1, 1), D(9999, 12, 31)
DOMAINS = list(Domain)

# (sentence, phrase, value): counted back from 2 March 2023 past year 1 (there is no year 0: 2,023 years
# before 2023 is 1 BC)
FAR_BACK = [
    ("The temple was built 25 centuries ago.", "25 centuries ago", "BC04"),
    ("The city was founded 21 centuries ago.", "21 centuries ago", "BC00"),
    ("The road was laid 3,000 years ago.", "3,000 years ago", "BC0978"),
    ("The road was laid 5,000 years ago.", "5,000 years ago", "BC2978"),
    ("Farming began some 10,000 years ago.", "some 10,000 years ago", "BC7978"),
    ("The wall was raised 300 decades ago.", "300 decades ago", "BC097"),
    ("The coin was struck 2,023 years ago.", "2,023 years ago", "BC0001"),
    ("The coin was struck 2,022 years ago.", "2,022 years ago", "0001"),
]


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize(("text", "phrase", "expected"), FAR_BACK)
def test_far_back_is_a_bc_value(text: str, phrase: str, expected: str, domain: str) -> None:
    expressions, _ = analyse(Document("far", text, THU), domain=domain)
    assert [(e.text, e.value.value if e.value else None) for e in expressions] == [(phrase, expected)]


@pytest.mark.parametrize(("partial", "anchor", "expected"), [
    (P(unit=G.CENTURY, shift=-25), THU, "BC04"),
    (P(unit=G.YEAR, shift=-3000), THU, "BC0978"),
    (P(unit=G.DECADE, shift=-300), THU, "BC097"),
    (P(unit=G.MILLENNIUM, shift=-3), THU, "BC09"),  # a millennium BC is written by its century
    (P(unit=G.YEAR, shift=-1), FIRST_DAY, "BC0001"),
    (P(unit=G.YEAR, shift=8000), THU, "XXXX"),  # past 9999: no value TIMEX3 can write, no interval
    (P(unit=G.YEAR, shift=1), LAST_DAY, "XXXX"),
    (P(unit=G.MONTH, shift=1), LAST_DAY, "XXXX-XX"),
    (P(unit=G.DAY, shift=-1), FIRST_DAY, "XXXX-XX-XX"),
    (P(unit=G.DAY, shift=-1_000_000), THU, "XXXX-XX-XX"),
    (P(unit=G.WEEK), LAST_DAY, "XXXX-WXX"),  # the week of 9999-12-31 runs into year 10000
    (P(month=3), FIRST_DAY, "0001-03"),  # no year before year 1 to step back to
    (P(month=11), LAST_DAY, "9999-11"),
    (P(weekday=7), LAST_DAY, "9999-12-26"),
    (P(season="WI"), LAST_DAY, "9998-WI"),
])
def test_calendar_ends(partial: PartialValue, anchor: dt.date, expected: str) -> None:
    value = resolve_value(partial, anchor, Tense.PAST)
    assert value.value == expected
    assert (value.start is None) == (expected.startswith(("BC", "X")))


def test_a_century_after_44_bc_is_no_negative_century() -> None:
    year_44_bc = Value("BC0044", TimexType.DATE)
    value = resolve_value(P(anchor=Anchor.PREVIOUS, unit=G.CENTURY, shift=1), THU, previous=year_44_bc)
    assert "-" not in value.value


@pytest.mark.parametrize(("year", "granularity", "expected"), [
    (0, G.YEAR, "BC0001"), (-477, G.YEAR, "BC0478"), (-477, G.DECADE, "BC047"), (-477, G.CENTURY, "BC04"),
    (-9998, G.YEAR, "BC9999"),
])
def test_bc_period_value(year: int, granularity: Granularity, expected: str) -> None:
    assert bc_period_value(year, granularity) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("9999-W52", None),  # its Sunday is in year 10000
    ("9999-WI", None),
    ("9999-12", (D(9999, 12, 1), D(9999, 12, 31), G.MONTH)),
    ("9999-Q4", (D(9999, 10, 1), D(9999, 12, 31), G.QUARTER)),
    ("0001-W01", (D(1, 1, 1), D(1, 1, 7), G.WEEK)),
])
def test_intervals_at_the_calendar_ends(value: str, expected: tuple[dt.date, dt.date, Granularity] | None) -> None:
    assert interval_of(value) == expected


def _rule_examples() -> list[str]:
    """The texts of every tagging rule's and every context rule's examples."""
    language = Language.load("en")
    return [*(example["text"] for rule in language.rules.rule for example in rule.examples),
            *(example.text for example in language.context.example)]


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("published", [FIRST_DAY, LAST_DAY])
def test_extreme_publication_dates(published: dt.date, domain: str) -> None:
    """Every rule's examples, after a mention at each end of the calendar, resolve without an error (a weekday
    range's end stepped from a start on 9999-12-31 overflowed)."""
    for text in _rule_examples():
        for context in ("", "On 9999-12-31 it closed. ", "It fell in 480 BC. "):
            expressions, events = analyse(Document("edge", context + text, published), domain=domain)
            assert all(expression.value is not None for expression in expressions)
            assert all(event.when.start is not None for event in events)


@pytest.mark.parametrize("command", [["tag", "-", "-f", "json"], ["build", "-", "-f", "json"]])
@pytest.mark.parametrize("domain", DOMAINS)
def test_far_back_on_the_command_line(command: list[str], domain: str) -> None:
    result = CliRunner().invoke(app, [*command, "--domain", domain],
                                input="date 2023-03-02\n\nThe temple was built 25 centuries ago.\n")
    assert result.exit_code == 0, result.output
    json.loads(result.stdout)
    if command[0] == "tag":
        assert '"BC04"' in result.stdout


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("text", "published"), [
    ("It closed today.", LAST_DAY),  # a day whose next day is past the calendar
    ("It ran all this month.", LAST_DAY),  # a month: the exports test whether its end is a month's last day
    ("It was a record this year.", LAST_DAY),
    ("It ran from 1 December to 31 December.", LAST_DAY),
    ("It opened today.", FIRST_DAY),
])
def test_values_at_the_calendar_edges_render_in_every_format(text: str, published: dt.date, fmt: str) -> None:
    timeline = build_timeline(text, published=published)
    assert timeline.events
    assert render(timeline, fmt)


def test_an_ics_event_ending_on_the_last_day_gives_its_duration() -> None:
    calendar = icalendar.Calendar.from_ical(render(build_timeline("It ran all this month.", published=LAST_DAY),
                                                   "ics"))
    [event] = calendar.walk("VEVENT")
    assert (event["DTSTART"].dt, event["DURATION"].dt) == (D(9999, 12, 1), dt.timedelta(days=31))


@pytest.mark.parametrize(("partial", "expected"), [
    (P(year=10011), "10011"),  # "AD9999-11": the range's end read as 10011 raised ValueError (found by fuzzing)
    (P(year=10000, month=3), "10000-03"),
    (P(year=12000, quarter=2), "12000-Q2"),
])
def test_a_year_past_the_calendar_keeps_its_digits_without_an_interval(partial: PartialValue, expected: str) -> None:
    value = resolve_value(partial, THU, Tense.NONE)
    assert (value.value, value.start, value.end) == (expected, None, None)


@pytest.mark.parametrize("domain", DOMAINS)
def test_a_year_range_ending_past_the_calendar_builds(domain: str) -> None:
    timeline = build_timeline("AD9999-11", published=D(1900, 3, 1), domain=domain)
    assert all(render(timeline, fmt) for fmt in FORMATS)


@pytest.mark.parametrize(("text", "published"), [
    ("The office is closed from Friday to Tuesday.", D(9999, 12, 30)),  # its Tuesday is in year 10000
    ("Schools were shut from Saturday until Monday.", D(1, 1, 1)),  # its Saturday is before year 1
    ("Schools were shut from Saturday until Monday.", D(1, 1, 2)),
    ("Diwali falls on 1 November 9000 years from now.", D(2024, 2, 1)),  # the year after it is past 9999
    ("Diwali falls on 1 November 3.5 years from now.", D(2024, 2, 1)),  # no year at all
    ("Athens fell in 404 BC. 1.5 centuries later Rome rose.", D(2024, 2, 1)),  # a part of a unit counted in BC
    ("Athens fell in 404 BC. 2.5 years later Sparta fell.", D(2024, 2, 1)),
])
def test_a_step_past_the_calendar_ends(text: str, published: dt.date) -> None:
    for domain in DOMAINS:
        expressions, _events = analyse(Document("edge", text, published), domain=domain)
        assert all(expression.value is not None for expression in expressions)
