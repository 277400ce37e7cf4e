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

from chrono.archive.schema import (
    OTHER_YEARS,
    TABLES,
    UNDATED,
    YEAR_FOLDERS,
    document_from_row,
    events_from_table,
    expression_from_row,
)
from chrono.archive.store import Store
from chrono.calendar.intervals import days_after
from chrono.errors import ChronoInputError
from chrono.lang import Language
from chrono.model import KeyDate, Timeline
from chrono.order.key_dates import (
    LEAD_DAYS,
    day_scores,
    describe_days,
    select_key_dates,
    top_days,
    written_out,
)
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
    """A DuckDB connection with one view per table over the committed parts (events and leads: of ``years``
    only)."""
    import duckdb
    import pyarrow as pa

    connection = duckdb.connect(":memory:", config=_DUCKDB_CONFIG)
    try:
        for table, schema in TABLES.items():
            parts = store.committed_parts(table, years=years)
            if parts:
                files = ", ".join(_sql_string(str(path.resolve())) for path in parts)
                connection.execute(f"CREATE VIEW {table} AS SELECT * FROM "
                                   f"read_parquet([{files}], hive_partitioning = false)")
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
    years = set(store.event_years("events")) | set(store.event_years("leads"))
    wanted = [year for year in years if year not in (UNDATED, OTHER_YEARS) and low <= int(year) <= high]
    if low < YEAR_FOLDERS.start or high >= YEAR_FOLDERS.stop:
        wanted.append(OTHER_YEARS)
    return sorted(wanted)


def query_timeline(store_root: str | Path, selection: Selection = Selection(), *, sort: str = "chronological",
                   key_dates: int | None = None, per_date: int = 1) -> Timeline:
    """The timeline of the selected events, as `chrono build` makes it from the same documents: merged and
    ordered, or (``key_dates=N``) the N most salient days with up to ``per_date`` sentences each.

    The collection is the documents that pass --outlet/--source (with --match, those with a matching event): it
    gives the publication dates key dates weigh and the ids shown. The timeline lists the whole collection when
    no event filter is given (as `chrono build` does), else the documents its events cite (of a key-dates
    timeline, those its sentences come from and their sources; it counts the articles dating a day in the window
    as those it was drawn from: ``Timeline.drawn_from``). A key-dates timeline holds the expressions of the
    documents whose sentences it shows, as `chrono build`'s does.

    Key dates rank the days from aggregates (one row per day, document and phrase) and turn into events only the
    rows of the days chosen: the ranking is chrono.order.key_dates' own, fed by rows rather than events.
    """
    import pyarrow as pa

    store = Store(store_root)
    start, end = selection.window()
    with connect(store, years=_years(store, start, (days_after(end, 1) or end) if end else None)) as connection:
        document_filter, document_params = _document_filter(selection)
        event_filter, event_params = _event_filter(selection, start, end)
        params = document_params + event_params
        # the selected events, as a FROM clause each query completes: each reads only the columns it needs
        chosen = (f"FROM events e JOIN documents d ON e.doc_hash = d.hash WHERE {document_filter} "
                  f"AND {event_filter}")
        matching = f" AND d.hash IN (SELECT e.doc_hash {chosen})" if selection.words() else ""
        connection.execute("CREATE TEMP TABLE collection AS SELECT hash, id, source, record, published, language "
                           f"FROM documents d WHERE {document_filter}{matching}",
                           document_params + (params if matching else []))
        collection = _columns(connection, "SELECT hash, id, published, language FROM collection "
                              "ORDER BY source, record")
        if not collection["hash"]:
            return Timeline(documents=(), events=())
        names = _document_ids(collection["id"], collection["hash"])
        hashes = {name: digest for digest, name in names.items()}
        published = dict(zip(collection["hash"], collection["published"], strict=True))
        language = Language.load(collection["language"][0])
        days: tuple[KeyDate, ...] = ()
        drawn_from = None
        if key_dates is not None:
            days, drawn_from = _key_dates(connection, chosen, params, names, published, count=key_dates,
                                          per_date=per_date, window=(start, end), language=language)
            events = order_events([event for day in days for event in day.events], sort)
            cited = {name for event in events for name in (event.document, *event.sources)}
        else:
            rows = _arrow(connection, f"SELECT e.* {chosen} ORDER BY d.source, d.record, e.position", params)
            events = events_from_table(rows, names)
            if len(names) > 1:
                events = merge_events(events, published=_named(published, names), language=language)
            events = select_events(order_events(events, sort), date_from=start, date_to=end)
            cited = {name for event in events for name in (event.document, *event.sources)}
        wanted = collection["hash"] if not selection.filters_events else \
            [hashes[name] for name in cited | {event.document for event in events}]
        connection.register("wanted", pa.table({"hash": pa.array(wanted, pa.string())}))
        document_rows = _rows(connection, "SELECT d.* FROM documents d JOIN wanted w ON d.hash = w.hash "
                              "ORDER BY d.source, d.record")
        # the expressions of those documents; of a key-dates timeline, those of the documents it quotes (as build's)
        quoted = wanted if key_dates is None else list(dict.fromkeys(hashes[event.document] for event in events))
        connection.register("quoted", pa.table({"hash": pa.array(quoted, pa.string())}))
        expression_rows = _rows(connection, "SELECT x.* FROM expressions x JOIN documents d ON x.doc_hash = d.hash "
                                "JOIN quoted q ON d.hash = q.hash ORDER BY d.source, d.record, x.position")
    documents = tuple(document_from_row(row, names[row["hash"]]) for row in document_rows)
    expressions = tuple(expression_from_row(row, names[row["doc_hash"]]) for row in expression_rows)
    return Timeline(documents=documents, events=tuple(events), expressions=expressions, language=language,
                    key_dates=days if sort != "reverse" else days[::-1],
                    drawn_from=drawn_from if selection.filters_events else None)


