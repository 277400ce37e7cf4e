"""The tagger over a table of phrases: extent found in context, its type and the fields that say what it means."""

from __future__ import annotations

from enum import Enum
from typing import Any

import pytest

from chrono.model import Span
from chrono.tag.tagger import tag_text

# (sentence, expected extent, expected type, expected PartialValue fields)
CASES: list[tuple[str, str, str, dict[str, Any]]] = [
    # weekdays
    ("The minister resigned on Tuesday.", "Tuesday", "DATE", {"weekday": 2, "direction": "TENSE"}),
    ("He resigned last Tuesday.", "last Tuesday", "DATE", {"weekday": 2, "direction": "PAST"}),
    ("They meet next Friday.", "next Friday", "DATE", {"weekday": 5, "direction": "FUTURE"}),
    ("It opens this Sunday.", "this Sunday", "DATE", {"weekday": 7, "direction": "SAME"}),
    ("Polls close this coming Monday.", "this coming Monday", "DATE", {"weekday": 1, "direction": "FUTURE"}),
    ("Talks ended on the previous Friday.", "the previous Friday", "DATE", {"weekday": 5, "anchor": "PREVIOUS"}),
    ("Fighting resumed Wednesday night.", "Wednesday night", "TIME", {"weekday": 3, "part_of_day": "NI"}),
    ("Rebels attacked early Tuesday.", "early Tuesday", "DATE", {"weekday": 2, "mod": "START"}),
    ("The shop shuts on Sundays.", "Sundays", "SET", {"literal": "XXXX-WXX-7"}),
    # days relative to today
    ("The report was released today.", "today", "DATE", {"unit": "DAY", "shift": 0}),
    ("Shares fell yesterday.", "yesterday", "DATE", {"unit": "DAY", "shift": -1}),
    ("Voting starts tomorrow.", "tomorrow", "DATE", {"unit": "DAY", "shift": 1}),
    ("He will speak tonight.", "tonight", "TIME", {"part_of_day": "NI", "shift": 0}),
    ("Police said this morning that", "this morning", "TIME", {"part_of_day": "MO", "unit": "DAY", "shift": 0}),
    ("Protests spread this afternoon.", "this afternoon", "TIME", {"part_of_day": "AF"}),
    ("Protests spread this evening.", "this evening", "TIME", {"part_of_day": "EV"}),
    ("Rockets fell last night.", "last night", "TIME", {"part_of_day": "NI", "shift": -1}),
    ("The vote came late yesterday.", "late yesterday", "DATE", {"shift": -1, "mod": "END"}),
    ("Trading resumed yesterday afternoon.", "yesterday afternoon", "TIME", {"shift": -1, "part_of_day": "AF"}),
    # month and day
    ("It happened on March 2.", "March 2", "DATE", {"month": 3, "day": 2, "year": None}),
    ("It happened on 2 March.", "2 March", "DATE", {"month": 3, "day": 2}),
    ("It happened on March 2, 2023.", "March 2, 2023", "DATE", {"year": 2023, "month": 3, "day": 2}),
    ("It happened in March 2023.", "March 2023", "DATE", {"year": 2023, "month": 3, "day": None}),
    ("Filed Sept. 30 with the agency.", "Sept. 30", "DATE", {"month": 9, "day": 30}),
    ("Signed on 2 Mar. 2023 in Rome.", "2 Mar. 2023", "DATE", {"year": 2023, "month": 3, "day": 2}),
    ("Signed on 2023-03-02.", "2023-03-02", "DATE", {"year": 2023, "month": 3, "day": 2}),
    ("Signed on 03/02/2023.", "03/02/2023", "DATE", {"year": 2023, "day_month": [3, 2], "month": None}),
    ("Sales rose in September.", "September", "DATE", {"month": 9, "direction": "TENSE"}),
    ("The law took effect in May.", "May", "DATE", {"month": 5}),
    ("He left last September.", "last September", "DATE", {"month": 9, "direction": "PAST"}),
    ("It reopens next May.", "next May", "DATE", {"month": 5, "direction": "FUTURE"}),
    ("Prices rose in early December.", "early December", "DATE", {"month": 12, "mod": "START"}),
    ("The deal closes in late May.", "late May", "DATE", {"month": 5, "mod": "END"}),
    ("Talks began in mid-November.", "mid-November", "DATE", {"month": 11, "mod": "MID"}),
    ("It opened in June last year.", "June last year", "DATE", {"month": 6, "unit": "YEAR", "shift": -1}),
    ("He was born on Thursday, April 6.", "Thursday, April 6", "DATE", {"month": 4, "day": 6, "weekday": 4}),
    # periods relative to now
    ("Sales fell this month.", "this month", "DATE", {"unit": "MONTH", "shift": 0}),
    ("Sales will rise next month.", "next month", "DATE", {"unit": "MONTH", "shift": 1}),
    ("Sales fell last year.", "last year", "DATE", {"unit": "YEAR", "shift": -1}),
    ("Sales fell last week.", "last week", "DATE", {"unit": "WEEK", "shift": -1}),
    ("It was signed earlier this month.", "earlier this month", "DATE", {"unit": "MONTH", "mod": None}),
    ("It will be signed later this year.", "later this year", "DATE", {"unit": "YEAR", "shift": 0, "mod": None}),
    ("It closes by the end of the month.", "the end of the month", "DATE", {"unit": "MONTH", "mod": "END"}),
    ("Prices peaked in mid-2022.", "mid-2022", "DATE", {"year": 2022, "mod": "MID"}),
    ("The war began two years ago.", "two years ago", "DATE", {"unit": "YEAR", "shift": -2}),
    ("He arrived three days ago.", "three days ago", "DATE", {"unit": "DAY", "shift": -3}),
    ("The following year, he left.", "The following year", "DATE", {"unit": "YEAR", "shift": 1, "anchor": "PREVIOUS"}),
    ("Profit rose from a year earlier.", "a year earlier", "DATE", {"unit": "YEAR", "shift": -1, "anchor": "PREVIOUS"}),
    ("Later that month, he resigned.", "Later that month", "DATE", {"unit": "MONTH", "shift": 0, "anchor": "PREVIOUS"}),
    ("He died the next day.", "the next day", "DATE", {"unit": "DAY", "shift": 1, "anchor": "PREVIOUS"}),
    ("He returned a week later.", "a week later", "DATE", {"unit": "WEEK", "shift": 1, "anchor": "PREVIOUS"}),
    ("The plant reopens next year.", "next year", "DATE", {"unit": "YEAR", "shift": 1}),
    ("It was approved this week.", "this week", "DATE", {"unit": "WEEK", "shift": 0}),
    # years, decades, centuries
    ("Prices fell in 2020.", "2020", "DATE", {"year": 2020}),
    ("The town was founded in 1066.", "1066", "DATE", {"year": 1066}),
    ("Athens fell in 480 BC.", "480 BC", "DATE", {"literal": "BC0480"}),
    ("Profit in fiscal 1989 fell.", "fiscal 1989", "DATE", {"year": 1989}),
    ("Growth slowed in the 1990s.", "the 1990s", "DATE", {"decade": 199}),
    ("Growth slowed in the '90s.", "the '90s", "DATE", {"decade": 199}),
    ("Growth slowed in the 2010s.", "the 2010s", "DATE", {"decade": 201}),
    ("Wars marked the 20th century.", "the 20th century", "DATE", {"century": 19}),
    ("Rates rose in the late 1970s.", "the late 1970s", "DATE", {"decade": 197, "mod": "END"}),
    # quarters, halves, seasons
    ("Profit fell in the fourth quarter.", "the fourth quarter", "DATE", {"quarter": 4}),
    ("Third-quarter profit fell.", "Third-quarter", "DATE", {"quarter": 3}),
    ("Revenue rose in Q3 2022.", "Q3 2022", "DATE", {"quarter": 3, "year": 2022}),
    ("Sales rose in the first half of 2023.", "the first half of 2023", "DATE", {"half": 1, "year": 2023}),
    ("It flooded last summer.", "last summer", "DATE", {"season": "SU", "direction": "PAST"}),
    ("It flooded in the autumn of 2021.", "the autumn of 2021", "DATE", {"season": "FA", "year": 2021}),
    ("Talks resume this fall.", "this fall", "DATE", {"season": "FA", "direction": "SAME"}),
    ("The project ends in the third quarter of 1990.", "the third quarter of 1990", "DATE",
     {"quarter": 3, "year": 1990}),
    # holidays
    ("Stores close on Christmas Day.", "Christmas Day", "DATE", {"month": 12, "day": 25}),
    ("Fireworks on New Year's Eve.", "New Year's Eve", "DATE", {"month": 12, "day": 31}),
    ("They met on New Year's Day.", "New Year's Day", "DATE", {"month": 1, "day": 1}),
    ("Churches fill at Easter.", "Easter", "DATE", {"holiday": "EASTER"}),
    ("Families gather on Thanksgiving.", "Thanksgiving", "DATE", {"holiday": "THANKSGIVING"}),
    # clock times
    ("Polls open at 15:00 GMT Saturday.", "15:00 GMT Saturday", "TIME", {"hour": 15, "minute": 0, "weekday": 6}),
    ("The blast came at 3 p.m. in the city.", "3 p.m.", "TIME", {"hour": 15}),
    ("The blast came at 10:35 a.m. local time.", "10:35 a.m.", "TIME", {"hour": 10, "minute": 35}),
    ("They met at noon.", "noon", "TIME", {"hour": 12}),
    ("The deadline is midnight Friday.", "midnight Friday", "TIME", {"hour": 24, "weekday": 5}),
    # a clock time and the day written right after it are one expression
    ("The hearing began at 11 a.m. Friday.", "11 a.m. Friday", "TIME", {"hour": 11, "weekday": 5}),
    ("The polls closed at 7 p.m. Tuesday and", "7 p.m. Tuesday", "TIME", {"hour": 19, "weekday": 2}),
    ("It ends at 9 a.m. WEDNESDAY.", "9 a.m. WEDNESDAY", "TIME", {"hour": 9, "weekday": 3}),
    ("Kickoff is 8:15 p.m. ET on Thursday, Sept. 14.", "8:15 p.m. ET on Thursday, Sept. 14", "TIME",
     {"hour": 20, "minute": 15, "weekday": 4, "month": 9, "day": 14}),
    ("Bids are due at 5 p.m. EST Nov. 9 at", "5 p.m. EST Nov. 9", "TIME", {"hour": 17, "month": 11, "day": 9}),
    ("It ended at 6 a.m. Troops left.", "6 a.m", "TIME", {"hour": 6, "weekday": None}),
    # extents of periods written in several words
    ("He starred in the 2022-23 season.", "the 2022-23 season", "DATE", {"year": 2022}),
    ("The shop opened around 2005.", "around 2005", "DATE", {"year": 2005, "mod": "APPROX"}),
    ("Rates rose in the final quarter of last year.", "the final quarter of last year", "DATE",
     {"quarter": 4, "shift": -1}),
    ("He was released three days after that.", "three days after that", "DATE", {"shift": 3, "unit": "DAY"}),
    ("The year before, he was a pastor.", "The year before", "DATE", {"shift": -1, "unit": "YEAR"}),
    ("Earlier in the day, fans lined up.", "the day", "DATE", {"shift": 0, "unit": "DAY"}),
    ("On a rainy Saturday in February, the", "a rainy Saturday", "DATE", {"literal": "XXXX-WXX-6"}),
    ("Crowds came on Super Tuesday.", "Super Tuesday", "DATE", {"holiday": "SUPER_TUESDAY"}),
    ("Rooms cost $3 a night.", "a night", "SET", {"literal": "P1D", "quant": "EVERY"}),
    # durations
    ("The strike lasted three weeks.", "three weeks", "DURATION", {"literal": "P3W"}),
    ("He ended a year-long war.", "year-long", "DURATION", {"literal": "P1Y"}),
    ("It ended a decades-long feud.", "decades-long", "DURATION", {"literal": "PXY"}),
    ("The plan takes 18 months.", "18 months", "DURATION", {"literal": "P18M"}),
    ("It took several years.", "several years", "DURATION", {"literal": "PXY"}),
    ("Prices rose over the past several months.", "the past several months", "DURATION", {"literal": "PXM"}),
    ("The meeting took two hours.", "two hours", "DURATION", {"literal": "PT2H"}),
    ("He served a two-year term.", "two-year", "DURATION", {"literal": "P2Y"}),
    ("Talks lasted nearly two weeks.", "nearly two weeks", "DURATION", {"literal": "P2W", "mod": "LESS_THAN"}),
    ("Profit rose in the first nine months.", "the first nine months", "DURATION", {"literal": "P9M"}),
    ("He waited for more than four hours.", "more than four hours", "DURATION",
     {"literal": "PT4H", "mod": "MORE_THAN"}),
    ("The talks went on for weeks.", "weeks", "DURATION", {"literal": "PXW"}),
    # recurrences
    ("The board meets every month.", "every month", "SET", {"literal": "P1M", "quant": "EVERY"}),
    ("Dividends are paid quarterly.", "quarterly", "SET", {"literal": "P3M"}),
    ("The paper appears weekly.", "weekly", "SET", {"literal": "P1W"}),
    ("He calls each Monday.", "each Monday", "SET", {"literal": "XXXX-WXX-1", "quant": "EVERY"}),
    ("She trains twice a week.", "twice a week", "SET", {"literal": "P1W", "freq": "2X"}),
    ("Sessions are held daily.", "daily", "SET", {"literal": "P1D"}),
    # fuzzy references
    ("The company is now profitable.", "now", "DATE", {"literal": "PRESENT_REF"}),
    ("He is currently abroad.", "currently", "DATE", {"literal": "PRESENT_REF"}),
    ("The firm recently merged.", "recently", "DATE", {"literal": "PAST_REF"}),
    ("Prices will rise soon.", "soon", "DATE", {"literal": "FUTURE_REF"}),
    ("No plans for the future.", "the future", "DATE", {"literal": "FUTURE_REF"}),
    ("Crime fell in recent years.", "recent years", "DURATION", {"literal": "PXY"}),
    ("Crime fell in recent weeks.", "recent weeks", "DURATION", {"literal": "PXW"}),
    ("The flight took 2 1/2 years.", "2 1/2 years", "DURATION", {"literal": "P2Y6M"}),
    ("The flight took 5 1/2 hours.", "5 1/2 hours", "DURATION", {"literal": "PT5H30M"}),
    ("It took a minute and a half.", "a minute and a half", "DURATION", {"literal": "PT1M30S"}),
    ("It took two and a half years.", "two and a half years", "DURATION", {"literal": "P2Y6M"}),
    ("It took half an hour.", "half an hour", "DURATION", {"literal": "PT30M"}),
    ("The flight took 1.5 hours.", "1.5 hours", "DURATION", {"literal": "PT1H30M"}),
    ("It took two decades.", "two decades", "DURATION", {"literal": "P20Y"}),
    ("It lasted for centuries.", "centuries", "DURATION", {"literal": "PXC"}),
    ("They fled on the night of 20 June 1791.", "the night of 20 June 1791", "TIME",
     {"year": 1791, "month": 6, "day": 20, "part_of_day": "NI"}),
    ("Troops met on the morning of April 19.", "the morning of April 19", "TIME",
     {"month": 4, "day": 19, "part_of_day": "MO"}),
    ("The fleet sailed in the spring of 480 BC.", "the spring of 480 BC", "DATE", {"literal": "BC0480-SP"}),
    ("The fleet sailed in June 479 BC.", "June 479 BC", "DATE", {"literal": "BC0479-06"}),
    ("It was ruled out in the past.", "the past", "DATE", {"literal": "PAST_REF"}),
    # the short end of a range shares what the other end names (chrono/tagging/ranges.py)
    ("The battle (22-25 April 1951) raged.", "22", "DATE", {"year": 1951, "month": 4, "day": 22}),
    ("From 15 to 22 February, they fought.", "15", "DATE", {"year": None, "month": 2, "day": 15}),
    ("It was fought on April 13-15. Villa lost.", "15", "DATE", {"month": 4, "day": 15}),
    ("Surrendering on May 4 and 5 were two armies.", "5", "DATE", {"month": 5, "day": 5}),
    ("It fell on May 6 and 7th, during the siege.", "7th", "DATE", {"month": 5, "day": 7}),
    ("Talks between March 5-9, 1918 failed.", "9, 1918", "DATE", {"year": 1918, "month": 3, "day": 9}),
    ("Throughout 1915-17, the Empire bled.", "17", "DATE", {"year": 1917}),
    ("The crisis in 1998-02 passed.", "02", "DATE", {"year": 2002}),
    ("The raids of 1798-'99 ended.", "'99", "DATE", {"year": 1799}),
    ("The Ionian Revolt (499-493 BC) failed.", "499", "DATE", {"literal": "BC0499"}),
    ("It lasted from 264 to 241 BC.", "264", "DATE", {"literal": "BC0264"}),
    # the later days of a list after a month's day: each one a day of that month
    ("COURSE May 2 - 3, 9 - 10, 16 - 17 (Sat-Sun)", "9", "DATE", {"month": 5, "day": 9}),
    ("COURSE May 2 - 3, 9 - 10, 16 - 17 (Sat-Sun)", "17", "DATE", {"month": 5, "day": 17}),
    ("Classes meet on March 3, 10 and 17.", "10", "DATE", {"month": 3, "day": 10}),
    ("Held May 2, 9, 16 and 23 at noon.", "16", "DATE", {"month": 5, "day": 16}),
]


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):  # several numbers ("day_month") are written as a list
        return list(value)
    return value.name if isinstance(value, Enum) else value


