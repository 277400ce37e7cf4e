"""Throughput: chrono's pipeline against dateparser.search_dates over the same TimeML news documents.

chrono is timed on `chrono.pipeline.analyse` — the whole analysis of a document (sentence split, tagging,
resolution against the publication date, event attachment); only ordering and rendering are left out, as
they are per timeline, not per document. search_dates gets RELATIVE_BASE = the publication date and
languages=["en"] (without it, dateparser also spends time detecting the language). Both run in this one
process on one core; reading the files and a first warm-up call (loading rules and language data) are not
timed, and the warm-up time is printed on its own: for chrono, loading the tagger's rules (once per process)
apart from the rest of the first call. chrono compiles a rule's regex, and indexes the full beginnings of the
rules under a head, only when a text first needs them, so the first pass over all documents also pays that
start-up cost: it is printed beside the best pass. A document chrono raises on is left out for both systems,
with a warning.

Memory: the process's peak resident size after each system ran (chrono runs first, so its figure is its own;
dateparser's includes chrono's), and chrono's peak of Python allocations while analysing one document
(tracemalloc, in an untimed pass). --stages times each stage of chrono's analysis on its own.

    python benchmarks/throughput.py                 # all 256 documents of ../shared/data/tbaq-cleaned
    python benchmarks/throughput.py --limit 40      # the first 40 (search_dates is slow)
    python benchmarks/throughput.py --no-dateparser --stages
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

from chrono.model import Document, Domain
from chrono.read.timeml import read_timeml, timeml_files

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "tbaq-cleaned"


def load_documents(data: Path, limit: int | None) -> list[Document]:
    paths = timeml_files([data])
    if not paths:
        sys.exit(f"throughput: no TimeML files under {data}")
    return [read_timeml(path).document for path in paths[:limit]]


def run_chrono(domain: str) -> Callable[[Document], object]:
    from chrono.pipeline import analyse

    return lambda document: analyse(document, domain=domain)


def compile_rules(language: str = "en") -> float:
    """Seconds to load the tagger's rules (parsed, and indexed by how they begin): paid once per process."""
    from chrono.lang import Language
    from chrono.tag.grammar import load_grammar

    start = time.perf_counter()
    load_grammar(Language.load(language))
    return time.perf_counter() - start


