from __future__ import annotations

import datetime as dt

import pytest

from chrono.attach.events import attach_events
from chrono.attach.headline import headline
from chrono.model import Document, Expression, Granularity, PartialValue, Span, TimexType, Value
from chrono.pipeline import build_timeline
from chrono.segment.sentences import split_sentences

DAY = Value("2023-03-01", TimexType.DATE, start=dt.date(2023, 3, 1), end=dt.date(2023, 3, 1),
            granularity=Granularity.DAY)
YEAR = Value("2022", TimexType.DATE, start=dt.date(2022, 1, 1), end=dt.date(2022, 12, 31),
             granularity=Granularity.YEAR)
DURATION = Value("P3W", TimexType.DURATION)
SET = Value("XXXX-WXX-1", TimexType.SET, quant="EVERY")
PRESENT = Value("PRESENT_REF", TimexType.DATE)


def _expression(text: str, phrase: str, value: Value | None, occurrence: int = 0) -> Expression:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return Expression(phrase, Span(start, start + len(phrase)), PartialValue(), document="doc", value=value)


def _events(text: str, found: list[tuple[str, Value | None]]):
    document = Document(id="doc", text=text, published=dt.date(2023, 3, 2))
    expressions = [_expression(text, phrase, value) for phrase, value in found]
    return attach_events(expressions, split_sentences(text), document)


@pytest.mark.parametrize(("found", "phrases"), [
    ([("Wednesday", DAY)], ["Wednesday"]),
    ([("Wednesday", DAY), ("last year", YEAR)], ["Wednesday", "last year"]),  # two in one sentence: two events
    ([("three weeks", DURATION)], []),  # durations are not events
    ([("every Monday", SET)], []),  # nor sets
    ([("now", PRESENT)], []),  # nor fuzzy references
    ([("Wednesday", None)], []),  # nor unresolved expressions
])
def test_which_expressions_become_events(found: list[tuple[str, Value | None]], phrases: list[str]) -> None:
    text = "Xi met Lukashenko on Wednesday, now three weeks after last year's talks. They meet every Monday."
    events = _events(text, found)
    assert [e.phrase for e in events] == phrases
    for event in events:
        assert text[event.span.start:event.span.end] == event.phrase
        assert event.sentence == "Xi met Lukashenko on Wednesday, now three weeks after last year's talks."
        assert event.document == "doc"


def test_each_event_carries_its_own_sentence() -> None:
    text = "Prices rose on Wednesday. Sales fell last year, the firm said."
    events = _events(text, [("Wednesday", DAY), ("last year", YEAR)])
    assert [(e.sentence, e.headline) for e in events] == [
        ("Prices rose on Wednesday.", "Prices rose on Wednesday"),
        ("Sales fell last year, the firm said.", "Sales fell last year, the firm said"),
    ]


LONG = ("Xi welcomed Lukashenko to the Great Hall of the People in Beijing on Wednesday for their first "
        "face-to-face meeting since the two leaders strengthened ties toward a strategic partnership.")


