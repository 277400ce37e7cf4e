"""News end and start points: a weekday after "until"/"through" under a past verb points past the report, unless the
verb looks back; "since" is before the report; a plan told in the past looks ahead, in the past perfect back;
midnight of a named day is its end (chrono/lang/en/tense.toml [deadline], [start_point]; rules.toml)."""

from __future__ import annotations

import datetime as dt

import pytest

from chrono.model import Document
from chrono.pipeline import analyse

TUESDAY = dt.date(2010, 5, 4)  # 2010-W18: Friday before is 30 April, Friday after 7 May

# (sentence, expression, value) published on Tuesday 2010-05-04
AHEAD = [
    ("Flights were suspended until Friday.", "Friday", "2010-05-07"),
    ("High seas were forecast through Sunday.", "Sunday", "2010-05-09"),
    ("The service predicted winds, high tides and waves through Sunday.", "Sunday", "2010-05-09"),
    ("They delayed the test until Thursday after a leak was found.", "Thursday", "2010-05-06"),
    ("The latest extension lasts until Wednesday afternoon.", "Wednesday afternoon", "2010-05-05TAF"),
    ("It issued a flood warning from Tuesday until Sunday evening.", "Sunday evening", "2010-05-09TEV"),
    ("The paper reported that victims have until Wednesday to apply.", "Wednesday", "2010-05-05"),
    # a plan told in the past: "was to", "was likely to", "hoped to", "should"
    ("The board was to meet on Monday.", "Monday", "2010-05-10"),
    ("He said the next effort was not likely to come until Thursday.", "Thursday", "2010-05-06"),
    ("Officials hoped to get supplies into the city by Friday.", "Friday", "2010-05-07"),
    ("The box should be working by Monday.", "Monday", "2010-05-10"),
    # midnight of a named day is that day's end
    ("The offer expires at midnight tonight.", "midnight tonight", "2010-05-04T24:00"),
    ("The ban ends at midnight Friday.", "midnight Friday", "2010-05-07T24:00"),
]

STAYS = [
    # the end is over: the verb group looks back, the verb follows, or what happened then is told
    ("The road had been closed until Friday.", "Friday", "2010-04-30"),
    ("I didn't hear about it until Friday night.", "Friday night", "2010-04-30TNI"),
    ("Until Saturday, none of the oil had reached shore.", "Saturday", "2010-05-01"),
    ("It was just a flu until Friday when the alarm was raised.", "Friday", "2010-04-30"),
    # a weekday just past stays past: the nearest end point, the past side weighed less
    ("Flights were suspended until Monday.", "Monday", "2010-05-03"),
    # a plan in the past perfect looks back
    ("The contract had been scheduled to expire at midnight Friday.", "midnight Friday", "2010-04-30T24:00"),
    ("She had hoped to raise 500 pounds on Sunday.", "Sunday", "2010-05-02"),
    ("He had planned to fish there in April.", "April", "2010-04"),
    # a start point lies before the report, whatever the verb
    ("The firm hopes to stop the flow for the first time since the April 20 explosion.", "April 20", "2010-04-20"),
    ("The index hit its highest level since early October.", "early October", "2009-10"),
    ("Ports have been closed since Sunday.", "Sunday", "2010-05-02"),
    # a bare midnight keeps 00:00 of its day
    ("Voting closes midnight!", "midnight", "2010-05-04T00:00"),
    # present and future verbs are not touched
    ("Schools are closed until Monday.", "Monday", "2010-05-10"),
    ("The talks will continue until Friday.", "Friday", "2010-05-07"),
]


@pytest.mark.parametrize(("text", "phrase", "value"), AHEAD + STAYS)
def test_end_point(text: str, phrase: str, value: str) -> None:
    expressions, _events = analyse(Document(id="d", text=text, published=TUESDAY))
    assert (phrase, value) in [(e.text, e.value.value if e.value else None) for e in expressions]
