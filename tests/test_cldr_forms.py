"""The written date forms of every English locale in Unicode CLDR, each in a sentence, with the value it means.

Rows come from babel (tests/cldr_forms.py): every form that does not hang on the day/month order must come out
right with no locale given; every numeric form, ambiguous ones included, must come out right when the locale
is given. The locale table of chrono/lang/en/locales.toml must agree with CLDR.
"""

from __future__ import annotations

import datetime as dt

import pytest

pytest.importorskip("babel")

from cldr_forms import (  # noqa: E402
    AMBIGUOUS_DAYS,
    CLEAR_DAYS,
    Form,
    all_forms,
    day_month_order_of,
    english_locales,
    separator_orders,
)

from chrono.lang import Language  # noqa: E402
from chrono.model import Document  # noqa: E402
from chrono.pipeline import analyse  # noqa: E402


def _unique(forms: list[Form], *, by_locale_order: bool = False) -> list[Form]:
    """One row per text, day and (for numeric forms read with the locale) the locale's order."""
    rows: dict[tuple[object, ...], Form] = {}
    for form in forms:
        key = (form.text, form.day, form.has_day, day_month_order_of(form.locale) if by_locale_order else None)
        rows.setdefault(key, form)
    return list(rows.values())


CLEAR = _unique([form for form in all_forms(CLEAR_DAYS) if not form.ambiguous])
NUMERIC = _unique([form for form in all_forms(CLEAR_DAYS + AMBIGUOUS_DAYS) if form.numeric and form.has_day],
                  by_locale_order=True)


def _values_over(form: Form, locale: str | None) -> list[tuple[str, str | None]]:
    """(text, value) of every expression that overlaps the form in its sentence."""
    sentence = form.sentence
    start = sentence.index(form.text)
    end = start + len(form.text)
    expressions, _events = analyse(Document(id="cldr", text=sentence, published=form.published), locale=locale)
    return [(e.text, e.value.value if e.value else None) for e in expressions
            if e.span.start < end and start < e.span.end]


@pytest.mark.parametrize("form", CLEAR, ids=[f"{form.locale}-{form.pattern}-{form.text}" for form in CLEAR])
def test_clear_form_without_locale(form: Form) -> None:
    assert _values_over(form, None) == [(form.text, form.value)]


@pytest.mark.parametrize("form", NUMERIC, ids=[f"{form.locale}-{form.pattern}-{form.text}" for form in NUMERIC])
def test_numeric_form_with_its_locale(form: Form) -> None:
    assert _values_over(form, form.locale) == [(form.text, form.value)]


def test_table_covers_every_english_locale() -> None:
    assert len(english_locales()) >= 120
    assert len(CLEAR) >= 300


def test_locale_orders_agree_with_cldr() -> None:
    table = dict(Language.load("en").locales.locale_order)
    assert table == {locale: day_month_order_of(locale) for locale in english_locales() if locale != "en"}


def test_separator_orders_agree_with_cldr() -> None:
    """A separator read as one order is written in that order by every locale that joins day and month with it."""
    table = dict(Language.load("en").locales.separator_order)
    seen = separator_orders()
    assert table and all(seen[separator] == {order} for separator, order in table.items())
    assert seen["/"] == {"day_first", "month_first"}  # a slash says nothing: the table must not name it


@pytest.mark.parametrize(("sentence", "locale", "expected"), [
    ("It was filed on 10.05.2024 in Bern.", None, "2024-05-10"),  # dots: day first, as every locale writes them
    ("It was filed on 10.05.2024 in Bern.", "en_US", "2024-10-05"),  # a locale given still wins
    ("It was filed on 10/05/2024 in Bern.", None, "2024-10-05"),  # slashes: the default order
    ("Filed 1/5/2024, then 10.05.2024.", None, "2024-10-05"),  # two separators: the document says nothing
])
def test_dotted_dates_are_day_first_unless_a_locale_says_otherwise(sentence: str, locale: str | None,
                                                                  expected: str) -> None:
    document = Document(id="d", text=sentence, published=dt.date(2024, 5, 20))
    expressions, _ = analyse(document, locale=locale)
    assert [e.value.value for e in expressions if e.value][-1] == expected


# the issue's own cases (#9): (sentence, every expression found with its value); published 5 February 2024
ISSUE_CASES: list[tuple[str, list[tuple[str, str]]]] = [
    ("The show is on 26 Jan at the hall.", [("26 Jan", "2024-01-26")]),
    ("It was held 26 Jan 2024 in Leeds.", [("26 Jan 2024", "2024-01-26")]),
    ("See you Fri 26 Jan at the hall.", [("Fri 26 Jan", "2024-01-26")]),
    ("The invoice is dated 26-Jan-2024 and paid.", [("26-Jan-2024", "2024-01-26")]),
    ("It was held 26 Jan, 2024 in Leeds.", [("26 Jan, 2024", "2024-01-26")]),
    ("Sales in Jan 2024 fell.", [("Jan 2024", "2024-01")]),
    ("It was held 26/01/2024 in Leeds.", [("26/01/2024", "2024-01-26")]),
    ("It was held 26.01.2024 in Leeds.", [("26.01.2024", "2024-01-26")]),
    ("It was held 26-01-2024 in Leeds.", [("26-01-2024", "2024-01-26")]),
    ("The deal was signed 14/5/25 in Delhi.", [("14/5/25", "2025-05-14")]),
    ("The deal was signed 5/14/25 in Ohio.", [("5/14/25", "2025-05-14")]),
    ("It was held 2024/01/26 in Durban.", [("2024/01/26", "2024-01-26")]),
    ("Doors open 13 Apr - 12 May at the hall.", [("13 Apr", "2024-04-13"), ("12 May", "2024-05-12")]),
    ("The fair ran 2-22 Nov 2023 in town.", [("2", "2023-11-02"), ("22 Nov 2023", "2023-11-22")]),
    ("On 12-14 July the division sailed.", [("12", "2023-07-12"), ("14 July", "2023-07-14")]),
    # not dates: a version, an address, round the clock
    ("Python 3.10.12 was released.", []),
    ("The host 10.1.2.3 answered.", []),
    ("Shops open 24/7 in town.", []),
    ("Staff are on 1/2 day today.", [("today", "2024-02-05")]),
    ("It first appeared on 18.06 BST on the site.", [("18.06 BST", "2024-02-05T18:06+01:00")]),  # a time, not 18 June
]


@pytest.mark.parametrize(("sentence", "expected"), ISSUE_CASES)
def test_issue_case(sentence: str, expected: list[tuple[str, str]]) -> None:
    expressions, _events = analyse(Document(id="issue", text=sentence, published=dt.date(2024, 2, 5)))
    assert [(e.text, e.value.value if e.value else None) for e in expressions] == expected
