"""Segment: sentences with their offsets in the document text.

A small rule-based splitter tuned for news: paragraph breaks always split; a candidate boundary is
sentence punctuation (plus closing quotes or brackets) followed by space and a capital or a digit; a period
after a title ("Mr.") never splits, after an ambiguous abbreviation ("U.S.", "Sept.", "Inc.") only when a
usual sentence opener follows; a leading dateline ("WASHINGTON (AP) -", "LONDON, March 12 (Reuters) -") is a
segment of its own. A piece longer than MAX_SENTENCE_CHARS (text with no punctuation, a flattened table) is cut
at its last line break or else its last space before the limit, so later stages see pieces of bounded length.
benchmarks/segmenter.py compares it with pysbd (see the README for the figures).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from chrono.lang import Language, or_default
from chrono.lang.sections import SegmentWords
from chrono.model import Sentence, Span
from chrono.read.dateline import find_dateline

MAX_SENTENCE_CHARS = 2000  # real news sentences stay far below; beyond it the text has no sentence punctuation
_BRACKET_REACH = 40  # characters: a bracket opened this close before a stop can still be open at it
_PREFERRED_CUT = MAX_SENTENCE_CHARS // 2  # a line break this far in beats a later space
# every alternative opens with a literal character: the engine then skips, in C, to the next "\n" or "\r" (a group
# round "\r\n|\n" hid them, and every position of the text was tried)
_PARAGRAPH_BREAK = re.compile(r"\n(?:[ \t\f\v]*\r?\n)+|\r\n(?:[ \t\f\v]*\r?\n)+|\r(?:[ \t]*\r)+")
# a run of [.!?] or one "…" (then closing quotes or brackets) before a word; written to begin with one character
# set, which lets the regex engine skip in C to the next such character instead of trying every position. A run
# is tried from its first character only, and read once (possessive): what follows a run is the same from any of
# its characters, and trying each one read the rest of the run again (a line of 10,000 dots took 1.4 s, 40,000: 22)
_CANDIDATE = re.compile(r"[.!?…](?:(?<=[.!?])(?<![.!?].)[.!?]*+)?[\"'”’»)\]]*+(?=\s+[\"'`“‘«(\[]*\w)")
_LAST_TOKEN = re.compile(r"[\"'`“‘«(\[]*([^\s\"'`“‘«(\[]+)$")
_NEXT_WORD = re.compile(r"\s+[\"'`“‘«(\[]*([\w'’.-]+)")
_DOTTED_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+)*"  # city in capitals: NAIROBI, NEW YORK, SAN JUAN
    r"(?:,[ \t]*[A-Z][\w.'’]*(?:[ \t][A-Z][\w.'’]*)*)?"  # optional region or country: ", Kenya"
    r"[ \t]*(?:\([^()\n]{1,40}\))?"  # optional agency: (AP)
    r"[ \t]*(?:[-—–_]{1,3}|:)[ \t]+"
)


@dataclass(frozen=True, slots=True)
class _Abbreviations:
    never_final: frozenset[str]
    maybe_final: frozenset[str]
    openers: frozenset[str]


@cache
def _abbreviations(data: SegmentWords) -> _Abbreviations:
    return _Abbreviations(frozenset(data.never_final), frozenset(data.maybe_final), frozenset(data.openers))


def _is_boundary(text: str, match: re.Match[str], words: _Abbreviations) -> bool:
    """Whether the punctuation of ``match`` ends a sentence, judging the word before and the word after."""
    following = _NEXT_WORD.match(text, match.end())
    next_word = following.group(1).rstrip(".") if following else ""
    if not next_word or not (next_word[0].isupper() or next_word[0].isdigit()):
        return False  # '"Why?" she asked', 'the U.S. embassy'
    if _closes_bracket(text, match.start(), following.end() if following else match.end()):
        return False  # 'BP Plc (BP.\nL) said': no sentence opens by closing a bracket opened before the stop
    punctuation = match.group()
    if not punctuation.startswith(".") or punctuation.startswith("..."):
        return True  # ! ? and ellipses end a sentence when a capital follows
    before = _LAST_TOKEN.search(text, max(0, match.start() - 40), match.start())
    if before is None:
        return True
    word = before.group(1)
    if word in words.never_final or (len(word) == 1 and word.isupper()):
        return False
    if word in words.maybe_final or word.lower() in words.maybe_final or _DOTTED_ACRONYM.fullmatch(word):
        return next_word in words.openers
    return True


def _closes_bracket(text: str, stop: int, after: int) -> bool:
    """Whether the word after a stop closes a bracket that is open just before it (a ticker cut by a line break)."""
    if after >= len(text) or text[after] not in ")]":
        return False
    before = text[max(0, stop - _BRACKET_REACH):stop]
    opening = max(before.rfind("("), before.rfind("["))
    return opening >= 0 and opening > max(before.rfind(")"), before.rfind("]"))


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    for brk in _PARAGRAPH_BREAK.finditer(text, start, end):
        pieces.append((start, brk.start()))
        start = brk.end()
    pieces.append((start, end))
    return pieces


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _capped(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """text[start:end] cut into pieces of at most MAX_SENTENCE_CHARS, at a line break or a space if there is one."""
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = text.rfind("\n", start + _PREFERRED_CUT, limit + 1)
        if cut < 0:
            cut = max(text.rfind(" ", start + 1, limit + 1), text.rfind("\t", start + 1, limit + 1))
        if cut <= start:
            cut = limit  # one unbroken run of characters: cut it anyway
        pieces.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    pieces.append((start, end))
    return pieces


def _dated_dateline_end(text: str, start: int, end: int, language: Language | None) -> int | None:
    """Where a dateline with its date ends ("LONDON, March 12 (Reuters) -"): the reader's dateline shape."""
    found = find_dateline(text, Span(start, end), language)
    return found.end if found is not None else None


