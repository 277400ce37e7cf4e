"""Pages of posts (live blogs, forum threads), each post under its own stamp: what a post says counts from its stamp
when the stamp is explicit, not from the day the page was published; stamp lines date no event; a page with one
dated line, a related list and readers' comments are no page of posts. Rows: (kind, text or page, published,
phrase, value); a value "" says the phrase dates no event."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest
from file_support import write
from web_page_kit import RELATED, STORY, page

from chrono.model import Document
from chrono.pipeline import analyse
from chrono.read import read_documents

HAS_HTML = all(importlib.util.find_spec(name) for name in ("trafilatura", "htmldate"))

THREAD = ("Bridge closure\n\nPosted on 1 March 2024 at 09:12\n\nThe bridge was shut yesterday without notice.\n\n"
          "Reply #1 on: March 2, 2024, 10:14:22 AM\n\nThey said on the radio this morning it will reopen next "
          "Friday.\n\nReply #2 on: March 4, 2024, 08:01:05 PM\n\nStill closed today. I walked past it on Saturday.")
LIVE = ("Storm: live updates\n\n2024-03-04T16:40:00Z\n\nServices resume tomorrow morning.\n\n2024-03-03T21:05:00Z\n\n"
        "Gusts of 90mph were recorded this evening.")
ONE_STAMP = "Bridge closure\n\nMarch 1, 2024\n\nThe bridge was shut yesterday."

# (kind, text, published, phrase, value)
TEXTS = [
    ("thread", THREAD, "2024-03-01", "yesterday", "2024-02-29"),
    ("thread", THREAD, "2024-03-01", "this morning", "2024-03-02TMO"),
    ("thread", THREAD, "2024-03-01", "next Friday", "2024-03-08"),
    ("thread", THREAD, "2024-03-01", "today", "2024-03-04"),
    ("thread", THREAD, "2024-03-01", "Saturday", "2024-03-02"),
    ("live blog, newest first", LIVE, "2024-03-03", "tomorrow morning", "2024-03-05TMO"),
    ("live blog, newest first", LIVE, "2024-03-03", "this evening", "2024-03-03TEV"),
    # must not: one dated line is a byline, not a page of posts
    ("one stamp", ONE_STAMP, "2024-03-05", "yesterday", "2024-03-04"),
    # must not: a line with other words is no stamp
    ("not a stamp", "Talks\n\nThe deal was signed on 1 March 2024 at 09:12\n\nIt was agreed yesterday.\n\n"
     "The vote came on March 4, 2024, 08:01 PM\n\nIt passed today.", "2024-03-10", "today", "2024-03-10"),
]


@pytest.mark.parametrize(("kind", "text", "published", "phrase", "expected"), TEXTS,
                         ids=[f"{row[0]}-{row[3]}" for row in TEXTS])
def test_a_post_counts_from_its_own_stamp(kind: str, text: str, published: str, phrase: str, expected: str) -> None:
    found, _events = analyse(Document(id="d", text=text, published=dt.date.fromisoformat(published)))
    values = {expression.text: expression.value.value for expression in found if expression.value}
    assert values.get(phrase) == expected, (kind, values)


@pytest.mark.parametrize("text", [THREAD, LIVE, ONE_STAMP])
def test_stamp_lines_date_no_event(text: str) -> None:
    _found, events = analyse(Document(id="d", text=text, published=dt.date(2024, 3, 1)))
    assert events
    assert not [event.phrase for event in events if event.sentence.strip() == event.phrase.strip()
                or event.sentence.startswith(("Posted on", "Reply #"))]


def live_blog() -> str:
    entries = [("2024-03-04T16:40:00Z", "16:40", "The rail operator says services will resume tomorrow morning."),
               ("2024-03-04T09:15:00Z", "09:15", "Police confirmed that the bridge, closed yesterday afternoon, has "
                                                 "reopened."),
               ("2024-03-03T21:05:00Z", "21:05", "Gusts of 90mph were recorded at the coast this evening.")]
    posts = "".join(f'<article class="live-post"><header><time datetime="{stamp}">{shown}</time></header><p>{text}'
                    '</p><div class="share-tools"><a href="#">Share</a></div></article>'
                    for stamp, shown, text in entries)
    return page('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "LiveBlogPosting", '
                '"datePublished": "2024-03-03T07:00:00Z", "dateModified": "2024-03-04T18:00:00Z"}</script>',
                f'<main><h1>Storm Isha: live updates</h1><div class="live-feed">{posts}</div>{RELATED}</main>')


def forum_thread() -> str:
    """A forum thread: each post's stamp in its author line, as the page shows it ("2 days ago" for the latest)."""
    posts = [("alice", "2023-05-03T10:14:00+00:00", "Wed May 03, 2023 10:14 am",
              "Our street lights have been off since last Tuesday. The council promised a fix within two weeks."),
             ("bob", "2023-05-04T19:30:00+00:00", "Thu May 04, 2023 7:30 pm",
              "Same here. An engineer came round yesterday but left after an hour."),
             ("carol", "2023-05-08T09:02:00+00:00", "2 days ago", "Fixed this morning! Took them five days.")]
    body = "".join(f'<div class="post" id="p{number}"><div class="postbody"><h3>Re: Street lights</h3>'
                   f'<p class="author">by <strong><a href="/u/{who}">{who}</a></strong> » <time datetime="{stamp}">'
                   f'{shown}</time></p><div class="content">{text}</div></div></div>'
                   for number, (who, stamp, shown, text) in enumerate(posts))
    return page("", f'<div id="page-body"><h2 class="topic-title">Street lights out</h2>{body}</div>')


