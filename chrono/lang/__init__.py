"""Per-language knowledge as data: one folder per language (chrono/lang/<code>/), TOML files inside.

``Language.load("en")`` reads a folder once (cached) into typed sections, one per file (chrono/lang/sections.py),
checking every key and type as it loads: a bad file fails with one line naming the file and the key. The stages
receive the Language (or the section they need); no stage reads a resource file itself.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from chrono.errors import ChronoError, ChronoInputError
from chrono.lang.schema import SchemaError, build, convert
from chrono.lang.sections import (
    About,
    ContextExamples,
    LabelWords,
    LocaleHints,
    MergeWords,
    Patterns,
    RuleFile,
    SegmentWords,
    Surroundings,
    TemplateWords,
    TenseWords,
    WordSettings,
    WordTables,
    WordValue,
)

__all__ = ["DEFAULT_LANGUAGE", "CalendarNames", "Language", "LanguageResourceError", "languages", "or_default"]

LANG_ROOT = Path(__file__).parent
DEFAULT_LANGUAGE = "en"  # the language of the public API and of the command line when none is given


class LanguageResourceError(ChronoError):
    """A language resource file that is missing, unreadable, or does not fit its section."""


def languages(root: Path = LANG_ROOT) -> list[str]:
    """The codes of the languages in ``root``: its folders (those starting with "_" are not languages)."""
    return sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


@dataclass(frozen=True, eq=False)
class CalendarNames:
    """Month and weekday names as a locale writes them, from pendulum's locale data (pendulum/locales/)."""

    months: tuple[str, ...]  # January .. December
    month_abbreviations: tuple[str, ...]  # Jan .. Dec
    weekdays: tuple[str, ...]  # Monday .. Sunday (ISO order)
    weekday_abbreviations: tuple[str, ...]  # Mon .. Sun
    day_periods: tuple[str, str]  # AM, PM


def _patterns(data: Mapping[str, Any]) -> Patterns:
    return Patterns(convert(Mapping[str, str], data, ""))


def _word_tables(data: Mapping[str, Any]) -> WordTables:
    if "settings" not in data:
        raise SchemaError("settings", "missing key")
    settings = build(WordSettings, data["settings"], "settings")
    others = convert(Mapping[str, Mapping[str, WordValue]], {k: v for k, v in data.items() if k != "settings"}, "")
    return WordTables(settings, {"settings": data["settings"], **others})


# file name (without .toml) -> how its table becomes a section; the field of Language that holds it
_SECTIONS: dict[str, Callable[[Mapping[str, Any]], Any]] = {
    "language": lambda data: build(About, data),
    "context": lambda data: build(ContextExamples, data),
    "labels": lambda data: build(LabelWords, data),
    "locales": lambda data: build(LocaleHints, data),
    "merge": lambda data: build(MergeWords, data),
    "patterns": _patterns,
    "rules": lambda data: build(RuleFile, data),
    "segment": lambda data: build(SegmentWords, data),
    "surroundings": lambda data: build(Surroundings, data),
    "templates": lambda data: build(TemplateWords, data),
    "tense": lambda data: build(TenseWords, data),
    "words": _word_tables,
}


@dataclass(frozen=True, eq=False, repr=False)
class Language:
    """Everything chrono knows about one language, loaded once from chrono/lang/<code>/."""

    code: str
    root: Path  # the folder of language folders it was loaded from (chrono/lang/ for chrono's own)
    about: About  # language.toml
    context: ContextExamples  # context.toml
    labels: LabelWords  # labels.toml
    locales: LocaleHints  # locales.toml
    merge: MergeWords  # merge.toml
    patterns: Patterns  # patterns.toml
    rules: RuleFile  # rules.toml
    segment: SegmentWords  # segment.toml
    surroundings: Surroundings  # surroundings.toml
    templates: TemplateWords  # templates.toml
    tense: TenseWords  # tense.toml
    words: WordTables  # words.toml
    calendar: CalendarNames  # from pendulum's locale named in language.toml

    def __repr__(self) -> str:
        return f"Language({self.code!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled (and deep-copied) by name: a Document sent to another process finds its language loaded there."""
        return _load, (self.code, self.root)

    @staticmethod
    def load(code: str = DEFAULT_LANGUAGE, root: Path | None = None) -> Language:
        """The language ``code`` (cached: each folder is read and checked once per process).

        Raises ChronoInputError for a code with no folder, LanguageResourceError for a bad resource file.
        """
        return _load(code, root or LANG_ROOT)


def or_default(language: Language | None) -> Language:
    """The language given, or the default one: what a stage called without a language reads."""
    return language if language is not None else Language.load()


@cache
def _load(code: str, root: Path) -> Language:
    folder = root / code
    if not code or code.startswith(("_", ".")) or "/" in code or "\\" in code or not folder.is_dir():
        raise ChronoInputError(f"unknown language {code!r}; available: {', '.join(languages(root))}")
    present = {path.stem for path in folder.glob("*.toml")}
    unknown = sorted(present - set(_SECTIONS))
    if unknown:
        raise LanguageResourceError(f"{_shown(folder / f'{unknown[0]}.toml')}: unknown resource file "
                                    f"(known: {', '.join(sorted(_SECTIONS))})")
    sections = {name: _section(folder / f"{name}.toml", read) for name, read in _SECTIONS.items()}
    about: About = sections.pop("language")
    calendar = _calendar_names(about.pendulum_locale, folder / "language.toml")
    # each other file's section is the field of its name
    return Language(code=code, root=root, about=about, calendar=calendar, **sections)


def _section(path: Path, read: Callable[[Mapping[str, Any]], Any]) -> Any:
    if not path.is_file():
        raise LanguageResourceError(f"{_shown(path.parent)}: missing resource file {path.name!r}")
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise LanguageResourceError(f"{_shown(path)}: cannot read it ({error})") from None
    try:
        return read(data)
    except SchemaError as error:
        raise LanguageResourceError(f"{_shown(path)}: {error}") from None


def _calendar_names(locale: str, path: Path) -> CalendarNames:
    from pendulum.locales.locale import Locale

    try:
        names = Locale.load(locale)
    except ValueError:
        raise LanguageResourceError(f"{_shown(path)}: key 'pendulum_locale' names no pendulum locale {locale!r}") \
            from None
    months = names.get("translations.months.wide")
    abbreviations = names.get("translations.months.abbreviated")
    weekdays = names.get("translations.days.wide")  # pendulum numbers days from Monday = 0
    short_days = names.get("translations.days.abbreviated")
    periods = names.get("translations.day_periods")
    return CalendarNames(tuple(months[number] for number in range(1, 13)),
                         tuple(abbreviations[number] for number in range(1, 13)),
                         tuple(weekdays[number] for number in range(7)),
                         tuple(short_days[number] for number in range(7)),
                         (periods["am"], periods["pm"]))


def _shown(path: Path) -> str:
    """A resource path as messages show it: relative to the project for chrono's own, else as given."""
    try:
        return path.relative_to(LANG_ROOT.parents[1]).as_posix()
    except ValueError:
        return str(path)
