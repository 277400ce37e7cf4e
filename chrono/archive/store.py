"""The Parquet store on disk: committed batches, atomic parts, and the files a query may read.

Layout (every part named after the batch that wrote it)::

    STORE/chrono-store.json                        what this folder is, and the schema version
    STORE/documents/part-BATCH.parquet
    STORE/expressions/part-BATCH.parquet
    STORE/events/year=YYYY/part-BATCH.parquet      partitioned by the year of the event's first day
                                                   (year=other outside 1900-2099, year=undated without one)
    STORE/events/unsplit/part-BATCH.parquet        a batch's events of every year, until compaction splits them
    STORE/leads/year=YYYY/part-BATCH.parquet       undated opening sentences (key-date candidates), by year
    STORE/leads/unsplit/part-BATCH.parquet
    STORE/errors/part-BATCH.parquet
    STORE/manifest/part-BATCH.parquet              written last: the batch's commit

Each part is written to a temporary name and renamed when complete. A batch counts only once its manifest part
exists, so the parts of a batch cut short by a crash are never read, and are removed by the next index run.
A batch's name is derived from its content, so a batch redone (after a worker died) rewrites the same files.
A batch writes one part per table (events and leads into ``unsplit``: one small part per event year and batch
cost more than the analysis saved); at the end of a run the run's parts are compacted into one part per table
and, for events and leads, per year (``Store.compact``), which is what lets a date window read only its years.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from chrono.archive.schema import OTHER_YEARS, SCHEMA_VERSION, TABLES, UNDATED, YEAR_FOLDERS
from chrono.errors import ChronoInputError

MARKER = "chrono-store.json"
DATA_TABLES = ("documents", "expressions", "events", "leads", "errors")
PARTITIONED = ("events", "leads")  # by the year of the first day
UNSPLIT = "unsplit"  # the folder of a partitioned table's parts that compaction has not split by year yet
PART_PREFIX, PART_SUFFIX = "part-", ".parquet"
COMPACT_PREFIX = "c-"  # a batch made by compacting others
SUPERSEDES = b"chrono.supersedes"  # manifest metadata of a compacted batch: the batches it replaces
ROW_GROUP_BYTES = 64 * 2**20


class Store:
    """A store folder: created on first index, checked on every open."""

    def __init__(self, root: str | os.PathLike[str], *, create: bool = False) -> None:
        self.root = Path(root)
        marker = self.root / MARKER
        if marker.is_file():
            try:
                version = json.loads(marker.read_text(encoding="utf-8")).get("schema")
            except (OSError, ValueError, AttributeError):
                raise ChronoInputError(f"{self.root}: {MARKER} cannot be read; is this a chrono store?") from None
            if version != SCHEMA_VERSION:
                raise ChronoInputError(f"{self.root}: store schema {version}, this chrono reads {SCHEMA_VERSION}")
        elif create:
            if self.root.exists() and (not self.root.is_dir() or any(self.root.iterdir())):
                raise ChronoInputError(f"{self.root}: exists and is not a chrono store; give a new or empty folder")
            self.root.mkdir(parents=True, exist_ok=True)
            write_atomic_bytes(marker, json.dumps({"format": "chrono-store", "schema": SCHEMA_VERSION}).encode())
        else:
            raise ChronoInputError(f"{self.root}: not a chrono store (no {MARKER}); build one with chrono index")

    # -- what is committed -------------------------------------------------------------------------------
    def committed_batches(self) -> set[str]:
        """Batches whose manifest part exists, less those a committed compaction replaced."""
        manifests = list(_parts(self.root / "manifest"))
        superseded: set[str] = set()
        for path in manifests:
            if batch_of(path).startswith(COMPACT_PREFIX):
                metadata = pq.read_schema(path).metadata or {}
                superseded.update(json.loads(metadata.get(SUPERSEDES, b"[]")))
        return {batch_of(path) for path in manifests} - superseded

    def committed_parts(self, table: str, *, years: Iterable[str] | None = None) -> list[Path]:
        """The parts of ``table`` that belong to committed batches (for events and leads, only the ``years``
        given)."""
        committed = self.committed_batches()
        folder = self.root / table
        if table in PARTITIONED:  # unsplit parts may hold any year: always read
            wanted = None if years is None else {f"year={year}" for year in years} | {UNSPLIT}
            found = [path for sub in sorted(folder.iterdir()) if sub.is_dir() and (wanted is None or sub.name in wanted)
                     for path in _parts(sub)] if folder.is_dir() else []
        else:
            found = list(_parts(folder))
        return [path for path in found if batch_of(path) in committed]

    def event_years(self, table: str = "events") -> list[str]:
        folder = self.root / table
        return sorted(sub.name.removeprefix("year=") for sub in folder.iterdir()
                      if sub.is_dir() and sub.name.startswith("year=")) if folder.is_dir() else []

    def done_hashes(self) -> Iterator[str]:
        """Content hashes already stored (or recorded as failed) by committed batches, a part at a time."""
        return _iter_column(self.committed_parts("manifest"), "hash")

    def error_keys(self) -> Iterator[str]:
        return _iter_column(self.committed_parts("errors"), "key")

    def remove_uncommitted(self) -> int:
        """Delete temporary files and the parts of batches that never committed; the number removed.

        Only an index run calls this, before it starts: a second writer on the same store is not supported.
        """
        committed = self.committed_batches()
        removed = 0
        for path in self.root.rglob("*"):
            if not path.is_file() or path.name == MARKER:
                continue
            if path.name.endswith(".tmp") or (path.name.startswith(PART_PREFIX) and batch_of(path) not in committed):
                path.unlink(missing_ok=True)
                removed += 1
        return removed

    # -- writing a batch -------------------------------------------------------------------------------------
    def write_batch(self, batch: str, rows: dict[str, list[dict[str, Any]]]) -> None:
        """Write a batch's rows (table name -> rows), then its manifest part, which commits it."""
        for table in DATA_TABLES:
            table_rows = rows.get(table, [])
            if table_rows:
                folder = self.root / table / UNSPLIT if table in PARTITIONED else self.root / table
                self._write_part(folder, batch, table, table_rows)
        self._write_part(self.root / "manifest", batch, "manifest", rows.get("manifest", []))

    def _write_part(self, folder: Path, batch: str, table: str, rows: list[dict[str, Any]]) -> None:
        with _atomic_part(folder, batch) as temporary:
            pq.write_table(pa.Table.from_pylist(rows, schema=TABLES[table]), temporary, compression="zstd")

    # -- compaction ------------------------------------------------------------------------------------------
    def compact(self, run: JobRunner | None = None) -> int:
        """Merge the parts of all committed batches not yet compacted into one part per table, and for events and
        leads one per year; the number of batches merged. Crash-safe: the new parts count only once the new
        manifest part (which names the batches it replaces) exists; the replaced parts are deleted after it, or by
        the next index run. ``run`` carries out the jobs (one per table, largest first): by default threads
        here; an index run on a cluster hands them to its workers."""
        small = sorted(batch for batch in self.committed_batches() if not batch.startswith(COMPACT_PREFIX))
        merged = set(small)
        unsplit = [path for table in PARTITIONED for path in _parts(self.root / table / UNSPLIT)
                   if batch_of(path) in merged]
        if len(small) < 2 and not unsplit:
            self._remove_empty_unsplit()
            return 0
        batch = COMPACT_PREFIX + batch_name(small)
        jobs: list[CompactionJob] = []
        for folder in (self.root / "documents", self.root / "expressions", self.root / "errors"):
            parts = [path for path in _parts(folder) if batch_of(path) in merged]
            if parts:
                jobs.append(CompactionJob(_concatenate_part, parts, folder, batch))
        for table in PARTITIONED:
            folder = self.root / table
            parts = [path for sub in sorted(folder.iterdir()) if sub.is_dir()
                     for path in _parts(sub) if batch_of(path) in merged] if folder.is_dir() else []
            if parts:
                jobs.append(CompactionJob(_split_by_year, parts, folder, batch))
        jobs.sort(key=CompactionJob.size, reverse=True)  # the longest first: the last to end ends soonest
        (run or run_in_threads)(jobs)
        replaced = [path for job in jobs for path in job.parts]
        manifests = [path for path in _parts(self.root / "manifest") if batch_of(path) in merged]
        with _atomic_part(self.root / "manifest", batch) as temporary:
            _concatenate(manifests, temporary, metadata={SUPERSEDES: json.dumps(small).encode()})
        for path in replaced + manifests:
            path.unlink(missing_ok=True)
        self._remove_empty_unsplit()
        return len(small)

    def _remove_empty_unsplit(self) -> None:
        for table in PARTITIONED:
            try:
                (self.root / table / UNSPLIT).rmdir()
            except OSError:  # absent, or still holding parts
                pass


