"""The length limit of one document (--max-chars, chrono.read.inputs.MAX_CHARS) and the streamed output file.

A document over the limit is refused before it is analysed: one line naming it, exit 2, no output file and no
temporary file left behind; the other inputs of the run are still built. The limits here are small (tens of
characters); benchmarks/document_memory.py measures the memory of real sizes.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from file_support import write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from chrono import build_timeline
from chrono.cli import app
from chrono.cli.common import write_atomic
from chrono.errors import ChronoInputError
from chrono.read import iter_records
from chrono.read.html import text_bound
from chrono.read.inputs import MAX_CHARS
from chrono.render import FORMATS, render, render_pieces

RUNNER = CliRunner()
STORY = "The talks opened on March 5, 2021, and closed in May."
RELAXED = settings(deadline=None, max_examples=25,
                   suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
# (file name, content): one document of STORY in each kind that build and tag read
KINDS = [
    ("a.txt", f"date 2023-03-02\n\n{STORY}\n"),
    ("a.json", json.dumps({"text": STORY, "published": "2023-03-02"})),
    ("a.jsonl", json.dumps({"text": STORY, "published": "2023-03-02"}) + "\n"),
    ("a.md", f"---\ndate: 2023-03-02\n---\n{STORY}\n"),
]


HAS_HTML = all(importlib.util.find_spec(name) for name in ("trafilatura", "htmldate"))
PAGE = (f'<html><head><meta name="date" content="2023-03-02"><style>p {{color: red}}</style></head><body>'
        f"<article><p>{STORY}</p><!-- a note --><script>var x = 1;</script></article></body></html>")


def _leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.startswith(".") or path.suffix == ".tmp")


@pytest.mark.parametrize(("name", "content"), KINDS)
@pytest.mark.parametrize(("command", "limit", "refused"), [
    (["build", "-f", "json", "-o", "{out}"], 20, True),
    (["build", "-f", "md", "-o", "{out}"], 20, True),
    (["tag", "-f", "json", "--output-dir", "{dir}"], 20, True),
    (["tag", "-f", "json"], 20, True),
    (["build", "-f", "json", "-o", "{out}"], None, False),  # the whole file's length: read
    (["tag", "-f", "json", "--output-dir", "{dir}"], None, False),
])
def test_a_document_over_the_limit_is_one_line_and_exit_2(tmp_path: Path, name: str, content: str,
                                                          command: list[str], limit: int | None,
                                                          refused: bool) -> None:
    path = write(tmp_path / "in", name, content)
    out, folder = tmp_path / "out" / "timeline.json", tmp_path / "out" / "tagged"
    out.parent.mkdir()
    args = [part.format(out=out, dir=folder) for part in command]
    limit = limit or len(content)  # a document's text is at most its file's
    result = RUNNER.invoke(app, [args[0], path, *args[1:], "--max-chars", str(limit)])
    if not refused:
        assert result.exit_code == 0, result.stderr
        return
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"chrono: error: {path}")
    assert f"characters, over the limit of {limit:,}" in result.stderr
    assert "--max-chars" in result.stderr and result.stdout == ""
    assert not out.exists() and not folder.exists() and _leftovers(out.parent) == []


def test_the_other_inputs_are_still_built(tmp_path: Path) -> None:
    short = write(tmp_path, "short.txt", "date 2023-03-02\n\nIt rained on Monday.\n")
    long = write(tmp_path, "long.txt", f"date 2023-03-02\n\n{STORY}\n")
    out = tmp_path / "t.json"
    result = RUNNER.invoke(app, ["build", short, long, "-f", "json", "-o", str(out), "--max-chars", "50"])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and long in result.stderr
    assert [document["id"] for document in json.loads(out.read_text())["documents"]] == ["short"]


@pytest.mark.parametrize("limit", ["0", "-5", "many"])
def test_a_bad_limit_is_a_usage_error(tmp_path: Path, limit: str) -> None:
    path = write(tmp_path, "a.txt", f"date 2023-03-02\n\n{STORY}\n")
    result = RUNNER.invoke(app, ["build", path, "--max-chars", limit])
    assert result.exit_code == 2 and "--max-chars" in result.output


@RELAXED
@given(length=st.integers(1, 200), limit=st.integers(1, 200))
def test_refused_exactly_when_the_text_is_longer_than_the_limit(tmp_path: Path, length: int, limit: int) -> None:
    path = write(tmp_path, "a.jsonl", json.dumps({"text": ("It rained. " * 20)[:length], "published": "2023-03-02"}))
    (record,) = iter_records([path], max_chars=limit)
    assert (record.document is None) == (length > limit)
    assert record.problem is None or ("\n" not in record.problem and record.problem.startswith(path))


def test_the_default_limit_holds_a_long_book() -> None:
    assert MAX_CHARS >= 5_000_000  # War and Peace is 3.2 million characters


FORMAT_CASES = sorted(FORMATS)


@pytest.mark.parametrize("fmt", FORMAT_CASES)
def test_the_pieces_make_the_rendered_text(fmt: str) -> None:
    timeline = build_timeline(STORY + " It ended yesterday.", "2023-03-02")
    assert "".join(render_pieces(timeline, fmt)) == render(timeline, fmt)


def _failing_pieces() -> Iterator[str]:
    yield "[\n"
    raise ChronoInputError("stopped part way")


def test_a_write_that_fails_part_way_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "t.json"
    with pytest.raises(ChronoInputError):
        write_atomic(target, _failing_pieces())
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("page", "bound"), [
    ("<p>It rained.</p>", len("It rained.")),
    ("<p a='1'>It</p><!-- hidden --><script>var a = '<p>';</script><STYLE>p {}</STYLE>x", 3),
    ("<p>unclosed <!-- to the end", len("unclosed ")),
    ("<script>never closed <p>text</p>", 0),
    ("a < b and c > d", len("a  d")),  # a stray '<' hides text up to the next '>': a lower bound, never refused
    (PAGE, len(STORY)),
])
def test_the_text_an_html_page_can_give_is_bounded_before_parsing(page: str, bound: int) -> None:
    assert text_bound(page) == bound


@pytest.mark.skipif(not HAS_HTML, reason="needs the html extra")
@pytest.mark.parametrize(("limit", "refused"), [(20, True), (len(STORY), False)])
def test_an_html_page_with_too_much_text_is_refused_before_parsing(tmp_path: Path, limit: int, refused: bool) -> None:
    path = write(tmp_path, "page.html", PAGE)
    result = RUNNER.invoke(app, ["tag", path, "-f", "json", "--max-chars", str(limit)])
    assert result.exit_code == (2 if refused else 0), result.stderr
    if refused:
        assert result.stderr.count("\n") == 1 and "the page holds text of about" in result.stderr


@pytest.mark.parametrize(("fmt", "least"), [("json", 4), ("jsonl", 2), ("csv", 1), ("md", 1)])
def test_a_streamed_format_comes_in_pieces(fmt: str, least: int) -> None:
    timeline = build_timeline(STORY + " It ended yesterday.", "2023-03-02")
    assert len([piece for piece in render_pieces(timeline, fmt) if piece]) >= least


@pytest.mark.parametrize("body", [
    "{% for event in events %}{{ event.phrase }}\n{% endfor %}{{ 1 // 0 }}",  # fails after writing
    "{% for n in range(10 ** 9) %}x{% endfor %}",  # over its budget
])
def test_a_template_failing_part_way_leaves_no_file(tmp_path: Path, body: str) -> None:
    (tmp_path / "bad.md.j2").write_text(body, encoding="utf-8")
    path = write(tmp_path, "a.txt", f"date 2023-03-02\n\n{STORY}\n")
    out = tmp_path / "out" / "t.md"
    out.parent.mkdir()
    result = RUNNER.invoke(app, ["build", path, "--template", str(tmp_path / "bad.md.j2"), "-o", str(out)])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1, result.stderr
    assert list(out.parent.iterdir()) == []
