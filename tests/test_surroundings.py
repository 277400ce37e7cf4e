"""Surrounding cues: the words a cue's pattern needs (a substring pre-test) never change what the cue finds."""

from __future__ import annotations

import pytest

from chrono.lang.sections import SurroundingCue, Surroundings
from chrono.model import Expression, PartialValue, Span
from chrono.tag import surroundings
from chrono.tag.surroundings import _pattern_needs, is_aside


@pytest.mark.parametrize(("pattern", "needs"), [
    (r"(?:©|\(c\)|\bcopyright\b)[^\n.!?;]{0,60}", ("(c)", "copyright", "©")),
    (r"[^\n]{0,60}\ball\s+rights\s+reserved", ("reserved",)),
    (r"\b(?:film|Movie)\s+[\"“]?", ("film", "movie")),
    (r"(?:the\s+)+", ("the",)),
    (r"(?:the\s+)?", ()),  # optional: nothing is needed
    (r"(?:if|)\s+", ()),  # an alternative that needs nothing
    (r"(?<=bon\s)x", ("x",)),  # a look-behind may read outside the window: only the match itself counts
    (r"\u212a\w+", ()),  # the Kelvin sign matches "k" when case is ignored: lower-casing cannot test it
    (r"(?<=\w)[?!.]", ("!", ".", "?")),  # a set of characters: one of them
    (r"[?!.]?[\"”]", ('"', "”")),
    (r"[^?!.]", ()),  # a negated set needs none of them
    (r"[a-z]", ()),  # a range: not listed
    ("", ()),
])
def test_pattern_needs(pattern: str, needs: tuple[str, ...]) -> None:
    assert _pattern_needs(pattern) == needs


_CUES = Surroundings(window=40, aside=(
    SurroundingCue("comparison", before=r"\b(?:since|than(?:\s+in)?)\s+"),
    SurroundingCue("copyright", before=r"(?:©|\(c\)|\bcopyright\b)[^\n.!?;]{0,30}"),
    SurroundingCue("reserved", after=r"[^\n]{0,20}\ball\s+rights\s+reserved"),
    SurroundingCue("kelvin", before="\u212a\\s+"),
    SurroundingCue("glued", before=r"(?<=\w)[?!.:;]", reach=2),
    SurroundingCue("span", around=r"\b{word}\s+1998-\d+", around_first=r"{word}"),
), parts={"word": "during|amid"})


@pytest.mark.parametrize(("text", "aside"), [
    ("Prices rose since 1998 in the region.", True),
    ("Prices rose SINCE 1998 in the region.", True),
    ("Prices rose more than in 1998 overall.", True),
    ("Prices rose in 1998 overall.", False),
    ("Copyright Reuters 1998", True),
    ("(C) 1998 Reuters", True),
    ("1998 Reuters (C)", False),  # after the expression: not a copyright line before it
    ("Reuters (C) 1998", True),
    ("Reuters © 1998", True),
    ("Reuters 1998. All Rights Reserved.", True),
    ("Reuters 1998. All rights kept.", False),
    ("k 1998", True),  # "k" matches the Kelvin sign's pattern when case is ignored
    ("Café since 1998", True),  # non-ASCII windows skip the pre-test
    ("Is it over?1998 review", True),
    ("Is it over? 1998 review", False),
    ("Sales amid 1998-99 fell.", True),  # `around`: a match covers the expression, its {word} from parts
    ("Sales DURING 1998-99 fell.", True),
    ("Sales in 1998-99 fell.", False),
    ("amid 1998", False),  # no match of the pattern at all
])
def test_pre_test_keeps_every_verdict(text: str, aside: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    start = text.index("1998")
    expression = Expression(text="1998", span=Span(start, start + 4), partial=PartialValue(), rule="year")
    assert is_aside(expression, text, _CUES) is aside
    monkeypatch.setattr(surroundings, "_lacks", lambda region, needs: False)  # every regex searched
    assert is_aside(expression, text, _CUES) is aside
