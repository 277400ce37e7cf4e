"""The HTML outputs opened as a reader would, in headless Chromium: the page and the fragment, for one article and
for several. Each must load with no console error and no network request, show every event in timeline order,
fit a phone, print, and switch to dark colours; screenshots go to tests/artifacts/ for review.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from browser_support import Browser, browser  # noqa: F401  (the fixture)

from chrono import build_from_documents
from chrono.model import Timeline
from chrono.read.text import parse_article
from chrono.render.filters import upper_first
from chrono.render.jinja import render
from chrono.render.labels import label

LEDGER = """date 2024-03-15

Springfield

The Daily Ledger

—

The city council approved the new transit budget on Tuesday, officials said. The plan was first proposed in \
January 2023 and revised last September. Construction will begin next month, and the first line is expected to \
open in the second quarter of 2026. Ridership fell sharply in 2020. On Wednesday a banner outside city hall read \
<img src=x onerror=alert(1)> & "<b>No cuts</b>".
"""
WIRE = """Council members met on Monday to review the transit plan. The budget was approved last Tuesday after a \
long debate. A public hearing is scheduled for April 2, 2024. <script>alert("wire")</script>
"""


def one_article() -> Timeline:
    return build_from_documents([parse_article(LEDGER, source="ledger.txt")])


def several_articles() -> Timeline:
    wire = parse_article(WIRE, published=dt.date(2024, 3, 18), source="wire.txt")
    wire = dataclasses.replace(wire, title="Transit plan clears council", url="https://wire.example/transit")
    return build_from_documents([parse_article(LEDGER, source="ledger.txt"), wire])


TIMELINES = {"one": one_article, "several": several_articles}
HOST_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Host report</title><style>body {{ font: 15px/1.4 monospace; margin: 2rem; color: #123; }}</style></head>
<body><h2 id="host-heading">Quarterly report</h2><p id="host-text">Text of the host page.</p>
<ol id="host-list"><li id="host-item">A host list item</li></ol>
{fragment}
<p id="host-after">After the timeline.</p></body></html>
"""
HOST_ELEMENTS = ["body", "#host-heading", "#host-text", "#host-list", "#host-item", "#host-after"]


def write_output(tmp_path: Path, timeline: Timeline, kind: str) -> Path:
    """The page as chrono writes it, or the fragment dropped into a host page of our own."""
    path = tmp_path / f"{kind}.html"
    if kind == "page":
        path.write_text(render(timeline, "html"), encoding="utf-8")
    else:
        path.write_text(HOST_PAGE.format(fragment=render(timeline, "html", template="fragment")), encoding="utf-8")
    return path


CASES = [(kind, articles) for kind in ("page", "fragment") for articles in TIMELINES]
IDS = [f"{kind}-{articles}" for kind, articles in CASES]


@pytest.mark.parametrize(("kind", "articles"), CASES, ids=IDS)
def test_loads_offline_with_no_error_and_every_event(browser: Browser, tmp_path: Path, kind: str,  # noqa: F811
                                                     articles: str) -> None:
    timeline = TIMELINES[articles]()
    visit = browser.visit(write_output(tmp_path, timeline, kind))
    assert visit.console_errors == [] and visit.page_errors == []
    assert visit.requests == [visit.url]  # the file itself, nothing else (the article's <img src=x> is text)
    assert visit.dialogs == []  # no article text ran as script
    shown = visit.evaluate("() => [...document.querySelectorAll('.chrono-timeline li.chrono-event time.when')]"
                           ".map(time => time.textContent.trim())")
    assert shown == [upper_first(label(event.when)) for event in timeline.events]
    assert visit.evaluate("() => document.querySelectorAll('.chrono-timeline li').length") == (
        len(timeline.events) + len(timeline.documents))  # the events, and one source line per document
    text = visit.evaluate("() => document.querySelector('.chrono-timeline').innerText")
    assert '<img src=x onerror=alert(1)> & "<b>No cuts</b>"' in text
    visit.screenshot(f"{kind}-{articles}")


@pytest.mark.parametrize(("kind", "articles"), CASES, ids=IDS)
def test_every_rail_mark_links_to_its_entry(browser: Browser, tmp_path: Path, kind: str,  # noqa: F811
                                            articles: str) -> None:
    visit = browser.visit(write_output(tmp_path, TIMELINES[articles](), kind))
    targets = visit.evaluate("() => [...document.querySelectorAll('.chrono-mark')].map(a => a.getAttribute('href'))")
    assert targets
    assert visit.evaluate("(targets) => targets.every(t => document.getElementById(t.slice(1))"
                          "?.classList.contains('chrono-event'))", targets)


