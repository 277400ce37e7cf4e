"""Turn the words a rule captured into PartialValue fields, through the language's word tables."""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import Enum
from typing import Any

from chrono.model import Anchor, Direction, Granularity, PartialValue, TimexType

# Fields whose values are enum members; rules spell them by name ("YEAR", "PAST").
ENUM_FIELDS: dict[str, type[Enum]] = {"type": TimexType, "unit": Granularity, "anchor": Anchor, "direction": Direction}
PARTIAL_FIELDS = frozenset(PartialValue.__slots__)
_SPACES = re.compile(r"[\s\-]+")
_DOTS = re.compile(r"\.(?!\d)|(?<!\d)\.")
_GROUP_REF = re.compile(r"^(?P<negate>-)?\$(?P<group>\w+?)(?::(?P<table>\w+))?$")
_PLACEHOLDER = re.compile(r"\{(\w+?)(?::(\w+))?\}")
_TRAILING_DIGITS = re.compile(r"\d+$")
_NUMERIC_OFFSET = re.compile(r"(?P<sign>[+-])(?P<hours>[01]\d|2[0-3]):?(?P<minutes>[0-5]\d)?")
# tables whose conversion reads the text as written: an offset's minus sign is no hyphen to fold into a space
_AS_WRITTEN = frozenset({"time_zone"})

# a 12-hour clock time as a rule captured it, dots dropped: "10pm", "7:30 pm", "0930am" (clock_12h's digits)
_CLOCK = re.compile(r"(?P<hour>\d\d?)(?:[:.]?(?P<minute>[0-5]\d))?\s*(?P<meridiem>\D+)")

# the hour of the day a "twelve" names in each half: 12am is midnight, 12pm noon, and twelve "tonight" the
# midnight that ends the day (T24:00, as TimeML writes it; the hour before it is 23)
_TWELVE = {"AM": 0, "PM": 12, "NIGHT": 24}

# TIMEX3 writes these fields with a fixed number of digits ("XXXX-07", "BC0480"); keyed by group name
_WIDTHS = {"year": 4, "month": 2, "day": 2, "hour": 2, "minute": 2, "second": 2, "century": 2, "millennium": 1,
           "decade": 3}


