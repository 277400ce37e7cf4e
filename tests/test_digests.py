"""DigestIndex answers as a set of strings does, before and after its merges, in 16 bytes a member."""

from __future__ import annotations

import hashlib
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chrono.archive import digests
from chrono.archive.digests import DigestIndex


def _hex(number: int) -> str:
    return hashlib.blake2b(str(number).encode(), digest_size=16).hexdigest()


@pytest.mark.parametrize(("members", "asked", "expected"), [
    ([_hex(1), _hex(2)], _hex(1), True),
    ([_hex(1), _hex(2)], _hex(3), False),
    (["errors-key", _hex(1)], "errors-key", True),  # not 32 hex digits: folded by blake2b
    (["errors-key"], "errors-kez", False),
    ([_hex(1)], _hex(1).upper(), True),  # hex is hex whatever its case
    ([], _hex(1), False),
])
def test_membership(members: list[str], asked: str, expected: bool) -> None:
    assert (asked in DigestIndex(members)) is expected


def test_merged_members_are_kept_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(digests, "_FEWEST_TO_MERGE", 4)
    index = DigestIndex(_hex(number) for number in range(100))
    for number in range(100):
        index.add(_hex(number))  # again: no second copy
    assert len(index) == 100
    assert all(_hex(number) in index for number in range(100))
    assert not any(_hex(number) in index for number in range(100, 200))


def test_a_member_costs_sixteen_bytes_once_merged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(digests, "_FEWEST_TO_MERGE", 1000)
    index = DigestIndex(_hex(number) for number in range(20_000))
    stored = sys.getsizeof(index._high) + sys.getsizeof(index._low)
    recent = sys.getsizeof(index._recent) + sum(sys.getsizeof(key) for key in index._recent)
    assert (stored + recent) / len(index) < 40  # a set of the hex strings: about 120


@settings(max_examples=25)
@given(st.lists(st.tuples(st.booleans(), st.integers(0, 60)), max_size=200))
def test_it_answers_as_a_set_does(operations: list[tuple[bool, int]]) -> None:
    digests._FEWEST_TO_MERGE, before = 3, digests._FEWEST_TO_MERGE
    try:
        index, reference = DigestIndex(), set()
        for adding, number in operations:
            digest = _hex(number) if number % 3 else f"key-{number}"
            if adding:
                assert index.add(digest) == (digest not in reference)  # True when it was new
                reference.add(digest)
            assert (digest in index) == (digest in reference)
        assert len(index) == len(reference)
    finally:
        digests._FEWEST_TO_MERGE = before
