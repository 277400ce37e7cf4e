"""Every context rule has examples (chrono/lang/<code>/context.toml); each gives its values in every domain the
rule is registered for, and without the rule they change in at least one (the example shows the rule at work)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from chrono.lang import Language, languages
from chrono.lang.sections import ContextExample
from chrono.model import Document, Domain, Span, Tense
from chrono.resolve import context
from chrono.resolve.context import registry
from chrono.resolve.tense import TenseCue
from chrono.resolve.walk import resolve_expressions
from chrono.segment.sentences import split_sentences
from chrono.tag.tagger import tag_text


def _cases() -> list[Any]:
    return [pytest.param(code, example, id=f"{code}-{example.rule}-{number}")
            for code in languages() for number, example in enumerate(Language.load(code).context.example)]


def _values(example: ContextExample, domain: Domain, language: Language) -> dict[str, str | None]:
    published = dt.date.fromisoformat(example.published) if example.published else None
    document = Document("example", example.text, published)
    found = tag_text(example.text, language=language)
    resolved = resolve_expressions(found, split_sentences(example.text, language=language), document, domain=domain,
                                   language=language)
    values: dict[str, str | None] = {}
    for phrase in example.values:
        matching = [e for e in resolved if e.text == phrase]
        values[phrase] = (matching[0].value.value if matching[0].value else None) if matching else ""  # "": none
    return values


@pytest.mark.parametrize(("code", "example"), _cases())
def test_context_example(code: str, example: ContextExample, monkeypatch: pytest.MonkeyPatch) -> None:
    rule = context.rules().get(example.rule)
    assert rule is not None, f"{example.rule!r} is no registered context rule"
    language = Language.load(code)
    domains = sorted(rule.domains)
    for domain in domains:
        assert _values(example, domain, language) == dict(example.values), domain
    others = {name: other for name, other in context.rules().items() if name != example.rule}
    monkeypatch.setattr(registry, "_RULES", others)
    without = [_values(example, domain, language) for domain in domains]
    assert any(values != dict(example.values) for values in without), "the example does not need its rule"


@pytest.mark.parametrize("code", languages())
def test_every_rule_has_examples(code: str) -> None:
    examples = {example.rule for example in Language.load(code).context.example}
    assert set(context.rules()) <= examples, f"rules without examples: {sorted(set(context.rules()) - examples)}"


@pytest.mark.parametrize(("domain", "stage", "names"), [
    (Domain.NEWS, context.Stage.ANCHOR, ["post_stamp", "told_year", "day_in_brackets"]),
    (Domain.NARRATIVE, context.Stage.ANCHOR, ["narrated_time"]),
    (Domain.NEWS, context.Stage.ASIDE, ["compared_period", "told_around"]),
    (Domain.NARRATIVE, context.Stage.ASIDE, ["compared_period", "told_around", "narrative_aside"]),
    (Domain.NEWS, context.Stage.EXPRESSIONS, ["line_stamps", "joined_year_pairs"]),
    (Domain.NARRATIVE, context.Stage.EXPRESSIONS, ["amount_after_event", "early_years"]),
    (Domain.NARRATIVE, context.Stage.PARTIAL, ["year_of_range_end", "year_after_bracket", "day_of_clock",
                                                    "afternoon_range_end",
                                                    "overnight_range_end", "weekly_hours", "weekday_after_story_day",
                                                    "weekday_range_after_start", "century_of_story",
                                                    "turn_of_story_century"]),
    (Domain.NEWS, context.Stage.ABSENT, ["past_clause_relative", "named_no_time", "once_day_elsewhere"]),
    (Domain.NARRATIVE, context.Stage.ABSENT, ["past_clause_relative", "named_no_time", "once_day_elsewhere"]),
])
def test_rules_are_selected_by_domain(domain: Domain, stage: context.Stage, names: list[str]) -> None:
    assert [rule.name for rule in context.rules_for(domain, stage)] == names


@pytest.mark.parametrize(("name", "expected"), [("news", Domain.NEWS), ("narrative", Domain.NARRATIVE),
                                                (Domain.NEWS, Domain.NEWS)])
def test_domain_of(name: str, expected: Domain) -> None:
    assert Domain.of(name) is expected


@pytest.mark.parametrize(("text", "start", "end"), [
    ("ab\n\ncd", 0, 7), ("ab\n\ncd", 3, 7), ("ab\n\ncd", 0, 3), ("ab\n\n\ncd", 3, 5), ("ab\n\n\ncd", 4, 6),
    ("abcd", 0, 4), ("\n\n", 0, 2), ("a\n\nb\n\nc", 2, 6), ("a\n\nb\n\nc", 3, 7),
])
def test_paragraph_break_between(text: str, start: int, end: int) -> None:
    """The bisection over the breaks agrees with looking at the text between."""
    found = context.Context(Document("d", text, None), (), 0, Span(0, 0), TenseCue(Tense.NONE), None,
                            context.Mentions(), Language.load("en"), context.paragraph_breaks(text))
    assert found.paragraph_break_between(start, end) == ("\n\n" in text[start:end])
