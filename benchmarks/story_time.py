"""The story's own time, measured leave-one-document-out on WikiWars (narrative).

The resolver does not count later expressions from an *aside*: a mention in a comparison, a citation,
parentheses or a name (cues in chrono/lang/<code>/surroundings.toml, list ``aside``). Here each cue is chosen
without the document it is scored on: for every document, a cue is kept only when it does not lower the number
of right values on the other documents; the document is then scored with the cues so chosen. The value F1 of
those scores is printed beside the F1 with every cue and with none.

    python benchmarks/story_time.py            # ../shared/data/wikiwars-train
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Sequence
from pathlib import Path

from chrono.evaluate import chrono_tagger, evaluate_documents
from chrono.lang import Language
from chrono.lang.sections import SurroundingCue
from chrono.read.timeml import TimeMLDocument, read_timeml, timeml_files

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "wikiwars-train"
# per document: (values right, gold expressions, system expressions)
Counts = dict[str, tuple[int, int, int]]


def _with_asides(language: Language, asides: tuple[SurroundingCue, ...]) -> Language:
    return dataclasses.replace(language, surroundings=dataclasses.replace(language.surroundings, aside=asides))


def _counts(documents: Sequence[TimeMLDocument], language: Language) -> Counts:
    evaluation = evaluate_documents(documents, chrono_tagger("narrative", language=language))
    return {result.name: (sum(match.value_right for match in result.matches), len(result.gold),
                          len(result.system)) for result in evaluation.documents}


def _f1(counts: Sequence[tuple[int, int, int]]) -> float:
    right, gold, system = (sum(column) for column in zip(*counts, strict=True))
    return 200 * right / (gold + system) if gold + system else 0.0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="WikiWars TimeML folder")
    args = parser.parse_args(argv)
    documents = [read_timeml(path) for path in timeml_files([args.data])]
    if not documents:
        print(f"story_time: no TimeML files under {args.data}", file=sys.stderr)
        return 2
    language = Language.load("en")
    cues = language.surroundings.aside
    every = _counts(documents, language)
    without = {cue.name: _counts(documents, _with_asides(language, tuple(c for c in cues if c is not cue)))
               for cue in cues}
    none = _counts(documents, _with_asides(language, ()))
    chosen: list[tuple[int, int, int]] = []
    dropped_for: dict[str, list[str]] = {}
    for name in every:
        dropped = [cue.name for cue in cues
                   if sum(every[other][0] for other in every if other != name)
                   < sum(without[cue.name][other][0] for other in every if other != name)]
        if dropped:
            dropped_for[name] = dropped
            kept = tuple(cue for cue in cues if cue.name not in dropped)
            chosen.append(_counts([d for d in documents if d.name == name], _with_asides(language, kept))[name])
        else:
            chosen.append(every[name])
    print(f"WikiWars value F1, {len(documents)} documents, --domain narrative")
    print(f"  no aside cue:                 {_f1(list(none.values())):.2f}")
    print(f"  every aside cue:              {_f1(list(every.values())):.2f}")
    print(f"  leave-one-document-out cues:  {_f1(chosen):.2f}")
    for cue in cues:
        print(f"  without {cue.name!r}: {_f1(list(without[cue.name].values())):.2f}")
    better = sum(every[name][0] > none[name][0] for name in every)
    worse = sum(every[name][0] < none[name][0] for name in every)
    print(f"  documents with more right values than with no cue: {better}, fewer: {worse}")
    for name, dropped in dropped_for.items():
        print(f"  {name}: cues dropped when it is left out: {', '.join(dropped)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
