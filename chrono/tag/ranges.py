"""The short end of a range: "22-25 April 1951", "April 13-15", "1915-17", "492-490 BC", "6-8pm"; the days of a
list.

A writer names the month, year or era once for both ends of a range; the rules find the end that names them,
and this pass adds the bare number at the other end with the fields it shares. So too for a list of days
after a month's day ("May 2 - 3, 9 - 10, 16" and "March 3, 10 and 17": each later number a day of that month).
The words that join two ends, and the days of a list, are language data (``range_join``, ``list_join`` in
patterns.toml).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cache

from chrono.lang import Language, or_default
from chrono.model import Expression, Granularity, PartialValue, Span
from chrono.tag.grammar import expand_fragments

__all__ = ["range_ends"]

_LOOK = 16  # enough characters for "15 to " or "-'17" around an expression
_BC_LITERAL = re.compile(r"BC(\d{4})")
# a short end below the start's last two digits is in the next century ("1999-00", "1998-01"), but only for a
# short span: "2010-05" is no range of 95 years (an ISO year and month, or a code)
_LONGEST_WRAPPED_RANGE = 20


@dataclass(frozen=True, slots=True)
class _Joins:
    day_before: re.Pattern[str]  # "22-" before "25 April 1951", "the 1st to " before "the 5th of next month"
    day_first: re.Pattern[str]  # an expression that opens with its day ("25 April", "the 5th of next month")
    day_after: re.Pattern[str]  # "-15" after "April 13"
    year_after: re.Pattern[str]  # "-17" after "1915"
    year_before: re.Pattern[str]  # "492-" before "490 BC"
    hour_before: re.Pattern[str]  # "6-" or "9:30 to " before "8pm"
    meridiem: re.Pattern[str]  # what says a clock time is a.m. or p.m. ("8pm"): the other end shares its half
    list_day: re.Pattern[str]  # ", 9 - 10" or " and 17" after "May 2 - 3" or "March 3, 10"
    list_day_before: re.Pattern[str]  # "3, " or "the 3rd and again on " before "10 and 17 March", "the 17th"
    list_and: re.Pattern[str]  # the word of a list's last join ("and": "A, B and C")
    list_opening: re.Pattern[str]  # "on " before the first of days of no month ("on the 3rd and the 17th")


@cache
def _joins(language: Language) -> _Joins:
    patterns = language.patterns
    join = patterns["range_join"]
    counted = rf"\s+(?:{patterns['counted_after_number']})\b"  # "15 percent", "20 years": not a day
    suffix = patterns["ordinal_suffix"]
    year = r"(?:1\d\d\d|20\d\d)"
    article = patterns["day_article"]
    return _Joins(
        day_before=re.compile(rf"(?<![\w$£€.,/:-])(?P<end>(?:{article})?(?P<n>[12]\d|3[01]|0?[1-9])(?:{suffix})?)"
                              rf"(?:{join})$"),
        day_first=re.compile(rf"(?:{article})?\d"),
        day_after=re.compile(
            rf"(?:{join})(?P<end>(?P<n>[12]\d|3[01]|0?[1-9])(?:{suffix})?(?:,?\s+(?P<year>{year}))?)"
            rf"(?![\w%$]|[.,]\d|\s*[-–/]|{counted})"),
        year_after=re.compile(r"[-–/]['’]?(?P<n>\d\d)(?![\w%]|[.,]\d)"),
        year_before=re.compile(rf"(?<![\w$£€.,/:-])(?P<n>\d{{2,4}})(?:{join})$"),
        hour_before=re.compile(rf"(?<![\w$£€.,/:-])(?P<n>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]\d))?(?:{join})$"),
        meridiem=re.compile(expand_fragments(patterns["meridiem"], patterns.fragments, language.words.tables),
                            re.IGNORECASE),
        list_day=re.compile(
            rf"(?P<sep>{patterns['list_join']})(?P<a>(?:{article})?(?P<n>[12]\d|3[01]|0?[1-9])(?P<suffix>{suffix})?)"
            rf"(?:(?P<join>{join})(?P<b>(?P<m>[12]\d|3[01]|0?[1-9])(?:{suffix})?))?"
            rf"(?![\w%$]|[.,]\d|\s*[-–/]|{counted})"),
        list_day_before=re.compile(rf"(?<![\w$£€.,/:-])(?P<end>(?P<article>{article})?(?P<n>[12]\d|3[01]|0?[1-9])"
                                   rf"(?P<suffix>{suffix})?)(?P<sep>{patterns['list_join_before']})$"),
        list_and=re.compile(patterns["list_and"], re.IGNORECASE),
        list_opening=re.compile(patterns["list_day_opening"], re.IGNORECASE),
    )


def range_ends(text: str, found: list[Expression], *, language: Language | None = None) -> list[Expression]:
    """``found`` plus the bare numbers that end a range with one of its expressions, in document order."""
    joins = _joins(or_default(language))
    added: list[Expression] = []
    replaced: set[Span] = set()  # days read alone that a list's day of the same span took the place of
    taken = {expression.span for expression in found}  # a set: long texts have tens of thousands of spans
    starts = [expression.span.start for expression in found]  # found is sorted and non-overlapping
    for expression in found:
        partners = _partners(text, expression, joins)
        partners += _list_days(text, expression, partners, joins)
        for span, partial, rule in partners + _days_before(text, expression, partners, joins):
            # the end may swallow the year the rules found alone ("March 5-9, 1918"), nothing else
            clashes = [other for other in _near(found, starts, span) if other in taken]
            clashes += [item.span for item in _recent(added, span) if span.overlaps(item.span) and item.span in taken]
            # ... and a list's day may take the place of the same day read alone ("on the 3rd, 10th and 17th
            # of March": "the 3rd" had no month)
            if all((other.start >= span.start and other.end <= span.end and partial.year is not None)
                   or (other == span and rule == "list_day_before") for other in clashes):
                added.append(Expression(text[span.start:span.end], span, partial, rule, expression.document))
                taken.difference_update(clashes)
                taken.add(span)
                replaced.update(other for other in clashes if other == span)
    if not added:
        return found
    kept = [item for item in found if item.span in taken and item.span not in replaced]
    return sorted(kept + [item for item in added if item.span in taken], key=lambda item: item.span.start)


def _recent(added: list[Expression], span: Span) -> list[Expression]:
    """The ends added lately enough to overlap ``span``: an end lies within _LOOK of the expression it ends, and
    expressions come in document order, so an end added earlier ends at most 2 * _LOOK after a later one: the look
    back stops at the first end that lies that far before ``span`` (never a scan of every end added so far)."""
    recent: list[Expression] = []
    for item in reversed(added):
        if item.span.end + 2 * _LOOK < span.start:  # and so does every earlier one (see the docstring)
            break
        recent.append(item)
    return recent


def _near(found: list[Expression], starts: list[int], span: Span) -> list[Span]:
    """The spans of ``found`` that overlap ``span``, by bisection over their sorted starts."""
    index = max(bisect_right(starts, span.start) - 1, 0)
    near: list[Span] = []
    while index < len(found) and starts[index] < span.end:
        if found[index].span.overlaps(span):
            near.append(found[index].span)
        index += 1
    return near


def _list_days(text: str, expression: Expression, partners: list[tuple[Span, PartialValue, str]],
               joins: _Joins) -> list[tuple[Span, PartialValue, str]]:
    """The later days of a list after a month's day (and its range end), each counting up. A lone number after
    a comma is a day only when the list goes on after it ("May 5, 10 people" is no list)."""
    p = expression.partial
    monthless = _monthless_day(p)
    if p.day is None or (p.month is None and not monthless) or p.year is not None \
            or not (expression.text[-1:].isdigit() or monthless):
        return []
    ends = [(span, partial) for span, partial, rule in partners if rule == "range_end_day"]
    position, day = (ends[0][0].end, ends[0][1].day or p.day) if ends else (expression.span.end, p.day)
    items: list[tuple[Span, PartialValue, str]] = []
    tentative = 0  # trailing lone numbers after a comma, kept only if the list goes on
    while (item := joins.list_day.match(text, position, min(len(text), position + 3 * _LOOK))) is not None:
        first = int(item["n"])
        last = int(item["m"]) if item["m"] else first
        if first <= day or last < first or (monthless and (item["m"] or not item["suffix"])):
            break  # days of no month are ordinals: "on the 3rd and the 17th"
        items.append((Span(item.start("a"), item.end("a")), replace(p, day=first, weekday=None, mod=None),
                      "list_day"))
        if item["m"]:
            items.append((Span(item.start("b"), item.end("b")), replace(p, day=last, weekday=None, mod=None),
                          "range_end_day"))
        lone = not item["m"] and not item["sep"].strip(", \t\n")
        tentative = tentative + 1 if lone else 0
        position, day = item.end(), last
    return items[:len(items) - tentative]


def _monthless_day(p: PartialValue) -> bool:
    """Whether ``p`` is a day of the month alone ("on the 17th"), its month left to the tense."""
    return (p.day is not None and p.day > 0 and p.literal is None and p.month is None and p.year is None
            and p.weekday is None and p.week is None and p.season is None and p.hour is None and p.unit is None)


def _days_before(text: str, expression: Expression, partners: list[tuple[Span, PartialValue, str]],
                 joins: _Joins) -> list[tuple[Span, PartialValue, str]]:
    """The earlier days of a list before the day that names their month ("3, 10 and 17 March", "the 3rd, 10th and
    17th of March") or before the last of days of no month ("on the 3rd and again on the 17th"), each a day of
    what the last is, counting down. A comma alone joins only before an "and" ("A, B and C"); days of no month
    are ordinals ("the 3rd") and the first follows "on", as a day alone does."""
    p = expression.partial
    monthless = _monthless_day(p)
    if p.day is None or p.day < 0 or p.year is not None or p.weekday is not None or p.literal is not None \
            or p.unit is not None or (p.month is None and not monthless) or not joins.day_first.match(expression.text):
        return []
    found = {span for span, _partial, _rule in partners}
    items: list[tuple[Span, PartialValue, str]] = []
    position, day, anded, article = expression.span.start, p.day, False, False
    while (item := joins.list_day_before.search(text, max(0, position - 2 * _LOOK), position)) is not None:
        first = int(item["n"])
        joined_by_and = joins.list_and.search(item["sep"]) is not None
        if first >= day or (monthless and not item["suffix"]) or (not joined_by_and and not anded):
            break
        anded = anded or joined_by_and
        span = Span(item.start("end"), item.end("end"))
        if span not in found:
            items.append((span, replace(p, day=first, weekday=None, mod=None), "list_day_before"))
        position, day, article = item.start("end"), first, item["article"] is not None
    if monthless and not (article and joins.list_opening.search(text, max(0, position - _LOOK), position)):
        return []  # the first of days of no month opens as a day alone does: "on the 3rd"
    return items


def _partners(text: str, expression: Expression, joins: _Joins) -> list[tuple[Span, PartialValue, str]]:
    p, span = expression.partial, expression.span
    partners: list[tuple[Span, PartialValue, str]] = []
    if p.literal is not None:
        era = _BC_LITERAL.fullmatch(p.literal)
        before = joins.year_before.search(text, max(0, span.start - _LOOK), span.start) if era else None
        if era and before and int(before["n"]) > int(era[1]):  # counting down to the later year
            partners.append((Span(before.start("n"), before.end("n")),
                             replace(p, literal=f"BC{int(before['n']):04d}", mod=None), "range_start_bc"))
        return partners
    if p.day is not None and (p.month is not None or p.unit is Granularity.MONTH) \
            and joins.day_first.match(expression.text):
        before = joins.day_before.search(text, max(0, span.start - _LOOK), span.start)
        if before and int(before["n"]) < p.day:
            partners.append((Span(before.start("end"), before.end("end")),
                             replace(p, day=int(before["n"]), weekday=None, mod=None), "range_start_day"))
    if p.day is not None and p.month is not None and p.year is None and expression.text[-1:].isdigit():
        after = joins.day_after.match(text, span.end, min(len(text), span.end + _LOOK))
        if after and int(after["n"]) > p.day:
            year = int(after["year"]) if after["year"] else None
            partners.append((Span(after.start("end"), after.end("end")),
                             replace(p, day=int(after["n"]), year=year, weekday=None, mod=None), "range_end_day"))
    if p.hour is not None and expression.text[:1].isdigit() and joins.meridiem.search(expression.text):
        before = joins.hour_before.search(text, max(0, span.start - _LOOK), span.start)
        if before:
            minute = int(before["minute"]) if before["minute"] else None
            partners.append((Span(before.start("n"), before.end("minute") if minute is not None else before.end("n")),
                             replace(p, hour=_start_hour(int(before["n"]), p.hour), minute=minute, mod=None),
                             "range_start_clock"))
    if p.year is not None and p.month is None and p.day is None and p.season is None and p.quarter is None \
            and p.half is None and expression.text[-4:].isdigit():
        after = joins.year_after.match(text, span.end, min(len(text), span.end + _LOOK))
        year = _short_end_year(p.year, after["n"]) if after else None
        if after and year is not None:
            partners.append((Span(after.start("n") - (1 if text[after.start("n") - 1] in "'’" else 0),
                                  after.end("n")),
                             replace(p, year=year, mod=None), "range_end_year"))
    return partners


def _start_hour(written: int, end: int) -> int:
    """The hour a range's start written without a.m. or p.m. names before ``end``: of its two readings, the one
    nearest before the end ("6-8pm" from 18:00, "11-1pm" from 11:00, "9-5pm" from 9:00, "8-1am" from 20:00)."""
    morning = written % 12
    return min((morning, morning + 12), key=lambda hour: (end - hour - 1) % 24)


def _short_end_year(start: int, digits: str) -> int | None:
    """The year a two-digit range end names after ``start``: later in its century ("1915-17"), else in the next
    one over a short span ("1999-00"); None for a wrap over many years ("2010-05")."""
    year = start - start % 100 + int(digits)
    if year > start:
        return year
    return year + 100 if year + 100 - start <= _LONGEST_WRAPPED_RANGE else None
