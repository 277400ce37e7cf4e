"""Posts and event pages bid and schedule: imperatives, invitations and present-simple scheduling verbs set a
weekday or date ahead; news reports keep the past (chrono/lang/en/tense.toml [imperative], [schedule])."""

from __future__ import annotations

import datetime as dt

import pytest

from chrono.model import Document
from chrono.pipeline import analyse

THURSDAY = dt.date(2014, 4, 10)

# (sentence, expression, value) published on Thursday 2014-04-10
AHEAD = [
    ("See you Friday!", "Friday", "2014-04-11"),
    ("Call me Sat 11pm.", "Sat 11pm", "2014-04-12T23:00"),
    ("Meet me on 3dec at the station.", "3dec", "2014-12-03"),
    ("Come to the party on Saturday.", "Saturday", "2014-04-12"),
    ("Join us Sunday for the match.", "Sunday", "2014-04-13"),
    ("@jo join us Sunday for the match.", "Sunday", "2014-04-13"),
    ("Please join us on Saturday.", "Saturday", "2014-04-12"),
    ("Vote on Tuesday.", "Tuesday", "2014-04-15"),
    ("Tickets go on sale Monday.", "Monday", "2014-04-14"),
    ("The show opens Friday.", "Friday", "2014-04-11"),
    ("Markets close Friday.", "Friday", "2014-04-11"),
    ("Don't miss the final Sunday.", "Sunday", "2014-04-13"),
    ("Save the date: Saturday.", "Saturday", "2014-04-12"),
    ("The new season kicks off Saturday.", "Saturday", "2014-04-12"),
    ("The documentary airs Sunday.", "Sunday", "2014-04-13"),
    ("Police say the exhibition opens on Monday.", "Monday", "2014-04-14"),
    ("how about friday night?", "friday night", "2014-04-11TNI"),
    ("Can't make it tonight, see you Friday!", "Friday", "2014-04-11"),
    ("how about friday night or sat?", "sat", "2014-04-12"),
]

STAYS_PAST = [
    ("Police say the man was arrested Monday.", "Monday", "2014-04-07"),
    ("The company said Monday it opens a store.", "Monday", "2014-04-07"),
    ("The store opened Friday.", "Friday", "2014-04-04"),
    ("Call volumes rose Monday.", "Monday", "2014-04-07"),
    ("Vote counts on Tuesday showed a narrow lead.", "Tuesday", "2014-04-08"),
    ("Join the talks, he urged Monday.", "Monday", "2014-04-07"),
    ("Stocks got off to a strong start Monday.", "Monday", "2014-04-07"),
    ("Shares fell at the close Friday.", "Friday", "2014-04-04"),
    ("Officials met Tuesday.", "Tuesday", "2014-04-08"),
    ("See you, he said on Monday.", "Monday", "2014-04-07"),
    # the cues only lean ahead: a date some weeks back stays there rather than jumping most of a year on
    ("Drilling on the second well starts on 2 March.", "2 March", "2014-03-02"),
    ("Watch the spill's path since March 20.", "March 20", "2014-03-20"),
    ("Come and see what has changed since 1 February.", "1 February", "2014-02-01"),
]


@pytest.mark.parametrize(("text", "phrase", "value"), AHEAD + STAYS_PAST)
def test_weekday_side(text: str, phrase: str, value: str) -> None:
    expressions, _events = analyse(Document(id="d", text=text, published=THURSDAY))
    assert (phrase, value) in [(e.text, e.value.value if e.value else None) for e in expressions]
