"""Render: a Timeline as text through Jinja templates (md, html) or exporters (json, csv, ics, ...).

``chrono.render(timeline, "md")`` is the public entry; templates live in templates/ (inside the wheel
at chrono/render/templates), exporters register themselves in chrono/render/exporters/.
"""

from __future__ import annotations

from chrono import model
from chrono.render.jinja import FORMATS, render, render_pieces

model.NOTEBOOK_RENDERER = render

__all__ = ["FORMATS", "render", "render_pieces"]
