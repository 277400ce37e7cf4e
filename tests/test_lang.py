"""The Language object: each resource folder is loaded once, and a bad file fails naming the file and the key."""

from __future__ import annotations

import re
import shutil
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

import chrono.lang
from chrono.errors import ChronoInputError
from chrono.lang import LANG_ROOT, Language, LanguageResourceError, languages
from chrono.pipeline import build_timeline


def _copy_of_english(root: Path) -> Path:
    shutil.copytree(LANG_ROOT / "en", root / "xx")
    return root / "xx"


def _replace(name: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(folder: Path) -> None:
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {name}: update this row"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return edit


def _append(name: str, line: str) -> Callable[[Path], None]:
    def edit(folder: Path) -> None:
        path = folder / name
        path.write_text(line + "\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    return edit


def _remove(name: str) -> Callable[[Path], None]:
    return lambda folder: (folder / name).unlink()


def _add_file(name: str) -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_text("x = 1\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (_append("tense.toml", "x = 1"), "xx/tense.toml: unknown key 'x'"),
        (_replace("tense.toml", "firm_words = 6", "firm_words = 6\nsoft_words = 2"),
         "xx/tense.toml: unknown key 'clause.soft_words'"),
        (_replace("tense.toml", "firm_words = 6", ""), "xx/tense.toml: missing key 'clause.firm_words'"),
        (_replace("tense.toml", "firm_words = 6", 'firm_words = "six"'),
         "xx/tense.toml: key 'clause.firm_words' must be an integer, not a string"),
        (_replace("tense.toml", 'will = "FUTURE"', 'will = "LATER"'),
         "xx/tense.toml: key 'groups.auxiliaries.will' must be one of 'PAST', 'PRESENT', 'FUTURE', not 'LATER'"),
        (_replace("tense.toml", 'words = ["may"]', "words = [5]"),
         "xx/tense.toml: key 'lowercase_only.words[0]' must be a string, not an integer"),
        (_replace("labels.toml", 'undated = "undated"', ""), "xx/labels.toml: missing key 'undated'"),
        (_replace("labels.toml", 'long = "early in the {label}"', ""),
         "xx/labels.toml: key 'mods.START' needs 'any', or both 'prefix' and 'long'"),
        (_replace("labels.toml", 'Y = ["year", "years"]', 'Y = ["year"]'),
         "xx/labels.toml: key 'durations.Y' must list 2 entries, not 1"),
        (_replace("merge.toml", "stopwords = [", "stopwords = 1\nunused = ["),
         "xx/merge.toml: unknown key 'unused'"),
        (_replace("merge.toml", '{ suffix = "ies", replacement = "y", min_stem = 2, last = true }',
                  '{ suffix = "ies", replacement = "y", last = true }'),
         "xx/merge.toml: missing key 'folding[1].min_stem'"),
        (_replace("tense.toml", "min_letters = 5", "min_letters = 5.5"),
         "xx/tense.toml: key 'regular_past.min_letters' must be an integer, not a number"),
        (_replace("patterns.toml", "ordinal_suffix =", "suffix ="), "xx/patterns.toml: missing key 'ordinal_suffix'"),
        (_replace("templates.toml", 'one = "Reported by {count} article", ', ""),
         "xx/templates.toml: missing key 'reported_by.one'"),
        (_replace("segment.toml", "max_words = 20", "max_words = true"),
         "xx/segment.toml: key 'clauses.max_words' must be an integer, not true or false"),
        (_replace("patterns.toml", "range_gap =", "range_gaps ="), "xx/patterns.toml: missing key 'range_gap'"),
        (_replace("patterns.toml", "range_gap = '''", "range_gap = 1\nunused = '''"),
         "xx/patterns.toml: key 'range_gap' must be a string, not an integer"),
        (_replace("words.toml", "two_digit_century = 19", ""),
         "xx/words.toml: missing key 'settings.two_digit_century'"),
        (_append("words.toml", "extra = 5"), "xx/words.toml: key 'extra' must be a table, not an integer"),
        (_replace("rules.toml", 'name = "iso_date"', 'title = "iso_date"'),
         "xx/rules.toml: unknown key 'rule[0].title'"),
        (_replace("rules.toml", "ignore_case = true", "ignore_case = 1"),
         "xx/rules.toml: key 'ignore_case' must be true or false, not an integer"),
        (_replace("language.toml", 'pendulum_locale = "en"', 'pendulum_locale = "qq"'),
         "xx/language.toml: key 'pendulum_locale' names no pendulum locale 'qq'"),
        (_replace("language.toml", 'name = "English"', 'name = "English'), "xx/language.toml: cannot read it"),
        (_remove("merge.toml"), "xx: missing resource file 'merge.toml'"),
        (_add_file("rail.toml"), "xx/rail.toml: unknown resource file"),
    ],
)
def test_a_bad_resource_fails_naming_its_file_and_key(tmp_path: Path, edit: Callable[[Path], None],
                                                      message: str) -> None:
    edit(_copy_of_english(tmp_path))
    with pytest.raises(LanguageResourceError) as caught:
        Language.load("xx", root=tmp_path)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_an_unchanged_copy_loads(tmp_path: Path) -> None:
    _copy_of_english(tmp_path)
    assert Language.load("xx", root=tmp_path).code == "xx"


def test_messages_name_chronos_own_files_from_the_project_root() -> None:
    assert chrono.lang._shown(LANG_ROOT / "en" / "tense.toml") == "chrono/lang/en/tense.toml"


@pytest.mark.parametrize("code", ["xx", "", "../en", "_private"])
def test_an_unknown_language_is_a_user_error_listing_the_known_ones(code: str) -> None:
    with pytest.raises(ChronoInputError, match=rf"^unknown language {code!r}; available: en$"):
        Language.load(code)


def test_a_language_is_loaded_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _copy_of_english(tmp_path)
    reads: list[str] = []
    real_load = tomllib.load

    def counting_load(handle, **options):  # type: ignore[no-untyped-def]
        reads.append(Path(handle.name).name)
        return real_load(handle, **options)

    monkeypatch.setattr(chrono.lang.tomllib, "load", counting_load)
    first = Language.load("xx", root=tmp_path)
    for _ in range(3):
        language = Language.load("xx", root=tmp_path)
        build_timeline("Prices rose on Tuesday.", "2023-03-02", language=language)
    assert language is first
    assert sorted(reads) == sorted(path.name for path in (tmp_path / "xx").glob("*.toml"))


def test_every_language_folder_loads() -> None:
    for code in languages():
        assert Language.load(code).code == code


ARTICLE = "date 2023-03-02\n\nThe minister resigned on Tuesday, officials said.\n"


@pytest.mark.parametrize("command", [["build", "ARTICLE"], ["tag", "ARTICLE"], ["eval", "FOLDER"]])
@pytest.mark.parametrize("code", ["xx", "EN", "en/../en"])
def test_an_unknown_language_option_is_one_line_and_exit_2(tmp_path: Path, command: list[str], code: str) -> None:
    from typer.testing import CliRunner

    from chrono.cli import app

    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    arguments = [str(article) if item == "ARTICLE" else str(tmp_path) if item == "FOLDER" else item
                 for item in command]
    result = CliRunner().invoke(app, [*arguments, "--language", code])
    assert result.exit_code == 2
    assert result.stderr == f"chrono: error: unknown language {code!r}; available: en\n"
    assert result.stdout == ""


@pytest.mark.parametrize("command", [["build", "--format", "json"], ["tag", "--format", "json"]])
def test_the_language_option_chooses_the_language(tmp_path: Path, command: list[str]) -> None:
    from typer.testing import CliRunner

    from chrono.cli import app

    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    chosen = CliRunner().invoke(app, [command[0], str(article), *command[1:], "--language", "en"])
    default = CliRunner().invoke(app, [command[0], str(article), *command[1:]])
    assert chosen.exit_code == 0, chosen.stderr
    assert chosen.stdout == default.stdout and "2023-02-28" in chosen.stdout


@pytest.mark.parametrize("language", ["en", Language.load("en"), None])
def test_the_public_api_takes_a_language_by_code_or_object(language: str | Language | None) -> None:
    timeline = build_timeline(ARTICLE, language=language)
    assert timeline.language is Language.load("en")
    assert all(document.language is Language.load("en") for document in timeline.documents)
    assert [event.when.value for event in timeline.events] == ["2023-02-28"]


def test_the_public_api_refuses_an_unknown_language() -> None:
    with pytest.raises(ChronoInputError, match="unknown language 'xx'"):
        build_timeline(ARTICLE, language="xx")


def test_the_timeline_and_its_documents_carry_the_language_chosen(tmp_path: Path) -> None:
    _copy_of_english(tmp_path)
    copy = Language.load("xx", root=tmp_path)
    timeline = build_timeline(ARTICLE, language=copy)
    assert timeline.language is copy and timeline.documents[0].language is copy


@pytest.mark.parametrize("fmt", ["md", "html", "json", "jsonl", "csv", "timelinejs", "timelinejs-csv", "mermaid"])
def test_the_renderer_labels_in_the_timelines_language(tmp_path: Path, fmt: str) -> None:
    from chrono.render import render

    folder = _copy_of_english(tmp_path)
    _replace("labels.toml", 'day = "{weekday}, {day} {month} {year}"', 'day = "DAY {day} {month} {year}"')(folder)
    timeline = build_timeline(ARTICLE, language=Language.load("xx", root=tmp_path))
    assert "DAY 28 February 2023" in render(timeline, fmt)
    assert "DAY 28" not in render(build_timeline(ARTICLE), fmt)


@pytest.mark.parametrize("fmt", ["timelinejs", "ics", "mermaid"])
def test_export_titles_come_from_the_language(tmp_path: Path, fmt: str) -> None:
    from chrono.model import Timeline
    from chrono.render import render

    folder = _copy_of_english(tmp_path)
    _replace("labels.toml", 'title = "Chronology"', 'title = "Chronik"')(folder)
    empty = Timeline(documents=(), events=(), language=Language.load("xx", root=tmp_path))
    assert "Chronik" in render(empty, fmt)


def _calendar_names() -> set[str]:
    """The English month and weekday names, whole words, as the word tables list them (abbreviations left out:
    "mar", "sun" and "sat" are ordinary words)."""
    words = Language.load("en").words.tables
    return {name for table in ("month", "weekday") for name, _ in words[table].items() if len(name) > 4}


def _string_constants(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every string constant of a module, docstrings left out."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


_KEY = re.compile(r"[A-Z0-9_]+")  # an identifier such as the holiday key "GOOD_FRIDAY": a key, not a word
CODE = sorted(path for path in (LANG_ROOT.parent).rglob("*.py") if LANG_ROOT not in path.parents)


@pytest.mark.parametrize("path", CODE, ids=lambda path: path.relative_to(LANG_ROOT.parent).as_posix())
def test_no_month_or_weekday_name_is_written_in_code(path: Path) -> None:
    found = _calendar_words_in(path)
    assert not found, f"{path.name}: English calendar words in code (move them to chrono/lang/): {found}"


def _calendar_words_in(path: Path) -> list[tuple[int, str]]:
    names = _calendar_names()
    return [(line, word) for line, text in _string_constants(path) if not _KEY.fullmatch(text)
            for word in re.findall(r"[A-Za-z]+", text) if word.lower() in names]


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ('x = "due in March"', [(1, "March")]),
        ('x = f"{n} Sundays"', []),  # a plural is not the name (the word tables keep plurals apart)
        ('x = ("Monday", 1)', [(1, "Monday")]),
        ('"""Due in March."""\ndef f():\n    """On Friday."""', []),  # docstrings explain, they are not data
        ('HOLIDAY = "GOOD_FRIDAY"', []),
        ("# in March", []),
    ],
)
def test_the_scan_finds_calendar_names_in_string_constants(tmp_path: Path, source: str,
                                                           found: list[tuple[int, str]]) -> None:
    module = tmp_path / "module.py"
    module.write_text(source + "\n", encoding="utf-8")
    assert _calendar_words_in(module) == found