def peak_rss_mb() -> float:
    """The process's peak resident set size so far, in MB (Linux reports kilobytes, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak / 1e3


def peak_python_mb(function: Callable[[Document], object], documents: Sequence[Document]) -> tuple[float, str]:
    """(largest peak of Python allocations while analysing one document, in MB; that document's id)."""
    worst, name = 0, ""
    tracemalloc.start()
    try:
        for document in documents:
            tracemalloc.reset_peak()
            before = tracemalloc.get_traced_memory()[0]
            function(document)
            peak = tracemalloc.get_traced_memory()[1] - before
            if peak > worst:
                worst, name = peak, document.id
    finally:
        tracemalloc.stop()
    return worst / 1e6, name


def stage_seconds(documents: Sequence[Document], domain: str, repeat: int) -> dict[str, float]:
    """Best seconds of each stage of ``analyse`` over all documents (the stages as chrono.pipeline runs them)."""
    from chrono.attach.events import attach_events
    from chrono.resolve.walk import resolve_expressions
    from chrono.segment.sentences import split_sentences
    from chrono.tag.tagger import tag_text

    best: dict[str, float] = {}
    for _ in range(repeat):
        spent = dict.fromkeys(("segment", "tag", "resolve", "attach"), 0.0)
        for document in documents:
            start = time.perf_counter()
            sentences = split_sentences(document.text, document.body_span)
            segmented = time.perf_counter()
            found = tag_text(document.text, document.body_span, document=document.id)
            tagged = time.perf_counter()
            resolved = resolve_expressions(found, sentences, document, domain=domain)
            done = time.perf_counter()
            attach_events(resolved, sentences, document)
            attached = time.perf_counter()
            spent["segment"] += segmented - start
            spent["tag"] += tagged - segmented
            spent["resolve"] += done - tagged
            spent["attach"] += attached - done
        best = {stage: min(seconds, best.get(stage, seconds)) for stage, seconds in spent.items()}
    return best


def run_search_dates() -> Callable[[Document], object]:
    from dateparser.search import search_dates

    def search(document: Document) -> object:
        published = document.published or dt.date(2000, 1, 1)
        base = dt.datetime(published.year, published.month, published.day)
        return search_dates(document.text, languages=["en"], settings={"RELATIVE_BASE": base})

    return search


def failures(function: Callable[[Document], object], documents: Sequence[Document]) -> dict[str, str]:
    """Documents the function raises on (an untimed pass, so that a crash cannot skew a timing)."""
    failed: dict[str, str] = {}
    for document in documents:
        try:
            function(document)
        except Exception as exc:  # noqa: BLE001 - reported, and the document is left out
            failed[document.id] = f"{type(exc).__name__}: {exc}"
    return failed


def first_call(function: Callable[[Document], object], document: Document) -> float:
    """Seconds of the very first call: loading rules and language data, compiling patterns."""
    start = time.perf_counter()
    try:
        function(document)
    except Exception:  # noqa: BLE001 - failures() reports it
        pass
    return time.perf_counter() - start


def timed(function: Callable[[Document], object], documents: Sequence[Document], repeat: int) -> tuple[float, float]:
    """(seconds of the very first call, best seconds over ``repeat`` passes of all documents)."""
    warm_up = first_call(function, documents[0])
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for document in documents:
            function(document)
        best = min(best, time.perf_counter() - start)
    return warm_up, best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of .tml files (default: %(default)s)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents (default: all)")
    parser.add_argument("--repeat", type=int, default=3, help="chrono passes; the best is kept (default: 3)")
    parser.add_argument("--domain", default="news", choices=[domain.value for domain in Domain])
    parser.add_argument("--no-dateparser", action="store_true", help="time chrono only")
    parser.add_argument("--stages", action="store_true", help="also time each stage of chrono's analysis")
    args = parser.parse_args(argv)

    documents = load_documents(args.data, args.limit)
    chrono = run_chrono(args.domain)
    compiling = compile_rules()
    chrono_warm_up = compiling + first_call(chrono, documents[0])
    start = time.perf_counter()
    failed = failures(chrono, documents)  # also chrono's first pass over all documents, timed on its own
    first_pass = time.perf_counter() - start
    for name, error in failed.items():
        print(f"throughput: warning: chrono fails on {name} ({error}); left out for both systems", file=sys.stderr)
    documents = [d for d in documents if d.id not in failed]
    characters = sum(len(d.text) for d in documents)
    left_out = f" ({len(failed)} left out: chrono fails on them)" if failed else ""
    print(f"{len(documents)} documents, {characters:,} characters from {args.data}{left_out}")
    rows: list[tuple[str, float, float, float]] = []
    _, seconds = timed(chrono, documents, args.repeat)
    rows.append(("chrono (analyse: segment+tag+resolve+attach)", chrono_warm_up, seconds, peak_rss_mb()))
    stages = stage_seconds(documents, args.domain, args.repeat) if args.stages else {}
    python_peak, peak_document = peak_python_mb(chrono, documents)
    if not args.no_dateparser:
        warm, seconds = timed(run_search_dates(), documents, 1)
        rows.append(("dateparser.search_dates (languages=en)", warm, seconds, peak_rss_mb()))

    print()
    print("| system | warm-up s | seconds | documents/s | characters/s | MB/s | peak RSS MB |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, warm, seconds, rss in rows:
        print(f"| {name} | {warm:.3f} | {seconds:.3f} | {len(documents) / seconds:,.1f} | "
              f"{characters / seconds:,.0f} | {characters / seconds / 1e6:.3f} | {rss:.0f} |")
    print(f"\nchrono warm-up: {compiling:.3f} s loading the tagger's rules (once per process), "
          f"{chrono_warm_up - compiling:.3f} s for the rest of the first document; first pass over all documents "
          f"{first_pass:.3f} s (regexes compiled and rule beginnings indexed as first needed), best pass "
          f"{rows[0][2]:.3f} s; "
          f"peak Python allocations for one document: {python_peak:.2f} MB ({peak_document})")
    if stages:
        print("\n| chrono stage | seconds | characters/s | share |")
        print("| --- | ---: | ---: | ---: |")
        total = sum(stages.values())
        for stage, spent in stages.items():
            print(f"| {stage} | {spent:.3f} | {characters / spent:,.0f} | {spent / total:.0%} |")
    if len(rows) == 2:
        ratio = rows[1][2] / rows[0][2]
        verdict = "meets" if ratio >= 10 else "misses"
        print(f"\nchrono is {ratio:.1f}x search_dates ({verdict} the 10x target); "
              f"goal 1 MB/s per core: {characters / rows[0][2] / 1e6:.2f} MB/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
