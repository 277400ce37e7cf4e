"""Kinds of news pages, each around one story published on 3 March 2024 (tests/web_page_kit.py): the date chosen is
the article's publication (not its last change, not a sidebar's or related story's), the story's expressions are
kept with their values, and nothing is read from menus, banners, widgets, related lists or footers."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from file_support import write
from web_page_kit import NOT_THE_STORY, RELATED, STORY, STORY_FOUND, TITLE, json_ld, page

from chrono.pipeline import analyse
from chrono.read import read_documents

HAS_HTML = all(importlib.util.find_spec(name) for name in ("trafilatura", "htmldate"))
pytestmark = pytest.mark.skipif(not HAS_HTML, reason="the html extra (trafilatura, htmldate) is not installed")

ARTICLE_LD = json_ld('{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Flood defences fail", '
                     '"datePublished": "2024-03-03T12:04:00+00:00", "dateModified": "2024-03-05T09:30:00+00:00"}')
GRAPH_LD = json_ld('{"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "@id": "https://x.example/#p", '
                   '"datePublished": "2024-03-05T09:30:00Z"}, {"@type": "BreadcrumbList", "itemListElement": []}, '
                   '{"@type": ["NewsArticle"], "isPartOf": {"@id": "https://x.example/#p"}, "dateModified": '
                   '"2024-03-05T09:30:00Z", "datePublished": "2024-03-03T12:04:00Z"}]}')
AMP_LD = json_ld('[{"@context": "https://schema.org", "@type": "BreadcrumbList"}, {"@context": "https://schema.org", '
                 '"@type": "NewsArticle", "dateModified": "2024-03-05T09:30:00Z", "datePublished": '
                 '"2024-03-03T12:04:00Z"}]')
OG_CHANGED = ('<meta property="og:updated_time" content="2024-03-05T09:30:00Z"><meta name="last-modified" '
              'content="2024-03-05">')


def amp_page() -> str:
    """An AMP page: its menu in an amp-sidebar, images as amp-img, related stories in a carousel."""
    return (f'<!doctype html><html amp lang="en-GB"><head><meta charset="utf-8"><title>{TITLE}</title><script async '
            'src="https://cdn.ampproject.org/v0.js"></script><link rel="canonical" href="https://courier.example/news/'
            f'flood-defences-fail"><style amp-boilerplate>body{{visibility:hidden}}</style>{AMP_LD}</head><body>'
            '<amp-sidebar id="menu" layout="nodisplay"><ul><li><a href="/archive/2023">2023</a></li></ul></amp-sidebar>'
            f'<header><button on="tap:menu.toggle">Menu</button></header><article><h1>{TITLE}</h1><amp-img '
            'src="/flood.jpg" width="600" height="400" layout="responsive" alt="A flooded street"></amp-img><p '
            f'class="byline">Jo Reid, <time datetime="2024-03-03T12:04:00Z">3 March 2024</time></p>{STORY}</article>'
            f'<amp-carousel type="carousel" class="related">{RELATED}</amp-carousel><footer><p>© 2024 The Northern '
            "Courier</p></footer></body></html>")


def columns_page() -> str:
    """Boxes in unmarked columns: an archive and latest stories beside the story, "You may also like" and a copyright
    bar under it."""
    side = ('<div class="col-md-4"><div class="box"><h3>Archives</h3><ul><li><a href="/2024/02">February 2024</a> (9)'
            '</li><li><a href="/2023/12">December 2023</a> (14)</li></ul></div><div class="box"><h3>Latest</h3><ul><li>'
            '<a href="/x">Council sets budget for 2025</a> <span>28 Feb 2024</span></li></ul></div></div>')
    main = (f'<div class="col-md-8"><h1>{TITLE}</h1><p class="meta">Posted on March 3, 2024 by Jo Reid</p>{STORY}'
            '<h3>You may also like</h3><ul><li><a href="/y">Walls inspected in November 2023</a></li><li><a href="/z">'
            'Floods of 2023 remembered</a></li></ul><div class="bottom-bar"><p>Copyright © 2024 The Northern Courier. '
            "All rights reserved.</p></div></div>")
    return (f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{TITLE}</title></head><body><div '
            f'class="top"><a href="/">Home</a> | <a href="/2023">2023</a></div><div class="row">{main}{side}</div>'
            "</body></html>")


def tables_page() -> str:
    """An old page laid out in a table: its menu and archive counts in the left cell."""
    return (f'<html><head><title>{TITLE}</title><meta name="date" content="2024-03-03"></head><body><table><tr><td>'
            '<a href="/">Home</a><br><a href="/archive">Archive</a><br>February 2024 (9)<br>December 2023 (14)</td><td>'
            f'<h1>{TITLE}</h1><font size="1">Sunday, March 3, 2024</font>{STORY}</td></tr></table><center>(c) 2024 '
            "Courier</center></body></html>")


def microdata_page() -> str:
    """Microdata: "Top stories" teasers, each an item with its own datePublished, listed before the article's item."""
    teasers = "".join(f'<li itemscope itemtype="https://schema.org/NewsArticle"><a itemprop="url" href="/n{number}">'
                      f'<span itemprop="headline">Story {number}</span></a><meta itemprop="datePublished" '
                      f'content="2024-02-2{number}"></li>' for number in range(3))
    return page("", f'<div class="col-side"><h3>Top stories</h3><ul>{teasers}</ul></div><div class="col-main" '
                'itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">Flood defences fail</h1>'
                '<meta itemprop="datePublished" content="2024-03-03T12:04:00Z"><meta itemprop="dateModified" '
                f'content="2024-03-05">{STORY}</div>')


