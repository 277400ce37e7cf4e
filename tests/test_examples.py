"""Golden files: each example article renders exactly as committed (python examples/regenerate.py updates)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
_spec = importlib.util.spec_from_file_location("regenerate", EXAMPLES / "regenerate.py")
regenerate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(regenerate)

CASES = [(article, fmt) for article in regenerate.articles() for fmt in regenerate.FORMATS]


def test_there_are_examples() -> None:
    assert len(regenerate.articles()) >= 2


@pytest.mark.parametrize(("article", "fmt"), CASES, ids=[f"{a.stem}.{f}" for a, f in CASES])
def test_golden_output(article: Path, fmt: str) -> None:
    path = regenerate.golden(article, fmt)
    assert path.exists(), f"{path.name} missing: run python examples/regenerate.py"
    assert regenerate.rendered(article, fmt) == path.read_text(encoding="utf-8"), (
        f"{path.name} is out of date: run python examples/regenerate.py and review the diff")


@pytest.mark.parametrize("article", regenerate.articles(), ids=lambda a: a.stem)
def test_golden_json_offsets_index_the_article(article: Path) -> None:
    text = article.read_bytes().decode("utf-8-sig")
    data = json.loads(regenerate.golden(article, "json").read_text(encoding="utf-8"))
    for event in data["events"]:
        start, end = event["span"]
        assert text[start:end] == event["phrase"]
