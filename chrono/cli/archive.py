"""`chrono index` and `chrono query`: the archive commands (optional extra chrono-timelines[archive])."""

from __future__ import annotations

import dataclasses
import json
import sys
import time
from pathlib import Path
from typing import Any

import typer

from chrono.cli.app import app
from chrono.cli.common import EXIT_USAGE, guarded, locale_option, write_output


@app.command(
    epilog="Examples:\n\n  chrono index news/ --store archive/\n\n"
    "  chrono index crawl.parquet --text-column content --date-column day --store archive/ --workers 8\n\n"
    "  chrono index /shared/news/ --store /shared/archive/ --scheduler tcp://head:8786",
)
def index(
    inputs: list[str] = typer.Argument(..., metavar="INPUT...",
                                       help="Folders, .txt .json .jsonl .jsonl.gz .md .html files, Parquet files."),
    store: Path = typer.Option(..., "--store", help="The store folder (created on first use)."),
    workers: int | None = typer.Option(None, "--workers", min=1,
                                       help="Worker processes on this machine (default: all cores); 1 runs here."),
    scheduler: str | None = typer.Option(None, "--scheduler", help="An existing Dask scheduler, tcp://HOST:8786."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary line."),
    batch_size: int | None = typer.Option(None, "--batch-size", min=1,
                                          help="Documents sent to a worker at a time (default 256)."),
    domain: str = typer.Option("news", "--domain", help="news (anchor on the publication date) or narrative."),
    text_column: str | None = typer.Option(None, "--text-column", help="Record field with the text (text/body)."),
    date_column: str | None = typer.Option(None, "--date-column", help="Record field with the publication date."),
    id_column: str | None = typer.Option(None, "--id-column", help="Record field with the document id."),
    title_column: str | None = typer.Option(None, "--title-column", help="Record field with the title."),
    url_column: str | None = typer.Option(None, "--url-column", help="Record field with the URL."),
    outlet_column: str | None = typer.Option(None, "--outlet-column", help="Record field with the outlet."),
    locale: str | None = locale_option(),
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of an internal error."),
) -> None:
    """Analyse articles once into a Parquet store: resumable, incremental, on a Dask cluster."""

    def run() -> None:
        from chrono.archive import INDEX_PACKAGES, require
        from chrono.errors import ChronoInputError
        from chrono.model import Domain
        from chrono.resolve.numeric_dates import check_locale

        require(INDEX_PACKAGES)
        from chrono.archive.index import DEFAULT_BATCH, Settings
        from chrono.archive.index import index as run_index
        from chrono.archive.sources import Columns

        Domain.of(domain)
        if workers is not None and scheduler:
            raise ChronoInputError("--workers starts a cluster here; with --scheduler the cluster has its own")
        columns = Columns(text=text_column, published=date_column, id=id_column, title=title_column, url=url_column,
                          outlet=outlet_column)
        run_locale = check_locale(locale) if locale is not None else None
        settings = Settings(domain=domain, batch_size=batch_size or DEFAULT_BATCH, columns=columns,
                            locale=run_locale)
        display = _Progress(enabled=not quiet and sys.stderr.isatty())
        with display:
            report = run_index(inputs, str(store), workers=workers, scheduler=scheduler, settings=settings,
                               listener=display.update)
        if not quiet:
            typer.echo(
                f"chrono index: {report.documents:,} documents stored ({report.skipped:,} already there), "
                f"{report.events:,} events, {report.failed:,} errors, {report.seconds:.1f} s "
                f"({report.documents / max(report.seconds, 1e-9):,.1f} documents/s, {report.workers} workers) "
                f"-> {store}", err=True)
        if report.failed:
            raise typer.Exit(EXIT_USAGE)  # the rest is stored; the errors table says which failed and why

    guarded(run, debug=debug)


class _Progress:
    """A rich progress bar on a terminal: documents, documents/s, events, errors, time left (from bytes read)."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        self.bar: Any = None
        self.task: Any = None

    def __enter__(self) -> _Progress:
        if self.enabled:
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("{task.fields[docs]:>9,} docs"), TextColumn("{task.fields[rate]:>7.1f}/s"),
                                TextColumn("{task.fields[events]:>10,} events"),
                                TextColumn("{task.fields[errors]:>6,} errors"), BarColumn(), TimeElapsedColumn(),
                                TextColumn("left"), TimeRemainingColumn(), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("index", total=None, docs=0, rate=0.0, events=0, errors=0)
        return self

    def update(self, report: Any) -> None:
        if self.bar is None:
            return
        elapsed = max(time.monotonic() - report.started, 1e-9)
        self.bar.update(self.task, total=report.bytes_total or None, completed=report.bytes_read,
                        docs=report.documents, rate=report.documents / elapsed, events=report.events,
                        errors=report.failed)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


@app.command(
    epilog="Examples:\n\n  chrono query archive/ --match 'oil spill' --from 2010-04 --to 2010-09 -f html -o a.html\n\n"
    "  chrono query archive/ --outlet BBC --from 2011 --to 2011 --key-dates 20 --per-date 2 -f json\n\n"
    "  chrono query archive/ --sql \"SELECT outlet, count(*) FROM documents GROUP BY outlet\"",
)
def query(
    store: Path = typer.Argument(..., metavar="STORE", help="A store made by chrono index."),
    match: str | None = typer.Option(None, "--match", help="Words that must all be in the sentence or headline."),
    date_from: str | None = typer.Option(None, "--from", help="Keep events from this date on: YYYY[-MM[-DD]]."),
    date_to: str | None = typer.Option(None, "--to", help="Keep events up to this date: YYYY[-MM[-DD]]."),
    outlet: list[str] = typer.Option([], "--outlet", help="Only documents of this outlet (repeatable)."),
    source: list[str] = typer.Option([], "--source", help="Only documents read from this file or folder (repeatable)."),
    key_dates: int | None = typer.Option(None, "--key-dates", metavar="N", min=1,
                                         help="Only the N most important dates of the selection (as chrono build)."),
    per_date: int = typer.Option(1, "--per-date", metavar="K", min=1, help="With --key-dates: up to K sentences."),
    fmt: str = typer.Option("md", "--format", "-f", help="Output format, as for chrono build (md, html, json, ...)."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here (atomically), not to stdout."),
    sort: str = typer.Option("chronological", "--sort", help="Event order: chronological, reverse, document."),
    group_by: str = typer.Option("year", "--group-by", help="Headings, as for chrono build."),
    template: str | None = typer.Option(None, "--template", help="A Jinja template file or built-in name."),
    sql: str | None = typer.Option(None, "--sql", help="Run one read-only SELECT over the store's tables instead "
                                   "(documents, expressions, events, errors, manifest); -f json for JSON."),
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of an internal error."),
) -> None:
    """Select events from a store (DuckDB) and render them as chrono build does."""

    def run() -> None:
        from chrono.archive import QUERY_PACKAGES, require
        from chrono.errors import ChronoInputError

        require(QUERY_PACKAGES)
        from chrono.archive.query import Selection, query_timeline, run_sql
        from chrono.order.sort import SORTS
        from chrono.render import FORMATS, render
        from chrono.render.grouping import GROUPINGS

        if sql is not None:
            write_output(_sql_text(*run_sql(store, sql), as_json=fmt == "json"), output)
            return
        if fmt not in FORMATS:
            raise ChronoInputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        if sort not in SORTS:
            raise ChronoInputError(f"unknown sort {sort!r}; choose one of {', '.join(SORTS)}")
        if group_by not in GROUPINGS:
            raise ChronoInputError(f"unknown grouping {group_by!r}; choose one of {', '.join(GROUPINGS)}")
        selection = Selection(match=match, date_from=date_from, date_to=date_to, outlets=tuple(outlet),
                              sources=tuple(source))
        timeline = query_timeline(store, selection, sort=sort, key_dates=key_dates, per_date=per_date)
        if not timeline.documents:
            raise ChronoInputError(f"{store}: no stored document matches the query")
        timeline = dataclasses.replace(timeline, meta={**timeline.meta, "group_by": group_by})
        write_output(render(timeline, fmt, template=template), output)

    guarded(run, debug=debug)


def _sql_text(columns: list[str], rows: list[tuple[Any, ...]], *, as_json: bool) -> str:
    """Rows as tab-separated text with a header line, or as a JSON list of objects."""
    if as_json:
        return json.dumps([dict(zip(columns, row, strict=True)) for row in rows], ensure_ascii=False, default=str,
                          indent=1)
    def cell(value: Any) -> str:
        return "" if value is None else str(value).replace("\t", " ").replace("\n", " ")

    return "\n".join("\t".join(cell(value) for value in line) for line in [tuple(columns), *rows])
