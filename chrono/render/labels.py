"""Readable date labels from TIMEX3 values ("Wednesday, 1 March 2023", "week of 20 February 2023", "the 1990s").

The wording lives in chrono/lang/<language>/labels.toml and the month and weekday names in the pendulum locale that
the language names; this module only parses values and fills them in.
A value it cannot read is shown as written: a label is never an error.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Literal

from chrono.lang import Language, or_default
from chrono.lang.sections import LabelWords
from chrono.model import Value

Style = Literal["long", "short"]
GroupBy = Literal["year", "month"]

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T(.+))?")
_MONTH = re.compile(r"(\d{4})-(\d{2})(?:-XX)?")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_HALF = re.compile(r"(\d{4})-H([12])")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
_YEAR = re.compile(r"(\d{4})(?:-XX(?:-XX)?)?")
_DECADE = re.compile(r"(\d{3})")
_CENTURY = re.compile(r"(\d{2})")
_MILLENNIUM = re.compile(r"(\d)")
_BC_YEAR = re.compile(r"BC(\d{1,4})")
_DAY_NO_YEAR = re.compile(r"XXXX-(\d{2})-(\d{2})")
_MONTH_NO_YEAR = re.compile(r"XXXX-(\d{2})")
_CLOCK = re.compile(r"(\d{2}):(\d{2})(?::(\d{2}))?")
_PART_OF_DAY = re.compile(r"(MO|AF|EV|NI|MI|DT)")
_DURATION = re.compile(r"P((?:(?:\d+(?:\.\d+)?|X)(?:DE|CE|Y|M|W|D))*)(?:T((?:(?:\d+(?:\.\d+)?|X)[HMS])+))?")
_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?|X)(DE|CE|Y|M|W|D|H|S)")

# Labels that take a mod as a plain prefix ("early May 2023", "mid-2022"); the rest read "early in the ...".
_COMPACT = frozenset({"day", "month", "year", "season", "quarter", "half", "bc_year"})


def _words(language: Language) -> LabelWords:
    return language.labels


def ordinal(number: int, language: Language | None = None) -> str:
    """1 -> "1st", 2 -> "2nd", 11 -> "11th", 21 -> "21st"."""
    suffixes = or_default(language).labels.ordinal_suffixes
    if number % 100 in (11, 12, 13):
        return f"{number}{suffixes.other}"
    return f"{number}{({1: suffixes.one, 2: suffixes.two, 3: suffixes.three}.get(number % 10, suffixes.other))}"


def date_label(day: dt.date, language: Language | None = None, *, weekday: bool = True) -> str:
    """ "Wednesday, 1 March 2023" (or "1 March 2023" without the weekday)."""
    language = or_default(language)
    names = language.calendar
    fields = {"day": day.day, "month": names.months[day.month - 1], "year": day.year,
              "weekday": names.weekdays[day.weekday()]}
    formats = language.labels.formats
    return (formats.day if weekday else formats.date).format(**fields)


@lru_cache(maxsize=4096)  # timelines repeat values ("2023", "Wednesday"); labels are pure
def _plain_label(text: str, style: Style, language: Language) -> tuple[str, str] | None:
    """(label, kind) of a value string without its mod; None when the value is not one chrono reads."""
    words = _words(language)
    formats = words.formats
    months = language.calendar.months
    if match := _DAY.fullmatch(text):
        day = _date(int(match[1]), int(match[2]), int(match[3]))
        if day is None:
            return None
        return _time_of_day(day, match[4], language) if match[4] else (date_label(day, language), "day")
    if (match := _MONTH.fullmatch(text)) and 1 <= int(match[2]) <= 12:
        return formats.month.format(month=months[int(match[2]) - 1], year=int(match[1])), "month"
    if match := _WEEK.fullmatch(text):
        try:
            monday = dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
        except ValueError:
            return None
        if match[3]:
            return formats.weekend.format(date=date_label(monday + dt.timedelta(days=5), language,
                                                             weekday=False)), "week"
        return formats.week.format(date=date_label(monday, language, weekday=False)), "week"
    for pattern, kind in ((_QUARTER, "quarter"), (_HALF, "half")):
        if match := pattern.fullmatch(text):
            n = int(match[2])
            if style == "short":
                return getattr(formats, kind).format(n=n, year=int(match[1])), kind
            long_label = getattr(formats, f"{kind}_long").format(ordinal=words.ordinal_words[n - 1],
                                                                 year=int(match[1]))
            return long_label, f"{kind}_long"
    if match := _SEASON.fullmatch(text):
        year, season = int(match[1]), words.seasons[match[2]]
        if match[2] == "WI":  # winter runs from December into the next year
            return formats.season_across_years.format(season=season, year=year,
                                                         next_year_short=f"{(year + 1) % 100:02d}"), "season"
        return formats.season.format(season=season, year=year), "season"
    if match := _YEAR.fullmatch(text):
        return formats.year.format(year=int(match[1])), "year"
    if match := _DECADE.fullmatch(text):
        return formats.decade.format(decade=int(match[1]) * 10), "decade"
    if match := _CENTURY.fullmatch(text):
        return formats.century.format(ordinal=ordinal(int(match[1]) + 1, language)), "century"
    if match := _MILLENNIUM.fullmatch(text):
        return formats.millennium.format(ordinal=ordinal(int(match[1]) + 1, language)), "millennium"
    if match := _BC_YEAR.fullmatch(text):
        return formats.bc_year.format(year=int(match[1])), "bc_year"
    if (match := _DAY_NO_YEAR.fullmatch(text)) and 1 <= int(match[1]) <= 12:
        return formats.day_no_year.format(day=int(match[2]), month=months[int(match[1]) - 1]), "day"
    if (match := _MONTH_NO_YEAR.fullmatch(text)) and 1 <= int(match[1]) <= 12:
        return formats.month_no_year.format(month=months[int(match[1]) - 1]), "month"
    if text in words.references:
        return words.references[text], "reference"
    if _DURATION.fullmatch(text) and text not in ("P", "PT"):
        return _duration_label(text, language), "duration"
    return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _time_of_day(day: dt.date, time: str, language: Language) -> tuple[str, str] | None:
    words = _words(language)
    if _PART_OF_DAY.fullmatch(time):
        part = words.parts_of_day[time]
        return words.formats.part_of_day.format(part=part, date=date_label(day, language)), "part_of_day"
    if clock := _CLOCK.match(time):
        shown = f"{clock[1]}:{clock[2]}" + (f":{clock[3]}" if clock[3] and clock[3] != "00" else "")
        return words.formats.clock.format(time=shown, date=date_label(day, language)), "clock"
    return None


def _duration_label(text: str, language: Language) -> str:
    """ "P3W" -> "3 weeks", "PXY" -> "several years", "PT2H30M" -> "2 hours 30 minutes"."""
    words = _words(language).durations
    date_part, _, time_part = text[1:].partition("T")
    pieces = []
    for part, prefix in ((date_part, ""), (time_part, "T")):
        for count, unit in _DURATION_PART.findall(part):
            singular, plural = words.unit(prefix + unit if prefix and unit in "HMS" else unit)
            if count == "X":
                pieces.append(f"{words.unknown_count} {plural}")
            else:
                pieces.append(f"{count} {singular if count == '1' else plural}")
    return " ".join(pieces)


def _with_mod(text: str, kind: str, mod: str, language: Language) -> str:
    words = _words(language)
    forms = words.mods.get(mod)
    if forms is None:
        return text
    if forms.any is not None:
        return forms.any.format(label=text)
    article = words.definite_article
    if text.startswith(article):  # "the 1990s" -> "the early 1990s", "the morning of" -> "the late morning of"
        return article + str(forms.prefix) + text[len(article):]
    if kind in _COMPACT:
        return str(forms.prefix) + text
    return str(forms.long).format(label=text)


def label(value: Value | str | None, mod: str | None = None, *, style: Style = "long",
          language: Language | None = None) -> str:
    """A reader's label for a TIMEX3 value; ``mod`` defaults to the Value's own.

    ``style="short"`` writes quarters and halves as "Q4 2020", "H1 2023".
    """
    language = or_default(language)
    if value is None:
        return _words(language).undated
    if isinstance(value, Value):
        mod = mod if mod is not None else value.mod
        text = value.value
    else:
        text = value
    plain = _plain_label(text, style, language)
    if plain is None:
        return text
    return _with_mod(plain[0], plain[1], mod, language) if mod else plain[0]


def group_key(value: Value | str | None, by: GroupBy = "year", *, language: Language | None = None) -> str:
    """The heading an event's value is grouped under: its year ("2023"), or its month ("March 2023").

    Values coarser than the grouping keep their own label ("the 1990s", "2022" under month grouping);
    values with no calendar reading fall under "undated".
    """
    language = or_default(language)
    text = value.value if isinstance(value, Value) else (value or "")
    plain = _plain_label(text, "long", language)
    if plain is None or plain[1] in ("reference", "duration"):
        start = value.start if isinstance(value, Value) else None
        if start is None:
            return _words(language).undated
        return str(start.year) if by == "year" else label(f"{start.year:04d}-{start.month:02d}", language=language)
    kind = plain[1]
    if kind in ("decade", "century", "millennium", "bc_year"):
        return plain[0]
    if text.startswith("XXXX"):
        return _words(language).undated
    year = text[:4]
    if by == "month" and kind in ("day", "part_of_day", "clock", "month", "week"):
        first = _start_month(text)
        return label(first, language=language) if first else year
    return year


def _start_month(text: str) -> str | None:
    """ "2023-03-02T10:00" -> "2023-03"; weeks give the month of their Monday."""
    if match := _WEEK.fullmatch(text):
        monday = dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
        return f"{monday.year:04d}-{monday.month:02d}"
    if re.match(r"\d{4}-\d{2}", text):
        return text[:7]
    return None
