"""`chrono build`: articles in, a rendered timeline out."""

from __future__ import annotations

from pathlib import Path

import typer

from chrono.article import parse_date, read_article
from chrono.cli.app import app
from chrono.cli.common import guarded, write_output
from chrono.order import SORTS
from chrono.pipeline import build_from_documents
from chrono.render import FORMATS


@app.command(
    epilog="Examples:\n\n  chrono build article.txt --format md\n\n"
    "  chrono build story.txt --published 2023-03-02 --format html -o timeline.html\n\n"
    "  cat article.txt | chrono build - --format json",
)
def build(
    inputs: list[str] = typer.Argument(..., metavar="ARTICLE", help="Article file(s); '-' reads standard input."),
    fmt: str = typer.Option("md", "--format", "-f", help=f"Output format: {', '.join(FORMATS)}."),
    published: str | None = typer.Option(None, "--published", help="Publication date YYYY-MM-DD (overrides a header)."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here (atomically), not to stdout."),
    sort: str = typer.Option("chronological", "--sort", help=f"Event order: {', '.join(SORTS)}."),
    domain: str = typer.Option("news", "--domain", help="news (anchor on the publication date) or narrative."),
    template: str | None = typer.Option(None, "--template", help="A Jinja template file or built-in name."),
    template_dir: Path | None = typer.Option(None, "--template-dir", help="Templates searched before the built-ins."),
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of an internal error."),
) -> None:
    """Build the timeline of one or more articles and render it."""

    def run() -> None:
        from chrono.errors import ChronoInputError

        if fmt not in FORMATS:
            raise ChronoInputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        if sort not in SORTS:
            raise ChronoInputError(f"unknown sort {sort!r}; choose one of {', '.join(SORTS)}")
        if domain not in ("news", "narrative"):
            raise ChronoInputError(f"unknown domain {domain!r}; choose news or narrative")
        if inputs.count("-") > 1:
            raise ChronoInputError("standard input ('-') can be read only once")
        date = parse_date(published) if published else None
        documents = [read_article(path, date) for path in inputs]
        timeline = build_from_documents(documents, domain=domain, sort=sort)
        text = timeline.render(fmt, template=template, template_dir=str(template_dir) if template_dir else None)
        write_output(text, output)

    guarded(run, debug=debug)
