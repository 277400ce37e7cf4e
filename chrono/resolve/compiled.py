"""The patterns of patterns.toml that the resolve stage matches, compiled once per language."""

from __future__ import annotations

import re
from functools import cache

from chrono.lang.sections import Patterns

__all__ = ["gap", "named"]


@cache
def gap(patterns: Patterns, name: str) -> re.Pattern[str]:
    """What may stand between two expressions (a range's "to", "-"), spaces either side: ``fullmatch`` it."""
    return re.compile(rf"\s*(?:{patterns[name]})\s*", re.IGNORECASE)


@cache
def named(patterns: Patterns, *names: str) -> tuple[re.Pattern[str], ...]:
    """The named patterns as they are written."""
    return tuple(re.compile(patterns[name], re.IGNORECASE) for name in names)
