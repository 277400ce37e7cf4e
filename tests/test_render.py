"""Rendering: md and html templates, the json schema, template overrides and broken templates.

Timelines are built by hand from model types so these tests do not depend on the tagger.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from chrono.errors import ChronoInputError
from chrono.model import Document, Event, Expression, Granularity, PartialValue, Span, Timeline, TimexType, Value
from chrono.render.exporters import load_exporters
from chrono.render.exporters.json_export import document_record, event_record, expression_record
from chrono.render.filters import datetime_attr, md_cell, md_escape, safe_url, source_label
from chrono.render.jinja import (
    FORMATS,
    TEMPLATE_FORMATS,
    autoescape_for,
    builtin_template_dir,
    describe_templates,
    render,
    template_names,
)

HOSTILE = "<script>alert(\"x\")</script> & \"quoted\" <b>bold</b> *star* [link](http://evil.example)"


def value(text: str, start: str, end: str, granularity: Granularity, type_: TimexType = TimexType.DATE,
          mod: str | None = None) -> Value:
    return Value(text, type_, mod, dt.date.fromisoformat(start), dt.date.fromisoformat(end), granularity)


def event(when: Value, phrase: str, headline: str, document: str = "a", sources: tuple[str, ...] = ()) -> Event:
    return Event(when, phrase, Span(0, len(phrase)), f"The sentence: {headline}.", headline, document, sources)


DECADE = value("199", "1990-01-01", "1999-12-31", Granularity.DECADE)
SEPTEMBER = value("2022-09", "2022-09-01", "2022-09-30", Granularity.MONTH)
LAST_YEAR = value("2022", "2022-01-01", "2022-12-31", Granularity.YEAR)
WEEK = value("2023-W08", "2023-02-20", "2023-02-26", Granularity.WEEK)
WEDNESDAY = value("2023-03-01", "2023-03-01", "2023-03-01", Granularity.DAY)
MORNING = value("2023-03-02TMO", "2023-03-02", "2023-03-02", Granularity.PART_OF_DAY, TimexType.TIME)
QUARTER = value("2020-Q4", "2020-10-01", "2020-12-31", Granularity.QUARTER)

ARTICLE = Document("a", "Body text.", dt.date(2023, 3, 2), source="/home/reporter/articles/story.txt",
                   dateline="Hong Kong", outlet="CNN")
OTHER = Document("b", "Other text.", dt.date(2023, 3, 3), source="other.txt", outlet="Wire", title="Second story",
                 url="https://news.example/second")


def timeline(*events: Event, documents: tuple[Document, ...] = (ARTICLE,),
             expressions: tuple[Expression, ...] = ()) -> Timeline:
    return Timeline(documents=documents, events=events, expressions=expressions)


SAMPLE = timeline(
    event(DECADE, "the 1990s", "the alliance dates from the 1990s"),
    event(QUARTER, "the fourth quarter of 2020", "growth slowed"),
    event(LAST_YEAR, "last year", "troops crossed the border"),
    event(SEPTEMBER, "last September", "the leaders met in Uzbekistan"),
    event(WEEK, "last week", "China released a 12-point plan"),
    event(WEDNESDAY, "Wednesday", "Xi met Lukashenko"),
    event(MORNING, "this morning", "talks resumed"),
    expressions=(
        Expression("last September", Span(40, 54), PartialValue(month=9), document="a", value=SEPTEMBER),
        Expression("three weeks", Span(60, 71), PartialValue(type=TimexType.DURATION, literal="P3W"), document="a",
                   value=Value("P3W", TimexType.DURATION)),
        Expression("soon", Span(80, 84), PartialValue(literal="FUTURE_REF"), document="a"),
    ),
)


# ---- markdown -------------------------------------------------------------------------------------------------

def test_md_groups_by_year_in_timeline_order() -> None:
    text = render(SAMPLE, "md")
    assert re.findall(r"^## (.+)$", text, re.MULTILINE) == ["The 1990s", "2020", "2022", "2023"]
    entries = re.findall(r"^- \*\*(.+?)\*\*", text, re.MULTILINE)
    assert entries == ["The 1990s", "Fourth quarter of 2020", "2022", "September 2022", "Week of 20 February 2023",
                       "Wednesday, 1 March 2023", "The morning of Thursday, 2 March 2023"]


def test_md_entry_has_label_headline_and_phrase() -> None:
    text = render(timeline(event(SEPTEMBER, "last September", "the leaders met in Uzbekistan")), "md")
    assert "- **September 2022** — the leaders met in Uzbekistan — from “last September”" in text


MARCH_5_ASSUMED = Value("2024-03-05", TimexType.DATE, None, dt.date(2024, 3, 5), dt.date(2024, 3, 5), Granularity.DAY,
                      assumed_order=True)


@pytest.mark.parametrize(("fmt", "template"), [("md", None), ("md", "table"), ("html", None)])
@pytest.mark.parametrize(("when", "doubt_shown"), [(MARCH_5_ASSUMED, True), (WEDNESDAY, False)])
def test_a_date_read_by_the_default_day_month_order_shows_the_doubt(fmt: str, template: str | None, when: Value,
                                                                   doubt_shown: bool) -> None:
    out = render(timeline(event(when, "05/03/2024", "the vote was held")), fmt, template=template)
    assert ("day and month order assumed" in out) is doubt_shown


def test_md_source_line_names_file_outlet_dateline_and_publication() -> None:
    text = render(timeline(), "md")
    assert "Source: story.txt · CNN · Hong Kong · published Thursday, 2 March 2023" in text
    assert "/home/reporter" not in text
    assert "_No dated events found._" in text


def test_md_names_each_events_sources_when_several_documents() -> None:
    merged = event(WEDNESDAY, "Wednesday", "Xi met Lukashenko", "a", sources=("b",))
    text = render(timeline(merged, documents=(ARTICLE, OTHER)), "md")
    assert "# Timeline of 2 articles" in text
    assert "from “Wednesday” (CNN, Second story)" in text
    assert "[link](https://news.example/second)" in text


def test_md_article_text_cannot_break_the_markdown() -> None:
    hostile = event(WEDNESDAY, "Wednesday", "# Not a heading\n- not a list | nor a cell\n" + HOSTILE)
    text = render(timeline(hostile), "md")
    entry = [line for line in text.splitlines() if line.startswith("- **")]
    assert len(entry) == 1  # the newlines did not start new blocks
    assert "<script>" not in text and "<b>" not in text
    assert r"\# Not a heading - not a list \| nor a cell" in entry[0]  # mid-line "-" is plain text
    assert r"\[link\](http://evil.example)" in entry[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain words", "plain words"),
        ("*bold* and _em_", r"\*bold\* and \_em\_"),
        ("file_name 000_15 __init__ a_", r"file_name 000_15 \_\_init\_\_ a\_"),
        ("[text](url)", r"\[text\](url)"),
        ("![img](x.png)", r"!\[img\](x.png)"),
        ("<b>tag</b>", r"\<b\>tag\</b\>"),
        ("# heading", r"\# heading"),
        ("a | b", r"a \| b"),
        ("`code`", r"\`code\`"),
        ("~~struck~~", r"\~\~struck\~\~"),
        ("back\\slash", r"back\\slash"),
        ("- item", r"\- item"),
        ("+ item", r"\+ item"),
        ("= underline", r"\= underline"),
        ("1. item", r"1\. item"),
        ("2023) item", r"2023\) item"),
        ("in 2023. Then", "in 2023. Then"),
        ("two\nlines\r\nand\ttabs", "two lines and tabs"),
        ("  padded  ", "padded"),
        ("&amp; &#169;", r"&amp;amp; &\#169;"),  # "&\#" is no entity to a renderer
        ("AT&T", "AT&T"),
        ("bell\x07char", "bell char"),
        (2023, "2023"),
    ],
)
def test_md_escape(text: str, expected: str) -> None:
    assert md_escape(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("a|b", r"a\|b"), ("two\nlines", "two lines"), ("", " "), ("\n", " ")],
)
def test_md_cell(text: str, expected: str) -> None:
    assert md_cell(text) == expected


# ---- html -----------------------------------------------------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class WellFormed(HTMLParser):
    """Checks that every element is closed in order, and collects tags and attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(text: str) -> WellFormed:
    parser = WellFormed()
    parser.feed(text)
    parser.close()
    assert parser.errors == [] and parser.stack == []
    return parser


