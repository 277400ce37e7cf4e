"""Mermaid: a Markdown file holding a fenced ``timeline`` diagram, one section per year (GitHub renders it).

Mermaid's timeline grammar splits on ":", reads "#" and "%%" as comment starts and ends a statement at a line
break, and it has no backslash escape; it does decode entity codes written "#58;" before parsing. So those
characters (and ";", "<", ">", which other Mermaid parsers treat specially) are written as entity codes,
"#" first so that article text can never smuggle in an entity of its own.
"""

from __future__ import annotations

import re
from itertools import groupby

from chrono.lang import Language
from chrono.model import Event, Timeline
from chrono.render.exporters import exporter
from chrono.render.exporters.event_fields import datable_events, timeline_title, when_label
from chrono.render.labels import group_key

_ENTITY_CODES = {char: f"#{ord(char)};" for char in "#:;%<>"}
_SPACES = re.compile(r"\s+")
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]<>#|])")


def mermaid_text(text: str) -> str:
    """Text safe inside a timeline statement: one line, separators and comment starts as entity codes."""
    text = _SPACES.sub(" ", text).strip()
    return "".join(_ENTITY_CODES.get(char, char) for char in text)


def _section(event: Event, language: Language) -> str:
    """The year heading, as the Markdown format groups ("2023"; a decade keeps its own label, "the 1990s")."""
    return group_key(event.when, "year", language=language)


@exporter("mermaid")
def export_mermaid(timeline: Timeline) -> str:
    lines = ["```mermaid", "timeline", f"    title {mermaid_text(timeline_title(timeline))}"]
    # a section is drawn per run of one year; timeline order keeps each year's events together
    language = timeline.language
    no_headline = language.labels.exports.no_headline
    for section, in_year in groupby(datable_events(timeline), key=lambda event: _section(event, language)):
        lines.append(f"    section {mermaid_text(section)}")
        for label, same_label in groupby(in_year, key=lambda event: when_label(event.when, language)):
            headlines = [mermaid_text(event.headline) or mermaid_text(no_headline) for event in same_label]
            lines.append(f"        {mermaid_text(label)} : {headlines[0]}")
            lines.extend(f"            : {headline}" for headline in headlines[1:])
    lines.append("```")
    heading = _MARKDOWN_SPECIALS.sub(r"\\\1", _SPACES.sub(" ", timeline_title(timeline)).strip())
    return f"# {heading}\n\n" + "\n".join(lines) + "\n"
