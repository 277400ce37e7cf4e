"""Readers: every input kind into Documents, folders and stdin, unique ids, and clear failures naming the file."""

from __future__ import annotations

import datetime as dt
import gzip
import importlib.util
import io
import json
import warnings
from pathlib import Path

import pytest
from file_support import write

from chrono.errors import ChronoInputError, SkippedInputWarning
from chrono.read import read_documents, read_input

MARCH_2 = dt.date(2023, 3, 2)
HAS_HTML = all(importlib.util.find_spec(name) for name in ("trafilatura", "htmldate"))


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("one.json", json.dumps({"text": "Rain fell on Tuesday.", "published": "2023-03-02", "title": "Rain",
                             "url": "https://example.org/rain", "outlet": "Daily", "id": "rain"}),
     [("rain", "Rain fell on Tuesday.", MARCH_2, "Rain", "Daily", "https://example.org/rain")]),
    ("body-and-date.json", json.dumps({"body": "Snow fell.", "date": "2023-03-02T23:30:00-05:00"}),
     [("body-and-date", "Snow fell.", MARCH_2, None, None, None)]),
    ("list.json", json.dumps([{"text": "A.", "date": "2023-03-02"}, {"text": "B.", "date": "2022-01-31"}]),
     [("list-1", "A.", MARCH_2, None, None, None), ("list-2", "B.", dt.date(2022, 1, 31), None, None, None)]),
    ("lines.jsonl", '{"text": "A.", "date": "2023-03-02"}\n\n{"text": "B.", "published": "2020-02-29"}\n',
     [("lines-1", "A.", MARCH_2, None, None, None), ("lines-3", "B.", dt.date(2020, 2, 29), None, None, None)]),
    ("story.md", '---\ntitle: "Storm: the aftermath"\ndate: 2023-03-02  # local time\noutlet: Gazette\n'
                 "tags:\n  - weather\n---\nThe storm hit on Tuesday.\n",
     [("story", None, MARCH_2, "Storm: the aftermath", "Gazette", None)]),
    ("sample.txt", "date 2023-03-02\n\nLONDON\nThe Paper\n---\nMinisters met on Tuesday.\n",
     [("sample", None, MARCH_2, None, "The Paper", None)]),
    # the field names of common news datasets and crawlers
    ("news-tls.jsonl", json.dumps({"id": "a1", "time": "2023-03-02 00:00:00", "text": "A.", "title": "T"}) + "\n",
     [("a1", "A.", MARCH_2, "T", None, None)]),
    ("news-please.json", json.dumps({"maintext": "B.", "date_publish": "2023-03-02 10:31:00", "title": "T",
                                     "source_domain": "example.org", "url": "https://example.org/b"}),
     [("news-please", "B.", MARCH_2, "T", "example.org", "https://example.org/b")]),
    ("schema.json", json.dumps({"@type": "NewsArticle", "articleBody": "C.", "datePublished": "2023-03-02",
                                "headline": "H", "publisher": {"@type": "Organization", "name": "Gazette"}}),
     [("schema", "C.", MARCH_2, "H", None, None)]),
    ("feed.json", json.dumps({"content": "D.", "pubDate": "Thu, 02 Mar 2023 10:00:00 GMT", "link": "https://e.org/d"}),
     [("feed", "D.", MARCH_2, None, None, "https://e.org/d")]),
    ("tweets.jsonl", json.dumps({"full_text": "E.", "created_at": "Thu Mar 02 20:19:24 +0000 2023"}) + "\n",
     [("tweets-1", "E.", MARCH_2, None, None, None)]),
    # chrono's own names first; a field of another format's name that holds no string is passed over
    ("both.json", json.dumps({"text": "F.", "content": ["x"], "body": "G.", "time": "2020-01-01",
                              "published": "2023-03-02", "link": [{"href": "x"}], "url": "https://e.org/f"}),
     [("both", "F.", MARCH_2, None, None, "https://e.org/f")]),
    ("list-content.json", json.dumps({"content": [{"value": "x"}], "maintext": "H.", "date": "2023-03-02"}),
     [("list-content", "H.", MARCH_2, None, None, None)]),
])
def test_each_format_becomes_documents(tmp_path: Path, name: str, content: str,
                                       expected: list[tuple[str, str | None, dt.date, str | None, str | None,
                                                            str | None]]) -> None:
    documents, failures = read_documents([write(tmp_path, name, content)])
    assert failures == []
    got = [(d.id, d.text if expected_text is not None else None, d.published, d.title, d.outlet, d.url)
           for d, (_, expected_text, *_rest) in zip(documents, expected, strict=True)]
    assert got == expected
    assert all(d.source.endswith(name) for d in documents)


@pytest.mark.parametrize(("name", "content", "body"), [
    ("front.md", "---\ndate: 2023-03-02\n---\nThe storm hit on Tuesday.\n", "The storm hit on Tuesday.\n"),
    ("crlf.md", "---\r\ndate: 2023-03-02\r\n---\r\nIt rained.\r\n", "It rained.\r\n"),
    ("no-front.md", "# Storm\nIt rained on Monday.\n", "# Storm\nIt rained on Monday.\n"),
])
def test_markdown_offsets_index_the_whole_file(tmp_path: Path, name: str, content: str, body: str) -> None:
    path = tmp_path / name
    path.write_bytes(content.encode())
    (document,), failures = read_documents([str(path)], published=None if "date:" in content else MARCH_2)
    assert failures == []
    assert document.text == content
    assert document.text[document.body_span.start:document.body_span.end] == body