class Words:
    """The word tables of one language (words.toml) with the conversions rules refer to by name."""

    def __init__(self, tables: Mapping[str, Any], ordinal_suffix: str = "") -> None:
        self.tables = tables
        self.settings: Mapping[str, Any] = tables.get("settings", {})
        # what follows an ordinal's digits ("21st"): the pattern fragment ordinal_suffix
        self._ordinal_suffix = re.compile(rf"(?:{ordinal_suffix})$") if ordinal_suffix else None

    @staticmethod
    def normalise(text: str) -> str:
        # dots go ("a.m.", "Sept."), but not a decimal point ("22.8 years")
        return _SPACES.sub(" ", _DOTS.sub("", text.lower()).replace("\u2019", "'")).strip()

    def lookup(self, table: str, text: str) -> Any:
        """The table's value for a word (None when unknown); digits read as numbers in every table."""
        key = self.normalise(text)
        entries = self.tables.get(table, {})
        if key in entries:
            return entries[key]
        converter = getattr(self, f"_convert_{table}", None)
        if converter is not None:
            return converter(text.strip() if table in _AS_WRITTEN else key)
        if key.isdigit():
            return int(key)
        return None

    def _convert_time_zone(self, text: str) -> str | None:
        """An offset written as digits ("+02:00", "-0700", "+05"), as ISO 8601 and RFC 3339 write it."""
        offset = _NUMERIC_OFFSET.fullmatch(text)
        if offset is None:
            return None
        hours, minutes = offset["hours"], offset["minutes"] or "00"
        return "Z" if hours == minutes == "00" else f"{offset['sign']}{hours}:{minutes}"

    def _convert_number(self, key: str) -> int | float | str | None:
        """Digits ("1,000", "18"), number words, and compounds ("twenty four", "two hundred")."""
        digits = key.replace(",", "")
        if digits.isdigit():
            return int(digits)
        whole, _, fraction = digits.partition(" ")
        if fraction in self.settings.get("fractions", {}) and whole.isdigit():  # "2 1/2"
            return int(whole) + self.settings["fractions"][fraction]
        for suffix, part in self.settings.get("fraction_words", {}).items():  # "two and a half"
            if key.endswith(" " + suffix):
                amount = self.lookup("number", key[:-len(suffix) - 1])
                return amount + part if isinstance(amount, (int, float)) else None
        try:
            return float(digits)
        except ValueError:
            pass
        numbers = self.tables.get("number", {})
        total = 0
        current = 0
        for word in key.split(" "):
            if word in self.settings.get("number_joiners", []):
                continue
            value = numbers.get(word)
            if value is None:
                return None
            if value == "X":
                return "X"
            if value in (100, 1000) and current:
                current *= value
                if value == 1000:
                    total, current = total + current, 0
            else:
                current += value
        return total + current

    def _convert_plus_half(self, key: str) -> float | None:
        """"a minute" (of "a minute and a half") -> 1.5: the amount a group names, and a half."""
        amount = self.lookup("number", key)
        return amount + 0.5 if isinstance(amount, (int, float)) else None

    def _convert_quarter_ending(self, key: str) -> int | None:
        """"June" (of "the June quarter") -> 2: the calendar quarter the month ends."""
        month = self.lookup("month", key)
        return (month + 2) // 3 if isinstance(month, int) and month % 3 == 0 else None

    def _convert_clock(self, key: str) -> str | None:
        """"10pm", "7:30 pm" -> "22:00", "19:30": a 12-hour time as TIMEX3 writes it (for a recurrence's value)."""
        clock = _CLOCK.fullmatch(key)
        meridiem = self.lookup("meridiem", clock["meridiem"]) if clock else None
        if clock is None or meridiem not in _TWELVE:
            return None
        hour = day_hour(int(clock["hour"]), meridiem)
        return f"{hour:02d}:{clock['minute'] or '00'}"

    def _convert_ordinal(self, key: str) -> int | None:
        digits = self._ordinal_suffix.sub("", key) if self._ordinal_suffix else key
        return int(digits) if digits.isdigit() else None

    def _convert_year(self, key: str) -> int | None:
        """Four digits, or two ("'90") read in the century words.toml names as the default."""
        digits = key.lstrip("'")
        if digits.isdigit():
            if len(digits) == 2:
                return self.settings.get("two_digit_century", 19) * 100 + int(digits)
            return int(digits)
        return self._spelled_year(key)

    def _convert_dual_year(self, key: str) -> int | None:
        """"1731/32", "1750/1" -> 1732, 1751: an Old Style / New Style year, the later one; None unless the tail
        is the next year's last digits."""
        first, _, tail = key.partition("/")
        if not (first.isdigit() and tail.isdigit()):
            return None
        later = int(first) + 1
        return later if str(later).endswith(tail) else None

    def _spelled_year(self, key: str) -> int | None:
        """"nineteen ninety-six": a century word then a number (at most three words after the first)."""
        millennium = self.settings.get("millennium_words", {})
        for words, value in millennium.items():
            if key == words or key.startswith(words + " "):
                rest = self._convert_number(key[len(words):].strip()) if key != words else 0
                return value + rest if isinstance(rest, int) and rest < 100 else None
        head, _, tail = key.partition(" ")
        numbers = self.tables.get("number", {})
        century = numbers.get(head)
        rest = self._convert_number(tail) if tail else None
        if isinstance(century, int) and 10 <= century <= 20 and isinstance(rest, int) and rest < 100:
            return century * 100 + rest
        return None

    def _convert_decade(self, key: str) -> int | None:
        """"1990" or "1990s" -> 199; "'90" -> 199 in the default century."""
        year = self._convert_year(key.rstrip("s'"))
        return year // 10 if year is not None else None

    def _convert_century(self, key: str) -> int | None:
        """TIMEX3 names a century by its digits: "the 20th century" -> 19 (two digits: the 1st to the 100th)."""
        ordinal = self.lookup("ordinal", key)
        return ordinal - 1 if isinstance(ordinal, int) and 1 <= ordinal <= 100 else None

    def _convert_bc_decade(self, key: str) -> int | None:
        """"470s" (of "the 470s BC") -> 47: a decade's digits before the common era, as written."""
        digits = key.rstrip("s'")
        return int(digits) // 10 if digits.isdigit() else None

    def _convert_millennium(self, key: str) -> int | None:
        """A millennium by its digit, as a century is: "the 2nd millennium" -> 1 (one digit: the 1st to the 10th)."""
        ordinal = self.lookup("ordinal", key)
        return ordinal - 1 if isinstance(ordinal, int) and 1 <= ordinal <= 10 else None

    def group_value(self, group: str, text: str, table: str | None) -> Any:
        """What a captured group means: the table named after the group (digits dropped) unless one is given."""
        return self.lookup(table or _TRAILING_DIGITS.sub("", group), text)


def _coerce(name: str, value: Any) -> Any:
    enum = ENUM_FIELDS.get(name)
    if enum is not None and isinstance(value, str):
        return enum[value]
    if isinstance(value, list):  # a field of several numbers ("day_month"): immutable, as the value is
        return tuple(value)
    return value


# A fraction of a unit is written in the next smaller one ("2 1/2 years" -> P2Y6M, "5 1/2 hours" -> PT5H30M):
# (letter, in the time part) -> (how many smaller units make one, the smaller letter, in the time part)
_SMALLER = {("Y", False): (12, "M", False), ("W", False): (7, "D", False), ("D", False): (24, "H", True),
            ("H", True): (60, "M", True), ("M", True): (60, "S", True)}


def period_literal(amount: Any, unit: Any, words: Words) -> str | None:
    """An ISO 8601 duration ("P3W", "PT2H", "PXY", "P2Y6M") from an amount and a unit word's table entry."""
    if amount is None or not isinstance(unit, Mapping):
        return None
    letter, time = unit["letter"], bool(unit.get("time"))
    if isinstance(amount, (int, float)) and unit.get("multiply"):
        amount *= unit["multiply"]
    if amount == "X":
        letter = unit.get("fuzzy_letter", letter)
    if isinstance(amount, float) and amount.is_integer():
        amount = int(amount)
    if isinstance(amount, float):
        return _with_fraction(amount, letter, time)
    return f"{'PT' if time else 'P'}{amount}{letter}"


