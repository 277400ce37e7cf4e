from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chrono import __version__
from chrono.cli import app
from chrono.cli import build as build_command
from chrono.read import inputs

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "000_15fbcc62132ba955.txt"
runner = CliRunner()
ARTICLE = "date 2023-03-02\n\nLONDON\n\nReuters\n\n—\n\nThe minister resigned on Tuesday, officials said.\n"


def _commands() -> list[str]:
    return sorted(command.name or command.callback.__name__ for command in app.registered_commands)


@pytest.mark.parametrize("args", [["--help"], *[[name, "--help"] for name in _commands()]])
def test_every_help_has_usage_and_examples(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert "Usage" in result.stdout
    assert "chrono " in result.stdout.split("Usage", 1)[1]  # an example command line after the usage


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert (result.exit_code, result.stdout.strip()) == (0, f"chrono {__version__}")


def test_python_dash_m() -> None:
    result = subprocess.run([sys.executable, "-m", "chrono", "--version"], capture_output=True, text=True,
                            check=False)
    assert (result.returncode, result.stdout.strip()) == (0, f"chrono {__version__}")


BAD_INPUTS = [
    # (file name, content or None for no file, extra arguments, words the one-line message must hold)
    ("missing.txt", None, [], "no such file"),
    ("empty.txt", b"", [], "is empty"),
    ("binary.dat", b"date 2023-03-02\n\x00\x00\x01", [], "binary"),
    ("latin1.txt", "date 2023-03-02\n-\nCafé on Monday.".encode("latin-1"), [], "not UTF-8"),
    ("plain.txt", b"The minister resigned on Tuesday.", [], "--published YYYY-MM-DD"),
    ("bad-header.txt", b"date 2023-02-30\n-\nBody.", [], "impossible publication date '2023-02-30'"),
    ("plain.txt", b"Body.", ["--published", "2023-02-30"], "impossible publication date"),
    ("plain.txt", b"Body.", ["--published", "March 2"], "expected YYYY-MM-DD"),
    ("good.txt", ARTICLE.encode(), ["--format", "pdf"], "unknown format 'pdf'"),
    ("good.txt", ARTICLE.encode(), ["--sort", "random"], "unknown sort 'random'"),
    ("good.txt", ARTICLE.encode(), ["--domain", "poetry"], "unknown domain 'poetry'"),
    ("huge.txt", ARTICLE.encode() * 10, [], "MB limit"),
    ("utf16.txt", ARTICLE.encode("utf-16"), [], "is UTF-16 text"),
    ("garbled-header.txt", b"date 2023-03-02 updated\n-\nBody.", [], "'date 2023-03-02 updated' is not a date line"),
]


@pytest.mark.parametrize(("name", "content", "extra", "message"), BAD_INPUTS)
def test_bad_input_exits_2_with_one_line(tmp_path: Path, monkeypatch, name: str, content: bytes | None,
                                         extra: list[str], message: str) -> None:
    monkeypatch.setattr(inputs, "MAX_BYTES", len(ARTICLE) * 5)
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    out = tmp_path / "out.md"
    result = runner.invoke(app, ["build", str(path), "-o", str(out), *extra])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("chrono: error: ")
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ([name] if content is not None else [])


def test_directory_and_stdin_twice(tmp_path: Path) -> None:
    for args, message in ([[str(tmp_path)], "holds no input files"], [["-", "-"], "only once"]):
        result = runner.invoke(app, ["build", *args], input="date 2023-03-02\n-\nBody.")
        assert (result.exit_code, result.stderr.count("\n")) == (2, 1)
        assert message in result.stderr


def test_output_folder_missing(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["build", str(path), "-o", str(tmp_path / "nowhere" / "out.md")])
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_output_onto_a_folder_is_an_input_error_and_old_files_stay(tmp_path: Path) -> None:
    path, old = tmp_path / "a.txt", tmp_path / "old.md"
    path.write_text(ARTICLE, encoding="utf-8")
    old.write_text("old timeline", encoding="utf-8")
    onto_folder = runner.invoke(app, ["build", str(path), "-o", str(tmp_path)])
    assert (onto_folder.exit_code, onto_folder.stderr.count("\n")) == (2, 1) and "is a folder" in onto_folder.stderr
    failed = runner.invoke(app, ["build", str(tmp_path / "missing.txt"), "-o", str(old)])
    assert failed.exit_code == 2 and old.read_text(encoding="utf-8") == "old timeline"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "old.md"]


def test_output_through_a_link_keeps_the_link(tmp_path: Path) -> None:
    path, target, link = tmp_path / "a.txt", tmp_path / "real.md", tmp_path / "link.md"
    path.write_text(ARTICLE, encoding="utf-8")
    target.write_text("old", encoding="utf-8")
    link.symlink_to(target)
    result = runner.invoke(app, ["build", str(path), "-o", str(link)])
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and "Tuesday" in target.read_text(encoding="utf-8")


def test_output_onto_a_pipe_writes_into_it_and_leaves_it_a_pipe(tmp_path: Path) -> None:
    # as with /dev/null or /dev/stdout: renaming a temporary file over a device would replace the device
    import os
    import threading

    path, fifo = tmp_path / "a.txt", tmp_path / "pipe"
    path.write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = runner.invoke(app, ["build", str(path), "-o", str(fifo)])
    reader.join(timeout=10)
    assert result.exit_code == 0, result.stderr
    assert b"Tuesday" in received[0]
    assert fifo.is_fifo() and sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "pipe"]


