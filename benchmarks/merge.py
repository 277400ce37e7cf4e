"""Merge at collection scale: the time of chrono.order.merge.merge_events on the events of many articles.

The articles are analysed first (untimed); then the merge alone is timed, on the whole collection and on
growing prefixes of it, so that its growth shows. Input: Timeline17-style topic folders (benchmarks/timeline17.py).

    python benchmarks/merge.py                                    # all of ../shared/data/t17-dev
    python benchmarks/merge.py ../shared/data/t17-dev/bpoil_bbc --fractions 0.25 0.5 1
    python benchmarks/merge.py --similar 1000 2000 4000            # many similar wordings of one day
    python benchmarks/merge.py --similar 1000 2000 4000 --reports 2   # ... each document reporting it twice

--similar times the case that makes the similar pairs quadratic: every document reports the same day in its own
wording, all of them alike (a shared core and a few words drawn from a small pool), as a dense archive's busy day
does. With --reports 2 each document reports the day twice, so its second report opens or joins a second group.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timeline17 import DEFAULT_DATA, read_articles, topics  # noqa: E402

from chrono.model import Event, Granularity, Span, Value  # noqa: E402
from chrono.order.merge import merge_events  # noqa: E402
from chrono.pipeline import analyse  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path, help="topic folders (default: every topic of t17-dev)")
    parser.add_argument("--fractions", nargs="+", type=float, default=[0.25, 0.5, 1.0])
    parser.add_argument("--similar", nargs="+", type=int, metavar="DOCUMENTS",
                        help="time synthetic days reported by this many documents in similar wordings instead")
    parser.add_argument("--reports", type=int, default=1, help="with --similar: reports of the day per document")
    args = parser.parse_args()
    if args.similar:
        similar_wordings(args.similar, args.reports)
        return
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


_CORE = "A powerful earthquake struck southern Turkey and northern Syria on Wednesday, killing thousands".split()
_POOL = ("rescuers buildings collapsed rubble survivors aftershock magnitude epicentre hospitals winter cold night "
         "villages province Gaziantep Aleppo Kahramanmaras Hatay teams search trapped families homeless aid "
         "shelters tents roads bridges damage toll rising injured missing volunteers army dogs ruins").split()


def _similar_day(documents: int, reports: int, seed: int = 1) -> list[Event]:
    """``documents`` articles reporting one day ``reports`` times each, every report in its own wording: the core
    sentence (no headline) with one of its first words dropped and two to four words of a small pool added
    (Jaccard about 0.4-0.8)."""
    chooser = random.Random(seed)
    day = Value("2023-02-08", start=dt.date(2023, 2, 8), end=dt.date(2023, 2, 8), granularity=Granularity.DAY)
    events = []
    for number in range(documents):
        for _ in range(reports):
            dropped = chooser.choice(_CORE[:6])
            words = [word for word in _CORE if word != dropped]
            words[-1:-1] = chooser.sample(_POOL, chooser.randint(2, 4))
            sentence = " ".join(words) + "."
            start = sentence.index("Wednesday")
            events.append(Event(when=day, phrase="Wednesday", span=Span(start, start + 9), sentence=sentence,
                                headline="", document=f"doc{number}"))
    return events


def _numbered_day(documents: int, reports: int) -> list[Event]:
    """The same with wordings that differ in one numbered word each, so every pair scores alike (5/7)."""
    day = Value("2021-03-02", start=dt.date(2021, 3, 2), end=dt.date(2021, 3, 2), granularity=Granularity.DAY)
    events = []
    for number in range(documents):
        for report in range(reports):
            sentence = f"The council voted on item{number * reports + report} of the bridge repairs budget on Tuesday."
            start = sentence.index("Tuesday")
            events.append(Event(when=day, phrase="Tuesday", span=Span(start, start + 7), sentence=sentence,
                                headline="", document=f"doc{number}"))
    return events


def similar_wordings(sizes: list[int], reports: int) -> None:
    for name, make in (("pool words", _similar_day), ("numbered", _numbered_day)):
        merge_events(make(10, reports))  # warm: the language's words loaded
        for documents in sizes:
            events = make(documents, reports)
            started = time.process_time()
            merged = merge_events(events)
            elapsed = time.process_time() - started
            print(f"{name:>10} {documents:>6} documents {len(events):>7} events -> {len(merged):>7} entries   "
                  f"merge {elapsed:7.2f} CPU s")


if __name__ == "__main__":
    main()
