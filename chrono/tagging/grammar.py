"""Compile a language's rules once: fragments expanded, every rule a regex, and an index of how rules begin."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from chrono.errors import ChronoInputError
from chrono.lang import load_resource
from chrono.model import TimexType
from chrono.tagging.prefilter import Prefilter, parse
from chrono.tagging.values import Words

_FRAGMENT = re.compile(r"\{([A-Za-z_]\w*)\}")
_FROM_TABLE = "@"  # a fragment spelled "@table" is the alternation of that word table's keys


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
    language: str
    rules: tuple[Rule, ...]
    words: Words
    prefilter: Prefilter
    # (rule index, captured groups) -> the PartialValue they make (or None): texts repeat ("Friday", "1998")
    partials: dict[tuple[int, tuple[tuple[str, str | None], ...]], Any] = field(default_factory=dict, compare=False,
                                                                              repr=False)


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


@cache
def load_grammar(language: str) -> Grammar:
    """The rules of a language (cached: read once per process; patterns checked now, compiled when first used)."""
    fragments = load_resource(language, "patterns")
    words_table = load_resource(language, "words")
    rules_file = load_resource(language, "rules")
    boundaries = rules_file.get("boundaries", {})
    flags = re.IGNORECASE if rules_file.get("ignore_case", True) else 0
    rules: list[Rule] = []
    trees = []
    for spec in rules_file["rule"]:
        body = _wrap(expand_fragments(spec["pattern"], fragments, words_table), boundaries)
        try:
            trees.append(parse(body, flags))  # the syntax errors re.compile would raise, without compiling yet
        except re.error as error:
            raise ChronoInputError(f"rule {spec['name']!r} has a bad pattern: {error}") from error
        value = dict(spec.get("value", {}))
        value.setdefault("type", spec.get("type", TimexType.DATE.value))
        rules.append(Rule(spec["name"], body, flags, value, tuple(spec.get("examples", ()))))
    prefilter = Prefilter(trees)
    return Grammar(language, tuple(rules), Words(words_table), prefilter)