def test_html_is_well_formed_semantic_and_responsive() -> None:
    page = parse_html(render(SAMPLE, "html"))
    tags = [tag for tag, _ in page.tags]
    assert tags.count("ol") == 4 and tags.count("li") >= 7
    assert ("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}) in page.tags
    style = "".join(page.text)
    assert "@media print" in style and "max-width" in style


def test_html_time_elements_carry_machine_dates() -> None:
    page = parse_html(render(SAMPLE, "html"))
    datetimes = [attrs.get("datetime") for tag, attrs in page.tags if tag == "time" and attrs.get("class") == "when"]
    assert datetimes == ["1990-01-01", "2020-10-01", "2022", "2022-09", "2023-W08", "2023-03-01", "2023-03-02"]


def test_html_is_self_contained() -> None:
    text = render(timeline(*SAMPLE.events, documents=(ARTICLE, OTHER)), "html")
    page = parse_html(text)
    assert not [tag for tag, _ in page.tags if tag in ("script", "link", "img", "iframe", "object", "embed")]
    assert not [attrs for _, attrs in page.tags if "src" in attrs]
    assert "@import" not in text and "url(" not in text
    links = [attrs["href"] for tag, attrs in page.tags if "href" in attrs]
    outside = [link for link in links if not link.startswith("#")]
    assert outside == ["https://news.example/second"]  # only the source's own link, which is not a request
    ids = {attrs["id"] for _, attrs in page.tags if "id" in attrs}
    assert {link[1:] for link in links if link.startswith("#")} <= ids  # rail marks link to entries on the page


def test_html_autoescapes_article_text() -> None:
    hostile = event(WEDNESDAY, HOSTILE, HOSTILE)
    document = Document("a", "x", dt.date(2023, 3, 2), source="s.txt", outlet='"&<>', title="<i>Title</i>",
                        url="javascript:alert(1)")
    text = render(timeline(hostile, documents=(document,)), "html")
    page = parse_html(text)
    assert "<script>" not in text and "<b>" not in text and "<i>" not in text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#34;quoted&#34;" in text
    assert "javascript:" not in text
    assert HOSTILE in "".join(page.text)  # the reader still sees exactly what the article said


@pytest.mark.parametrize(
    ("name", "escaped"),
    [
        ("timeline.html.j2", True),
        ("fragment.htm.j2", True),
        ("page.HTML.j2", True),
        ("feed.xml.j2", True),
        ("plain.html", True),
        ("timeline.md.j2", False),
        ("notes.txt", False),
        ("html.md.j2", False),
        (None, True),
    ],
)
def test_autoescape_for(name: str | None, escaped: bool) -> None:
    assert autoescape_for(name) is escaped


@pytest.mark.parametrize(
    ("when", "expected"),
    [(WEDNESDAY, "2023-03-01"), (SEPTEMBER, "2022-09"), (WEEK, "2023-W08"), (LAST_YEAR, "2022"),
     (QUARTER, "2020-10-01"), (MORNING, "2023-03-02"), (DECADE, "1990-01-01"),
     (value("2013-03-23T15:00", "2013-03-23", "2013-03-23", Granularity.MINUTE, TimexType.TIME), "2013-03-23T15:00"),
     # HTML's offsets have hours and minutes; an hour alone, a fraction or a bare "+05" fall back to the day
     (value("2019-08-28T10:00-07:00", "2019-08-28", "2019-08-28", Granularity.MINUTE, TimexType.TIME),
      "2019-08-28T10:00-07:00"),
     (value("2019-08-28T17:00Z", "2019-08-28", "2019-08-28", Granularity.MINUTE, TimexType.TIME), "2019-08-28T17:00Z"),
     (value("2019-08-28T10:00+05", "2019-08-28", "2019-08-28", Granularity.MINUTE, TimexType.TIME), "2019-08-28"),
     (value("2019-08-28T10-07:00", "2019-08-28", "2019-08-28", Granularity.HOUR, TimexType.TIME), "2019-08-28"),
     (Value("PAST_REF"), "")],
)
def test_datetime_attr(when: Value, expected: str) -> None:
    assert datetime_attr(when) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [("https://a.example/x", "https://a.example/x"), ("HTTP://a.example", "HTTP://a.example"),
     ("javascript:alert(1)", ""), ("data:text/html,x", ""), ("//a.example", ""), (None, ""), ("", "")],
)
def test_safe_url(url: str | None, expected: str) -> None:
    assert safe_url(url) == expected