@pytest.mark.parametrize(("content", "reader_id", "text"), [
    (b'{"text": "From a pipe.", "date": "2023-03-02"}', "stdin", "From a pipe."),
    (b'{"text": "A.", "date": "2023-03-02"}\n{"text": "B.", "date": "2023-03-02"}\n', "stdin-1", "A."),
    (b'[{"text": "In a list.", "date": "2023-03-02"}]', "stdin", "In a list."),
    (b"---\ndate: 2023-03-02\n---\nFront matter.\n", "stdin", None),
    (b"date 2023-03-02\n\nSample format.\n", "stdin", None),
])
def test_stdin_is_read_by_its_content(content: bytes, reader_id: str, text: str | None) -> None:
    documents, failures = read_documents(["-"], stdin=io.BytesIO(content))
    assert failures == []
    assert documents[0].id == reader_id
    assert documents[0].published == MARCH_2
    if text is not None:
        assert documents[0].text == text


def test_folders_expand_sorted_recursively_over_known_extensions(tmp_path: Path) -> None:
    record = json.dumps({"text": "x", "date": "2023-03-02"})
    for name in ("b.json", "a/z.json", "a/c.jsonl", ".hidden/d.json", "a/.e.json"):
        write(tmp_path, name, record)
    write(tmp_path, "notes.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00")
    with pytest.warns(SkippedInputWarning, match="notes.pdf"):
        documents, failures = read_documents([str(tmp_path)])
    assert failures == []
    assert [Path(d.source).relative_to(tmp_path).as_posix() for d in documents] == ["a/c.jsonl", "a/z.json",
                                                                                   "b.json"]


@pytest.mark.parametrize(("records", "expected_ids"), [
    ([{"id": "x"}, {"id": "x"}, {"id": "x"}], ["x", "x-2", "x-3"]),
    # ids are settled as documents stream in: a later explicit "x-2" is renamed, not the earlier duplicate
    ([{"id": "x"}, {"id": "x"}, {"id": "x-2"}], ["x", "x-2", "x-2-2"]),
    ([{}, {"id": "news"}], ["news", "news-2"]),
])
def test_document_ids_are_unique_across_inputs(tmp_path: Path, records: list[dict[str, str]],
                                               expected_ids: list[str]) -> None:
    paths = [write(tmp_path / f"dir{n}", "news.json", json.dumps({"text": "t", "date": "2023-03-02", **record}))
             for n, record in enumerate(records)]
    documents, failures = read_documents(paths)
    assert failures == []
    assert [d.id for d in documents] == expected_ids


def test_a_file_named_twice_is_read_once(tmp_path: Path) -> None:
    path = write(tmp_path, "a.json", json.dumps({"text": "t", "date": "2023-03-02"}))
    documents, failures = read_documents([path, str(tmp_path), str(tmp_path / "." / "a.json")])
    assert (len(documents), failures) == (1, [])


def test_published_overrides_every_input(tmp_path: Path) -> None:
    paths = [write(tmp_path, "a.json", json.dumps({"text": "t", "date": "2020-01-01"})),
             write(tmp_path, "b.md", "---\ndate: 2020-01-01\n---\nt\n"),
             write(tmp_path, "c.txt", "plain text without a header")]
    documents, failures = read_documents(paths, published="2023-03-02")
    assert failures == []
    assert [d.published for d in documents] == [MARCH_2] * 3


@pytest.mark.parametrize(("name", "content", "message"), [
    ("broken.json", '{"text": "a", ', ": invalid JSON at line 1"),
    ("number.json", "42", ": expected a JSON object or a list of objects, found int"),
    ("no-text.json", '{"date": "2023-03-02"}', ": the record has no 'text' or 'body'"),
    ("no-date.json", '{"text": "a"}', ": the record has no publication date"),
    ("bad-date.json", '{"text": "a", "date": "2023-02-30"}', ": impossible date '2023-02-30'"),
    ("odd-date.json", '{"text": "a", "date": "March 2"}', ": cannot read the date 'March 2'"),
    ("bad-id.json", '{"text": "a", "date": "2023-03-02", "id": [1]}', ": 'id' must be a string"),
    ("empty-list.json", "[]", ": the JSON list holds no records"),
    ("list-of-strings.json", '["a"]', ": record 1: expected a JSON object"),
    ("binary.json", b"\x89PNG\r\n\x1a\n\x00\x00", " looks like a binary file"),
    ("latin1.txt", "date 2023-03-02\n\ncaf\xe9".encode("latin-1"), " is not UTF-8"),
    ("empty.md", b"  \n", " is empty"),
    ("no-date.md", "---\ntitle: x\n---\nText.\n", ": no publication date"),
    ("unclosed.md", "---\ndate: 2023-03-02\nText.\n", ": the front matter opened by '---'"),
    ("headless.txt", "Just a story.", ": no publication date"),
    ("header-only.txt", "date 2023-03-02\n\n", ": the article has no text after its header"),  # built empty, exit 0
    ("header-dash.txt", "date 2023-03-02\nLONDON\n---\n \u200b\n", ": the article has no text after its header"),
])
def test_bad_files_fail_with_a_message_naming_them(tmp_path: Path, name: str, content: str | bytes,
                                                    message: str) -> None:
    path = write(tmp_path, name, content)
    documents, failures = read_documents([path])
    assert documents == []
    assert [(failed, text.startswith(path + message)) for failed, text in failures] == [(path, True)], failures


