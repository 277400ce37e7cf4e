"""Scaling: wall time and peak memory of `chrono build` as the input grows, for news and pathological text.

Each input is generated here (nothing is stored): ordinary news (the TBAQ texts, read through
chrono.read.timeml.read_timeml, joined as paragraphs and repeated to the size), text with no punctuation at all
(random words, some of them temporal), one endless sentence of comma-separated dates, and short lines
("Line 7: the council met on Tuesday."), and two resolver patterns: "It fell in 480 BC. " and "In 1990 sales
grew. Recently they fell. " repeated. Every input runs `chrono build FILE -f json -o OUT` in a fresh
process under /usr/bin/time -v: the figures include start-up, reading, analysis, ordering and rendering.
With --stages, each stage of the analysis is also timed in this process (segment, tag, resolve, attach).
With --collection, all of t17-dev is built as one collection instead, against `chrono tag` of the same articles
and against half of them, and as one JSON Lines file repeated --copies times, read one record at a time
(collection_scaling).

    python benchmarks/scaling.py                             # all kinds at 50 KB, 200 KB, 1 MB, 5 MB
    python benchmarks/scaling.py --kinds news nopunct --sizes 50000 1000000 --stages

--growth runs every pattern of issue #12 (or --kinds) at 1x, 2x, 4x and 8x of --base characters and prints the
growth factor of CPU time (after a warm-up on a tiny input) and of added peak memory per doubling: the mean over
the three doublings, (t(8x)/t(1x)) ** (1/3), which decides, and the largest single t(2x)/t(x) beside it. Linear
work doubles (2.0), quadratic work quadruples (4.0); the issue's bar is at most 2.3. One step of runs that last a
tenth of a second swings by a third on a shared machine, so the mean, not the worst step, is the verdict. Patterns
that are not articles run through the command that reads them (TimeML through `chrono tag`, front matter as
.md, HTML as .html).

    python benchmarks/scaling.py --growth                    # every #12 pattern from 25 KB to 200 KB
    python benchmarks/scaling.py --growth --base 100000 --kinds years ranges

    python benchmarks/scaling.py --collection                # t17-dev: build vs tag, all vs half
    python benchmarks/scaling.py --collection --copies 3 10    # and all of it as one JSON Lines file, 3x, 10x
"""

from __future__ import annotations

import argparse
import json
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


def told_months(size: int) -> str:
    """A story told about 2021, then months that do not move it ("since March"): the resolver once re-read all the
    text since the last mention for each of them."""
    told = "Sales fell in March 2021. The plant shut on June 3, 2021. "
    return HEADER + told + _repeat_to(lambda _: "Prices are up since March and more words pad the line. ",
                                      size)[len(HEADER):]


def _repeated(piece: str) -> Callable[[int], str]:
    return lambda size: _repeat_to(lambda _: piece, size)


