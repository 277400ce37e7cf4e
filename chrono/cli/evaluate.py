"""`chrono eval`: TempEval-3 Task A scores of chrono (or a system's output) against gold TimeML."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from chrono.cli.app import app
from chrono.cli.common import EXIT_USAGE, guarded, language_option, locale_option


@app.command(
    "eval",
    epilog="Examples:\n\n  chrono eval gold/\n\n  chrono eval gold/ system/ --errors\n\n"
    "  chrono eval wikiwars/ --domain narrative --json",
)
def evaluate(
    gold: Path = typer.Argument(..., metavar="GOLD_DIR", help="Gold TimeML files (.tml, .TE3input) or a folder."),
    system: Path | None = typer.Argument(None, metavar="SYSTEM_DIR",
                                         help="System TimeML, paired with gold by file name; "
                                         "without it chrono tags the gold documents' text itself."),
    domain: str = typer.Option("news", "--domain", help="news or narrative (when chrono tags the gold text)."),
    errors: bool = typer.Option(False, "--errors", help="List misses, false alarms, wrong values and extents."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON (percentages)."),
    language: str = language_option(),
    locale: str | None = locale_option(),
    debug: bool = typer.Option(False, "--debug", help="Stop at the first failing document, with its traceback."),
) -> None:
    """Score temporal expressions with the TempEval-3 Task A metrics: strict/relaxed span, value and type F1.

    A missing system document or a text that differs from the gold is reported, counted, and exits 2.
    """

    def run() -> int:
        from chrono.errors import ChronoInputError
        from chrono.evaluate import error_lines, evaluate_folders, format_table
        from chrono.lang import Language
        from chrono.model import Domain
        from chrono.resolve.numeric_dates import check_locale

        chosen = Language.load(language)
        run_locale = check_locale(locale, chosen) if locale is not None else None

        Domain.of(domain)
        evaluation = evaluate_folders([gold], [system] if system is not None else None, domain=domain,
                                      keep_going=not debug, language=chosen, locale=run_locale)
        if not evaluation.documents:
            raise ChronoInputError(f"{gold}: no gold documents (.tml, .TE3input) found")
        if as_json:
            report = evaluation.as_json()
            if errors:
                report["errors"] = error_lines(evaluation)
            typer.echo(json.dumps(report, indent=2))
        else:
            typer.echo(format_table(evaluation))
            if errors:
                typer.echo("")
                for line in error_lines(evaluation):
                    typer.echo(line)
        for problem in evaluation.problems:
            typer.echo(f"chrono: warning: {problem}", err=True)
        return EXIT_USAGE if evaluation.problems else 0

    code = guarded(run, debug=debug)
    if code:
        raise typer.Exit(code)
