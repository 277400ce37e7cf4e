"""Templates run sandboxed: no reach into Python's internals, and a runaway template is stopped by its budget."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chrono import build_timeline, render
from chrono.cli import app
from chrono.errors import ChronoInputError
from chrono.render import jinja
from chrono.render.sandbox import Budget, ChronoSandbox, render_within

runner = CliRunner()
ARTICLE = "date 2023-03-02\n\n—\n\nThe minister resigned on Tuesday, officials said.\n"

ESCAPES = [
    # (template, words of the one-line error)
    ("{{ cycler.__init__.__globals__.os.popen('id').read() }}", "sandbox refused it"),
    ("{{ lipsum.__globals__['os'].popen('id').read() }}", "sandbox refused it"),
    ("{{ label.__globals__['__builtins__']['open']('/etc/passwd').read() }}", "sandbox refused it"),
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "sandbox refused it"),
    ("{{ timeline.__class__ }}", "sandbox refused it"),
    ("{% set items = [] %}{{ items.append(1) }}", "sandbox refused it"),  # immutable: no list or dict changes
    ("{{ meta.update({'a': 1}) }}", "sandbox refused it"),
]

RUNAWAYS = [
    # (template, words of the one-line error); each must stop within the test's small budget
    ("{% for i in range(10**12) %}{% endfor %}", "range too big"),
    ("{% set r = range(100000) %}{% for a in r %}{% for b in r %}{% endfor %}{% endfor %}", "time budget"),
    ("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}", "RecursionError"),
    ("{% for e in events recursive %}{{ loop(events) }}{% endfor %}", "RecursionError"),
    ("{{ 'x' * 10**12 }}", "over its budget"),
    ("{{ 'x'.center(10**12) }}", "over its budget"),
    ("{{ 'x'|center(10**12) }}", "over its budget"),
    ("{{ '%999999999d' % 1 }}", "width"),
    ("{{ '{:>999999999}'.format(1) }}", "width"),
    ("{{ '%999999999d' | format(1) }}", "width"),  # constants: not folded while compiling, so guarded
    ("{{ 'x' | center(10**12) }}", "over its budget"),
    ("{{ 9 ** 99999999 }}", "integer over"),
    ("{% set ns = namespace(n=3) %}{% for i in range(60) %}{% set ns.n = ns.n * ns.n %}{% endfor %}", "integer over"),
    ("{% set ns = namespace(s='x') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}", "budget"),
    ("{% set ns = namespace(s='x') %}{% for i in range(60) %}{% set ns.s = ns.s + ns.s %}{% endfor %}", "budget"),
    ("{% set ns = namespace(s='x') %}{% for i in range(60) %}{% set ns.s = [ns.s, ns.s]|join %}{% endfor %}",
     "budget"),
    ("{% set s = 'x' * 1000 %}{% for i in range(100000) %}{{ s }}{% endfor %}", "budget"),
    ("{% set s = 'x' * 1000 %}{% set t %}{% for i in range(100000) %}{{ s }}{% endfor %}{% endset %}", "budget"),
    ("{{ lipsum(10**9) }}", "over its budget"),
]


@pytest.fixture
def small_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jinja, "TEMPLATE_SECONDS", 1.0)
    monkeypatch.setattr(jinja, "TEMPLATE_CHARACTERS", 1_000_000)


def _run(tmp_path: Path, source: str | bytes) -> tuple[int, str]:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    template = tmp_path / "evil.md.j2"
    if isinstance(source, bytes):
        template.write_bytes(source)
    else:
        template.write_text(source, encoding="utf-8")
    result = runner.invoke(app, ["build", str(article), "--template", str(template)])
    return result.exit_code, result.stderr


@pytest.mark.parametrize(("source", "words"), ESCAPES)
def test_a_template_cannot_reach_python(tmp_path: Path, source: str, words: str) -> None:
    code, stderr = _run(tmp_path, source)
    assert code == 2
    assert len(stderr.strip().splitlines()) == 1 and words in stderr, stderr
    assert "uid=" not in stderr


@pytest.mark.usefixtures("small_budget")
@pytest.mark.parametrize(("source", "words"), RUNAWAYS)
def test_a_runaway_template_is_stopped(tmp_path: Path, source: str, words: str) -> None:
    started = time.monotonic()
    code, stderr = _run(tmp_path, source)
    assert code == 2
    assert len(stderr.strip().splitlines()) == 1 and words.lower() in stderr.lower(), stderr
    assert time.monotonic() - started < 30  # the budget stopped it (1 s); not a timing claim


def test_a_template_that_is_not_utf8_is_one_line(tmp_path: Path) -> None:
    code, stderr = _run(tmp_path, "{{ title }} caf\xe9".encode("latin-1"))
    assert code == 2 and "not UTF-8" in stderr and len(stderr.strip().splitlines()) == 1, stderr


def test_templates_listing_a_folder_with_a_non_utf8_template_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "bad.md.j2").write_bytes(b"{# caf\xe9 #}")
    result = runner.invoke(app, ["templates", "--template-dir", str(tmp_path)])
    assert result.exit_code == 2 and "not UTF-8" in result.stderr, result.stderr


def test_the_library_raises_chrono_input_error() -> None:
    timeline = build_timeline("The minister resigned on Tuesday.", published="2023-03-02")
    with pytest.raises(ChronoInputError, match="sandbox refused it"):
        render(timeline, "md", template=str(_write(Path(__file__).parent, "{{ cycler.__init__.__globals__ }}")))


def _write(_folder: Path, source: str) -> Path:
    import tempfile

    handle = tempfile.NamedTemporaryFile("w", suffix=".md.j2", delete=False)
    with handle:
        handle.write(source)
    return Path(handle.name)


def test_loops_keep_their_loop_variable_under_the_budget() -> None:
    env = ChronoSandbox()
    env.seal()
    template = env.from_string("{% for x in items %}{{ loop.index }}/{{ loop.length }}{{ '' if loop.last else ',' }}"
                               "{% else %}none{% endfor %}")
    budget = Budget(seconds=5, characters=1000)
    assert render_within(template, {"items": "abc"}, budget) == "1/3,2/3,3/3"
    assert render_within(template, {"items": []}, budget) == "none"


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_text_that_reads_like_a_wide_format_renders(fmt: str) -> None:
    # the width guard is for format strings; a sentence is data ("up 5% 2000000 barrels", a fuzzer's find)
    timeline = build_timeline("Output rose 5% 2000000 barrels on Tuesday.", published="2023-03-02")
    assert "2000000" in render(timeline, fmt)


def _broken_rail(*_args: object, **_kwargs: object) -> None:
    raise OverflowError("date value out of range")


@pytest.mark.parametrize(("template", "raised"), [
    (None, OverflowError),  # chrono's own html template: chrono's bug (exit 1), not a bad input (exit 2)
    ("{{ events | rail }}", ChronoInputError),  # the user's template: reported as its line
])
def test_an_error_in_a_built_in_template_is_chrono_s_bug(monkeypatch: pytest.MonkeyPatch, template: str | None,
                                                        raised: type[Exception]) -> None:
    from chrono.render import filters

    monkeypatch.setattr(filters, "build_rail", _broken_rail)
    timeline = build_timeline("The minister resigned on Tuesday.", published="2023-03-02")
    chosen = str(_write(Path(__file__).parent, template)) if template else None
    with pytest.raises(raised):
        render(timeline, "html" if chosen is None else "md", template=chosen)


def test_an_error_in_a_built_in_template_is_an_internal_error_on_the_command_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from chrono.render import filters

    monkeypatch.setattr(filters, "build_rail", _broken_rail)
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["build", str(article), "-f", "html"])
    assert result.exit_code == 1 and "internal error: OverflowError" in result.stderr, result.stderr
