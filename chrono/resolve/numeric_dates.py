"""Numeric dates: which number is the day is a policy of the document, decided here and only here.

The tagger keeps a numeric date's two numbers as written (``PartialValue.day_month``: "05/03/2024" -> (5, 3)).
A date whose own numbers tell (one above 12) is read so. For the others, the first of these that speaks wins:

1. the locale given: the document's own (a record's or front matter's ``locale``/``language`` field), else the
   run's (``--locale``, the API's ``locale=``); a bare language such as "en" names no country and says nothing;
2. the document's evidence: a numeric date anywhere in it whose first number is above 12 settles day-first,
   one whose second number is above 12 month-first (when both are seen, the document says nothing); else the
   separator all its numeric dates are written with, where every locale that uses it agrees ("26.01.2024": dots
   are day-first in every CLDR locale; ``separator_order`` of locales.toml);
3. hints: the outlet's name, then the URL's domain (``chrono/lang/<code>/locales.toml``);
4. the language's default order; the values that rest on it are marked ``assumed_order`` so a report can show
   the doubt.

A two-digit year ("14/5/25") is the latest year with those digits at most twenty years after publication.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache
from urllib.parse import urlsplit

from chrono.errors import ChronoInputError
from chrono.lang import Language, or_default
from chrono.lang.sections import LocaleHints
from chrono.model import Document, Expression, PartialValue

__all__ = ["DayMonthOrder", "OrderPolicy", "normalise_locale", "check_locale", "settle_numeric_dates",
           "carry_assumed_order"]

_MONTHS = 12
_YEARS_AHEAD = 20  # a two-digit year names a past year, or one of the next twenty (plans, terms, forecasts)
_BETWEEN_NUMBERS = re.compile(r"\d(\D)\d")  # the separator of a numeric date ("26.01" -> ".")
_LOCALE = re.compile(r"^(?P<language>[A-Za-z]{2,3})(?:[-_](?P<rest>[A-Za-z0-9_-]+))?$")


class DayMonthOrder(StrEnum):
    DAY_FIRST = "day_first"
    MONTH_FIRST = "month_first"


@dataclass(frozen=True, slots=True)
class OrderPolicy:
    """A language's order data (locales.toml): the locales it knows and the hints that suggest one."""

    default: DayMonthOrder
    locales: Mapping[str, DayMonthOrder]  # "en_GB" -> DAY_FIRST
    domains: Mapping[str, str]  # "uk" -> "en_GB": the end of a URL's host name
    outlets: re.Pattern[str] | None  # the outlet names, longest first (a whole-word match)
    outlet_locales: Mapping[str, str]  # "bbc" -> "en_GB"
    separators: Mapping[str, DayMonthOrder]  # "." -> DAY_FIRST

    @staticmethod
    def of(language: Language | None) -> OrderPolicy:
        return _policy(or_default(language).locales)

    def order_of(self, locale: str | None) -> DayMonthOrder | None:
        """The order a locale writes (None for no locale, a bare language, or one this language does not know)."""
        name = normalise_locale(locale) if locale else None
        return self.locales.get(name) if name else None

    def document_locale(self, document: Document, given: str | None = None) -> str | None:
        """The document's locale: its own, else ``given`` (the run's), when this language knows it; else the one
        its outlet or URL suggests."""
        chosen = next((normalise_locale(name) for name in (document.locale, given) if name), None)
        return chosen if chosen in self.locales else self.hinted_locale(document)

    def hinted(self, document: Document) -> DayMonthOrder | None:
        """The order the outlet's name or else the URL's domain suggests."""
        locale = self.hinted_locale(document)
        return self.order_of(locale) if locale is not None else None

    def hinted_locale(self, document: Document) -> str | None:
        """The locale the outlet's name or else the URL's domain suggests."""
        if document.outlet and self.outlets is not None:
            found = self.outlets.search(document.outlet.lower())
            if found:
                return self.outlet_locales[found[0]]
        host = _host(document.url)
        labels = host.split(".") if host else []
        for size in range(len(labels), 0, -1):  # the longest matching end of the host name wins
            locale = self.domains.get(".".join(labels[-size:]))
            if locale is not None:
                return locale
        return None


@cache
def _policy(hints: LocaleHints) -> OrderPolicy:
    outlets = {name.lower(): locale for name, locale in hints.outlet_locale.items()}
    names = "|".join(re.escape(name) for name in sorted(outlets, key=len, reverse=True))
    return OrderPolicy(DayMonthOrder(hints.default_order),
                       {name: DayMonthOrder(order) for name, order in hints.locale_order.items()},
                       dict(hints.domain_locale), re.compile(rf"(?<!\w)(?:{names})(?!\w)") if names else None,
                       outlets, {separator: DayMonthOrder(order) for separator, order in hints.separator_order.items()})


