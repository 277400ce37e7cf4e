"""Command-line interface: a thin typer shell over the library."""

from __future__ import annotations

from chrono.cli import archive as _archive  # noqa: F401  (each import registers its command)
from chrono.cli import build as _build  # noqa: F401
from chrono.cli import evaluate as _evaluate  # noqa: F401
from chrono.cli import tag as _tag  # noqa: F401
from chrono.cli import templates as _templates  # noqa: F401
from chrono.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    app()
