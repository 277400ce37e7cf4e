"""Adversarial inputs: CPU seconds of every stage per size, and how each grows per doubling of the input.

Each kind is generated here (nothing is stored) at every --sizes (10 KB, 100 KB and 1 MB by default): runs of
digits, of "1/2/3 4:5", of weekday and month names, of "the the", of ordinals, dates without spaces, a text with
no space or no punctuation, nested and unclosed brackets and quotes, one sentence of dates joined by "and", "to"
or "-", clock times, opening-hour lines, Penn Treebank token soup, combining marks, RTL marks, zero-width spaces,
control characters, a JSON Lines record with lone surrogates, deeply nested HTML, Markdown with a huge front
matter, TimeML with hostile markup, and the forms of clock words ("half past seven", "7ish"), apostrophes,
"on the 11th", informal spellings, decades joined by "and", BC decades, seasons, "June 20 of 1792", holidays
on a stated date, post stamps in one line and on lines of their own, story-time flashbacks, and pages of
thousands of posts stamped by <time> or by written dates. Every (kind, size) runs in a fresh process, warmed
up on a 2 KB input of the same kind (rules loaded, patterns compiled), and times each stage with
time.process_time:

    read     chrono.read.read_documents of the file (its reader by suffix: .txt .jsonl .html .md .tml)
    segment  split_sentences            tag      tag_text
    settle   numeric dates and local holidays
    resolve  resolve_expressions (context rules, weekly hours), zones, assumed order
    attach   attach_events              order    merge_events of the document and a copy of it, key dates, sort
    render   the timeline as json and as md (render_pieces, read to the end)

The table gives the CPU seconds of all stages at each size and their growth per doubling of the input between the
two largest sizes, (t(b)/t(a)) ** (1 / log2(b/a)): 2.0 is linear, 4.0 quadratic; and the stage that grows
steepest there (of those taking 0.05 s or more). Growth over 2.6 per doubling (1.3x linear) is flagged (!), and
an exception or a time-out is named in the last column; either makes the command exit 1. --stages adds every
stage's seconds at every size.

    python benchmarks/adversarial.py                             # every kind at 10 KB, 100 KB, 1 MB
    python benchmarks/adversarial.py --kinds weekdays hours --sizes 10000 100000 --stages
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

PUBLISHED = "2023-03-02"
STAGES = ("read", "segment", "tag", "settle", "resolve", "attach", "order", "render")
FLAG = 2.6  # per doubling: 1.3x what linear work (2.0) takes
FLOOR = 0.05  # seconds: below it a stage's growth is noise


def _repeat(piece: Callable[[int], str], size: int) -> str:
    parts, total, index = [], 0, 0
    while total < size:
        parts.append(piece(index))
        total += len(parts[-1])
        index += 1
    return "".join(parts)[:size]


def _cycle(*pieces: str) -> Callable[[int], str]:
    return lambda index: pieces[index % len(pieces)]


def _random(alphabet: str, seed: int = 7) -> Callable[[int], str]:
    chooser = random.Random(seed)
    return lambda _index: "".join(chooser.choices(alphabet, k=1000))


_MONTHS = "January February March April May June July August September October November December".split()
_DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_HOURS = "one two three four five six seven eight nine ten eleven twelve".split()
_ORDINALS = "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()
_PTB = ("`` The -LRB- 1990 -RRB- deal , '' he said on Monday , -LCB- Jan. 3 -RCB- , was n't 12:30 p.m. -- the "
        "2 1/2 years ' end ; -LSB- 1 -RSB- . ")


def _text(piece: Callable[[int], str]) -> Callable[[int], str]:
    return lambda size: _repeat(piece, size)


def _jsonl(*pieces: str) -> Callable[[int], str]:
    """One JSON Lines record of ``pieces`` repeated: lone surrogates and NUL travel as \\ud800 and \\u0000."""
    return lambda size: json.dumps({"text": _repeat(_cycle(*pieces), size), "published": PUBLISHED}) + "\n"


def _html(size: int) -> str:
    """Blocks nested 200 deep (libxml2 keeps 256 levels; a page deeper than that is refused, see chrono.read.html)."""
    block = "<div>" * 200 + "<p>On 3 May 2020 the council met, and on Monday it voted.</p>" + "</div>" * 200 + "\n"
    return (f'<html><head><meta name="date" content="{PUBLISHED}"></head><body>'
            + _repeat(_cycle(block), size) + "</body></html>")


def _html_unclosed(size: int) -> str:
    return (f'<html><head><meta name="date" content="{PUBLISHED}"></head><body>'
            + _repeat(_cycle("<p>On 3 May <i>2020 <span>it <a href='x", "'>rose on Monday. <td><tr>"), size))


def _html_posts(size: int) -> str:
    """A thread of many posts, each with its <time datetime> stamp (chrono.read.html reads them one by one)."""
    def post(index: int) -> str:
        return (f"<article class='post'><time datetime='2024-03-{index % 28 + 1:02d}T10:{index % 60:02d}'>"
                f"x</time><p>The council met on Monday, post {index}.</p></article>")

    return (f'<html><head><meta name="date" content="{PUBLISHED}"></head><body><main>' + _repeat(post, size)
            + "</main></body></html>")


def _html_written_stamps(size: int) -> str:
    """A forum thread whose posts' stamps are written dates ("Reply #4 on: March 4, 2024, 10:14 AM")."""
    def post(index: int) -> str:
        return (f"<div class='post'><div>Reply #{index} on: March {index % 28 + 1}, 2024, 10:14 AM</div>"
                f"<p>It shut yesterday, post {index}.</p></div>")

    return (f'<html><head><meta name="date" content="{PUBLISHED}"></head><body><main>' + _repeat(post, size)
            + "</main></body></html>")


