"""Tag: find temporal expressions and what each says, as PartialValues (no date arithmetic here).

All language knowledge lives in chrono/lang/<code>/ (patterns.toml, rules.toml, words.toml); this module only
interprets it. One combined regex finds the leftmost place where any rule matches; the rules that could also
match there are tried and the longest match wins.
"""

from __future__ import annotations

from chrono.model import Expression, PartialValue, Span
from chrono.tagging.grammar import Grammar, Rule, load_grammar
from chrono.tagging.values import build_partial

__all__ = ["tag_text", "match_at"]


def _groups(rule: Rule, match_groups: dict[str, str | None], combined: bool) -> dict[str, str | None]:
    if combined:
        return {name: match_groups[full] for full, name in rule.inner}
    return match_groups


def match_at(grammar: Grammar, text: str, start: int, end: int, first: int,
             first_groups: dict[str, str | None] | None = None, first_end: int = -1,
             ) -> tuple[Rule, int, PartialValue] | None:
    """The longest rule match starting exactly at `start` among rules `first`.. (rule, end, partial value)."""
    candidates: list[tuple[int, int, dict[str, str | None]]] = []
    if first_groups is not None:
        candidates.append((first_end, first, _groups(grammar.rules[first], first_groups, True)))
        first += 1
    for index in range(first, len(grammar.rules)):
        match = grammar.rules[index].regex.match(text, start, end)
        if match is not None and match.end() > start:
            candidates.append((match.end(), index, match.groupdict()))
    # longest first; among equals, the rule listed first
    candidates.sort(key=lambda candidate: (-candidate[0], candidate[1]))
    for stop, index, groups in candidates:
        partial = build_partial(grammar.rules[index].value, groups, grammar.words)
        if partial is not None:
            return grammar.rules[index], stop, partial
    return None


def tag_text(text: str, span: Span | None = None, *, language: str = "en", document: str = "") -> list[Expression]:
    """Every temporal expression in text[span], non-overlapping, in document order, offsets into text."""
    grammar = load_grammar(language)
    start, end = (span.start, span.end) if span is not None else (0, len(text))
    search = grammar.combined.search
    found: list[Expression] = []
    position = start
    while (match := search(text, position, end)) is not None:
        begin = match.start()
        if match.end() == begin:
            position = begin + 1
            continue
        best = match_at(grammar, text, begin, end, grammar.by_group[match.lastgroup or ""],
                        match.groupdict(), match.end())
        if best is None:
            position = begin + 1
            continue
        rule, stop, partial = best
        found.append(Expression(text=text[begin:stop], span=Span(begin, stop), partial=partial,
                                rule=rule.name, document=document))
        position = stop
    return found
