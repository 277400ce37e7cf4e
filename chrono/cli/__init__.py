"""Command-line interface: a thin typer shell over the library."""

from __future__ import annotations

from chrono.cli import build as _build  # noqa: F401  (registers the command)
from chrono.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    app()
