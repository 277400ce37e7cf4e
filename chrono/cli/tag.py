"""`chrono tag`: TimeML (or JSON expressions) out for each input document."""

from __future__ import annotations

from pathlib import Path

import typer

from chrono.cli.app import app
from chrono.cli.common import (
    EXIT_INTERNAL,
    EXIT_USAGE,
    guarded,
    language_option,
    same_file,
    write_atomic,
    write_output,
)
from chrono.model import Expression
from chrono.read.timeml import TimeMLDocument

TAG_FORMATS = ("timeml", "json")
# what a folder given to `chrono tag` stands for: its TimeML files, or its articles when it has none
FOLDER_SUFFIXES = (".tml", ".TE3input", ".xml", ".txt")


@app.command(
    epilog="Examples:\n\n  chrono tag article.txt\n\n"
    "  chrono tag corpus/ --format timeml --output-dir tagged/\n\n"
    "  chrono tag history.txt --published 2009-12-19 --domain narrative --format json",
)
def tag(
    inputs: list[str] = typer.Argument(..., metavar="FILE_OR_DIR...",
                                       help="TimeML/TempEval files, articles, or folders of them; '-' reads stdin."),
    fmt: str = typer.Option("timeml", "--format", "-f", help=f"Output format: {', '.join(TAG_FORMATS)}."),
    output_dir: Path | None = typer.Option(None, "--output-dir", "-d",
                                           help="Write one file per input here (created if needed); "
                                           "without it, one input's result goes to stdout."),
    domain: str = typer.Option("news", "--domain", help="news (anchor on the publication date) or narrative."),
    published: str | None = typer.Option(None, "--published",
                                         help="Publication date YYYY-MM-DD for inputs that do not give one."),
    language: str = language_option(),
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of an internal error."),
) -> None:
    """Find and resolve the temporal expressions of each input; write TimeML with TIMEX3 tags, or JSON."""

    def run() -> None:
        from chrono.errors import ChronoInputError
        from chrono.lang import Language
        from chrono.pipeline import analyse
        from chrono.read.text import parse_date
        from chrono.read.timeml import load_source, write_timeml
        from chrono.render.exporters.json_export import document_record, dumps, expression_record

        chosen = Language.load(language)
        if fmt not in TAG_FORMATS:
            raise ChronoInputError(f"unknown format {fmt!r}; choose one of {', '.join(TAG_FORMATS)}")
        if domain not in ("news", "narrative"):
            raise ChronoInputError(f"unknown domain {domain!r}; choose news or narrative")
        date = parse_date(published) if published else None
        jobs = _plan(inputs, output_dir, ".tml" if fmt == "timeml" else ".json")
        if output_dir is None and fmt == "timeml" and len(jobs) > 1:
            raise ChronoInputError(f"{len(jobs)} inputs give {len(jobs)} TimeML files: name a folder with --output-dir")
        records: list[dict] = []
        documents: list[dict] = []

        def tag_one(path: str) -> tuple[TimeMLDocument, list[Expression]]:
            source = load_source(path, date)
            expressions, _events = analyse(source.document, domain=domain, language=chosen)
            return source, expressions

        failures: list[int] = []
        for path, target in jobs:
            if target is None:  # standard output: one result, or one JSON for all; any failure stops
                source, expressions = tag_one(path)
                if fmt == "timeml":
                    write_output(write_timeml(source, expressions), None)
                else:
                    documents.append(document_record(source.document))
                    records.extend(expression_record(expression) for expression in expressions)
                continue
            try:  # one file per input: a failing input is reported and the others still written
                source, expressions = tag_one(path)
            except Exception as exc:
                if debug or len(jobs) == 1:
                    raise
                bad_input = isinstance(exc, ChronoInputError)
                failures.append(EXIT_USAGE if bad_input else EXIT_INTERNAL)
                reason = str(exc) if bad_input else f"internal error: {type(exc).__name__}: {exc}"
                typer.echo(f"chrono: error: {path}: {reason}", err=True)
                continue
            if fmt == "timeml":
                text = write_timeml(source, expressions)
            else:
                found = [expression_record(expression) for expression in expressions]
                text = dumps({"documents": [document_record(source.document)], "expressions": found}) + "\n"
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, text)
        if fmt == "json" and output_dir is None:
            write_output(dumps({"documents": documents, "expressions": records}) + "\n", None)
        if failures:
            typer.echo(f"chrono: {len(failures)} of {len(jobs)} inputs failed; the others were written", err=True)
            raise typer.Exit(min(failures))

    guarded(run, debug=debug)


def _plan(inputs: list[str], output_dir: Path | None, suffix: str) -> list[tuple[str, Path | None]]:
    """(input, output file or None for stdout) per input file; a folder keeps its layout under output_dir."""
    from chrono.errors import ChronoInputError
    from chrono.read.timeml import TIMEML_SUFFIXES, document_name

    jobs: list[tuple[str, Path | None]] = []
    lowered = tuple(s.lower() for s in FOLDER_SUFFIXES)
    timeml_suffixes = tuple(s.lower() for s in TIMEML_SUFFIXES)
    for given in inputs:
        folder = Path(given)
        if given != "-" and folder.is_dir():
            files = sorted(p for p in folder.rglob("*") if p.is_file() and p.name.lower().endswith(lowered))
            if not files:
                raise ChronoInputError(f"{folder}: no {', '.join(FOLDER_SUFFIXES)} files in this folder")
            timeml = [p for p in files if p.name.lower().endswith(timeml_suffixes)]
            files = timeml or files  # a corpus folder: its README.txt is not a document
            for file in files:
                relative = file.relative_to(folder).parent
                target = output_dir / relative / (document_name(file) + suffix) if output_dir else None
                jobs.append((str(file), target))
        else:
            name = "stdin" if given == "-" else document_name(given)
            jobs.append((given, output_dir / (name + suffix) if output_dir else None))
    seen: dict[Path, str] = {}
    for given, target in jobs:
        if target is None:
            continue
        if given != "-" and (Path(given).resolve() == target.resolve() or same_file(given, target)):
            raise ChronoInputError(f"{given}: writing the output would overwrite the input; choose another "
                                   "--output-dir")
        if target in seen:
            raise ChronoInputError(f"{seen[target]} and {given} would both be written to {target}")
        seen[target] = given
    return jobs