def timeml_comments(size: int) -> str:
    """TimeML whose TEXT holds unclosed '<!--' and '<?' over and over (a lazy pattern once ran to the end each time)."""
    head = ('<?xml version="1.0" ?>\n<TimeML>\n<DOCID>x</DOCID>\n<DCT><TIMEX3 tid="t0" type="DATE" '
            'value="2023-03-02" temporalFunction="false" functionInDocument="CREATION_TIME">2023-03-02</TIMEX3>'
            '</DCT>\n<TEXT>\n')
    tail = "\n</TEXT>\n</TimeML>\n"
    piece = "<!-- <? It fell on Tuesday. "
    return head + (piece * (size // len(piece) + 1))[:max(0, size - len(head))] + tail


def front_matter_spaces(size: int) -> str:
    """A front-matter line 'a: x' + spaces + 'y' (a backtracking pattern once took 20 s at 100,000 spaces)."""
    return "---\ndate: 2023-03-02\na: x" + " " * size + "y\n---\n\nThe council met on Tuesday.\n"


def html_attributes(size: int) -> str:
    """One <p> with ever more attributes (lxml is slow there; chrono once parsed each page three times)."""
    attributes = "".join(f" a{index}=1" for index in range(size // 8))
    return (f"<!DOCTYPE html><html><head><title>t</title><meta name=\"date\" content=\"2023-03-02\"></head><body>"
            f"<p{attributes}>The council met on Tuesday.</p></body></html>")


KINDS: dict[str, Callable[[int], str]] = {"news": news, "nopunct": nopunct, "manydates": manydates, "lines": lines,
                                          "bcyears": bcyears, "recently": recently}
# The patterns of issue #12, each a reproduction of something once super-linear (or crashing); --growth runs them.
ISSUE_12: dict[str, Callable[[int], str]] = {
    "centuries": _repeated("The temple was built 25 centuries ago. "),
    "bcyears": bcyears,
    "recently": recently,
    "ranges": _repeated("The war lasted 1915-17. "),
    "dayranges": _repeated("It ran 22-25 April 1951. "),
    "nopunct_ranges": _repeated("1915-17 22-25 April 1951 499-493 BC 2023-03-02 "),
    "years": _repeated("1990 "),
    "told_months": told_months,
    "timeml_comments": timeml_comments,
    "front_matter": front_matter_spaces,
    "html_attributes": html_attributes,
}
KINDS.update(ISSUE_12)
SUFFIXES = {"timeml_comments": ".tml", "front_matter": ".md", "html_attributes": ".html"}
COMMANDS = {"timeml_comments": "tag"}  # chrono build reads no TimeML; chrono tag does
GROWTH_FACTORS = (1, 2, 4, 8)
GROWTH_BAR = 2.3


def run_build(path: Path, output: Path, timeout: float, command_name: str = "build") -> tuple[float | None, int | None]:
    """(wall seconds, peak RSS in KB) of one `chrono build` (or `chrono tag`); (None, None) on a timeout or a
    failure."""
    command = [str(CHRONO), command_name, str(path), "-f", "json"]
    if command_name != "tag":
        command += ["-o", str(output)]
    wall, _cpu, peak = timed(command, timeout, accepted=(0,))
    return wall, peak


def stage_times(text: str) -> dict[str, float]:
    """Seconds per analysis stage for one text, in this process (rules already loaded)."""
    from chrono.attach.events import attach_events
    from chrono.read.text import parse_article
    from chrono.resolve.walk import resolve_expressions
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


def measure_one(kind: str, size: int, folder: Path) -> dict[str, float]:
    """In this process: warm up on a tiny input of ``kind`` (rules loaded, patterns compiled), then time the
    command on ``size`` characters; seconds and the growth of peak RSS (MB) over the warm-up's."""
    import resource

    from chrono.cli import app

    make, suffix, command = KINDS[kind], SUFFIXES.get(kind, ".txt"), COMMANDS.get(kind, "build")
    peaks = []
    seconds = 0.0
    for label, length in (("warm", 200), ("run", size)):
        path = folder / f"{kind}_{label}{suffix}"
        path.write_text(make(length), encoding="utf-8")
        args = [command, str(path), "-f", "json"] + (["-o", str(folder / "out.json")] if command == "build" else [])
        started = time.process_time()  # CPU seconds: other processes on a shared machine do not count
        try:
            app(args, standalone_mode=False)
        except SystemExit as exc:  # typer.Exit(0) and friends
            if exc.code not in (0, None):
                raise
        seconds = time.process_time() - started
        peaks.append(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return {"seconds": seconds, "peak_mb": peaks[1], "added_mb": max(peaks[1] - peaks[0], 1.0)}


def _measure_in_child(kind: str, size: int, folder: str, timeout: float) -> dict[str, float] | None:
    command = [sys.executable, __file__, "--measure", kind, str(size), folder]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        return json.loads(done.stdout.strip().splitlines()[-1]) if done.returncode == 0 else None
    except (subprocess.TimeoutExpired, IndexError, ValueError):
        return None


def growth(kinds: list[str], base: int, timeout: float, repeat: int = 2) -> bool:
    """Print each pattern's CPU time and peak memory at 1x..8x and the growth per doubling; True when the
    time of every pattern stays within GROWTH_BAR. Each size runs in a fresh process (its own peak memory),
    timed inside it after a warm-up, so start-up does not hide the growth; the fastest of ``repeat`` runs counts
    (a shared machine adds noise, never speed)."""
    print(f"{'pattern':<16} " + " ".join(f"{f'{factor}x s':>8}" for factor in GROWTH_FACTORS)
          + f" {'time x/2x':>9} {'worst step':>10} {'peak MB 8x':>10} {'mem x/2x':>8}")
    within = True
    with tempfile.TemporaryDirectory(prefix="chrono-growth-") as folder:
        for kind in kinds:
            runs: list[dict[str, float] | None] = []
            for factor in GROWTH_FACTORS:
                tries = [_measure_in_child(kind, base * factor, folder, timeout) for _ in range(repeat)]
                done = [run for run in tries if run is not None]
                runs.append(min(done, key=lambda run: run["seconds"]) if len(done) == repeat else None)
            seconds = [run["seconds"] if run else None for run in runs]
            time_growth = _mean_doubling(seconds)
            worst_step = _worst_doubling(seconds)
            memory_growth = _mean_doubling([run["added_mb"] if run else None for run in runs])
            within &= time_growth is not None and time_growth <= GROWTH_BAR
            cells = " ".join(f"{value:8.2f}" if value is not None else "  failed" for value in seconds)
            last_peak = f"{runs[-1]['peak_mb']:10.0f}" if runs[-1] else "         -"
            print(f"{kind:<16} {cells} {_factor(time_growth):>9} {_factor(worst_step):>10} {last_peak}"
                  f" {_factor(memory_growth):>8}", flush=True)
    print(f"all within {GROWTH_BAR}x per doubling" if within else f"SOME PATTERN GROWS FASTER THAN {GROWTH_BAR}x")
    return within


def _mean_doubling(values: list[float | None]) -> float | None:
    """The growth per doubling averaged over all of them: (last / first) ** (1 / doublings)."""
    if any(value is None for value in values):
        return None
    first, last = values[0], values[-1]
    return (last / first) ** (1 / (len(values) - 1))  # type: ignore[operator]


def _worst_doubling(values: list[float | None]) -> float | None:
    if any(value is None for value in values):
        return None
    return max(later / earlier for earlier, later in zip(values, values[1:], strict=False))  # type: ignore[operator]


def _factor(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


# ---- collections (#10): all of a Timeline17 folder built as one collection ----------------------------------------

T17_DATA = REPO_ROOT.parent / "shared" / "data" / "t17-dev"


def timed(command: list[str], timeout: float,
          accepted: tuple[int, ...] = (0, 2)) -> tuple[float | None, float | None, int | None]:
    """(wall seconds, CPU seconds (user + system), peak RSS in KB) of one chrono command under /usr/bin/time -v;
    Nones on a timeout or an exit code not ``accepted`` (by default 2 too: some inputs were reported and
    skipped, the rest was built)."""
    try:
        done = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True, text=True, timeout=timeout,
                              check=False)
    except subprocess.TimeoutExpired:
        return None, None, None
    if done.returncode not in accepted:
        print(f"scaling: {' '.join(command[1:3])} failed: {done.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
        return None, None, None
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):(\d+(?:\.\d+)?)", done.stderr)
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    seconds = None
    if wall:
        hours, minutes, secs = wall.groups()
        seconds = int(hours or 0) * 3600 + int(minutes) * 60 + float(secs)
    cpu = sum(float(found) for found in re.findall(r"(?:User|System) time \(seconds\): (\d+(?:\.\d+)?)", done.stderr))
    return seconds, cpu, int(peak.group(1)) if peak else None


def collection_scaling(data: Path = T17_DATA, timeout: float = 1800.0, key_dates: int = 50,
                       copies: tuple[int, ...] = (1,)) -> None:
    """`chrono build` of every article of ``data`` as ONE collection against `chrono tag` of the same articles,
    and the build of every second article against the build of all: the collection path must stay linear.

    The articles are written as sample-format files (a `date` line, then the detokenized text) by the Timeline17
    loader of benchmarks/timeline17.py, and as records of one JSON Lines file repeated ``copies`` times (a repeated
    id gets -2, -3 ...): its peak memory shows what a streamed collection keeps. Each command runs in a fresh
    process (start-up included).
    """
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from timeline17 import read_articles, topics

    with tempfile.TemporaryDirectory(prefix="chrono-collection-") as folder:
        root = Path(folder)
        every, half = root / "all", root / "half"
        every.mkdir()
        half.mkdir()
        count = size = 0
        records: list[str] = []
        for topic in topics(data):
            for document in read_articles(topic):
                day = document.published.isoformat() if document.published else ""
                text = f"date {day}\n\n{document.text}"
                name = document.id.replace("/", "_")
                (every / name).write_text(text, encoding="utf-8")
                if count % 2 == 0:
                    (half / name).write_text(text, encoding="utf-8")
                count += 1
                size += len(text.encode("utf-8"))
                records.append(json.dumps({"id": name, "published": day, "text": document.text}) + "\n")
        lines = "".join(records)
        out = root / "out"
        runs = {
            "tag, all": [str(CHRONO), "tag", str(every), "-f", "json", "-d", str(out / "tagged")],
            "build, half": [str(CHRONO), "build", str(half), "-f", "json", "-o", str(out / "half.json")],
            "build, all": [str(CHRONO), "build", str(every), "-f", "json", "-o", str(out / "all.json")],
            f"build --key-dates {key_dates}, all": [str(CHRONO), "build", str(every), "--key-dates", str(key_dates),
                                                    "--per-date", "2", "-f", "json", "-o", str(out / "key.json")],
        }
        for times in copies:  # one file, read and analysed one record at a time
            collection = root / f"all-{times}x.jsonl"
            with collection.open("w", encoding="utf-8") as handle:
                handle.writelines(lines for _ in range(times))
            runs[f"build, .jsonl {times}x ({collection.stat().st_size / 1e6:.0f} MB)"] = [
                str(CHRONO), "build", str(collection), "-f", "json", "-o", str(out / f"all-{times}x.json")]
        out.mkdir()
        print(f"{count} articles ({size / 1e6:.1f} MB) of {data}")
        print(f"{'command':<28} {'wall s':>8} {'CPU s':>8} {'peak MB':>8}")
        cpus: dict[str, float | None] = {}
        for name, command in runs.items():
            seconds, cpu, peak = timed(command, timeout)
            cpus[name] = cpu
            wall = f"{seconds:8.2f}" if seconds is not None else "  failed"
            print(f"{name:<28} {wall} {cpu or 0:8.2f} {peak / 1024 if peak else 0:8.0f}", flush=True)
        tag, half_build, full = cpus["tag, all"], cpus["build, half"], cpus["build, all"]
        if tag and full and half_build:  # CPU time: the machine may be shared, wall time varies with the load
            print(f"CPU time, build / tag: {full / tag:.2f} (at most 3); all / half: {full / half_build:.2f} "
                  "(at most 2.2)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kinds", nargs="+", choices=sorted(KINDS), help="default: the article kinds (with --growth: "
                        "every #12 pattern)")
    parser.add_argument("--sizes", nargs="+", type=int, default=list(DEFAULT_SIZES), help="characters")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="TimeML folder for the news kind")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per build")
    parser.add_argument("--stages", action="store_true", help="also time each analysis stage in this process")
    parser.add_argument("--growth", action="store_true", help="every #12 pattern at 1x/2x/4x/8x of --base: growth "
                        "per doubling")
    parser.add_argument("--base", type=int, default=25_000, help="characters of the 1x input of --growth")
    parser.add_argument("--repeat", type=int, default=2, help="runs per size of --growth; the fastest counts")
    parser.add_argument("--measure", nargs=3, metavar=("KIND", "SIZE", "FOLDER"), help=argparse.SUPPRESS)
    parser.add_argument("--collection", nargs="?", const=T17_DATA, type=Path, metavar="T17_FOLDER",
                        help="instead: all of a Timeline17 folder as one collection (default ../shared/data/t17-dev)")
    parser.add_argument("--copies", nargs="+", type=int, default=[1], metavar="N",
                        help="with --collection: also build all of it as one JSON Lines file repeated N times")
    args = parser.parse_args(argv)
    if args.collection is not None:
        collection_scaling(args.collection, timeout=max(args.timeout, 1800.0), copies=tuple(args.copies))
        return
    if args.measure:  # one size of --growth, in its own process
        kind, size, folder = args.measure
        print(json.dumps(measure_one(kind, int(size), Path(folder))))
        return
    if args.growth:
        sys.exit(0 if growth(args.kinds or list(ISSUE_12), args.base, args.timeout, args.repeat) else 1)
    args.kinds = args.kinds or [kind for kind in KINDS if kind not in ISSUE_12 or kind in ("bcyears", "recently")]
    if args.stages:
        stage_times(HEADER + "Warm-up on Tuesday, March 2.")  # loads the rules once, untimed
    heading = f"{'kind':<10} {'size':>9} {'wall s':>8} {'MB/s':>6} {'peak MB':>8}"
    print(heading + ("  stages (s)" if args.stages else ""))
    with tempfile.TemporaryDirectory(prefix="chrono-scaling-") as folder:
        for kind in args.kinds:
            for size in args.sizes:
                text = news(size, args.data) if kind == "news" else KINDS[kind](size)
                path = Path(folder) / f"{kind}_{size}{SUFFIXES.get(kind, '.txt')}"
                path.write_text(text, encoding="utf-8")
                seconds, peak = run_build(path, Path(folder) / "out.json", args.timeout, COMMANDS.get(kind, "build"))
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