def test_one_bad_input_does_not_stop_the_others(tmp_path: Path) -> None:
    good = write(tmp_path, "good.json", json.dumps({"text": "ok", "date": "2023-03-02"}))
    mixed = write(tmp_path, "mixed.jsonl", '{"text": "ok", "date": "2023-03-02"}\n{oops\n{"text": "no date"}\n')
    missing = str(tmp_path / "missing.txt")
    documents, failures = read_documents([good, mixed, missing])
    assert [d.id for d in documents] == ["good", "mixed-1"]
    assert [(path, message.split(":")[1].strip()) for path, message in failures] == [
        (mixed, "line 2"), (mixed, "line 3"), (missing, "no such file or folder")]


def test_a_folder_without_articles_is_a_failure(tmp_path: Path) -> None:
    write(tmp_path, "image.png", b"\x89PNG")
    with pytest.warns(SkippedInputWarning, match="image.png"):
        read = read_documents([str(tmp_path)])
    assert read == ([], [(str(tmp_path), f"{tmp_path}: the folder holds no input "
                                                    "files (.html, .htm, .md, .markdown, .json, .jsonl, .ndjson, "
                                                    ".txt, .text, .tml, .TE3input; gzipped too)")])


WEB_PAGE = ('<!doctype html><html><head><meta name="date" content="2023-03-02"><title>Rain</title></head><body>'
            "<article><p>Rain fell across the region on Tuesday, flooding roads and closing two schools, officials "
            "said on Wednesday.</p></article></body></html>")


@pytest.mark.parametrize(("name", "content", "read"), [
    # by content: a reader recognises it whatever its name (crawls and wget save pages as .php, .cont, no suffix)
    ("story.htm.cont", WEB_PAGE, True),
    ("article.php", WEB_PAGE.encode("cp1252"), True),
    ("bridge-closed", WEB_PAGE, True),
    ("683", "date 2023-03-02\n\nRain fell on Tuesday.\n", True),
    ("feed.dat", json.dumps({"text": "Rain fell.", "date": "2023-03-02"}), True),
    ("notes.cont", "---\ndate: 2023-03-02\n---\nRain fell.\n", True),
    ("4521", "Rain fell on Tuesday, officials said.\n", True),  # no suffix at all, UTF-8 text: read as text
    # skipped, and named in one warning: a saved page's scripts, styles and images, text under an unknown suffix
    ("page_files/site.js", "var when = new Date(2023, 2, 2);", False),
    ("page_files/site.css", "body { color: red }", False),
    ("page_files/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", False),
    ("story.htm.cont2", "Rain fell on Tuesday, officials said.\n", False),
    ("4522", "caf\xe9 au lait".encode("latin-1"), False),  # no suffix, not UTF-8: not text chrono reads
    ("empty", "", False),
])
def test_a_folders_files_of_unknown_kind_are_read_by_content_or_named(tmp_path: Path, name: str,
                                                                         content: str | bytes, read: bool) -> None:
    write(tmp_path / "in", "known.txt", "date 2023-03-02\n\nSnow fell.\n")
    path = write(tmp_path / "in", name, content)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        documents, failures = read_documents([str(tmp_path / "in")], published="2023-03-02")
    assert failures == []
    assert [document.source for document in documents] == sorted([str(tmp_path / "in" / "known.txt")]
                                                                 + ([path] if read else []))
    skipped = [str(warning.message) for warning in caught if issubclass(warning.category, SkippedInputWarning)]
    assert skipped == ([] if read else [f"{tmp_path / 'in'}: skipped 1 file of no kind chrono reads ({path}); "
                                        "name a file to read it as text"])


def test_inputs_beyond_the_size_limit_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from chrono.read import inputs

    monkeypatch.setattr(inputs, "MAX_BYTES", 100)
    path = write(tmp_path, "big.json", json.dumps({"text": "x" * 100, "date": "2023-03-02"}))  # one document
    documents, failures = read_documents([path, "-"], stdin=io.BytesIO(b"date 2023-03-02\n\n" + b"y" * 100))
    assert documents == []
    assert [message.split(" is larger")[0] for _, message in failures] == [path, "standard input"]


def test_gzipped_inputs_are_read_as_the_suffix_before_gz(tmp_path: Path) -> None:
    records = "".join(json.dumps({"id": f"a{n}", "time": "2023-03-02", "text": f"Rain {n}."}) + "\n" for n in range(2))
    write(tmp_path / "in", "articles.jsonl.gz", gzip.compress(records.encode()))
    write(tmp_path / "in", "storm.txt.gz", gzip.compress(b"date 2023-03-02\n\nThe storm hit on Tuesday.\n"))
    write(tmp_path / "in", "notes.gz", gzip.compress(b"date 2023-03-02\n\nIt rained.\n"))  # no inner suffix: not read
    with pytest.warns(SkippedInputWarning, match="notes.gz"):
        documents, failures = read_documents([str(tmp_path / "in")])
    assert failures == []
    assert [(d.id, d.text[d.body_span.start:d.body_span.end].strip(), d.published) for d in documents] == [
        ("a0", "Rain 0.", MARCH_2), ("a1", "Rain 1.", MARCH_2), ("storm", "The storm hit on Tuesday.", MARCH_2)]


