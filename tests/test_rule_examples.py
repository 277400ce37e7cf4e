"""Every rule of every language carries examples; each must be found with its extent, by that rule, with its fields."""

from __future__ import annotations

from enum import Enum
from typing import Any

import pytest

from chrono.lang import languages, load_resource
from chrono.tag.tagger import tag_text


def _cases() -> list[Any]:
    cases = []
    for language in languages():
        try:
            rules = load_resource(language, "rules")["rule"]
        except Exception:  # a language folder without rules yet (resolver-only data)
            continue
        for rule in rules:
            examples = rule.get("examples", [])
            if not examples:
                cases.append(pytest.param(language, rule["name"], None, id=f"{language}-{rule['name']}-missing"))
            for number, example in enumerate(examples):
                cases.append(pytest.param(language, rule["name"], example, id=f"{language}-{rule['name']}-{number}"))
    return cases


def _plain(value: Any) -> Any:
    return value.name if isinstance(value, Enum) else value


@pytest.mark.parametrize(("language", "rule", "example"), _cases())
def test_rule_example(language: str, rule: str, example: dict[str, Any] | None) -> None:
    assert example is not None, f"rule {rule!r} has no example"
    text, extent = example["text"], example["extent"]
    found = [e for e in tag_text(text, language=language) if e.text == extent]
    assert found, f"{extent!r} not found in {text!r}: {[(e.text, e.rule) for e in tag_text(text, language=language)]}"
    expression = found[0]
    assert expression.rule == rule
    assert text[expression.span.start:expression.span.end] == extent
    for field, expected in example.get("value", {}).items():
        assert _plain(getattr(expression.partial, field)) == expected, field
