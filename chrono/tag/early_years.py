"""Years of three digits in a history: "in 793", "until 924", "Alfred (849-899)", "25 December 800".

Four-digit years are read everywhere (rules.toml ``year``); a year of three digits reads as a number unless the
text says otherwise, so only histories look for one, where a word before it (patterns.toml ``early_year_cue``:
"in", "until", "c.", "r.") and a word or mark after it (``early_year_end``: "in 711 the Moors", "until 924.")
say it is a year; "in 800 ships", "one in 300" stay numbers. A range takes both ends when the second is
followed so ("from 871 to 899"), and a pair in brackets after a name is a life or a reign ("Alfred (849-899)").
A date written without its year takes a three-digit year that follows it ("25 December 800", "Christmas Day
800"). A year after a BC mention is resolved in that era (chrono/calendar/era.py).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from chrono.lang import Language
from chrono.model import Anchor, Expression, PartialValue, Span

__all__ = ["early_years"]

_YEAR = r"(?P<year>[1-9]\d\d)(?![\d,.]\d|\d)"
_PAIR_IN_BRACKETS = re.compile(r"(?<=[^\W\d_])\s*\(\s*(?P<first>[1-9]\d\d)\s*[-–]\s*(?P<second>[1-9]\d\d)\s*\)")
_NUMBER = re.compile(rf"(?<![\w.,$£€]){_YEAR}")
_CUE_REACH = 16  # characters before a number searched for its cue word and the space after it
_CAPITAL = re.compile(r"\s+[A-Z]")
_YEAR_AFTER = re.compile(rf",?\s+{_YEAR}")  # "25 December 800": the year after a date
_APPROX = "APPROX"


@cache
def _patterns(language: Language) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    p = language.patterns
    cued = re.compile(rf"(?<![\w.])(?P<cue>{p['early_year_cue']})\s*\Z", re.IGNORECASE)
    ending = re.compile(rf"(?:{p['early_year_end']})", re.IGNORECASE)
    joined = re.compile(rf"(?:{p['early_year_range']}){_YEAR}", re.IGNORECASE)
    return cued, ending, joined


def _counted_before(text: str, at: int, language: Language) -> bool:
    """Whether a number comes just before ``at`` ("one in 300", "1 in 200"): a rate, not a year."""
    words = text[max(0, at - 20):at].split()
    if not words:
        return False
    word = words[-1].lower()
    return word.isdigit() or word in language.words.tables.get("number", {})


def _year(text: str, span: Span, year: int, mod: str | None, document: str) -> Expression:
    return Expression(text[span.start:span.end], span, PartialValue(year=year, mod=mod), "early_year", document)


def _free(span: Span, taken: list[Span]) -> bool:
    return all(span.end <= other.start or span.start >= other.end for other in taken)


def _found_years(text: str, document: str, taken: list[Span], language: Language) -> list[Expression]:
    cued, ending, joined = _patterns(language)
    mods = language.words.tables.get("mod", {})
    found: list[Expression] = []
    for number in _NUMBER.finditer(text):  # the numbers first: far fewer than the cue words
        match = cued.search(text, max(0, number.start() - _CUE_REACH), number.start())
        year_span = Span(number.start(), number.end())
        if match is None or not _free(year_span, taken) or _counted_before(text, match.start(), language):
            continue
        cue = match["cue"]
        mod = _APPROX if mods.get(cue.lower().rstrip(".")) == _APPROX else None
        start = match.start() if mod else year_span.start
        ends = [(Span(start, year_span.end), int(number["year"]))]
        other_end = joined.match(text, year_span.end)
        if other_end is not None and int(other_end["year"]) > int(number["year"]):
            ends.append((Span(other_end.start("year"), other_end.end("year")), int(other_end["year"])))
        last = ends[-1][0].end
        capital_after = cue[0].isupper() and _CAPITAL.match(text, last) is not None  # "In 711 Tariq crossed"
        if ending.match(text, last) is None and not capital_after:
            continue
        found.extend(_year(text, span, year, mod if span.start == start else None, document)
                     for span, year in ends if _free(span, taken))
    for pair in _PAIR_IN_BRACKETS.finditer(text):
        years = (int(pair["first"]), int(pair["second"]))
        spans = (Span(pair.start("first"), pair.end("first")), Span(pair.start("second"), pair.end("second")))
        if years[1] > years[0] and all(_free(span, taken) for span in spans):
            found.extend(_year(text, span, year, None, document) for span, year in zip(spans, years, strict=True))
    return found


def _with_year(text: str, expression: Expression, language: Language) -> Expression:
    """A date without its year followed by one of three digits ("25 December 800"), that year added."""
    p = expression.partial
    if (p.year is not None or p.literal is not None or p.unit is not None or p.anchor is not Anchor.CONTEXT
            or (p.month is None and p.holiday is None)):
        return expression
    _, ending, _ = _patterns(language)
    match = _YEAR_AFTER.match(text, expression.span.end)
    if match is None or ending.match(text, match.end()) is None:
        return expression
    span = Span(expression.span.start, match.end())
    return replace(expression, text=text[span.start:span.end], span=span,
                   partial=replace(p, year=int(match["year"])))


def early_years(text: str, expressions: list[Expression], *, language: Language) -> list[Expression]:
    """``expressions`` with the history's three-digit years added, in text order."""
    dated = [_with_year(text, expression, language) for expression in expressions]
    years = _found_years(text, dated[0].document if dated else "", [e.span for e in dated], language)
    if not years:
        return dated
    return sorted([*dated, *years], key=lambda expression: expression.span.start)