@dataclass(frozen=True, slots=True)
class CompactionJob:
    """Copy ``parts`` into the part of ``batch`` under ``folder`` (by year for events and leads). Runs anywhere
    the store's path is seen, any number of times: it writes the same file each time, and the parts it copies
    are deleted only after the compaction's manifest part is written."""

    copy: Callable[[list[Path], Path, str], None]
    parts: list[Path]
    folder: Path
    batch: str

    def __call__(self) -> None:
        self.copy(self.parts, self.folder, self.batch)

    def size(self) -> int:
        return sum(path.stat().st_size for path in self.parts)


JobRunner = Callable[[list[CompactionJob]], None]


def run_in_threads(jobs: list[CompactionJob]) -> None:
    """The tables are independent and pyarrow reads, compresses and writes mostly without the GIL: a thread
    each, up to the cores."""
    with ThreadPoolExecutor(max_workers=max(1, min(len(jobs), os.cpu_count() or 1))) as pool:
        for done in [pool.submit(job) for job in jobs]:
            done.result()


def batch_of(path: Path) -> str:
    return path.name.removeprefix(PART_PREFIX).removesuffix(PART_SUFFIX)


def _parts(folder: Path) -> Iterator[Path]:
    if folder.is_dir():
        yield from sorted(path for path in folder.iterdir()
                          if path.name.startswith(PART_PREFIX) and path.name.endswith(PART_SUFFIX))