@pytest.mark.parametrize(("content", "message"), [
    (gzip.compress(b"x" * 101), "unpacks to more than the"),  # under the limit packed, beyond it unpacked
    (gzip.compress(b"date 2023-03-02\n\nIt rained.\n")[:-9], "cannot unpack it as gzip"),  # cut short
    (b"\x1f\x8b\x08\x00 not gzip after all", "cannot unpack it as gzip"),
    (gzip.compress(bytes(range(40))), "looks like a binary file"),  # what it unpacks to is checked as any input
])
def test_a_bad_gzip_input_fails_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes,
                                            message: str) -> None:
    from chrono.read import inputs

    monkeypatch.setattr(inputs, "MAX_BYTES", 100)
    path = write(tmp_path, "a.txt.gz", content)
    documents, failures = read_documents([path])
    assert documents == [] and len(failures) == 1 and message in failures[0][1] and "\n" not in failures[0][1]


def test_read_input_raises_the_first_problem(tmp_path: Path) -> None:
    with pytest.raises(ChronoInputError, match="bad.json: invalid JSON"):
        read_input(write(tmp_path, "bad.json", "{"))


def test_a_bad_published_option_is_the_callers_error(tmp_path: Path) -> None:
    with pytest.raises(ChronoInputError, match="2023-13-01"):
        read_documents([write(tmp_path, "a.txt", "text")], published="2023-13-01")


PAGE = """<!doctype html><html><head><title>Storm hits coast | Daily Planet</title>
<meta property="og:title" content="Storm hits coast">
<meta property="article:published_time" content="2023-03-02T08:00:00Z">
<meta property="og:site_name" content="Daily Planet"></head>
<body><nav>Home | World | Sport | Weather</nav><article><h1>Storm hits coast</h1>
<p>A powerful storm hit the coast on Tuesday, cutting power to thousands of homes across the region,
officials said on Wednesday morning.</p>
<p>The storm had formed last week over warm water and strengthened quickly, forecasters said. Repairs will
take until next month, the utility said in a statement.</p></article>
<footer>Copyright 2023 Daily Planet. All rights reserved.</footer></body></html>"""


@pytest.mark.skipif(not HAS_HTML, reason="the html extra (trafilatura, htmldate) is not installed")
@pytest.mark.parametrize(("name", "content", "published", "expected"), [
    ("page.html", PAGE, None, ("page", MARCH_2, "Storm hits coast", "Daily Planet")),
    ("page.htm", PAGE.replace("2023-03-02T08:00:00Z", ""), MARCH_2, ("page", MARCH_2, "Storm hits coast",
                                                                    "Daily Planet")),
])
def test_html_pages_give_main_text_and_date(tmp_path: Path, name: str, content: str, published: dt.date | None,
                                            expected: tuple[str, dt.date, str, str]) -> None:
    (document,), failures = read_documents([write(tmp_path, name, content)], published=published)
    assert failures == []
    assert (document.id, document.published, document.title, document.outlet) == expected
    body = document.text[document.body_span.start:document.body_span.end]
    assert body.startswith("A powerful storm hit the coast on Tuesday")
    assert "Home | World" not in document.text and "Copyright" not in document.text


@pytest.mark.skipif(not HAS_HTML, reason="the html extra (trafilatura, htmldate) is not installed")
def test_html_page_without_a_date_names_the_way_out(tmp_path: Path) -> None:
    undated = PAGE.replace("2023-03-02T08:00:00Z", "").replace("Copyright 2023", "Copyright")
    path = write(tmp_path, "undated.html", undated)
    assert read_documents([path]) == ([], [(path, f"{path}: found no publication date in the HTML page; "
                                                  "pass --published YYYY-MM-DD")])


def test_html_without_the_extra_says_how_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "trafilatura", None)  # makes `import trafilatura` raise ImportError
    path = write(tmp_path, "page.html", PAGE)
    assert read_documents([path]) == ([], [(path, f"{path}: reading HTML pages needs the html extra: "
                                                  "pip install 'chrono-timelines[html]'")])


@pytest.mark.parametrize(("written", "expected"), [
    ("2023-03-02", MARCH_2),
    ("2023-03-02T23:30:00-05:00", MARCH_2),  # the day as written, whatever the zone
    ("Thu, 02 Mar 2023 10:00:00 GMT", MARCH_2),  # RSS / e-mail style
    ("March 2, 2023", MARCH_2),
    ("2 March 2023", MARCH_2),
])
def test_metadata_dates_as_feeds_and_archives_write_them(tmp_path: Path, written: str,
                                                         expected: dt.date) -> None:
    path = write(tmp_path, "story.json", json.dumps({"text": "Officials met on Tuesday.", "published": written}))
    documents, failures = read_documents([path])
    assert failures == [] and documents[0].published == expected


@pytest.mark.parametrize("written", ["yesterday", "March 2023", "Thursday", "next week"])
def test_relative_or_partial_metadata_dates_are_refused(tmp_path: Path, written: str) -> None:
    path = write(tmp_path, "story.json", json.dumps({"text": "Officials met on Tuesday.", "published": written}))
    documents, failures = read_documents([path])
    assert documents == [] and "cannot read the date" in failures[0][1]


ARTICLE_BODY = """<article><h1>Storm hits coast</h1><p>A powerful storm hit the coast on Tuesday, cutting power to
thousands of homes across the region, officials said on Wednesday morning.</p><p>The storm had formed last week
over warm water and strengthened quickly, forecasters said. Repairs will take until next month, the utility said in
a statement.</p></article>"""
OLD_TEASER = ('<div class="teaser"><a href="/floods">Floods <time class="published" datetime="2021-06-01">1 June'
              "</time></a></div>")