def commented_post() -> str:
    """A blog post with readers' comments, each with its own <time>: the comments are not the post."""
    comments = "".join(f'<li class="comment"><article><footer><time datetime="{stamp}">{stamp[:10]}</time></footer><p>'
                       f"{text}</p></article></li>" for stamp, text in [
                           ("2024-03-05T10:14:00Z", "I saw the crew yesterday, they left at noon on the dot."),
                           ("2024-03-06T18:40:00Z", "Two days ago it was still fine down by the river.")])
    return page('<meta property="article:published_time" content="2024-03-03T12:04:00Z">',
                f'<article><h1>Flood defences fail in Carlow</h1>{STORY}</article><ol class="comment-list">{comments}'
                "</ol>")


def written_stamps_thread() -> str:
    """A thread whose stamps are only written ("« Reply #1 on: March 2, 2024, 10:14:22 AM »"), with the posters'
    names and post counts beside the posts."""
    posts = [("alice", "on: March 1, 2024, 09:12:40 AM", "The bridge was shut yesterday without any notice at all."),
             ("bob", "Reply #1 on: March 2, 2024, 10:14:22 AM", "They said on the radio this morning it will reopen "
                                                                 "next Friday."),
             ("carol", "Reply #2 on: March 4, 2024, 08:01:05 PM", "Still closed today. I walked past it on Saturday.")]
    body = "".join(f'<div class="post_wrapper"><div class="poster"><h4>{who}</h4><ul><li>Posts: 120</li></ul>'
                   f'</div><div class="postarea"><h5>Re: Bridge closure</h5><div class="smalltext">« <strong>{stamp}'
                   f'</strong> »</div><div class="inner">{text}</div></div></div>' for who, stamp, text in posts)
    return page("", f'<div id="forumposts"><h2>Topic: Bridge closure (Read 214 times)</h2>{body}</div>')


def author_line_thread() -> str:
    """A thread whose written stamps follow the poster's name ("Post by alice » Wed May 03, 2023 10:14 am")."""
    posts = [("alice", "Wed May 03, 2023 10:14 am", "Our street lights have been off since last Tuesday."),
             ("bob", "Thu May 04, 2023 7:30 pm", "Same here. An engineer came round yesterday but left after an hour.")]
    body = "".join(f'<div class="post"><div class="postbody"><h3>Re: Street lights</h3><p class="author">Post by '
                   f'<strong>{who}</strong> » {stamp}</p><div class="content">{text}</div></div></div>'
                   for who, stamp, text in posts)
    return page("", f'<div id="page-body"><h2>Street lights out</h2>{body}</div>')