@pytest.mark.parametrize(("sentence", "phrase", "expected"), [
    # short sentences stay whole, without the final stop
    ("Prices rose on Wednesday.", "Wednesday", "Prices rose on Wednesday"),
    ("Did prices rise on Wednesday?", "Wednesday", "Did prices rise on Wednesday?"),
    # a long clause is windowed from its start; the cut inside the clause shows as an ellipsis
    (LONG, "Wednesday", "Xi welcomed Lukashenko to the Great Hall of the People in Beijing on Wednesday for their "
                        "first face-to-face meeting since…"),
    # whole neighbouring clauses are kept while they fit; a cut at a clause boundary has no ellipsis
    ("Lukashenko also met with Chinese Premier Li Keqiang on Wednesday and called on the two countries to step up "
     "relations, according to a reading from the Belarusian government.", "Wednesday",
     "Lukashenko also met with Chinese Premier Li Keqiang on Wednesday and called on the two countries to step up "
     "relations"),
    # the clause holding the expression, even when it is not the first
    ("The talks, which had stalled for weeks amid bitter disputes over funding and over the border, resumed in "
     "Geneva on Monday while protesters gathered outside the building.", "Monday",
     "Resumed in Geneva on Monday while protesters gathered outside the building"),
    # a short clause borrows words from the next one, marking the cut
    ("Before heading to Moscow last month, Lukashenko said it was impossible for his country to send troops to "
     "Ukraine in any circumstances whatsoever.", "last month",
     "Before heading to Moscow last month, Lukashenko said it was impossible for his country to send troops to "
     "Ukraine…"),
    # a stub of a last clause takes the end of the clause before it
    ("He said he had no plans to meet his Russian or Chinese counterparts at a G20 meeting for ministers in New "
     "Delhi, India on March 2.", "March 2",
     "…to meet his Russian or Chinese counterparts at a G20 meeting for ministers in New Delhi, India on March 2"),
    # the comma inside a date is not a clause boundary
    ("The ministers, who had not met for a long time because of the sanctions and the war, will meet on "
     "March 2, 2023, in New Delhi, officials said.", "March 2, 2023",
     "Will meet on March 2, 2023, in New Delhi, officials said"),
    # a preposition before a relative word goes with it; dangling words are trimmed
    ("The summit in Uzbekistan last September, in which Putin also took part, ended without a statement of any "
     "kind from the leaders.", "last September",
     "The summit in Uzbekistan last September, in which Putin also took part"),
    # a clause opening with a relative word keeps its antecedent
    ("According to prosecutors in the capital on the coast, the former minister, who resigned last March after a "
     "scandal over contracts, has been charged with fraud, corruption, abuse of office and lying.", "last March",
     "The former minister, who resigned last March after a scandal over contracts, has been charged with fraud, "
     "corruption"),
    # unbalanced quotes left by a cut are dropped
    ('"We will never surrender," he said on Tuesday.', "Tuesday", '"We will never surrender," he said on Tuesday'),
    # a short leading phrase closed by a comma dates the clause after it, not the statement before the semicolon
    ("In the 1970s, she was a junior clerk at a small bank in Ohio; three decades later, she was running the "
     "central bank of the whole country.", "three decades later",
     "Three decades later, she was running the central bank of the whole country"),
    ("In 2001 the brothers sold their first bicycle from a garage in Leeds; the following year, they opened a "
     "workshop in Manchester.", "the following year", "The following year, they opened a workshop in Manchester"),
    ("The council approved the budget after a long and bitter night of debate over the library — by March, the "
     "new branch had opened its doors.", "March", "By March, the new branch had opened its doors"),
    # ... but a clause that merely ends with a comma keeps its place
    ("The two bombings happened 300 miles from each other but only minutes apart on Monday, leaving dozens of "
     "people wounded in both cities.", "Monday",
     "The two bombings happened 300 miles from each other but only minutes apart on Monday"),
    # a headline never starts inside a quotation: the attribution after it starts the clause, minus its verb
    ("“Our factories were idle for months, but the order books are finally filling up,” said Managing Director "
     "Ola Berg, who joined the firm in the spring of 2018.", "the spring of 2018",
     "Managing Director Ola Berg, who joined the firm in the spring of 2018"),
    # a trailing comma inside a closing quote goes with the cut
    ("The ministry will publish its review of the contracts “in the coming weeks,” a spokeswoman for the ministry "
     "told reporters waiting outside the building on a rainy afternoon.", "the coming weeks",
     "The ministry will publish its review of the contracts “in the coming weeks”"),
    # stopping right before a relative clause with no comma cuts a noun phrase: an ellipsis says so
    ("The budget airline posted record quarterly profits at its headquarters on Tuesday, closing a financial year "
     "in which passenger numbers finally returned to their level of before the pandemic.", "Tuesday",
     "The budget airline posted record quarterly profits at its headquarters on Tuesday, closing a financial year…"),
    ("The budget airline posted record quarterly profits at its headquarters on Tuesday, closing a tough year, "
     "which began with strikes at three of its busiest airports in the north.", "Tuesday",
     "The budget airline posted record quarterly profits at its headquarters on Tuesday, closing a tough year"),
])
def test_headline(sentence: str, phrase: str, expected: str) -> None:
    start = sentence.index(phrase)
    assert headline(sentence, (start, start + len(phrase))) == expected


@pytest.mark.parametrize("words", [5, 19, 40, 80])
def test_headline_is_short_and_holds_the_phrase(words: int) -> None:
    sentence = " ".join(["word"] * words + ["on", "Friday"] + ["more"] * words) + "."
    start = sentence.index("Friday")
    result = headline(sentence, (start, start + 6))
    assert "Friday" in result
    assert len(result.replace("…", " ").split()) <= 20


