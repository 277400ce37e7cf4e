"""Live pages stamp their lines with a bare 24-hour time ("1410 Reports from another city ..."): not years. And
threads, live blogs and comment sections stamp each post on a line of its own: the text under it counts from it.

A chronology list starts its lines with years ("2006 Dr Murray meets ..."), so a stamp alone proves nothing. A
page of times shows itself by stamps no year can be here (0000-0959 and 2100-2359: before any written year
chrono reads, or past them); on such a page every line-opening four-digit stamp is a time of day, and the years
the tagger read in them are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence, Set

from chrono.lang.sections import WebPageWords
from chrono.model import Expression

__all__ = ["explicit_day", "is_stamp", "only_words", "post_stamps", "without_line_stamps"]

_STAMP = re.compile(r"(?m)^[ \t]*(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)(?=[ \t]+\S)")
_FEWEST_TIMES = 2  # stamps that cannot be years before a page counts as a page of times
_EARLIEST_YEAR, _LATEST_YEAR = 1000, 2099  # the four-digit years the tagger reads (patterns.toml: year4)


def without_line_stamps(expressions: list[Expression], text: str) -> list[Expression]:
    """``expressions`` less the years read in a page's line stamps, when the page is one of times."""
    stamps = {match.start("hour"): int(match["hour"] + match["minute"]) for match in _STAMP.finditer(text)}
    if sum(1 for value in stamps.values() if not _EARLIEST_YEAR <= value <= _LATEST_YEAR) < _FEWEST_TIMES:
        return expressions
    return [expression for expression in expressions
            if not (expression.span.start in stamps and len(expression.text) == 4 and expression.text.isdigit())]


# ---- posts' own stamps: a thread, a live blog, a comment section

_FEWEST_POSTS = 2  # stamp lines before a page counts as a page of posts: one dated line may be a byline
_LABEL_WORD = re.compile(r"[^\W\d_]+")
_FULL_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # a written value that is a whole day or finer


def is_stamp(line: str, spans: Iterable[tuple[int, int]], labels: Iterable[str]) -> bool:
    """Whether ``line`` holds nothing but the expressions at ``spans`` (offsets in it), stamp labels ("Posted on",
    "Reply #4 on:"), numbers and punctuation."""
    return only_words(line, spans, frozenset(labels)) is not None


def only_words(line: str, spans: Iterable[tuple[int, int]], allowed: Set[str]) -> list[str] | None:
    """The words of ``line`` outside the expressions at ``spans`` (offsets in it), lower case (numbers and
    punctuation are none), when every one is in ``allowed``; else None, left at the first other word (most lines
    are prose, and say so at once)."""
    found: list[str] = []
    at = 0
    for start, end in (*sorted(spans), (len(line), len(line))):
        for match in _LABEL_WORD.finditer(line, at, max(at, start)):
            word = match.group().lower()
            if word not in allowed:
                return None
            found.append(word)
        at = max(at, end)
    return found


def post_stamps(text: str, expressions: Sequence[Expression], words: WebPageWords) -> list[tuple[int, int]]:
    """(where a post's stamp line ends, where its last expression ends) for each line of ``text`` that is a post's
    own explicit stamp: a date with its year written ("Posted on 3 May 2023 at 10:14", "Reply #4 on: March 3, 2024,
    10:14:22 AM", "2024-03-04T09:15:00Z") and nothing else but labels. None unless the page holds at least two:
    a page of posts, each counting from its own."""
    labels = (*words.stamp_labels, *words.stamp_joiners)
    by_line: dict[int, list[Expression]] = {}
    for expression in expressions:
        start = text.rfind("\n", 0, expression.span.start) + 1
        by_line.setdefault(start, []).append(expression)
    stamps = []
    for start, held in sorted(by_line.items()):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if not any(explicit_day(expression) for expression in held) or held[-1].span.end > end:
            continue
        if is_stamp(text[start:end], [(item.span.start - start, item.span.end - start) for item in held], labels):
            stamps.append((end, max(item.span.end for item in held)))
    return stamps if len(stamps) >= _FEWEST_POSTS else []


def explicit_day(expression: Expression) -> bool:
    """A day written with its year (or a full ISO stamp): a stamp that needs no anchor of its own."""
    partial = expression.partial
    if partial.literal is not None:
        return _FULL_DAY.match(partial.literal) is not None
    return partial.year is not None and partial.day is not None