def _host(url: str | None) -> str:
    if not url:
        return ""
    try:
        return (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    except ValueError:  # a malformed URL gives no hint
        return ""


def normalise_locale(text: str) -> str:
    """"en-gb", "EN_GB", "en_GB.UTF-8" -> "en_GB"; a script or a number keeps its CLDR spelling ("en_001")."""
    name = text.strip().split(".")[0].split("@")[0]
    match = _LOCALE.match(name)
    if match is None:
        return name
    parts = [match["language"].lower()]
    for part in re.split(r"[-_]", match["rest"] or ""):
        if part:
            parts.append(part.upper() if len(part) == 2 else part.title() if part.isalpha() else part)
    return "_".join(parts)


def check_locale(text: str, language: Language | None = None) -> str:
    """The locale as chrono spells it, or ChronoInputError naming some known ones (for the command line)."""
    name = normalise_locale(text)
    policy = OrderPolicy.of(language)
    if name in policy.locales or name == or_default(language).code:
        return name
    known = ", ".join(sorted(name for name in policy.locales if name.count("_") == 1 and name[3:].isalpha())[:12])
    raise ChronoInputError(f"unknown locale {text!r} (known: {known}, ...)")


def _own_order(p: PartialValue, published: int | None) -> DayMonthOrder | None:
    """The order a date's own numbers tell (one above 12), or its weekday: "Fri 11/4" in 2014 is 11 April (4
    November 2014 was a Tuesday), in the year written or else the publication year."""
    assert p.day_month is not None
    first, second = p.day_month
    if first > _MONTHS >= second:
        return DayMonthOrder.DAY_FIRST
    if second > _MONTHS >= first:
        return DayMonthOrder.MONTH_FIRST
    year = _century_of(p.year, published) if p.short_year and p.year is not None and published else p.year
    year = year or published
    if p.weekday is None or year is None or first == second:
        return None
    fits = [order for order, (day, month) in ((DayMonthOrder.DAY_FIRST, (first, second)),
                                              (DayMonthOrder.MONTH_FIRST, (second, first)))
            if _weekday_of(year, month, day) == p.weekday]
    return fits[0] if len(fits) == 1 else None


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).isoweekday()
    except ValueError:  # the 31st of a 30-day month, a year out of the calendar
        return None


def _evidence(expressions: Iterable[Expression], published: int | None) -> DayMonthOrder | None:
    """The order the document's own telling dates show, when they agree."""
    seen = {_own_order(e.partial, published) for e in expressions if e.partial.day_month is not None}
    seen.discard(None)
    return seen.pop() if len(seen) == 1 else None


def _separator(expressions: Iterable[Expression], policy: OrderPolicy) -> DayMonthOrder | None:
    """The order the one separator of the document's numeric dates says, when every locale using it agrees."""
    used = {found[1] for e in expressions if e.partial.day_month is not None
            and (found := _BETWEEN_NUMBERS.search(e.text)) is not None}
    return policy.separators.get(used.pop()) if len(used) == 1 else None


def document_order(expressions: list[Expression], document: Document, *, locale: str | None = None,
                   language: Language | None = None) -> tuple[DayMonthOrder, bool]:
    """The order for the document's numeric dates that do not tell their own, and whether it is the default."""
    policy = OrderPolicy.of(language)
    published = document.published.year if document.published else None
    decided = (policy.order_of(document.locale) or policy.order_of(locale) or _evidence(expressions, published)
               or _separator(expressions, policy) or policy.hinted(document))
    return (decided, False) if decided is not None else (policy.default, True)


def _century_of(year: int, published: int) -> int:
    """The latest year with these last two digits at most _YEARS_AHEAD after publication ("3/14/71" -> 1971)."""
    candidate = published - published % 100 + year % 100
    return candidate - 100 if candidate > published + _YEARS_AHEAD else candidate


def _settled(p: PartialValue, order: DayMonthOrder, assumed: bool, published: int | None) -> PartialValue:
    fields: dict[str, object] = {}
    if p.day_month is not None:
        first, second = p.day_month
        own = _own_order(p, published)
        reading = own or order
        day, month = (first, second) if reading is DayMonthOrder.DAY_FIRST else (second, first)
        fields.update(day=day, month=month, assumed_order=assumed and own is None and first != second)
    if p.short_year and p.year is not None and published is not None:
        fields["year"] = _century_of(p.year, published)
    return replace(p, **fields)  # type: ignore[arg-type]


def settle_numeric_dates(expressions: list[Expression], document: Document, *, locale: str | None = None,
                         language: Language | None = None) -> list[Expression]:
    """The expressions with every numeric date's day and month (and a two-digit year's century) settled."""
    if not any(e.partial.day_month is not None or e.partial.short_year for e in expressions):
        return expressions
    order, assumed = document_order(expressions, document, locale=locale, language=language)
    published = document.published.year if document.published else None
    return [replace(e, partial=_settled(e.partial, order, assumed, published))
            if e.partial.day_month is not None or e.partial.short_year else e for e in expressions]


def carry_assumed_order(expressions: list[Expression]) -> list[Expression]:
    """Resolved expressions whose order was assumed say so on their value (and so on their events)."""
    return [replace(e, value=replace(e.value, assumed_order=True))
            if e.partial.assumed_order and e.value is not None else e for e in expressions]
