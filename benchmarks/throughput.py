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

Each pass is timed by the wall clock and by the process's CPU time; the best of each is kept. On a machine
other processes share, the wall clock also counts the time this process waited for a core, and the best of a
few passes still swings by a tenth or more; the CPU time counts only the work done, so compare versions by it
(and alternate their runs).

Memory: the process's peak resident size after each system ran (chrono runs first, so its figure is its own;
dateparser's includes chrono's), and chrono's peak of Python allocations while analysing one document
(tracemalloc, in an untimed pass). --stages times each stage of chrono's analysis in place: the functions
chrono.pipeline calls, wrapped while it runs (what none of them holds is printed as "other").

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
from typing import Any

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


# the functions chrono.pipeline.analyse calls, by stage, under the names the pipeline imports them by
STAGES = {
    "segment": ("split_sentences",),
    "tag": ("tag_text",),
    "resolve": ("settle_numeric_dates", "resolve_expressions", "carry_assumed_order", "with_utc_offsets"),
    "attach": ("attach_events",),
}


def stage_seconds(documents: Sequence[Document], domain: str, repeat: int) -> dict[str, float]:
    """Best CPU seconds of each stage of ``analyse`` over all documents, and "other" for the rest of its time.

    The pipeline's own calls are timed where it makes them, so the stages are those it runs, in its order; a
    function added to the pipeline and not to STAGES shows up as "other"."""
    import chrono.pipeline as pipeline

    spent: dict[str, float] = {}

    def timed_call(stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[stage] += time.process_time() - start
        return call

    originals = {name: getattr(pipeline, name) for names in STAGES.values() for name in names}
    best: dict[str, float] = {}
    try:
        for stage, names in STAGES.items():
            for name in names:
                setattr(pipeline, name, timed_call(stage, originals[name]))
        for _ in range(repeat):
            spent.update(dict.fromkeys(STAGES, 0.0))
            start = time.process_time()
            for document in documents:
                pipeline.analyse(document, domain=domain)
            spent["other"] = time.process_time() - start - sum(spent[stage] for stage in STAGES)
            best = {stage: min(seconds, best.get(stage, seconds)) for stage, seconds in spent.items()}
    finally:
        for name, function in originals.items():
            setattr(pipeline, name, function)
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


def timed(function: Callable[[Document], object], documents: Sequence[Document],
          repeat: int) -> tuple[float, float, float]:
    """(seconds of the very first call, best wall seconds and best CPU seconds of ``repeat`` passes of all
    documents)."""
    warm_up = first_call(function, documents[0])
    best = best_cpu = float("inf")
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        for document in documents:
            function(document)
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    return warm_up, best, best_cpu


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of .tml files (default: %(default)s)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents (default: all)")
    parser.add_argument("--repeat", type=int, default=5, help="chrono passes; the best is kept (default: %(default)s)")
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
    rows: list[tuple[str, float, float, float, float]] = []
    _, seconds, cpu = timed(chrono, documents, args.repeat)
    rows.append(("chrono (analyse: segment+tag+resolve+attach)", chrono_warm_up, seconds, cpu, peak_rss_mb()))
    stages = stage_seconds(documents, args.domain, args.repeat) if args.stages else {}
    python_peak, peak_document = peak_python_mb(chrono, documents)
    if not args.no_dateparser:
        warm, seconds, cpu = timed(run_search_dates(), documents, 1)
        rows.append(("dateparser.search_dates (languages=en)", warm, seconds, cpu, peak_rss_mb()))

    print()
    print("| system | warm-up s | seconds | documents/s | characters/s | MB/s | CPU seconds | MB/s of CPU | "
          "peak RSS MB |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, warm, seconds, cpu, rss in rows:
        print(f"| {name} | {warm:.3f} | {seconds:.3f} | {len(documents) / seconds:,.1f} | "
              f"{characters / seconds:,.0f} | {characters / seconds / 1e6:.3f} | {cpu:.3f} | "
              f"{characters / cpu / 1e6:.3f} | {rss:.0f} |")
    print(f"\nchrono warm-up: {compiling:.3f} s loading the tagger's rules (once per process), "
          f"{chrono_warm_up - compiling:.3f} s for the rest of the first document; first pass over all documents "
          f"{first_pass:.3f} s (regexes compiled and rule beginnings indexed as first needed), best pass "
          f"{rows[0][2]:.3f} s; "
          f"peak Python allocations for one document: {python_peak:.2f} MB ({peak_document})")
    if stages:
        print("\n| chrono stage | CPU seconds | characters/s | share |")
        print("| --- | ---: | ---: | ---: |")
        total = sum(stages.values())
        for stage, spent in stages.items():
            rate = f"{characters / spent:,.0f}" if spent > 0 else "–"
            print(f"| {stage} | {spent:.3f} | {rate} | {spent / total:.0%} |")
    if len(rows) == 2:
        ratio, cpu_ratio = rows[1][2] / rows[0][2], rows[1][3] / rows[0][3]
        verdict = "meets" if ratio >= 10 else "misses"
        print(f"\nchrono is {ratio:.1f}x search_dates ({cpu_ratio:.1f}x by CPU time; {verdict} the 10x target); "
              f"goal 1 MB/s per core: {characters / rows[0][2] / 1e6:.2f} MB/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
