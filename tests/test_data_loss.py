"""No data lost: the output never replaces an input, is never read back, keeps its mode and links; a killed or
failed write leaves nothing behind; an unwritable standard output is one line and exit 2."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chrono.cli import app

runner = CliRunner()
ARTICLE = "date 2023-03-02\n\n—\n\nThe minister resigned on Tuesday, officials said. The vote was in 2021.\n"


def _article(folder: Path, name: str = "a.txt") -> Path:
    path = folder / name
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.mark.parametrize("link", ["same", "symlink", "hardlink", "relative"])
def test_the_output_never_replaces_an_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, link: str) -> None:
    article = _article(tmp_path)
    monkeypatch.chdir(tmp_path)
    output = {"same": str(article), "relative": "./a.txt", "symlink": str(tmp_path / "link.txt"),
              "hardlink": str(tmp_path / "hard.txt")}[link]
    if link == "symlink":
        os.symlink(article, output)
    if link == "hardlink":
        os.link(article, output)
    result = runner.invoke(app, ["build", str(article), "-o", output])
    assert result.exit_code == 2 and "is the input" in result.stderr, result.stderr
    assert article.read_text(encoding="utf-8") == ARTICLE


def test_a_folder_does_not_read_its_own_timeline_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _article(tmp_path)
    monkeypatch.chdir(tmp_path)
    outputs = []
    for _ in range(3):
        result = runner.invoke(app, ["build", ".", "-o", "timeline.md", "-f", "json"])
        assert result.exit_code == 0, result.stderr
        outputs.append((tmp_path / "timeline.md").read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1] == outputs[2]


def test_an_existing_output_keeps_its_mode_and_its_hard_links(tmp_path: Path) -> None:
    article = _article(tmp_path)
    output, other = tmp_path / "out.md", tmp_path / "other-name.md"
    output.write_text("old", encoding="utf-8")
    os.chmod(output, 0o600)
    os.link(output, other)
    result = runner.invoke(app, ["build", str(article), "-o", str(output)])
    assert result.exit_code == 0, result.stderr
    assert oct(output.stat().st_mode & 0o777) == oct(0o600)
    assert other.read_text(encoding="utf-8") == output.read_text(encoding="utf-8") != "old"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_an_output_named_as_a_folder_creates_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = _article(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["build", str(article), "-o", "newdir/"])
    assert result.exit_code == 2 and "folder" in result.stderr, result.stderr
    assert not (tmp_path / "newdir").exists()


def _chrono(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "chrono", *args], capture_output=True, text=True, check=False,
                          **kwargs)  # type: ignore[call-overload]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_standard_output_is_one_line_and_exit_2(tmp_path: Path) -> None:
    article = _article(tmp_path)
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "chrono", "build", str(article)], stdout=full,
                                stderr=subprocess.PIPE, text=True, check=False)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "standard output" in result.stderr, result.stderr


def test_a_closed_standard_output_is_one_line_and_exit_2(tmp_path: Path) -> None:
    article = _article(tmp_path)
    result = subprocess.run(f'"{sys.executable}" -m chrono build "{article}" >&-', shell=True,
                            stderr=subprocess.PIPE, text=True, check=False)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "standard output is closed" in result.stderr, result.stderr


def test_sigterm_during_a_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    """write_atomic runs in a child whose write (a patched handle) blocks until the child is sent SIGTERM."""
    script = tmp_path / "child.py"
    script.write_text(
        "import os, sys, time\n"
        "from pathlib import Path\n"
        "import chrono.cli.common as common\n"
        "real = os.fdopen\n"
        "class Slow:\n"
        "    def __init__(self, handle): self.handle = handle\n"
        "    def __enter__(self): return self\n"
        "    def __exit__(self, *exc): self.handle.close()\n"
        "    def write(self, text):\n"
        "        self.handle.write(text); self.handle.flush(); print('writing', flush=True); time.sleep(30)\n"
        "common.os.fdopen = lambda *a, **k: Slow(real(*a, **k))\n"
        "common.write_atomic(Path(sys.argv[1]), 'timeline')\n",
        encoding="utf-8")
    child = subprocess.Popen([sys.executable, str(script), str(tmp_path / "out.md")], stdout=subprocess.PIPE,
                             text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "writing"
    child.send_signal(signal.SIGTERM)
    assert child.wait(timeout=20) == 128 + signal.SIGTERM
    time.sleep(0.1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["child.py"]
