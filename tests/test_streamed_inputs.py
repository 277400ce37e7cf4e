"""JSON Lines collections (gzipped or not) are read one line at a time: the size limit holds for each record, not
the file; an over-long or bad record is one line naming the file and line, the others are built; a gzip file cut
short keeps the records before the cut. The limit is made small here: a test needs no 50 MB file."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from file_support import write
from typer.testing import CliRunner

from chrono import pipeline
from chrono.archive.sources import Failure, Item, iter_inputs
from chrono.cli import app
from chrono.model import Document
from chrono.pipeline import build_from_documents
from chrono.read import inputs, read_documents

RUNNER = CliRunner()
LIMIT = 300  # bytes: each record below is under it, ten of them are far over it


def record(number: int, text: str = "") -> str:
    return json.dumps({"id": f"r{number}", "published": "2023-03-02",
                       "text": text or f"Storm {number} hit the coast on Tuesday."})


def lines(*rows: str) -> bytes:
    return "".join(f"{row}\n" for row in rows).encode()


TEN = lines(*(record(number) for number in range(10)))
OVERSIZED = lines(record(0), record(1, "word " * 100), record(2))
BAD = lines(record(0), "{oops", record(2)) + b'{"text": "caf\xe9", "published": "2023-03-02"}\n' + lines(record(4))


@pytest.mark.parametrize("packed", [False, True], ids=["jsonl", "jsonl.gz"])
@pytest.mark.parametrize(("content", "ids", "problems"), [
    (TEN, [f"r{number}" for number in range(10)], []),  # 10 times the limit: read record by record
    (OVERSIZED, ["r0", "r2"], [f"line 2: the record is {len(record(1, 'word ' * 100)):,} bytes, over the limit "
                               f"of {LIMIT} bytes for one record"]),
    (BAD, ["r0", "r2", "r4"], ["line 2: invalid JSON at column 2", "line 4: not UTF-8 text (byte 0xe9"]),
    (b"\r\n".join(TEN.splitlines()) + b"\r\n", [f"r{number}" for number in range(10)], []),  # CRLF
    (b"\xef\xbb\xbf" + TEN, [f"r{number}" for number in range(10)], []),  # a UTF-8 byte-order mark
])
def test_a_collection_is_read_record_by_record_under_a_limit_per_record(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, packed: bool, content: bytes, ids: list[str],
        problems: list[str]) -> None:
    monkeypatch.setattr(inputs, "MAX_BYTES", LIMIT)
    path = write(tmp_path, "feed.jsonl.gz" if packed else "feed.jsonl", gzip.compress(content) if packed else content)
    documents, failures = read_documents([path])
    assert [document.id for document in documents] == ids
    assert [(where, message.split(": ", 1)[0]) for where, message in failures] == [(path, path)] * len(problems)
    assert [problem in message for (_, message), problem in zip(failures, problems, strict=True)] == \
        [True] * len(problems)
    assert all("\n" not in message for _, message in failures)


@pytest.mark.parametrize(("content", "message"), [
    (b"", "is empty: nothing to read"),
    (b"\n  \n", "the JSON Lines file holds no records"),
    (TEN.decode().encode("utf-16"), "is UTF-16 text"),
    (bytes(range(40)) * 3, "looks like a binary file"),
    (b"\x1f\x8b\x08\x00 not gzip after all", "cannot unpack it as gzip (Compressed file ended"),
], ids=["empty", "blank", "utf-16", "binary", "false gzip"])
def test_a_collection_that_cannot_be_read_at_all_is_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = write(tmp_path, "feed.jsonl", content)
    documents, failures = read_documents([path])
    assert documents == [] and len(failures) == 1
    assert message in failures[0][1] and failures[0][1].startswith(path) and "\n" not in failures[0][1]


def test_a_gzip_file_cut_short_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    rows = [record(number, f"Storm {number} hit the coast on Tuesday, {number * 7919 % 10007} said.")
            for number in range(2000)]
    packed = gzip.compress(lines(*rows))
    path = write(tmp_path, "feed.jsonl.gz", packed[: len(packed) // 2])
    documents, failures = read_documents([path])
    assert 0 < len(documents) < len(rows)
    assert [document.id for document in documents] == [f"r{number}" for number in range(len(documents))]
    assert len(failures) == 1 and "\n" not in failures[0][1]
    assert failures[0][1].startswith(f"{path}: cannot unpack it as gzip after line {len(documents):,} (")
    assert failures[0][1].endswith("the lines before it were read")


@pytest.mark.parametrize("command", [["build", "-f", "json"], ["tag", "-f", "json"]])
@pytest.mark.parametrize(("name", "content", "kept", "message"), [
    ("feed.jsonl", OVERSIZED, 2, "feed.jsonl: line 2: the record is"),
    ("feed.jsonl.gz", gzip.compress(OVERSIZED), 2, "feed.jsonl.gz: line 2: the record is"),
    ("feed.jsonl.gz", gzip.compress(TEN)[:-9], 10, "feed.jsonl.gz: cannot unpack it as gzip after line 10"),
])
def test_the_commands_build_the_rest_and_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                command: list[str], name: str, content: bytes, kept: int,
                                                message: str) -> None:
    monkeypatch.setattr(inputs, "MAX_BYTES", LIMIT)
    path = write(tmp_path, name, content)
    out = tmp_path / "out.json"
    result = RUNNER.invoke(app, [*command, path, *(["-o", str(out)] if command[0] == "build" else [])])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("chrono: error: ")]
    assert len(errors) == 1 and message in errors[0]
    written = json.loads(out.read_text(encoding="utf-8") if command[0] == "build" else result.stdout)
    assert len(written["documents"]) == kept


def test_a_collection_is_analysed_as_it_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    steps: list[str] = []
    real = pipeline.analyse_with_sentences

    def analysing(document: Document, **options: object) -> object:
        steps.append(f"analyse {document.id}")
        return real(document, **options)  # type: ignore[arg-type]

    def reading() -> Iterator[Document]:
        for number in range(3):
            steps.append(f"read d{number}")
            yield Document(id=f"d{number}", text=f"Storm {number} hit on Tuesday.", published=None)

    monkeypatch.setattr(pipeline, "analyse_with_sentences", analysing)
    timeline = build_from_documents(reading(), domain="narrative")
    assert steps == ["read d0", "analyse d0", "read d1", "analyse d1", "read d2", "analyse d2"]
    assert [document.id for document in timeline.documents] == ["d0", "d1", "d2"]


def test_the_archive_streams_collections_through_the_same_reader(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inputs, "MAX_BYTES", LIMIT)
    path = write(tmp_path, "feed.jsonl.gz", gzip.compress(OVERSIZED))
    found = list(iter_inputs([path]))
    assert [(item.document.id, item.record) for item in found if isinstance(item, Item)] == [("r0", 1), ("r2", 3)]
    assert [(failure.record, failure.reason.split(": the record is")[0]) for failure in found
            if isinstance(failure, Failure)] == [(2, f"{path}: record 2")]
