from __future__ import annotations

import pytest

from chrono.model import Span
from chrono.segment.sentences import split_sentences


@pytest.mark.parametrize(("text", "expected"), [
    ("It rained. Then it stopped.", ["It rained.", "Then it stopped."]),
    ("Troops left the U.S. embassy on Friday. Nobody was hurt.",
     ["Troops left the U.S. embassy on Friday.", "Nobody was hurt."]),
    ("Talks stalled in the U.S. The next round is in Geneva.",
     ["Talks stalled in the U.S.", "The next round is in Geneva."]),
    ("Mr. Smith met Gen. He Weidong. They spoke.", ["Mr. Smith met Gen. He Weidong.", "They spoke."]),
    ("The strike began on Sept. 11 and ended on Oct. 3. Workers returned.",
     ["The strike began on Sept. 11 and ended on Oct. 3.", "Workers returned."]),
    ("George W. Bush signed it. It expired.", ["George W. Bush signed it.", "It expired."]),
    ("Apple Inc. said so. Acme Corp. The end.", ["Apple Inc. said so.", "Acme Corp.", "The end."]),
    ("It opens at 9 a.m. Friday. It closes at 5 p.m. The staff leave.",
     ["It opens at 9 a.m. Friday.", "It closes at 5 p.m.", "The staff leave."]),
    ('"It was a bomb," he said. "You can see the crater." Police agreed.',
     ['"It was a bomb," he said.', '"You can see the crater."', "Police agreed."]),
    ('"Why now?" she asked. Nobody answered!', ['"Why now?" she asked.', "Nobody answered!"]),
    ("He called it “a disaster!” and left. It ended.", ["He called it “a disaster!” and left.", "It ended."]),
    ("``We are friends.'' He left.", ["``We are friends.''", "He left."]),
    ("Prices rose 3.5 percent. Output was 1,200 tons.", ["Prices rose 3.5 percent.", "Output was 1,200 tons."]),
    ("It rose in 1998. 1999 was worse.", ["It rose in 1998.", "1999 was worse."]),
    ("The plant will close (no date yet). About 600 work there.",
     ["The plant will close (no date yet).", "About 600 work there."]),
    ("(Figures were revised.) The agency apologized.", ["(Figures were revised.)", "The agency apologized."]),
    ("It hit Little Rock, Ark. on Sunday. Power failed.", ["It hit Little Rock, Ark. on Sunday.", "Power failed."]),
    ("Ukraine. full sovereignty was lost.", ["Ukraine. full sovereignty was lost."]),  # lowercase: no split
    ("NAIROBI, Kenya (AP) _ Bombs exploded on Friday.", ["NAIROBI, Kenya (AP) _", "Bombs exploded on Friday."]),
    # a dateline with its date, as wires and press releases write it, is a segment of its own too
    ("LONDON, March 12 (Reuters) - Britain's economy grew.",
     ["LONDON, March 12 (Reuters) -", "Britain's economy grew."]),
    ("SPRINGFIELD, Ill., April 12, 2015 /PRNewswire/ -- Acme Corp. today announced a plant.",
     ["SPRINGFIELD, Ill., April 12, 2015 /PRNewswire/ --", "Acme Corp. today announced a plant."]),
    ("NEW DELHI, 12 March 2026: The government cut taxes.", ["NEW DELHI, 12 March 2026:", "The government cut taxes."]),
    ("WASHINGTON — The Fed met. It held rates.", ["WASHINGTON —", "The Fed met.", "It held rates."]),
    ("US officials - unnamed - spoke.", ["US officials - unnamed - spoke."]),  # not a dateline
    ("First paragraph without a stop\n\nSecond one", ["First paragraph without a stop", "Second one"]),
    ("Windows line endings.\r\n\r\nSecond paragraph.", ["Windows line endings.", "Second paragraph."]),
    ("A wrapped line\ncontinues here. Next.", ["A wrapped line\ncontinues here.", "Next."]),
    ("It waited... Then it spoke.", ["It waited...", "Then it spoke."]),
    ("It waited.... Then it spoke.", ["It waited....", "Then it spoke."]),  # a run of stops is one boundary
    ("It waited… Then it spoke.", ["It waited…", "Then it spoke."]),
    ("It waited…. Then it spoke.", ["It waited….", "Then it spoke."]),
    ('Really?!" Then it spoke.', ['Really?!"', "Then it spoke."]),
    # a run is tried from its first stop alone: the same boundaries as from each of its stops
    ("Wait?!?!.. Then it spoke.", ["Wait?!?!..", "Then it spoke."]),
    ("It waited.…!! Then it spoke.", ["It waited.…!!", "Then it spoke."]),
    ("It waited..)). Then it spoke.", ["It waited..)).", "Then it spoke."]),
    ("It waited...x. Then it spoke.", ["It waited...x.", "Then it spoke."]),
    ("." * 5000 + " Then it spoke.", ["." * 2000, "." * 2000, "." * 1000, "Then it spoke."]),  # cut at 2,000
    ("!?" * 5000 + "x", ["!?" * 1000] * 5 + ["x"]),
    # a stop inside a bracket that the next word closes ends no sentence: a ticker cut by a line break
    ("Fitch downgraded BP (BP.\nL) on Thursday. Shares fell.", ["Fitch downgraded BP (BP.\nL) on Thursday.",
                                                               "Shares fell."]),
    ("It rose (see note.) Shares fell.", ["It rose (see note.)", "Shares fell."]),
    ("", []),
    ("   \n\n  ", []),
])
def test_split_sentences(text: str, expected: list[str]) -> None:
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    assert [s.index for s in sentences] == list(range(len(expected)))
    assert all(text[s.span.start:s.span.end] == s.text for s in sentences)


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("date 2023-03-02\n—\nOne. Two.", Span(18, 27), ["One.", "Two."]),
    ("Skip this. Keep this. And this.", Span(11, 31), ["Keep this.", "And this."]),
])
def test_offsets_index_the_whole_text(text: str, span: Span, expected: list[str]) -> None:
    sentences = split_sentences(text, span)
    assert [s.text for s in sentences] == expected
    assert all(text[s.span.start:s.span.end] == s.text and s.span.start >= span.start for s in sentences)


WORDS_NO_STOP = " ".join(f"word{index % 10}" for index in range(1000))  # 5,999 characters, no punctuation
LINES_NO_STOP = "\n".join("a line of text without a stop" for _ in range(200))  # 30-character lines
NO_SPACE = "7" * 4500


@pytest.mark.parametrize(("text", "lengths", "ends_before"), [
    (WORDS_NO_STOP, [1997, 1997, 1997, 5], " "),  # cut at the last space before the limit
    (LINES_NO_STOP, [1979, 1979, 1979, 59], "\n"),  # cut at the last line break before the limit
    ("Short. Then " + WORDS_NO_STOP[:2500], [6, 1996, 508], " "),  # the cap applies to each sentence on its own
    (NO_SPACE, [2000, 2000, 500], "7"),  # nowhere to cut between words: a hard cut
    ("x" * 2000, [2000], ""),  # exactly at the limit: one piece
])
def test_overlong_sentences_are_cut_at_whitespace(text: str, lengths: list[int], ends_before: str) -> None:
    sentences = split_sentences(text)
    assert [len(s.text) for s in sentences] == lengths
    assert all(text[s.span.start:s.span.end] == s.text for s in sentences)
    assert all(text[s.span.end:s.span.end + 1] in (ends_before, "") for s in sentences)
    assert "".join("".join(s.text.split()) for s in sentences) == "".join(text.split())  # nothing lost
