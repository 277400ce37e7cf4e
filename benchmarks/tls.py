"""Timeline summarization (TLS) on Timeline17-style folders, scored as news-tls scores it.

For each reference timeline (``timelines/*.txt`` of a topic): N = its number of dates, K = round(mean sentences
per date), the window = its first and last date, the input = the topic's articles published in that window.
chrono's key dates (chrono.order.key_dates, what `chrono build --key-dates N --per-date K --from --to` runs) are
scored with tilse (PyPI `tilse`, `pip install -e '.[bench]'`): alignment ROUGE-1/-2 F1 (many-to-one alignment on
date and content costs, `align_date_content_costs_many_to_one`), concat ROUGE-1 F1 and date F1, each averaged
over the timelines as news-tls does (mean precision and mean recall, then the F1 of the two means). ROUGE is
tilse's Python reimplementation (stemmed, stopwords left out) since the original Perl ROUGE-1.5.5 is not
installed. Predicted sentences are tokenized as the references are (Penn Treebank style) before scoring.

A naive baseline is scored beside chrono: dates ranked by how many of chrono's events mention them, and for
each date the sentence closest to the date's word centroid (cosine of word counts).

    python benchmarks/tls.py                                   # every topic of ../shared/data/t17-dev
    python benchmarks/tls.py ../shared/data/t17-dev/bpoil_bbc --per-topic
    python benchmarks/tls.py --whole-folder      # also every article of each topic, as build reads its folder
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timeline17 import DEFAULT_DATA, ReferenceTimeline, read_articles, read_timelines, topics  # noqa: E402

from chrono.model import Document, Event  # noqa: E402
from chrono.order.key_dates import lead_events, select_key_dates  # noqa: E402
from chrono.pipeline import analyse_with_sentences  # noqa: E402

Predicted = dict[dt.date, list[str]]
# (events and undated leads of the window's articles, publication date of each article, N, K, first and last day)
Method = Callable[[list[Event], list[Event], Mapping[str, dt.date | None], int, int, dt.date, dt.date], Predicted]

_TOKEN = re.compile(r"n't|'(?:s|re|ve|ll|d|m)\b|\w+(?:[-.,]\w+)*|[^\w\s]", re.IGNORECASE)


def tokenized(sentence: str) -> str:
    """A sentence as the references are written: Penn Treebank-like tokens joined by spaces ("BP 's spill .")."""
    return " ".join(_TOKEN.findall(sentence))


# ---- the methods ----------------------------------------------------------------------------------------------

def chrono_key_dates(events: list[Event], leads: list[Event], published: Mapping[str, dt.date | None], count: int,
                     per_date: int, first: dt.date, last: dt.date) -> Predicted:
    chosen = select_key_dates(events, published, count=count, per_date=per_date, date_from=first, date_to=last,
                              leads=leads)
    return {key_date.day: [event.sentence for event in key_date.events] for key_date in chosen}


def naive_baseline(events: list[Event], leads: list[Event], published: Mapping[str, dt.date | None], count: int,
                   per_date: int, first: dt.date, last: dt.date) -> Predicted:
    """Dates by mention count; per date the one sentence nearest the centroid of its sentences' word counts."""
    by_day: dict[dt.date, list[str]] = defaultdict(list)
    for event in events:
        when = event.when
        if when.start is not None and when.start == when.end and first <= when.start <= last:
            by_day[when.start].append(event.sentence)
    ranked = sorted(by_day, key=lambda day: (-len(by_day[day]), day))[:count]
    predicted = {}
    for day in ranked:
        bags = [Counter(word.lower() for word in _TOKEN.findall(sentence) if word[0].isalnum())
                for sentence in by_day[day]]
        centroid: Counter[str] = Counter()
        for bag in bags:
            centroid.update(bag)
        best = max(range(len(bags)), key=lambda index: (_cosine(bags[index], centroid), -index))
        predicted[day] = [by_day[day][best]]
    return predicted


def _cosine(first: Counter[str], second: Counter[str]) -> float:
    dot = sum(count * second[word] for word, count in first.items())
    norm = math.sqrt(sum(v * v for v in first.values())) * math.sqrt(sum(v * v for v in second.values()))
    return dot / norm if norm else 0.0


METHODS: dict[str, Method] = {"naive baseline": naive_baseline, "chrono --key-dates": chrono_key_dates}
# not the news-tls protocol: every article of the topic folder, as `chrono build InputDocs --key-dates N --from
# --to` reads it (articles published after the window that look back at its days count too)
WHOLE_FOLDER = "chrono --key-dates, every article of the folder"


# ---- scoring --------------------------------------------------------------------------------------------------

@dataclass
class Scores:
    """Precision and recall per metric, one entry per timeline (averaged as news-tls does)."""

    precision: dict[str, list[float]]
    recall: dict[str, list[float]]

    def f1(self, metric: str) -> float:
        p = sum(self.precision[metric]) / len(self.precision[metric])
        r = sum(self.recall[metric]) / len(self.recall[metric])
        return 2 * p * r / (p + r) if p + r else 0.0


