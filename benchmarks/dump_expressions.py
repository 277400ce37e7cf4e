"""Dump every expression chrono finds in TimeML corpora, one line each, to compare outputs before and after a change.

Each line: document, start, end, type, value, mod, rule, text (tab-separated), in document order; the events'
headlines and values follow, so that a change in tagging, resolution or attachment shows up as a diff line.

    python benchmarks/dump_expressions.py > before.tsv          # tbaq-cleaned (news) and wikiwars-train (narrative)
    python benchmarks/dump_expressions.py > after.tsv && diff before.tsv after.tsv
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from chrono.pipeline import analyse
from chrono.read.timeml import read_timeml, timeml_files

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
DEFAULT_CORPORA = ((SHARED / "tbaq-cleaned", "news"), (SHARED / "wikiwars-train", "narrative"))


def dump_lines(folder: Path, domain: str) -> Iterator[str]:
    for path in timeml_files([folder]):
        document = read_timeml(path).document
        expressions, events = analyse(document, domain=domain)
        for e in expressions:
            value = e.value
            fields = (value.type.value, value.value, value.mod or "") if value is not None else ("", "", "")
            yield "\t".join((document.id, "X", str(e.span.start), str(e.span.end), *fields, e.rule, repr(e.text)))
        for event in events:
            yield "\t".join((document.id, "E", str(event.span.start), str(event.span.end), event.when.value,
                             repr(event.headline)))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", help="FOLDER:DOMAIN pairs (default: tbaq-cleaned:news, "
                        "wikiwars-train:narrative)")
    args = parser.parse_args(argv)
    corpora = [(Path(item.rpartition(":")[0]), item.rpartition(":")[2]) for item in args.corpora] or DEFAULT_CORPORA
    for folder, domain in corpora:
        for line in dump_lines(folder, domain):
            sys.stdout.write(line + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
