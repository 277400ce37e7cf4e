"""Render: a Timeline through Jinja templates (md, html) or exporters (json, ...).

Templates are searched in the user's folder first, then the built-in ones (chrono/render/templates inside the wheel,
or the checkout's top-level templates/). The environment is built once per search path; its filters and
helpers live in template_filters.py.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from jinja2.sandbox import SecurityError

from chrono.errors import ChronoInputError, require_type
from chrono.model import Timeline
from chrono.render.anchors import EventAnchors
from chrono.render.excerpt import bounded_sentences
from chrono.render.exporters import STREAMS, load_exporters
from chrono.render.filters import FILTERS, GLOBALS, document_names
from chrono.render.safe_text import JSON_FORMATS, safe_timeline
from chrono.render.sandbox import Budget, ChronoSandbox, TemplateBudgetError, render_chunks
from chrono.version import __version__

DEFAULT_FORMAT = "md"
TEMPLATE_SUFFIX = ".j2"
FORMAT_TEMPLATE = "timeline.{fmt}" + TEMPLATE_SUFFIX  # the template a format renders by default
_ESCAPED_SUFFIXES = (".html", ".htm", ".xhtml", ".xml", ".svg")
# A render's budget grows with the articles it shows: a fixed floor plus so much per character of article text.
TEMPLATE_SECONDS, TEMPLATE_SECONDS_PER_MB = 30.0, 60.0
TEMPLATE_CHARACTERS, TEMPLATE_CHARACTERS_PER_CHARACTER = 64 * 2**20, 200


def builtin_template_dir() -> Path:
    """chrono/render/templates when installed from a wheel; the top-level templates/ of a source checkout
    otherwise."""
    packaged = Path(__file__).parent / "templates"
    return packaged if packaged.is_dir() else Path(__file__).parents[2] / "templates"


def _template_formats() -> tuple[str, ...]:
    prefix, suffix = FORMAT_TEMPLATE.split("{fmt}")
    paths = builtin_template_dir().glob(FORMAT_TEMPLATE.format(fmt="*"))
    found = {path.name[len(prefix):-len(suffix)] for path in paths}
    return tuple(sorted(found, key=lambda fmt: (fmt != DEFAULT_FORMAT, fmt)))


TEMPLATE_FORMATS: tuple[str, ...] = _template_formats()
# What --format accepts: a built-in template per format, then every registered exporter.
FORMATS: tuple[str, ...] = TEMPLATE_FORMATS + tuple(sorted(set(load_exporters()) - set(TEMPLATE_FORMATS)))


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
    """The sandboxed Jinja environment for templates in ``search_path`` (first wins), then the built-ins."""
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(folder) for folder in search_path]
    loaders.append(jinja2.FileSystemLoader(builtin_template_dir()))
    env = ChronoSandbox(loader=jinja2.ChoiceLoader(loaders), autoescape=autoescape_for,
                        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                        keep_trailing_newline=True)
    env.filters.update(FILTERS)
    env.globals.update(GLOBALS, chrono_version=__version__)
    env.seal()
    return env


def template_context(timeline: Timeline, fmt: str = DEFAULT_FORMAT) -> dict[str, Any]:
    """What every template receives (docs/templates.md)."""
    documents = timeline.documents
    single = documents[0] if len(documents) == 1 else None
    return {
        "timeline": timeline,
        "anchors": EventAnchors(timeline),
        "names": document_names(documents),  # how each document is named to a reader
        "events": timeline.events,
        "documents": documents,
        "articles": timeline.article_count,  # the articles it was drawn from (a store's query lists the cited ones)
        "expressions": timeline.expressions,
        "document": single,
        "title": timeline.meta.get("title") or (single.title if single else None),
        "meta": timeline.meta,
        "grouping": timeline.meta.get("group_by", "year"),  # --group-by: year, month or source
        "format": fmt,
        "language": timeline.language,  # its code for <html lang>; labels read it through the timeline
        "words": timeline.language.templates,  # what the built-in templates write around the timeline
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
    """--template: a file path, else a template name tried as NAME, NAME.j2, NAME.FMT.j2 ("table" -> table.md.j2),
    then as the only NAME.*.j2 ("fragment" -> fragment.html.j2 whatever the format).
    """
    path = Path(template)
    if path.is_dir():
        raise ChronoInputError(f"template {template} is a folder: pass it as --template-dir {template}")
    if path.is_file():
        env = environment((str(path.parent.resolve()), *user_dirs))
        return env, path.name
    env = environment(user_dirs)
    for name in (template, template + TEMPLATE_SUFFIX, f"{template}.{fmt}{TEMPLATE_SUFFIX}"):
        if _exists(env, name):
            return env, name
    # "fragment" -> fragment.html.j2 when it is the only template of that stem, whatever --format says
    stem_matches = [name for name in env.list_templates() if name.startswith(template + ".")
                    and name.endswith(TEMPLATE_SUFFIX) and name.count(".") == template.count(".") + 2]
    if len(stem_matches) == 1:
        return env, stem_matches[0]
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
        try:
            source = env.loader.get_source(env, name)[0]  # type: ignore[union-attr]
        except UnicodeDecodeError:
            raise ChronoInputError(f"template {name} is not UTF-8 text") from None
        comment = _LEADING_COMMENT.match(source)
        described.append((name, " ".join(comment[1].split()) if comment else ""))
    return described


def render(timeline: Timeline, fmt: str = DEFAULT_FORMAT, *, template: str | None = None,
           template_dir: str | os.PathLike[str] | None = None) -> str:
    """Render ``timeline`` as ``fmt``: its template (the user's folder first), else its exporter.

    ``template`` picks a template file or name instead; a broken template raises ChronoInputError.
    Over-long sentences (unpunctuated text) are shown as excerpts around each phrase (chrono.render.excerpt);
    control characters and lone surrogates are shown as U+FFFD (chrono.render.safe_text).
    """
    return "".join(render_pieces(timeline, fmt, template=template, template_dir=template_dir))


def render_pieces(timeline: Timeline, fmt: str = DEFAULT_FORMAT, *, template: str | None = None,
                  template_dir: str | os.PathLike[str] | None = None) -> Iterator[str]:
    """``render``'s text in pieces, made as they are read: a template's output about 64 KB at a time, a
    streaming exporter's (json, jsonl) record by record, another exporter's whole. A writer holds one piece at a
    time, not the whole text and its copies. The format and template are checked before this returns; a
    template's own errors arise as the pieces are read.
    """
    require_type(timeline, Timeline, "timeline")
    require_type(fmt, str, "format")
    require_type(template, (str, type(None)), "template")
    user_dirs = _user_dirs(template_dir)
    timeline = safe_timeline(bounded_sentences(timeline), keep_controls=template is None and fmt in JSON_FORMATS)
    if template is not None:
        env, name = _locate(template, fmt, user_dirs)
        return _render_template(env, name, timeline, fmt)
    env = environment(user_dirs)
    name = FORMAT_TEMPLATE.format(fmt=fmt)
    if _exists(env, name):
        return _render_template(env, name, timeline, fmt, own=not user_dirs)
    exporters = load_exporters()
    if fmt in STREAMS:
        return STREAMS[fmt](timeline)
    if fmt in exporters:
        return iter((exporters[fmt](timeline),))
    raise ChronoInputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def template_budget(timeline: Timeline) -> Budget:
    """The time and size a template may take to render ``timeline`` (chrono.render.sandbox)."""
    text = sum(len(document.text) for document in timeline.documents)
    return Budget(seconds=TEMPLATE_SECONDS + TEMPLATE_SECONDS_PER_MB * text / 1e6,
                  characters=TEMPLATE_CHARACTERS + TEMPLATE_CHARACTERS_PER_CHARACTER * text)


def _render_template(env: jinja2.Environment, name: str, timeline: Timeline, fmt: str, *,
                     own: bool = False) -> Iterator[str]:
    """Render one template, in pieces as they are read; its errors are the user's (ChronoInputError), except in
    chrono's ``own`` templates, where an error other than the budget's is chrono's bug and propagates as it is."""
    try:
        compiled = _compile(env, name)
        yield from render_chunks(compiled, template_context(timeline, fmt), template_budget(timeline))
    except jinja2.TemplateSyntaxError as exc:
        where = exc.filename or exc.name or name
        raise ChronoInputError(f"template {where} line {exc.lineno}: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:
        raise ChronoInputError(f"template {name}: cannot find included template {exc.name!r}") from None
    except UnicodeDecodeError as exc:
        raise ChronoInputError(f"template {name} (or one it includes) is not UTF-8 text "
                               f"(byte 0x{exc.object[exc.start]:02x} at offset {exc.start})") from None
    except Exception as exc:
        place = _template_frame(exc.__traceback__)
        if isinstance(exc, TemplateBudgetError | RecursionError):  # the template's doing, wherever it stopped
            place = place or (name, 0)
        if place is None or (own and not isinstance(exc, TemplateBudgetError)):  # chrono's own bug
            raise
        message = str(exc) if isinstance(exc, jinja2.TemplateError) else f"{type(exc).__name__}: {exc}"
        if isinstance(exc, SecurityError) and not isinstance(exc, TemplateBudgetError):
            message = f"the sandbox refused it: {message}"
        raise ChronoInputError(f"template {place[0]} line {place[1]}: {message}") from None


def _compile(env: jinja2.Environment, name: str) -> jinja2.Template:
    try:
        return env.get_template(name)
    except (ValueError, RecursionError, MemoryError) as exc:  # an integer literal of 5,000 digits, deep nesting
        if isinstance(exc, UnicodeDecodeError):
            raise
        raise ChronoInputError(f"template {name} cannot be compiled: {type(exc).__name__}: {exc}") from None


def _template_frame(trace: TracebackType | None) -> tuple[str, int] | None:
    """The innermost template line in a traceback (Jinja rewrites frames to point at template files)."""
    place = None
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        if not filename.endswith(".py") and not filename.startswith("<frozen"):  # "<frozen codecs>" is Python's
            place = (filename, trace.tb_lineno)
        trace = trace.tb_next
    return place
