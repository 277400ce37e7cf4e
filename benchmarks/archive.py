"""Archive benchmark: chrono index on 1 and 2 workers, the driver's memory, and a key-dates query over a big store.

The corpus is made from ../shared/data/t17-dev (the articles, read by benchmarks/timeline17.py) and the
TimeBank+AQUAINT texts (../shared/data/tbaq-cleaned), repeated with their publication dates moved by one week
per round until it holds --documents documents; it is written once as WORK/corpus-N.jsonl.gz.

1. speed: the first --sample documents (plain JSON Lines) through `chrono tag --output-dir`, `chrono index
   --workers 1` and `chrono index --workers 2` (a LocalCluster), each in a fresh process, alternated for --rounds
   rounds (tag, 1, 2, then 2, 1, tag, ...): wall seconds, and CPU seconds of the process and every process it
   waited for (Dask's nannies and workers), which the load of a shared machine moves far less. Prints per-core
   indexing speed against tag (wall and CPU, each round's range), 2 workers against 1, the 2-worker run's CPU
   against the 1-worker run's and its driver process's CPU. `--scaling-only` runs only 1 against 2 workers
   (20,000 documents, 2 rounds: about 5 minutes on an idle machine, enough that the cluster's start and the
   final compaction, which both runs pay, weigh as they would on an archive), for an idle machine.
2. full: all --documents indexed with 2 workers into WORK/store-N; the driver's resident memory (VmRSS) is
   printed when 10% and 100% of the documents are stored.
3. query: a key-dates query (--key-dates 20 --per-date 2) over a one-year window, and a --match query, on a
   store of at least --query-events events. When the indexed store holds fewer, a query store is made from it by
   copying its rows (documents, expressions, events, leads) --copies times with every date moved by 52 weeks per
   copy: rows copied, not re-analysed; the figure says so and gives the size.

    python benchmarks/archive.py                                   # 100,000 documents (long: hours on 2 cores)
    python benchmarks/archive.py --documents 10000 --sample 2000   # what the README's figures used
    python benchmarks/archive.py --steps query                     # only the query, on the store already made
    python benchmarks/archive.py --scaling-only                    # 2 workers against 1, nothing else
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import itertools
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

if TYPE_CHECKING:
    from chrono.model import Document

SHARED = REPO_ROOT.parent / "shared" / "data"
ROUND_SHIFT = dt.timedelta(weeks=1)
COPY_SHIFT_DAYS = 364  # 52 weeks: a copy's days fall on the same weekdays


def base_documents() -> list[Document]:
    from timeline17 import read_articles, topics

    from chrono.read.timeml import read_timeml, timeml_files

    documents = [document for topic in topics(SHARED / "t17-dev") for document in read_articles(topic)]
    for path in timeml_files([SHARED / "tbaq-cleaned"]):
        documents.append(read_timeml(path).document)
    return [document for document in documents if document.published is not None and document.text.strip()]


def write_corpus(path: Path, count: int) -> None:
    base = base_documents()
    with gzip.open(path.with_suffix(".tmp"), "wt", encoding="utf-8", compresslevel=1) as handle:
        for number in range(count):
            document = base[number % len(base)]
            rounds = number // len(base)
            assert document.published is not None
            handle.write(json.dumps({
                "id": f"{document.id}#{rounds}", "text": document.text,
                "published": (document.published + rounds * ROUND_SHIFT).isoformat(),
                "outlet": document.id.split("/")[0] if "/" in document.id else "TimeBank+AQUAINT",
            }) + "\n")
    path.with_suffix(".tmp").rename(path)


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class Run:
    """One command in a fresh process: wall seconds, CPU seconds of it and every process it waited for (Dask's
    nannies and workers included), and what an index run reported about itself."""

    what: str
    wall: float
    cpu: float
    documents: int
    report: dict[str, float]


def timed(what: str, command: list[str], documents: int) -> Run:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 2):
        raise SystemExit(f"{what} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    report = json.loads(done.stdout.strip().splitlines()[-1]) if what.startswith("index") else {}
    return Run(what, wall, cpu, int(report.get("documents", documents)), report)


def sample_file(work: Path, corpus: Path, sample: int) -> Path:
    """The first ``sample`` records of the corpus as plain JSON Lines (what chrono tag and chrono index both read)."""
    path = work / f"sample-{sample}.jsonl"
    if not path.exists():
        with gzip.open(corpus, "rt", encoding="utf-8") as source, path.with_suffix(".tmp").open("w") as target:
            target.writelines(itertools.islice(source, sample))
        path.with_suffix(".tmp").rename(path)
    return path


def tag_run(work: Path, sample: Path, documents: int) -> Run:
    out = work / "tagged"
    shutil.rmtree(out, ignore_errors=True)
    return timed("tag", [sys.executable, "-m", "chrono", "tag", str(sample), "--output-dir", str(out)], documents)


def index_run(work: Path, sample: Path, documents: int, workers: int, batch_size: int | None) -> Run:
    store = work / f"sample-store-{workers}"
    shutil.rmtree(store, ignore_errors=True)
    command = [sys.executable, str(Path(__file__).resolve()), "--child-index", str(sample), str(store), str(workers)]
    if batch_size:
        command += ["--batch-size", str(batch_size)]
    return timed(f"index, {workers} worker{'s' if workers > 1 else ''}", command, documents)


def child_index(sample: str, store: str, workers: int, batch_size: int | None) -> int:
    """`chrono index` as the CLI runs it, printing its report (with the driver's CPU) as one JSON line."""
    from chrono.archive.index import DEFAULT_BATCH, Settings, index

    report = index([sample], store, workers=workers, settings=Settings(batch_size=batch_size or DEFAULT_BATCH))
    print(json.dumps({"documents": report.documents + report.failed, "events": report.events,
                      "seconds": report.seconds, "driver_cpu": report.driver_cpu, "batch_cpu": report.batch_cpu,
                      "workers": report.workers}))
    return 0


def describe(run: Run) -> str:
    text = (f"{run.what}: {run.documents:,} documents in {run.wall:.1f} s wall = {run.documents / run.wall:.1f} "
            f"documents/s; CPU {run.cpu:.1f} s in all = {run.documents / run.cpu:.1f} documents per CPU second")
    if run.report:
        text += (f" (driver process {run.report['driver_cpu']:.1f} s, batches {run.report['batch_cpu']:.1f} s, "
                 f"{run.report['events']:,} events)")
    return text


def span(values: list[float], style: str = "{:.0%}") -> str:
    low, high = min(values), max(values)
    return style.format(low) if abs(high - low) < 1e-9 else f"{style.format(low)}-{style.format(high)}"


def speed(work: Path, corpus: Path, sample: int, rounds: int, *, tag: bool, batch_size: int | None) -> None:
    """Alternated runs in fresh processes (tag, index 1, index 2, then the reverse order, ...): each round's
    ratios compare runs made close together, and the CPU seconds are the load-independent figure."""
    path = sample_file(work, corpus, sample)
    print(f"sample: the first {sample:,} documents, {rounds} rounds, load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores")
    per_core: list[tuple[Run, Run]] = []
    scaling: list[tuple[Run, Run]] = []
    for number in range(rounds):
        order = ["tag", 1, 2] if tag else [1, 2]
        if number % 2:
            order.reverse()
        runs: dict[object, Run] = {}
        for what in order:
            runs[what] = tag_run(work, path, sample) if what == "tag" else \
                index_run(work, path, sample, int(what), batch_size)
            print(f"  round {number + 1}: {describe(runs[what])}", flush=True)
        if tag:
            per_core.append((runs["tag"], runs[1]))
        scaling.append((runs[1], runs[2]))
    if per_core:
        print("per-core indexing speed against chrono tag on the same documents (index 1 worker / tag): "
              f"wall {span([tag.wall / one.wall for tag, one in per_core])}, "
              f"CPU {span([tag.cpu / one.cpu for tag, one in per_core])}  (target: 80%)")
    print(f"2 workers against 1: wall {span([one.wall / two.wall for one, two in scaling], '{:.2f}x')}  "
          f"(target 1.7x; only an idle machine can show it: load average now {os.getloadavg()[0]:.1f})")
    print(f"  CPU of the 2-worker run against the 1-worker run: "
          f"{span([two.cpu / one.cpu for one, two in scaling], '{:.2f}x')}; driver process of the 2-worker run: "
          f"{span([two.report['driver_cpu'] / two.wall for _, two in scaling])} of a core "
          f"({span([two.report['driver_cpu'] for _, two in scaling], '{:.1f}')} s); at most "
          f"{span([2 * one.cpu / two.cpu for one, two in scaling], '{:.2f}x')} on two idle cores at this CPU "
          "(an upper bound: the start-up runs on one core, and the final compaction on one per table)")


def full(work: Path, corpus: Path, count: int) -> Path:
    from chrono.archive.index import IndexReport, index

    store = work / f"store-{count}"
    marks: dict[str, float] = {}

    def listen(report: IndexReport) -> None:
        stored = report.documents + report.failed + report.skipped
        for share, mark in ((10, "10%"), (100, "100%")):
            if mark not in marks and stored >= count * share // 100:
                marks[mark] = rss_mb()

    report = index([str(corpus)], str(store), workers=2, listener=listen)
    marks["after compaction"] = rss_mb()
    print(f"index of {count:,} documents, 2 workers: {report.documents:,} stored, {report.failed:,} errors, "
          f"{report.events:,} events, {report.seconds:.0f} s ({report.documents / report.seconds:.1f} documents/s)")
    print(f"driver RSS: {marks.get('10%', float('nan')):.0f} MB at 10%, {marks.get('100%', float('nan')):.0f} MB "
          f"at 100%, {marks['after compaction']:.0f} MB after the compaction "
          f"(peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")
    return store


def query_store(store: Path, events: int, copies: int | None) -> tuple[Path, int]:
    """The store itself when it holds ``events``, else a copy of its rows ``copies`` times with dates moved."""
    import duckdb

    from chrono.archive.query import connect
    from chrono.archive.store import Store

    with connect(Store(store)) as connection:
        held = connection.execute("SELECT count(*) FROM events").fetchone()[0]
    if held >= events:
        return store, held
    times = copies or -(-events // held)
    target = store.with_name(store.name + f"-x{times}")
    if target.exists():
        with connect(Store(target)) as connection:
            return target, connection.execute("SELECT count(*) FROM events").fetchone()[0]
    Store(target, create=True)
    source = Store(store)
    shifted = {
        "documents": "* REPLACE (hash || '-' || {k} AS hash, published + {days} AS published)",
        "events": "* REPLACE (doc_hash || '-' || {k} AS doc_hash, first_day + {days} AS first_day, "
                  "last_day + {days} AS last_day, value_start + {days} AS value_start, "
                  "value_end + {days} AS value_end)",
        "expressions": "* REPLACE (doc_hash || '-' || {k} AS doc_hash, value_start + {days} AS value_start, "
                       "value_end + {days} AS value_end)",
        "manifest": "* REPLACE (hash || '-' || {k} AS hash)",
    }
    shifted["leads"] = shifted["events"]
    connection = duckdb.connect()
    for k in range(times):
        batch = f"copy{k}"
        for table, columns in shifted.items():
            parts = source.committed_parts(table)
            if not parts:
                continue
            files = ", ".join(f"'{part}'" for part in parts)
            select = (f"SELECT {columns.format(k=k, days=k * COPY_SHIFT_DAYS)} "
                      f"FROM read_parquet([{files}], hive_partitioning = false)")
            if table in ("events", "leads"):
                out = target / table
                with_year = ("SELECT *, CASE WHEN first_day IS NULL THEN 'undated' WHEN year(first_day) "
                             "BETWEEN 1900 AND 2099 THEN CAST(year(first_day) AS VARCHAR) ELSE 'other' END AS year "
                             f"FROM ({select})")
                connection.execute(f"COPY ({with_year}) TO '{out}' (FORMAT parquet, PARTITION_BY (year), "
                                   f"FILENAME_PATTERN 'part-{batch}-{{i}}', OVERWRITE_OR_IGNORE)")
            else:
                (target / table).mkdir(exist_ok=True)
                connection.execute(f"COPY ({select}) TO '{target / table / f'part-{batch}.parquet'}' "
                                   "(FORMAT parquet)")
    _rename_copied_parts(target, times)
    with connect(Store(target)) as check:
        held = check.execute("SELECT count(*) FROM events").fetchone()[0]
    return target, held


def _rename_copied_parts(target: Path, times: int) -> None:
    """DuckDB names partitioned files part-copyK-I.parquet: each becomes its own committed batch."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    for table in ("events", "leads"):
        for path in sorted((target / table).glob("year=*/part-*.parquet")):
            batch = path.stem.removeprefix("part-")
            if batch.count("-") == 1:  # copyK-I: give it a manifest part of its own (no hashes: rows only)
                pq.write_table(pa.table({"hash": pa.array([], pa.string()), "batch": pa.array([], pa.string()),
                                         "status": pa.array([], pa.string())}),
                               target / "manifest" / f"part-{batch}.parquet")


def query(work: Path, store: Path, events: int, copies: int | None) -> None:
    from chrono.archive.query import Selection, query_timeline

    target, held = query_store(store, events, copies)
    copied = target != store
    print(f"query store: {held:,} events" + (f" ({target.name}: {store.name}'s rows copied, dates moved by 52 weeks "
                                              "per copy)" if copied else ""))
    from chrono.archive.query import connect
    from chrono.archive.store import Store

    with connect(Store(target)) as connection:
        busiest = connection.execute("SELECT year(first_day) AS y, count(*) AS n FROM events WHERE first_day "
                                     "IS NOT NULL GROUP BY y ORDER BY n DESC LIMIT 1").fetchone()
    year = str(busiest[0])
    cases = [
        (f"--key-dates 20 --per-date 2 --from {year} --to {year} ({busiest[1]:,} events that year)",
         Selection(date_from=year, date_to=year), {"key_dates": 20, "per_date": 2}),
        (f"--match 'oil spill' --key-dates 10 --from {year} --to {year}",
         Selection(match="oil spill", date_from=year, date_to=year), {"key_dates": 10}),
        (f"--match 'oil spill' --from {year}-06 --to {year}-06", Selection(match="oil spill", date_from=f"{year}-06",
                                                                          date_to=f"{year}-06"), {}),
    ]
    for label, selection, options in cases:
        timings = []
        for _ in range(3):
            started = time.perf_counter()
            timeline = query_timeline(target, selection, **options)
            timings.append(time.perf_counter() - started)
        print(f"query {label}: best {min(timings):.2f} s of 3 ({len(timeline.events)} events, "
              f"{len(timeline.documents)} documents in the timeline)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=2_000, help="documents of the tag / 1 / 2 workers runs")
    parser.add_argument("--rounds", type=int, default=3, help="alternated rounds of the speed runs")
    parser.add_argument("--batch-size", type=int, default=None, help="chrono index --batch-size of the speed runs")
    parser.add_argument("--scaling-only", action="store_true",
                        help="only 1 against 2 workers (--sample 20000, --rounds 2 unless given): idle machine")
    parser.add_argument("--query-events", type=int, default=1_000_000)
    parser.add_argument("--copies", type=int, default=None, help="copies of the store's rows for the query store")
    parser.add_argument("--work", type=Path, default=Path("/tmp/chrono-archive-bench"))
    parser.add_argument("--steps", default="speed,full,query")
    parser.add_argument("--child-index", nargs=3, metavar=("INPUT", "STORE", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_index:
        sample, store_path, workers = args.child_index
        return child_index(sample, store_path, int(workers), args.batch_size)
    if args.scaling_only:
        args.steps = "scaling"
        if "--sample" not in sys.argv:
            args.sample = 20_000
        if "--rounds" not in sys.argv:
            args.rounds = 2
    args.work.mkdir(parents=True, exist_ok=True)
    corpus_size = max(args.documents, args.sample) if "full" in args.steps else \
        max(args.sample, min(args.documents, 10_000))
    corpus = args.work / f"corpus-{corpus_size}.jsonl.gz"
    if not corpus.exists():
        started = time.perf_counter()
        write_corpus(corpus, corpus_size)
        print(f"corpus: {corpus_size:,} documents, {corpus.stat().st_size / 2**20:.0f} MB gzipped "
              f"({time.perf_counter() - started:.0f} s)")
    steps = args.steps.split(",")
    if "speed" in steps or "scaling" in steps:
        speed(args.work, corpus, args.sample, args.rounds, tag="speed" in steps, batch_size=args.batch_size)
    store = args.work / f"store-{args.documents}"
    if "full" in steps:
        shutil.rmtree(store, ignore_errors=True)
        store = full(args.work, corpus, args.documents)
    if "query" in steps:
        query(args.work, store, args.query_events, args.copies)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
