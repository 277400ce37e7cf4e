"""`chrono query`: DuckDB over the store selects events, then chrono's own order and merge stages make the timeline.

Only committed parts are read, and for a date window only the event years that overlap it. The timeline holds
the selected events (merged across documents and ordered as `chrono build` does), the documents they come from
(all documents that pass --outlet/--source when no event filter is given) and those documents' expressions.
DuckDB runs with extension auto-install and auto-load off: a query never reaches the network.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chrono.archive.schema import TABLES, UNDATED, document_from_row, event_from_row, expression_from_row
from chrono.archive.store import Store
from chrono.errors import ChronoInputError
from chrono.lang import Language
from chrono.model import Timeline
from chrono.order.merge import merge_events
from chrono.order.select import parse_bound, select_events
from chrono.order.sort import order_events

_DUCKDB_CONFIG: dict[str, str | bool | int | float | list[str]] = {
    "autoinstall_known_extensions": False, "autoload_known_extensions": False}
_WORD = re.compile(r"\w+(?:['’]\w+)*")


@dataclass(frozen=True)
class Selection:
    """What to take from the store: words all found in an event's sentence or headline (case ignored), a date
    window its interval overlaps (bounds as `chrono build --from/--to` reads them), outlets, sources (a file
    or a folder of files as they were given to `chrono index`)."""

    match: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    outlets: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    @property
    def filters_events(self) -> bool:
        return bool(self.words() or self.date_from or self.date_to)

    def words(self) -> list[str]:
        return _WORD.findall(self.match or "")

    def window(self) -> tuple[dt.date | None, dt.date | None]:
        start = parse_bound(self.date_from, "--from", last=False) if self.date_from else None
        end = parse_bound(self.date_to, "--to", last=True) if self.date_to else None
        if start and end and start > end:
            raise ChronoInputError(f"--from {start.isoformat()} is after --to {end.isoformat()}: the range is empty")
        return start, end


@contextmanager
def connect(store: Store, *, years: list[str] | None = None) -> Iterator[Any]:
    """A DuckDB connection with one view per table over the committed parts (events: of ``years`` only)."""
    import duckdb
    import pyarrow as pa

    connection = duckdb.connect(":memory:", config=_DUCKDB_CONFIG)
    try:
        for table, schema in TABLES.items():
            parts = store.committed_parts(table, years=years if table == "events" else None)
            if parts:
                files = ", ".join(_sql_string(str(path.resolve())) for path in parts)
                connection.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet([{files}])")
            else:
                connection.register(table, pa.Table.from_pylist([], schema=schema))
        yield connection
    finally:
        connection.close()


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _years(store: Store, start: dt.date | None, end: dt.date | None) -> list[str] | None:
    """The event partitions a window needs (None: all of them)."""
    if start is None and end is None:
        return None
    low, high = start.year if start else -(10**9), end.year if end else 10**9
    return [year for year in store.event_years() if year != UNDATED and low <= int(year) <= high]


def query_timeline(store_root: str | Path, selection: Selection = Selection(), *, sort: str = "chronological",
                   language: str = "en") -> Timeline:
    """The timeline of the selected events, as `chrono build` makes it from the same documents."""
    store = Store(store_root)
    start, end = selection.window()
    with connect(store, years=_years(store, start, end)) as connection:
        document_filter, document_params = _document_filter(selection)
        event_filter, event_params = _event_filter(selection, start, end)
        connection.execute(
            f"CREATE TEMP TABLE chosen AS SELECT e.*, d.source AS d_source, d.record AS d_record "
            f"FROM events e JOIN documents d ON e.doc_hash = d.hash WHERE {document_filter} AND {event_filter}",
            document_params + event_params)
        if selection.filters_events:
            documents_sql = "SELECT * FROM documents WHERE hash IN (SELECT doc_hash FROM chosen)"
            params: list[Any] = []
        else:
            documents_sql, params = f"SELECT * FROM documents d WHERE {document_filter}", document_params
        document_rows = _rows(connection, f"{documents_sql} ORDER BY source, record", params)
        connection.execute("CREATE TEMP TABLE kept AS SELECT hash FROM (" + documents_sql + ")", params)
        event_rows = _rows(connection, "SELECT * FROM chosen ORDER BY d_source, d_record, position")
        expression_rows = _rows(connection, "SELECT x.* FROM expressions x JOIN documents d ON x.doc_hash = d.hash "
                                "WHERE x.doc_hash IN (SELECT hash FROM kept) ORDER BY d.source, d.record, x.position")
    names = _document_ids(document_rows)
    documents = tuple(document_from_row(row, names[row["hash"]]) for row in document_rows)
    events = [event_from_row(row, names[row["doc_hash"]]) for row in event_rows]
    expressions = tuple(expression_from_row(row, names[row["doc_hash"]]) for row in expression_rows)
    if len(documents) > 1:
        events = merge_events(events, published={document.id: document.published for document in documents},
                              language=Language.load(language))
    events = select_events(order_events(events, sort), date_from=start, date_to=end)
    return Timeline(documents=documents, events=tuple(events), expressions=expressions)


def _document_filter(selection: Selection) -> tuple[str, list[Any]]:
    clauses: list[str] = ["TRUE"]
    params: list[Any] = []
    if selection.outlets:
        clauses.append(f"d.outlet IN ({', '.join('?' for _ in selection.outlets)})")
        params.extend(selection.outlets)
    if selection.sources:
        clauses.append("(" + " OR ".join("(d.source = ? OR starts_with(d.source, ?))" for _ in selection.sources)
                       + ")")
        for source in selection.sources:
            params.extend([source, source.rstrip("/") + "/"])
    return " AND ".join(clauses), params


def _event_filter(selection: Selection, start: dt.date | None, end: dt.date | None) -> tuple[str, list[Any]]:
    clauses: list[str] = ["TRUE"]
    params: list[Any] = []
    if start is not None:
        clauses.append("e.last_day >= ?")
        params.append(start)
    if end is not None:
        clauses.append("e.first_day <= ?")
        params.append(end)
    for word in selection.words():
        clauses.append("regexp_matches(e.sentence || ' ' || e.headline, ?)")
        params.append(r"(?i)\b" + re.escape(word) + r"\b")
    return " AND ".join(clauses), params


def _rows(connection: Any, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    relation = connection.sql(sql, params=params or None)
    to_arrow = getattr(relation, "to_arrow_table", None) or relation.arrow  # the name before DuckDB 1.4
    return to_arrow().to_pylist()


def _document_ids(rows: list[dict[str, Any]]) -> dict[str, str]:
    """Content hash -> the id the timeline shows: the stored id, with -2, -3 ... for repeats in document order
    (as `chrono build` renames repeated ids among its inputs)."""
    taken = {row["id"] for row in rows}
    seen: set[str] = set()
    names: dict[str, str] = {}
    for row in rows:
        name = row["id"]
        if name in seen:
            number = 2
            while f"{name}-{number}" in taken:
                number += 1
            name = f"{name}-{number}"
            taken.add(name)
        seen.add(name)
        names[row["hash"]] = name
    return names


def run_sql(store_root: str | Path, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """An analyst's read-only SELECT over the store's views (documents, expressions, events, errors, manifest).

    Only SELECT statements run, and DuckDB may touch no file outside the store.
    """
    import duckdb

    store = Store(store_root)
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise ChronoInputError(f"--sql: {str(exc).splitlines()[0]}") from None
    if len(statements) != 1 or statements[0].type != duckdb.StatementType.SELECT:
        raise ChronoInputError("--sql takes one read-only SELECT statement")
    with connect(store) as connection:
        connection.execute(f"SET allowed_directories=[{_sql_string(str(store.root.resolve()) + '/')}]")
        connection.execute("SET enable_external_access=false")
        connection.execute("SET lock_configuration=true")
        try:
            result = connection.execute(sql)
            columns = [column[0] for column in result.description or []]
            return columns, result.fetchall()
        except duckdb.Error as exc:
            raise ChronoInputError(f"--sql: {str(exc).splitlines()[0]}") from None
