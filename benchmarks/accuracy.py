"""Accuracy: chrono scored with TempEval-3 Task A on TimeBank+AQUAINT, WikiWars (narrative) and tweets (informal).

Prints one table per corpus with chrono's P/R/F1 and its F1 beside HeidelTime's published figures (and, with
--dateparser, dateparser.search_dates scored the same way on news: each date it finds is a DATE whose value
is the day it returns; this reproduces the issue's strict, relaxed and type figures exactly, and gives a
somewhat higher value F1 than the issue's 13.3).

    python benchmarks/accuracy.py                       # all three corpora under ../shared/data
    python benchmarks/accuracy.py --dateparser          # plus dateparser on news (slow)
    python benchmarks/accuracy.py --errors news.tsv     # also write chrono's errors on each corpus
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from chrono.evaluate import Evaluation, chrono_tagger, error_lines, evaluate_documents
from chrono.model import Span
from chrono.read.timeml import TimeMLDocument, Timex, read_timeml, timeml_files

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"

# (corpus folder, domain, published reference rows: system -> {metric: F1})
CORPORA = {
    "news": ("tbaq-cleaned", "news", {
        "HeidelTime (news mode, no POS tagger)": {"strict": 79.5, "relaxed": 88.8, "value": 72.7, "type": 84.5},
        "HeidelTime at TempEval-3 (published)": {"strict": 81.3, "relaxed": 90.3, "value": 77.6},
        "dateparser.search_dates (issue figures)": {"strict": 24.8, "relaxed": 62.3, "value": 13.3, "type": 52.5},
    }),
    "narrative": ("wikiwars-train", "narrative", {
        "HeidelTime (narrative mode)": {"strict": 85.4, "relaxed": 91.4, "value": 78.1},
    }),
    "informal": ("tweets-train", "news", {}),
}
NOTES = {
    "narrative": "WikiWars was converted from TIMEX2: every TIMEX3 in it is typed DATE (durations such as P2M "
                 "included) and 56 have the value 'null', so its type F1 and per-type rows say little.",
    "informal": "The tweets' values are often in the annotators' own forms ('2011-11-26-WXX-6', '2014-XX-XX'), "
                "so their value F1 says little; span F1 (strict, relaxed) is what they measure.",
}
TARGETS = {"news": {"strict": 85.0, "relaxed": 93.0, "value": 85.0, "type": 88.0}, "narrative": {"value": 82.0},
           "informal": {"strict": 88.0, "relaxed": 92.0}}
METRICS = ("strict", "relaxed", "value", "type")


def dateparser_system(source: TimeMLDocument) -> list[Timex]:
    """search_dates over the text, each hit located after the previous one, valued as a day (or a time)."""
    from dateparser.search import search_dates

    published = source.document.published or dt.date(2000, 1, 1)
    base = dt.datetime(published.year, published.month, published.day)
    text = source.document.text
    found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    timexes: list[Timex] = []
    cursor = 0
    for phrase, moment in found:
        start = text.find(phrase, cursor)
        if start < 0:
            continue
        cursor = start + len(phrase)
        timexes.append(Timex(Span(start, cursor), phrase, "DATE", moment.strftime("%Y-%m-%d")))
    return timexes


def table(name: str, evaluation: Evaluation, references: dict[str, dict[str, float]],
          extra: dict[str, Evaluation], targets: dict[str, float]) -> str:
    scores = evaluation.scores
    gold, system = scores["relaxed"].gold, scores["relaxed"].system
    failed = f", {len(evaluation.problems)} problems (see stderr)" if evaluation.problems else ""
    lines = [f"## {name}: {len(evaluation.documents)} documents, {gold} gold TIMEX3, {system} found{failed}",
             "", "| system | " + " | ".join(f"{m} F1" for m in METRICS) + " |",
             "| --- |" + " ---: |" * len(METRICS)]

    def row(label: str, figures: dict[str, float]) -> str:
        return f"| {label} | " + " | ".join(f"{figures[m]:.1f}" if m in figures else "–" for m in METRICS) + " |"

    lines.append(row("**chrono**", {m: 100 * scores[m].f1 for m in METRICS}))
    for label, other in extra.items():
        lines.append(row(f"{label} (measured)", {m: 100 * other.scores[m].f1 for m in METRICS}))
    lines += [row(label, figures) for label, figures in references.items()]
    lines.append(row("target", targets))
    lines += ["", "chrono in detail:", "", "| metric | P | R | F1 |", "| --- | ---: | ---: | ---: |"]
    lines += [f"| {m} | {100 * scores[m].precision:.1f} | {100 * scores[m].recall:.1f} | {100 * scores[m].f1:.1f} |"
              for m in METRICS]
    lines += ["", "| type | gold | found | strict F1 | relaxed F1 | value F1 | type F1 |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for type_name, per in evaluation.per_type().items():
        cells = " | ".join(f"{100 * per[m].f1:.1f}" for m in METRICS)
        lines.append(f"| {type_name} | {per['relaxed'].gold} | {per['relaxed'].system} | {cells} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="folder holding tbaq-cleaned/, wikiwars-train/ and tweets-train/ (default: %(default)s)")
    parser.add_argument("--corpus", choices=tuple(CORPORA), action="append",
                        help="score only this corpus (repeatable; default: all)")
    parser.add_argument("--dateparser", action="store_true", help="also score dateparser.search_dates on news")
    parser.add_argument("--errors", type=Path, default=None,
                        help="write chrono's errors per corpus to this folder (<corpus>.tsv)")
    args = parser.parse_args(argv)

    for corpus in args.corpus or tuple(CORPORA):
        folder, domain, references = CORPORA[corpus]
        paths = timeml_files([args.data / folder])
        if not paths:
            print(f"accuracy: no TimeML files under {args.data / folder}", file=sys.stderr)
            return 2
        documents = [read_timeml(path) for path in paths]
        evaluation = evaluate_documents(documents, chrono_tagger(domain))
        extra: dict[str, Evaluation] = {}
        if args.dateparser and domain == "news":
            extra["dateparser.search_dates"] = evaluate_documents(documents, dateparser_system)
        print(table(f"{corpus} ({folder}, --domain {domain})", evaluation, references, extra, TARGETS[corpus]))
        print(f"\nNote: {NOTES[corpus]}\n" if corpus in NOTES else "")
        for problem in evaluation.problems:
            print(f"accuracy: warning: {problem}", file=sys.stderr)
        if args.errors is not None:
            args.errors.mkdir(parents=True, exist_ok=True)
            (args.errors / f"{corpus}.tsv").write_text("\n".join(error_lines(evaluation)) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
