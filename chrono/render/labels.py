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

from chrono.calendar.intervals import add_days
from chrono.calendar.timex import Timex, parse_timex
from chrono.lang import Language, or_default
from chrono.lang.sections import LabelWords
from chrono.model import Granularity, Value

Style = Literal["long", "short"]
GroupBy = Literal["year", "month"]

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
    named = weekday and day >= _weekdays_from(language.labels.weekdays_from)
    return (formats.day if named else formats.date).format(**fields)


@lru_cache(maxsize=8)
def _weekdays_from(first: str) -> dt.date:
    return dt.date.fromisoformat(first) if first else dt.date.min


@lru_cache(maxsize=4096)  # timelines repeat values ("2023", "Wednesday"); labels are pure
def _plain_label(text: str, style: Style, language: Language) -> tuple[str, str] | None:
    """(label, kind) of a value string without its mod; None when the value is not one chrono reads."""
    timex = parse_timex(text)
    if timex is not None:
        try:
            return _date_value_label(timex, style, language)
        except ValueError:  # a February 30, a week 60: not a date
            return None
    words = _words(language)
    if text in words.references:
        return words.references[text], "reference"
    if _DURATION.fullmatch(text) and text not in ("P", "PT"):
        return _duration_label(text, language), "duration"
    return None


def _date_value_label(t: Timex, style: Style, language: Language) -> tuple[str, str] | None:
    words = _words(language)
    formats = words.formats
    months = language.calendar.months
    if t.bc:  # a BC year; BC decades and centuries are shown as written
        return (formats.bc_year.format(year=t.year), "bc_year") if t.granularity == Granularity.YEAR else None
    if t.year is None:
        if t.digits is not None:
            return _years_label(t, language)
        if t.hour is not None or t.part_of_day is not None or t.month is None or not 1 <= t.month <= 12:
            return None
        if t.day is not None:  # "XXXX-12-25"
            return formats.day_no_year.format(day=t.day, month=months[t.month - 1]), "day"
        return formats.month_no_year.format(month=months[t.month - 1]), "month"
    if t.granularity >= Granularity.DAY and t.week is None:
        assert t.month is not None and t.day is not None
        day = dt.date(t.year, t.month, t.day)
        return _time_of_day(day, t, language)
    if t.week is not None:
        monday = dt.date.fromisocalendar(t.year, t.week, 1)
        if t.weekend:
            return formats.weekend.format(date=date_label(add_days(monday, 5), language, weekday=False)), "week"
        if t.weekday is not None:
            return date_label(add_days(monday, t.weekday - 1), language), "day"
        return formats.week.format(date=date_label(monday, language, weekday=False)), "week"
    if t.month is not None:
        return (formats.month.format(month=months[t.month - 1], year=t.year), "month") if t.month <= 12 else None
    for n, kind in ((t.quarter, "quarter"), (t.half, "half")):
        if n is not None:
            if not 1 <= n <= (4 if kind == "quarter" else 2):
                return None
            if style == "short":
                return getattr(formats, kind).format(n=n, year=t.year), kind
            return getattr(formats, f"{kind}_long").format(ordinal=words.ordinal_words[n - 1], year=t.year), \
                f"{kind}_long"
    if t.season is not None:
        season = words.seasons[t.season]
        if t.season == "WI":  # winter runs from December into the next year
            return formats.season_across_years.format(season=season, year=t.year,
                                                      next_year_short=f"{(t.year + 1) % 100:02d}"), "season"
        return formats.season.format(season=season, year=t.year), "season"
    return formats.year.format(year=t.year), "year"


def _years_label(t: Timex, language: Language) -> tuple[str, str]:
    """A decade, century or millennium ("199", "19XX"): "the 1990s", "the 20th century"."""
    formats = _words(language).formats
    assert t.digits is not None
    if t.places == 3:
        return formats.decade.format(decade=t.digits * 10), "decade"
    kind = "century" if t.places == 2 else "millennium"
    return getattr(formats, kind).format(ordinal=ordinal(t.digits + 1, language)), kind


def _time_of_day(day: dt.date, t: Timex, language: Language) -> tuple[str, str] | None:
    words = _words(language)
    if t.part_of_day is not None:
        part = words.parts_of_day[t.part_of_day]
        return words.formats.part_of_day.format(part=part, date=date_label(day, language)), "part_of_day"
    if t.minute is not None:
        shown = f"{t.hour:02d}:{t.minute:02d}" + (f":{t.second:02d}" if t.second else "")
        if t.zone is not None:
            shown = words.formats.zone.format(time=shown, offset=_offset(t.zone))
        return words.formats.clock.format(time=shown, date=date_label(day, language)), "clock"
    if t.hour is not None:
        return None  # an hour alone is shown as written
    return date_label(day, language), "day"


def _offset(zone: str) -> str:
    """ "-07:00" -> "−07:00" (a true minus sign), "+0530" -> "+05:30", "Z" -> "" (UTC itself)."""
    if zone == "Z":
        return ""
    digits = zone[1:].replace(":", "")
    return ("−" if zone[0] == "-" else "+") + digits[:2] + (f":{digits[2:]}" if len(digits) > 2 else ":00")


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
    timex = parse_timex(text)
    if timex is None or timex.year is None:
        return None
    if timex.week is not None:
        monday = dt.date.fromisocalendar(timex.year, timex.week, 1)
        return f"{monday.year:04d}-{monday.month:02d}"
    return f"{timex.year:04d}-{timex.month:02d}" if timex.month is not None else None
