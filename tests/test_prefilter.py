"""The tagger's prefilter: a rule is skipped at a position only when it cannot match there.

Whatever the index does to be fast (listing beginnings per head, fragments parsed once through stand-in
characters), it must never hide a rule that matches: the checks below compare it with the regexes themselves.
"""

from __future__ import annotations

import re

import pytest

from chrono.lang import Language
from chrono.tag.grammar import load_grammar
from chrono.tag.prefilter import Prefilter, fold, parse, starts_of

_WORD_START = re.compile(r"(?<![\w'’])[\w'’]")

# texts that exercise many rules: numbers and number words, ranges, apostrophes, odd spaces, capitals
TEXTS = [
    "Talks between March 5-9, 1918 failed; the five-hour meeting of Sunday night ended at 3 p.m. EST.",
    "In the '90s and the 1990s, sales rose 2 1/2 years in a row; Q3 2022 and the first half of 2023 too.",
    "A FEW DAYS AGO, about two and a half months later, twenty-four hours before the mid-2022 vote.",
    "He said Friday, Oct. 13, 1989, that last week's 12-point plan cost $1,000 (3%) on 03/02/2023.",
    "Since 499-493 BC, and\u00a0March\u00a02, 2023\u2019s report: the late 1800s, the 20th century, Christmas Eve.",
    "Every month, quarterly, the previous Friday, this coming Monday, early December, recent weeks, now.",
    # the other Unicode spaces and digits that the regex's \s and \d take: thin, narrow no-break (CLDR's
    # "10:00\u202fAM"), figure and ideographic spaces, an ASCII separator, Arabic-Indic digits
    "On 26\u2009Jan\u20092024 at 10:00\u202fAM, 3\u2007March, 5\u3000days later, a\x1cweek ago, "
    "\u0661\u0669\u0669\u0660.",
]


def _matching_rules(text: str, position: int) -> set[int]:
    rules = load_grammar(Language.load("en")).rules
    return {number for number, rule in enumerate(rules)
            if (match := rule.regex.match(text, position)) is not None and match.end() > position}


@pytest.mark.parametrize("text", TEXTS)
def test_every_rule_that_matches_is_a_candidate_where_it_matches(text: str) -> None:
    prefilter = load_grammar(Language.load("en")).prefilter
    folded = fold(text)
    positions = set(prefilter.positions(folded, 0, len(text)))
    checked = 0
    for word in _WORD_START.finditer(text):
        matching = _matching_rules(text, word.start())
        if matching:
            checked += 1
            assert word.start() in positions, text[word.start():word.start() + 20]
            assert matching <= set(prefilter.rules_at(folded, word.start())), text[word.start():word.start() + 20]
    assert checked  # the text does exercise the rules


@pytest.mark.parametrize("number", range(len(load_grammar(Language.load("en")).rules)))
def test_beginnings_through_fragment_stand_ins_equal_those_of_the_full_pattern(number: int) -> None:
    grammar = load_grammar(Language.load("en"))
    assert grammar.prefilter.beginnings(number) == starts_of(grammar.rules[number].regex)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"ab|cd", {"ab", "cd"}),
        (r"\d{4}", {"0000"}),
        (r"(?:last|next)\sweek", {"last wee", "next wee"}),
        (r"in\s+may", {"in may", "in  may", "in   may", "in    ma", "in     m", "in      "}),  # cut at 8
        (r"[ap]\.m\.", {"a.m.", "p.m."}),
        (r"Q[1-4]", {"q0"}),
        (r"(?<!\w)mid-(?=\d)\d\d", {"mid-00"}),
        (r"x?", None),  # can match nothing: tried everywhere
        (r"\w+day", None),  # any word character: too many to list
    ],
)
def test_beginnings_of_a_pattern(pattern: str, expected: set[str] | None) -> None:
    assert starts_of(re.compile(pattern, re.IGNORECASE)) == expected


