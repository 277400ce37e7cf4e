"""Render: a Timeline through Jinja templates (md, html) or exporters (json, ...).

Templates are searched in the user's folder first, then the built-in ones (chrono/templates inside the wheel,
or the checkout's top-level templates/). The environment, its filters and globals are built once per search path.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2

from chrono import __version__
from chrono.errors import ChronoInputError
from chrono.exporters import load_exporters
from chrono.grouping import GroupBy, group_events
from chrono.labels import Style, date_label, label
from chrono.model import Document, Event, Timeline, Value

DEFAULT_FORMAT = "md"
TEMPLATE_SUFFIX = ".j2"
FORMAT_TEMPLATE = "timeline.{fmt}" + TEMPLATE_SUFFIX  # the template a format renders by default
_ESCAPED_SUFFIXES = (".html", ".htm", ".xhtml", ".xml", ".svg")


def builtin_template_dir() -> Path:
    """chrono/templates when installed from a wheel; the top-level templates/ of a source checkout otherwise."""
    packaged = Path(__file__).parent / "templates"
    return packaged if packaged.is_dir() else Path(__file__).parent.parent / "templates"


def _template_formats() -> tuple[str, ...]:
    prefix, suffix = FORMAT_TEMPLATE.split("{fmt}")
    paths = builtin_template_dir().glob(FORMAT_TEMPLATE.format(fmt="*"))
    found = {path.name[len(prefix):-len(suffix)] for path in paths}
    return tuple(sorted(found, key=lambda fmt: (fmt != DEFAULT_FORMAT, fmt)))


TEMPLATE_FORMATS: tuple[str, ...] = _template_formats()
# What --format accepts: a built-in template per format, then every registered exporter.
FORMATS: tuple[str, ...] = TEMPLATE_FORMATS + tuple(sorted(set(load_exporters()) - set(TEMPLATE_FORMATS)))


# ---- filters ---------------------------------------------------------------------------------------------------

# "_" between two letters or digits cannot start emphasis (CommonMark), so "file_name" stays readable.
_MD_SPECIAL = re.compile(r"([\\`*\[\]<>#|~]|(?<![^\W_])_|_(?![^\W_]))")
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")  # "&amp;" would render as "&"; a bare "AT&T" is left alone
_MD_LEADING_MARKER = re.compile(r"^([-+=]|\d+(?=[.)]))")  # a list, setext underline or ordered-list start
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def md_escape(text: Any) -> str:
    """Article text made inert in Markdown: one line, no emphasis, links, HTML, headings, lists or table pipes."""
    flat = " ".join(_CONTROL.sub(" ", str(text)).split())  # a newline would end the list item or table row
    escaped = _MD_ENTITY.sub("&amp;", _MD_SPECIAL.sub(r"\\\1", flat))
    return _MD_LEADING_MARKER.sub(lambda match: match[1] + "\\" if match[1].isdigit() else "\\" + match[1],
                                  escaped)


def md_cell(text: Any) -> str:
    """A Markdown table cell: escaped like md_escape (pipes and newlines included); never empty."""
    return md_escape(text) or " "


def label_filter(item: Event | Value | dt.date | str | None, style: Style = "long") -> str:
    """The readable label of an event's date, a Value, a TIMEX3 string or a calendar date."""
    if isinstance(item, Event):
        item = item.when
    if isinstance(item, dt.date):
        return date_label(item)
    return label(item, style=style)


def upper_first(text: Any) -> str:
    """ "the 1990s" -> "The 1990s" for headings; unlike Jinja's capitalize, the rest is left as written."""
    text = str(text)
    return text[:1].upper() + text[1:]


def iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


_HTML_DATETIME = re.compile(r"\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?)?)?|-W\d{2})?")


def datetime_attr(item: Event | Value) -> str:
    """A valid HTML ``<time datetime>``: the value itself when HTML can say it (year, month, week, day, clock
    time), otherwise the first day of its interval (quarters, seasons, parts of day, decades).
    """
    value = item.when if isinstance(item, Event) else item
    if _HTML_DATETIME.fullmatch(value.value):
        return value.value
    return iso(value.start)


