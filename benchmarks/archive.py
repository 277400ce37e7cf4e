"""Archive benchmark: chrono index on 1 and 2 workers, the driver's memory, and a key-dates query over a big store.

The corpus is made from ../shared/data/t17-dev (the articles, read by benchmarks/timeline17.py) and the
TimeBank+AQUAINT texts (../shared/data/tbaq-cleaned), repeated with their publication dates moved by one week
per round until it holds --documents documents; it is written once as WORK/corpus-N.jsonl.gz.

1. speed: the first --sample documents analysed in this process by chrono.pipeline.analyse (what `chrono tag`
   runs per document), then indexed with --workers 1 (in this process) and with 2 worker processes
   (LocalCluster): documents per second of each, per core and 2 workers against 1.
2. full: all --documents indexed with 2 workers into WORK/store-N; the driver's resident memory (VmRSS) is
   printed when 10% and 100% of the documents are stored.
3. query: a key-dates query (--key-dates 20 --per-date 2) over a one-year window, and a --match query, on a
   store of at least --query-events events. When the indexed store holds fewer, a query store is made from it by
   copying its rows (documents, events, leads) --copies times with every date moved by 52 weeks per copy: rows
   copied, not re-analysed; the figure says so and gives the size.

    python benchmarks/archive.py                                   # 100,000 documents (long: hours on 2 cores)
    python benchmarks/archive.py --documents 10000 --sample 2000   # what the README's figures used
    python benchmarks/archive.py --steps query                     # only the query, on the store already made
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import resource
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

from timeline17 import read_articles, topics  # noqa: E402

from chrono.model import Document  # noqa: E402

SHARED = REPO_ROOT.parent / "shared" / "data"
ROUND_SHIFT = dt.timedelta(weeks=1)
COPY_SHIFT_DAYS = 364  # 52 weeks: a copy's days fall on the same weekdays


def base_documents() -> list[Document]:
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


def first_documents(corpus: Path, count: int) -> Iterator[Document]:
    from chrono.archive.sources import Item, iter_inputs

    taken = 0
    for entry in iter_inputs([str(corpus)]):
        if isinstance(entry, Item):
            yield entry.document
            taken += 1
            if taken == count:
                return


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def speed(work: Path, corpus: Path, sample: int) -> None:
    from chrono.archive.index import index
    from chrono.pipeline import analyse

    subset = work / f"sample-{sample}.jsonl.gz"
    documents = list(first_documents(corpus, sample))
    with gzip.open(subset, "wt", encoding="utf-8") as handle:
        for document in documents:
            handle.write(json.dumps({"id": document.id, "text": document.text,
                                     "published": document.published.isoformat() if document.published else None,
                                     "outlet": document.outlet}) + "\n")
    analyse(documents[0])  # rules load once per process: not timed
    started = time.perf_counter()
    for document in documents:
        try:
            analyse(document)
        except Exception:  # noqa: BLE001 - the index records these as errors; here they only cost their time
            pass
    analysis = len(documents) / (time.perf_counter() - started)
    del documents
    rates = {}
    for workers in (1, 2):
        store = work / f"sample-store-{workers}"
        shutil.rmtree(store, ignore_errors=True)
        report = index([str(subset)], str(store), workers=workers)
        rates[workers] = (report.documents + report.failed) / report.seconds
        print(f"index, {workers} worker{'s' if workers > 1 else ''}: {report.documents:,} documents "
              f"({report.failed} errors), {report.events:,} events in {report.seconds:.1f} s = "
              f"{rates[workers]:.1f} documents/s")
    print(f"analysis alone (chrono.pipeline.analyse, what chrono tag runs), 1 core: {analysis:.1f} documents/s")
    print(f"per-core indexing speed against the analysis alone: {rates[1] / analysis:.0%}")
    print(f"2 workers against 1: {rates[2] / rates[1]:.2f}x  (load average now {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores)")


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
    parser.add_argument("--sample", type=int, default=2_000, help="documents of the 1-against-2-workers runs")
    parser.add_argument("--query-events", type=int, default=1_000_000)
    parser.add_argument("--copies", type=int, default=None, help="copies of the store's rows for the query store")
    parser.add_argument("--work", type=Path, default=Path("/tmp/chrono-archive-bench"))
    parser.add_argument("--steps", default="speed,full,query")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    corpus = args.work / f"corpus-{args.documents}.jsonl.gz"
    if not corpus.exists():
        started = time.perf_counter()
        write_corpus(corpus, args.documents)
        print(f"corpus: {args.documents:,} documents, {corpus.stat().st_size / 2**20:.0f} MB gzipped "
              f"({time.perf_counter() - started:.0f} s)")
    steps = args.steps.split(",")
    if "speed" in steps:
        speed(args.work, corpus, args.sample)
    store = args.work / f"store-{args.documents}"
    if "full" in steps:
        shutil.rmtree(store, ignore_errors=True)
        store = full(args.work, corpus, args.documents)
    if "query" in steps:
        query(args.work, store, args.query_events, args.copies)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