def test_a_coarse_value_is_a_bar_spanning_its_interval(browser: Browser, tmp_path: Path) -> None:  # noqa: F811
    # one year's rail: "next month" (April 2024) is a bar about 30/366 of the rail; "on Tuesday" a point
    timeline = build_from_documents([parse_article(
        "date 2024-03-15\n\nThe council voted on Tuesday. Work starts next month, and the plan dates from "
        "January 2024.\n", source="year.txt")])
    visit = browser.visit(write_output(tmp_path, timeline, "page"), width=800)
    boxes = visit.evaluate("""() => {
        const rail = document.querySelector('.chrono-group .chrono-rail').getBoundingClientRect();
        return [...document.querySelectorAll('.chrono-group .chrono-mark')].map(mark => {
            const box = mark.getBoundingClientRect();
            return {bar: mark.classList.contains('bar'), left: (box.left - rail.left) / rail.width,
                    width: box.width / rail.width, title: mark.title};
        });
    }""")
    by_title = {box["title"].split(":")[0]: box for box in boxes}
    april, january, tuesday = by_title["April 2024"], by_title["January 2024"], by_title["Tuesday, 12 March 2024"]
    assert april["bar"] and january["bar"] and not tuesday["bar"]
    assert april["left"] == pytest.approx(91 / 366, abs=0.01) and april["width"] == pytest.approx(30 / 366, abs=0.01)
    assert january["left"] == pytest.approx(0, abs=0.01)
    assert january["left"] < tuesday["left"] < april["left"]


@pytest.mark.parametrize(("kind", "articles"), CASES, ids=IDS)
def test_fits_a_phone(browser: Browser, tmp_path: Path, kind: str, articles: str) -> None:  # noqa: F811
    visit = browser.visit(write_output(tmp_path, TIMELINES[articles](), kind), width=390, height=844)
    assert visit.evaluate("() => document.scrollingElement.scrollWidth") <= 390  # nothing scrolls sideways
    smallest = visit.evaluate("() => Math.min(...[...document.querySelectorAll('.chrono-event p.headline')]"
                              ".map(p => parseFloat(getComputedStyle(p).fontSize)))")
    assert smallest >= 14
    visit.screenshot(f"{kind}-{articles}-phone")


@pytest.mark.parametrize(("kind", "articles"), CASES, ids=IDS)
def test_prints_without_the_interactive_parts(browser: Browser, tmp_path: Path, kind: str,  # noqa: F811
                                              articles: str) -> None:
    visit = browser.visit(write_output(tmp_path, TIMELINES[articles](), kind), width=800, height=1100, media="print")
    hidden = visit.evaluate("() => [...document.querySelectorAll('.chrono-timeline details')]"
                            ".every(d => getComputedStyle(d).display === 'none')")
    assert hidden
    ink = visit.evaluate("() => getComputedStyle(document.querySelector('.chrono-timeline time.when')).color")
    assert ink == "rgb(0, 0, 0)"
    visit.screenshot(f"{kind}-{articles}-print")


@pytest.mark.parametrize("kind", ["page", "fragment"])
def test_dark_mode_follows_the_reader(browser: Browser, tmp_path: Path, kind: str) -> None:  # noqa: F811
    path = write_output(tmp_path, several_articles(), kind)
    script = "() => getComputedStyle(document.querySelector('.chrono-timeline')).backgroundColor"
    light = browser.visit(path, color_scheme="light").evaluate(script)
    dark = browser.visit(path, color_scheme="dark")
    assert (light, dark.evaluate(script)) == ("rgb(255, 255, 255)", "rgb(22, 24, 26)")
    dark.screenshot(f"{kind}-several-dark")


def test_the_fragment_leaves_its_host_page_alone(browser: Browser, tmp_path: Path) -> None:  # noqa: F811
    with_fragment = browser.visit(write_output(tmp_path, several_articles(), "fragment"))
    alone = tmp_path / "host.html"
    alone.write_text(HOST_PAGE.format(fragment=""), encoding="utf-8")
    without = browser.visit(alone)
    script = """(selectors) => selectors.map(selector => {
        const style = getComputedStyle(document.querySelector(selector));
        return [...style].filter(name => !['width', 'height', 'block-size', 'inline-size', 'perspective-origin',
                                           'transform-origin'].includes(name))
                         .map(name => name + ':' + style.getPropertyValue(name)).join(';');
    })"""
    assert with_fragment.evaluate(script, HOST_ELEMENTS) == without.evaluate(script, HOST_ELEMENTS)
