"""Amounts of time tied to an event: "five days after the fall of Girona", "eight days before the new year"; and
vague amounts told as a step of the story: "A few months later the Allies attacked".

Histories annotated in the TIMEX2 tradition (WikiWars) take the whole phrase as one date: the event's day moved
by the amount. The event is most often the one just dated, so the phrase becomes "N units later/earlier"
counted from the previous mention, its extent running to the end of the event's words (the next punctuation,
a few words at most); set off right after a date ("completed in 1677, eleven years after the fire"), it restates
that date. A vague amount followed by a step ("a few months later", words.toml [story_step]) is one
date before or after the story's time, its extent holding the step, as "four days later" does. News (TimeML)
keeps "five days" and "a few days" durations, so only the narrative domain uses this.
"""

from __future__ import annotations

import re
from functools import cache
from typing import cast

from chrono.lang import Language, or_default
from chrono.model import Anchor, Expression, Granularity, PartialValue, Span, TimexType

__all__ = ["anchored_amounts"]

_AMOUNT = re.compile(r"P(?P<n>\d+)(?P<unit>[DWMY])")
_VAGUE_AMOUNT = re.compile(r"PT?X[A-Z]+")  # "a few days" (PXD), "several hours" (PTXH)
_UNITS = {"D": Granularity.DAY, "W": Granularity.WEEK, "M": Granularity.MONTH, "Y": Granularity.YEAR}
_EVENT_WORDS = 10  # an event named in more words than this is a clause of its own, not part of the date
_EVENT_END = re.compile(r"[,.;:()\[\]\"\n]")
_APPOSITION = re.compile(r"[ \t]*(?:,|\(|--?|[–—])[ \t]*")  # what sets a phrase off after the date it restates


@cache
def _relation(language: Language) -> re.Pattern[str]:
    table = language.words.tables.get("anchor_relation", {})
    words = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(table, key=len, reverse=True))
    return re.compile(rf"\s+(?P<relation>{words})\s+(?=\w)", re.IGNORECASE)


@cache
def _step(language: Language) -> re.Pattern[str]:
    table = language.words.tables.get("story_step", {})
    words = "|".join(re.escape(word) for word in sorted(table, key=len, reverse=True)) or r"(?!)"
    return re.compile(rf"\s+(?P<step>{words})(?![\w-])", re.IGNORECASE)


def anchored_amounts(text: str, expressions: list[Expression], *,
                     language: Language | None = None) -> list[Expression]:
    """Each "N units after/before <event>" as a date counted from the previous mention; the rest unchanged."""
    language = or_default(language)
    table = language.words.tables.get("anchor_relation", {})
    relation = _relation(language)
    result: list[Expression] = []
    steps = language.words.tables.get("story_step", {})
    step = _step(language)
    for index, expression in enumerate(expressions):
        p = expression.partial
        told = step.match(text, expression.span.end) if p.type is TimexType.DURATION else None
        if told is not None and _VAGUE_AMOUNT.fullmatch(p.literal or ""):
            partial = PartialValue(literal=str(steps[told["step"].lower()]), mod=p.mod)
            span = Span(expression.span.start, told.end())
            result.append(Expression(text[span.start:span.end], span, partial, expression.rule + "_told",
                                     expression.document))
            continue
        amount = _AMOUNT.fullmatch(p.literal or "") if p.type is TimexType.DURATION else None
        tie = relation.match(text, expression.span.end) if amount else None
        if amount is None or tie is None:
            result.append(expression)
            continue
        limit = expressions[index + 1].span.start if index + 1 < len(expressions) else len(text)
        end = _event_end(text, tie.end(), limit)
        if end is None:
            result.append(expression)
            continue
        sign = int(cast(int, table[re.sub(r"\s+", " ", tie["relation"].lower())]))
        # set off right after a date, the phrase restates that date ("completed in 1677, eleven years after the
        # fire"): no step from it, as counting from it would date the monument 1688
        restated = index > 0 and _APPOSITION.fullmatch(text, expressions[index - 1].span.end, expression.span.start)
        partial = PartialValue(unit=_UNITS[amount["unit"]], shift=0 if restated else sign * int(amount["n"]),
                               anchor=Anchor.PREVIOUS, mod=p.mod)
        span = Span(expression.span.start, end)
        result.append(Expression(text[span.start:span.end], span, partial, expression.rule + "_anchored",
                                 expression.document))
    return result


def _event_end(text: str, start: int, limit: int) -> int | None:
    """Where the event's words end: the next punctuation, unless it is further than a few words or the next
    expression comes first (then the phrase is not one date)."""
    stop = _EVENT_END.search(text, start, limit)
    end = stop.start() if stop else None
    if end is None or len(text[start:end].split()) > _EVENT_WORDS:
        return None
    return len(text[:end].rstrip())
