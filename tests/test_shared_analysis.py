"""A sentence is analysed once for all its expressions (chrono.resolve.tense, chrono.attach.headline cache per
sentence text): the results must not depend on which expression, or which copy of a sentence, came first."""

from __future__ import annotations

import pytest

import chrono.attach.headline as headline_module
from chrono.attach.headline import _ALNUM, _analysed, _Words, headline
from chrono.lang import Language
from chrono.model import Span, Tense
from chrono.resolve.tense import governing_tense

PAST, PRESENT, FUTURE, NONE = Tense.PAST, Tense.PRESENT, Tense.FUTURE, Tense.NONE

# (sentence, the expressions in it, in the order asked, expected tense of each)
SAME_SENTENCE = [
    ("The store closed in May; it will reopen in June.", ["June", "May"], [FUTURE, PAST]),
    ("Talks are to resume on Friday, and the deal had been signed on Monday.", ["Monday", "Friday"], [PAST, FUTURE]),
    ("“We will win on Sunday,” he said on Monday.", ["Sunday", "Monday"], [FUTURE, PAST]),
    ("He said “prices will rise” on Monday.", ["Monday"], [NONE]),
    ("It won’t be ready in May, and it wasn’t in April.", ["April", "May"], [PAST, FUTURE]),
    ("The firm Acquired in May was sold in June.", ["May", "June"], [PAST, PAST]),
]


@pytest.mark.parametrize(("sentence", "phrases", "expected"), SAME_SENTENCE)
def test_tense_of_each_expression_of_one_sentence(sentence: str, phrases: list[str], expected: list[Tense]) -> None:
    whole = Span(0, len(sentence))
    found = [governing_tense(sentence, Span(sentence.index(p), sentence.index(p) + len(p)), whole) for p in phrases]
    assert found == expected


@pytest.mark.parametrize(("first", "second", "phrase", "expected"), [
    ("The talks collapsed on Monday.", "They will resume on Monday.", "Monday", FUTURE),
    ("They will resume on Monday.", "The talks collapsed on Monday.", "Monday", PAST),
    ("They will resume on Monday.", "They will resume on Monday.", "Monday", FUTURE),
])
def test_tense_of_a_sentence_met_again_at_another_offset(first: str, second: str, phrase: str,
                                                         expected: Tense) -> None:
    text = f"{first} Filler words here. {second}"
    start = text.rindex(phrase)
    sentence = Span(text.rindex(second), len(text))
    assert governing_tense(text, Span(start, start + len(phrase)), sentence) == expected


@pytest.mark.parametrize(("sentence", "phrase", "expected"), [
    ("Prices rose on Wednesday and fell on Friday, traders said.", "Wednesday",
     "Prices rose on Wednesday and fell on Friday, traders said"),
    ("Prices rose on Wednesday and fell on Friday, traders said.", "Friday",
     "Prices rose on Wednesday and fell on Friday, traders said"),
])
def test_headline_of_each_expression_of_one_sentence(sentence: str, phrase: str, expected: str) -> None:
    start = sentence.index(phrase)
    assert headline(sentence, (start, start + len(phrase))) == expected


# (text, range): the words are what a search for runs of non-space bounded to the range finds, kept when they
# hold a letter or digit; a range cutting a run keeps the piece inside it
WORD_RANGES = [
    ("one two three", 0, 13, [(0, 3), (4, 7), (8, 13)]),
    ("one two three", 1, 9, [(1, 3), (4, 7), (8, 9)]),
    ("word—word next", 5, 14, [(5, 9), (10, 14)]),
    ("word—word next", 0, 5, [(0, 5)]),
    ("a -- b", 0, 6, [(0, 1), (5, 6)]),
    ("x-, y", 1, 5, [(4, 5)]),
    ("(which) it", 0, 1, []),
    ("(which) it", 1, 10, [(1, 7), (8, 10)]),
    ("one two", 3, 3, []),
    ("one two", 5, 2, []),
    ("_ __ é ٣", 0, 8, [(5, 6), (7, 8)]),
]


@pytest.mark.parametrize(("text", "start", "end", "expected"), WORD_RANGES)
def test_words_in_a_range(text: str, start: int, end: int, expected: list[tuple[int, int]]) -> None:
    words = _Words(text)
    assert words.spans(start, end) == expected
    assert words.count(start, end) == len(expected)


def _bounds_walking_every_cut(sentence: str, expression: tuple[int, int]) -> list[int]:
    """The clause bounds for one expression the slow way: every cut of the sentence walked again."""
    cuts = _analysed(sentence, Language.load("en").segment.clauses).cuts
    kept = [0]
    for cut in cuts:
        if not expression[0] < cut < expression[1] and _ALNUM.search(sentence, kept[-1], cut):
            kept.append(cut)
    kept[-1] = len(sentence)
    return kept


# (sentence, expression phrase): the bounds shared by a sentence's expressions, patched after each expression,
# equal the bounds worked out for that expression alone
PATCHED_BOUNDS = [
    ("Prices rose on Wednesday and fell on Friday, traders said.", "Wednesday"),
    ("He left on March 2, 2023, in a hurry, and came back.", "March 2, 2023"),  # cuts inside the expression
    ("He left on March 2, 2023, , , and came back.", "March 2, 2023"),  # empty clauses right after it
    ("On June 3, who knows, it ended.", "June 3, who"),  # a cut word inside the expression
    ("It ended, , , on May 1, ,", "May 1, ,"),  # nothing but punctuation after the expression
    (", , ,", ", ,"),  # no word at all
    ("The talks, which stalled, resumed in Geneva on Monday while protesters gathered.", "The talks, which"),
]


@pytest.mark.parametrize("listed_up_to", [4096, 0])  # bounds copied into a list, or looked up through the view
@pytest.mark.parametrize(("sentence", "phrase"), PATCHED_BOUNDS)
def test_patched_bounds_equal_bounds_worked_out_alone(sentence: str, phrase: str, listed_up_to: int,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(headline_module, "_LISTED_BOUNDS", listed_up_to)
    start = sentence.index(phrase)
    end = len(sentence)
    analysis = _analysed(sentence, Language.load("en").segment.clauses)
    for expression in [(start, start + len(phrase)), (start, start), (0, end), (end, end)]:
        assert list(analysis.bounds(expression)) == _bounds_walking_every_cut(sentence, expression)