TEASER_LIST_LD = ('<script type="application/ld+json">{"@type": "ItemList", "itemListElement": '
                  '[{"@type": "NewsArticle", "datePublished": "2021-06-01"}]}</script>')


def page(head: str = "", body: str = ARTICLE_BODY) -> str:
    return f"<!doctype html><html><head><title>Storm hits coast</title>{head}</head><body>{body}</body></html>"


@pytest.mark.skipif(not HAS_HTML, reason="the html extra (trafilatura, htmldate) is not installed")
@pytest.mark.parametrize(("content", "published", "source"), [
    # the page's JSON-LD article, not the related-articles list before it (htmldate took the teaser's 2021-06-01)
    (page(TEASER_LIST_LD + '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
          '{"@type": "WebSite", "name": "Daily"}, {"@type": "NewsArticle", "datePublished": "2023-03-02T08:00Z"}]}'
          "</script>"), "2023-03-02", "JSON-LD"),
    (page('<script type="application/ld+json">[{"@type": ["NewsArticle"], "datePublished": "2023-03-02"}]</script>'
          '<meta property="article:published_time" content="2023-01-01">'), "2023-03-02", "JSON-LD"),
    # the article a WebPage is about (mainEntity), and the article's date before the WebPage's own
    (page('<script type="application/ld+json">{"@type": "WebPage", "mainEntity": {"@type": "NewsArticle", '
          '"datePublished": "2023-03-02"}}</script>'), "2023-03-02", "JSON-LD"),
    (page('<script type="application/ld+json">[{"@type": "WebPage", "datePublished": "2019-01-01"}, '
          '{"@type": "NewsArticle", "datePublished": "2023-03-02"}]</script>'), "2023-03-02", "JSON-LD"),
    (page('<meta property="article:modified_time" content="2023-04-10">'
          '<meta property="article:published_time" content="2023-03-02T23:30:00-05:00">', OLD_TEASER + ARTICLE_BODY),
     "2023-03-02", "meta"),
    # the page's own date field beats a teaser's <time class="published"> (htmldate took the teaser)
    (page(body=OLD_TEASER + '<article><time itemprop="datePublished" datetime="2023-03-02">2 March</time>'
          + ARTICLE_BODY + "</article>"), "2023-03-02", "page"),
    (page(body="<article><aside>" + OLD_TEASER + '</aside><header><time datetime="2023-03-02">2 March 2023</time>'
          "</header>" + ARTICLE_BODY + "</article>"), "2023-03-02", "page"),
    (page('<link rel="canonical" href="https://example.org/2023/03/02/storm-hits-coast">'), "2023-03-02", "url"),
    (page(body='<div class="story"><span class="date">2023-03-02</span>' + ARTICLE_BODY + "</div>"), "2023-03-02",
     "htmldate"),
    (page('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "soon"}</script>'
          '<meta property="article:published_time" content="2023-03-02">'), "2023-03-02", "meta"),
    # Drupal's RDFa field: htmldate read its "03/02/2023" day first (2023-02-03)
    (page(body='<div class="node"><span property="dc:date dc:created" content="2023-03-02T08:30:00+01:00">'
          "Submitted by admin on Thu, 03/02/2023 - 08:30</span>" + ARTICLE_BODY + "</div>"), "2023-03-02", "page"),
    # WordPress: the post's date sits in its permalink, beside the "updated" one; comments' dates come later
    (page(body='<article class="post"><a href="/2023/03/02/storm" rel="bookmark"><time class="updated" '
          'datetime="2023-04-10">10 April</time><time class="entry-date published" datetime="2023-03-02T08:30">'
          "2 March</time></a>" + ARTICLE_BODY + '</article><div id="comments"><article class="comment"><time '
          'datetime="2023-03-05">5 March</time></article></div>'), "2023-03-02", "page"),
    # Blogger: hAtom's published in an entry that is no <article>; a teaser's class "published" is not the entry's
    (page(body=OLD_TEASER.replace("teaser", "related") + '<div class="post hentry"><h3>Storm</h3>' + ARTICLE_BODY
          + '<div class="post-footer"><a class="timestamp-link" href="/2023/03/storm.html"><abbr class="published" '
          'title="2023-03-02T08:30:00-07:00">8:30 AM</abbr></a></div></div>'), "2023-03-02", "page"),
    # the page's address names its day: canonical link or og:url, before htmldate's guesses
    (page('<meta property="og:url" content="https://example.org/news/2023/03/02/storm-hits-coast/">'),
     "2023-03-02", "url"),
    (page('<link rel="canonical" href="https://example.org/2023-03-02-storm.html">',
          body=ARTICLE_BODY + '<aside><a href="/old"><time datetime="2021-06-01">1 June</time></a></aside>'),
     "2023-03-02", "url"),
])
def test_html_dates_come_from_the_pages_own_metadata_first(tmp_path: Path, content: str, published: str,
                                                           source: str) -> None:
    (document,), failures = read_documents([write(tmp_path, "page.html", content)])
    assert failures == []
    assert (str(document.published), document.published_source) == (published, source)


