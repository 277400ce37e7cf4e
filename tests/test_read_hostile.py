"""Hostile and careless inputs at the read stage: each is read in time proportional to its size, or refused with
one line and exit 2; never exit 1, never a hang, never a 280 KB 'one-line' message."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from hang_guard import no_hang
from typer.testing import CliRunner

from chrono.cli import app
from chrono.read import read_documents, read_input

RUNNER = CliRunner()
HAS_HTML = all(importlib.util.find_spec(name) for name in ("trafilatura", "htmldate"))
# Each input below is read in well under a second; the quadratic code took 10 s to hours on them (no_hang turns a
# relapse into a failure; benchmarks/read_scaling.py times them).


def write(folder: Path, name: str, content: str | bytes) -> str:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def timeml(inside: str) -> str:
    return ('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2023-03-02" functionInDocument="CREATION_TIME">'
            f"2023-03-02</TIMEX3></DCT><TEXT>{inside}</TEXT></TimeML>")


@pytest.mark.parametrize(("name", "content", "body"), [
    # unclosed comment / processing-instruction openers: each one ran a lazy pattern to the end of the text
    ("comments.tml", timeml("In 1990 <!--" * 15_000), "In 1990 <!--"),
    ("instructions.tml", timeml("In 1990 <?" * 15_000), "In 1990 <?"),
    ("mixed.tml", timeml("In 1990 <!-- x --> <? y ?> <TIMEX3 a" * 10_000), "In 1990   <TIMEX3 a"),
    # a tag opener with a long run of blanks and no '>'
    ("blanks.tml", timeml("<EVENT" + " " * 200_000 + "x"), "<EVENT"),
    # front matter: 'a: x' + 100,000 spaces + 'y' took 20 s
    ("front.md", "---\na: x" + " " * 150_000 + "y\ndate: 2023-03-02\n---\nIt rained.\n", None),
])
def test_pathological_markup_is_read_in_linear_time(tmp_path: Path, name: str, content: str,
                                                    body: str | None) -> None:
    from chrono.read.timeml import parse_timeml

    path = write(tmp_path, name, content)
    with no_hang("reading"):
        (document,) = [parse_timeml(content).document] if name.endswith(".tml") else read_input(path)
    assert str(document.published) == "2023-03-02"
    if body is not None:
        assert document.text.startswith(body)


def test_an_unclosed_comment_stays_text_and_closed_ones_still_hide() -> None:
    from chrono.read.timeml import parse_timeml

    parsed = parse_timeml(timeml('A <!-- hidden --> B <TIMEX3 tid="t1" value="1990">1990</TIMEX3> <!-- open'))
    assert parsed.document.text == "A  B 1990 <!-- open"
    assert [(t.text, t.value) for t in parsed.timexes] == [("1990", "1990")]


@pytest.mark.skipif(not HAS_HTML, reason="the html extra (trafilatura, htmldate) is not installed")
@pytest.mark.parametrize(("markup", "message"), [
    ("<p " + " ".join(f"a{n}=1" for n in range(200_000)) + ">x</p>", "200,000 attributes, more than the 1,000"),
    ("<i>" * 600_000, "more than 500,000 elements"),
])
def test_html_beyond_the_element_limits_is_one_line_and_exit_2(tmp_path: Path, markup: str, message: str) -> None:
    path = write(tmp_path, "page.html", f"<html><body>{markup}</body></html>")
    with no_hang("reading"):
        result = RUNNER.invoke(app, ["build", path, "--published", "2023-03-02"])
    assert (result.exit_code, result.stderr.count("\n")) == (2, 1)
    assert message in result.stderr


STORY = "<p>" + "Rain fell across the region on Tuesday, flooding roads, officials said on Wednesday. " * 4 + "</p>"
DATED_HEAD = '<head><title>Rain</title><meta name="date" content="2023-03-02"></head>'


@pytest.mark.skipif(not HAS_HTML, reason="the html extra (trafilatura, htmldate) is not installed")
@pytest.mark.parametrize(("content", "message"), [
    (f"<!doctype html><html>{DATED_HEAD}</html>", "found no article text in the HTML page"),  # no body
    (f"<!doctype html><html>{DATED_HEAD}<body></body></html>", "found no article text in the HTML page"),
    (f"<html>{DATED_HEAD}<body><script>{'var a = 1;' * 500}</script></body></html>", "found no article text"),
    ('<html><frameset><frame src="story.html"></frameset></html>', "found no article text in the HTML page"),
    (b"<html><body>\x00\x01\x02\x89PNG" + bytes(range(256)) * 20, "looks like a binary file"),
    (b"<html><body>\xff\xfe\xfd" + bytes(range(128, 256)) * 20 + b"\x00", "looks like a binary file"),
    # unclosed tags nest past what the parser keeps: the text is lost, and the message says why
    (f"<html>{DATED_HEAD}<body>" + "<font>" * 300 + STORY + "</body></html>", "nests elements deeper than the 256"),
    (f"<html>{DATED_HEAD}<body>" + "<div>" * 400_000 + STORY + "</body></html>", "nests elements deeper than the 256"),
])
def test_a_page_chrono_cannot_read_is_one_line_and_exit_2(tmp_path: Path, content: str | bytes, message: str) -> None:
    path = write(tmp_path, "page.html", content)
    with no_hang("reading"):
        result = RUNNER.invoke(app, ["build", path, "--published", "2023-03-02"])
    assert (result.exit_code, result.stderr.count("\n")) == (2, 1)
    assert message in result.stderr


DEEP = "[" * 100_000 + "]" * 100_000
HUGE_INTEGER = "1" * 5_000


@pytest.mark.parametrize("command", ["build", "tag"])
@pytest.mark.parametrize(("name", "content", "message"), [
    ("deep.json", DEEP, "nested too deeply"),
    ("deep.jsonl", '{"text": "It rained on Monday.", "published": "2023-03-02", "x": ' + DEEP + "}\n",
     "line 1: the JSON is nested too deeply"),
    ("integer.json", '{"text": "It rained on Monday.", "published": "2023-03-02", "n": ' + HUGE_INTEGER + "}",
     "unreadable JSON value"),
])
def test_json_that_python_cannot_hold_is_an_input_error(tmp_path: Path, command: str, name: str, content: str,
                                                        message: str) -> None:
    result = RUNNER.invoke(app, [command, write(tmp_path, name, content)])
    assert (result.exit_code, result.stderr.count("\n")) == (2, 1), result.stderr
    assert message in result.stderr


@pytest.mark.parametrize("fmt", ["json", "md", "html", "ics", "csv"])
def test_a_lone_surrogate_in_json_text_is_replaced_one_for_one(tmp_path: Path, fmt: str) -> None:
    record = '{"text": "The mayor\\ud800 resigned on Monday.", "published": "2023-03-02", "title": "A\\udfff"}'
    path = write(tmp_path, "surrogate.json", record)
    (document,) = read_input(path)
    assert document.text == "The mayor\ufffd resigned on Monday." and document.title == "A\ufffd"
    result = RUNNER.invoke(app, ["build", path, "--format", fmt])
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("separator", ["\u2028", "\u0085", "\u2029", "\x1c", "\x0b", "\x0c", "\r"])
def test_jsonl_records_split_on_line_feeds_only(tmp_path: Path, separator: str) -> None:
    lines = [json.dumps({"text": f"It rained{separator}on Monday.", "published": "2023-03-02"}, ensure_ascii=False),
             json.dumps({"text": "It snowed on Tuesday.", "published": "2023-03-02"})]
    documents, failures = read_documents([write(tmp_path, "feed.jsonl", "\r\n".join(lines) + "\n")])
    assert failures == []
    assert [d.text for d in documents] == [f"It rained{separator}on Monday.", "It snowed on Tuesday."]


@pytest.mark.parametrize(("name", "content"), [
    ("long-date.json", json.dumps({"text": "It rained.", "published": "x" * 280_000})),
    ("long-date.md", "---\ndate: " + "x" * 280_000 + "\n---\nIt rained.\n"),
    ("long-header.txt", "date 2023-03-" + "9" * 280_000 + "\n---\nIt rained.\n"),
    ("long-dct.tml", timeml("It rained.").replace('value="2023-03-02"', 'value="' + "9" * 280_000 + '"')),
])
def test_an_unreadable_date_is_quoted_short(tmp_path: Path, name: str, content: str) -> None:
    result = RUNNER.invoke(app, ["build", write(tmp_path, name, content)])
    assert (result.exit_code, result.stderr.count("\n")) == (2, 1)
    assert len(result.stderr) < 400 and "characters)" in result.stderr


@pytest.mark.parametrize(("dct", "message"), [
    ('value="1998-02-30"', "the DCT value '1998-02-30' is an impossible date"),  # was reported as "no DCT"
    ('value="soon"', "the DCT value 'soon' is not a date"),
    ('value=""', "the DCT value '' is not a date"),
])
def test_an_impossible_dct_is_named_as_such(tmp_path: Path, dct: str, message: str) -> None:
    path = write(tmp_path, "bad-dct.tml", timeml("It rained.").replace('value="2023-03-02"', dct))
    for command in ("tag", "build", "eval"):
        result = RUNNER.invoke(app, [command, path])
        assert result.exit_code == 2, (command, result.stderr)
        assert message in result.stderr and "no DCT" not in result.stderr, (command, result.stderr)