def test_the_calendar_name_list_is_not_empty() -> None:
    assert {"january", "december", "monday", "sunday"} <= _calendar_names()


@pytest.mark.parametrize("path", CODE, ids=lambda path: path.relative_to(LANG_ROOT.parent).as_posix())
def test_only_chrono_lang_reads_resource_files(path: Path) -> None:
    """The stages get a Language: none of them parses TOML or walks the resource folders itself."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))
                for alias in node.names} | {node.module for node in ast.walk(tree)
                                            if isinstance(node, ast.ImportFrom) and node.module}
    assert not imported & {"tomllib", "tomli", "LANG_ROOT"}, f"{path.name} reads language resources itself"


@pytest.mark.parametrize(("fmt", "template"), [("md", None), ("md", "table.md.j2"), ("html", None),
                                               ("html", "fragment.html.j2")])
def test_the_built_in_templates_write_the_languages_words(tmp_path: Path, fmt: str, template: str | None) -> None:
    from chrono.pipeline import build_from_documents
    from chrono.read.text import parse_article
    from chrono.render import render

    folder = _copy_of_english(tmp_path)
    _replace("templates.toml", 'source = "Source"', 'source = "Quelle"')(folder)
    _replace("templates.toml", 'other = "Timeline of {count} articles"', 'other = "Zeitleiste aus {count} Artikeln"')(
        folder)
    documents = [parse_article(ARTICLE, document_id=name) for name in ("a", "b")]
    for language, present, absent in [(Language.load("xx", root=tmp_path), "Zeitleiste aus 2 Artikeln", "Timeline"),
                                      (Language.load("en"), "Timeline of 2 articles", "Zeitleiste")]:
        text = render(build_from_documents(documents, language=language), fmt, template=template)
        assert present in text and absent not in text
        assert ("Quelle" in text) == (language.code == "xx")


@pytest.mark.parametrize(("count", "expected"), [(0, "Reported by 0 articles"), (1, "Reported by 1 article"),
                                                 (2, "Reported by 2 articles")])
def test_a_count_takes_its_form(count: int, expected: str) -> None:
    assert Language.load("en").templates.reported_by.of(count) == expected


def test_a_timeline_pickles_with_its_language_by_name(tmp_path: Path) -> None:
    import copy
    import pickle

    _copy_of_english(tmp_path)
    for language in (Language.load("en"), Language.load("xx", root=tmp_path)):
        timeline = build_timeline(ARTICLE, language=language)
        again = pickle.loads(pickle.dumps(timeline))
        assert again.language is language and again.documents[0].language is language
        assert again.events == timeline.events
        assert copy.deepcopy(timeline).language is language
