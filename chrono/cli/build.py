"""`chrono build`: articles in, a rendered timeline out."""

from __future__ import annotations

import dataclasses
import traceback
from collections.abc import Iterator
from pathlib import Path

import typer

from chrono.cli.app import app
from chrono.cli.common import (
    EXIT_INTERNAL,
    EXIT_USAGE,
    analysis_options,
    guarded,
    language_option,
    locale_option,
    max_chars_option,
    refuse_overwriting_inputs,
    write_output,
)
from chrono.model import Document
from chrono.order.select import PRECISIONS, parse_bound, parse_granularity, select_events
from chrono.order.sort import SORTS
from chrono.pipeline import build_from_documents
from chrono.read import iter_documents
from chrono.read.published import publication_override
from chrono.render import FORMATS, render_pieces
from chrono.render.exporters.csv_export import RAW_CELLS
from chrono.render.grouping import GROUPINGS


@app.command(
    epilog="Examples:\n\n  chrono build article.txt --format md\n\n"
    "  chrono build story.txt --published 2023-03-02 --format html -o timeline.html\n\n"
    "  cat article.txt | chrono build - --format json\n\n"
    "  chrono build a.txt b.json pages/ --from 2022 --min-granularity month --group-by source -f html\n\n"
    "  chrono build stories/ --key-dates 30 --per-date 2 --from 2010-04 --to 2010-09 -f html -o key.html",
)
def build(
    inputs: list[str] = typer.Argument(..., metavar="ARTICLE",
                                       help="Article files or folders (.txt .json .jsonl .md .html); '-' is stdin."),
    fmt: str = typer.Option("md", "--format", "-f", help=f"Output format: {', '.join(FORMATS)}."),
    published: str | None = typer.Option(None, "--published", help="Publication date YYYY-MM-DD (overrides a header)."),
    output: str | None = typer.Option(None, "--output", "-o", help="Write here (atomically), not to stdout; never "
                                      "over an input, and a folder's timeline file is not read as an input."),
    sort: str = typer.Option("chronological", "--sort", help=f"Event order: {', '.join(SORTS)}."),
    domain: str = typer.Option("news", "--domain", help="news (anchor on the publication date) or narrative."),
    template: str | None = typer.Option(None, "--template", help="A Jinja template file or built-in name."),
    template_dir: Path | None = typer.Option(None, "--template-dir", help="Templates searched before the built-ins."),
    date_from: str | None = typer.Option(None, "--from", help="Keep events from this date on: YYYY[-MM[-DD]]."),
    date_to: str | None = typer.Option(None, "--to", help="Keep events up to this date: YYYY[-MM[-DD]]."),
    min_granularity: str | None = typer.Option(None, "--min-granularity",
                                               help=f"Keep events at least this precise: {', '.join(PRECISIONS)}."),
    raw_cells: bool = typer.Option(False, "--raw-cells", help="csv, timelinejs-csv: keep cells that start with = + "
                                   "- @ as they are (by default a leading ' stops spreadsheets running them)."),
    group_by: str = typer.Option("year", "--group-by", help=f"Headings: {', '.join(GROUPINGS)}."),
    language: str = language_option(),
    locale: str | None = locale_option(),
    key_dates: int | None = typer.Option(None, "--key-dates", metavar="N",
                                         help="Only the N most important dates (inside --from/--to); a date only "
                                              "one article gives is left out while others have more."),
    per_date: int = typer.Option(1, "--per-date", metavar="K", help="With --key-dates: up to K sentences per date."),
    max_chars: int = max_chars_option(),
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of an internal error."),
) -> None:
    """Build the timeline of one or more articles and render it."""

    def run() -> None:
        from chrono.errors import ChronoInputError

        chosen, run_locale, chosen_domain = analysis_options(inputs, language=language, locale=locale, domain=domain,
                                                             fmt=fmt, formats=FORMATS)
        if sort not in SORTS:
            raise ChronoInputError(f"unknown sort {sort!r}; choose one of {', '.join(SORTS)}")
        if group_by not in GROUPINGS:
            raise ChronoInputError(f"unknown grouping {group_by!r}; choose one of {', '.join(GROUPINGS)}")
        for bound, option, last in ((date_from, "--from", False), (date_to, "--to", True)):
            if bound is not None:
                parse_bound(bound, option, last=last)  # a bad option fails before any article is read
        if min_granularity is not None:
            parse_granularity(min_granularity)
        if key_dates is not None and (key_dates < 1 or per_date < 1):
            raise ChronoInputError(f"--key-dates and --per-date must be at least 1 (got {key_dates} and {per_date})")
        date = publication_override(published)
        refuse_overwriting_inputs(inputs, output)
        failures = 0

        def documents() -> Iterator[Document]:  # read as the build goes; each bad input or record: one line
            nonlocal failures
            for item in iter_documents(inputs, date, date_required=chosen_domain.needs_publication_date, skip=output,
                                       max_chars=max_chars):
                if isinstance(item, Document):
                    yield item
                else:
                    failures += 1
                    typer.echo(f"chrono: error: {item[1]}", err=True)

        crashed = 0

        def skip_document(document: Document, error: Exception) -> None:  # a bug met on one article: report, go on
            nonlocal crashed
            crashed += 1
            if debug:
                traceback.print_exception(error)
            typer.echo(f"chrono: error: {document.source or document.id}: internal error: {type(error).__name__}: "
                       f"{error} (left out; run with --debug for the traceback)", err=True)

        timeline = build_from_documents(documents(), domain=chosen_domain, sort=sort, language=chosen,
                                        key_dates=key_dates, per_date=per_date, date_from=date_from, date_to=date_to,
                                        locale=run_locale, on_error=skip_document)
        if not timeline.documents:
            raise typer.Exit(EXIT_INTERNAL if crashed else EXIT_USAGE)
        events = select_events(timeline.events, date_from=date_from, date_to=date_to, min_granularity=min_granularity)
        timeline = dataclasses.replace(timeline, events=tuple(events), meta={**timeline.meta, "group_by": group_by,
                                                                                 RAW_CELLS: raw_cells})
        pieces = render_pieces(timeline, fmt, template=template,
                               template_dir=str(template_dir) if template_dir else None)
        write_output(pieces, output)  # a file is written as the pieces come, never holding the whole text
        if crashed:
            raise typer.Exit(EXIT_INTERNAL)  # the others were built, but chrono failed on an article
        if failures:
            raise typer.Exit(EXIT_USAGE)  # the others were built, but an input could not be read

    guarded(run, debug=debug)