def sentence_spans(text: str, span: Span | None = None, *, language: Language | None = None) -> list[Span]:
    """Sentence offsets of text[span], whitespace trimmed, empty pieces dropped."""
    words = _abbreviations(or_default(language).segment)
    region = span or Span(0, len(text))
    spans: list[Span] = []

    def add(start: int, end: int) -> None:
        start, end = _trimmed(text, start, end)
        for piece_start, piece_end in _capped(text, start, end):
            piece_start, piece_end = _trimmed(text, piece_start, piece_end)
            if piece_start < piece_end:
                spans.append(Span(piece_start, piece_end))

    for par_start, par_end in _paragraphs(text, region.start, region.end):
        par_start, par_end = _trimmed(text, par_start, par_end)
        dateline = _DATELINE.match(text, par_start, par_end)
        dateline_end = dateline.end() if dateline else _dated_dateline_end(text, par_start, par_end, language)
        if dateline_end is not None and dateline_end < par_end:
            add(par_start, dateline_end)
            par_start = dateline_end
        start = par_start
        for candidate in _CANDIDATE.finditer(text, par_start, par_end):
            if _is_boundary(text, candidate, words):
                add(start, candidate.end())
                start = candidate.end()
        add(start, par_end)
    return spans


def split_sentences(text: str, span: Span | None = None, *, language: Language | None = None) -> list[Sentence]:
    """The sentences of text[span], offsets into the whole text, in order."""
    return [Sentence(span=piece, text=text[piece.start:piece.end], index=index)
            for index, piece in enumerate(sentence_spans(text, span, language=language))]


class SentenceIndex:
    """Which sentence holds a span: a bisection over the sentences' starts (sentences do not overlap)."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self._sentences = sorted(sentences, key=lambda sentence: sentence.span.start)
        self._starts = [sentence.span.start for sentence in self._sentences]

    def holding(self, span: Span) -> Sentence | None:
        """The sentence that contains the start of ``span``; None for a span outside every sentence."""
        index = bisect_right(self._starts, span.start) - 1
        if index >= 0 and span.start < self._sentences[index].span.end:
            return self._sentences[index]
        return None
