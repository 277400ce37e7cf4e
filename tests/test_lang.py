"""The Language object: each resource folder is loaded once, and a bad file fails naming the file and the key."""

from __future__ import annotations

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