METRICS = ("date F1", "AR-1 F1", "AR-2 F1", "concat R-1 F1")


def score(predicted: Predicted, reference: ReferenceTimeline) -> dict[str, tuple[float, float]]:
    """(precision, recall) of each metric for one predicted timeline against one reference."""
    from tilse.data.timelines import GroundTruth as TilseGroundTruth
    from tilse.data.timelines import Timeline as TilseTimeline
    from tilse.evaluation import rouge

    evaluator = rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"], rouge_computation="reimpl")
    prediction = TilseTimeline({day: [tokenized(sentence) for sentence in sentences]
                                for day, sentences in predicted.items() if sentences})
    truth = TilseGroundTruth([TilseTimeline({day: list(sentences) for day, sentences in reference.dates})])
    aligned = evaluator.evaluate_align_date_content_costs_many_to_one(prediction, truth)
    concat = evaluator.evaluate_concat(prediction, truth)
    predicted_dates, reference_dates = set(predicted), {day for day, _ in reference.dates}
    shared = len(predicted_dates & reference_dates)
    return {
        "date F1": (shared / len(predicted_dates) if predicted_dates else 0.0, shared / len(reference_dates)),
        "AR-1 F1": (aligned["rouge_1"]["precision"], aligned["rouge_1"]["recall"]),
        "AR-2 F1": (aligned["rouge_2"]["precision"], aligned["rouge_2"]["recall"]),
        "concat R-1 F1": (concat["rouge_1"]["precision"], concat["rouge_1"]["recall"]),
    }


# ---- the run --------------------------------------------------------------------------------------------------

@dataclass
class Topic:
    name: str
    documents: list[Document]
    events: dict[str, list[Event]]  # per document id
    leads: dict[str, list[Event]]  # per document id: its undated opening sentences (chrono.order.key_dates)
    references: list[ReferenceTimeline]


def load_topic(folder: Path) -> Topic:
    documents = list(read_articles(folder))
    events: dict[str, list[Event]] = {}
    leads: dict[str, list[Event]] = {}
    for document in documents:
        try:
            _, events[document.id], sentences = analyse_with_sentences(document)
        except Exception as exc:  # noqa: BLE001 - an article chrono cannot analyse is reported and left out
            print(f"tls: skipped {document.id}: {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        leads[document.id] = lead_events(document.id, document.published, sentences, events[document.id])
    return Topic(folder.name, documents, events, leads, read_timelines(folder))


def run(topic: Topic, reference: ReferenceTimeline, method: Method, *, whole_folder: bool = False) -> Predicted:
    first, last = reference.first, reference.last
    window = [document for document in topic.documents if document.published and document.id in topic.events
              and (whole_folder or first <= document.published <= last)]
    events = [event for document in window for event in topic.events[document.id]]
    leads = [lead for document in window for lead in topic.leads[document.id]]
    published = {document.id: document.published for document in window}
    per_date = max(1, round(sum(len(sentences) for _, sentences in reference.dates) / len(reference.dates)))
    return method(events, leads, published, len(reference.dates), per_date, first, last)


def evaluate(loaded: Sequence[Topic], methods: Mapping[str, Method], *, per_topic: bool = False
             ) -> dict[str, Scores]:
    """Each method on each reference timeline; the method named WHOLE_FOLDER reads every article of the topic."""
    results = {name: Scores(defaultdict(list), defaultdict(list)) for name in methods}
    for topic in loaded:
        for reference in topic.references:
            for name, method in methods.items():
                single = score(run(topic, reference, method, whole_folder=name == WHOLE_FOLDER), reference)
                for metric, (precision, recall) in single.items():
                    results[name].precision[metric].append(precision)
                    results[name].recall[metric].append(recall)
                if per_topic:
                    figures = "  ".join(f"{metric} {2 * p * r / (p + r) if p + r else 0:.3f}"
                                        for metric, (p, r) in single.items())
                    print(f"  {reference.name:<45} {name:<20} {figures}")
    return results


def table(results: Mapping[str, Scores], timelines: int) -> str:
    lines = [f"| method ({timelines} timelines) | " + " | ".join(METRICS) + " |",
             "| --- | " + " | ".join("---:" for _ in METRICS) + " |"]
    for name, scores in results.items():
        lines.append(f"| {name} | " + " | ".join(f"{scores.f1(metric):.3f}" for metric in METRICS) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path, help="topic folders (default: every topic of t17-dev)")
    parser.add_argument("--per-topic", action="store_true", help="also print each timeline's F1 figures")
    parser.add_argument("--whole-folder", action="store_true",
                        help="also chrono on every article of the topic folder (not the news-tls protocol)")
    args = parser.parse_args()
    started = time.perf_counter()
    loaded = [load_topic(folder) for folder in (args.folders or topics(DEFAULT_DATA))]
    methods = {**METHODS, WHOLE_FOLDER: chrono_key_dates} if args.whole_folder else METHODS
    results = evaluate(loaded, methods, per_topic=args.per_topic)
    print(table(results, sum(len(topic.references) for topic in loaded)))
    print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
