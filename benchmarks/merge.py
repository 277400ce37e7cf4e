"""Merge at collection scale: the time of chrono.order.merge.merge_events on the events of many articles.

The articles are analysed first (untimed); then the merge alone is timed, on the whole collection and on
growing prefixes of it, so that its growth shows. Input: Timeline17-style topic folders (benchmarks/timeline17.py).

    python benchmarks/merge.py                                    # all of ../shared/data/t17-dev
    python benchmarks/merge.py ../shared/data/t17-dev/bpoil_bbc --fractions 0.25 0.5 1
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timeline17 import DEFAULT_DATA, read_articles, topics  # noqa: E402

from chrono.model import Event  # noqa: E402
from chrono.order.merge import merge_events  # noqa: E402
from chrono.pipeline import analyse  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path, help="topic folders (default: every topic of t17-dev)")
    parser.add_argument("--fractions", nargs="+", type=float, default=[0.25, 0.5, 1.0])
    args = parser.parse_args()
    folders = args.folders or topics(DEFAULT_DATA)
    documents = [document for folder in folders for document in read_articles(folder)]
    started = time.perf_counter()
    events: list[Event] = []
    ends: list[int] = []  # events analysed after each document
    for document in documents:
        try:
            events.extend(analyse(document)[1])
        except Exception as exc:  # noqa: BLE001 - one article chrono cannot analyse is reported, not fatal
            print(f"skipped {document.id}: {type(exc).__name__}: {exc}", file=sys.stderr)
        ends.append(len(events))
    print(f"{len(documents)} articles, {len(events)} events (analysis {time.perf_counter() - started:.1f} s)")
    published = {document.id: document.published for document in documents}
    for fraction in args.fractions:
        count = max(1, round(len(documents) * fraction))
        subset = events[:ends[count - 1]]
        started = time.perf_counter()
        merged = merge_events(subset, published=published)
        elapsed = time.perf_counter() - started
        print(f"{count:>6} articles {len(subset):>7} events -> {len(merged):>7} entries   merge {elapsed:7.2f} s")


if __name__ == "__main__":
    main()