@pytest.mark.skipif(not HAS_HTML, reason="the html extra (trafilatura, htmldate) is not installed")
@pytest.mark.parametrize(("paragraph", "kept"), [
    # teasers for other stories set in the body: a link and at most a short label; their years are not events
    ('<p><strong>Read more:</strong> <a href="/repairs">Council approved repairs in 2012</a></p>', False),
    ('<p><a href="/floods">Floods close coast roads on June 2, 2013</a></p>', False),
    ('<p><em>See also: <a href="/a">Budget approved</a>, <a href="/b">Mayor re-elected in May 2011</a></em></p>',
     False),
    # must stay: sentences that hold a link, and a link after a dated label (a live story's update)
    ('<p>The council <a href="/report">published its report</a> on Monday, a year after the 2012 vote.</p>', True),
    ('<p><a href="/report">The full report</a> was published by the council on Monday.</p>', True),
    ('<p><strong>Update, 3 March:</strong> <a href="/live">the coast road has reopened</a></p>', True),
])
def test_a_paragraph_that_only_links_elsewhere_is_not_the_articles_text(tmp_path: Path, paragraph: str,
                                                                       kept: bool) -> None:
    body = ARTICLE_BODY.replace("</article>", paragraph + "<p>Power was back in most homes by Friday, the utility "
                                "said in its last update.</p></article>")
    (document,), failures = read_documents([write(tmp_path, "page.html", page(body=body))], published=MARCH_2)
    words = " ".join(lxml_text(paragraph).split())
    assert (failures, words in " ".join(document.text.split())) == ([], kept), document.text
    assert "Power was back in most homes by Friday" in document.text


def lxml_text(markup: str) -> str:
    import lxml.html

    return str(lxml.html.fromstring(markup).text_content())


COMMENTS = ('<div id="comments" class="comments-area"><ol class="comment-list"><li class="comment"><div class="comment-'
            'meta"><span class="date">March 5, 2023 at 9:12 am</span></div><p>I saw it on 3 January 2021.</p></div>'
            "</li></ol></div>")


@pytest.mark.skipif(not HAS_HTML, reason="the html extra (trafilatura, htmldate) is not installed")
@pytest.mark.parametrize("body", [
    ARTICLE_BODY + '<aside><h3>More</h3><a href="/floods"><time datetime="2021-06-01">1 June 2021</time></a></aside>',
    ARTICLE_BODY + '<section class="related-posts"><ul><li><a href="/f">Floods</a> <span class="date">June 1, 2021'
                   "</span></li></ul></section>",
    ARTICLE_BODY + COMMENTS,
    ARTICLE_BODY + "<footer>&copy; 2009-2023 Daily Planet. Site updated 31 December 2022.</footer>",
    '<nav><a href="/archive/2021/06/01">1 June 2021</a></nav>' + ARTICLE_BODY,
    ARTICLE_BODY.replace("</article>", '<section class="comments"><time datetime="2023-03-05">5 March</time> Sad.'
                         "</section></article>"),  # comments inside the article
])
def test_a_page_whose_only_dates_are_other_pages_or_readers_has_no_date(tmp_path: Path, body: str) -> None:
    # htmldate had taken the teaser's, the comment's or the footer's date for the article's
    path = write(tmp_path, "page.html", page(body=body))
    assert read_documents([path]) == ([], [(path, f"{path}: found no publication date in the HTML page; "
                                                  "pass --published YYYY-MM-DD")])


@pytest.mark.skipif(not HAS_HTML, reason="the html extra (trafilatura, htmldate) is not installed")
@pytest.mark.parametrize("head", [
    '<meta http-equiv="last-modified" content="2023-04-10">',  # htmldate took it for the publication date
    '<meta property="article:modified_time" content="2023-04-10"><meta property="og:updated_time" '
    'content="2023-04-10">',
    '<script type="application/ld+json">{"@type": "NewsArticle", "dateModified": "2023-04-10"}</script>',
])
def test_when_a_page_last_changed_is_not_when_it_was_published(tmp_path: Path, head: str) -> None:
    path = write(tmp_path, "page.html", page(head))
    assert read_documents([path]) == ([], [(path, f"{path}: found no publication date in the HTML page; "
                                                  "pass --published YYYY-MM-DD")])


CAFE = ("<!doctype html><html><head>{declaration}<title>Caf\u00e9 reopens</title>"
        '<meta name="date" content="2023-03-02"></head><body><article><h1>Caf\u00e9 reopens</h1>'
        "<p>The caf\u00e9 on the quay reopened on Tuesday \u2013 \u201cat last\u201d, said Ren\u00e9e Dupr\u00e9, who "
        "had run it since 1998 and closed it after the fire in January. Repairs took three months.</p></article>"
        "</body></html>")
REOPENED = "The caf\u00e9 on the quay reopened on Tuesday \u2013 \u201cat last\u201d"


