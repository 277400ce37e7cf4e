"""Synthetic saved pages for the web-page tests: one story set in the parts real news pages, blogs and forums
surround it with (menus, cookie banners, "Most read" and archive widgets, related lists, footers), each part with
dates of its own that are not the story's. Written for these tests, after no site's markup."""

from __future__ import annotations

NAV = ('<header class="site-header"><a class="logo" href="/">The Northern Courier</a><nav class="main-menu"><ul>'
       '<li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/archive/2023">2023 archive'
       '</a></li></ul></nav></header>')
COOKIES = ('<div id="cookie-banner" class="consent"><p>We use cookies to improve your experience. Our cookie policy '
           "was updated on 12 January 2024.</p><button>Accept all</button></div>")
MOST_READ = ('<div class="most-read"><h2>Most read</h2><ol><li><a href="/news/airport">Storm closes airport runway'
             '</a><span> 2 hours ago</span></li><li><a href="/news/budget">Council sets budget for 2025</a>'
             "<span> 5 hours ago</span></li></ol></div>")
ARCHIVE = ('<div class="widget archive"><h3>Archives</h3><ul><li><a href="/2024/02">February 2024</a> (9)</li>'
           '<li><a href="/2023/12">December 2023</a> (14)</li></ul></div>')
RECENT = ('<div class="recent-posts"><h3>Recent posts</h3><ul><li><a href="/a">Market reopens</a> <span '
          'class="post-date">February 28, 2024</span></li></ul></div>')
RELATED = ('<section class="more-on-this-story"><h2>More on this story</h2><ul><li><a href="/news/floods-return">'
           'Floods return to the valley</a><time datetime="2024-02-14">14 February 2024</time></li><li><a '
           'href="/news/walls">Flood walls to be inspected</a><time datetime="2023-11-20">20 November 2023</time>'
           "</li></ul></section>")
FOOTER = ('<footer class="site-footer"><ul><li><a href="/about">About us</a></li></ul><p>© 2024 The Northern '
          "Courier Ltd. Registered in England, company number 0123456.</p></footer>")
# the story, published on Sunday 3 March 2024
STORY = ("<p>Flood defences in Carlow gave way on Friday after two days of heavy rain, the county council said.</p>"
         "<p>The river peaked at 4.2 metres on Saturday morning, its highest level since 1968, and about 300 homes "
         "were evacuated.</p><p>Engineers had warned in November 2022 that the walls needed urgent repair, but the "
         'work was postponed twice.</p><p>"We will publish a full review by the end of April," a council '
         "spokesperson said.</p>")
STORY_FOUND = {("Friday", "2024-03-01"), ("Saturday morning", "2024-03-02TMO"), ("1968", "1968"),
               ("November 2022", "2022-11"), ("the end of April", "2024-04")}
# the values of the other parts' dates, and of the story's resolved against one of them
NOT_THE_STORY = {"2024-01-12", "2025", "2024-02-14", "2023-11-20", "2023-12", "2024-02", "2023", "2024-02-28",
                 "2024-03-05", "2024-02-23", "2023-11-17"}
TITLE = "Flood defences fail in Carlow"


def page(head: str, main: str, *, lang: str = "en-GB", sidebar_first: bool = False) -> str:
    """A whole page: the head's metadata, then the banner, menu, ``main`` beside a sidebar, and the footer."""
    sidebar = f'<div class="sidebar-right">{MOST_READ}{RECENT}{ARCHIVE}</div>'
    layout = f"{sidebar}{main}" if sidebar_first else f"{main}{sidebar}"
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{TITLE} - The Northern Courier'
            f'</title>{head}</head><body>{COOKIES}{NAV}<div class="layout">{layout}</div>{FOOTER}</body></html>')


def json_ld(body: str) -> str:
    return f'<script type="application/ld+json">{body}</script>'
