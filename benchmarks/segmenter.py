"""Compare chrono's sentence splitter with pysbd on news text: accuracy and speed.

Usage: python benchmarks/segmenter.py [--tbaq ../shared/data/tbaq-cleaned] [--show N]

1. Accuracy on benchmarks/data/segmenter_gold.txt (hand-checked news paragraphs): boundary precision, recall,
   F1 and the share of paragraphs split exactly right.
2. On TimeBank+AQUAINT (no sentence markup there): how often the two agree on boundaries, and the speed of
   each in characters per second over the same texts. --show N prints N disagreements to check by hand.
pysbd is only needed here (pip install pysbd); chrono does not depend on it.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chrono.segment.sentences import sentence_spans  # noqa: E402

GOLD = ROOT / "benchmarks" / "data" / "segmenter_gold.txt"
TBAQ = ROOT.parent / "shared" / "data" / "tbaq-cleaned"

Splitter = Callable[[str], list[tuple[int, int]]]


def chrono_splitter() -> Splitter:
    return lambda text: [(span.start, span.end) for span in sentence_spans(text)]


def pysbd_splitter() -> Splitter:
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return lambda text: [(piece.start, piece.end) for piece in segmenter.segment(text)]


def gold_paragraphs(path: Path) -> list[list[str]]:
    paragraphs: list[list[str]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if line.strip():
            paragraphs[-1].append(line.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    return [p for p in paragraphs if p]


def boundaries(text: str, spans: list[tuple[int, int]]) -> set[int]:
    """Offsets where a sentence starts, except the first: where the text was cut."""
    starts = set()
    for start, _ in spans:
        while start < len(text) and text[start].isspace():
            start += 1
        starts.add(start)
    return {start for start in starts if 0 < start < len(text)}


def score_gold(split: Splitter, paragraphs: list[list[str]]) -> dict[str, float]:
    found = correct = expected = exact = 0
    for sentences in paragraphs:
        text = " ".join(sentences)
        gold, offset = set(), 0
        for sentence in sentences[:-1]:
            offset += len(sentence) + 1
            gold.add(offset)
        got = boundaries(text, split(text))
        found, correct, expected = found + len(got), correct + len(got & gold), expected + len(gold)
        exact += got == gold
    precision = correct / found if found else 1.0
    recall = correct / expected if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "exact": exact / len(paragraphs)}


def tbaq_texts(folder: Path) -> list[str]:
    """The TEXT of each TimeML file, tags removed, entities decoded: plain news paragraphs."""
    texts = []
    for path in sorted(folder.rglob("*.tml")):
        raw = path.read_text(encoding="utf-8")
        match = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.DOTALL)
        if match:
            texts.append(html.unescape(re.sub(r"<[^>]+>", "", match.group(1))))
    return texts


def timed(split: Splitter, texts: list[str]) -> tuple[list[set[int]], float]:
    began = time.perf_counter()
    cuts = [boundaries(text, split(text)) for text in texts]
    return cuts, time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tbaq", type=Path, default=TBAQ, help="TimeBank+AQUAINT folder (TimeML files)")
    parser.add_argument("--show", type=int, default=0, help="print this many TBAQ disagreements")
    args = parser.parse_args()
    splitters = {"chrono": chrono_splitter(), "pysbd": pysbd_splitter()}

    paragraphs = gold_paragraphs(GOLD)
    print(f"hand-checked news paragraphs: {len(paragraphs)}, "
          f"{sum(len(p) - 1 for p in paragraphs)} boundaries ({GOLD.relative_to(ROOT)})")
    for name, split in splitters.items():
        s = score_gold(split, paragraphs)
        print(f"  {name:7} precision {s['precision']:.3f}  recall {s['recall']:.3f}  F1 {s['f1']:.3f}  "
              f"paragraphs exactly right {s['exact']:.1%}")

    if not args.tbaq.is_dir():
        print(f"(no TBAQ folder at {args.tbaq}; skipping agreement and speed)")
        return
    texts = tbaq_texts(args.tbaq)
    size = sum(len(t) for t in texts)
    print(f"TBAQ: {len(texts)} documents, {size:,} characters")
    results = {}
    for name, split in splitters.items():
        cuts, seconds = timed(split, texts)
        results[name] = cuts
        print(f"  {name:7} {size / seconds / 1e6:7.3f} M characters/s  ({seconds:.2f} s)")
    ours, theirs = results["chrono"], results["pysbd"]
    both = sum(len(a & b) for a, b in zip(ours, theirs, strict=True))
    union = sum(len(a | b) for a, b in zip(ours, theirs, strict=True))
    print(f"  agreement on boundaries: {both / union:.1%} of {union:,} "
          f"(chrono only {sum(len(a - b) for a, b in zip(ours, theirs, strict=True))}, "
          f"pysbd only {sum(len(b - a) for a, b in zip(ours, theirs, strict=True))})")
    shown = 0
    for text, a, b in zip(texts, ours, theirs, strict=True):
        for cut in sorted(a ^ b):
            if shown >= args.show:
                return
            who = "chrono" if cut in a else "pysbd"
            context = text[max(0, cut - 60):cut].replace("\n", " ") + " ‖ " + text[cut:cut + 40].replace("\n", " ")
            print(f"  only {who:6}: {context}")
            shown += 1


if __name__ == "__main__":
    main()
