"""Render: a Timeline through Jinja templates (md, html) or exporters (json, ...)."""

from __future__ import annotations

from chrono.model import Timeline

FORMATS = ("md", "html", "json")


def render(timeline: Timeline, fmt: str = "md", *, template: str | None = None,
           template_dir: str | None = None) -> str:
    raise NotImplementedError
