"""Text in Penn Treebank tokens (research corpora such as Timeline17) is read as the prose it was made from."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chrono import build_from_documents
from chrono.read import read_documents
from chrono.read.tokenized import as_prose, is_tokenized


@pytest.mark.parametrize(("tokens", "prose"), [
    ("BP 's oil spill , which began on April 20 , grew .", "BP's oil spill, which began on April 20, grew."),
    ("We do n't know , '' he said . `` It 's over . ''", "We don't know,\" he said. \"It's over.\""),
    ("Haiti 's appeal -LRB- DEC -RRB- raised $ 38m ; they 're , we 've , I 'm .",
     "Haiti's appeal (DEC) raised $38m; they're, we've, I'm."),
    ("It ca n't , wo n't , and SHE 'LL stop -LSB- sic -RSB- .", "It can't, won't, and SHE'LL stop [sic]."),
    ("A rise of 5 % , the U.S. said .\nAnother line , here .\n", "A rise of 5%, the U.S. said.\nAnother line, here.\n"),
    ("Parents ' group , dogs ' home , one , two .", "Parents ' group, dogs ' home, one, two."),  # no clitic there
    # a short text: two spaced marks and a split contraction
    ("Rescuers reached the port , after Tuesday 's quake .\n", "Rescuers reached the port, after Tuesday's quake.\n"),
    ("We do n't know , she said .", "We don't know, she said."),
])
def test_tokens_are_joined_back_into_prose(tokens: str, prose: str) -> None:
    assert as_prose(tokens) == prose


@pytest.mark.parametrize("text", [
    "BP's oil spill, which began on April 20, grew. It was the worst, officials said. Then, on Friday, it stopped.",
    "lol , ok",  # too few marks to tell
    "lol , it 's ok",  # a split contraction counts, but two marks are still too few
    "Tuesday's quake, they said.",
    "Bonjour ! Ça va ? Oui : très bien ; merci.",  # spaced ! ? : ; are French typography, not tokens
    "Wait . . . what? A list: 1 . 2 . then prose, as usual, follows, and follows, and ends.",
    "The figure rose 3.5 per cent, to 1,200. Rates fell, then rose, then fell, then rose again.",
])
def test_prose_is_left_as_it_is(text: str) -> None:
    assert not is_tokenized(text)
    assert as_prose(text) is text


@pytest.mark.parametrize(("opening", "rest", "tokenized"), [
    ("One , two . " * 32, "Then prose, as written, follows. " * 200, True),  # 64 marks decide; the rest is not read
    ("One, two. " * 32, "Then tokens , as stored , follow . " * 200, False),
    ("One , two . " * 8, "Then prose, as written, follows. " * 200, False),  # 16 spaced of the 64 read
])
def test_the_opening_commas_and_stops_decide(opening: str, rest: str, tokenized: bool) -> None:
    assert is_tokenized(opening + rest) is tokenized


_ESCAPES = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}", "``": '"', "''": '"'}
TOKEN_TEXT = st.lists(st.sampled_from(["BP", "'s", "n't", "do", ",", ".", "-LRB-", "-RRB-", "``", "''", "$", "5",
                                       "%", ";", "'", "ca", "\n", "April", "20"]), max_size=60).map(" ".join)


@given(TOKEN_TEXT)
def test_joining_back_only_closes_spaces_and_undoes_escapes(text: str) -> None:
    """Nothing but spaces is taken out, and nothing is added but the characters the escapes stand for."""
    def squeezed(value: str) -> str:
        return re.sub(r"[ \t]+", "", value)

    if not is_tokenized(text):
        assert as_prose(text) is text
        return
    unescaped = re.sub("|".join(map(re.escape, _ESCAPES)), lambda match: _ESCAPES[match.group()], text)
    assert squeezed(as_prose(text)) == squeezed(unescaped)
    assert as_prose(as_prose(text)) == as_prose(text)


TOKENIZED_ARTICLE = ("BP 's chief executive Tony Hayward said on Tuesday the spill , which began on April 20 , "
                     "was `` a tragedy '' -LRB- Reuters -RRB- .\nThe company 's shares fell 5 % on Wednesday .\n")


def test_a_tokenized_file_and_record_are_read_and_quoted_as_prose(tmp_path: Path) -> None:
    article = tmp_path / "2010-06-01" / "17.htm.txt"
    article.parent.mkdir()
    article.write_text(TOKENIZED_ARTICLE, encoding="utf-8")
    records = tmp_path / "c.jsonl"
    records.write_text(json.dumps({"text": TOKENIZED_ARTICLE, "published": "2010-06-01"}) + "\n", encoding="utf-8")
    documents, failures = read_documents([str(article), str(records)])
    assert not failures and len(documents) == 2
    for document in documents:
        assert document.text.startswith("BP's chief executive Tony Hayward said on Tuesday the spill, which began")
        assert '"a tragedy" (Reuters).\nThe company\'s shares fell 5% on Wednesday.' in document.text
        timeline = build_from_documents([document])
        assert {event.phrase for event in timeline.events} == {"Tuesday", "April 20", "Wednesday"}
        assert all(document.text[event.span.start:event.span.end] == event.phrase for event in timeline.events)
        assert all(" ," not in event.sentence and "-LRB-" not in event.sentence for event in timeline.events)