# ---- json -----------------------------------------------------------------------------------------------------

def test_json_has_the_documented_keys() -> None:
    data = json.loads(render(SAMPLE, "json"))
    assert {"documents", "events", "expressions"} <= data.keys()
    assert {"id", "source", "published", "dateline", "outlet"} <= data["documents"][0].keys()
    for record in data["events"]:
        assert {"when", "phrase", "span", "sentence", "headline", "document"} <= record.keys()
        assert {"value", "type", "mod", "start", "end", "label"} <= record["when"].keys()
    for record in data["expressions"]:
        assert {"text", "span", "type", "value", "mod", "document"} <= record.keys()


def test_json_keeps_timeline_and_document_order_with_iso_dates() -> None:
    data = json.loads(render(SAMPLE, "json"))
    assert [record["when"]["value"] for record in data["events"]] == [e.when.value for e in SAMPLE.events]
    assert [record["text"] for record in data["expressions"]] == ["last September", "three weeks", "soon"]
    assert data["documents"][0]["published"] == "2023-03-02"
    first = data["events"][0]
    assert (first["when"]["start"], first["when"]["end"], first["when"]["label"]) == ("1990-01-01", "1999-12-31",
                                                                                     "the 1990s")
    for record in data["events"]:
        assert dt.date.fromisoformat(record["when"]["start"]) <= dt.date.fromisoformat(record["when"]["end"])


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (event_record(event(SEPTEMBER, "last September", "met", "a", ("b",))),
         {"when": {"value": "2022-09", "type": "DATE", "mod": None, "start": "2022-09-01", "end": "2022-09-30",
                   "label": "September 2022", "granularity": "month", "assumed_order": False},
          "phrase": "last September", "span": [0, 14], "sentence": "The sentence: met.", "headline": "met",
          "document": "a", "sources": ["a", "b"]}),
        (expression_record(Expression("soon", Span(3, 7), PartialValue(literal="FUTURE_REF"), document="a")),
         {"text": "soon", "span": [3, 7], "type": "DATE", "value": None, "mod": None, "quant": None, "freq": None,
          "assumed_order": False, "document": "a"}),
        (expression_record(Expression("every month", Span(0, 11), PartialValue(type=TimexType.SET), document="a",
                                      value=Value("P1M", TimexType.SET, quant="EVERY"))),
         {"text": "every month", "span": [0, 11], "type": "SET", "value": "P1M", "mod": None, "quant": "EVERY",
          "freq": None, "assumed_order": False, "document": "a"}),
        (document_record(ARTICLE),
         {"id": "a", "source": "/home/reporter/articles/story.txt", "published": "2023-03-02",
          "published_source": None, "dateline": "Hong Kong", "outlet": "CNN", "title": None,
          "url": None}),
    ],
)
def test_json_records(record: dict, expected: dict) -> None:
    assert record == expected


