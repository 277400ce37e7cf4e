"""Holidays whose day depends on the country: the day of the document's locale (its own, the run's, or the one
its outlet or URL suggests), else the day words.toml gives."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from chrono.lang.schema import SchemaError, build
from chrono.lang.sections import LocaleHints
from chrono.model import Document
from chrono.pipeline import analyse

TEXT = "Crowds gathered on Independence Day in the capital."


@pytest.mark.parametrize(("outlet", "url", "document_locale", "run_locale", "expected"), [
    (None, None, None, None, "2024-07-04"),  # no locale: words.toml's day
    ("The Hindu", None, None, None, "2024-08-15"),  # the outlet suggests en_IN
    (None, "https://www.dawn.com.pk/news/1", None, None, "2024-08-14"),  # the URL suggests en_PK
    (None, None, "en-PH", None, "2024-06-12"),  # the document's own locale
    (None, None, None, "en_NG", "2024-10-01"),  # the run's locale
    (None, None, "en_US", "en_IN", "2024-07-04"),  # the document's own wins over the run's
    (None, None, "en_GB", None, "2024-07-04"),  # a locale with no day of its own: words.toml's
])
def test_independence_day_is_the_day_of_the_documents_country(outlet: str | None, url: str | None,
                                                               document_locale: str | None, run_locale: str | None,
                                                               expected: str) -> None:
    document = Document(id="d", text=TEXT, published=dt.date(2024, 12, 1), outlet=outlet, url=url,
                        locale=document_locale)
    expressions, _ = analyse(document, locale=run_locale)
    assert [(e.text, e.value.value) for e in expressions if e.value] == [("Independence Day", expected)]


# a locale can give a holiday another rule, or say it keeps no one such day: then the name stays a date of unknown
# day, never another country's day (the days checked against each country's public holiday calendar)
@pytest.mark.parametrize(("text", "locale", "expected"), [
    ("Families marked Mother's Day with lunch.", "en_GB", "2024-03-10"),  # Mothering Sunday: Easter less 3 weeks
    ("Families marked Mothers Day with lunch.", "en_IE", "2024-03-10"),  # the apostrophe is optional
    ("Families marked Mother's Day with lunch.", "en_AU", "2024-05-12"),  # the second Sunday of May
    ("Families marked Mother's Day with lunch.", None, "2024-05-12"),
    ("Dads were honoured on Father's Day.", "en_AU", "2024-09-01"),  # the first Sunday of September
    ("Dads were honoured on Father's Day.", "en_NZ", "2024-09-01"),
    ("Dads were honoured on Father's Day.", "en_GB", "2024-06-16"),  # the third Sunday of June
    ("Shops were closed on Labour Day.", "en_US", "2024-09-02"),  # the first Monday of September
    ("Shops were closed on Labour Day.", "en_CA", "2024-09-02"),
    ("Shops were closed on Labour Day.", "en_NZ", "2024-10-28"),  # the fourth Monday of October
    ("Shops were closed on Labour Day.", "en_AU", "XXXX-XX-XX"),  # the states differ: no one day
    ("Shops were closed on Labour Day 2023.", "en_AU", "2023-XX-XX"),
    ("Shops were closed on Labour Day.", "en_IN", "2024-05-01"),
    ("Shops were closed over the Labour Day long weekend.", "en_NZ", "2024-W43-WE"),
    ("Turkey sales peaked before Thanksgiving.", "en_CA", "2024-10-14"),  # the second Monday of October
    ("Turkey sales peaked before Thanksgiving Day.", "en_CA", "2024-10-14"),
    ("Turkey sales peaked before Thanksgiving.", "en_US", "2024-11-28"),
    ("Voters went to the polls on Election Day.", "en_US", "2024-11-05"),
    ("Voters went to the polls on Election Day.", "en_GB", "XXXX-XX-XX"),  # no one election day
    ("Voters went to the polls on Election Day.", "en_IN", "XXXX-XX-XX"),
    ("Traffic was heavy on the August bank holiday.", "en_IE", "2024-08-05"),  # the first Monday of August
    ("Traffic was heavy on the August bank holiday.", "en_GB", "2024-08-26"),  # the last Monday of August
    ("Crowds gathered on Heritage Day.", "en_ZA", "2024-09-24"),
    ("Crowds gathered on Heritage Day.", "en_CA", "XXXX-XX-XX"),  # the provinces' Heritage Days differ
    ("The nation stopped on Melbourne Cup Day.", "en_AU", "2024-11-05"),  # the first Tuesday of November
    ("Fireworks were celebrated on Victoria Day.", "en_CA", "2024-05-20"),  # the Monday before 25 May
    ("Shops were closed on the June bank holiday.", "en_IE", "2024-06-03"),
    ("Shops were closed on the October bank holiday.", "en_IE", "2024-10-28"),
    ("Parades were held on St. Patrick's Day.", "en_IE", "2024-03-17"),
    ("Crowds gathered on Guy Fawkes Day.", "en_NZ", "2024-11-05"),
    ("Services were held on Remembrance Sunday.", "en_GB", "2024-11-10"),
])
def test_a_locale_gives_a_holiday_its_own_rule_or_none(text: str, locale: str | None, expected: str) -> None:
    document = Document(id="d", text=text, published=dt.date(2024, 12, 1), locale=locale)
    expressions, _ = analyse(document)
    assert [e.value.value for e in expressions if e.value] == [expected]


# must not: another country's day where the locale keeps none, or a day the locale table does not name
@pytest.mark.parametrize(("text", "locale", "not_expected"), [
    ("Voters went to the polls on Election Day.", "en_GB", "2024-11-05"),
    ("Shops were closed on Labour Day.", "en_AU", "2024-05-01"),
    ("Shops were closed on Labour Day.", "en_US", "2024-05-01"),
    ("Families marked Mother's Day with lunch.", "en_GB", "2024-05-12"),
    ("Turkey sales peaked before Thanksgiving.", "en_CA", "2024-11-28"),
    ("Dads were honoured on Father's Day.", "en_NZ", "2024-06-16"),
])
def test_no_other_countrys_day(text: str, locale: str, not_expected: str) -> None:
    expressions, _ = analyse(Document(id="d", text=text, published=dt.date(2024, 12, 1), locale=locale))
    assert not_expected not in [e.value.value for e in expressions if e.value]


@pytest.mark.parametrize(("days", "problem"), [
    ({"en_GB": [13, 1]}, "must be [month, day]"),
    ({"en_GB": "mothering sunday"}, "rule's key in capitals"),
    ({"en_GB": True}, "not true"),
    ({"xx_YY": False}, "not in locale_order"),
])
def test_a_bad_locale_day_is_refused_at_load(days: dict[str, object], problem: str) -> None:
    data = {"default_order": "month_first", "locale_order": {"en_GB": "day_first"},
            "holiday_locale": {"mother's day": days}}
    with pytest.raises(SchemaError, match=re.escape(problem)):
        build(LocaleHints, data)
