"""Linear by construction: the work of a pass grows with its input, counted in operations (never timed here;
benchmarks/scaling.py measures the time)."""

from __future__ import annotations

import random

import pytest

from chrono.model import Span
from chrono.tag import ranges
from chrono.tag.tagger import tag_text

RANGE_TEXTS = ["The war lasted 1915-17. ", "It ran 22-25 April 1951. ",
               "1915-17 22-25 April 1951 499-493 BC 2023-03-02 ", "It was held April 13-15 and March 5-9, 1918. "]


@pytest.mark.parametrize("piece", RANGE_TEXTS)
def test_range_ends_look_at_a_bounded_neighbourhood(piece: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each range end is checked against the ends added near it, not against every end added so far."""
    calls = 0
    real = Span.overlaps

    def counted(self: Span, other: Span) -> bool:
        nonlocal calls
        calls += 1
        return real(self, other)

    monkeypatch.setattr(Span, "overlaps", counted)
    per_piece = []
    for repeats in (200, 800):
        calls = 0
        tag_text(piece * repeats)
        per_piece.append(calls / repeats)
    assert per_piece[1] <= per_piece[0] * 1.2 + 1, per_piece  # constant per range, whatever the length


def _all_pairs_reference(text: str, found: list, monkeypatch: pytest.MonkeyPatch) -> list:
    """range_ends with the look-back over every end added so far (the quadratic rule it replaces)."""
    monkeypatch.setattr(ranges, "_recent", lambda added, span: list(added))
    try:
        return ranges.range_ends(text, found)
    finally:
        monkeypatch.undo()


def test_range_ends_equal_the_all_pairs_rule_on_random_text(monkeypatch: pytest.MonkeyPatch) -> None:
    chooser = random.Random(12)
    words = ["1915-17", "22-25", "April", "1951", "499-493", "BC", "13-15", "March", "5-9,", "1918", "to", "and",
             "-", "'17", "2023-03-02", "the", "war", "from", "1990", "through", "92"]
    for _ in range(200):
        text = " ".join(chooser.choices(words, k=chooser.randint(1, 60)))
        found = tag_text(text)  # already through range_ends; feed its rule matches back through both
        plain = [expression for expression in found if not expression.rule.startswith("range_")]
        assert ranges.range_ends(text, plain) == _all_pairs_reference(text, plain, monkeypatch), text


@pytest.mark.parametrize("piece", ["1990 ", "1915-17 22-25 April 1951 499-493 BC 2023-03-02 ", "May 1, May 2, "])
def test_the_sentences_of_many_events_stay_in_proportion_to_the_text(piece: str) -> None:
    """Events that share a sentence share EXCERPT_FACTOR times its length (or MIN_EXCERPT_CHARS each): the
    sentences an output writes grow with the text, not with events x sentence length."""
    from chrono import build_timeline
    from chrono.render.excerpt import EXCERPT_FACTOR, MIN_EXCERPT_CHARS, bounded_sentences

    text = piece * (12_000 // len(piece))
    timeline = bounded_sentences(build_timeline(text, published="2023-03-02"))
    written = sum(len(event.sentence) for event in timeline.events)
    assert written <= max(EXCERPT_FACTOR * len(text), MIN_EXCERPT_CHARS * len(timeline.events) * 1.1)
    assert all(event.phrase in event.sentence for event in timeline.events)


def _reference_dumps(record: object) -> str:
    import json
    import re

    text = json.dumps(record, ensure_ascii=False, indent=2)
    return re.sub(r"\[\s+(-?\d+),\s+(-?\d+)\s+\]", r"[\1, \2]", text)


def test_json_written_record_by_record_equals_one_dump() -> None:
    from chrono.render.exporters.json_export import dumps

    chooser = random.Random(5)

    def record(depth: int = 0) -> object:
        roll = chooser.random()
        if depth > 4 or roll < 0.3:
            return chooser.choice([1, "a\nb", None, True, 2.5, "é\u2028", [], {}, [1, 2], [3, -4], "[\n 1,\n 2\n]"])
        if roll < 0.65:
            return [record(depth + 1) for _ in range(chooser.randint(0, 4))]
        return {f"{chooser.choice('abcde')}{index}": record(depth + 1) for index in range(chooser.randint(0, 4))}

    for _ in range(3000):
        value = record()
        assert dumps(value) == _reference_dumps(value), value