@pytest.mark.parametrize(("text", "extent", "timex_type", "fields"), CASES, ids=[case[1] for case in CASES])
def test_tags_expression(text: str, extent: str, timex_type: str, fields: dict[str, Any]) -> None:
    found = {expression.text: expression for expression in tag_text(text)}
    assert extent in found, f"{extent!r} not in {sorted(found)}"
    expression = found[extent]
    assert expression.type.value == timex_type
    for name, expected in fields.items():
        assert _plain(getattr(expression.partial, name)) == expected, name


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Header 2020.\nBody: on Tuesday and in May 2021.", Span(13, 46), ["Tuesday", "May 2021"]),
        ("Yesterday and today.", None, ["Yesterday", "today"]),
        ("", None, []),
        # a letter whose lower case is two characters ("İ") anywhere in the text: the others are still lowered
        ("Talks in İstanbul began on Monday, January 5, 1998.", None, ["Monday, January 5, 1998"]),
        ("İ Monday", None, ["Monday"]),
    ],
)
def test_offsets_point_into_the_whole_text(text: str, span: Span | None, expected: list[str]) -> None:
    found = tag_text(text, span, document="doc-1")
    assert [expression.text for expression in found] == expected
    for expression in found:
        assert text[expression.span.start:expression.span.end] == expression.text
        assert expression.document == "doc-1"
        assert expression.rule


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last year's results", ["last year"]),
        ("over the past 20 years", ["the past 20 years"]),
        ("on Friday, Oct. 13, 1989, stocks", ["Friday, Oct. 13, 1989"]),
        ("from 1990 to 1995", ["1990", "1995"]),
        ("talks between March 5-9, 1918 failed", ["March 5", "9, 1918"]),
        # "or so", "or later" belong to the expression before them; "and later" that opens a clause does not
        ("over the next year or so, a", ["the next year or so"]),
        ("flew in October 1984 and later served", ["October 1984"]),
        ("flew in 1984 and later served", ["1984"]),
        ("two years or something like it", ["two years"]),
        ("in 1994 or so", ["1994"]),
    ],
)
def test_longest_match_wins_and_matches_do_not_overlap(text: str, expected: list[str]) -> None:
    assert [expression.text for expression in tag_text(text)] == expected


def test_unknown_language_is_a_user_error() -> None:
    from chrono.errors import ChronoInputError
    from chrono.lang import Language

    with pytest.raises(ChronoInputError):
        tag_text("today", language=Language.load("xx"))