def safe_url(url: str | None) -> str:
    """Only http(s) links survive: a document's URL comes from input and must not become javascript:."""
    return url if url and re.match(r"https?://", url, re.IGNORECASE) else ""


def md_url(url: str | None) -> str:
    """An http(s) URL fit for a Markdown link destination (spaces, parentheses and angle brackets encoded)."""
    return safe_url(url).translate({ord(" "): "%20", ord("("): "%28", ord(")"): "%29", ord("<"): "%3C",
                                    ord(">"): "%3E"})


def source_label(source: str) -> str:
    """A document's source as shown: a URL as is, a file path by its file name (no local folders leak),
    standard input ("-") as nothing, so templates fall back on the document id.
    """
    if re.match(r"[a-z][a-z0-9+.-]*://", source, re.IGNORECASE):
        return source
    return "" if source in ("", "-") else Path(source).name


def document_name(document: Document) -> str:
    """How a document is named to a reader: its title, else its outlet, else its file name, else its id."""
    return document.title or document.outlet or source_label(document.source) or document.id


# ---- environment ----------------------------------------------------------------------------------------------

def autoescape_for(name: str | None) -> bool:
    """HTML-like templates are escaped, judged by the name without its .j2 ("timeline.html.j2" -> yes);
    select_autoescape matches the last suffix only, so it would leave "*.html.j2" unescaped.
    """
    if name is None:
        return True
    return name.lower().removesuffix(TEMPLATE_SUFFIX).endswith(_ESCAPED_SUFFIXES)


@lru_cache(maxsize=16)
def environment(search_path: tuple[str, ...] = ()) -> jinja2.Environment:
    """The Jinja environment for templates in ``search_path`` (first wins), then the built-ins."""
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(folder) for folder in search_path]
    loaders.append(jinja2.FileSystemLoader(builtin_template_dir()))
    env = jinja2.Environment(loader=jinja2.ChoiceLoader(loaders), autoescape=autoescape_for,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True)
    env.filters.update(label=label_filter, md_escape=md_escape, md_cell=md_cell, iso=iso,
                       datetime_attr=datetime_attr, safe_url=safe_url, document_name=document_name,
                       upper_first=upper_first, md_url=md_url, source_label=source_label, group_by=group_by_in_context,
                       source_names=source_names_in_context)
    env.globals.update(label=label_filter, group_by=group_by_in_context, document_name=document_name,
                       chrono_version=__version__)
    return env


@jinja2.pass_context
def group_by_in_context(context: jinja2.runtime.Context, events: Any, by: GroupBy = "year") -> list:
    """``events | group_by("year"|"month"|"source")``: headings in timeline order; sources named for readers."""
    names = {document.id: document_name(document) for document in context.get("documents", ())}
    return group_events(events, by, source_names=names)


@jinja2.pass_context
def source_names_in_context(context: jinja2.runtime.Context, event: Event) -> list[str]:
    """``event | source_names``: the names of every document that reports the event, its own first."""
    names = {document.id: document_name(document) for document in context.get("documents", ())}
    return [names.get(document, document) for document in (event.document, *event.sources)]


def template_context(timeline: Timeline, fmt: str = DEFAULT_FORMAT) -> dict[str, Any]:
    """What every template receives (docs/templates.md)."""
    documents = timeline.documents
    single = documents[0] if len(documents) == 1 else None
    return {
        "timeline": timeline,
        "events": timeline.events,
        "documents": documents,
        "expressions": timeline.expressions,
        "document": single,
        "title": timeline.meta.get("title") or (single.title if single else None),
        "meta": timeline.meta,
        "format": fmt,
    }


# ---- rendering ------------------------------------------------------------------------------------------------

def _user_dirs(template_dir: str | os.PathLike[str] | None) -> tuple[str, ...]:
    if template_dir is None:
        return ()
    folder = Path(template_dir)
    if not folder.is_dir():
        raise ChronoInputError(f"template folder {folder} does not exist")
    return (str(folder.resolve()),)


