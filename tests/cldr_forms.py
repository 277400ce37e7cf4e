"""The written date forms of every English locale in Unicode CLDR (through babel), as test rows.

Each row is one form a locale writes for one day (``format_date`` short/medium/long/full and the skeletons a
news page or a post uses), the sentence it is put in, and the value it means. A numeric form whose day and
month are both 12 or less is *ambiguous*: only the locale tells its order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from babel import dates, localedata

# days after the 12th, so that day and month cannot be confused: every month and every weekday
CLEAR_DAYS = (dt.date(2024, 1, 26), dt.date(2019, 9, 14), dt.date(2023, 5, 17), dt.date(2021, 6, 30),
              dt.date(2018, 3, 13), dt.date(2020, 12, 19), dt.date(2022, 2, 14), dt.date(2017, 8, 17),
              dt.date(2016, 10, 16), dt.date(2015, 7, 23), dt.date(2014, 4, 27), dt.date(2013, 11, 18))
# days of 12 or less: their numeric forms need the locale
AMBIGUOUS_DAYS = (dt.date(2024, 3, 5), dt.date(2019, 11, 7))
FORMATS = ("short", "medium", "long", "full")
SKELETONS = ("yMd", "yMEd", "Md", "MEd", "yMMMd", "yMMMEd", "MMMd", "MMMEd", "yMMM", "yMMMMd", "MMMMd",
             "yMMMM", "yMMMMEEEEd", "MMMMEEEEd")
PUBLISHED_AFTER = dt.timedelta(days=10)  # the story is published ten days later and tells the day as past
# English written in the Deseret and Shavian alphabets: CLDR has it, news is not written in it
OTHER_SCRIPTS = ("Dsrt", "Shaw")


@dataclass(frozen=True, slots=True)
class Form:
    locale: str
    pattern: str  # the format_date width or the skeleton
    day: dt.date
    text: str

    @property
    def has_day(self) -> bool:
        return "d" in self.pattern or self.pattern in FORMATS

    @property
    def numeric(self) -> bool:
        return not any(character.isalpha() for character in self.text)

    @property
    def ambiguous(self) -> bool:
        return self.numeric and self.has_day and self.day.day <= 12 and self.day.month != self.day.day

    @property
    def sentence(self) -> str:
        return f"The committee met {'on' if self.has_day else 'in'} {self.text} at the town hall."

    @property
    def value(self) -> str:
        return self.day.isoformat() if self.has_day else self.day.isoformat()[:7]

    @property
    def published(self) -> dt.date:
        return self.day + PUBLISHED_AFTER


def english_locales() -> list[str]:
    return sorted(name for name in localedata.locale_identifiers()
                  if name.split("_")[0] == "en" and not any(script in name for script in OTHER_SCRIPTS))


def locale_forms(locale: str, days: tuple[dt.date, ...]) -> list[Form]:
    forms = []
    for day in days:
        for width in FORMATS:
            forms.append(Form(locale, width, day, dates.format_date(day, width, locale=locale)))
        for skeleton in SKELETONS:
            forms.append(Form(locale, skeleton, day, dates.format_skeleton(skeleton, day, locale=locale)))
    return forms


def all_forms(days: tuple[dt.date, ...]) -> list[Form]:
    return [form for locale in english_locales() for form in locale_forms(locale, days)]


def day_month_order_of(locale: str) -> str:
    """"day_first" or "month_first": the order of day and month in the locale's numeric date (skeleton Md)."""
    pattern = dates.format_skeleton("Md", dt.date(2024, 3, 5), locale=locale)
    numbers = [int(part) for part in pattern.replace(".", "/").replace("-", "/").split("/") if part.isdigit()]
    return "day_first" if numbers[:2] == [5, 3] else "month_first"


def separator_orders() -> dict[str, set[str]]:
    """Separator -> the orders of day and month of every CLDR locale (any language) whose short date opens with its
    day and month joined by that separator ("dd.MM.y" -> "." -> day_first; "y.MM.dd" opens with the year: no
    day-month date, which is all the separator table speaks of)."""
    import re

    found: dict[str, set[str]] = {}
    for locale in localedata.locale_identifiers():
        try:
            pattern = dates.get_date_format("short", locale=locale).pattern
        except (ValueError, KeyError):
            continue
        joined = re.match(r"(d+|M+)([^dMy\s'])(d+|M+)", pattern)
        if joined and joined[1][0] != joined[3][0]:
            found.setdefault(joined[2], set()).add("day_first" if joined[1][0] == "d" else "month_first")
    return found
