"""chrono index / chrono query: the store equals `chrono build`, survives kill -9, and adds only what is new.

These tests need the extra chrono-timelines[archive]; locally they skip without it, with CI set they fail.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from chrono.cli import app

if not os.environ.get("CI"):
    for _package in ("dask", "distributed", "pyarrow", "duckdb"):
        pytest.importorskip(_package)

import pyarrow.parquet as pq  # noqa: E402

from chrono.archive.index import Settings, index  # noqa: E402
from chrono.archive.query import Selection, _document_ids, query_timeline, run_sql  # noqa: E402
from chrono.archive.store import Store  # noqa: E402
from chrono.errors import ChronoInputError  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((REPO / "examples").glob("*.txt"))
runner = CliRunner()


def _corpus(folder: Path, copies: int = 12) -> Path:
    """A JSON Lines file of the examples' texts published on several days (tens of documents)."""
    texts = [path.read_text(encoding="utf-8").split("\n\n", 1)[1] for path in EXAMPLES]
    lines = []
    for number in range(copies):
        for position, text in enumerate(texts):
            day = dt.date(2023, 1, 5) + dt.timedelta(days=37 * number + position)
            lines.append(json.dumps({"id": f"n{number}-{position}", "text": text, "published": day.isoformat(),
                                     "outlet": ["Ledger", "Wire"][number % 2]}))
    path = folder / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _table(store: Path, table: str) -> list[dict[str, Any]]:
    """A table's committed rows without the batch column (batch names depend on how work was split)."""
    rows = [row for part in Store(store).committed_parts(table) for row in pq.read_table(part).to_pylist()]
    for row in rows:
        row.pop("batch", None)
    return sorted(rows, key=lambda row: json.dumps(row, sort_keys=True, default=str))


