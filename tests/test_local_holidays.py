"""Holidays whose day depends on the country: the day of the document's locale (its own, the run's, or the one
its outlet or URL suggests), else the day words.toml gives."""

from __future__ import annotations

import datetime as dt

import pytest

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
