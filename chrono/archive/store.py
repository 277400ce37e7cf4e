"""The Parquet store on disk: committed batches, atomic parts, and the files a query may read.

Layout (every part named after the batch that wrote it)::

    STORE/chrono-store.json                        what this folder is, and the schema version
    STORE/documents/part-BATCH.parquet
    STORE/expressions/part-BATCH.parquet
    STORE/events/year=YYYY/part-BATCH.parquet      partitioned by the year of the event's first day
    STORE/errors/part-BATCH.parquet
    STORE/manifest/part-BATCH.parquet              written last: the batch's commit

Each part is written to a temporary name and renamed when complete. A batch counts only once its manifest part
exists, so the parts of a batch cut short by a crash are never read, and are removed by the next index run.
A batch's name is derived from its content, so a batch redone (after a worker died) rewrites the same files.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from chrono.archive.schema import SCHEMA_VERSION, TABLES, event_year
from chrono.errors import ChronoInputError

MARKER = "chrono-store.json"
DATA_TABLES = ("documents", "expressions", "events", "errors")
PART_PREFIX, PART_SUFFIX = "part-", ".parquet"


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
        return {batch_of(path) for path in _parts(self.root / "manifest")}

    def committed_parts(self, table: str, *, years: Iterable[str] | None = None) -> list[Path]:
        """The parts of ``table`` that belong to committed batches (for events, only the ``years`` given)."""
        committed = self.committed_batches()
        folder = self.root / table
        if table == "events":
            wanted = None if years is None else {f"year={year}" for year in years}
            found = [path for sub in sorted(folder.iterdir()) if sub.is_dir() and (wanted is None or sub.name in wanted)
                     for path in _parts(sub)] if folder.is_dir() else []
        else:
            found = list(_parts(folder))
        return [path for path in found if batch_of(path) in committed]

    def event_years(self) -> list[str]:
        folder = self.root / "events"
        return sorted(sub.name.removeprefix("year=") for sub in folder.iterdir()
                      if sub.is_dir() and sub.name.startswith("year=")) if folder.is_dir() else []

    def done_hashes(self) -> set[str]:
        """Content hashes already stored (or recorded as failed) by committed batches."""
        return set(_read_column(self.committed_parts("manifest"), "hash"))

    def error_keys(self) -> set[str]:
        return set(_read_column(self.committed_parts("errors"), "key"))

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
            if not table_rows:
                continue
            if table == "events":
                by_year: dict[str, list[dict[str, Any]]] = {}
                for row in table_rows:
                    by_year.setdefault(event_year(row), []).append(row)
                for year, year_rows in by_year.items():
                    self._write_part(self.root / "events" / f"year={year}", batch, "events", year_rows)
            else:
                self._write_part(self.root / table, batch, table, table_rows)
        self._write_part(self.root / "manifest", batch, "manifest", rows.get("manifest", []))

    def _write_part(self, folder: Path, batch: str, table: str, rows: list[dict[str, Any]]) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{PART_PREFIX}{batch}{PART_SUFFIX}"
        temporary = folder / f".{target.name}.{uuid.uuid4().hex}.tmp"  # unique: a redone batch may run twice
        try:
            pq.write_table(pa.Table.from_pylist(rows, schema=TABLES[table]), temporary, compression="zstd")
            os.replace(temporary, target)
        finally:
            temporary.unlink(missing_ok=True)


def batch_of(path: Path) -> str:
    return path.name.removeprefix(PART_PREFIX).removesuffix(PART_SUFFIX)


def _parts(folder: Path) -> Iterator[Path]:
    if folder.is_dir():
        yield from sorted(path for path in folder.iterdir()
                          if path.name.startswith(PART_PREFIX) and path.name.endswith(PART_SUFFIX))


def _read_column(paths: list[Path], column: str) -> list[Any]:
    values: list[Any] = []
    for path in paths:
        values.extend(pq.read_table(path, columns=[column]).column(column).to_pylist())
    return values


def write_atomic_bytes(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
