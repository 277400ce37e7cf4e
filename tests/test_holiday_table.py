"""holiday_dates.json is what regenerate_holidays.py makes of the pinned `holidays` package (never typed)."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from chrono.calendar.holidays import holiday_date

if not os.environ.get("CI"):
    pytest.importorskip("holidays")


def test_the_committed_table_is_the_generated_one() -> None:
    from chrono.calendar.regenerate_holidays import main

    assert main(["--check"]) == 0


@pytest.mark.parametrize(("key", "year", "expected"), [
    ("DIWALI", 2024, dt.date(2024, 10, 31)),
    ("EID_AL_FITR", 2010, dt.date(2010, 9, 11)),
    ("CHINESE_NEW_YEAR", 2010, dt.date(2010, 2, 14)),
    ("YOM_KIPPUR", 2024, dt.date(2024, 10, 12)),
    ("DIWALI", 1960, None),  # outside the years the table holds
    ("NO_SUCH_DAY", 2024, None),
])
def test_table_days(key: str, year: int, expected: dt.date | None) -> None:
    assert holiday_date(key, year) == expected
