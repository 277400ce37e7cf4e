"""A year and the next written as a pair ("2011-12", "2017/18"): in news, one academic, fiscal or sports year.

News names such a period by both its years ("between 2011-12 and 2017-18", "the 2019-20 budget"); the tagger
finds the two ends (``range_end_year`` in chrono/tag/ranges.py), and this pass joins them into one expression
named by the year the period starts in, as "the 2022-23 season" is. Histories write "in 2007-08" or "(1915-16)"
for two years, and WikiWars tags them so: the narrative domain keeps the two. A pair of years that are not
consecutive ("1915-17"), or written in full ("2007-2008"), is a range of years in both domains.
"""

from __future__ import annotations

import re

from chrono.model import Expression, Span

__all__ = ["join_year_pairs"]

_JOIN = re.compile(r"[-–/]['’]?")
_YEARS_PER_CENTURY = 100


def _is_pair(first: Expression, second: Expression, text: str) -> bool:
    p, q = first.partial, second.partial
    return (second.rule == "range_end_year" and p.year is not None and q.year == p.year + 1
            and p.month is None and p.day is None and p.mod is None and len(second.text.lstrip("'’")) == 2
            and first.text[-4:].isdigit() and _JOIN.fullmatch(text[first.span.end:second.span.start]) is not None
            and q.year % _YEARS_PER_CENTURY == int(second.text[-2:]))


def join_year_pairs(expressions: list[Expression], text: str) -> list[Expression]:
    """``expressions`` with each consecutive pair of years joined into one period (the news context rule
    ``joined_year_pairs`` of chrono/resolve/context/ applies it)."""
    joined: list[Expression] = []
    for expression in expressions:
        previous = joined[-1] if joined else None
        if previous is not None and _is_pair(previous, expression, text):
            span = Span(previous.span.start, expression.span.end)
            joined[-1] = Expression(text[span.start:span.end], span, previous.partial, "year_pair_period",
                                    previous.document)
        else:
            joined.append(expression)
    return joined
