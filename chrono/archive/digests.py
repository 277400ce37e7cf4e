"""The content hashes the driver has seen, in 16 bytes each: what lets it skip a stored document.

A store of millions of documents has millions of hashes; as a set of hex strings they cost about 120 bytes each
in the driver. Here the stored ones are two sorted arrays of 64-bit halves (16 bytes a hash, looked up by
bisection) and the ones met since the last merge a small set, merged in once it holds an eighth as many as the
arrays: memory grows by 16 bytes a document, and the merges cost O(n) overall (each one streams both sorted
runs). A hash that is not 32 hex digits (hand-made keys) is folded to 128 bits by blake2b.
"""

from __future__ import annotations

import hashlib
import heapq
from array import array
from bisect import bisect_left
from collections.abc import Iterable

__all__ = ["DigestIndex"]

_LOW = (1 << 64) - 1
_FEWEST_TO_MERGE = 10_000  # below this the set is small beside the interpreter itself
_HEX_DIGITS = 32


def _key(digest: str) -> int:
    if len(digest) == _HEX_DIGITS:
        try:
            return int(digest, 16)
        except ValueError:
            pass
    return int.from_bytes(hashlib.blake2b(digest.encode("utf-8", "surrogatepass"), digest_size=16).digest(), "big")


class DigestIndex:
    """A set of content hashes (strings) that answers ``in`` and ``add`` in 16 bytes a member."""

    def __init__(self, digests: Iterable[str] = ()) -> None:
        self._high = array("Q")
        self._low = array("Q")
        self._recent: set[int] = set()
        for digest in digests:
            self.add(digest)

    def __contains__(self, digest: object) -> bool:
        return isinstance(digest, str) and self._holds(_key(digest))

    def _holds(self, key: int) -> bool:
        if key in self._recent:
            return True
        high, low = key >> 64, key & _LOW
        position = bisect_left(self._high, high)
        while position < len(self._high) and self._high[position] == high:  # equal high halves: next to none
            if self._low[position] == low:
                return True
            position += 1
        return False

    def __len__(self) -> int:
        return len(self._high) + len(self._recent)

    def add(self, digest: str) -> bool:
        """Add ``digest``; False when it was already here (one lookup for the driver's "seen it?" and "note it")."""
        key = _key(digest)
        if self._holds(key):
            return False
        self._recent.add(key)
        if len(self._recent) >= max(_FEWEST_TO_MERGE, len(self._high) // 8):
            self._merge()
        return True

    def _merge(self) -> None:
        """Stream the sorted arrays and the sorted recent keys into new arrays (never all keys as ints)."""
        high, low = array("Q"), array("Q")
        stored = ((a << 64) | b for a, b in zip(self._high, self._low, strict=True))
        for key in heapq.merge(stored, sorted(self._recent)):
            high.append(key >> 64)
            low.append(key & _LOW)
        self._high, self._low, self._recent = high, low, set()