def _with_fraction(amount: float, letter: str, time: bool) -> str:
    """"P2Y6M" for 2.5 years; the decimal stays ("P1.5M") when the smaller unit would not be whole."""
    whole = int(amount)
    smaller = _SMALLER.get((letter, time))
    if smaller is not None:
        count, small_letter, small_time = smaller
        part = (amount - whole) * count
        if abs(part - round(part)) < 1e-9:
            big = f"{whole}{letter}" if whole else ""
            small = f"{round(part)}{small_letter}"
            if time or not small_time:
                return f"{'PT' if time else 'P'}{big}{small}"
            return f"P{big}T{small}"  # days and hours: "P1DT12H"
    return f"{'PT' if time else 'P'}{amount:g}{letter}"


def day_hour(hour: int, meridiem: str | None, hours_before: int = 0) -> int:
    """The hour of the day a clock hour and its a.m./p.m. name, less hours_before counted after the a.m./p.m. is
    applied ("quarter to 12pm" is 11:45, "to 12am" 23:45); without a.m./p.m. a 12-hour hour stays one ("twenty to
    one" is 12:40)."""
    if meridiem is None:
        return (hour - hours_before - 1) % 12 + 1 if hours_before else hour
    named = _TWELVE[meridiem] if hour % 12 == 0 else hour % 12 + (0 if meridiem == "AM" else 12)
    hour = named - hours_before
    return hour + 24 if hour < 0 else hour


def build_partial(spec: Mapping[str, Any], groups: Mapping[str, str | None], words: Words) -> PartialValue | None:
    """The PartialValue a rule's value spec describes, given its captured groups (None if a group can't be read)."""
    groups = _merge_alternates(groups)
    fields: dict[str, Any] = {}
    for name, raw in spec.items():
        value = _evaluate(raw, groups, words)
        if value is _MISSING:
            continue
        if value is None:
            return None
        fields[name] = value
    merged = fields.pop("merge", None)  # a table entry that names several fields ({ month = 12, day = 25 })
    if isinstance(merged, Mapping):
        fields.update(merged)
    period = fields.pop("period", None)
    if period is not None:
        amount, unit = period
        fields["literal"] = period_literal(amount, unit, words)
        if fields["literal"] is None:
            return None
    meridiem = fields.pop("meridiem", None)
    hours_before = fields.pop("hours_before", 0)
    if (meridiem is not None or hours_before) and "hour" in fields:
        fields["hour"] = day_hour(fields["hour"], meridiem, hours_before)
    if isinstance(unit := fields.get("unit"), Mapping):
        fields["unit"] = unit["granularity"]
        if isinstance(fields.get("shift"), int) and unit.get("steps"):  # "a fortnight ago": two weeks back
            fields["shift"] *= unit["steps"]
    unknown = set(fields) - PARTIAL_FIELDS
    if unknown:
        raise ValueError(f"unknown PartialValue fields {sorted(unknown)}")
    return PartialValue(**{name: _coerce(name, value) for name, value in fields.items()})


def _merge_alternates(groups: Mapping[str, str | None]) -> Mapping[str, str | None]:
    """A group "month2" (another branch of the same pattern) stands in for "month" when that did not match."""
    merged = dict(groups)
    for name, text in groups.items():
        base = _TRAILING_DIGITS.sub("", name)
        if text is not None and base != name and merged.get(base) is None:
            merged[base] = text
    return merged


class _Missing:
    """A group that did not take part in the match: the field keeps its default."""


_MISSING = _Missing()


def _evaluate(raw: Any, groups: Mapping[str, str | None], words: Words) -> Any:
    if isinstance(raw, list):
        parts = [_evaluate(item, groups, words) for item in raw]
        if any(part is _MISSING for part in parts):
            return _MISSING
        return None if any(part is None for part in parts) else parts
    if not isinstance(raw, str):
        return raw
    reference = _GROUP_REF.match(raw)
    if reference:
        text = groups.get(reference["group"])
        if text is None:
            return _MISSING
        value = words.group_value(reference["group"], text, reference["table"])
        if reference["negate"] and value is not None:
            return -value if isinstance(value, int) else None
        return value
    if "{" in raw:
        return _fill_template(raw, groups, words)
    return raw


def _fill_template(template: str, groups: Mapping[str, str | None], words: Words) -> Any:
    failed = False

    def replace(match: re.Match[str]) -> str:
        nonlocal failed
        text = groups.get(match[1])
        value = words.group_value(match[1], text, match[2]) if text is not None else None
        if value is None:
            failed = True
            return ""
        width = _WIDTHS.get(_TRAILING_DIGITS.sub("", match[1]), 0) if isinstance(value, int) else 0
        return f"{value:0{width}d}" if width else str(value)

    filled = _PLACEHOLDER.sub(replace, template)
    return None if failed else filled
