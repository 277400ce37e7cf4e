"""The day/month order of numeric dates as a policy: the locale given, the document's evidence, hints, default."""

from __future__ import annotations

import datetime as dt

import pytest

from chrono.errors import ChronoInputError
from chrono.model import Document
from chrono.pipeline import analyse
from chrono.resolve.numeric_dates import check_locale, normalise_locale

PUBLISHED = dt.date(2024, 6, 1)

# (text, run locale, document fields, [(expression, value, assumed_order)])
CASES: list[tuple[str, str | None, dict[str, str], list[tuple[str, str, bool]]]] = [
    # nothing tells: the default (month first), marked
    ("Filed on 05/03/2024.", None, {}, [("05/03/2024", "2024-05-03", True)]),
    # the locale given
    ("Filed on 05/03/2024.", "en_GB", {}, [("05/03/2024", "2024-03-05", False)]),
    ("Filed on 05/03/2024.", "en-us", {}, [("05/03/2024", "2024-05-03", False)]),
    ("Filed on 05/03/2024.", "en_IN", {}, [("05/03/2024", "2024-03-05", False)]),
    # the document's own locale field wins over the run's
    ("Filed on 05/03/2024.", "en_US", {"locale": "en_AU"}, [("05/03/2024", "2024-03-05", False)]),
    # a bare language names no country: the default, marked
    ("Filed on 05/03/2024.", None, {"locale": "en"}, [("05/03/2024", "2024-05-03", True)]),
    # a date that tells its own order is read so, whatever the locale
    ("Filed on 26/03/2024.", "en_US", {}, [("26/03/2024", "2024-03-26", False)]),
    ("Filed on 03/26/2024.", "en_GB", {}, [("03/26/2024", "2024-03-26", False)]),
    # the document's evidence: a first number above 12 anywhere settles day first, a second month first
    ("Filed on 05/03/2024 and paid on 26/03/2024.", None, {},
     [("05/03/2024", "2024-03-05", False), ("26/03/2024", "2024-03-26", False)]),
    ("Filed on 05/03/2024 and paid on 03/26/2024.", None, {},
     [("05/03/2024", "2024-05-03", False), ("03/26/2024", "2024-03-26", False)]),
    # both orders seen: the evidence says nothing, the hint speaks
    ("On 05/03/2024, 26/03/2024 and 03/27/2024.", None, {"url": "https://www.example.co.uk/news/1"},
     [("05/03/2024", "2024-03-05", False), ("26/03/2024", "2024-03-26", False),
      ("03/27/2024", "2024-03-27", False)]),
    # hints: the outlet's name, the URL's domain
    ("Filed on 05/03/2024.", None, {"outlet": "BBC News"}, [("05/03/2024", "2024-03-05", False)]),
    ("Filed on 05/03/2024.", None, {"outlet": "The Straits Times"}, [("05/03/2024", "2024-03-05", False)]),
    ("Filed on 05/03/2024.", None, {"url": "https://timesofindia.indiatimes.in/a"},
     [("05/03/2024", "2024-03-05", False)]),
    ("Filed on 05/03/2024.", None, {"url": "https://www.smh.com.au/a"}, [("05/03/2024", "2024-03-05", False)]),
    ("Filed on 05/03/2024.", None, {"url": "https://www.example.com/a"}, [("05/03/2024", "2024-05-03", True)]),
    # the document's evidence comes before hints
    ("Filed on 05/03/2024, paid 03/26/2024.", None, {"outlet": "BBC"}, [("05/03/2024", "2024-05-03", False),
                                                                        ("03/26/2024", "2024-03-26", False)]),
    # two-digit years: the century nearest the publication date
    ("Signed 14/5/25 in Delhi.", None, {}, [("14/5/25", "2025-05-14", False)]),
    ("Signed 5/14/25 in Ohio.", None, {}, [("5/14/25", "2025-05-14", False)]),
    ("Born on 3/14/71 in Ohio.", None, {}, [("3/14/71", "1971-03-14", False)]),
    # a weekday that fits one reading only tells the order (5 March 2024 was a Tuesday, 3 May a Friday), and so
    # is evidence for the document's other dates; without a year, the publication year's
    ("Filed on Fri 05/03/2024, paid 04/02/2024.", "en_GB", {}, [("Fri 05/03/2024", "2024-05-03", False),
                                                                ("04/02/2024", "2024-02-04", False)]),
    ("Filed on Fri 05/03/2024, paid 04/02/2024.", None, {}, [("Fri 05/03/2024", "2024-05-03", False),
                                                             ("04/02/2024", "2024-04-02", False)]),
    ("Doors open Fri 7/6 at 7.", None, {}, [("Fri 7/6", "2024-06-07", False)]),
    # a post's day and month without a year, as its locale orders them ("3/4" is 3 April in Britain, 4 March in
    # the US); "3/4 of them" and "won 3/4" are fractions and scores
    ("exam on 3/4 lol", "en_GB", {}, [("3/4", "2024-04-03", False)]),
    ("exam on 3/4 lol", "en_US", {}, [("3/4", "2024-03-04", False)]),
    ("exam on 3/4 lol", "en_AU", {}, [("3/4", "2024-04-03", False)]),
    ("3/4 of them came, we won 3/4", "en_GB", {}, []),
    # the same number twice needs no order
    ("Filed on 05/05/2024.", None, {}, [("05/05/2024", "2024-05-05", False)]),
]


@pytest.mark.parametrize(("text", "locale", "fields", "expected"), CASES)
def test_day_month_order(text: str, locale: str | None, fields: dict[str, str],
                         expected: list[tuple[str, str, bool]]) -> None:
    document = Document(id="d", text=text, published=PUBLISHED, **fields)  # type: ignore[arg-type]
    expressions, events = analyse(document, locale=locale)
    found = [(e.text, e.value.value if e.value else None, e.value.assumed_order if e.value else None)
             for e in expressions]
    assert found == expected
    assert [event.when.assumed_order for event in events] == [assumed for _text, _value, assumed in expected]


@pytest.mark.parametrize(("given", "spelled"), [("en-gb", "en_GB"), ("EN_us", "en_US"), ("en_GB.UTF-8", "en_GB"),
                                                ("en-001", "en_001"), ("en", "en")])
def test_normalise_locale(given: str, spelled: str) -> None:
    assert normalise_locale(given) == spelled


@pytest.mark.parametrize("bad", ["fr_FR", "en_XX", "english", ""])
def test_unknown_locale_is_one_clear_error(bad: str) -> None:
    with pytest.raises(ChronoInputError, match="unknown locale"):
        check_locale(bad)
