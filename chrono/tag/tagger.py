"""Tag: find temporal expressions and what each says, as PartialValues (no date arithmetic here).

All language knowledge lives in chrono/lang/<code>/ (patterns.toml, rules.toml, words.toml); this module only
interprets it. One scan finds the word starts where some rule could begin, and there only the rules whose
beginning fits the text are tried (see chrono/tagging/prefilter.py); the longest match wins, and the next
search starts after it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from chrono.lang import Language, or_default
from chrono.model import Expression, PartialValue, Span
from chrono.tag.grammar import Grammar, Rule, load_grammar
from chrono.tag.prefilter import PREFIX, fold
from chrono.tag.ranges import range_ends
from chrono.tag.stretched import unstretch
from chrono.tag.values import build_partial

__all__ = ["tag_text", "match_at"]

_PARTIALS_KEPT = 50_000  # remembered partial values before the memo starts afresh (bounds memory)


def match_at(grammar: Grammar, text: str, folded: str, start: int, end: int) -> tuple[Rule, int, PartialValue] | None:
    """The longest rule match starting exactly at `start` (rule, end, partial value); ties go to the first rule."""
    return _longest(grammar, grammar.prefilter.rules_at(folded, start), text, start, end)


def _longest(grammar: Grammar, candidates: tuple[int, ...], text: str, start: int,
             end: int) -> tuple[Rule, int, PartialValue] | None:
    best: tuple[Rule, int, PartialValue] | None = None
    for index in candidates:
        rule = grammar.rules[index]
        compiled = rule._compiled  # the property compiles on first use; once compiled, skip its call (hot loop)
        match = (compiled[0] if compiled else rule.regex).match(text, start, end)
        if match is None or (best is not None and match.end() <= best[1]) or match.end() == start:
            continue
        partial = _partial(grammar, index, match)
        if partial is not None:
            best = (rule, match.end(), partial)
    return best


def _partial(grammar: Grammar, index: int, match: re.Match[str]) -> PartialValue | None:
    """What the rule's match says, worked out once per rule and captured words (PartialValues are immutable)."""
    key = (index, match.groups())  # every group, named or not, in one tuple made in C: they fix the named ones
    memo = grammar.partials
    if key in memo:
        return memo[key]
    if len(memo) >= _PARTIALS_KEPT:
        memo.clear()
    partial = memo[key] = build_partial(grammar.rules[index].value, match.groupdict(), grammar.words)
    return partial


def tag_text(text: str, span: Span | None = None, *, language: Language | None = None,
             document: str = "") -> list[Expression]:
    """Every temporal expression in text[span], non-overlapping, in document order, offsets into text."""
    language = or_default(language)
    grammar = load_grammar(language)
    start, end = (span.start, span.end) if span is not None else (0, len(text))
    unstretched = unstretch(text, grammar.words.settings)
    if unstretched is not None:  # "exam tomorrowww": matched as read, each span as written
        inner = Span(unstretched.offset(start), unstretched.offset(end))
        return [replace(e, text=text[begin:stop], span=Span(begin, stop))
                for e in tag_text(unstretched.text, inner, language=language, document=document)
                for begin, stop in [unstretched.span(e.span.start, e.span.end)]]
    folded = fold(text)
    found: list[Expression] = []
    position = start
    prefilter = grammar.prefilter
    windows = prefilter.windows  # rules_at's memo, read inline: most word starts repeat a window already met
    for begin in prefilter.positions(folded, start, end):
        if begin < position:
            continue
        candidates = windows.get(folded[begin:begin + PREFIX])
        if candidates is None:
            candidates = prefilter.rules_at(folded, begin)
        best = _longest(grammar, candidates, text, begin, end) if candidates else None
        if best is None:
            continue
        rule, stop, partial = best
        found.append(Expression(text=text[begin:stop], span=Span(begin, stop), partial=partial,
                                rule=rule.name, document=document))
        position = stop
    return range_ends(text, found, language=language)