def _iter_column(paths: list[Path], column: str) -> Iterator[Any]:
    for path in paths:
        yield from pq.read_table(path, columns=[column]).column(column).to_pylist()


@contextmanager
def _atomic_part(folder: Path, batch: str) -> Iterator[Path]:
    """A temporary path to write a part to; renamed to the batch's part name when the block completes."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{PART_PREFIX}{batch}{PART_SUFFIX}"
    temporary = folder / f".{target.name}.{uuid.uuid4().hex}.tmp"  # unique: a redone batch may run twice
    try:
        yield temporary
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def _concatenate(parts: list[Path], target: Path, metadata: dict[bytes, bytes] | None = None) -> None:
    """Copy parts into one file, one part in memory at a time, in row groups of about ROW_GROUP_BYTES."""
    schema = pq.read_schema(parts[0]).with_metadata(metadata or {})
    with pq.ParquetWriter(target, schema, compression="zstd") as writer:
        pending: list[pa.Table] = []
        size = 0
        for path in parts:
            table = pq.ParquetFile(path).read().replace_schema_metadata(metadata or {})
            pending.append(table)
            size += table.nbytes
            if size >= ROW_GROUP_BYTES:
                writer.write_table(pa.concat_tables(pending), row_group_size=1 << 30)
                pending, size = [], 0
        if pending:
            writer.write_table(pa.concat_tables(pending), row_group_size=1 << 30)


def _concatenate_part(parts: list[Path], folder: Path, batch: str) -> None:
    with _atomic_part(folder, batch) as temporary:
        _concatenate(parts, temporary)


def _year_folders(first_days: pa.ChunkedArray) -> list[str]:
    """Each row's year folder: the year of its first day (OTHER_YEARS outside YEAR_FOLDERS, UNDATED without)."""
    return [UNDATED if year is None else str(year) if year in YEAR_FOLDERS else OTHER_YEARS
            for year in pc.year(first_days).to_pylist()]


def _split_by_year(parts: list[Path], folder: Path, batch: str) -> None:
    """Copy the rows of ``parts`` (in their order) into one part per year folder under ``folder``, named after
    ``batch``; one part in memory at a time, plus rows waiting for their year's next row group (at most about
    ROW_GROUP_BYTES in all: the largest year's rows are written first when that is reached)."""
    with ExitStack() as stack:
        writers: dict[str, pq.ParquetWriter] = {}
        pending: dict[str, list[pa.Table]] = {}
        sizes: dict[str, int] = {}

        def flush(year: str) -> None:
            if year not in writers:
                temporary = stack.enter_context(_atomic_part(folder / f"year={year}", batch))
                writers[year] = stack.enter_context(pq.ParquetWriter(temporary, pending[year][0].schema,
                                                                     compression="zstd"))
            writers[year].write_table(pa.concat_tables(pending.pop(year)), row_group_size=1 << 30)
            sizes.pop(year)

        for path in parts:
            table = pq.ParquetFile(path).read().replace_schema_metadata({})
            for year, rows in _by_year(table):
                pending.setdefault(year, []).append(rows)
                sizes[year] = sizes.get(year, 0) + rows.nbytes
            while sizes and sum(sizes.values()) >= ROW_GROUP_BYTES:
                flush(max(sizes, key=sizes.__getitem__))
        for year in sorted(pending):
            flush(year)


def _by_year(table: pa.Table) -> Iterator[tuple[str, pa.Table]]:
    """The table's rows by year folder, in year order, each year's rows in their order: one stable sort and
    zero-copy slices (a filter per year cost a pass over the table for each of a part's many years)."""
    years = _year_folders(table.column("first_day"))
    order = sorted(range(len(years)), key=years.__getitem__)  # stable: a year's rows keep their order
    ordered = table.take(pa.array(order, pa.int64()))
    start = 0
    for position in range(1, len(order) + 1):
        if position == len(order) or years[order[position]] != years[order[start]]:
            yield years[order[start]], ordered.slice(start, position - start)
            start = position


def batch_name(keys: Iterable[str]) -> str:
    """A batch is named by what it holds (its documents' hashes, its error keys, the batches it compacts), so
    a batch redone after a worker died writes the same files."""
    digest = hashlib.blake2b(digest_size=12)
    for key in keys:
        digest.update(key.encode())
    return digest.hexdigest()


def write_atomic_bytes(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
