"""A guard for the tests of inputs that once took super-linear time: a relapse fails the test instead of hanging
the suite. It measures nothing; the benchmarks time things."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator

HANG_GUARD_SECONDS = 10


@contextlib.contextmanager
def no_hang(doing: str = "working") -> Iterator[None]:
    def stop(_signum: int, _frame: object) -> None:
        raise TimeoutError(f"still {doing} after {HANG_GUARD_SECONDS} s: super-linear again?")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(HANG_GUARD_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