@pytest.mark.skipif(not HAS_HTML, reason="the html extra (trafilatura, htmldate) is not installed")
@pytest.mark.parametrize(("declaration", "encoding", "read_as"), [
    ('<meta charset="windows-1252">', "cp1252", REOPENED),
    ('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "cp1252", REOPENED),  # as browsers
    ("", "cp1252", REOPENED),  # no declaration: the web's default
    ('<?xml version="1.0" encoding="windows-1252"?>', "cp1252", REOPENED),
    ('<meta charset="iso-8859-15">', "iso8859-15", "The caf\u00e9 on the quay reopened on Tuesday"),
    ('<meta charset="utf-8">', "utf-8", REOPENED),
    ('<meta charset="latin1">', "utf-8", REOPENED),  # bytes that are UTF-8 are read as UTF-8, whatever they declare
])
def test_an_html_page_is_read_in_the_encoding_it_declares(tmp_path: Path, declaration: str, encoding: str,
                                                          read_as: str) -> None:
    content = CAFE.format(declaration=declaration)
    if encoding == "iso8859-15":
        content = content.replace("\u2013", "-").replace("\u201c", '"').replace("\u201d", '"')
    (document,), failures = read_documents([write(tmp_path, "page.html", content.encode(encoding))])
    assert failures == []
    assert (document.title, document.published, read_as in document.text) == ("Caf\u00e9 reopens", MARCH_2, True)


@pytest.mark.parametrize(("name", "content", "message"), [
    ("page.html", CAFE.format(declaration='<meta charset="shift_jis">').encode("cp1252"),
     "is not shift_jis text as it declares (byte 0xe9"),
    ("a.txt", "date 2023-03-02\n\nThe caf\u00e9 reopened.".encode("cp1252"), "is not UTF-8 text (byte 0xe9"),
    ("notes.txt", b"Start a page with <html>; caf\xe9", "is not UTF-8 text (byte 0xe9"),  # text naming a tag
])
def test_text_in_another_encoding_than_it_says_is_one_line(tmp_path: Path, name: str, content: bytes,
                                                           message: str) -> None:
    path = write(tmp_path, name, content)
    documents, failures = read_documents([path])
    assert documents == [] and len(failures) == 1 and message in failures[0][1], failures


@pytest.mark.parametrize(("name", "content", "source"), [
    ("a.txt", "date 2023-03-02\n\nIt rained.", "header"),
    ("a.json", json.dumps({"text": "It rained.", "date": "2023-03-02"}), "record"),
    ("a.md", "---\ndate: 2023-03-02\n---\nIt rained.\n", "front matter"),
    ("a.tml", '<TimeML><TIMEX3 tid="t0" type="DATE" value="2023-03-02" functionInDocument="CREATION_TIME"/>'
              "<TEXT>It rained.</TEXT></TimeML>", "DCT"),
])
@pytest.mark.parametrize("override", [None, "2023-03-02"])
def test_every_document_says_where_its_date_came_from(tmp_path: Path, name: str, content: str, source: str,
                                                      override: str | None) -> None:
    (document,), failures = read_documents([write(tmp_path, name, content)], published=override)
    assert failures == []
    assert document.published_source == ("command line" if override else source)


# A plain-text article opening with "Key: value" lines, as e-mail, exports and people write them: a block holding a
# date key is the header (keys: [header] of segment.toml), kept out of the body; the sample format is unchanged.
TEXT_HEADERS = [
    ("Title: Rail strikes to go ahead\nPublished: 12 March 2026\nSource: The Courier\n\nTalks broke down.\n",
     dt.date(2026, 3, 12), "Rail strikes to go ahead", "The Courier", None, "Talks broke down."),
    ("Date: 2026-03-12\nURL: https://example.org/strikes\nAuthor: J. Smith\n\nTalks broke down.\n",
     dt.date(2026, 3, 12), None, None, "https://example.org/strikes", "Talks broke down."),
    ("\ufeffheadline:   Floods\r\nPUBLICATION DATE: Thu, 12 Mar 2026 09:30 GMT\r\n\r\nRain fell.\r\n",
     dt.date(2026, 3, 12), "Floods", None, None, "Rain fell."),
    ("Published: March 12, 2026\nTalks broke down on Wednesday.\n",  # no blank line: the block ends at the prose
     dt.date(2026, 3, 12), None, None, None, "Talks broke down on Wednesday."),
    # the sample format's own date line, with its dateline and outlet, reads as before
    ("Date: 2023-03-02\n\nLONDON\nThe Paper\n---\nMinisters met on Tuesday.\n",
     MARCH_2, None, "The Paper", None, "Ministers met on Tuesday."),
    # no date key: no header (a note or a list of facts is the article's text)
    ("Update: the council voted on Tuesday.\n\nIt met again on Friday.\n",
     None, None, None, None, "Update: the council voted on Tuesday."),
    ("Venue: Town Hall\nTime: 7pm\n\nThe meeting starts on Friday.\n",
     None, None, None, None, "Venue: Town Hall"),
    # key lines after the opening paragraph are the article's
    ("The council met.\n\nDate: 2026-03-12\nTitle: Minutes\n",
     None, None, None, None, "The council met."),
]


@pytest.mark.parametrize(("content", "published", "title", "outlet", "url", "body"), TEXT_HEADERS)
def test_a_text_articles_header_lines(tmp_path: Path, content: str, published: dt.date | None, title: str | None,
                                      outlet: str | None, url: str | None, body: str) -> None:
    (document,), failures = read_documents([write(tmp_path, "article.txt", content)], date_required=False)
    assert failures == []
    assert (document.published, document.title, document.outlet, document.url) == (published, title, outlet, url)
    assert document.text[document.body_span.start:].startswith(body)
    assert document.published_source == ("header" if published else None)


def test_a_header_date_that_is_no_date_says_so(tmp_path: Path) -> None:
    documents, failures = read_documents([write(tmp_path, "a.txt", "Title: Talks\nPublished: last week\n\nText.\n")])
    assert documents == [] and len(failures) == 1
    assert "cannot read the date 'last week'" in failures[0][1] and "--published" in failures[0][1], failures


# A wire story's or press release's dateline opening the body dates a text that has no date of its own
# (chrono/read/dateline.py; published_source "dateline"): a place in capitals or title case, optional regions, a
# complete date, then an agency in brackets or slashes and/or a dash or colon. The input's own metadata comes
# first; the dateline comes before the day a file's path names.
MARCH_12 = dt.date(2026, 3, 12)
DATELINES = [
    ("a.txt", "SPRINGFIELD, Ill., April 12, 2015 /PRNewswire/ -- Acme Corp. today announced a merger.\n",
     dt.date(2015, 4, 12), "dateline"),
    ("a.txt", "LONDON, 12 March 2026 (Reuters) - Ministers met on Wednesday.\n", MARCH_12, "dateline"),
    ("a.txt", "\n  NEW DELHI, March 12, 2026 — Ministers met on Wednesday.\n", MARCH_12, "dateline"),
    ("a.txt", "Sydney, 12 March 2026: Ministers met on Wednesday.\n", MARCH_12, "dateline"),
    ("a.txt", "WASHINGTON, Sept. 12, 2026 (AP) _ Ministers met on Wednesday.\n", dt.date(2026, 9, 12), "dateline"),
    ("a.txt", "SAN JUAN, Puerto Rico, 3 May 2020 -- The storm passed.\n", dt.date(2020, 5, 3), "dateline"),
    ("a.json", json.dumps({"text": "LONDON, 12 March 2026 (Reuters) - Ministers met."}), MARCH_12, "dateline"),
    ("a.md", "---\ntitle: Talks\n---\nLONDON, 12 March 2026 (Reuters) - Ministers met.\n", MARCH_12, "dateline"),
    # the input's own date first
    ("a.txt", "date 2026-03-13\n\nLONDON, 12 March 2026 (Reuters) - Ministers met.\n", dt.date(2026, 3, 13),
     "header"),
    ("a.json", json.dumps({"text": "LONDON, 12 March 2026 (Reuters) - Ministers met.", "date": "2026-03-13"}),
     dt.date(2026, 3, 13), "record"),
    # the dateline before the path: the text's own word on the day its "today" means
    ("2026-03-14/a.txt", "LONDON, 12 March 2026 (Reuters) - Ministers met today.\n", MARCH_12, "dateline"),
    ("2026-03-14/a.txt", "LONDON, March 12 (Reuters) - Ministers met today.\n", dt.date(2026, 3, 14), "path"),
    # must not: no year, no dateline's shape, not at the start, no real day
    ("a.txt", "LONDON, March 12 (Reuters) - Ministers met today.\n", None, None),
    ("a.txt", "On March 12, 2026, the council voted to close the library.\n", None, None),
    ("a.txt", "Paris, France, March 12, 2026 was a day to remember.\n", None, None),
    ("a.txt", "Tuesday, 12 March 2026 — The council met.\n", None, None),  # a date line, no place
    ("a.txt", "LONDON, 12 March 2026 Ministers met.\n", None, None),  # no agency, dash or colon
    ("a.txt", "The council met.\n\nLONDON, 12 March 2026 (Reuters) - Ministers met.\n", None, None),
    ("a.txt", "The council met. LONDON, 12 March 2026 (Reuters) - Ministers met.\n", None, None),
    ("a.txt", "BEIJING, Feb. 30, 2026 (Xinhua) -- Ministers met.\n", None, None),
]


@pytest.mark.parametrize(("name", "content", "published", "source"), DATELINES)
def test_a_dateline_dates_a_text_without_a_date_of_its_own(tmp_path: Path, name: str, content: str,
                                                           published: dt.date | None, source: str | None) -> None:
    (document,), failures = read_documents([write(tmp_path, name, content)], date_required=source == "path")
    assert failures == []
    assert (document.published, document.published_source) == (published, source)


def test_a_dateline_without_a_year_says_so(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "LONDON, March 12 (Reuters) - Ministers met today.\n")
    assert read_documents([path]) == ([], [(path, f"{path}: the dateline 'LONDON, March 12 (Reuters)' names no "
                                                  "year; no publication date: start the article with a line 'date "
                                                  "YYYY-MM-DD' or pass --published YYYY-MM-DD")])


DATED_PAGE = PAGE.replace("2023-03-02T08:00:00Z", "").replace("Copyright 2023", "Copyright").replace(
    "<p>A powerful storm", "<p>LONDON, 12 March 2026 (Reuters) - A powerful storm")


@pytest.mark.skipif(not HAS_HTML, reason="the html extra (trafilatura, htmldate) is not installed")
@pytest.mark.parametrize(("content", "published", "source"), [
    (DATED_PAGE, MARCH_12, "dateline"),
    (DATED_PAGE.replace('<meta property="article:published_time" content="">',
                        '<meta property="article:published_time" content="2026-03-13">'), dt.date(2026, 3, 13), "meta"),
    (DATED_PAGE.replace("12 March 2026", "March 12"), None, None),
    (DATED_PAGE.replace("LONDON, 12 March 2026 (Reuters) - ", "On 12 March 2026, "), None, None),
])
def test_a_pages_dateline_comes_after_its_metadata(tmp_path: Path, content: str, published: dt.date | None,
                                                  source: str | None) -> None:
    (document,), failures = read_documents([write(tmp_path, "page.html", content)], date_required=False)
    assert failures == []
    assert (document.published, document.published_source) == (published, source)