# An event dated on one day, as chrono.order.key_dates reads it (_day_of): one day, no mod but APPROX.
_ONE_DAY = "e.value_start IS NOT NULL AND e.value_end = e.value_start AND (e.mod IS NULL OR e.mod = 'APPROX')"


def _key_dates(connection: Any, selected: str, params: list[Any], names: dict[str, str],
               published: dict[str, dt.date | None], *, count: int, per_date: int,
               window: tuple[dt.date | None, dt.date | None], language: Language) -> tuple[tuple[KeyDate, ...], int]:
    """Days ranked from their citations (day, document, phrase: DuckDB's distinct rows, not events), then only
    the chosen days' events and leads read as events and described; and how many articles date a day (in the
    window): those the days were chosen from."""
    if count < 1 or per_date < 1:  # as select_key_dates says it
        select_key_dates((), {}, count=count, per_date=per_date)
    start, end = window
    bounds = ("" if start is None else " AND e.value_start >= ?") + ("" if end is None else " AND e.value_start <= ?")
    limits = [bound for bound in (start, end) if bound is not None]
    cited = _columns(connection, f"SELECT DISTINCT e.value_start, e.doc_hash, e.phrase {selected} AND {_ONE_DAY}"
                     f"{bounds}", params + limits)
    if not cited["doc_hash"]:
        return (), 0
    written = {phrase: written_out(phrase) for phrase in set(cited["phrase"])}
    scores = day_scores(zip(cited["value_start"], cited["doc_hash"], map(written.__getitem__, cited["phrase"]),
                            strict=True), published)
    chosen = top_days(scores, count)
    connection.register("chosen_days", _day_table(chosen))
    rows = _arrow(connection, f"SELECT e.* {selected} AND e.value_start IN (SELECT day FROM chosen_days) "
                  "ORDER BY d.source, d.record, e.position", params)
    events = events_from_table(rows, names)
    lead_days = _day_table(sorted({after for day in chosen for offset in LEAD_DAYS
                                   if (after := days_after(day, offset)) is not None}))
    connection.register("lead_days", lead_days)
    lead_rows = _arrow(connection, "SELECT l.* FROM leads l JOIN collection c ON l.doc_hash = c.hash "
                       "WHERE l.value_start IN (SELECT day FROM lead_days) ORDER BY c.source, c.record, l.position")
    leads = events_from_table(lead_rows, names)
    involved = {*rows.column("doc_hash").to_pylist(), *lead_rows.column("doc_hash").to_pylist()}
    days = describe_days({day: scores[day] for day in chosen}, events,
                         {names[digest]: published[digest] for digest in involved}, per_date=per_date,
                         language=language, leads=leads)
    return days, len(set(cited["doc_hash"]))


def _day_table(days: list[dt.date]) -> Any:
    import pyarrow as pa

    return pa.table({"day": pa.array(days, pa.date32())})


def _named(published: dict[str, dt.date | None], names: dict[str, str]) -> dict[str, dt.date | None]:
    return {names[digest]: day for digest, day in published.items()}


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


def _arrow(connection: Any, sql: str, params: list[Any] | None = None) -> Any:
    relation = connection.sql(sql, params=params or None)
    to_arrow = getattr(relation, "to_arrow_table", None) or relation.arrow  # the name before DuckDB 1.4
    return to_arrow()


def _rows(connection: Any, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    return list(_arrow(connection, sql, params).to_pylist())


def _columns(connection: Any, sql: str, params: list[Any] | None = None) -> dict[str, list[Any]]:
    """The result as Python lists by column: far cheaper than a dict per row."""
    table = _arrow(connection, sql, params)
    return {name: table.column(name).to_pylist() for name in table.column_names}


def _document_ids(ids: list[str], hashes: list[str]) -> dict[str, str]:
    """Content hash -> the id the timeline shows: the stored id, with -2, -3 ... for repeats in document order
    (as `chrono build` renames repeated ids among its inputs)."""
    taken = set(ids)
    seen: set[str] = set()
    tried: dict[str, int] = {}  # an id's last number: the numbers below it are taken, so the next search starts there
    names: dict[str, str] = {}
    for name, digest in zip(ids, hashes, strict=True):
        if name in seen:
            number = tried.get(name, 1) + 1
            while f"{name}-{number}" in taken:
                number += 1
            tried[name] = number
            name = f"{name}-{number}"
            taken.add(name)
        seen.add(name)
        names[digest] = name
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
