"""Every rule of every language carries examples; each must be found with its extent, by that rule, with its fields."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any

import pytest

from chrono.lang import Language, languages
from chrono.tag.tagger import tag_text


def _cases() -> list[Any]:
    cases = []
    for language in languages():
        for rule in Language.load(language).rules.rule:
            if not rule.examples:
                cases.append(pytest.param(language, rule.name, None, id=f"{language}-{rule.name}-missing"))
            for number, example in enumerate(rule.examples):
                cases.append(pytest.param(language, rule.name, example, id=f"{language}-{rule.name}-{number}"))
    return cases


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):  # several numbers ("day_month") are written as a list
        return list(value)
    return value.name if isinstance(value, Enum) else value


@pytest.mark.parametrize(("language", "rule", "example"), _cases())
def test_rule_example(language: str, rule: str, example: Mapping[str, Any] | None) -> None:
    assert example is not None, f"rule {rule!r} has no example"
    text, extent = example["text"], example["extent"]
    tagged = tag_text(text, language=Language.load(language))
    found = [e for e in tagged if e.text == extent]
    assert found, f"{extent!r} not found in {text!r}: {[(e.text, e.rule) for e in tagged]}"
    expression = found[0]
    assert expression.rule == rule
    assert text[expression.span.start:expression.span.end] == extent
    for field, expected in example.get("value", {}).items():
        assert _plain(getattr(expression.partial, field)) == expected, field
