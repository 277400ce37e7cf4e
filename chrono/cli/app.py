"""The typer application; each command lives in its own module beside this one."""

from __future__ import annotations

import typer

from chrono.version import __version__

app = typer.Typer(
    name="chrono",
    help="Turn news articles into accurate, sourced chronologies.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    epilog="Examples:\n\n  chrono build article.txt --format md\n\n"
    "  chrono build story.txt --published 2023-03-02 --format html -o timeline.html\n\n"
    "  chrono tag article.txt --format json\n\n  chrono eval gold/ system/",
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"chrono {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                 help="Show the version and exit."),
) -> None:
    """Turn news articles into accurate, sourced chronologies."""
    from chrono.cli.common import one_line_warnings

    one_line_warnings()