def _locate(template: str, fmt: str, user_dirs: tuple[str, ...]) -> tuple[jinja2.Environment, str]:
    """--template: a file path, else a template name tried as NAME, NAME.j2, NAME.FMT.j2 ("table" -> table.md.j2)."""
    path = Path(template)
    if path.is_file():
        env = environment((str(path.parent.resolve()), *user_dirs))
        return env, path.name
    env = environment(user_dirs)
    for name in (template, template + TEMPLATE_SUFFIX, f"{template}.{fmt}{TEMPLATE_SUFFIX}"):
        if _exists(env, name):
            return env, name
    where = ", ".join([*user_dirs, "the built-in templates"])
    raise ChronoInputError(f"template {template!r} not found as a file or in {where}")


def _exists(env: jinja2.Environment, name: str) -> bool:
    try:
        env.loader.get_source(env, name)  # type: ignore[union-attr]
    except jinja2.TemplateNotFound:
        return False
    return True


def template_names(template_dir: str | os.PathLike[str] | None = None) -> list[str]:
    """Every template name --template accepts, the user's folder included; partials ("_row.html.j2") left out."""
    return sorted(name for name in environment(_user_dirs(template_dir)).list_templates()
                  if name.endswith(TEMPLATE_SUFFIX) and not Path(name).name.startswith("_"))


_LEADING_COMMENT = re.compile(r"\s*\{#-?\s*(.*?)\s*-?#\}", re.DOTALL)


def describe_templates(template_dir: str | os.PathLike[str] | None = None) -> list[tuple[str, str]]:
    """(name, description) of every template; the description is the template's leading ``{# ... #}`` comment."""
    env = environment(_user_dirs(template_dir))
    described = []
    for name in template_names(template_dir):
        source = env.loader.get_source(env, name)[0]  # type: ignore[union-attr]
        comment = _LEADING_COMMENT.match(source)
        described.append((name, " ".join(comment[1].split()) if comment else ""))
    return described


def render(timeline: Timeline, fmt: str = DEFAULT_FORMAT, *, template: str | None = None,
           template_dir: str | os.PathLike[str] | None = None) -> str:
    """Render ``timeline`` as ``fmt``: its template (the user's folder first), else its exporter.

    ``template`` picks a template file or name instead; a broken template raises ChronoInputError.
    """
    user_dirs = _user_dirs(template_dir)
    if template is not None:
        env, name = _locate(template, fmt, user_dirs)
        return _render_template(env, name, timeline, fmt)
    env = environment(user_dirs)
    name = FORMAT_TEMPLATE.format(fmt=fmt)
    if _exists(env, name):
        return _render_template(env, name, timeline, fmt)
    exporters = load_exporters()
    if fmt in exporters:
        return exporters[fmt](timeline)
    raise ChronoInputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _render_template(env: jinja2.Environment, name: str, timeline: Timeline, fmt: str) -> str:
    try:
        return env.get_template(name).render(template_context(timeline, fmt))
    except jinja2.TemplateSyntaxError as exc:
        where = exc.filename or exc.name or name
        raise ChronoInputError(f"template {where} line {exc.lineno}: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:
        raise ChronoInputError(f"template {name}: cannot find included template {exc.name!r}") from None
    except Exception as exc:
        place = _template_frame(exc.__traceback__)
        if place is None:  # chrono's own bug, not the template's
            raise
        message = str(exc) if isinstance(exc, jinja2.TemplateError) else f"{type(exc).__name__}: {exc}"
        raise ChronoInputError(f"template {place[0]} line {place[1]}: {message}") from None


def _template_frame(trace: TracebackType | None) -> tuple[str, int] | None:
    """The innermost template line in a traceback (Jinja rewrites frames to point at template files)."""
    place = None
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        if not filename.endswith(".py"):
            place = (filename, trace.tb_lineno)
        trace = trace.tb_next
    return place
