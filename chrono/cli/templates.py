"""`chrono templates`: the template gallery, one line each, as --template accepts them."""

from __future__ import annotations

from pathlib import Path

import typer

from chrono.cli.app import app
from chrono.cli.common import guarded


@app.command(
    "templates",
    epilog="Examples:\n\n  chrono templates\n\n  chrono templates --template-dir my-templates\n\n"
    "  chrono build article.txt --template table\n\n  chrono build article.txt --template fragment -o part.html",
)
def list_templates(
    template_dir: Path | None = typer.Option(None, "--template-dir", help="Your templates, listed with the built-ins "
                                             "(yours win on a name clash)."),
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of an internal error."),
) -> None:
    """List the templates --template accepts, each with what it renders."""

    def run() -> None:
        from chrono.render.jinja import TEMPLATE_SUFFIX, describe_templates

        described = [(name.removesuffix(TEMPLATE_SUFFIX), text) for name, text in
                     describe_templates(str(template_dir) if template_dir else None)]
        width = max((len(name) for name, _ in described), default=0)
        for name, text in described:
            typer.echo(f"{name:<{width}}  {text}".rstrip())

    guarded(run, debug=debug)
