"""Forms of web pages (posts' stamps, event listings, opening hours, shop and footer dates) and their values."""

from __future__ import annotations

import datetime as dt

import pytest

from chrono.model import Document
from chrono.pipeline import analyse

PUBLISHED = dt.date(2015, 3, 10)  # a Tuesday

# (page text, [(expression, type, value)] expected among what is found)
FORMS: list[tuple[str, list[tuple[str, str, str]]]] = [
    # stamps of posts and pages
    ("Posted on March 3, 2015 at 10:15 am by admin.", [("March 3, 2015", "DATE", "2015-03-03"),
                                                      ("10:15 am", "TIME", "2015-03-03T10:15")]),
    ("Published: 03/03/2015 10:15", [("03/03/2015", "DATE", "2015-03-03"), ("10:15", "TIME", "2015-03-03T10:15")]),
    ("Last updated: 2015-03-03T10:15:00Z", [("2015-03-03T10:15:00Z", "TIME", "2015-03-03T10:15Z")]),
    ("Mar 3rd, 2015 @ 10:15pm", [("Mar 3rd, 2015", "DATE", "2015-03-03"), ("10:15pm", "TIME", "2015-03-03T22:15")]),
    ("3 March 2015 | 10:15 GMT", [("10:15 GMT", "TIME", "2015-03-03T10:15Z")]),
    ("Submitted on Thu, 03/05/2015 - 10:15 by admin", [("10:15", "TIME", "2015-03-05T10:15")]),
    ("Last post: Yesterday, 22:41 by admin", [("Yesterday", "DATE", "2015-03-09"),
                                              ("22:41", "TIME", "2015-03-09T22:41")]),
    ("Today 09:30 - new reply", [("09:30", "TIME", "2015-03-10T09:30")]),
    ("Edited 2h ago by admin", [("2h ago", "DATE", "2015-03-10")]),
    ("Reply 3d ago", [("3d ago", "DATE", "2015-03-07")]),
    ("Member joined 4mo ago", [("4mo ago", "DATE", "2014-11")]),
    # event listings and shop notices
    ("Mar 3–5, 2015 at the hall", [("Mar 3", "DATE", "2015-03-03"), ("5, 2015", "DATE", "2015-03-05")]),
    ("Mondays 6-8pm at the hall", [("6", "SET", "XXXX-WXX-1T18:00"), ("8pm", "SET", "XXXX-WXX-1T20:00")]),
    # a day and a time with no verb is a listing's entry: the nearer Friday (the one to come from a Tuesday)
    ("Workshop: 6-8pm on Friday.", [("6", "TIME", "2015-03-13T18:00"), ("8pm on Friday", "TIME", "2015-03-13T20:00")]),
    ("Lunch 11-1pm daily.", [("11", "TIME", "2015-03-10T11:00")]),
    ("Talks 9:30 – 11 a.m. in the hall", [("9:30", "TIME", "2015-03-10T09:30")]),
    ("Late bar 10-2am.", [("10", "TIME", "2015-03-10T22:00"), ("2am", "TIME", "2015-03-11T02:00")]),
    ("Shows at 5 and 8pm.", [("5", "TIME", "2015-03-10T17:00")]),
    ("Sale ends 3/31, while stocks last.", [("3/31", "DATE", "2015-03-31")]),
    ("Offer valid until 15/3.", [("15/3", "DATE", "2015-03-15")]),
    ("every other Tuesday", [("every other Tuesday", "SET", "XXXX-WXX-2")]),
    # opening hours recur
    ("Mon–Fri 9:00–17:00", [("Mon", "SET", "XXXX-WXX-1"), ("Fri 9:00", "SET", "XXXX-WXX-5T09:00"),
                            ("17:00", "SET", "XXXX-WXX-5T17:00")]),
    ("Open daily 10am-6pm", [("10am", "SET", "XXXX-XX-XXT10:00"), ("6pm", "SET", "XXXX-XX-XXT18:00")]),
    ("Hours: Mon - Fri: 8am - 6pm", [("Fri", "SET", "XXXX-WXX-5"), ("6pm", "SET", "XXXX-WXX-5T18:00")]),
    ("Mon-Sat 10am-6pm, Sun 11am-5pm", [("6pm", "SET", "XXXX-WXX-6T18:00"), ("5pm", "SET", "XXXX-WXX-7T17:00")]),
    ("We're open Monday through Friday from 9am to 5pm.", [("Monday", "SET", "XXXX-WXX-1"),
                                                          ("9am", "SET", "XXXX-WXX-5T09:00")]),
    # one day's times, and a course's days inside a sentence, stay dates
    ("Saturday 7:30pm – 10pm", [("10pm", "TIME", "2015-03-07T22:00")]),
    ("Class May 5 - 6 (Tues-Wed 9:00am - 5:30pm) at the gym", [("Tues", "DATE", "2015-05-05")]),
    ("Polls open Tuesday at 7 a.m. and close at 8 p.m.", [("8 p.m", "TIME", "2015-03-10T20:00")]),
    # footers, codes of periods, seasons, weeks
    ("© 2015 Acme Inc.", [("2015", "DATE", "2015")]),
    ("Copyright 2010-2015 Acme Inc.", [("2010", "DATE", "2010"), ("2015", "DATE", "2015")]),
    ("Acme, est. 1998", [("1998", "DATE", "1998")]),
    ("Q3 2015 results", [("Q3 2015", "DATE", "2015-Q3")]),
    ("Spring 2016 semester", [("Spring 2016", "DATE", "2016-SP")]),
    ("Shop our Fall '15 collection", [("Fall '15", "DATE", "2015-FA")]),
    ("The summer of '69 was hot.", [("The summer of '69", "DATE", "1969-SU")]),
    ("Delivery in 2015-W10 as planned.", [("2015-W10", "DATE", "2015-W10")]),
    ("Due 2015-W10-2 at the depot.", [("2015-W10-2", "DATE", "2015-03-03")]),
    ("Shipping resumes in week 12 of 2015.", [("week 12 of 2015", "DATE", "2015-W12")]),
    ("Closed wk 9, 2015 for works.", [("wk 9, 2015", "DATE", "2015-W09")]),
    ("Orders ship in calendar week 12.", [("calendar week 12", "DATE", "2015-W12")]),
]


@pytest.mark.parametrize(("text", "expected"), FORMS, ids=[case[0] for case in FORMS])
def test_web_forms(text: str, expected: list[tuple[str, str, str]]) -> None:
    found, _events = analyse(Document(id="page", text=text, published=PUBLISHED))
    got = {(e.text, e.type.value, e.value.value if e.value else "") for e in found}
    assert set(expected) <= got, sorted(got)


@pytest.mark.parametrize("text", ["It was week 10 of the season.", "Week 10 of the course: loops."])
def test_week_of_something_else_is_no_calendar_week(text: str) -> None:
    found, _events = analyse(Document(id="page", text=text, published=PUBLISHED))
    assert not any(e.value and "-W10" in e.value.value for e in found)
