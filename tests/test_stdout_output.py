"""Standard output gets a timeline once all of it is made, in memory when small and through a temporary file
when large: the same text either way, and nothing at all when making it fails part way."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from chrono.cli import common
from chrono.errors import ChronoInputError


def made(pieces: list[str], fail: bool = False) -> Iterator[str]:
    yield from pieces
    if fail:
        raise ChronoInputError("the template ran out of time")


@pytest.mark.parametrize("spool", [1 << 20, 5], ids=["in memory", "temporary file"])
@pytest.mark.parametrize(("pieces", "expected"), [
    (["{", '"a": 1', "}\n"], '{"a": 1}\n'),
    (["# Timeline", "", "\n- 2023: rain"], "# Timeline\n- 2023: rain\n"),  # a missing last line end added
    (["caf\u00e9 \ud800 ", "x" * 50, "\n"], "caf\u00e9 \ud800 " + "x" * 50 + "\n"),  # a lone surrogate kept
    ([], ""),
])
def test_standard_output_gets_the_whole_text(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                             spool: int, pieces: list[str], expected: str) -> None:
    monkeypatch.setattr(common, "SPOOL_CHARACTERS", spool)
    writes: list[str] = []
    monkeypatch.setattr(common.sys.stdout, "write", writes.append)
    common.write_output(made(pieces), None)
    assert "".join(writes) == expected
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("spool", [1 << 20, 5], ids=["in memory", "temporary file"])
def test_a_failure_part_way_writes_nothing_to_standard_output(monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str], spool: int) -> None:
    monkeypatch.setattr(common, "SPOOL_CHARACTERS", spool)
    with pytest.raises(ChronoInputError, match="ran out of time"):
        common.write_output(made(["# Timeline\n", "- 2023: rain\n" * 10], fail=True), None)
    assert capsys.readouterr().out == ""
