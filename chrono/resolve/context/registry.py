"""The context rules' registry and what a rule sees: Stage, context_rule, Context, Mentions (see the package)."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, NamedTuple, TypeVar

from chrono.calendar.era import bc_granularity
from chrono.lang import Language
from chrono.model import Document, Domain, Expression, Granularity, Span, Value
from chrono.resolve.tense import TenseCue

__all__ = ["Context", "ContextRule", "Mentions", "Stage", "context_rule", "paragraph_breaks", "rules", "rules_for"]

PARAGRAPH_BREAK = "\n\n"
_COARSE_TO_FINE = tuple(Granularity)  # iterating the enum class itself costs a generator per mention
_NAMED_PERIODS = (Granularity.QUARTER, Granularity.HALF)  # periods a business report names and then calls "the"


class Stage(StrEnum):
    """Where in the walk a rule is asked (see the module docstring)."""

    EXPRESSIONS = "expressions"
    PARTIAL = "partial"
    ANCHOR = "anchor"
    ASIDE = "aside"
    ABSENT = "absent"


@dataclass(frozen=True)
class ContextRule:
    name: str
    stage: Stage
    domains: frozenset[Domain]
    apply: Callable[..., Any]


_RULES: dict[str, ContextRule] = {}
_Function = TypeVar("_Function", bound=Callable[..., Any])


def context_rule(*, stage: Stage, domains: Sequence[Domain] = tuple(Domain)) -> Callable[[_Function], _Function]:
    """Register the decorated function, under its name without the leading underscore, as a context rule."""

    def register(function: _Function) -> _Function:
        name = function.__name__.lstrip("_")
        if name in _RULES:
            raise ValueError(f"context rule {name!r} is registered twice")
        _RULES[name] = ContextRule(name, stage, frozenset(domains), function)
        return function

    return register


def rules() -> Mapping[str, ContextRule]:
    """Every registered rule by name, in registration order."""
    return _RULES


def rules_for(domain: Domain, stage: Stage) -> tuple[ContextRule, ...]:
    return tuple(rule for rule in _RULES.values() if domain in rule.domains and rule.stage is stage)


class Mentions:
    """The dated mentions so far, indexed so that each lookup costs the same however many came before (a text
    of 10,000 BC years or bare years must not walk them all for each expression)."""

    def __init__(self) -> None:
        self._latest_at_least: dict[Granularity, Value] = {}  # the latest mention at least this fine
        self._latest_named: dict[Granularity, Value] = {}  # the latest quarter or half named as one
        self._year_written: set[int] = set()  # ids of the mentions whose year the text wrote
        self._kept: list[Value] = []  # keeps every mention alive, so that its id is never reused
        self.last_two: list[Value] = []
        self.last_end = 0  # where the latest mention ends in the text
        self._by_end: dict[int, Value] = {}  # each mention by where its expression ends

    def add(self, value: Value, end: int, *, year_written: bool, named: bool = True) -> None:
        """``named``: a period the story names, not one counted back from it ("the year-earlier quarter")."""
        granularity = value.granularity if value.granularity is not None else bc_granularity(value)
        if granularity is not None:
            for coarser in _COARSE_TO_FINE:
                if coarser > granularity:
                    break
                self._latest_at_least[coarser] = value
            if named and granularity in _NAMED_PERIODS:
                self._latest_named[granularity] = value
        if year_written:
            self._year_written.add(id(value))
        self._kept.append(value)
        self.last_two = [*self.last_two[-1:], value]
        self.last_end = end
        self._by_end[end] = value

    def ending_at(self, end: int) -> Value | None:
        """The mention whose expression ends at ``end``, if it was one."""
        return self._by_end.get(end)

    @property
    def last(self) -> Value | None:
        return self.last_two[-1] if self.last_two else None

    def latest(self, needed: Granularity) -> Value | None:
        """The latest mention at least as fine as ``needed``; else the latest mention. "The quarter" is the one a
        report last named, not the quarter of a month told since ("for the quarter ended Sept. 29 ... introduced
        in April ... shipped in the quarter")."""
        if needed in _NAMED_PERIODS and (named := self._latest_named.get(needed)) is not None:
            return named
        return self._latest_at_least.get(needed) or self.last

    def wrote_year(self, value: dt.date | Value | None) -> bool:
        return isinstance(value, Value) and id(value) in self._year_written


class Context(NamedTuple):
    """What a rule sees of one expression: its document, its neighbours, its sentence and governing tense, and
    the mentions before it (``previous``: the latest one fine enough to anchor it).

    A named tuple: immutable like a frozen dataclass, and made in a sixth of its time (the walk makes one per
    expression)."""

    document: Document
    expressions: Sequence[Expression]  # the document's, in text order
    index: int  # type: ignore[assignment]  # the field hides tuple.index(), which no rule needs
    sentence: Span
    cue: TenseCue
    previous: Value | None
    mentions: Mentions
    language: Language
    paragraph_breaks: Sequence[int]  # where each paragraph break of the text starts, in order
    # posts' own stamp lines (chrono/resolve/line_stamps.py post_stamps): (where the line ends, where its stamp ends)
    stamps: Sequence[tuple[int, int]] = ()

    @property
    def expression(self) -> Expression:
        return self.expressions[self.index]

    def paragraph_break_between(self, start: int, end: int) -> bool:
        """Whether a paragraph break lies wholly in text[start:end] (a bisection, not a scan of the text)."""
        at = bisect_left(self.paragraph_breaks, start)
        return at < len(self.paragraph_breaks) and self.paragraph_breaks[at] + len(PARAGRAPH_BREAK) <= end


def paragraph_breaks(text: str) -> list[int]:
    """Where each paragraph break of ``text`` starts, for Context.paragraph_break_between."""
    breaks, at = [], text.find(PARAGRAPH_BREAK)
    while at >= 0:
        breaks.append(at)
        at = text.find(PARAGRAPH_BREAK, at + 1)
    return breaks
