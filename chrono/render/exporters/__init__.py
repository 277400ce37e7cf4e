"""Data exporters: formats produced by code rather than a Jinja template (json, and the issue-4 formats).

Each exporter module registers a function Timeline -> str in EXPORTERS under its format name;
render.render() dispatches to it when no template of that name exists. A format whose text can be large
(json, jsonl) also registers its pieces in STREAMS, so that a file is written as they come (render_pieces).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from chrono.model import Timeline

Exporter = Callable[[Timeline], str]
Stream = Callable[[Timeline], Iterator[str]]

EXPORTERS: dict[str, Exporter] = {}
STREAMS: dict[str, Stream] = {}


def exporter(name: str) -> Callable[[Exporter], Exporter]:
    """Decorator: register ``function`` as the exporter of format ``name``."""

    def register(function: Exporter) -> Exporter:
        EXPORTERS[name] = function
        return function

    return register


def streamed(name: str) -> Callable[[Stream], Stream]:
    """Decorator: register ``function`` as the pieces of format ``name``, and their join as its exporter."""

    def register(function: Stream) -> Stream:
        STREAMS[name] = function
        EXPORTERS[name] = lambda timeline: "".join(function(timeline))
        return function

    return register


def load_exporters() -> dict[str, Exporter]:
    """Import every exporter module of this package once (each registers itself) and return the registry."""
    import importlib
    import pkgutil

    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    return EXPORTERS