def _front_matter(size: int) -> str:
    lines = _repeat(lambda index: f"key{index}: 2020-05-{index % 28 + 1:02d} Monday [a, {{b: 'c\n", size)
    return f"---\ndate: {PUBLISHED}\n{lines}\n---\n\nOn 3 May 2020 it rose.\n"


def _timeml(size: int) -> str:
    inner = _repeat(_cycle('<TIMEX3 tid="t1" value="2020" <EVENT eid= ', "<!-- 1990 <? May 3 <TIMEX3>",
                           "<s><TIMEX3 tid=t2>Monday<TIMEX3>", "&amp;&#x0;&#99999999; 2020</EVENT> </TIMEX3> "),
                    size)
    return (f'<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="{PUBLISHED}" functionInDocument="CREATION_TIME">'
            f"{PUBLISHED}</TIMEX3></DCT><TEXT>{inner}</TEXT></TimeML>")


# kind -> (suffix, make(size) -> file text)
KINDS: dict[str, tuple[str, Callable[[int], str]]] = {
    "digits": (".txt", _text(_random("0123456789"))),
    "digit-runs": (".txt", _text(_random("0123456789 "))),
    "slashes": (".txt", _text(lambda index: f"{index % 40}/{index % 13}/{index % 100} {index % 25}:{index % 61} ")),
    "weekdays": (".txt", _text(lambda index: _DAYS[index % 7] + " ")),
    "same-weekday": (".txt", _text(_cycle("Monday "))),
    "months": (".txt", _text(lambda index: _MONTHS[index % 12] + " ")),
    "may-may": (".txt", _text(_cycle("May "))),
    "the-the": (".txt", _text(_cycle("the "))),
    "ordinals": (".txt", _text(lambda index: f"{_ORDINALS[index % 12]} {index % 31 + 1}st ")),
    "nospace-dates": (".txt", _text(lambda index: f"{index % 31 + 1}{_MONTHS[index % 12][:3].lower()}")),
    "nospace": (".txt", _text(_random("abcdefghijklmnopqrstuvwxyz0123456789.,:/-"))),
    "nopunct": (".txt", _text(_random("abcdefghij klmnopqrstuvwxyz 0123456789    "))),
    "dots": (".txt", _text(_cycle("."))),
    "exclamations": (".txt", _text(_cycle("!?!", "..", "?"))),
    "punctuation": (".txt", _text(_random(".!?…)]\"'”’»([`“‘« -,;:", seed=11))),
    "brackets": (".txt", _text(_cycle("(", "[", "{", "\"", "'", "“", "‘", "« ", "(1990 ", "May "))),
    "and-dates": (".txt", _text(lambda index: f"{index % 28 + 1} {_MONTHS[index % 12]} {1900 + index % 120} and ")),
    "to-dates": (".txt", _text(lambda index: f"{_MONTHS[index % 12]} {index % 28 + 1} to ")),
    "dash-dates": (".txt", _text(lambda index: f"{index % 28 + 1} {_MONTHS[index % 12][:3]} {1990 + index % 30}-")),
    "clock-times": (".txt", _text(lambda index: f"{index % 24}:{index % 60:02d} ")),
    "hours": (".txt", _text(lambda index: f"{_DAYS[index % 7][:3]}-{_DAYS[(index + 4) % 7][:3]} 9:00-17:00\n")),
    "hours-one-line": (".txt", _text(lambda index: f"{_DAYS[index % 7][:3]}-{_DAYS[(index + 4) % 7][:3]} "
                                                   f"{index % 12 + 1}:00-{index % 12 + 8}:30, ")),
    "ptb": (".txt", _text(_cycle(_PTB))),
    "combining": (".txt", _text(_cycle("1\u03009\u03019\u03020 M\u0308a\u0308y\u0308 3\u0327 ", "\u0301" * 50))),
    "rtl": (".txt", _text(_cycle("\u200f3 \u202eMay\u202c 2020\u200e ", "\u061c\u2067Monday\u2069 "))),
    "zero-width": (".txt", _text(_cycle("3\u200bMay\u200b2020\u200b", "\ufeffMon\u200dday\u2060 "))),
    "controls": (".txt", _text(_cycle("\x01", "3 May\x0b2020\x1b[0m", "\x7f\x85\x0c", "Monday\r\x08 "))),
    "json-controls": (".jsonl", _jsonl("\x00", "3 May\x0b2020\x1b[0m", "\x7f\x85\x0c", "Monday\r\x00 ")),
    "json-surrogates": (".jsonl", _jsonl("On 3 May 2020 \ud800 it rose \udfff. ", "\udc00\ud83d Monday 9:00 \ud800. ")),
    "html-nested": (".html", _html),
    "html-unclosed": (".html", _html_unclosed),
    "front-matter": (".md", _front_matter),
    "timeml": (".tml", _timeml),
    "clock-words": (".txt", _text(lambda index: f"at half past {_HOURS[index % 12]} quarter to "
                                                f"{_HOURS[(index + 1) % 12]} {index % 12 + 1}ish twenty to "
                                                f"{_HOURS[index % 12]} tonight ")),
    "half-half": (".txt", _text(_cycle("half "))),
    "apostrophes": (".txt", _text(_cycle("'", "’", "'9", "the '90s ", "o'clock "))),
    "on-ordinals": (".txt", _text(lambda index: f"on the {index % 28 + 1}th and ")),
    "informal": (".txt", _text(_cycle("tmrw ", "tonite ", "2nite ", "yday ", "yest ", "may 5th ", "see u 12 apr ",
                                      "rn "))),
    "decades-and": (".txt", _text(lambda index: "the 1860s and 70s" if index == 0 else f" and {index % 9 + 1}0s")),
    "bc-decades": (".txt", _text(lambda index: f"the late {index % 90 + 1}0s BC and the third millennium BC ")),
    "seasons": (".txt", _text(lambda index: f"late summer {1800 + index % 200} early the spring ")),
    "of-year": (".txt", _text(lambda index: f"{_MONTHS[index % 12]} {index % 28 + 1} of {1700 + index % 300}, ")),
    "holidays-stated": (".txt", _text(lambda index: f"Diwali falls on {index % 28 + 1} November. The August bank "
                                                    "holiday weekend, Mothering Sunday. ")),
    "stamp-line": (".txt", _text(lambda index: f"Posted on {index % 28 + 1} March 2024 at 09:{index % 60:02d} ")),
    "stamp-lines": (".txt", _text(lambda index: f"Reply #{index} on: March {index % 28 + 1}, 2024, 10:14 AM\n\n"
                                                "It shut yesterday, from 9pm Saturday until midnight.\n\n")),
    "flashbacks": (".txt", _text(lambda index: f"In {1800 + index % 200} the mill shut. Many had left in the '60s. "
                                               "Overnight, the crowd grew. ")),
    "html-posts": (".html", _html_posts),
    "html-written-stamps": (".html", _html_written_stamps),
}


