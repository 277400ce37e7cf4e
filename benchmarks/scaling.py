"""Scaling: wall time and peak memory of `chrono build` as the input grows, for news and pathological text.

Each input is generated here (nothing is stored): ordinary news (the TBAQ texts, read through
chrono.read.timeml.read_timeml, joined as paragraphs and repeated to the size), text with no punctuation at all
(random words, some of them temporal), one endless sentence of comma-separated dates, and short lines
("Line 7: the council met on Tuesday."), and two resolver patterns: "It fell in 480 BC. " and "In 1990 sales
grew. Recently they fell. " repeated. Every input runs `chrono build FILE -f json -o OUT` in a fresh
process under /usr/bin/time -v: the figures include start-up, reading, analysis, ordering and rendering.
With --stages, each stage of the analysis is also timed in this process (segment, tag, resolve, attach).

    python benchmarks/scaling.py                             # all kinds at 50 KB, 200 KB, 1 MB, 5 MB
    python benchmarks/scaling.py --kinds news nopunct --sizes 50000 1000000 --stages
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "tbaq-cleaned"
CHRONO = Path(sys.executable).with_name("chrono")
HEADER = "date 2023-03-02\n\n"
DEFAULT_SIZES = (50_000, 200_000, 1_000_000, 5_000_000)
_NOPUNCT_WORDS = ("the council met on Tuesday in March 2021 and said officials would discuss the bridge repairs "
                  "next year after last week close began plan we to two years ago").split()
_MONTHS = ("January February March April May June July August September October November December").split()


def _repeat_to(pieces: Callable[[int], str], size: int) -> str:
    """HEADER plus pieces(0), pieces(1)... until the text reaches ``size`` characters."""
    parts, total, index = [HEADER], len(HEADER), 0
    while total < size:
        piece = pieces(index)
        parts.append(piece)
        total += len(piece)
        index += 1
    return "".join(parts)[:size]


def news(size: int, data: Path = DEFAULT_DATA) -> str:
    from chrono.read.timeml import read_timeml, timeml_files

    paths = timeml_files([data])
    if not paths:
        sys.exit(f"scaling: no TimeML files under {data} (give --data)")
    bodies = []
    for path in paths:
        document = read_timeml(path).document
        body = document.body_span
        bodies.append(document.text[body.start:body.end].strip() + "\n\n")
    return _repeat_to(lambda index: bodies[index % len(bodies)], size)


def nopunct(size: int) -> str:
    chooser = random.Random(7)
    return _repeat_to(lambda _: " ".join(chooser.choices(_NOPUNCT_WORDS, k=200)) + " ", size)


def manydates(size: int) -> str:
    opening = "The hearings were held on "
    body = _repeat_to(lambda index: f"{_MONTHS[index % 12]} {index % 28 + 1}, {1990 + index % 30}, ", size)
    return HEADER + opening + body[len(HEADER):]


def lines(size: int) -> str:
    return _repeat_to(lambda index: f"Line {index}: the council met on Tuesday.\n", size)


def bcyears(size: int) -> str:
    """Years before Christ, each anchoring the next (the resolver once walked every earlier one per value)."""
    return _repeat_to(lambda _: "It fell in 480 BC. ", size)


def recently(size: int) -> str:
    """Years, each followed by a vague reference that needs a day-precise mention (none ever comes)."""
    return _repeat_to(lambda _: "In 1990 sales grew. Recently they fell. ", size)


KINDS: dict[str, Callable[[int], str]] = {"news": news, "nopunct": nopunct, "manydates": manydates, "lines": lines,
                                          "bcyears": bcyears, "recently": recently}


def run_build(path: Path, output: Path, timeout: float) -> tuple[float | None, int | None]:
    """(wall seconds, peak RSS in KB) of one `chrono build`; (None, None) on a timeout or a failure."""
    command = ["/usr/bin/time", "-v", str(CHRONO), "build", str(path), "-f", "json", "-o", str(output)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None, None
    if done.returncode != 0:
        print(f"scaling: {path.name} failed: {done.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
        return None, None
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):(\d+(?:\.\d+)?)", done.stderr)
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    seconds = None
    if wall:
        hours, minutes, secs = wall.groups()
        seconds = int(hours or 0) * 3600 + int(minutes) * 60 + float(secs)
    return seconds, int(peak.group(1)) if peak else None


def stage_times(text: str) -> dict[str, float]:
    """Seconds per analysis stage for one text, in this process (rules already loaded)."""
    from chrono.attach.events import attach_events
    from chrono.read.text import parse_article
    from chrono.resolve.resolver import resolve_expressions
    from chrono.segment.sentences import split_sentences
    from chrono.tag.tagger import tag_text

    document = parse_article(text)
    times: dict[str, float] = {}
    start = time.perf_counter()
    sentences = split_sentences(document.text, document.body_span)
    times["segment"] = time.perf_counter() - start
    start = time.perf_counter()
    found = tag_text(document.text, document.body_span, document=document.id)
    times["tag"] = time.perf_counter() - start
    start = time.perf_counter()
    resolved = resolve_expressions(found, sentences, document)
    times["resolve"] = time.perf_counter() - start
    start = time.perf_counter()
    attach_events(resolved, sentences, document)
    times["attach"] = time.perf_counter() - start
    return times


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kinds", nargs="+", choices=sorted(KINDS), default=list(KINDS))
    parser.add_argument("--sizes", nargs="+", type=int, default=list(DEFAULT_SIZES), help="characters")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="TimeML folder for the news kind")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per build")
    parser.add_argument("--stages", action="store_true", help="also time each analysis stage in this process")
    args = parser.parse_args(argv)
    if args.stages:
        stage_times(HEADER + "Warm-up on Tuesday, March 2.")  # loads the rules once, untimed
    heading = f"{'kind':<10} {'size':>9} {'wall s':>8} {'MB/s':>6} {'peak MB':>8}"
    print(heading + ("  stages (s)" if args.stages else ""))
    with tempfile.TemporaryDirectory(prefix="chrono-scaling-") as folder:
        for kind in args.kinds:
            for size in args.sizes:
                text = news(size, args.data) if kind == "news" else KINDS[kind](size)
                path = Path(folder) / f"{kind}_{size}.txt"
                path.write_text(text, encoding="utf-8")
                seconds, peak = run_build(path, Path(folder) / "out.json", args.timeout)
                megabytes = len(text.encode("utf-8")) / 1e6
                rate = f"{megabytes / seconds:6.2f}" if seconds else "     -"
                wall = f"{seconds:8.2f}" if seconds is not None else " timeout"
                memory = f"{peak / 1024:8.0f}" if peak else "       -"
                row = f"{kind:<10} {size:>9} {wall} {rate} {memory}"
                if args.stages:
                    row += "  " + " ".join(f"{name} {spent:.2f}" for name, spent in stage_times(text).items())
                print(row, flush=True)


if __name__ == "__main__":
    main()
