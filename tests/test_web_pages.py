"""Whole saved pages as real sites mark them up: the date a reader would give the page (and where it came from),
the story's expressions, and none of the dates of menus, teasers, comments and footers."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from file_support import write

from chrono.pipeline import analyse
from chrono.read import read_documents

HAS_HTML = all(importlib.util.find_spec(name) for name in ("trafilatura", "htmldate"))
pytestmark = pytest.mark.skipif(not HAS_HTML, reason="the html extra (trafilatura, htmldate) is not installed")

STORY = ("<p>The city council voted on Monday to close the old bridge to traffic, after engineers found cracks in two "
         "of its supports last month. Work on a replacement will begin next spring, the mayor said.</p><p>Residents "
         "have complained for years about the bridge, which was built in 1932. Yesterday at 14:05 the council "
         "confirmed that a ferry will run from next week.</p>")
STORY_FOUND = {("Monday", "2015-04-06"), ("last month", "2015-03"), ("1932", "1932"), ("Yesterday", "2015-04-11"),
               ("14:05", "2015-04-11T14:05"), ("next week", "2015-W16")}
NAV = ('<header><nav><a href="/">Home</a> <a href="/archive/2014">Archive 2014</a></nav></header>'
       '<div class="cookie-notice">We use cookies. Policy updated 1 January 2015. <button>OK</button></div>')
RELATED = ('<section class="related-posts"><h3>Related</h3><ul><li><a href="/2013/06/02/floods">Floods close roads'
           '</a> <span class="date">June 2, 2013</span></li></ul></section>')
COMMENTS = ('<div id="comments" class="comments-area"><ol class="comment-list"><li class="comment"><article '
            'class="comment-body"><footer class="comment-meta"><time datetime="2015-05-02T09:12">May 2, 2015 at '
            "9:12 am</time></footer><p>I reported the cracks on 3 January 2014 and nobody listened.</p></article>"
            "</li></ol></div>")
FOOTER = "<footer><p>&copy; 2009-2016 Riverton Gazette. Office hours Mon-Fri 9am-5pm.</p></footer>"
NOT_THE_STORY = {"2014", "2015-01-01", "2013-06-02", "2015-05-02", "2014-01-03", "2009", "2016"}


def page(head: str, body: str, declaration: str = '<meta charset="utf-8">') -> str:
    return (f'<!DOCTYPE html><html lang="en-US"><head>{declaration}<title>Bridge closed | Riverton Gazette</title>'
            f"{head}</head><body>{NAV}{body}{RELATED}{COMMENTS}{FOOTER}</body></html>")


# (page, publication date, where it came from)
PAGES = [
    # WordPress: the post's date in its permalink, beside the "updated" one
    (page("", '<article class="post hentry"><h1>Bridge closed</h1><div class="entry-meta"><a href="/2015/04/12/'
          'bridge" rel="bookmark"><time class="entry-date published" datetime="2015-04-12T08:30:00+00:00">April 12, '
          '2015</time><time class="updated" datetime="2015-06-01T10:00:00+00:00">June 1, 2015</time></a></div>'
          f'<div class="entry-content">{STORY}</div></article>'), "2015-04-12", "page"),
    # Drupal 7's RDFa field, whose written 04/12/2015 htmldate read as 4 December
    (page('<meta name="generator" content="Drupal 7">', '<div class="node"><h1>Bridge closed</h1><span property="dc:'
          'date dc:created" content="2015-04-12T08:30:00+01:00">Submitted by admin on Sun, 04/12/2015 - 08:30</span>'
          f"{STORY}</div>"), "2015-04-12", "page"),
    # a news CMS: JSON-LD NewsArticle with a later dateModified, "Updated" in the byline
    (page('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
          '"datePublished": "2015-04-12T08:30:00Z", "dateModified": "2015-06-01T10:00:00Z"}</script>',
          '<main><article><h1>Bridge closed</h1><p class="byline">By Ed Smith | Updated <time datetime="2015-06-01">'
          f"June 1, 2015</time></p>{STORY}</article></main>"), "2015-04-12", "JSON-LD"),
    # Open Graph, the modified time first
    (page('<meta property="article:modified_time" content="2015-06-01T10:00:00Z"><meta property="article:'
          'published_time" content="2015-04-12T08:30:00Z">', f"<article><h1>Bridge closed</h1>{STORY}</article>"),
     "2015-04-12", "meta"),
    # the only date is in the page's address
    (page('<meta property="og:url" content="https://riverton.example/2015/04/12/bridge-closed/">',
          f"<article><h1>Bridge closed</h1>{STORY}</article>"), "2015-04-12", "url"),
    # a windows-1252 page, as an older site serves it
    (page('<meta name="date" content="2015-04-12">', f"<article><h1>Bridge closed \u2013 caf\u00e9s shut</h1>{STORY}"
          "</article>", declaration='<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'),
     "2015-04-12", "meta"),
]


@pytest.mark.parametrize(("content", "published", "source"), PAGES)
def test_a_saved_page_gives_its_own_date_and_only_its_storys_expressions(tmp_path: Path, content: str,
                                                                         published: str, source: str) -> None:
    encoding = "cp1252" if "iso-8859-1" in content else "utf-8"
    (document,), failures = read_documents([write(tmp_path, "page.html", content.encode(encoding))])
    assert failures == []
    assert (str(document.published), document.published_source) == (published, source)
    found, _events = analyse(document)
    got = {(expression.text, expression.value.value if expression.value else "") for expression in found}
    assert STORY_FOUND <= got, sorted(got)
    assert not {value for _, value in got} & NOT_THE_STORY, sorted(got)
