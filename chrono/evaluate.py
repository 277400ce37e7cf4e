"""TempEval-3 Task A scores for temporal expressions: span (strict, relaxed), value and type.

strict: a system span equals a gold span; relaxed: they overlap; each gold and each system expression is
matched at most once. P = matches / system, R = matches / gold. Value (type) F1 is relaxed F1 times the share
of relaxed matches whose value (type) is right, i.e. 2 * right / (system + gold).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chrono.errors import ChronoInputError
from chrono.lang import Language
from chrono.model import Domain, Span
from chrono.read import document_id
from chrono.read.common import Record
from chrono.read.published import settle_published
from chrono.read.timeml import NO_DCT, TimeMLDocument, Timex, as_timex, read_timeml, timeml_files

METRICS = ("strict", "relaxed", "value", "type")


@dataclass(frozen=True, slots=True)
class Score:
    """Precision, recall and F1 (fractions) from the counts they come from."""

    right: int
    system: int
    gold: int
    precise: int | None = None  # matches counted for precision when they differ from recall's (per type)

    @property
    def precision(self) -> float:
        right = self.right if self.precise is None else self.precise
        return right / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_percent(self) -> dict[str, float]:
        return {"P": round(100 * self.precision, 2), "R": round(100 * self.recall, 2), "F1": round(100 * self.f1, 2)}


@dataclass(frozen=True, slots=True)
class Match:
    gold: Timex
    system: Timex

    @property
    def strict(self) -> bool:
        return self.gold.span == self.system.span

    @property
    def value_right(self) -> bool:
        return self.gold.value.strip() == self.system.value.strip()

    @property
    def type_right(self) -> bool:
        return self.gold.type.strip().upper() == self.system.type.strip().upper()


@dataclass(frozen=True)
class DocumentResult:
    name: str
    gold: tuple[Timex, ...]
    system: tuple[Timex, ...]
    matches: tuple[Match, ...]

    @property
    def misses(self) -> list[Timex]:
        matched = {id(m.gold) for m in self.matches}
        return [g for g in self.gold if id(g) not in matched]

    @property
    def false_alarms(self) -> list[Timex]:
        matched = {id(m.system) for m in self.matches}
        return [s for s in self.system if id(s) not in matched]


@dataclass
class Evaluation:
    """Every document's matches, plus the problems (missing documents, text mismatches) met on the way."""

    documents: list[DocumentResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def _counts(self, type_name: str | None = None) -> dict[str, Score]:
        def gold_in(t: Timex) -> bool:
            return type_name is None or t.type.upper() == type_name

        gold = sum(1 for d in self.documents for g in d.gold if gold_in(g))
        system = sum(1 for d in self.documents for s in d.system if gold_in(s))
        matches = [m for d in self.documents for m in d.matches]

        def score(accept: Callable[[Match], bool]) -> Score:
            if type_name is None:
                return Score(sum(1 for m in matches if accept(m)), system, gold)
            # per type: recall counts by the gold type, precision by the system type; F1 from both
            recalled = sum(1 for m in matches if gold_in(m.gold) and accept(m))
            precise = sum(1 for m in matches if gold_in(m.system) and accept(m))
            return Score(recalled, system, gold, precise)

        return {
            "strict": score(lambda m: m.strict),
            "relaxed": score(lambda m: True),
            "value": score(lambda m: m.value_right),
            "type": score(lambda m: m.type_right),
        }

    @property
    def scores(self) -> dict[str, Score]:
        return self._counts()

    def per_type(self) -> dict[str, dict[str, Score]]:
        names = sorted({t.type.upper() for d in self.documents for t in (*d.gold, *d.system) if t.type})
        return {name: self._counts(name) for name in names}

    def as_json(self) -> dict[str, Any]:
        scores = self.scores
        result: dict[str, Any] = {metric: scores[metric].as_percent() for metric in METRICS}
        result["counts"] = {"documents": len(self.documents), "gold": scores["relaxed"].gold,
                            "system": scores["relaxed"].system, "problems": len(self.problems)}
        result["per_type"] = {
            name: {"gold": s["relaxed"].gold, "system": s["relaxed"].system,
                   **{metric: s[metric].as_percent() for metric in METRICS}}
            for name, s in self.per_type().items()
        }
        result["problems"] = list(self.problems)
        return result


def match_timexes(gold: Sequence[Timex], system: Sequence[Timex]) -> list[Match]:
    """Pair each system expression with at most one overlapping gold one: exact spans first, then most overlap."""
    matches: list[Match] = []
    free_gold = set(range(len(gold)))
    free_system = set(range(len(system)))
    by_span: dict[Span, list[int]] = {}
    for index, g in enumerate(gold):
        by_span.setdefault(g.span, []).append(index)
    for s_index, s in enumerate(system):
        exact = [g for g in by_span.get(s.span, []) if g in free_gold]
        if exact:
            matches.append(Match(gold[exact[0]], s))
            free_gold.discard(exact[0])
            free_system.discard(s_index)
    for s_index in sorted(free_system):
        s = system[s_index]
        best, best_overlap = None, 0
        for g_index in sorted(free_gold):
            g = gold[g_index]
            overlap = min(g.span.end, s.span.end) - max(g.span.start, s.span.start)
            if overlap > best_overlap:
                best, best_overlap = g_index, overlap
        if best is not None:
            matches.append(Match(gold[best], s))
            free_gold.discard(best)
    return sorted(matches, key=lambda m: m.gold.span.start)


def evaluate_document(name: str, gold: Sequence[Timex], system: Sequence[Timex]) -> DocumentResult:
    return DocumentResult(name=name, gold=tuple(gold), system=tuple(system), matches=tuple(match_timexes(gold, system)))


SystemTagger = Callable[[TimeMLDocument], Iterable[Any]]


def chrono_tagger(domain: Domain | str = Domain.NEWS, language: Language | None = None,
                  locale: str | None = None) -> SystemTagger:
    """A system that runs chrono's pipeline on each gold document's text with its DCT."""

    def tag(source: TimeMLDocument) -> list[Timex]:
        from chrono.pipeline import analyse

        where = source.document.source or source.name
        hint = source.dct_problem or f"{NO_DCT} to resolve news expressions against"
        record = settle_published(Record(where, source.document, date_hint=hint), None,
                                  required=Domain.of(domain).needs_publication_date)  # the one date rule
        if record.document is None:
            raise ChronoInputError(record.problem or where)
        expressions, _events = analyse(record.document, domain=domain, language=language, locale=locale)
        return [as_timex(expression) for expression in expressions]

    return tag


def evaluate_documents(gold_docs: Sequence[TimeMLDocument], system: SystemTagger, *,
                       keep_going: bool = True) -> Evaluation:
    """Score a system (a function from a gold document to its annotations) on already-read gold documents.

    With ``keep_going``, a system that crashes on a document is a recorded problem (its gold expressions count
    as misses) rather than the end of the evaluation; input errors (ChronoInputError) always stop it.
    """
    evaluation = Evaluation()
    for source in gold_docs:
        try:
            annotations = [as_timex(item) for item in system(source)]
        except ChronoInputError:
            raise
        except Exception as exc:
            if not keep_going:
                raise
            evaluation.problems.append(f"{source.name}: the system failed ({type(exc).__name__}: {exc}); "
                                       f"its {len(source.timexes)} gold expressions count as misses")
            annotations = []
        evaluation.documents.append(evaluate_document(source.name, source.timexes, annotations))
    return evaluation


def evaluate_folders(gold_paths: Sequence[str | Path], system_paths: Sequence[str | Path] | None = None, *,
                     domain: Domain | str = Domain.NEWS, keep_going: bool = True,
                     language: Language | None = None, locale: str | None = None) -> Evaluation:
    """Score system TimeML files (or chrono itself when none are given) against gold TimeML, pairing by name.

    A gold document with no system document counts all its gold expressions as misses; a system document
    whose text differs from the gold text counts its gold as misses and its system expressions as false
    alarms; a system document with no gold is not scored. Each case is recorded in ``problems``.
    """
    gold_docs = _read_named(timeml_files(gold_paths), "gold")
    if system_paths is None:
        return evaluate_documents(list(gold_docs.values()), chrono_tagger(domain, language, locale),
                                  keep_going=keep_going)
    evaluation = Evaluation()
    system_files = _named_paths(timeml_files(system_paths), evaluation.problems, "system")
    for name, source in gold_docs.items():
        path = system_files.get(name)
        if path is None:
            evaluation.problems.append(f"{name}: no system document; its {len(source.timexes)} gold expressions "
                                       "count as misses")
            evaluation.documents.append(evaluate_document(name, source.timexes, []))
            continue
        answer = read_timeml(path)
        if answer.document.text != source.document.text:
            difference = _first_difference(source.document.text, answer.document.text)
            evaluation.problems.append(f"{name}: system text differs from the gold text ({difference}); "
                                       "scored as all misses and false alarms")
            evaluation.documents.append(DocumentResult(name, source.timexes, answer.timexes, ()))
            continue
        evaluation.documents.append(evaluate_document(name, source.timexes, answer.timexes))
    for name in sorted(set(system_files) - set(gold_docs)):
        evaluation.problems.append(f"{name}: system document has no gold document; not scored")
    return evaluation


def _read_named(paths: Iterable[Path], role: str) -> dict[str, TimeMLDocument]:
    problems: list[str] = []
    named = _named_paths(paths, problems, role)
    if problems:
        raise ChronoInputError(problems[0])
    return {name: read_timeml(path) for name, path in named.items()}


def _named_paths(paths: Iterable[Path], problems: list[str], role: str) -> dict[str, Path]:
    named: dict[str, Path] = {}
    for path in paths:
        name = document_id(path)
        if name in named:
            problems.append(f"{name}: two {role} documents of this name ({named[name]}, {path})")
            continue
        named[name] = path
    return named


def _first_difference(gold: str, system: str) -> str:
    for index, (a, b) in enumerate(zip(gold, system, strict=False)):
        if a != b:
            return f"first at character {index}: gold {gold[index:index + 20]!r}, system {system[index:index + 20]!r}"
    return f"gold has {len(gold)} characters, system {len(system)}"


# -- reports -----------------------------------------------------------------------------------------------------


def format_table(evaluation: Evaluation) -> str:
    """The scores as a Markdown table: overall, then one row per type."""
    lines = ["| | P | R | F1 |", "| --- | ---: | ---: | ---: |"]
    for metric, score in evaluation.scores.items():
        lines.append(f"| {metric} | {100 * score.precision:.1f} | {100 * score.recall:.1f} | {100 * score.f1:.1f} |")
    lines += ["", "| type | gold | system | strict F1 | relaxed F1 | value F1 | type F1 |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, scores in evaluation.per_type().items():
        cells = " | ".join(f"{100 * scores[metric].f1:.1f}" for metric in METRICS)
        lines.append(f"| {name} | {scores['relaxed'].gold} | {scores['relaxed'].system} | {cells} |")
    gold, system = evaluation.scores["relaxed"].gold, evaluation.scores["relaxed"].system
    lines += ["", f"{len(evaluation.documents)} documents, {gold} gold and {system} system expressions, "
              f"{len(evaluation.problems)} problems"]
    return "\n".join(lines)


def error_lines(evaluation: Evaluation) -> list[str]:
    """One tab-separated line per error: kind, document, offsets, gold text/type/value, system text/type/value."""

    def describe(timex: Timex | None) -> str:
        if timex is None:
            return "-"
        mod = f" mod={timex.mod}" if timex.mod else ""
        return f"{timex.text!r} {timex.type} {timex.value}{mod}"

    lines: list[str] = []
    for result in evaluation.documents:
        rows: list[tuple[int, str, Timex | None, Timex | None]] = []
        rows += [(g.span.start, "miss", g, None) for g in result.misses]
        rows += [(s.span.start, "false-alarm", None, s) for s in result.false_alarms]
        for m in result.matches:
            if not m.value_right:
                rows.append((m.gold.span.start, "wrong-value", m.gold, m.system))
            elif not m.type_right:
                rows.append((m.gold.span.start, "wrong-type", m.gold, m.system))
            elif not m.strict:
                rows.append((m.gold.span.start, "extent", m.gold, m.system))
        for start, kind, gold, system in sorted(rows, key=lambda row: (row[0], row[1])):
            lines.append(f"{kind}\t{result.name}\t{start}\tgold: {describe(gold)}\tsystem: {describe(system)}")
    return lines
