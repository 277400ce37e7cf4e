"""The read stage seen from the commands: `build`, `tag` and `eval` read every input kind through one reader
registry, with one publication-date rule, one size limit and the same one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from file_support import write
from typer.testing import CliRunner

from chrono.cli import app
from chrono.read import READERS, document_id, inputs, read_documents

RUNNER = CliRunner()
STORY = "It opened on March 5, 2021."
TIMEML = ('<?xml version="1.0" ?>\n<TimeML>\n<DCT><TIMEX3 tid="t0" type="DATE" value="2023-03-02" '
          'functionInDocument="CREATION_TIME">2023-03-02</TIMEX3></DCT>\n<TEXT>' + STORY + "</TEXT>\n</TimeML>\n")
# one story in every input kind, dated 2023-03-02 by its own metadata
KINDS = {
    "a.txt": f"date 2023-03-02\n---\n{STORY}\n",
    "a.json": json.dumps({"text": STORY, "published": "2023-03-02"}),
    "a.jsonl": json.dumps({"text": STORY, "published": "2023-03-02"}) + "\n",
    "a.md": f"---\ndate: 2023-03-02\n---\n{STORY}\n",
    "a.tml": TIMEML,
}


def tagged(result_stdout: str) -> list[tuple[str, str]]:
    return [(e["text"], e["value"]) for e in json.loads(result_stdout)["expressions"]]


@pytest.mark.parametrize("name", sorted(KINDS))
@pytest.mark.parametrize("published", [[], ["--published", "2023-03-02"]])
def test_tag_reads_every_kind_build_reads(tmp_path: Path, name: str, published: list[str]) -> None:
    # bug: `chrono tag a.json --published ...` tagged the raw JSON, its own "2023-03-02" included
    path = write(tmp_path, name, KINDS[name])
    result = RUNNER.invoke(app, ["tag", path, "--format", "json", *published])
    assert result.exit_code == 0, result.output
    assert tagged(result.stdout) == [("March 5, 2021", "2021-03-05")]
    build = RUNNER.invoke(app, ["build", path, "--format", "json", *published])
    assert build.exit_code == 0, build.output
    assert [e["when"]["value"] for e in json.loads(build.stdout)["events"]] == ["2021-03-05"]


UNDATED = "The war began in 1914. Two years later it spread to the east."


@pytest.mark.parametrize("command", [["build", "--format", "json"], ["tag", "--format", "json"]])
@pytest.mark.parametrize(("domain", "code", "message"), [
    ("narrative", 0, ""),  # bug: exited 2 although the resolver's own advice is "use --domain narrative"
    ("news", 2, "no publication date"),
])
def test_undated_text_is_refused_only_where_a_date_is_needed(tmp_path: Path, command: list[str], domain: str,
                                                             code: int, message: str) -> None:
    path = write(tmp_path, "undated.txt", UNDATED)
    result = RUNNER.invoke(app, [command[0], path, *command[1:], "--domain", domain])
    assert result.exit_code == code, result.output
    assert message in result.stderr
    if code == 0:
        assert "1914" in result.stdout and "1916" in result.stdout  # "two years later" counted from 1914


@pytest.mark.parametrize("command", ["build", "tag"])
@pytest.mark.parametrize(("value", "message"), [
    ("", "invalid publication date ''"),  # was ignored silently
    ("   ", "invalid publication date"),
    ("2023-02-30", "impossible publication date"),
])
def test_a_bad_published_option_is_one_line_and_exit_2(tmp_path: Path, command: str, value: str,
                                                       message: str) -> None:
    path = write(tmp_path, "a.txt", KINDS["a.txt"])
    result = RUNNER.invoke(app, [command, path, "--published", value])
    assert (result.exit_code, result.stderr.count("\n")) == (2, 1)
    assert message in result.stderr


@pytest.mark.parametrize("command", [["build"], ["tag"], ["eval"]])
def test_every_command_has_the_same_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                command: list[str]) -> None:
    monkeypatch.setattr(inputs, "MAX_BYTES", 200)
    path = write(tmp_path, "big.tml", TIMEML.replace(STORY, STORY * 20))
    result = RUNNER.invoke(app, [*command, path])
    assert result.exit_code == 2
    assert f"{path} is larger than the 0 MB limit for one input" in result.stderr


@pytest.mark.parametrize("command", [["tag"], ["eval"]])
def test_a_device_without_end_stops_at_the_limit(monkeypatch: pytest.MonkeyPatch, command: list[str]) -> None:
    # `chrono tag /dev/zero` read until memory ran out; `chrono eval /dev/zero` said "no such file"
    monkeypatch.setattr(inputs, "MAX_BYTES", 1 << 20)
    result = RUNNER.invoke(app, [*command, "/dev/zero"])
    assert result.exit_code == 2
    assert "larger than the 1 MB limit" in result.stderr and "no such file" not in result.stderr


@pytest.mark.parametrize(("path", "expected"), [
    ("a/APW19980807.0261.tml", "APW19980807.0261"),
    ("wsj_0006.TE3input.tml", "wsj_0006"),
    ("story.txt", "story"),
    ("feed.jsonl", "feed"),
    ("notes.v2.md", "notes.v2"),
    ("-", "stdin"),
])
def test_one_document_id_for_every_command(path: str, expected: str) -> None:
    assert document_id(path) == expected


def test_each_input_kind_is_one_registered_reader() -> None:
    kinds = {entry.name for entry in READERS}
    assert kinds == {"text", "records", "markdown", "html", "timeml"}
    suffixes = [suffix.lower() for entry in READERS for suffix in entry.suffixes]
    assert len(suffixes) == len(set(suffixes))  # a suffix has one reader
    assert sum(entry.fallback for entry in READERS) == 1


def test_timeml_in_a_collection_is_read_like_any_article(tmp_path: Path) -> None:
    paths = [write(tmp_path, name, content) for name, content in KINDS.items()]
    documents, failures = read_documents(paths)
    assert failures == []
    assert {(d.text[d.body_span.start:d.body_span.end].strip(), str(d.published)) for d in documents} == {
        (STORY, "2023-03-02")}


@pytest.mark.parametrize("command", [["build", "--format", "json"], ["tag", "--format", "json"]])
@pytest.mark.parametrize(("name", "records", "where"), [
    ("feed.jsonl", [{"text": "It rained on March 1, 2023."}, {"text": ""}, {"text": "It snowed on March 2, 2023."}],
     "feed.jsonl: line 2: the record has no 'text' or 'body' string"),
    ("feed.jsonl", [{"text": "It rained on March 1, 2023."}, {"text": "   \n"},
                    {"text": "It snowed on March 2, 2023."}],
     "feed.jsonl: line 2: the record has no 'text' or 'body' string"),
    ("feed.jsonl", [{"text": "It rained on March 1, 2023."}, {"text": "\ufeff\u200b "},
                    {"text": "It snowed on March 2, 2023."}],
     "feed.jsonl: line 2: the record has no 'text' or 'body' string"),
    ("list.json", [{"text": "It rained on March 1, 2023."}, {"text": 7}, {"text": "It snowed on March 2, 2023."}],
     "list.json: record 2: the record has no 'text' or 'body' string"),
    ("feed.jsonl", [{"text": "It rained on March 1, 2023."}, {"text": "Fine.", "published": "March"},
                    {"text": "It snowed on March 2, 2023."}], "feed.jsonl: line 2: cannot read the date 'March'"),
])
def test_one_bad_record_is_reported_and_the_rest_is_built(tmp_path: Path, command: list[str], name: str,
                                                          records: list[dict[str, object]], where: str) -> None:
    records = [{"published": "2023-03-03", **record} for record in records]
    content = json.dumps(records) if name.endswith(".json") else "\n".join(json.dumps(r) for r in records) + "\n"
    path = write(tmp_path, name, content)
    result = RUNNER.invoke(app, [command[0], path, *command[1:]])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0].startswith(f"chrono: error: {tmp_path / where}")
    assert len(result.stderr.splitlines()) == 1 + (command[0] == "tag")  # tag adds its "1 of 3 inputs" summary
    assert len(json.loads(result.stdout)["documents"]) == 2


@pytest.mark.parametrize(("records", "summary"), [
    (['{"text": "It rained on March 1, 2023."}', "{bad", "[]"],
     "chrono: 2 of 3 inputs failed; the others were written"),
    (["{bad", "[]"], "chrono: 2 of 2 inputs failed; nothing was written"),  # it said 'the others were written'
])
def test_tag_sums_up_failed_records_truly(tmp_path: Path, records: list[str], summary: str) -> None:
    path = write(tmp_path, "feed.jsonl", "\n".join(records) + "\n")
    result = RUNNER.invoke(app, ["tag", path, "--format", "json", "--published", "2023-03-02"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == summary


def test_reading_streams_one_document_at_a_time(tmp_path: Path) -> None:
    from chrono.read import iter_documents

    first = write(tmp_path, "a.jsonl", "\n".join(json.dumps({"text": f"Day {n}.", "published": "2023-03-02"})
                                                  for n in range(3)) + "\n")
    later = write(tmp_path, "b.txt", KINDS["a.txt"])
    stream = iter_documents([first, later])
    assert next(stream).text == "Day 0."
    Path(later).unlink()  # the second file is opened only when the stream reaches it
    assert [getattr(item, "text", None) or item[1].split(": ")[-1] for item in stream] == ["Day 1.", "Day 2.",
                                                                                          "no such file or folder"]


@pytest.mark.parametrize(("domain", "fails"), [("narrative", False), ("news", True)])
def test_the_library_follows_the_same_date_rule(domain: str, fails: bool) -> None:
    import chrono

    if fails:
        with pytest.raises(chrono.ChronoInputError, match="no publication date"):
            chrono.build_timeline(UNDATED, domain=domain)
    else:
        timeline = chrono.build_timeline(UNDATED, domain=domain)
        assert [event.when.value for event in timeline.events] == ["1914", "1916"]


@pytest.mark.parametrize(("name", "published"), [
    ("InputDocs/2010-04-20/683.htm.txt", "2010-04-20"),  # Timeline17 and news-tls keep articles so
    ("news/2024-05-10-floods.txt", "2024-05-10"),
    ("site/2024/05/10/story.txt", "2024-05-10"),
    ("2023-01-01/2024-05-10/story.txt", "2024-05-10"),  # the day nearest the file
    ("archive/2024-02-30/story.txt", None),  # no such day
    ("archive/2024-05/story.txt", None),
    ("v2010-04-20x/story.txt", None),
])
def test_an_undated_article_takes_the_day_its_path_names(tmp_path: Path, name: str, published: str | None) -> None:
    path = write(tmp_path, name, "Workers left the rig on Tuesday.")
    result = RUNNER.invoke(app, ["build", path, "--format", "json"])
    if published is None:
        assert result.exit_code == 2 and "no publication date" in result.stderr
        return
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)["documents"][0]
    assert (document["published"], document["published_source"]) == (published, "path")


def test_a_date_in_the_article_wins_over_its_path(tmp_path: Path) -> None:
    path = write(tmp_path, "2010-04-20/a.txt", "date 2011-01-02\n\nWorkers left the rig on Tuesday.")
    result = RUNNER.invoke(app, ["build", path, "--format", "json"])
    assert json.loads(result.stdout)["documents"][0]["published"] == "2011-01-02"