@pytest.mark.parametrize(
    ("skeleton", "fragments", "expanded"),
    [
        ("\ue000\\s+ago", {"\ue000": "two|three"}, r"(?:two|three)\s+ago"),
        ("\ue000|\ue001", {"\ue000": "may", "\ue001": "june"}, r"(?:may)|(?:june)"),  # parsed as a set
        ("[\ue000x]1", {"\ue000": "ab"}, r"(?:(?:ab)|x)1"),
        ("\ue000?day", {"\ue000": "mon|\ue001", "\ue001": "tues"}, r"(?:mon|(?:tues))?day"),
    ],
)
def test_a_stand_in_means_its_fragment(skeleton: str, fragments: dict[str, str], expanded: str) -> None:
    parsed = {char: parse(body, re.IGNORECASE) for char, body in fragments.items()}
    prefilter = Prefilter([parse(skeleton, re.IGNORECASE)], parsed)
    assert prefilter.beginnings(0) == starts_of(re.compile(expanded, re.IGNORECASE))


@pytest.mark.parametrize(
    ("text", "position", "expected"),
    [
        ("at 5 p.m. today", 3, {0}),  # the clock rule only
        ("at 5 p.m. today", 10, {1}),
        ("the meeting", 0, set()),  # a head some rule shares, but no rule's full beginning
    ],
)
def test_rules_at_narrows_to_full_beginnings(text: str, position: int, expected: set[int]) -> None:
    patterns = [r"\d\s?[ap]\.m\.", r"today", r"the\s+(?:week|month)"]
    prefilter = Prefilter([parse(pattern, re.IGNORECASE) for pattern in patterns])
    assert set(prefilter.rules_at(fold(text), position)) == expected


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("On Monday, 12\tMay", "on monday, 00 may"),
        ("İstanbul, Monday", "İstanbul, monday"),  # "İ" lowers to two characters: it stays, the rest is lowered
        ("10:00\u202fAM, 26\u2009Jan", "00:00 am, 00 jan"),  # every space a space, as the regex's \s
        ("\u0661\u0669\u0669\u0660\u3000BC", "0000 bc"),  # every decimal digit a 0, as the regex's \d
        ("", ""),
    ],
)
def test_fold_keeps_offsets(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("today, today", 0, [0, 7]),
        ("today, today", 1, [7]),  # inside a word: no word start
        ("today, today", 7, [7]),  # the character before the range says it is a word start
        (" today", 0, [1]),
        ("x'today today", 0, [8]),  # an apostrophe is part of a word
        ("today", 5, []),
        ("", 0, []),
    ],
)
def test_positions_are_word_starts_from_the_range_start(text: str, start: int, expected: list[int]) -> None:
    prefilter = Prefilter([parse(r"today", re.IGNORECASE)])
    folded = fold(text)
    assert list(prefilter.positions(folded, start, len(folded))) == expected


def test_a_rule_whose_beginning_cannot_be_listed_is_tried_at_every_word_start() -> None:
    prefilter = Prefilter([parse(r"today", re.IGNORECASE), parse(r"\w+day", re.IGNORECASE)])
    folded = fold("On Monday, today")
    assert list(prefilter.positions(folded, 0, len(folded))) == [0, 3, 11]
    assert [prefilter.rules_at(folded, position) for position in (0, 3, 11)] == [(1,), (1,), (0, 1)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on a rainy Monday", {0}),  # too many beginnings to list under "a r": the rule is tried there
        ("on a Monday", {0}),
        ("on a rainy day", {0}),  # tried, though it will not match
        ("on the Monday", set()),
    ],
)
def test_a_rule_with_too_many_beginnings_under_a_head_is_tried_under_it(text: str, expected: set[int]) -> None:
    prefilter = Prefilter([parse(r"an?\s+(?:[a-z]+\s+)?monday", re.IGNORECASE)])
    folded = fold(text)
    assert set(prefilter.rules_at(folded, 3)) == expected
    assert (3 in set(prefilter.positions(folded, 0, len(folded)))) == bool(expected)