def test_json_keeps_unicode_and_hostile_text_verbatim() -> None:
    data = json.loads(render(timeline(event(WEDNESDAY, "mercredi", "l’été " + HOSTILE)), "json"))
    assert data["events"][0]["headline"] == "l’été " + HOSTILE


# ---- formats, overrides, errors -------------------------------------------------------------------------------

def test_formats_are_the_builtin_templates_then_the_exporters() -> None:
    assert FORMATS[:2] == ("md", "html") == TEMPLATE_FORMATS
    assert set(FORMATS) == set(TEMPLATE_FORMATS) | set(load_exporters())
    assert all((builtin_template_dir() / f"timeline.{fmt}.j2").is_file() for fmt in TEMPLATE_FORMATS)


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_every_core_format_renders_an_empty_timeline(fmt: str) -> None:
    assert render(timeline(), fmt).strip()


def test_public_render_is_the_stage_function() -> None:
    import chrono

    assert chrono.render(SAMPLE, "md") == render(SAMPLE, "md")


def test_unknown_format_is_an_input_error() -> None:
    with pytest.raises(ChronoInputError, match="unknown format 'docx'"):
        render(SAMPLE, "docx")


def test_user_template_dir_comes_first(tmp_path: Path) -> None:
    (tmp_path / "timeline.md.j2").write_text("{{ events | length }} events{% for e in events %}|{{ e | label }}"
                                             "{% endfor %}\n", encoding="utf-8")
    assert render(SAMPLE, "md", template_dir=tmp_path).startswith("7 events|the 1990s|fourth quarter of 2020|")
    assert render(SAMPLE, "html", template_dir=str(tmp_path)).startswith("<!DOCTYPE html>")  # built-in still found