def measure(kind: str, size: int, folder: Path, formats: tuple[str, ...]) -> dict[str, float | str]:
    """In this process: warm up on 2 KB of ``kind``, then CPU seconds of each stage on ``size`` characters; a
    stage that raised holds its exception's name and message instead of a time."""
    for length in (2_000, size):
        times = _stages(kind, length, folder, formats)
    return times


def _stages(kind: str, size: int, folder: Path, formats: tuple[str, ...]) -> dict[str, float | str]:
    from chrono.attach.events import attach_events
    from chrono.lang import Language
    from chrono.model import Document, Timeline
    from chrono.order.key_dates import select_key_dates
    from chrono.order.merge import merge_events
    from chrono.order.sort import order_events
    from chrono.read import read_documents
    from chrono.render import render_pieces
    from chrono.resolve.local_holidays import settle_local_holidays
    from chrono.resolve.numeric_dates import carry_assumed_order, settle_numeric_dates
    from chrono.resolve.walk import resolve_expressions
    from chrono.resolve.zones import with_utc_offsets
    from chrono.segment.sentences import split_sentences
    from chrono.tag.tagger import tag_text

    suffix, make = KINDS[kind]
    path = folder / f"{kind}{suffix}"
    path.write_text(make(size), encoding="utf-8", errors="surrogatepass")
    times: dict[str, float | str] = {}
    state: dict[str, object] = {}

    def read() -> None:
        documents, failures = read_documents([str(path)], PUBLISHED, date_required=False)
        if failures or not documents:
            raise RuntimeError("refused: " + (failures[0][1].split(": ", 1)[-1] if failures else "no document"))
        state["document"] = documents[0]

    def segment() -> None:
        document: Document = state["document"]  # type: ignore[assignment]
        state["sentences"] = split_sentences(document.text, document.body_span, language=document.language)

    def tag() -> None:
        document: Document = state["document"]  # type: ignore[assignment]
        state["found"] = tag_text(document.text, document.body_span, language=document.language,
                                  document=document.id)

    def settle() -> None:
        document: Document = state["document"]  # type: ignore[assignment]
        found = settle_numeric_dates(state["found"], document, language=document.language)  # type: ignore[arg-type]
        state["found"] = settle_local_holidays(found, document, language=document.language)

    def resolve() -> None:
        document: Document = state["document"]  # type: ignore[assignment]
        state["resolved"] = with_utc_offsets(carry_assumed_order(resolve_expressions(
            state["found"], state["sentences"], document, language=document.language)))  # type: ignore[arg-type]

    def attach() -> None:
        document: Document = state["document"]  # type: ignore[assignment]
        state["events"] = attach_events(state["resolved"], state["sentences"], document,  # type: ignore[arg-type]
                                        language=document.language)

    def order() -> None:
        document: Document = state["document"]  # type: ignore[assignment]
        events: list = state["events"]  # type: ignore[assignment]
        copies = [dataclasses.replace(event, document="copy") for event in events]
        published = {document.id: document.published, "copy": document.published}
        merged = merge_events(events + copies, published=published, language=document.language)
        select_key_dates(events, published, count=20, language=document.language)
        state["ordered"] = order_events(merged, "chronological")

    def render() -> None:
        document: Document = state["document"]  # type: ignore[assignment]
        timeline = Timeline(documents=(document,), events=tuple(state["ordered"]),  # type: ignore[arg-type]
                            expressions=tuple(state["resolved"]), language=Language.load())  # type: ignore[arg-type]
        for fmt in formats:
            for _piece in render_pieces(timeline, fmt):
                pass

    for name, step in zip(STAGES, (read, segment, tag, settle, resolve, attach, order, render), strict=True):
        started = time.process_time()
        try:
            step()
        except Exception as exc:  # reported, not raised: the table shows which stage failed on which input
            times[name] = f"{type(exc).__name__}: {str(exc)[:80]}"
            break
        times[name] = time.process_time() - started
    return times


