"""Forms of posts and tweets, end to end (tag + resolve): (published, text, phrase, value).

A value of None says the phrase is no expression there. Rows that must stay as they were follow each fix's rows.
"""

from __future__ import annotations

import datetime as dt

import pytest

from chrono.model import Document, Domain
from chrono.resolve.walk import resolve_expressions
from chrono.segment.sentences import split_sentences
from chrono.tag.tagger import tag_text

ROWS = [
    # a bare weekend: the one holding the day, else the nearer (tweets-train: 8 of 8 are the current or next)
    ("2015-04-05", "long weekend over marsiling is all over.", "weekend", "2015-W14-WE"),
    ("2014-12-14", "Aft a long weekend full of wedding!", "a long weekend", "P2D"),
    ("2013-07-11", "All the best weekend!", "weekend", "2013-W28-WE"),
    ("2013-09-27", "Finally no school tomorrow. Long weekend yay!", "weekend", "2013-W39-WE"),
    # ... and what stays: a past clause early in the week, a future one, a weekend counted by a word
    ("2013-07-08", "The talks collapsed over the weekend.", "the weekend", "2013-W27-WE"),
    ("2013-07-11", "I went hiking over the weekend.", "the weekend", "2013-W27-WE"),
    ("2013-07-08", "He will decide at the weekend.", "the weekend", "2013-W28-WE"),
    ("2013-07-14", "See you next weekend!", "next weekend", "2013-W29-WE"),
    ("2013-07-11", "Last weekend was fun.", "Last weekend", "2013-W27-WE"),
    # a time of day after a week that holds the day: that day's, not the week's
    ("2014-07-06", "THE WEEK THAT WAS. KARAOKE NIGHT WITH CB", "NIGHT", "2014-07-06TNI"),
    ("2014-07-06", "This week was fun. We sang in the evening.", "the evening", "2014-07-06TEV"),
    # ... and after a day, that day's
    ("2014-07-06", "On Friday we met. In the evening we sang.", "the evening", "2014-07-04TEV"),
    # weekdays and times in brackets after a date are that date's
    ("2015-04-14", "FUNDAMENTALS May 5 - 6 (Tues-Wed 9:00am - 5:30pm) Teaching", "Tues", "2015-05-05"),
    ("2015-04-14", "FUNDAMENTALS May 5 - 6 (Tues-Wed 9:00am - 5:30pm) Teaching", "5:30pm", "2015-05-06T17:30"),
    ("2015-04-20", "COURSE May 30 - 31 (Sat-Sun 1:00pm-6:00pm)", "Sun 1:00pm", "2015-05-31T13:00"),
    # ... not a weekday outside them
    ("2015-04-14", "The class on May 5 was full. See you on Fri!", "Fri", "2015-04-17"),
    # a month in lower case, or clipped without a dot after a preposition
    ("2013-08-25", "Cepatlah november , im waiting for my fav movie !", "november", "2013-11"),
    ("2015-04-19", "and study hard for exam in Jun", "Jun", "2015-06"),
    ("2015-04-09", "my birthday is on june 5th!", "june 5th", "2015-06-05"),
    ("2015-04-09", "back in singapore 12 december 2015", "12 december 2015", "2015-12-12"),
    # ... never the words, nor a name
    ("2015-04-09", "an august institution", "august", None),
    ("2015-04-09", "they march on", "march", None),
    ("2015-04-09", "I trust in Jan Smith", "Jan", None),
    # a number with a unit of measure is no year
    ("2015-04-09", "Daniel Lim has walked over 1000 Miles.", "1000", None),
    ("2015-04-09", "The road climbs 1500 metres.", "1500", None),
    ("2015-04-09", "In 1945 people starved.", "1945", "1945"),
]


def _values(published: str, text: str) -> dict[str, str | None]:
    document = Document("row", text, dt.date.fromisoformat(published))
    found = tag_text(text)
    resolved = resolve_expressions(found, split_sentences(text), document, domain=Domain.NEWS)
    return {expression.text: expression.value.value if expression.value else None for expression in resolved}


@pytest.mark.parametrize(("published", "text", "phrase", "expected"), ROWS,
                         ids=[f"{row[2]}-{number}" for number, row in enumerate(ROWS)])
def test_informal_form(published: str, text: str, phrase: str, expected: str | None) -> None:
    values = _values(published, text)
    if expected is None:
        assert phrase not in values, values
    else:
        assert values.get(phrase) == expected, values
