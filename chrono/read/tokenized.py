"""Text in Penn Treebank tokens read as the prose it was made from.

Research corpora of news (Timeline17, and others built with the Stanford or NLTK tokenizers) store articles as
tokens: brackets escaped ("-LRB- AP -RRB-"), quotes as ``` `` ``` and ``''``, punctuation and contractions split
off ("BP 's spill , which"). chrono's sentences, word counts and quoted excerpts are of prose, so such a text is
joined back before anything reads it: the Document's text is the prose, and offsets index it. A text is taken
for tokens when it holds the format's escapes, or when most of its commas and full stops stand apart from the
word before them, which prose never does. The contractions are the language's (``[tokenized]`` of segment.toml).
"""

from __future__ import annotations

import re
from functools import cache

from chrono.lang import Language, or_default

__all__ = ["as_prose", "is_tokenized"]

SNIFFED_CHARACTERS = 20_000  # the opening of a text decides: enough marks, and a constant cost per text
MIN_MARKS = 3  # fewer commas and stops than this say nothing either way
DECIDING_MARKS = 64  # the first this many decide; a long text costs no more than a short one
SPACED_SHARE = 0.6  # tokens: at least this share of the commas and stops stand apart from the word before

_ESCAPES = re.compile(r"-[LR][RSC]B-|``")
# a comma or stop ending a word or a token (not one inside "3.5" or "U.S."); the engine scans for it fast, as no
# look-behind opens the pattern (that one cost 5 times as much), and is_tokenized looks at the characters before it
_MARK = re.compile(r"[,.](?=\s|$)")
_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_STEPS: tuple[tuple[re.Pattern[str], str], ...] = (
    # an escaped bracket, with the space inside the brackets closed: "-LRB- AP -RRB-" -> "(AP)"
    *((re.compile(rf"{token}[ \t]*" if token[1] == "L" else rf"[ \t]*{token}"), bracket)
      for token, bracket in _BRACKETS.items()),
    (re.compile(r"[ \t]+(?=[,.;:!?%](?:\s|$))"), ""),  # "spill , which" -> "spill, which"
    (re.compile(r"``[ \t]*"), '"'),  # opening and closing quotes, after the marks they may close on
    (re.compile(r"[ \t]*''"), '"'),
    (re.compile(r"(?<![\w$])\$[ \t]+(?=\d)"), "$"),  # "$ 5 million" -> "$5 million"
)


def is_tokenized(text: str, language: Language | None = None) -> bool:
    """Whether ``text`` reads as Penn Treebank tokens (judged on its opening SNIFFED_CHARACTERS)."""
    opening = text[:SNIFFED_CHARACTERS]
    if _ESCAPES.search(opening):
        return True
    marks = spaced = 0
    for match in _MARK.finditer(opening):
        at = match.start()
        before = opening[at - 1:at]
        if before == ".":  # inside an ellipsis
            continue
        marks += 1
        spaced += before.isspace() and opening[at - 2:at - 1] != "."  # ". . ." is an ellipsis spaced out
        if marks == DECIDING_MARKS:
            break
    if marks < MIN_MARKS:  # a short text (a caption, a teaser): a contraction split off its word counts as a mark
        split = len(_clitics(or_default(language).segment.tokenized.clitics).findall(opening))
        marks, spaced = marks + split, spaced + split
    return marks >= MIN_MARKS and spaced >= SPACED_SHARE * marks


def as_prose(text: str, language: Language | None = None) -> str:
    """``text`` joined back into prose when it is in Penn Treebank tokens; otherwise ``text`` itself."""
    if not is_tokenized(text, language):
        return text
    for pattern, replacement in _STEPS:
        text = pattern.sub(replacement, text)
    return _clitics(or_default(language).segment.tokenized.clitics).sub("", text)


@cache
def _clitics(clitics: tuple[str, ...]) -> re.Pattern[str]:
    """The space before a split-off contraction ("BP 's" -> "BP's", "do n't" -> "don't")."""
    if not clitics:
        return re.compile(r"(?!)")
    alternatives = "|".join(re.escape(clitic) for clitic in sorted(clitics, key=len, reverse=True))
    return re.compile(rf"(?<=\w)[ \t]+(?=(?:{alternatives})(?!\w))", re.IGNORECASE)