def _in_child(kind: str, size: int, folder: str, formats: tuple[str, ...],
              timeout: float) -> dict[str, float | str]:
    command = [sys.executable, __file__, "--measure", kind, str(size), folder, "--formats", *formats]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"read": f"timed out after {timeout:.0f} s"}
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines() or ["no output"]
        return {"read": f"exit {done.returncode}: {lines[-1][:80]}"}
    result: dict[str, float | str] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def per_doubling(first: float, second: float, ratio: float) -> float:
    """Growth factor per doubling of the input between two times ``ratio`` sizes apart (2.0 = linear)."""
    return (max(second, 1e-4) / max(first, 1e-4)) ** (1 / math.log2(ratio))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kinds", nargs="+", choices=sorted(KINDS), default=list(KINDS))
    parser.add_argument("--sizes", nargs="+", type=int, default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--formats", nargs="+", default=["json", "md"], help="rendered in the render stage")
    parser.add_argument("--stages", action="store_true", help="also print every stage's seconds at every size")
    parser.add_argument("--timeout", type=float, default=1800.0, help="wall seconds per (kind, size)")
    parser.add_argument("--measure", nargs=3, metavar=("KIND", "SIZE", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    formats = tuple(args.formats)
    if args.measure:
        kind, size, folder = args.measure
        print(json.dumps(measure(kind, int(size), Path(folder), formats)))
        return 0
    sizes = sorted(args.sizes)
    print(f"CPU seconds of all stages per size; growth per doubling between the two largest sizes (2.0 linear, 4.0 "
          f"quadratic; ! over {FLAG} at {FLOOR} s or more); the steepest stage taking {FLOOR} s or more\n")
    print("| kind | " + " | ".join(f"{size:,}" for size in sizes) + " | growth | steepest stage | problem |")
    print("| --- |" + " ---: |" * (len(sizes) + 1) + " --- | --- |")
    bad = False
    with tempfile.TemporaryDirectory() as folder:
        for kind in args.kinds:
            runs = [_in_child(kind, size, folder, formats, args.timeout) for size in sizes]
            problems = [f"{size:,}: {value}" for size, run in zip(sizes, runs, strict=True)
                        for value in run.values() if isinstance(value, str)]
            totals = [_total(run) for run in runs]
            cells = [f"{total:.2f}" if total is not None else "-" for total in totals]
            growth = steepest = ""
            if len(sizes) > 1 and totals[-1] is not None and totals[-2] is not None:
                ratio = sizes[-1] / sizes[-2]
                rise = per_doubling(totals[-2], totals[-1], ratio)
                growth = f"{rise:.2f}" + ("!" if rise > FLAG and totals[-1] >= FLOOR else "")
                rises = {stage: per_doubling(float(runs[-2][stage]), float(runs[-1][stage]), ratio) for stage in STAGES
                         if float(runs[-1][stage]) >= FLOOR}
                if rises:
                    stage = max(rises, key=rises.__getitem__)
                    steepest = f"{stage} {rises[stage]:.2f} ({float(runs[-1][stage]):.2f} s)"
                    bad = bad or rises[stage] > FLAG
            bad = bad or bool(problems)
            problem = "; ".join(problems)
            print(f"| {kind} | " + " | ".join(cells) + f" | {growth} | {steepest} | {problem} |", flush=True)
            if args.stages:
                for stage in STAGES:
                    values = [run.get(stage) for run in runs]
                    print(f"|   {stage} | " + " | ".join(f"{value:.2f}" if isinstance(value, float) else "-"
                                                     for value in values) + " | | | |")
    return 1 if bad else 0


def _total(run: dict[str, float | str]) -> float | None:
    """The seconds of all stages; None when one failed or did not run."""
    if len(run) < len(STAGES) or any(isinstance(value, str) for value in run.values()):
        return None
    return sum(float(value) for value in run.values())


if __name__ == "__main__":
    sys.exit(main())