def test_template_by_name_from_user_dir_uses_builtin_filters(tmp_path: Path) -> None:
    (tmp_path / "brief.md.j2").write_text(
        "{% for group in events | group_by('month') %}{{ group.key }}: {{ group.events | length }}\n{% endfor %}",
        encoding="utf-8")
    assert render(SAMPLE, "md", template="brief", template_dir=tmp_path).splitlines()[-2:] == [
        "February 2023: 1", "March 2023: 2"]


@pytest.mark.parametrize(
    ("template", "expected"),
    [("brief", "brief.md.j2"), ("brief.md.j2", "brief.md.j2"), ("notes.txt", "notes.txt"), ("notes.txt.j2", "")],
)
def test_template_names_resolve(tmp_path: Path, template: str, expected: str) -> None:
    (tmp_path / "brief.md.j2").write_text("brief.md.j2", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("notes.txt", encoding="utf-8")
    if expected:
        assert render(SAMPLE, "md", template=template, template_dir=tmp_path) == expected
    else:
        with pytest.raises(ChronoInputError, match="not found"):
            render(SAMPLE, "md", template=template, template_dir=tmp_path)


def test_template_file_path_renders_with_its_siblings(tmp_path: Path) -> None:
    (tmp_path / "_row.html.j2").write_text("<li>{{ event.headline }}</li>", encoding="utf-8")
    page = tmp_path / "page.html.j2"
    page.write_text("<ul>{% for event in events %}{% include '_row.html.j2' %}{% endfor %}</ul>", encoding="utf-8")
    text = render(timeline(event(WEDNESDAY, "Wednesday", "<b>")), "html", template=str(page))
    assert text == "<ul><li>&lt;b&gt;</li></ul>"


def test_template_names_lists_builtins_and_user_templates_without_partials(tmp_path: Path) -> None:
    (tmp_path / "brief.md.j2").write_text("x", encoding="utf-8")
    (tmp_path / "_row.md.j2").write_text("x", encoding="utf-8")
    names = template_names(tmp_path)
    assert {"timeline.md.j2", "timeline.html.j2", "brief.md.j2"} <= set(names)
    assert "_row.md.j2" not in names


def test_describe_templates_reads_the_leading_comment(tmp_path: Path) -> None:
    (tmp_path / "brief.md.j2").write_text("{#- One line per event,\n  newest first. -#}\nbody", encoding="utf-8")
    (tmp_path / "bare.md.j2").write_text("no comment {# late #}", encoding="utf-8")
    described = dict(describe_templates(tmp_path))
    assert described["brief.md.j2"] == "One line per event, newest first."
    assert described["bare.md.j2"] == ""
    assert all(described[f"timeline.{fmt}.j2"] for fmt in TEMPLATE_FORMATS)  # every built-in says what it is


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("line one\n{% for e in events %}\nno end\n", r"broken\.md\.j2 line 3: Unexpected end of template"),
        ("line one\n{{ nope }}\n", r"broken\.md\.j2 line 2: 'nope' is undefined"),
        ("{{ timeline.nothing }}", r"broken\.md\.j2 line 1: .*'nothing'"),
        ("a\nb\n{% include 'missing.j2' %}", r"broken\.md\.j2: cannot find included template 'missing\.j2'"),
        ("{{ events | group_by('decade') }}", r"broken\.md\.j2 line 1: ValueError: unknown grouping 'decade'"),
        ("{{ events | no_such_filter }}", r"broken\.md\.j2 line 1: .*no_such_filter"),
    ],
)
def test_broken_template_is_a_one_line_input_error(tmp_path: Path, source: str, message: str) -> None:
    path = tmp_path / "broken.md.j2"
    path.write_text(source, encoding="utf-8")
    with pytest.raises(ChronoInputError, match=message) as raised:
        render(SAMPLE, "md", template=str(path))
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (b"caf\xe9 {{ events | length }}", r"broken\.md\.j2 \(or one it includes\) is not UTF-8 text \(byte 0xe9"),
        (b"{% include 'broken.md.j2' %}", r"broken\.md\.j2 line 1: RecursionError"),
    ],
)
def test_unreadable_or_runaway_template_is_a_one_line_input_error(tmp_path: Path, source: bytes,
                                                                   message: str) -> None:
    path = tmp_path / "broken.md.j2"
    path.write_bytes(source)
    with pytest.raises(ChronoInputError, match=message) as raised:
        render(SAMPLE, "md", template=str(path))
    assert "\n" not in str(raised.value) and "frozen" not in str(raised.value)