def dated_list_in_article() -> str:
    """An article holding a dated list (a timeline of the story) between its paragraphs: no page of posts."""
    items = "".join(f"<li><b>{day}</b> - {text}</li>" for day, text in [
        ("1 March 2024", "Flood defences give way after two days of rain in the county."),
        ("2 March 2024", "The river peaks and about 300 homes are evacuated by the council.")])
    return page('<meta property="article:published_time" content="2024-03-03T12:04:00Z">',
                f"<article><h1>Flood defences fail in Carlow</h1>{STORY}<h2>Timeline</h2><ul>{items}</ul>"
                f"{STORY.replace('Carlow', 'Kilkenny')}</article>")


def article_with_replies() -> str:
    """An article with long readers' replies under it, in a block whose class marks no comments."""
    reply = ("I live by the river and I can tell you the water was already over the path yesterday evening, long "
             "before anyone from the council came down to look at the walls or warn the people in the flats.")
    replies = "".join(f'<div class="response"><p class="who">Reader {number} <time datetime="2024-03-0{number + 4}T10:'
                      f'00:00Z">{number + 4} March 2024</time></p><p>{reply}</p><p>{reply}</p><p>{reply}</p>'
                      f'<p>{reply}</p></div>'
                      for number in range(3))
    return page('<meta property="article:published_time" content="2024-03-03T12:04:00Z">',
                f'<article><h1>Flood defences fail in Carlow</h1>{STORY}</article><div class="responses">{replies}'
                "</div>")


# (kind, page, published, [(phrase, value)] among the expressions, values no expression may have)
PAGES = [
    ("live blog", live_blog(), "2024-03-03", [("tomorrow morning", "2024-03-05TMO"), ("yesterday afternoon",
                                                                                     "2024-03-03TAF"),
                                              ("this evening", "2024-03-03TEV")],
     {"2024-03-04TMO", "2024-03-02TAF", "2024-02-14", "2023-11-20"}),
    ("forum thread", forum_thread(), "2023-05-03", [("last Tuesday", "2023-05-02"), ("yesterday", "2023-05-03"),
                                            ("this morning", "2023-05-08TMO")], set()),
    ("written stamps", written_stamps_thread(), "2024-03-01", [("yesterday", "2024-02-29"), ("today", "2024-03-04"),
                                                               ("this morning", "2024-03-02TMO"),
                                                               ("Saturday", "2024-03-02")], set()),
    ("written stamps after the poster's name", author_line_thread(), "2023-05-03", [("last Tuesday", "2023-05-02"),
                                                                             ("yesterday", "2023-05-03")], set()),
    # must not: the article is the page, not the replies under it
    ("an article with long replies", article_with_replies(), "2024-03-03", [("Friday", "2024-03-01")], set()),
    # must not: the article's text is kept whole, its list's days are no posts' stamps
    ("a dated list in an article", dated_list_in_article(), "2024-03-03", [("Friday", "2024-03-01"),
                                                                           ("Saturday morning", "2024-03-02TMO")],
     {"2024-02-29"}),
    ("comments are no posts", commented_post(), "2024-03-03", [("Friday", "2024-03-01")],
     {"2024-03-04", "2024-03-06", "2024-03-05"}),
]


@pytest.mark.skipif(not HAS_HTML, reason="the html extra (trafilatura, htmldate) is not installed")
@pytest.mark.parametrize(("kind", "content", "published", "expected", "never"), PAGES, ids=[row[0] for row in PAGES])
def test_a_page_of_posts_keeps_each_posts_stamp(tmp_path: Path, kind: str, content: str, published: str | None,
                                                expected: list[tuple[str, str]], never: set[str]) -> None:
    (document,), failures = read_documents([write(tmp_path, "page.html", content)])
    assert failures == []
    if published is not None:
        assert str(document.published) == published
    found, events = analyse(document)
    got = {(expression.text, expression.value.value if expression.value else "") for expression in found}
    assert set(expected) <= got, (kind, sorted(got))
    assert not {value for _, value in got} & never, (kind, sorted(got))
    assert "Share" not in document.text
    if kind == "a dated list in an article":
        assert document.text.count("Flood defences in") == 2
    if kind == "an article with long replies":
        assert "Flood defences in Carlow gave way" in document.text
