"""--locale on build, tag and eval, and a record's or front matter's own locale: the day/month order they set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chrono.cli import app

runner = CliRunner()
TEXT = "The board met on 05/03/2024 in the city hall."
RECORD = {"text": TEXT, "published": "2024-04-01"}
MARKDOWN = "---\ndate: 2024-04-01\n{field}---\n\n" + TEXT + "\n"
HTML = ("<!doctype html><html{lang}><head><title>Board</title>{meta}"
        '<meta property="article:published_time" content="2024-04-01"></head><body><article><p>'
        + TEXT + " The members voted to keep the hall open for the town and its clubs.</p></article></body></html>")


def _values(payload: str) -> list[tuple[str, str, bool]]:
    data = json.loads(payload)
    return [(e["text"], e["value"], e["assumed_order"]) for e in data["expressions"]]


# (input file name, content, command-line options, expected (text, value, assumed_order))
CASES = [
    ("a.json", json.dumps(RECORD), [], [("05/03/2024", "2024-05-03", True)]),
    ("a.json", json.dumps(RECORD), ["--locale", "en_GB"], [("05/03/2024", "2024-03-05", False)]),
    ("a.json", json.dumps(RECORD), ["--locale", "en-us"], [("05/03/2024", "2024-05-03", False)]),
    ("a.json", json.dumps({**RECORD, "locale": "en_AU"}), [], [("05/03/2024", "2024-03-05", False)]),
    ("a.json", json.dumps({**RECORD, "language": "en-IN"}), [], [("05/03/2024", "2024-03-05", False)]),
    ("a.json", json.dumps({**RECORD, "locale": "en_AU"}), ["--locale", "en_US"], [("05/03/2024", "2024-03-05", False)]),
    ("a.json", json.dumps({**RECORD, "url": "https://www.bbc.co.uk/news/1"}), [],
     [("05/03/2024", "2024-03-05", False)]),
    ("a.md", MARKDOWN.format(field="locale: en_GB\n"), [], [("05/03/2024", "2024-03-05", False)]),
    ("a.md", MARKDOWN.format(field=""), [], [("05/03/2024", "2024-05-03", True)]),
    ("a.html", HTML.format(lang=' lang="en-GB"', meta=""), [], [("05/03/2024", "2024-03-05", False)]),
    ("a.html", HTML.format(lang=' lang="en"', meta='<meta property="og:locale" content="en_IN">'), [],
     [("05/03/2024", "2024-03-05", False)]),
    ("a.html", HTML.format(lang=' lang="en"', meta=""), [], [("05/03/2024", "2024-05-03", True)]),
]


@pytest.mark.parametrize(("name", "content", "options", "expected"), CASES)
def test_tag_reads_the_order(tmp_path: Path, name: str, content: str, options: list[str],
                             expected: list[tuple[str, str, bool]]) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["tag", str(path), "--format", "json", *options])
    assert result.exit_code == 0, result.stderr
    assert _values(result.stdout) == expected


def test_build_marks_the_assumed_order_on_events(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps(RECORD), encoding="utf-8")
    for options, value, assumed in (([], "2024-05-03", True), (["--locale", "en_GB"], "2024-03-05", False)):
        result = runner.invoke(app, ["build", str(path), "--format", "json", *options])
        assert result.exit_code == 0, result.stderr
        [event] = json.loads(result.stdout)["events"]
        assert (event["when"]["value"], event["when"]["assumed_order"]) == (value, assumed)


@pytest.mark.parametrize("command", ["build", "tag", "eval"])
def test_unknown_locale_is_one_line_and_exit_2(tmp_path: Path, command: str) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps(RECORD), encoding="utf-8")
    result = runner.invoke(app, [command, str(path), "--locale", "fr_FR"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "unknown locale 'fr_FR'" in result.stderr
