"""News registers with their own temporal language, end to end (read + tag + resolve), published Thursday 1
February 2024: sport, business, courts, obituaries, weather and transport notices, politics. (locale, text, phrase,
value); a value of None says the phrase is no expression there (a must-not row).

Decisions (TIMEX3, docs in /work/shared/design/timex3.md): a minute or stoppage time of a match, a half of it, an
age ("aged 91", "in her twenties"), a life sentence, "until further notice", "year-on-year" and "the previous
parliament" name no calendar time; a sentence or a contract's length is a DURATION; the midnight that ends a range
is the end of its start's day (T24:00, as TimeBank writes "midnight Friday").
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from chrono.model import Document, Domain
from chrono.pipeline import analyse

PUBLISHED = dt.date(2024, 2, 1)

SPORT = [
    ("en_GB", "The club finished third in the 2023-24 season.", "the 2023-24 season", "2023"),
    ("en_GB", "He signed a three-year deal.", "three-year", "P3Y"),
    ("en_GB", "He is contracted until 2027.", "2027", "2027"),
    ("en_GB", "Saturday's match was postponed.", "Saturday", "2024-01-27"),
    ("en_IN", "Kohli will play his 100th Test in Mohali.", "100th Test", None),
    ("en_GB", "England regained the Ashes.", "the Ashes", None),
    ("en_GB", "Saka scored in the 89th minute.", "the 89th minute", None),
    ("en_GB", "Rice equalised in stoppage time.", "stoppage time", None),
    # a half of a match, with a word of the game in its sentence, is no half of the year
    ("en_GB", "He scored a first-half penalty.", "first-half", None),
    ("en_GB", "City were 2-0 up after the first half.", "the first half", None),
    ("en_GB", "Kane scored early in the second half.", "the second half", None),
    ("en_GB", "The visitors had a man sent off for a second yellow card in the second half.", "the second half",
     None),
    ("en_GB", "A late goal in the first half settled the match.", "the first half", None),
    # ... rows that stay: a company's half, a half of the year
    ("en_GB", "Revenue rose 8% in the first half.", "the first half", "2024-H1"),
    ("en_US", "Sales rose in the first half, the company said.", "the first half", "2024-H1"),
    ("en_US", "Profit fell in the second half of the year.", "the second half of the year", "2024-H2"),
    ("en_GB", "The club's profit fell in the first half, and its goal is to cut costs.", "the first half",
     "2024-H1"),
]

BUSINESS = [
    ("en_GB", "Sales rose 5% in the three months to June.", "the three months", "P3M"),
    ("en_GB", "Profit fell in the six months ended 30 September.", "30 September", "2023-09-30"),
    ("en_US", "Shares hit a 52-week high.", "52-week", "P52W"),
    ("en_US", "The company will report Q3 results next week.", "next week", "2024-W06"),
    ("en_US", "Profit rose in the fourth quarter.", "the fourth quarter", "2023-Q4"),
    ("en_AU", "Profit rose in the December quarter.", "the December quarter", "2023-Q4"),
    ("en_US", "Prices have risen 8% over the past 12 months.", "the past 12 months", "P12M"),
    ("en_US", "Profit rose from the year-earlier period.", "the year-earlier period", "2023"),
    ("en_IN", "The company cut its FY25 guidance.", "FY25", "2025"),
    ("en_GB", "Coal will be phased out by the end of the decade.", "the end of the decade", "202"),
    ("en_US", "The stock is down 20% so far this year.", "this year", "2024"),
    ("en_GB", "Prices rose 4% year-on-year.", "year-on-year", None),
    ("en_GB", "Sales rose 5% month-on-month.", "month-on-month", None),
    ("en_US", "Sales are up 10% YTD.", "YTD", None),
]

COURTS = [
    ("en_GB", "The offence took place on or about 12 May 2023.", "12 May 2023", "2023-05-12"),
    ("en_GB", "The thefts happened between 1 and 3 March.", "3 March", "2024-03-03"),
    ("en_GB", "He was sentenced to 10 years in prison.", "10 years", "P10Y"),
    ("en_US", "He faces up to 20 years in prison.", "up to 20 years", "P20Y"),
    ("en_GB", "The magistrates ordered a 14-day remand.", "14-day", "P14D"),
    ("en_GB", "He was given a life sentence with a minimum term of 30 years.", "30 years", "P30Y"),
    ("en_GB", "He will be sentenced next month.", "next month", "2024-03"),
    ("en_GB", "The trial continues tomorrow.", "tomorrow", "2024-02-02"),
    ("en_GB", "He was jailed for life.", "life", None),
]

LIVES = [
    ("en_GB", "Smith (1932-2024) was a painter.", "1932", "1932"),
    ("en_GB", "Smith (1932-2024) was a painter.", "2024", "2024"),
    ("en_GB", "The actor died on Tuesday aged 91.", "Tuesday", "2024-01-30"),
    ("en_GB", "He was born in Leeds in 1932.", "1932", "1932"),
    ("en_GB", "He worked at the BBC for five decades.", "five decades", "P50Y"),
    ("en_GB", "The actor died on Tuesday aged 91.", "aged 91", None),
    ("en_GB", "He died at the age of 91.", "91", None),
    # a decade of someone's life is an age, not the 1920s
    ("en_GB", "She moved to Paris in her twenties.", "twenties", None),
    ("en_GB", "He retired in his late sixties.", "late sixties", None),
    ("en_GB", "She is in her early thirties.", "early thirties", None),
    ("en_GB", "Their forties were hard.", "forties", None),
    # ... rows that stay: the calendar's decades
    ("en_GB", "Jazz boomed in the twenties.", "the twenties", "192"),
    ("en_US", "The company was founded in the late nineties.", "the late nineties", "199"),
]

NOTICES = [
    ("en_GB", "Up to 50mm of rain could fall over the next 48 hours.", "the next 48 hours", "PT48H"),
    ("en_GB", "Snow is expected on Thursday night into Friday.", "Thursday night", "2024-02-01TNI"),
    ("en_GB", "Snow is expected on Thursday night into Friday.", "Friday", "2024-02-02"),
    ("en_GB", "The line is closed until further notice.", "further notice", None),
    # a weekend made long by a holiday, said with "this"/"last"
    ("en_GB", "Traffic will be heavy this bank holiday weekend.", "this bank holiday weekend", "2024-W05-WE"),
    ("en_US", "Traffic will be heavy this holiday weekend.", "this holiday weekend", "2024-W05-WE"),
    ("en_GB", "Traffic will be heavy this Easter weekend.", "this Easter weekend", "2024-W13-WE"),
    ("en_GB", "Roads were quiet last Easter weekend.", "last Easter weekend", "2023-W14-WE"),
    ("en_GB", "Traffic will be heavy over the Easter weekend.", "the Easter weekend", "2024-W13-WE"),
    # a present verb that runs or continues a scheduled thing looks ahead, as "opens" and "meets" do
    ("en_GB", "The strike runs from 6am Monday until 5pm.", "6am Monday", "2024-02-05T06:00"),
    ("en_GB", "The strike runs from 6am Monday until 5pm.", "5pm", "2024-02-05T17:00"),
    ("en_GB", "The festival runs from Friday to Sunday.", "Sunday", "2024-02-04"),
    ("en_GB", "The trial continues on Tuesday.", "Tuesday", "2024-02-06"),
    ("en_GB", "The trial continued on Tuesday.", "Tuesday", "2024-01-30"),
    # the midnight that ends a range is the end of its start's day; a clock time ending a range is on the day
    # its start names, not the next such weekday
    ("en_GB", "Rain is expected from 6pm Friday until midnight.", "midnight", "2024-02-02T24:00"),
    ("en_GB", "The road was closed from 9pm on Saturday until midnight.", "midnight", "2024-01-27T24:00"),
    ("en_GB", "The party ran from 10pm to midnight.", "midnight", "2024-02-01T24:00"),
    ("en_GB", "The strike ran from 6am on Monday until 5pm.", "5pm", "2024-01-29T17:00"),
    ("en_GB", "Police closed the bridge from 11pm Saturday to 2am.", "2am", "2024-01-28T02:00"),
    # ... rows that stay: a bare midnight, an overnight end, an afternoon end written without p.m.
    ("en_GB", "The blast came shortly after midnight.", "midnight", "2024-02-01T00:00"),
    ("en_GB", "Open from 11pm to 1:30 tonight.", "1:30", "2024-02-02T01:30"),
    ("en_GB", "The talks ran from 12:30 to 3:30 on Friday.", "3:30", "2024-01-26T15:30"),
]

POLITICS = [
    ("en_GB", "Turnout fell at the 2024 general election.", "2024", "2024"),
    ("en_GB", "Labour is favourite to win next year's election.", "next year", "2025"),
    ("en_GB", "The bill will be passed within 100 days.", "100 days", "P100D"),
    ("en_GB", "Parliament has a fixed five-year term.", "five-year", "P5Y"),
    ("en_GB", "The bill fell in the previous parliament.", "the previous parliament", None),
    # going to the polls told in the present is a day ahead
    ("en_AU", "Voters head to the polls on Saturday.", "Saturday", "2024-02-03"),
    ("en_GB", "The country goes to the polls on 4 July.", "4 July", "2024-07-04"),
    ("en_GB", "Voters went to the polls on Saturday.", "Saturday", "2024-01-27"),
    # two terms of four years are no six-year length
    ("en_US", "He served two four-year terms.", "four-year", "P4Y"),
    ("en_GB", "The three five-year plans failed.", "five-year", "P5Y"),
    ("en_US", "It took twenty-four hours.", "twenty-four hours", "PT24H"),
    # an election called for a day, a vote brought forward to one, are ahead of the calling
    ("en_GB", "Sunak called a snap election for 4 July.", "4 July", "2024-07-04"),
    ("en_GB", "The prime minister called a general election for 4 July.", "4 July", "2024-07-04"),
    ("en_GB", "The vote was brought forward to 12 March.", "12 March", "2024-03-12"),
    ("en_GB", "He won the election in May.", "May", "2023-05"),
    ("en_GB", "Voters backed Labour in the election for mayor in May.", "May", "2023-05"),
    ("en_GB", "Turnout was high on polling day.", "day", None),
    # an event's day opening a sentence is no day's length; its date is
    ("en_GB", "Polling day is 4 July.", "day", None),
    ("en_GB", "Polling day is 4 July.", "4 July", "2024-07-04"),
    ("en_GB", "Results day is next Thursday.", "day", None),
    ("en_GB", "Budget day falls on 6 March.", "day", None),
    # ... rows that stay
    ("en_GB", "A long day is ahead.", "A long day", "P1D"),
    ("en_GB", "Every day is a struggle.", "Every day", "P1D"),
]

ROWS = SPORT + BUSINESS + COURTS + LIVES + NOTICES + POLITICS


def _values(locale: str, text: str) -> dict[str, str | None]:
    document = Document("row", text, PUBLISHED, locale=locale or None)
    expressions, _events = analyse(document, domain=Domain.NEWS, locale=locale or None)
    return {expression.text: expression.value.value if expression.value else None for expression in expressions}


def _overlaps(phrase: str, found: str) -> bool:
    """True when one holds the other as whole words ("aged 91" and "91"; "day" is not in "Thursday")."""
    def holds(outer: str, inner: str) -> bool:
        return re.search(rf"(?<!\w){re.escape(inner)}(?!\w)", outer) is not None
    return holds(phrase, found) or holds(found, phrase)


@pytest.mark.parametrize(("locale", "text", "phrase", "expected"), ROWS,
                         ids=[f"{row[0]}-{row[2]}-{number}" for number, row in enumerate(ROWS)])
def test_register_value(locale: str, text: str, phrase: str, expected: str | None) -> None:
    values = _values(locale, text)
    if expected is None:
        assert not any(_overlaps(phrase, found) for found in values), values
    else:
        assert values.get(phrase) == expected, values