def _tables(store: Path) -> dict[str, list[dict[str, Any]]]:
    return {table: _table(store, table) for table in ("documents", "expressions", "events", "errors")}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def one_process(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("one") / "store"
    report = index([str(corpus)], str(store), workers=1, settings=Settings(batch_size=5))
    assert (report.documents, report.failed) == (len(EXAMPLES) * 12, 0)
    return store


def test_two_worker_processes_store_what_one_process_stores(corpus: Path, one_process: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    report = index([str(corpus)], str(store), workers=2, settings=Settings(batch_size=5))
    assert report.workers == 2
    assert _tables(store) == _tables(one_process)
    assert len(_table(store, "events")) > 100


@pytest.mark.parametrize(("fmt", "options"), [
    ("md", []), ("html", []), ("json", []), ("csv", []),
    ("md", ["--key-dates", "3"]), ("json", ["--key-dates", "4", "--per-date", "2"]), ("html", ["--key-dates", "2"]),
])
def test_query_of_the_examples_equals_build(fmt: str, options: list[str], tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    names = [str(path.relative_to(REPO)) for path in EXAMPLES]
    assert runner.invoke(app, ["index", *names, "--store", str(tmp_path / "s"), "--workers", "1"]).exit_code == 0
    built = runner.invoke(app, ["build", *names, "-f", fmt, *options])
    queried = runner.invoke(app, ["query", str(tmp_path / "s"), "-f", fmt, *options])
    assert queried.exit_code == 0, queried.stderr
    assert queried.stdout == built.stdout


@pytest.mark.parametrize(("selection", "build_args"), [
    (Selection(date_from="2023-03", date_to="2023-03"), ["--from", "2023-03", "--to", "2023-03"]),
    (Selection(date_from="2024"), ["--from", "2024"]),
    (Selection(date_to="2019-12-31"), ["--to", "2019-12-31"]),
])
def test_a_date_window_keeps_the_events_build_keeps(selection: Selection, build_args: list[str], tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    names = [str(path.relative_to(REPO)) for path in EXAMPLES]
    index(names, str(tmp_path / "s"), workers=1)
    built = json.loads(runner.invoke(app, ["build", *names, "-f", "json", *build_args]).stdout)
    from chrono.render import render

    queried = json.loads(render(query_timeline(tmp_path / "s", selection), "json"))
    assert queried["events"] == built["events"] and queried["events"]


def test_source_selects_the_documents_read_from_a_file_or_folder(corpus: Path, one_process: Path) -> None:
    everything = query_timeline(one_process)
    assert query_timeline(one_process, Selection(sources=(str(corpus),))) == everything
    assert query_timeline(one_process, Selection(sources=(str(corpus.parent) + "/",))) == everything
    assert query_timeline(one_process, Selection(sources=(str(corpus) + "x",))).documents == ()
    assert query_timeline(one_process, Selection(sources=(str(corpus.parent)[:-1],))).documents == ()


@pytest.mark.parametrize(("ids", "shown"), [
    (["a", "a", "a"], ["a", "a-2", "a-3"]),
    (["a", "a", "a-2", "a"], ["a", "a-3", "a-2", "a-4"]),  # a stored id a renaming would take is skipped
    (["a", "a-2", "a-2", "a"], ["a", "a-2", "a-2-2", "a-3"]),
    (["b", "a", "b", "a", "b"], ["b", "a", "b-2", "a-2", "b-3"]),
])
def test_repeated_ids_are_numbered_in_document_order_as_build_numbers_them(ids: list[str], shown: list[str]) -> None:
    assert list(_document_ids(ids, [str(number) for number in range(len(ids))]).values()) == shown


def test_a_window_reads_only_the_years_it_overlaps(one_process: Path) -> None:
    from chrono.archive.query import _years

    store = Store(one_process)
    years = _years(store, dt.date(2023, 3, 1), dt.date(2024, 2, 1))
    assert years == ["2023", "2024"]
    assert {"1958", "other"} <= set(_years(store, dt.date(1850, 1, 1), dt.date(1960, 1, 1)) or [])
    assert set(store.event_years()) > {"2023", "2024"}



@pytest.mark.parametrize("selection", [Selection(date_from="2023-03", date_to="2024-02"),
                                       Selection(date_from="1850", date_to="1960"), Selection()])
def test_a_store_not_yet_split_by_year_answers_as_the_compacted_one(selection: Selection, corpus: Path,
                                                                    one_process: Path, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "store"
    with monkeypatch.context() as patched:  # as a run killed before its compaction leaves it
        patched.setattr(Store, "compact", lambda self, run=None: 0)
        index([str(corpus)], str(store), workers=1, settings=Settings(batch_size=5))
    assert list((store / "events").iterdir()) == [store / "events" / "unsplit"]
    assert query_timeline(store, selection) == query_timeline(one_process, selection)
    Store(store).compact()
    assert not (store / "events" / "unsplit").exists() and set(Store(store).event_years()) > {"2023", "2024"}
    assert query_timeline(store, selection) == query_timeline(one_process, selection)

@pytest.mark.parametrize(("selection", "expected"), [
    (Selection(match="bridge"), lambda event: "bridge" in (event["sentence"] + event["headline"]).lower()),
    (Selection(match="Xi Lukashenko"), lambda event: "Xi" in event["sentence"] and "Lukashenko" in event["sentence"]),
    (Selection(outlets=("Wire",)), lambda event: True),
])
def test_match_and_outlet_select_events(selection: Selection, expected: Any, one_process: Path) -> None:
    from chrono.render import render

    record = json.loads(render(query_timeline(one_process, selection), "json"))
    assert record["events"] and all(expected(event) for event in record["events"])
    if selection.outlets:
        assert {document["outlet"] for document in record["documents"]} == {"Wire"}


def test_rerun_and_duplicates_add_nothing_new_articles_add_only_themselves(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = index([str(corpus), str(corpus)], str(store), workers=1)  # the same file twice: each document once
    assert (first.documents, first.skipped) == (len(EXAMPLES) * 12, len(EXAMPLES) * 12)
    before = _tables(store)
    again = index([str(corpus)], str(store), workers=1)
    assert (again.documents, again.skipped, _tables(store)) == (0, len(EXAMPLES) * 12, before)
    tomorrow = tmp_path / "tomorrow.jsonl"
    text = EXAMPLES[0].read_text(encoding="utf-8").split("\n\n", 1)[1]
    tomorrow.write_text(json.dumps({"id": "new", "text": text, "published": "2025-06-01"}) + "\n", encoding="utf-8")
    added = index([str(corpus), str(tomorrow)], str(store), workers=1)
    assert (added.documents, added.skipped) == (1, len(EXAMPLES) * 12)
    assert len(_table(store, "documents")) == len(EXAMPLES) * 12 + 1


def test_index_killed_midway_resumes_with_every_row_once(corpus: Path, one_process: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    command = [sys.executable, "-m", "chrono", "index", str(corpus), "--store", str(store), "--workers", "1",
               "--batch-size", "1", "--quiet"]
    process = subprocess.Popen(command, start_new_session=True)
    manifest = store / "manifest"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if manifest.is_dir() and len(list(manifest.glob("part-*.parquet"))) >= 3:
            break
        time.sleep(0.005)
    assert process.poll() is None, "the index finished before it could be killed; make the corpus larger"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    stored = len(list(manifest.glob("part-*.parquet")))
    assert 3 <= stored < len(EXAMPLES) * 12
    resumed = subprocess.run(command, check=False)
    assert resumed.returncode == 0
    assert _tables(store) == _tables(one_process)
    hashes = [row["hash"] for row in _table(store, "documents")]
    assert len(hashes) == len(set(hashes)) == len(EXAMPLES) * 12
    assert not list(store.rglob("*.tmp"))


def test_uncommitted_parts_are_never_read_and_are_removed(one_process: Path, tmp_path: Path) -> None:
    import shutil

    store = tmp_path / "store"
    shutil.copytree(one_process, store)
    victim = sorted((store / "manifest").glob("part-*.parquet"))[0]
    victim.unlink()  # as if the batch had been killed just before its commit
    (store / "events" / "year=2023" / ".part-x.parquet.123.tmp").write_bytes(b"half")
    assert len(_table(store, "documents")) < len(_table(one_process, "documents"))
    assert Store(store).remove_uncommitted() >= 4  # the batch's parts and the temporary file
    assert not list(store.rglob(f"*{victim.name}"))


def test_bad_documents_go_to_the_errors_table_and_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = EXAMPLES[0].read_text(encoding="utf-8").split("\n\n", 1)[1]
    records = [
        json.dumps({"id": "good", "text": text, "published": "2023-03-02"}),
        "{not json",
        json.dumps({"id": "undated", "text": text}),
        json.dumps({"id": "huge", "text": text * 40, "published": "2023-03-02"}),
        json.dumps({"id": "crash", "text": text + " BOOM", "published": "2023-03-02"}),
    ]
    corpus = tmp_path / "bad.jsonl"
    corpus.write_text("\n".join(records) + "\n", encoding="utf-8")
    from chrono.archive import worker

    real = worker.analyse_with_sentences

    def crashing(document: Any, **options: Any) -> Any:
        if "BOOM" in document.text:
            raise RuntimeError("analysis blew up")
        return real(document, **options)

    monkeypatch.setattr(worker, "analyse_with_sentences", crashing)
    report = index([str(corpus)], str(tmp_path / "s"), workers=1, settings=Settings(max_chars=len(text) * 20))
    assert (report.documents, report.failed) == (1, 4)
    reasons = sorted(row["reason"] for row in _table(tmp_path / "s", "errors"))
    assert [any(word in reason for reason in reasons) for word in
            ("invalid JSON", "no publication date", "too large", "analysis blew up")] == [True] * 4
    assert index([str(corpus)], str(tmp_path / "s"), workers=1).failed == 0  # known failures are not repeated
    result = runner.invoke(app, ["index", str(corpus), "--store", str(tmp_path / "t"), "--workers", "1"])
    assert result.exit_code == 2 and "errors" in result.stderr


@pytest.mark.parametrize(("content", "options"), [
    ({"content": ["A fire broke out on Monday."], "day": [dt.date(2024, 5, 8)], "site": ["Gazette"]},
     ["--text-column", "content", "--date-column", "day", "--outlet-column", "site"]),
])
def test_parquet_and_gzip_inputs_with_named_columns(content: dict[str, list[Any]], options: list[str],
                                                    tmp_path: Path) -> None:
    import gzip

    import pyarrow as pa

    pq.write_table(pa.table(content), tmp_path / "news.parquet")
    with gzip.open(tmp_path / "news.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({key: str(values[0]) for key, values in content.items()}) + "\n")
    result = runner.invoke(app, ["index", str(tmp_path / "news.parquet"), str(tmp_path / "news.jsonl.gz"),
                                 "--store", str(tmp_path / "s"), "--workers", "1", *options])
    assert result.exit_code == 0, result.stderr
    documents = _table(tmp_path / "s", "documents")
    assert len(documents) == 1  # the same text and date in both files: stored once
    assert (documents[0]["outlet"], documents[0]["published"]) == ("Gazette", dt.date(2024, 5, 8))
    events = _table(tmp_path / "s", "events")
    assert [(event["value"], event["first_day"]) for event in events] == [("2024-05-06", dt.date(2024, 5, 6))]


@pytest.mark.parametrize(("record_locale", "options", "expected"), [
    (None, [], "2020-03-04"),  # no locale anywhere: chrono's default order for an ambiguous date
    (None, ["--locale", "en_GB"], "2020-04-03"),
    ("en_US", ["--locale", "en_GB"], "2020-03-04"),  # the record's own locale wins
    ("en_GB", [], "2020-04-03"),
])
def test_locale_sets_the_day_month_order_of_documents_without_their_own(record_locale: str | None,
                                                                        options: list[str], expected: str,
                                                                        tmp_path: Path) -> None:
    record = {"text": "The hall reopened on 03/04/2020 after repairs.", "published": "2020-06-01"}
    if record_locale:
        record["locale"] = record_locale
    (tmp_path / "news.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["index", str(tmp_path / "news.jsonl"), "--store", str(tmp_path / "s"),
                                 "--workers", "1", "--quiet", *options])
    assert result.exit_code == 0, result.stderr
    assert [event["value"] for event in _table(tmp_path / "s", "events")] == [expected]


def test_an_unknown_locale_fails_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "news.jsonl").write_text('{"text": "On 03/04/2020.", "published": "2020-06-01"}\n')
    result = runner.invoke(app, ["index", str(tmp_path / "news.jsonl"), "--store", str(tmp_path / "s"),
                                 "--locale", "xx_QQ"])
    assert result.exit_code == 2
    assert "unknown locale" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "s").exists()


@pytest.mark.parametrize(("sql", "allowed"), [
    ("SELECT count(*) FROM events", True),
    ("SELECT outlet, count(*) AS n FROM documents GROUP BY outlet ORDER BY outlet", True),
    ("COPY (SELECT 1) TO 'out.csv'", False),
    ("CREATE TABLE t AS SELECT 1", False),
    ("SELECT 1; SELECT 2", False),
    ("SELECT * FROM read_csv('/etc/hostname')", False),
    ("INSTALL httpfs", False),
])
def test_sql_is_read_only(sql: str, allowed: bool, one_process: Path) -> None:
    if allowed:
        columns, rows = run_sql(one_process, sql)
        assert columns and rows
    else:
        with pytest.raises(ChronoInputError):
            run_sql(one_process, sql)


def test_a_missing_extra_names_it_in_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import chrono.archive

    real = chrono.archive.find_spec
    monkeypatch.setattr(chrono.archive, "find_spec", lambda name: None if name == "duckdb" else real(name))
    result = runner.invoke(app, ["query", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "chrono: error: the archive commands need duckdb: pip install 'chrono-timelines[archive]'"]


def test_the_plain_commands_load_no_archive_package() -> None:
    code = ("import sys, chrono, chrono.cli; heavy = {'dask', 'distributed', 'duckdb', 'pyarrow', 'chrono.archive'};"
            "print(sorted(heavy & set(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_a_query_of_a_folder_that_is_no_store_fails_in_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["query", str(tmp_path)])
    assert result.exit_code == 2 and "not a chrono store" in result.stderr


@pytest.mark.parametrize("crash", ["before the commit", "after the commit"])
def test_a_compaction_cut_short_loses_and_repeats_nothing(crash: str, corpus: Path, one_process: Path,
                                                          tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from chrono.archive import store as store_module

    store = tmp_path / "store"
    with monkeypatch.context() as patched:
        patched.setattr(Store, "compact", lambda self, run=None: 0)
        index([str(corpus)], str(store), workers=1, settings=Settings(batch_size=5))
    assert len(list((store / "manifest").glob("part-*"))) > 2
    real_concatenate, real_unlink = store_module._concatenate, Path.unlink

    def concatenate(parts: list[Path], target: Path, metadata: Any = None) -> None:
        if metadata and crash == "before the commit":
            raise KeyboardInterrupt  # the manifest part is never renamed into place
        real_concatenate(parts, target, metadata)

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if crash == "after the commit" and self.name.startswith("part-") and not self.name.startswith("part-c-"):
            raise KeyboardInterrupt  # the replaced parts stay on disk
        real_unlink(self, missing_ok=missing_ok)

    with monkeypatch.context() as patched:
        patched.setattr(store_module, "_concatenate", concatenate)
        patched.setattr(Path, "unlink", unlink)
        with pytest.raises(KeyboardInterrupt):
            Store(store).compact()
    assert _tables(store) == _tables(one_process)
    Store(store).remove_uncommitted()
    Store(store).compact()
    assert _tables(store) == _tables(one_process)
    assert [path.name for path in (store / "manifest").iterdir()] == [path.name for path in
                                                                     (one_process / "manifest").iterdir()]
    assert all(len(list(folder.glob("part-*"))) == 1 for folder in (store / "events").iterdir())


def _dies_on_poison(store_root: str, items: list[Any], **options: Any) -> Any:
    """A batch task whose worker process dies when the batch holds a document with POISON in it."""
    from chrono.archive.worker import index_batch

    if any("POISON" in item.document.text for item in items):
        os._exit(1)
    return index_batch(store_root, items, **options)


def test_a_worker_that_dies_has_its_batch_redone_and_the_culprit_recorded(tmp_path: Path) -> None:
    import cloudpickle
    import dask

    from chrono.archive.index import _Dask
    from chrono.archive.sources import iter_inputs

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the workers cannot import this test module
    text = EXAMPLES[0].read_text(encoding="utf-8").split("\n\n", 1)[1]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"d{number}", "published": f"2023-03-{number + 1:02d}",
                                          "text": text + (" POISON" if number == 1 else "")}) + "\n"
                              for number in range(4)), encoding="utf-8")
    store = Store(tmp_path / "s", create=True)
    items = [entry for entry in iter_inputs([str(corpus)]) if not isinstance(entry, str)]
    # no retry of a whole batch by Dask itself: the test's time is a worker restart per death
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            _Dask(str(store.root), Settings(), workers=2, scheduler=None, task=_dies_on_poison) as runner:
        runner.submit(items[:2])
        for item in items[2:]:  # healthy batches beside it, on either worker: none may be lost with the culprit
            runner.submit([item])
        results = runner.collect(block=True)
    assert sum(result.documents for result in results) == 3
    assert [item.document.id for batch in runner.lost for item in batch] == ["d1"]


def _article_files(folder: Path, copies: int) -> list[Path]:
    """The examples as separate dated .txt files (``copies`` of each, on different days) and one unreadable file,
    in the folder's order."""
    folder.mkdir()
    for number in range(copies):
        for example in EXAMPLES:
            text = example.read_text(encoding="utf-8").split("\n\n", 1)[1]
            path = folder / f"{number:02d}-{example.name}"
            path.write_text(f"date 2023-02-{number + 1:02d}\n\n{text}", encoding="utf-8")
    (folder / "03-broken.txt").write_bytes(b"\x00\xff\x00" * 50)
    return sorted(folder.iterdir())


def _not_here(paths: list[str]) -> Any:
    raise AssertionError(f"read in the driver: {paths}")


def test_files_read_on_the_workers_store_what_one_process_stores(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import chrono.archive.index as driver

    folder = tmp_path / "pages"
    _article_files(folder, copies=6)
    alone = index([str(folder)], str(tmp_path / "one"), workers=1, settings=Settings(batch_size=3))
    monkeypatch.setattr(driver, "FILES_PER_READ", 2)  # 7 tasks reading 13 files, in a folder's order
    monkeypatch.setattr(driver, "read_here", _not_here)
    shared = index([str(folder)], str(tmp_path / "two"), workers=2, settings=Settings(batch_size=3))
    assert (shared.documents, shared.failed) == (alone.documents, alone.failed) == (len(EXAMPLES) * 6, 1)
    assert _tables(tmp_path / "two") == _tables(tmp_path / "one")


def _dies_reading_poison(paths: list[str]) -> Any:
    from chrono.archive.sources import read_files

    if any("poison" in path for path in paths):
        os._exit(1)
    return read_files(paths)


def test_a_file_that_kills_the_worker_reading_it_is_a_failure_and_the_others_are_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import cloudpickle
    import dask

    import chrono.archive.index as driver
    from chrono.archive.index import _Dask
    from chrono.archive.sources import Failure, Item

    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    paths = [str(path) for path in _article_files(tmp_path / "pages", copies=3)]
    paths.insert(1, str(tmp_path / "pages" / "00-poison.txt"))
    Path(paths[1]).write_text("date 2023-02-01\n\nOn Monday it rained.", encoding="utf-8")
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            _Dask(str(tmp_path / "s"), Settings(), workers=2, scheduler=None, reader=_dies_reading_poison) as runner:
        monkeypatch.setattr(driver, "FILES_PER_READ", 4)  # 4 groups; the first one's halves, then its quarters
        entries = list(runner.read_files(paths))
    assert [entry.source for entry in entries if isinstance(entry, Failure)] == \
        [paths[1], str(tmp_path / "pages" / "03-broken.txt")]
    assert [entry.source for entry in entries if isinstance(entry, Item)] == \
        [path for path in paths if not path.endswith(("poison.txt", "broken.txt"))]


def _notes_where_it_ran(log: Path, driver: int, dies_on_a_worker: bool, parts: list[Path], folder: Path,
                        batch: str) -> None:
    """A compaction copy that records whether it ran in the driver, or kills the worker process it runs in."""
    if dies_on_a_worker and os.getpid() != driver:
        os._exit(1)
    with log.open("a", encoding="utf-8") as handle:
        handle.write(f"{batch} {'driver' if os.getpid() == driver else 'worker'}\n")


def test_compaction_jobs_run_on_the_workers_and_one_whose_worker_died_is_redone_here(tmp_path: Path) -> None:
    import functools

    import cloudpickle
    import dask

    from chrono.archive.index import _Dask
    from chrono.archive.store import CompactionJob

    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    log = tmp_path / "ran.txt"
    jobs = [CompactionJob(functools.partial(_notes_where_it_ran, log, os.getpid(), dies), [], tmp_path, name)
            for name, dies in (("healthy", False), ("deadly", True))]
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            _Dask(str(tmp_path / "s"), Settings(), workers=2, scheduler=None) as runner:
        runner.run_jobs(jobs[:1])  # no cluster yet (nothing was indexed): here, in threads
        runner._start()
        runner.run_jobs(jobs)
    assert sorted(log.read_text(encoding="utf-8").splitlines()) == ["deadly driver", "healthy driver",
                                                                    "healthy worker"]


@pytest.mark.parametrize("window", [["--from", "2023-01", "--to", "2024-12"], ["--from", "2023-03-01"]])
def test_key_dates_in_a_window_are_the_days_build_chooses(window: list[str], tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    names = [str(path.relative_to(REPO)) for path in EXAMPLES]
    index(names, str(tmp_path / "s"), workers=1)
    options = ["-f", "json", "--key-dates", "3", "--per-date", "2", *window]
    built = json.loads(runner.invoke(app, ["build", *names, *options]).stdout)
    queried = json.loads(runner.invoke(app, ["query", str(tmp_path / "s"), *options]).stdout)
    assert queried["events"] == built["events"] and len(queried["key_dates"]) == 3
    assert queried["key_dates"] == built["key_dates"]


@pytest.mark.parametrize(("window", "per_date"), [(("2023-01", "2024-12"), 2), (("2023-03-01", None), 1)])
def test_key_dates_in_a_window_list_the_documents_they_cite_and_count_those_they_were_drawn_from(
        window: tuple[str, str | None], per_date: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import chrono
    from chrono.order.key_dates import _day_of
    from chrono.read.text import read_article

    monkeypatch.chdir(REPO)
    index([str(path) for path in EXAMPLES], str(tmp_path / "s"), workers=1)
    timeline = query_timeline(tmp_path / "s", Selection(date_from=window[0], date_to=window[1]), key_dates=3,
                              per_date=per_date)
    cited = {name for event in timeline.events for name in (event.document, *event.sources)}
    assert {document.id for document in timeline.documents} == cited and timeline.events
    low = dt.date.fromisoformat(window[0] + "-01" if len(window[0]) == 7 else window[0])
    high = dt.date(2024, 12, 31) if window[1] else dt.date.max
    full = chrono.build_from_documents([read_article(path) for path in EXAMPLES], merge=False)
    dating = {event.document for event in full.events if (day := _day_of(event)) and low <= day <= high}
    assert timeline.article_count == len(dating) >= len(cited)  # the articles dating a day in the window
    assert f"Key dates of {len(dating)} articles" in chrono.render(timeline, "md")


def _counts_only(store_root: str, items: list[Any], **options: Any) -> Any:
    """A batch task that analyses and writes nothing: what the driver keeps of a batch is all there is."""
    from chrono.archive.worker import BatchResult

    return BatchResult("counted", len(items), 0, 0)


def test_the_driver_keeps_no_batch_once_done(tmp_path: Path) -> None:
    """Dask's developer logs kept every batch's message (its documents, pickled and unpickled) in the driver; what
    may stay is a batch a worker ran at its last heartbeat (the scheduler's record of what runs there)."""
    import gc

    import cloudpickle
    from distributed.protocol.serialize import Serialized

    from chrono.archive.index import _Dask
    from chrono.archive.sources import Item, iter_inputs

    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    corpus = _corpus(tmp_path)
    items = [entry for entry in iter_inputs([str(corpus)]) if isinstance(entry, Item)]
    sent = len(items)
    with _Dask(str(tmp_path / "s"), Settings(), workers=2, scheduler=None, task=_counts_only) as runner:
        for item in items:
            runner.submit([item])
        assert sum(result.documents for result in runner.collect(block=True)) == sent
        del items, item
        deadline = time.monotonic() + 60
        while runner.cluster.scheduler.tasks and time.monotonic() < deadline:  # the released keys reach it
            time.sleep(0.05)
        gc.collect()
        held = [value for value in gc.get_objects()
                if isinstance(value, Serialized) or isinstance(value, Item) and value.source == str(corpus)]
    assert sent >= 20
    assert len(held) <= 2 * runner.workers


def test_a_key_dates_query_reaches_the_calendars_last_day(tmp_path: Path) -> None:
    source = tmp_path / "last.jsonl"
    source.write_text("\n".join(json.dumps(record) for record in [
        {"id": "last", "published": "9999-12-31", "text": "The port closed today after the storm."},
        {"id": "eve", "published": "9999-12-30", "text": "The port closes tomorrow, officials said."},
    ]) + "\n", encoding="utf-8")
    index([str(source)], str(tmp_path / "s"), workers=1)
    timeline = query_timeline(tmp_path / "s", Selection(date_from="9999", date_to="9999-12-31"), key_dates=1)
    assert [key.day for key in timeline.key_dates] == [dt.date(9999, 12, 31)]