@pytest.mark.parametrize(("text", "phrases"), [
    ("Prices rose on Wednesday and fell on Friday, traders said.", ["Wednesday", "Friday"]),
    (" ".join(["word"] * 500) + " on Monday and on Tuesday", ["Monday", "Tuesday"]),  # cut by the segmenter's cap
])
def test_events_of_one_sentence_share_its_text(text: str, phrases: list[str]) -> None:
    events = _events(text, [(phrase, DAY) for phrase in phrases])
    assert len(events) == len(phrases)
    assert all(event.sentence is events[0].sentence for event in events)  # one string, not a copy per event
    assert all(text[event.span.start:event.span.end] == event.phrase for event in events)


# Dates a coordinator joins share one clause: the headline is never cut between them (the first used to end
# "...strikes planned for 18" and the second start "20 March will go ahead"); other cuts stay where they were.
JOINED_DATES = [
    ("Talks between the union and the rail operator broke down on Wednesday evening, meaning strikes planned for "
     "18 and 20 March will go ahead, the union said.",
     {"Wednesday evening": "Talks between the union and the rail operator broke down on Wednesday evening",
      "18": "Meaning strikes planned for 18 and 20 March will go ahead, the union said",
      "20 March": "Meaning strikes planned for 18 and 20 March will go ahead, the union said"}),
    ("The committee, which has been examining the contracts awarded during the pandemic for more than a year, "
     "will hold its hearings on Tuesday, or Thursday if the minister is unavailable.",
     {"Tuesday": "Will hold its hearings on Tuesday, or Thursday if the minister is unavailable",
      "Thursday": "Will hold its hearings on Tuesday, or Thursday if the minister is unavailable"}),
    # not joined: a clause of its own stands between the two dates, so the cut before "and" stays
    ("The regulator opened its long-awaited inquiry into the collapse of the bank on Monday and the bank's former "
     "chief executive resigned from the boards of two charities on Friday.",
     {"Monday": "The regulator opened its long-awaited inquiry into the collapse of the bank on Monday",
      "Friday": "The bank's former chief executive resigned from the boards of two charities on Friday"}),
]


@pytest.mark.parametrize(("text", "headlines"), JOINED_DATES)
def test_joined_dates_share_their_clause(text: str, headlines: dict[str, str]) -> None:
    timeline = build_timeline(text, "2026-03-12")
    assert {event.phrase: event.headline for event in timeline.events} == headlines


