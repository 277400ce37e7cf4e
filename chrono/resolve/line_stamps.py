"""Live pages stamp their lines with a bare 24-hour time ("1410 Reports from another city ..."): not years.

A chronology list starts its lines with years ("2006 Dr Murray meets ..."), so a stamp alone proves nothing. A
page of times shows itself by stamps no year can be here (0000-0959 and 2100-2359: before any written year
chrono reads, or past them); on such a page every line-opening four-digit stamp is a time of day, and the years
the tagger read in them are dropped.
"""

from __future__ import annotations

import re

from chrono.model import Expression

__all__ = ["without_line_stamps"]

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
