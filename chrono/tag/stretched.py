"""Words stretched for emphasis ("tomorrowww", "tonighttt", "fridayyy"): read as written once, offsets kept.

Posts repeat a word's last letter to stress it. A letter written three or more times running at a word's end is
read once; the words.toml setting ``stretched`` says which letters (a character class: a class of the script's
letters costs a third of what any letter costs to look for) and which capitals are left as they are (Roman numerals:
"World War III", "Henry VIII"). A run inside a word is left ("Goood morning" stays no greeting the rules know, as the
writer's stress leaves it). The tagger matches its rules on the text so read and gives each expression its span
in the text as written ("exam tomorrowww" is "tomorrowww", 2015-04-09).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

__all__ = ["Unstretched", "unstretch"]


@dataclass(frozen=True, slots=True)
class Unstretched:
    """A text with its stretched letters read once, and where each of its characters stands in the original."""

    text: str
    starts: list[int]  # the original offset of each character
    ends: list[int]  # the original offset after each character (a run's end after its last kept letter)
    length: int  # the original text's length

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of ``text[start:end]`` (a run read at its end is taken whole)."""
        if end <= start:
            at = self.starts[start] if start < len(self.starts) else self.length
            return at, at
        return self.starts[start], self.ends[end - 1]

    def offset(self, original: int) -> int:
        """The offset in ``text`` of the first character at or after ``original``."""
        return bisect_left(self.starts, original)


@cache
def _run(letters: str) -> re.Pattern[str]:
    """A letter three or more times running, ending a word. Written so, the scan costs half what "\\1{2,}" costs; a
    look-ahead before the letter would slow it threefold."""
    return re.compile(f"([{letters}])\\1\\1\\1*(?![{letters}])")


def _runs(text: str, run_of: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """The matches ``run_of.finditer(text)`` yields, tried only where a character is written three times running.

    Such places are found a tenth as dear as the scan: each character's byte (any but ASCII read as "?", so one
    byte a character) against the next one's, a whole text at once as one big number; a zero byte is a pair.
    Every run starts at three equal characters, so the places missed hold no match."""
    if len(text) < 3:
        return
    raw = text.encode("ascii", "replace")
    pairs = (int.from_bytes(raw[1:], "little") ^ int.from_bytes(raw[:-1], "little")).to_bytes(len(raw) - 1, "little")
    at = pairs.find(b"\0\0")
    while at >= 0:
        run = run_of.match(text, at)
        if run is None:
            at = pairs.find(b"\0\0", at + 1)
        else:
            yield run
            at = pairs.find(b"\0\0", run.end())


def unstretch(text: str, settings: Mapping[str, Any]) -> Unstretched | None:
    """The text with its stretched words read once, or None when no letter is stretched (most texts)."""
    spec = settings.get("stretched")
    if not spec:
        return None
    run_of = _run(spec.get("letters", "^\\W\\d_"))
    kept = spec.get("kept_capitals", "")
    runs = [run for run in _runs(text, run_of) if run[1] not in kept]  # most texts: none found
    if not runs:
        return None
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    done = 0
    for run in runs:
        letter = run[1]
        pieces.append(text[done:run.start()])
        starts.extend(range(done, run.start()))
        ends.extend(range(done + 1, run.start() + 1))
        pieces.append(letter)
        starts.append(run.start())
        ends.append(run.end())
        done = run.end()
    pieces.append(text[done:])
    starts.extend(range(done, len(text)))
    ends.extend(range(done + 1, len(text) + 1))
    return Unstretched("".join(pieces), starts, ends, len(text))