# Not every expression is an event: boilerplate, citations, names and titles, hypothetical days stay expressions
# (TimeML tags them) but date nothing; the story's own dates beside them still do.
@pytest.mark.parametrize(("text", "phrase", "is_event"), [
    ("(c) Thomson Reuters 2020", "2020", False),
    ("© 2019 Science X Network", "2019", False),
    ("Copyright 2020 The Associated Press. All rights reserved.", "2020", False),
    ("(c) Thomson Reuters 2020. The talks ended in 2019.", "2019", True),
    ("Nature 574, 16-17 (2019).", "2019", False),
    ("Smith et al. (2019) found that it works.", "2019", False),
    ("Is this the recovery?Monday, 6 January 2020", "Monday, 6 January 2020", False),
    ("Talks resume\nPublished: Monday, 6 January 2020\n\nThe talks began.", "Monday, 6 January 2020", False),
    ("The talks began on Monday, 6 January 2020.", "Monday, 6 January 2020", True),
    ("By Jane Doe | Reuters | January 5, 2020\n\nThe talks began.", "January 5, 2020", False),
    ("By March, troops held the city | and on June 5, 2020 they left.", "June 5, 2020", True),
    # a wire or press-release dateline: the day the text was written, with a year or without
    ("LONDON, 2 March 2020 (Reuters) - The talks began today.", "2 March 2020", False),
    ("SPRINGFIELD, Ill., March 2, 2020 /PRNewswire/ -- Acme Corp. today announced a merger.", "March 2, 2020", False),
    ("Sydney, 2 March 2020: The talks began.", "2 March 2020", False),
    ("BEIJING, March 2 (Xinhua) -- The talks began.", "March 2", False),
    ("On March 2, 2020, the council voted.", "March 2, 2020", True),
    ("Paris, France, March 2, 2020 was a day to remember.", "March 2, 2020", True),
    ("Sam Mendes' film \"1917\" won praise in 2020.", "1917", False),
    ("Sam Mendes' film \"1917\" won praise in 2020.", "2020", True),
    ("The war ended in 1917, he said.", "1917", True),
    ("NOAA released its U.S. Winter Outlook on Thursday.", "Winter", False),
    ("NOAA released its U.S. Winter Outlook on Thursday.", "Thursday", True),
    ("If you need a dollar today to feed your children, you are poor.", "today", False),
    ("If I wake up tomorrow, I will call you.", "tomorrow", False),
    ("He will call you tomorrow, if he can.", "tomorrow", True),
    # a web page's archive widget and posts' stamps; a count in a sentence, a date with other words stay events
    ("Archives\n\nMarch 2020 (12)\n\nFebruary 2020 (9)", "March 2020", False),
    ("Sales rose in March 2020 (12 percent), the bank said.", "March 2020", True),
    ("Posted on 3 February 2020 at 10:14\n\nThe bridge shut.", "3 February 2020", False),
    ("Reply #4 on: February 3, 2020, 10:14 AM\n\nThe bridge shut.", "10:14 AM", False),
    ("March 1, 2020\n\nThe bridge shut.", "March 1, 2020", False),
    ("Posted on 3 February 2020 at 10:14 by Jo\n\nThe bridge shut.", "10:14", True),
    ("AD2019-11", "AD2019", True),  # no day: a range of years, not a stamp
    ("Updated 3 hours ago\n\nThe bridge shut.", "3 hours ago", False),
    ("Last modified on Tue 3 Mar 2020 09.30 GMT\n\nThe bridge shut.", "09.30 GMT", False),
    ("On Friday.\n\nThe bridge shut.", "Friday", True),  # a joiner alone makes no stamp
    ("By Jo Reid | Published 12:04 GMT, 1 March 2020 | Updated 12:40 GMT, 2 March 2020\n\nThe bridge shut.",
     "2 March 2020", False),
    ("Posted by Jo Reid on March 1, 2020 at 10:14\n\nThe bridge shut.", "10:14", False),
    ("Submitted by admin on Sun, 03/01/2020 - 08:30\n\nThe bridge shut.", "08:30", False),
    ("Posted by Jo on Facebook at the time, it said on Monday the fire started.", "Monday", True),
    ("It remains a mystery to this day.", "this day", False),
    ("Ludendorff referred to this day as the black day of the army.", "this day", True),
])
def test_not_every_expression_is_an_event(text: str, phrase: str, is_event: bool) -> None:
    timeline = build_timeline(text, published="2020-03-02")
    assert phrase in [expression.text for expression in timeline.expressions]  # still an expression
    assert (phrase in [event.phrase for event in timeline.events]) is is_event


# A weekly schedule (several days joined to a span of hours) dates no event, none of its parts; one day with its
# hours is a one-off and stays an event (#9).
@pytest.mark.parametrize(("text", "events"), [
    ("The library is open Mon-Fri 9am-5pm and Saturdays 10am-2pm. The council voted on Tuesday to close it.",
     ["Tuesday"]),
    ("Opening hours: Monday to Friday, 9:00 to 17:00.", []),
    ("The office is open weekdays 9-5.", []),
    ("The museum opens Sat & Sun 10am-4pm.", []),
    ("The pool is open daily 8am-8pm.", []),
    ("Open 9am-5pm Mon-Fri, closed on holidays.", []),
    ("Hours: Mon-Fri 9am-5pm, Sat 10am-2pm, Sun closed.", []),
    ("Classes run Mon, Wed and Fri from 6pm to 8pm.", []),
    ("The talks run Monday 9am-5pm.", ["Monday 9am", "5pm"]),
    ("The strike is on Tuesday from 2pm to 4pm.", ["Tuesday", "2pm", "4pm"]),
    ("The talks run Monday 9am-5pm and Tuesday 9am-1pm.", ["Monday 9am", "5pm", "Tuesday 9am", "1pm"]),
    ("The court sits on Monday and Tuesday, 9-10 March.", ["Monday", "Tuesday", "9", "10 March"]),  # days, not hours
    ("They met on Monday and Tuesday at 9am.", ["Monday", "Tuesday at 9am"]),  # no span of hours
])
def test_a_schedule_is_no_event(text: str, events: list[str]) -> None:
    timeline = build_timeline(text, published="2023-03-02")
    assert sorted(event.phrase for event in timeline.events) == sorted(events)


def test_in_spring_of_last_year_keeps_its_season() -> None:
    timeline = build_timeline("They met in spring of last year.", published="2020-03-02")
    assert [(event.phrase, event.when.value) for event in timeline.events] == [("spring of last year", "2019-SP")]