def test_template_folder_given_as_template_says_so(tmp_path: Path) -> None:
    with pytest.raises(ChronoInputError, match="is a folder: pass it as --template-dir"):
        render(SAMPLE, "md", template=str(tmp_path))


@pytest.mark.parametrize(
    ("template", "template_dir", "message"),
    [
        ("no-such-template", None, "template 'no-such-template' not found"),
        (None, "/no/such/folder", "template folder /no/such/folder does not exist"),
    ],
)
def test_missing_template_or_folder(template: str | None, template_dir: str | None, message: str) -> None:
    with pytest.raises(ChronoInputError, match=message):
        render(SAMPLE, "md", template=template, template_dir=template_dir)


@pytest.mark.parametrize(
    ("by", "expected"),
    [
        ("year", [("the 1990s", 1), ("2020", 1), ("2022", 2), ("2023", 3)]),
        ("month", [("the 1990s", 1), ("2020", 1), ("2022", 1), ("September 2022", 1), ("February 2023", 1),
                   ("March 2023", 2)]),
        ("source", [("CNN", 5), ("Second story", 2)]),
    ],
)
def test_group_by_in_templates(tmp_path: Path, by: str, expected: list[tuple[str, int]]) -> None:
    events = tuple(event(e.when, e.phrase, e.headline, "b" if e.when in (WEEK, MORNING) else "a")
                   for e in SAMPLE.events)
    (tmp_path / "groups.md.j2").write_text(
        f"{{% for group in events | group_by('{by}') %}}{{{{ group.key }}}}={{{{ group.events | length }}}};"
        "{% endfor %}", encoding="utf-8")
    text = render(timeline(*events, documents=(ARTICLE, OTHER)), "md", template="groups", template_dir=tmp_path)
    assert text == "".join(f"{key}={count};" for key, count in expected)


def test_the_documented_custom_template_renders(tmp_path: Path) -> None:
    guide = (Path(__file__).resolve().parent.parent / "docs" / "templates.md").read_text(encoding="utf-8")
    source = re.search(r"```jinja\n(.*?)```", guide, re.DOTALL)
    assert source is not None
    (tmp_path / "brief.md.j2").write_text(source[1], encoding="utf-8")
    text = render(SAMPLE, "md", template="brief", template_dir=tmp_path)
    assert "## March 2023" in text
    assert "| Wednesday, 1 March 2023 | Xi met Lukashenko | “Wednesday” |" in text
    assert "Nothing dated in CNN." in render(timeline(), "md", template="brief", template_dir=tmp_path)


@pytest.mark.parametrize(
    ("source", "expected"),
    [("/home/me/articles/story.txt", "story.txt"), ("story.txt", "story.txt"), ("-", ""), ("", ""),
     ("https://news.example/a/b.html", "https://news.example/a/b.html")],
)
def test_source_label(source: str, expected: str) -> None:
    assert source_label(source) == expected


def test_standard_input_is_named_by_document_id() -> None:
    piped = Document("stdin", "x", dt.date(2023, 3, 2), source="-")
    assert "Source: stdin · published Thursday, 2 March 2023" in render(timeline(documents=(piped,)), "md")


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_an_event_without_headline_shows_its_sentence(fmt: str) -> None:
    bare = Event(WEDNESDAY, "Wednesday", Span(0, 9), "On Wednesday the talks ended.", "", "a")
    assert "On Wednesday the talks ended." in render(timeline(bare), fmt)