# (kind, page, publication date, where it came from)
PAGES = [
    ("JSON-LD NewsArticle, Open Graph, 'Updated 3 hours ago'", page(
        f'{ARTICLE_LD}<meta property="article:published_time" content="2024-03-03T12:04:00+00:00"><meta property='
        '"article:modified_time" content="2024-03-05T09:30:00+00:00">',
        f'<main id="main"><article class="story"><h1>{TITLE}</h1><div class="byline"><span>By Jo Reid</span><p>'
        f'Published 12:04 GMT, 3 March 2024</p><p class="updated">Updated 3 hours ago</p></div>{STORY}</article>'
        f"{RELATED}</main>"), "2024-03-03", "JSON-LD"),
    ("JSON-LD @graph: the WebPage's date is not the article's", page(
        GRAPH_LD, f"<article><h1>{TITLE}</h1>{STORY}</article>"), "2024-03-03", "JSON-LD"),
    ("AMP", amp_page(), "2024-03-03", "JSON-LD"),
    ("no markup date; a byline with its update; related stories' <time>s inside the content", page(
        "", f'<div class="content"><h1>{TITLE}</h1><div class="meta">By Jo Reid | Published 12:04 GMT, 3 March 2024 | '
        f'Updated 12:40 GMT, 5 March 2024</div><div class="text">{STORY}</div>{RELATED}</div>'),
     "2024-03-03", "byline"),
    ("the last update first, then the first publication", page(
        "", f'<div class="content"><h1>{TITLE}</h1><div class="meta">Last updated: 5 March 2024<br>First published: '
        f'3 March 2024</div><div class="text">{STORY}</div></div>'), "2024-03-03", "byline"),
    ("an updated <time> before the published one", page(
        "", f'<article><h1>{TITLE}</h1><div class="dates"><p>Updated <time datetime="2024-03-05T09:30:00Z">5 March '
        '2024</time></p><p><b>Published:</b> <time datetime="2024-03-03T12:04:00Z">3 March 2024</time></p></div>'
        f"{STORY}</article>"), "2024-03-03", "byline"),
    ("an updated <time> alone in the byline, the published one further in", page(
        "", f'<article><h1>{TITLE}</h1><p class="stamp">Updated <time datetime="2024-03-05T09:30:00Z">5 March 2024'
        f'</time></p><time datetime="2024-03-03T12:04:00Z"></time>{STORY}</article>'), "2024-03-03", "page"),
    ("only the last change in metas; the article's <time>", page(
        OG_CHANGED, f'<article><h1>{TITLE}</h1><p><time datetime="2024-03-03T12:04:00Z">3 March 2024</time></p>'
        f"{STORY}</article>"), "2024-03-03", "page"),
    ("sidebar first with recent posts' dates; the date as a plain paragraph", page(
        "", f'<div class="col-main"><h1>{TITLE}</h1><p class="date">March 3, 2024</p>{STORY}</div>',
        sidebar_first=True), "2024-03-03", "htmldate"),
    ("microdata teasers listed before the article's item", microdata_page(), "2024-03-03", "page"),
    ("unmarked columns; a byline with its author after the date", columns_page(), "2024-03-03", "byline"),
    ("laid out in tables (trafilatura's precise reading finds no text)", tables_page(), "2024-03-03", "meta"),
]


@pytest.mark.parametrize(("kind", "content", "published", "source"), PAGES, ids=[row[0] for row in PAGES])
def test_a_news_page_gives_its_publication_date_and_only_its_storys_expressions(
        tmp_path: Path, kind: str, content: str, published: str, source: str) -> None:
    (document,), failures = read_documents([write(tmp_path, "page.html", content)])
    assert failures == []
    assert (str(document.published), document.published_source) == (published, source), kind
    found, events = analyse(document)
    got = {(expression.text, expression.value.value if expression.value else "") for expression in found}
    assert STORY_FOUND <= got, sorted(got)
    assert not {value for _, value in got} & NOT_THE_STORY, sorted(got)  # must not: other parts' dates
    assert not {event.when.value for event in events} & NOT_THE_STORY