def test_internal_error_is_short_unless_debug(tmp_path: Path, monkeypatch) -> None:
    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(build_command, "build_from_documents", explode)
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.md"
    quiet = runner.invoke(app, ["build", str(path), "-o", str(out)])
    assert quiet.exit_code == 1
    assert quiet.stderr.count("\n") == 1 and "RuntimeError: boom" in quiet.stderr and "--debug" in quiet.stderr
    loud = runner.invoke(app, ["build", str(path), "--debug"])
    assert loud.exit_code == 1 and "Traceback" in loud.stderr
    assert not out.exists()


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_build_writes_each_format_atomically(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    result = runner.invoke(app, ["build", str(path), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "Tuesday" in out.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", f"out.{fmt}"]  # no temporary file left


def test_build_json_from_stdin_with_published() -> None:
    text = "The minister resigned on Tuesday. He had been appointed in March 2021."
    result = runner.invoke(app, ["build", "-", "--format", "json", "--published", "2023-03-02"], input=text)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["documents"][0]["id"] == "stdin"
    assert [e["when"]["value"] for e in data["events"]] == ["2021-03", "2023-02-28"]
    for event in data["events"]:
        start, end = event["span"]
        assert text[start:end] == event["phrase"]


@pytest.mark.parametrize(("sort", "expected"), [
    ("chronological", ["2021-03", "2023-02-28"]),
    ("reverse", ["2023-02-28", "2021-03"]),
    ("document", ["2023-02-28", "2021-03"]),
])
def test_sort_option(sort: str, expected: list[str]) -> None:
    text = "The minister resigned on Tuesday. He had been appointed in March 2021."
    result = runner.invoke(app, ["build", "-", "-f", "json", "--published", "2023-03-02", "--sort", sort], input=text)
    assert result.exit_code == 0, result.stderr
    assert [e["when"]["value"] for e in json.loads(result.stdout)["events"]] == expected


def test_sample_offsets_index_the_file() -> None:
    result = runner.invoke(app, ["build", str(SAMPLE), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    text = SAMPLE.read_bytes().decode("utf-8")
    data = json.loads(result.stdout)
    assert data["events"] and data["expressions"]
    for item in data["events"] + data["expressions"]:
        start, end = item["span"]
        assert text[start:end] == item.get("phrase", item.get("text"))


def test_several_articles_merge_filter_and_report_a_bad_input(tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    first.write_text("date 2023-03-02\n-\nThe central bank raised interest rates on Tuesday, its governor said.\n"
                     "The bank cut rates in 2019.\n")
    second = tmp_path / "b.json"
    second.write_text(json.dumps({"text": "On Tuesday the central bank raised interest rates again.",
                                  "published": "2023-03-03", "outlet": "Wire"}))
    broken = tmp_path / "c.json"
    broken.write_text("{not json")
    out = tmp_path / "timeline.json"
    result = runner.invoke(app, ["build", str(first), str(second), str(broken), "-f", "json", "-o", str(out),
                                 "--from", "2020"])
    assert result.exit_code == 2  # one input failed, the others still built
    assert "c.json" in result.stderr and result.stderr.count("\n") == 1
    timeline = json.loads(out.read_text())
    assert [d["id"] for d in timeline["documents"]] == ["a", "b"]
    assert [e["when"]["value"] for e in timeline["events"]] == ["2023-02-28"]  # 2019 filtered out, Tuesday merged
    assert timeline["events"][0]["sources"] == ["a", "b"]  # every document that reports it


@pytest.mark.parametrize(("grouping", "heading"), [("year", "## 2023"), ("month", "## February 2023"),
                                                   ("source", "## Reuters")])
def test_group_by_sets_the_headings(tmp_path: Path, grouping: str, heading: str) -> None:
    article_file = tmp_path / "story.txt"
    article_file.write_text(ARTICLE)
    result = runner.invoke(app, ["build", str(article_file), "--group-by", grouping])
    assert result.exit_code == 0, result.stderr
    assert heading in result.stdout.splitlines()


@pytest.mark.parametrize("command", [["build", "--format", "json"], ["tag", "--format", "json"], ["index"]])
def test_a_folders_files_of_unknown_kind_are_read_by_content_or_named_in_one_line(tmp_path: Path,
                                                                                  command: list[str]) -> None:
    if command == ["index"]:
        for package in ("dask", "distributed", "pyarrow"):
            pytest.importorskip(package)
        command = ["index", "--store", str(tmp_path / "store"), "--workers", "1", "--quiet"]
    folder = tmp_path / "in"
    (folder / "page_files").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "683").write_text(ARTICLE.replace("resigned", "spoke"), encoding="utf-8")  # no suffix: read by content
    (folder / "page_files" / "site.js").write_text("var x = 1;", encoding="utf-8")
    (folder / "page_files" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    result = runner.invoke(app, [*command[:1], str(folder), *command[1:]])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[:1] == [f"chrono: warning: {folder}: skipped 2 files of no kind chrono reads "
                                              f"({folder / 'page_files' / 'logo.png'}, "
                                              f"{folder / 'page_files' / 'site.js'}); name a file to read it as text"]
    assert result.stderr.count("skipped") == 1
    if command[0] != "index":
        assert [document["id"] for document in json.loads(result.stdout)["documents"]] == ["683", "a"]
