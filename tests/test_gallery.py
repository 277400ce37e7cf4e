"""The template gallery (listing, picking by name, the Markdown table, the HTML fragment), the rail's geometry,
event ids, and how a Timeline shows itself in a notebook. Timelines are built by hand from model types.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chrono.cli import app
from chrono.model import Document, Event, Granularity, Span, Timeline, Value
from chrono.render.anchors import EventAnchors
from chrono.render.jinja import describe_templates, render, template_names
from chrono.render.rail import MAX_LANES, build_rail

runner = CliRunner()
GALLERY = {"timeline.md.j2", "table.md.j2", "timeline.html.j2", "fragment.html.j2"}


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def when(text: str, start: str, end: str, granularity: Granularity = Granularity.DAY) -> Value:
    return Value(text, start=day(start), end=day(end), granularity=granularity)


def event(value: Value, headline: str = "something happened", document: str = "a",
          sources: tuple[str, ...] = ()) -> Event:
    return Event(value, value.value, Span(0, 1), headline + ".", headline, document, sources)


MARCH = when("2023-03", "2023-03-01", "2023-03-31", Granularity.MONTH)
SEPTEMBER = when("2022-09", "2022-09-01", "2022-09-30", Granularity.MONTH)
YEAR_2022 = when("2022", "2022-01-01", "2022-12-31", Granularity.YEAR)
FIRST = when("2023-03-01", "2023-03-01", "2023-03-01")
NINETIES = when("199", "1990-01-01", "1999-12-31", Granularity.DECADE)
ARTICLE = Document("a", "text", day("2023-03-02"), source="story.txt", outlet="Ledger")
WIRE = Document("b", "text", day("2023-03-03"), source="wire.txt", title="Wire story", url="https://wire.example/1")


def timeline(*events: Event, documents: tuple[Document, ...] = (ARTICLE,)) -> Timeline:
    return Timeline(documents=documents, events=events)


SAMPLE = timeline(event(YEAR_2022, "the war began"), event(SEPTEMBER, "leaders met | in Samarkand"),
                  event(FIRST, "Xi met *Lukashenko*", "a", ("b",)), documents=(ARTICLE, WIRE))


# ---- the gallery ----------------------------------------------------------------------------------------------

def test_the_gallery_lists_four_templates_each_described() -> None:
    described = dict(describe_templates())
    assert GALLERY <= described.keys()
    assert all(described[name] for name in GALLERY)
    assert not [name for name in template_names() if Path(name).name.startswith("_")]  # partials stay hidden


def test_chrono_templates_prints_one_line_each() -> None:
    result = runner.invoke(app, ["templates"])
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.output.splitlines()]
    assert names == sorted(name.removesuffix(".j2") for name in GALLERY)


def test_chrono_templates_lists_the_users_folder_first_on_a_clash(tmp_path: Path) -> None:
    (tmp_path / "brief.md.j2").write_text("{# My weekly brief. #}\n", encoding="utf-8")
    (tmp_path / "table.md.j2").write_text("{# My own table. #}\n", encoding="utf-8")
    result = runner.invoke(app, ["templates", "--template-dir", str(tmp_path)])
    assert result.exit_code == 0
    lines = dict(line.split(None, 1) for line in result.output.splitlines())
    assert lines["brief.md"] == "My weekly brief." and lines["table.md"] == "My own table."


def test_chrono_templates_with_a_missing_folder_is_a_usage_error() -> None:
    result = runner.invoke(app, ["templates", "--template-dir", "/no/such/folder"])
    assert result.exit_code == 2 and "does not exist" in result.output


@pytest.mark.parametrize(
    ("template", "fmt", "starts"),
    [
        ("table", "md", "# Timeline of 2 articles\n\n- Source"),
        ("table.md", "html", "# Timeline of 2 articles\n\n- Source"),
        ("fragment", "md", '<div class="chrono-timeline"'),
        ("fragment.html", "md", '<div class="chrono-timeline"'),
        ("timeline", "html", "<!DOCTYPE html>"),
        ("timeline", "md", "# Timeline of 2 articles"),
    ],
)
def test_templates_are_picked_by_name(template: str, fmt: str, starts: str) -> None:
    assert render(SAMPLE, fmt, template=template).startswith(starts)


def test_the_users_template_of_the_same_name_wins(tmp_path: Path) -> None:
    (tmp_path / "fragment.html.j2").write_text("<p>{{ events | length }} mine</p>", encoding="utf-8")
    assert render(SAMPLE, "html", template="fragment", template_dir=tmp_path) == "<p>3 mine</p>"


def test_the_markdown_table_has_a_row_per_event_escaped_and_sourced() -> None:
    text = render(SAMPLE, "md", template="table")
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert rows[0] == "| When | What | Said as | Source |"
    assert rows[1] == "| --- | --- | --- | --- |" and len(rows) == 2 + len(SAMPLE.events)
    assert all(row.count(" | ") == 3 for row in rows)  # the article's pipe did not add a column
    assert rows[3] == r"| September 2022 | leaders met \| in Samarkand | “2022-09” | Ledger |"
    assert rows[4].endswith(r"| Xi met \*Lukashenko\* | “2023-03-01” | Ledger, [Wire story](https://wire.example/1) |")


def test_an_empty_table_says_so() -> None:
    assert "_No dated events found._" in render(timeline(), "md", template="table")


def test_the_fragment_has_no_page_wrapper_and_a_scoped_style() -> None:
    text = render(SAMPLE, "html", template="fragment")
    assert not re.search(r"<(!doctype|html|head|body|title|meta)\b", text, re.IGNORECASE)
    style = re.search(r"<style>(.*?)</style>", text, re.DOTALL)
    assert style is not None
    css = re.sub(r"/\*.*?\*/", "", style[1], flags=re.DOTALL)
    selectors = [part.strip() for block in re.findall(r"([^{}]+)\{[^{}]*\}", css) for part in block.split(",")]
    assert selectors and all(selector.startswith(".chrono-timeline") for selector in selectors), selectors


def test_the_fragment_escapes_article_text() -> None:
    text = render(timeline(event(FIRST, '<script>alert("x")</script>')), "html", template="fragment")
    assert "<script>" not in text and "&lt;script&gt;" in text


@pytest.mark.parametrize("template", ["timeline.html", "fragment.html"])
def test_each_event_names_its_sources_linked_when_they_have_a_url(template: str) -> None:
    text = render(SAMPLE, "html", template=template)
    provenance = re.findall(r'<p class="provenance">(.*?)</p>', text, re.DOTALL)
    assert len(provenance) == len(SAMPLE.events)
    assert provenance[-1].endswith('<cite>Ledger</cite>, <a href="https://wire.example/1">Wire story</a>')


def test_the_documented_html_strip_renders(tmp_path: Path) -> None:
    guide = (Path(__file__).resolve().parent.parent / "docs" / "templates.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```jinja\n(.*?)```", guide, re.DOTALL)
    strip = next(block for block in blocks if "draw_rail" in block)
    (tmp_path / "strip.html.j2").write_text(strip, encoding="utf-8")
    text = render(SAMPLE, "html", template="strip", template_dir=tmp_path)
    assert text.count('<li class="chrono-event"') == len(SAMPLE.events)
    assert text.count('class="chrono-mark') == len(SAMPLE.events)
    assert "(Ledger, Wire story)" in text


# ---- notebooks ------------------------------------------------------------------------------------------------

def test_a_timeline_shows_itself_in_a_notebook() -> None:
    assert SAMPLE._repr_html_() == render(SAMPLE, "html", template="fragment")
    assert SAMPLE._repr_markdown_() == render(SAMPLE, "md")


# ---- the rail -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("values", "labels"),
    [
        ([FIRST], ["Jan", "Apr", "Jul", "Oct"]),
        ([SEPTEMBER, FIRST], ["2022", "2023"]),
        ([NINETIES], ["1990", "1992", "1994", "1996", "1998"]),
        ([NINETIES, FIRST], ["1990", "2000", "2010", "2020"]),
        ([when("19", "1900-01-01", "1999-12-31", Granularity.CENTURY)], ["1900", "1920", "1940", "1960", "1980"]),
    ],
)
def test_rail_ticks_are_months_within_a_year_else_years(values: list[Value], labels: list[str]) -> None:
    rail = build_rail([event(value) for value in values])
    assert rail is not None
    assert [tick.label for tick in rail.ticks if tick.label] == labels


@pytest.mark.parametrize(
    ("values", "placed"),
    [
        ([FIRST], [(16.301, 0.0, 0)]),  # 2023-03-01 is day 60 of 365: a point at its middle, on the axis
        ([MARCH], [(16.164, 8.493, 1)]),  # 31 days from day 60: a bar in the first lane
        ([YEAR_2022, SEPTEMBER], [(0.0, 100.0, 1), (66.575, 8.219, 2)]),  # overlapping bars take two lanes
        ([SEPTEMBER, when("2022-11", "2022-11-01", "2022-11-30", Granularity.MONTH)],
         [(66.575, 8.219, 1), (83.288, 8.219, 1)]),  # bars apart share a lane
        ([when("2024-02-29", "2024-02-29", "2024-02-29")], [(16.257, 0.0, 0)]),  # a leap year has 366 days
    ],
)
def test_rail_marks_are_percentages_of_the_scale(values: list[Value], placed: list[tuple[float, float, int]]) -> None:
    rail = build_rail([event(value) for value in values])
    assert rail is not None
    assert [(mark.left, mark.width, mark.lane) for mark in rail.marks] == placed


def test_rail_lanes_are_capped() -> None:
    rail = build_rail([event(MARCH) for _ in range(MAX_LANES + 4)])
    assert rail is not None and rail.lanes == MAX_LANES


@pytest.mark.parametrize(
    ("values", "informative"),
    [([YEAR_2022], False), ([NINETIES], False), ([YEAR_2022, SEPTEMBER], True), ([FIRST], True)],
)
def test_a_rail_of_whole_scale_bars_says_nothing(values: list[Value], informative: bool) -> None:
    rail = build_rail([event(value) for value in values])
    assert rail is not None and rail.is_informative is informative


def test_no_rail_without_an_interval() -> None:
    assert build_rail([event(Value("PAST_REF"))]) is None
    assert build_rail([]) is None


# ---- event ids ------------------------------------------------------------------------------------------------

def test_event_ids_are_unique_stable_and_per_timeline() -> None:
    twins = timeline(event(FIRST), event(FIRST))
    anchors = EventAnchors(twins)
    first, second = (anchors[item] for item in twins.events)
    assert first != second and first.startswith("chrono-")
    assert EventAnchors(twins)[twins.events[0]] == first  # the same on the next run
    assert EventAnchors(SAMPLE).prefix != anchors.prefix
    with pytest.raises(KeyError):
        anchors[event(MARCH)]
