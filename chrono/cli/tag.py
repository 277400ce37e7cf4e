"""`chrono tag`: TimeML (or JSON expressions) out for each input document."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
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
    write_atomic,
    write_output,
)

TAG_FORMATS = ("timeml", "json")


@app.command(
    epilog="Examples:\n\n  chrono tag article.txt\n\n"
    "  chrono tag corpus/ --format timeml --output-dir tagged/\n\n"
    "  chrono tag history.txt --published 2009-12-19 --domain narrative --format json",
)
def tag(
    inputs: list[str] = typer.Argument(..., metavar="FILE_OR_DIR...",
                                       help="TimeML/TempEval files, articles of every kind `chrono build` reads, "
                                       "or folders of them; '-' reads stdin."),
    fmt: str = typer.Option("timeml", "--format", "-f", help=f"Output format: {', '.join(TAG_FORMATS)}."),
    output_dir: Path | None = typer.Option(None, "--output-dir", "-d",
                                           help="Write one file per input document here (created if needed); "
                                           "without it, one input's result goes to stdout."),
    domain: str = typer.Option("news", "--domain", help="news (anchor on the publication date) or narrative."),
    published: str | None = typer.Option(None, "--published",
                                         help="Publication date YYYY-MM-DD (overrides the input's own)."),
    language: str = language_option(),
    locale: str | None = locale_option(),
    max_chars: int = max_chars_option(),
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of an internal error."),
) -> None:
    """Find and resolve the temporal expressions of each input; write TimeML with TIMEX3 tags, or JSON."""

    def run() -> None:
        from chrono.errors import ChronoInputError
        from chrono.model import Expression
        from chrono.pipeline import analyse
        from chrono.read import iter_records
        from chrono.read.outputs import check_outputs, input_files, output_path
        from chrono.read.published import publication_override
        from chrono.read.timeml import TimeMLDocument
        from chrono.render.exporters.json_export import document_record, expression_record, pieces
        from chrono.render.exporters.timeml_export import timeml_from_document, write_timeml

        chosen, run_locale, chosen_domain = analysis_options(inputs, language=language, locale=locale, domain=domain,
                                                             fmt=fmt, formats=TAG_FORMATS)
        date = publication_override(published)
        suffix = ".tml" if fmt == "timeml" else ".json"
        if output_dir is not None:
            check_outputs(inputs, output_dir, suffix)
        else:
            count = len(input_files(inputs))
            if fmt == "timeml" and count > 1:
                raise ChronoInputError(f"{count} inputs give {count} TimeML files: name a folder with --output-dir")
        timeml: list[str] = []
        documents: list[dict] = []
        expressions: list[Expression] = []
        failures: list[int] = []
        total = 0
        read = iter_records(inputs, date, date_required=chosen_domain.needs_publication_date,
                            unique_ids=output_dir is None, max_chars=max_chars)
        for record in read:
            total += 1
            try:
                if record.document is None:
                    raise ChronoInputError(record.problem or f"{record.where}: cannot be read")
                found, _events = analyse(record.document, domain=chosen_domain, language=chosen, locale=run_locale)
            except Exception as exc:
                if debug:
                    raise
                bad_input = isinstance(exc, ChronoInputError)
                failures.append(EXIT_USAGE if bad_input else EXIT_INTERNAL)
                reason = str(exc) if bad_input else f"{record.where}: internal error: {type(exc).__name__}: {exc}"
                typer.echo(f"chrono: error: {reason}", err=True)
                continue
            document = record.document
            text: str | Iterator[str]
            if fmt == "timeml":
                markup = record.original if isinstance(record.original, TimeMLDocument) else None
                text = write_timeml(markup or timeml_from_document(document), found)
                if output_dir is None:
                    if timeml:
                        raise ChronoInputError(f"{record.path} holds several documents: name a folder with "
                                               "--output-dir for one TimeML file each")
                    timeml.append(text)
                    continue
            elif output_dir is None:  # one JSON for the whole run, written at the end
                documents.append(document_record(document))
                expressions.extend(found)  # as records only when written: a record dict is larger
                continue
            else:  # this document's own file, written record by record; nothing kept for the next
                text = chain(pieces({"documents": [document_record(document)],
                                     "expressions": (expression_record(expression) for expression in found)}),
                             ("\n",))
            target = output_path(record.path, record.root, document.id, output_dir, suffix)
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, text)
        if output_dir is None and fmt == "json" and (documents or not failures):
            write_output(chain(pieces({"documents": documents,  # made as written, not joined first
                                       "expressions": (expression_record(expression) for expression in expressions)}),
                               ("\n",)), None)
        elif output_dir is None and timeml:
            write_output(timeml[0], None)
        if failures:
            if total > 1:
                written = "nothing was written" if len(failures) == total else "the others were written"
                typer.echo(f"chrono: {len(failures)} of {total} inputs failed; {written}", err=True)
            raise typer.Exit(min(failures))

    guarded(run, debug=debug)
