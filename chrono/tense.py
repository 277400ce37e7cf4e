"""The tense of the verb that governs an expression, from per-language cue words (chrono/lang/<lang>/tense.toml).

The governing verb is the nearest tense cue before the expression in its clause ("He said the meeting will be
on Tuesday": "will", FUTURE), else the nearest one after it ("On Tuesday the board will meet"). A participle
takes the tense of the auxiliary leading its verb group ("will be held" is FUTURE, "has been named" PAST).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from chrono.lang import load_resource
from chrono.model import Span, Tense

__all__ = ["governing_tense"]

_WORD_RE = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?|[;:\"]")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_MIN_ED_WORD = 5  # shorter -ed words ("bed", "red") are rarely verbs


@dataclass(frozen=True, slots=True)
class _Token:
    word: str  # lowercase
    raw: str
    span: Span


@dataclass(frozen=True, slots=True)
class _Cues:
    phrases: tuple[tuple[tuple[str, ...], Tense], ...]  # longest first
    words: dict[str, Tense]
    suffixes: dict[str, Tense]
    participles: frozenset[str]
    ed_exceptions: frozenset[str]
    group_skip: frozenset[str]
    infinitives: frozenset[str]
    auxiliaries: dict[str, Tense]
    boundaries: frozenset[str]


@cache
def _cues(language: str) -> _Cues:
    data = load_resource(language, "tense")
    phrases: list[tuple[tuple[str, ...], Tense]] = []
    words: dict[str, Tense] = {}
    suffixes: dict[str, Tense] = {}
    for tense in (Tense.PAST, Tense.PRESENT, Tense.FUTURE):
        section = data.get(tense.value.lower(), {})
        phrases.extend((tuple(phrase.split()), tense) for phrase in section.get("phrases", []))
        words.update(dict.fromkeys(section.get("words", []), tense))
        suffixes.update(dict.fromkeys(section.get("suffixes", []), tense))
    past = data.get("past", {})
    groups = data.get("groups", {})
    return _Cues(
        phrases=tuple(sorted(phrases, key=lambda item: -len(item[0]))),
        words=words,
        suffixes=suffixes,
        participles=frozenset(past.get("irregular", [])),
        ed_exceptions=frozenset(past.get("ed_exceptions", [])),
        group_skip=frozenset(groups.get("skip", [])),
        infinitives=frozenset(groups.get("infinitives", [])),
        auxiliaries={word: Tense(tense) for word, tense in groups.get("auxiliaries", {}).items()},
        boundaries=frozenset(data.get("clause", {}).get("boundaries", [])),
    )


def governing_tense(text: str, expression: Span, sentence: Span, *, language: str = "en") -> Tense:
    """Tense of the clause around ``expression`` inside ``sentence`` (offsets into text)."""
    cues = _cues(language)
    tokens = _tokens(text, sentence)
    before = [i for i, token in enumerate(tokens) if token.span.end <= expression.start]
    after = [i for i, token in enumerate(tokens) if token.span.start >= expression.end]
    tenses = _token_tenses(tokens, cues)
    for i in reversed(before):
        if tokens[i].word in cues.boundaries:
            break
        if tenses[i] is not None:
            return tenses[i]
    for i in after:
        if tokens[i].word in cues.boundaries:
            break
        if tenses[i] is not None:
            return tenses[i]
    return Tense.NONE


def _tokens(text: str, sentence: Span) -> list[_Token]:
    chunk = text[sentence.start:sentence.end].translate(_APOSTROPHES)
    return [_Token(m.group().lower(), m.group(), Span(sentence.start + m.start(), sentence.start + m.end()))
            for m in _WORD_RE.finditer(chunk)]


def _token_tenses(tokens: list[_Token], cues: _Cues) -> list[Tense | None]:
    """The tense cue each token carries (phrases mark their first word and silence the rest)."""
    tenses: list[Tense | None] = [None] * len(tokens)
    covered = [False] * len(tokens)
    words = [token.word for token in tokens]
    for phrase, tense in cues.phrases:
        size = len(phrase)
        for i in range(len(words) - size + 1):
            if not any(covered[i:i + size]) and tuple(words[i:i + size]) == phrase:
                tenses[i] = tense
                covered[i:i + size] = [True] * size
    for i, token in enumerate(tokens):
        if covered[i]:
            continue
        tenses[i] = _word_tense(token, cues)
        if tenses[i] is Tense.PAST and _is_participle(token, cues):
            tenses[i] = _group_tense(words, i, cues)
    return tenses


def _word_tense(token: _Token, cues: _Cues) -> Tense | None:
    word = token.word
    if word in cues.words:
        return cues.words[word]
    for suffix, tense in cues.suffixes.items():
        if word.endswith(suffix):
            return tense
    if _is_participle(token, cues):
        return Tense.PAST
    return None


def _is_participle(token: _Token, cues: _Cues) -> bool:
    word = token.word
    if word in cues.participles:
        return True
    if not word.endswith("ed") or word.endswith("eed") or len(word) < _MIN_ED_WORD or word in cues.ed_exceptions:
        return False
    return not token.raw[0].isupper()  # "United", "Ahmed": names, not verbs


def _group_tense(words: list[str], index: int, cues: _Cues) -> Tense | None:
    """The tense of the participle at ``index``: its group's leading auxiliary, else PAST when it is finite."""
    leading: Tense | None = None
    i = index - 1
    while i >= 0 and (words[i] in cues.group_skip or words[i] in cues.auxiliaries):
        if words[i] in cues.auxiliaries:
            leading = cues.auxiliaries[words[i]]
        i -= 1
    if leading is None and index > 0 and words[index - 1] in cues.infinitives:
        return None  # "to be published", "be held": the governing verb is further away
    return leading or Tense.PAST
