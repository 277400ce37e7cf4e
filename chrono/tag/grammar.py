"""Read a language's rules once: fragments expanded, patterns checked, and an index of how rules begin.

Each rule's regex is compiled the first time the prefilter sends a text position its way (tagging one article
needs about half of them), so that a process that tags one article does not pay for all.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from chrono.errors import ChronoInputError
from chrono.lang import Language
from chrono.model import TimexType
from chrono.tag.prefilter import Prefilter, parse
from chrono.tag.values import Words

_FRAGMENT = re.compile(r"\{([A-Za-z_]\w*)\}")
_FROM_TABLE = "@"  # a fragment spelled "@table" is the alternation of that word table's keys
_STAND_IN = 0xE000  # private-use characters stand for fragments in what the prefilter parses


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: str  # fragments expanded, boundaries added
    flags: int
    value: Mapping[str, Any]
    examples: tuple[Mapping[str, Any], ...]
    _compiled: list[re.Pattern[str]] = field(default_factory=list, compare=False, repr=False)

    @property
    def regex(self) -> re.Pattern[str]:
        """The compiled pattern, compiled on first use: one article needs only about half of the rules."""
        if not self._compiled:
            try:
                self._compiled.append(re.compile(self.pattern, self.flags))
            except re.error as error:  # what parsing cannot see, such as a look-behind of varying width
                raise ChronoInputError(f"rule {self.name!r} has a bad pattern: {error}") from error
        return self._compiled[0]


@dataclass(frozen=True, slots=True)
class Grammar:
    language: str  # its code
    rules: tuple[Rule, ...]
    words: Words
    prefilter: Prefilter
    # (rule index, captured groups) -> the PartialValue they make (or None): texts repeat ("Friday", "1998")
    partials: dict[tuple[int, tuple[str | Any, ...]], Any] = field(default_factory=dict, compare=False, repr=False)


def _table_alternation(words: Mapping[str, Any], table: str) -> str:
    keys = sorted(words.get(table, {}), key=len, reverse=True)
    return "|".join(re.escape(key).replace(r"\ ", r"[\s\-]+").replace("'", "['’]") for key in keys)


def expand_fragments(pattern: str, fragments: Mapping[str, str], words: Mapping[str, Any]) -> str:
    """Replace every {name} by its fragment (recursively), as a non-capturing group."""
    def replace(match: re.Match[str], depth: int = 0) -> str:
        name = match[1]
        if name not in fragments:
            raise ChronoInputError(f"unknown pattern fragment {{{name}}}")
        body = fragments[name]
        if body.startswith(_FROM_TABLE):
            body = _table_alternation(words, body[1:])
        return "(?:" + _FRAGMENT.sub(replace, body) + ")"

    return _FRAGMENT.sub(replace, pattern)


def _wrap(pattern: str, boundaries: Mapping[str, str]) -> str:
    return boundaries.get("left", "") + "(?:" + pattern + ")" + boundaries.get("right", "")


def _stand_ins(fragments: Mapping[str, str]) -> dict[str, str]:
    """A private-use character for each fragment name: what the prefilter parses in its place."""
    return {name: chr(_STAND_IN + number) for number, name in enumerate(fragments)}


def _skeleton(pattern: str, stand_ins: Mapping[str, str]) -> str:
    """The pattern with each {name} as its fragment's stand-in character (names checked by expand_fragments)."""
    return _FRAGMENT.sub(lambda match: stand_ins[match[1]], pattern)


def _parsed_fragments(fragments: Mapping[str, str], words: Mapping[str, Any], stand_ins: Mapping[str, str],
                      flags: int) -> dict[str, Any]:
    """Stand-in character -> the fragment's parse, its own fragments left as stand-ins."""
    parsed: dict[str, Any] = {}
    for name, body in fragments.items():
        source = _table_alternation(words, body[1:]) if body.startswith(_FROM_TABLE) else _skeleton(body, stand_ins)
        try:
            parsed[stand_ins[name]] = parse(source, flags)
        except re.error as error:
            raise ChronoInputError(f"pattern fragment {{{name}}} is bad: {error}") from error
    return parsed


@cache
def load_grammar(language: Language) -> Grammar:
    """The rules of a language (cached: built once per process; patterns checked now, compiled when first used)."""
    fragments = language.patterns.fragments
    words_table = language.words.tables
    rules_file = language.rules
    boundaries = {"left": rules_file.boundaries.left, "right": rules_file.boundaries.right}
    flags = re.IGNORECASE if rules_file.ignore_case else 0
    stand_ins = _stand_ins(fragments)
    rules: list[Rule] = []
    skeletons = []
    # each rule and each fragment is parsed once here (syntax errors now, not at first use); the rules are
    # compiled from their full text when first tried
    for spec in rules_file.rule:
        body = _wrap(expand_fragments(spec.pattern, fragments, words_table), boundaries)
        try:
            skeletons.append(parse(_wrap(_skeleton(spec.pattern, stand_ins), boundaries), flags))
        except re.error as error:
            raise ChronoInputError(f"rule {spec.name!r} has a bad pattern: {error}") from error
        value = dict(spec.value)
        value.setdefault("type", spec.type or TimexType.DATE.value)
        rules.append(Rule(spec.name, body, flags, value, spec.examples))
    prefilter = Prefilter(skeletons, _parsed_fragments(fragments, words_table, stand_ins, flags))
    return Grammar(language.code, tuple(rules), Words(words_table, fragments["ordinal_suffix"]), prefilter)
