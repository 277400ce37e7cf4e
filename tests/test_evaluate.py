"""TempEval-3 Task A scoring on hand-made gold/system pairs, document pairing problems, and the tag/eval commands."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import chrono.pipeline
from chrono.cli import app
from chrono.errors import ChronoInputError
from chrono.evaluate import Evaluation, evaluate_document, evaluate_folders, match_timexes
from chrono.model import Document, Expression, PartialValue, Span, TimexType, Value
from chrono.read.timeml import Timex, parse_timeml

Triple = tuple[float, float, float]


def timex(start: int, end: int, type_: str = "DATE", value: str = "1990") -> Timex:
    return Timex(Span(start, end), "x" * (end - start), type_, value)


def rounded(score: object) -> Triple:
    return (round(score.precision, 4), round(score.recall, 4), round(score.f1, 4))


THIRD, TWO_THIRDS = round(1 / 3, 4), round(2 / 3, 4)

# (case, gold, system, strict, relaxed, value, type) with (P, R, F1) as fractions
SCORING = [
    ("identical", [timex(0, 5), timex(10, 20, "DURATION", "P1Y")], [timex(0, 5), timex(10, 20, "DURATION", "P1Y")],
     (1, 1, 1), (1, 1, 1), (1, 1, 1), (1, 1, 1)),
    ("exact, overlap with a wrong value, false alarm, miss",
     [timex(0, 5), timex(10, 20, "DURATION", "P1Y"), timex(30, 35)],
     [timex(0, 5), timex(12, 20, "DURATION", "P2Y"), timex(40, 45)],
     (THIRD, THIRD, THIRD), (TWO_THIRDS,) * 3, (THIRD,) * 3, (TWO_THIRDS,) * 3),
    ("nothing found", [timex(0, 5), timex(6, 9)], [], (0, 0, 0), (0, 0, 0), (0, 0, 0), (0, 0, 0)),
    ("nothing to find", [], [timex(0, 5)], (0, 0, 0), (0, 0, 0), (0, 0, 0), (0, 0, 0)),
    ("two system spans over one gold: matched once", [timex(0, 10)], [timex(0, 4), timex(5, 10)],
     (0, 0, 0), (0.5, 1, TWO_THIRDS), (0.5, 1, TWO_THIRDS), (0.5, 1, TWO_THIRDS)),
    ("one system span over two gold: matched once", [timex(0, 4), timex(5, 10)], [timex(0, 10)],
     (0, 0, 0), (1, 0.5, TWO_THIRDS), (1, 0.5, TWO_THIRDS), (1, 0.5, TWO_THIRDS)),
    ("an exact span wins over an earlier overlap", [timex(0, 10, value="A")], [timex(0, 4), timex(0, 10, value="A")],
     (0.5, 1, TWO_THIRDS), (0.5, 1, TWO_THIRDS), (0.5, 1, TWO_THIRDS), (0.5, 1, TWO_THIRDS)),
    ("right value, wrong type", [timex(0, 5, "DATE", "P1D")], [timex(0, 5, "DURATION", "P1D")],
     (1, 1, 1), (1, 1, 1), (1, 1, 1), (0, 0, 0)),
    ("four gold, two found, one value right", [timex(0, 2), timex(3, 5), timex(6, 8), timex(9, 11)],
     [timex(0, 2), timex(3, 5, value="1991")], (1, 0.5, TWO_THIRDS), (1, 0.5, TWO_THIRDS),
     (0.5, 0.25, THIRD), (1, 0.5, TWO_THIRDS)),
]


@pytest.mark.parametrize(("case", "gold", "system", "strict", "relaxed", "value", "type_"), SCORING,
                         ids=[row[0] for row in SCORING])
def test_tempeval_scores(case: str, gold: list[Timex], system: list[Timex], strict: Triple, relaxed: Triple,
                         value: Triple, type_: Triple) -> None:
    evaluation = evaluate_folders_free([("doc", gold, system)])
    scores = evaluation.scores
    expected = {"strict": strict, "relaxed": relaxed, "value": value, "type": type_}
    assert {metric: rounded(scores[metric]) for metric in expected} == {
        metric: tuple(round(float(x), 4) for x in triple) for metric, triple in expected.items()
    }


def evaluate_folders_free(documents: list[tuple[str, list[Timex], list[Timex]]]) -> Evaluation:
    evaluation = Evaluation()
    for name, gold, system in documents:
        evaluation.documents.append(evaluate_document(name, gold, system))
    return evaluation


def test_scores_add_up_over_documents() -> None:
    evaluation = evaluate_folders_free([("a", [timex(0, 5)], [timex(0, 5)]), ("b", [timex(0, 5)], [])])
    assert rounded(evaluation.scores["strict"]) == (1.0, 0.5, TWO_THIRDS)


def test_per_type_counts_recall_by_gold_type_and_precision_by_system_type() -> None:
    evaluation = evaluate_folders_free([("doc", [timex(0, 5, "DATE"), timex(6, 9, "SET")],
                                         [timex(0, 5, "DURATION"), timex(6, 9, "SET")])])
    per_type = evaluation.per_type()
    assert set(per_type) == {"DATE", "DURATION", "SET"}
    assert rounded(per_type["DATE"]["relaxed"]) == (0.0, 1.0, 0.0)  # no system DATE
    assert rounded(per_type["DURATION"]["relaxed"])[0] == 1.0  # its one system expression overlaps gold
    assert rounded(per_type["SET"]["type"]) == (1.0, 1.0, 1.0)
    assert rounded(evaluation.scores["type"]) == (0.5, 0.5, 0.5)


def test_matching_pairs_each_gold_once() -> None:
    pairs = match_timexes([timex(0, 10)], [timex(0, 3), timex(4, 10), timex(0, 10)])
    assert [(m.gold.span, m.system.span) for m in pairs] == [(Span(0, 10), Span(0, 10))]


# -- folders, pairing and problems ------------------------------------------------------------------------------

DCT = '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-27" functionInDocument="CREATION_TIME">x</TIMEX3></DCT>'


def tml(body: str) -> str:
    return f'<?xml version="1.0" ?>\n<TimeML>\n{DCT}\n<TEXT>{body}</TEXT>\n</TimeML>\n'


GOLD = {
    "a.tml": tml('Sales fell <TIMEX3 tid="t1" type="DATE" value="1997">last year</TIMEX3> and '
                 '<TIMEX3 tid="t2" type="DATE" value="1998-02-26">yesterday</TIMEX3>.'),
    "b.tml": tml('Prices rose in <TIMEX3 tid="t1" type="DATE" value="1996">1996</TIMEX3>.'),
}


def write_files(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(content, encoding="utf-8")
    return folder


def test_system_folder_pairs_by_name(tmp_path: Path) -> None:
    gold = write_files(tmp_path / "gold", GOLD)
    system = write_files(tmp_path / "system", {
        "a.tml": tml('Sales fell <TIMEX3 tid="t1" type="DATE" value="1997">last year</TIMEX3> and yesterday.'),
        "b.TE3input.tml": GOLD["b.tml"],
    })
    evaluation = evaluate_folders([gold], [system])
    assert evaluation.problems == []
    assert rounded(evaluation.scores["strict"]) == (1.0, TWO_THIRDS, 0.8)


@pytest.mark.parametrize(
    ("system_files", "problem", "strict"),
    [
        ({"a.tml": GOLD["a.tml"]}, "b: no system document", (1.0, TWO_THIRDS, 0.8)),
        ({**GOLD, "b.tml": GOLD["b.tml"].replace("Prices", "Costs")}, "b: system text differs",
         (TWO_THIRDS, TWO_THIRDS, TWO_THIRDS)),
        ({**GOLD, "c.tml": GOLD["b.tml"]}, "c: system document has no gold", (1.0, 1.0, 1.0)),
    ],
)
def test_pairing_problems_are_reported_and_counted(tmp_path: Path, system_files: dict[str, str], problem: str,
                                                   strict: Triple) -> None:
    gold = write_files(tmp_path / "gold", GOLD)
    system = write_files(tmp_path / "system", system_files)
    evaluation = evaluate_folders([gold], [system])
    assert len(evaluation.problems) == 1 and evaluation.problems[0].startswith(problem)
    assert rounded(evaluation.scores["strict"]) == tuple(round(x, 4) for x in strict)


# -- the commands -------------------------------------------------------------------------------------------------

RUNNER = CliRunner()


def fake_analyse(document: Document, *, domain: str = "news", language: object = None,
                 locale: str | None = None) -> tuple[list, list]:
    """A stand-in tagger: every four-digit year, valued as itself (narrative adds a mod, to see --domain)."""
    found = []
    body = document.body_span
    for match in re.compile(r"\b\d{4}\b").finditer(document.text, body.start, body.end):
        value = Value(match.group(), TimexType.DATE, mod="APPROX" if domain == "narrative" else None)
        found.append(Expression(match.group(), Span(match.start(), match.end()), PartialValue(),
                                document=document.id, value=value))
    return found, []


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chrono.pipeline, "analyse", fake_analyse)


def test_eval_command_prints_the_table_and_json(tmp_path: Path) -> None:
    gold = write_files(tmp_path / "gold", GOLD)
    system = write_files(tmp_path / "system", GOLD)
    table = RUNNER.invoke(app, ["eval", str(gold), str(system)])
    assert table.exit_code == 0, table.output
    assert "| strict | 100.0 | 100.0 | 100.0 |" in table.output
    result = RUNNER.invoke(app, ["eval", str(gold), str(system), "--json"])
    report = json.loads(result.stdout)
    assert {key: report[key] for key in ("strict", "relaxed", "value", "type")} == {
        key: {"P": 100.0, "R": 100.0, "F1": 100.0} for key in ("strict", "relaxed", "value", "type")
    }


def test_eval_command_exits_2_and_warns_on_a_missing_document(tmp_path: Path) -> None:
    gold = write_files(tmp_path / "gold", GOLD)
    system = write_files(tmp_path / "system", {"a.tml": GOLD["a.tml"]})
    result = RUNNER.invoke(app, ["eval", str(gold), str(system)])
    assert result.exit_code == 2
    assert "warning: b: no system document" in result.stderr
    assert "1 problems" in result.stdout


def test_eval_command_tags_the_gold_text_itself_and_lists_errors(tmp_path: Path, fake_pipeline: None) -> None:
    gold = write_files(tmp_path / "gold", GOLD)
    result = RUNNER.invoke(app, ["eval", str(gold), "--errors"])
    assert result.exit_code == 0, result.output
    assert "| strict | 100.0 | 33.3 | 50.0 |" in result.output
    misses = [line.split("\t") for line in result.output.splitlines() if line.startswith("miss\t")]
    assert [(row[1], row[3]) for row in misses] == [("a", "gold: 'last year' DATE 1997"),
                                                     ("a", "gold: 'yesterday' DATE 1998-02-26")]


def test_tag_command_writes_timeml_per_input(tmp_path: Path, fake_pipeline: None) -> None:
    inputs = write_files(tmp_path / "in", {"one.TE3input": tml("Founded in 1990 &amp; sold in 2001."),
                                           "sub/two.tml": tml("Built in 1850.")})
    write_files(tmp_path / "in", {"README.txt": "About this corpus (2013)."})
    out = tmp_path / "out"
    result = RUNNER.invoke(app, ["tag", str(inputs), "--output-dir", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*.*")) == ["one.tml", "sub/two.tml"]
    one = (out / "one.tml").read_text(encoding="utf-8")
    assert ('<TEXT>Founded in <TIMEX3 tid="t1" type="DATE" value="1990">1990</TIMEX3> &amp; sold in '
            '<TIMEX3 tid="t2" type="DATE" value="2001">2001</TIMEX3>.</TEXT>') in one
    two = parse_timeml((out / "sub" / "two.tml").read_text(encoding="utf-8"))
    assert str(two.document.published) == "1998-02-27"
    assert [t.value for t in two.timexes] == ["1850"]


def test_tag_command_prints_json_expressions(tmp_path: Path, fake_pipeline: None) -> None:
    story = write_files(tmp_path, {"story.txt": "It opened in 1990."}) / "story.txt"
    result = RUNNER.invoke(app, ["tag", str(story), "--format", "json", "--published", "2000-01-01",
                                 "--domain", "narrative"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)["expressions"][0]
    assert {key: record[key] for key in ("text", "span", "type", "value", "mod", "document")} == {
        "text": "1990", "span": [13, 17], "type": "DATE", "value": "1990", "mod": "APPROX", "document": "story"}


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--format", "xml"], "unknown format"),
        (["--domain", "sport"], "unknown domain"),
        (["--output-dir", "{in}"], "would overwrite the input"),
        ([], "--output-dir"),
    ],
)
def test_tag_command_refuses_bad_usage(tmp_path: Path, fake_pipeline: None, arguments: list[str],
                                       message: str) -> None:
    inputs = write_files(tmp_path / "in", {"a.tml": GOLD["a.tml"], "b.tml": GOLD["b.tml"]})
    before = (inputs / "a.tml").read_text(encoding="utf-8")
    result = RUNNER.invoke(app, ["tag", str(inputs), *[a.replace("{in}", str(inputs)) for a in arguments]])
    assert result.exit_code == 2
    assert message in result.stderr
    assert (inputs / "a.tml").read_text(encoding="utf-8") == before


def test_undated_timeml_is_an_input_error(tmp_path: Path, fake_pipeline: None) -> None:
    undated = write_files(tmp_path, {"u.tml": "<TimeML><TEXT>In 1990.</TEXT></TimeML>"}) / "u.tml"
    result = RUNNER.invoke(app, ["tag", str(undated)])
    assert result.exit_code == 2 and "no DCT" in result.stderr


def test_tagged_gold_scores_against_the_gold_without_pairing_problems(tmp_path: Path, fake_pipeline: None) -> None:
    gold = write_files(tmp_path / "gold", {**GOLD, "c.TE3input": tml("Q&amp;A &lt;1990&gt; and 1991.")})
    out = tmp_path / "out"
    assert RUNNER.invoke(app, ["tag", str(gold), "--output-dir", str(out)]).exit_code == 0
    evaluation = evaluate_folders([gold], [out])
    assert evaluation.problems == []
    assert (evaluation.scores["relaxed"].gold, evaluation.scores["relaxed"].system) == (3, 3)
    assert rounded(evaluation.scores["value"]) == (THIRD, THIRD, THIRD)  # only "1996" is found and valued right


def test_eval_without_a_dct_is_an_input_error(tmp_path: Path, fake_pipeline: None) -> None:
    gold = write_files(tmp_path / "gold", {"u.tml": "<TimeML><TEXT>In 1990.</TEXT></TimeML>"})
    result = RUNNER.invoke(app, ["eval", str(gold)])
    assert result.exit_code == 2 and "no DCT" in result.stderr


def test_tag_reads_standard_input(fake_pipeline: None) -> None:
    result = RUNNER.invoke(app, ["tag", "-", "--published", "2001-02-03"], input="Back in 1999 &c.")
    assert result.exit_code == 0, result.output
    assert '<TIMEX3 tid="t1" type="DATE" value="1999">1999</TIMEX3> &amp;c.</TEXT>' in result.stdout
    assert 'value="2001-02-03"' in result.stdout


def test_a_document_the_system_fails_on_is_a_counted_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def crash_on_b(document: Document, **options: str) -> tuple[list, list]:
        if document.id == "b":
            raise IndexError("boom")
        return fake_analyse(document, **options)

    monkeypatch.setattr(chrono.pipeline, "analyse", crash_on_b)
    gold = write_files(tmp_path / "gold", GOLD)
    result = RUNNER.invoke(app, ["eval", str(gold)])
    assert result.exit_code == 2
    assert "warning: b: the system failed (IndexError: boom)" in result.stderr
    assert "3 gold and 0 system expressions, 1 problems" in result.stdout
    assert RUNNER.invoke(app, ["eval", str(gold), "--debug"]).exit_code == 1


@pytest.mark.parametrize(("failure", "code"), [(IndexError("boom"), 1), (ChronoInputError("bad"), 2)])
def test_tag_into_a_folder_writes_the_inputs_that_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       failure: Exception, code: int) -> None:
    def fail_on_b(document: Document, **options: str) -> tuple[list, list]:
        if document.id == "b":
            raise failure
        return fake_analyse(document, **options)

    monkeypatch.setattr(chrono.pipeline, "analyse", fail_on_b)
    inputs = write_files(tmp_path / "in", GOLD)
    out = tmp_path / "out"
    result = RUNNER.invoke(app, ["tag", str(inputs), "--output-dir", str(out)])
    assert result.exit_code == code
    assert sorted(p.name for p in out.iterdir()) == ["a.tml"]
    assert "1 of 2 inputs failed" in result.stderr and str(failure) in result.stderr


def test_tag_a_folder_of_articles(tmp_path: Path, fake_pipeline: None) -> None:
    inputs = write_files(tmp_path / "in", {"two.txt": "date 2020-01-02\n---\nBuilt in 1850.",
                                           "notes.md": "---\ndate: 2021-05-06\n---\nIn 1999.", "notes.pdf": "1999"})
    out = tmp_path / "out"
    result = RUNNER.invoke(app, ["tag", str(inputs), "--output-dir", str(out), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["notes.json", "two.json"]  # every kind `build` reads
    record = json.loads((out / "two.json").read_text(encoding="utf-8"))
    assert record["documents"][0]["published"] == "2020-01-02"
    assert [(e["text"], e["value"]) for e in record["expressions"]] == [("1850", "1850")]


# -- the real pipeline, end to end (tiny unambiguous cases: the tagger's own tests cover the language) ----------

@pytest.mark.parametrize(
    ("body", "phrase", "value"),
    [
        ("Shares fell on March 2, 1998, the company said.", "March 2, 1998", "1998-03-02"),
        ("AT&amp;T opened the plant in 1995.", "1995", "1995"),
    ],
)
def test_real_pipeline_tags_and_scores_its_own_output(tmp_path: Path, body: str, phrase: str, value: str) -> None:
    gold_body = body.replace(phrase, f'<TIMEX3 tid="t1" type="DATE" value="{value}">{phrase}</TIMEX3>')
    gold = write_files(tmp_path / "gold", {"doc.tml": tml(gold_body)})
    out = tmp_path / "out"
    assert RUNNER.invoke(app, ["tag", str(gold), "--output-dir", str(out)]).exit_code == 0
    written = (out / "doc.tml").read_text(encoding="utf-8")
    assert f'type="DATE" value="{value}">{phrase}</TIMEX3>' in written
    result = RUNNER.invoke(app, ["eval", str(gold), str(out), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["value"] == {"P": 100.0, "R": 100.0, "F1": 100.0}
