"""Saved HTML pages: the main text through trafilatura (without paragraphs that only link to other stories), the
publication date from the page's own metadata.

trafilatura and htmldate come with the optional extra `chrono-timelines[html]`. The page is parsed once (lxml,
through trafilatura's loader) after a linear scan has checked it stays within the element and attribute limits;
text, title, outlet and date are all read from that one tree. The Document's text is the extracted main text
(offsets index it, not the HTML); the page's title, when trafilatura puts it on the first line, stays in the
text but outside the body.

The publication date is the page's own word first, in this order: JSON-LD `datePublished` (of the article, not
of a teaser), `<meta property="article:published_time">` and its kin, the page's own date field (an element
named datePublished in microdata or RDFa, a `<time pubdate>`, the entry's date by its class, or the first
`<time datetime>` of the article outside links and asides), the date a byline gives after a publication label
("Published 12:04 GMT, 3 March 2024"; before that first `<time>`, which may be an "Updated" one), the day the
page's address names, a page of posts' earliest stamp; only then what htmldate finds in the page without its
asides, menus, footers, comments, widgets and "Updated ..." lines ([web_page] of segment.toml names them). A page
of posts (a thread, a live blog) is read post by post, each under its stamp (thread_posts).
`Document.published_source` says which one gave it; a page with none of these is dated by the dateline opening its
text, if any (chrono/read/published.py). The page's locale (`og:locale`, else `<html lang>`) sets the day/month order
of its numeric dates. A page not in UTF-8 was decoded in the encoding it declares (chrono.read.inputs).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from copy import deepcopy
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from chrono.errors import ChronoInputError
from chrono.lang import Language
from chrono.lang.sections import WebPageWords
from chrono.model import Document, Span
from chrono.read.common import Origin, Record, metadata_date
from chrono.read.inputs import too_long
from chrono.read.published import path_date
from chrono.read.registry import reader

INSTALL_HINT = "reading HTML pages needs the html extra: pip install 'chrono-timelines[html]'"
NO_DATE_HINT = "found no publication date in the HTML page; pass --published YYYY-MM-DD"
MAX_ELEMENTS = 500_000  # a news page has a few thousand; lxml and trafilatura stay fast far beyond that
MAX_ATTRIBUTES = 1_000  # per element: real pages use a few dozen; lxml slows down badly on huge counts
MAX_JSON_LD = 1_000_000  # characters of one JSON-LD script read for a date
MAX_DEPTH = 256  # libxml2's HTML parser keeps no element deeper than this
MAX_DATE_WORDS = 8  # words of a byline read for its date ("Sunday 3 March 2024 12.04 GMT")
MAX_STAMP = 80  # characters of an element read as a post's written stamp
_YEAR = re.compile(r"(?<!\d)(?:1[89]|2[01])\d\d(?!\d)")  # a written stamp's year
_STAMP_PARTS = re.compile(r"[«»|•·]")  # what parts a post's header line: its author, its stamp
_STAMP_EDGES = " «»[]()|:,-–—"  # marks around a written stamp and its labels ("« on: March 2, 2024 »")
POSTS_SHARE = 0.8  # of the main text trafilatura finds, at least, that a page of posts holds
POSTS_COVER = 0.5  # of that text, at least, that is paragraphs of the posts
MIN_POST = 20  # characters of a post's own words beside its stamp and links
PARAGRAPH = "\n\n"  # between the blocks of a page's text
_BLOCKS = frozenset(("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "blockquote", "header",
                     "footer", "section", "article", "table", "tr", "td", "th", "dd", "dt", "dl", "pre", "figure",
                     "figcaption", "aside", "nav", "main", "form"))
_NO_TEXT = frozenset(("script", "style", "noscript", "template", "button", "svg"))
_ISO_DAY_START = re.compile(r"\s*\d{4}-\d{2}-\d{2}")  # a <time datetime> naming a day (and maybe its time)
MAX_LABEL = 20  # characters beside the link of a paragraph that only points elsewhere ("Read more:", "See also")

# Linear scan: a start tag runs to the next '>' and never past the next '<' (so an unclosed '<' costs nothing)
_START_TAG = re.compile(r"<[A-Za-z][^<>]*")
# Markup for text_bound: each alternative runs to its close or to the end of the page, so the scan is linear
_MARKUP = re.compile(r"<!--.*?(?:-->|\Z)|<(script|style)\b.*?(?:</\1\s*>|\Z)|<[^<>]*>?", re.IGNORECASE | re.DOTALL)
_ATTRIBUTE = re.compile(r"""[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]*))?""")
# meta names and properties that state when the article itself was published (lower case)
_META_DATES = ("article:published_time", "og:published_time", "og:article:published_time", "datepublished",
               "publishdate", "publish-date", "publish_date", "pubdate", "date", "dc.date.issued", "dcterms.issued",
               "dc.date", "sailthru.date", "parsely-pub-date")
_ARTICLE_TYPES = ("article", "newsarticle", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                  "opinionnewsarticle", "report", "liveblogposting")  # a WebPage's date: only a fallback
_NOT_THE_PAGE = ("a", "aside", "nav", "footer")  # where teasers and related links live
# itemprop (microdata) and property (RDFa: Drupal's "dc:date dc:created") names of an element holding the date
_FIELD_NAMES = frozenset(("datepublished", "schema:datepublished", "dc:date", "dc:created", "dcterms:created",
                          "dcterms:issued", "dc:issued", "article:published_time"))
# class names of an entry's own date (hAtom, microformats2, WordPress); an element also marked "updated" is not it
_ENTRY_DATE_CLASSES = frozenset(("published", "entry-date", "dt-published"))
_ENTRY_CLASSES = frozenset(("hentry", "h-entry"))  # an entry without an <article> element (Blogger)
# What htmldate is not shown: teasers, menus, footers and readers' comments, each with dates of their own
_NOT_THE_ARTICLE = ("aside", "nav", "footer")
MAX_BYLINE = 200  # characters of an element read as a byline ("By Jo Reid | Published 12:04 GMT, 3 March 2024")


def _sniff(text: str) -> bool:
    head = text.lstrip()[:512]
    lowered = head.lower()
    return head.startswith("<") and any(tag in lowered for tag in ("<!doctype html", "<html", "<head", "<body"))


def check_limits(html: str, name: str) -> None:
    """ChronoInputError when the page has more elements, or an element more attributes, than chrono parses."""
    elements = 0
    for match in _START_TAG.finditer(html):
        elements += 1
        if elements > MAX_ELEMENTS:
            raise ChronoInputError(f"{name}: the HTML page has more than {MAX_ELEMENTS:,} elements")
        tag = match.group()
        if tag.count("=") + tag.count(" ") > MAX_ATTRIBUTES:  # cheap bound first; exact count only when near
            attributes = sum(1 for _ in _ATTRIBUTE.finditer(tag, 1)) - 1  # the first token is the tag name
            if attributes > MAX_ATTRIBUTES:
                raise ChronoInputError(f"{name}: an HTML element has {attributes:,} attributes, more than "
                                       f"the {MAX_ATTRIBUTES:,} chrono reads")


def text_bound(html: str) -> int:
    """About how much text a page can give: its characters outside tags, comments, scripts and styles."""
    return len(_MARKUP.sub("", html))


@reader(".html", ".htm", sniff=_sniff)
def read_html(html: str, origin: Origin) -> Iterator[Record]:
    """An HTML page -> one Document, undated when the page gives no date."""
    name = origin.name
    trafilatura, htmldate, load_html = _libraries(name)
    check_limits(html, name)
    refusal = too_long(text_bound(html), name, origin.max_chars, what="the page holds text of about")
    if refusal is not None:  # parsing a 45 MB page took 100 s and 1.3 GB before its text could be refused
        raise ChronoInputError(refusal)
    tree = load_html(html)
    if tree is None:
        raise ChronoInputError(f"{name}: found no article text in the HTML page")
    metadata = trafilatura.extract_metadata(tree)
    title = getattr(metadata, "title", None) or None
    date: dt.date | None = None
    source: str | None = None
    hint = NO_DATE_HINT
    posts = thread_posts(tree, name)
    try:
        date, source = page_date(tree, htmldate, name, posts)  # before teasers go: a byline's date is in a permalink
    except ChronoInputError as exc:
        hint = str(exc)
    locale = page_locale(tree)
    posted = posts_text(posts, title) if posts else ""
    drop_link_paragraphs(tree)
    text = trafilatura.extract(tree, include_comments=False, include_tables=False, favor_precision=True) or \
        trafilatura.extract(tree, include_comments=False, include_tables=False)  # a page laid out in tables
    text = PARAGRAPH.join(line for line in (text or "").split("\n") if line.strip())  # a block is a paragraph
    if posts and _holds(posted, text):  # trafilatura keeps a thread's first post, or a live blog's posts without
        text = posted  # their stamps; a dated list inside an article, readers' replies under it are no page of posts
    if not text or not text.strip():
        if _depth(tree) >= MAX_DEPTH:  # the parser dropped what lies deeper: say so, not "no text"
            raise ChronoInputError(f"{name}: the HTML page nests elements deeper than the {MAX_DEPTH} levels its "
                                   "parser reads (unclosed tags?), and found no article text above them")
        raise ChronoInputError(f"{name}: found no article text in the HTML page")
    first_line = text.split("\n", 1)[0]
    body = Span(len(first_line) + len(PARAGRAPH), len(text)) if title and first_line.strip() == title.strip() \
        and PARAGRAPH in text else None
    yield Record(name, Document(
        id=origin.document_id,
        text=text,
        published=date,
        source=origin.source,
        outlet=getattr(metadata, "sitename", None) or None,
        title=title,
        url=getattr(metadata, "url", None) or None,
        body=body,
        published_source=source,
        locale=locale,
    ), date_hint=hint)


def _holds(posted: str, text: str) -> bool:
    """Whether the posts are the page's main text: as long as POSTS_SHARE of what trafilatura finds, and holding
    most of its paragraphs (an article with long replies under it is the article)."""
    if len(posted) < len(text) * POSTS_SHARE:
        return False
    paragraphs = [" ".join(paragraph.split()) for paragraph in text.split(PARAGRAPH)]
    ours = set(posted.split(PARAGRAPH))
    return sum(len(paragraph) for paragraph in paragraphs if paragraph in ours) >= POSTS_COVER * len(text)


def thread_posts(tree: Any, name: str = "") -> list[tuple[str, Any, Any]]:
    """The posts of a thread, a live blog or a page of entries: (stamp, the stamp's element, the post) for each of
    two or more sibling elements that each hold one stamp and words of their own beside it and their links (a
    related list's items hold only links). A stamp is a <time datetime> naming a day (its value is the stamp), else
    a short element whose text is a written date with its year and only stamp labels ("Reply #1 on: March 2, 2024,
    10:14:22 AM", as the page shows it). Comments, teasers, menus and footers are no posts."""
    times = [(str(time.get("datetime")).strip(), time) for time in tree.iter("time")
             if _ISO_DAY_START.match(time.get("datetime") or "") and not _in_teaser(time, links=False)]
    posts = _posts(times) or _posts(_text_stamps(tree, name))
    entry = _first_entry(tree)
    if posts and entry is not None and not any(post is entry or _within(entry, post) or _within(post, entry)
                                               for _, _, post in posts):
        return []  # the page's article stands apart from them: replies under it, teasers beside it
    return posts


def _within(inner: Any, outer: Any) -> bool:
    return any(ancestor is outer for ancestor in inner.iterancestors())


def _posts(stamps: list[tuple[str, Any]]) -> list[tuple[str, Any, Any]]:
    held: dict[Any, int] = {}  # how many stamps each element holds
    for _, element in stamps:
        for ancestor in element.iterancestors():
            held[ancestor] = held.get(ancestor, 0) + 1
    groups: dict[tuple[Any, str, str], list[tuple[str, Any, Any]]] = {}  # posts look alike: by parent, tag, class
    for stamp, element in stamps:
        post = element
        while (parent := post.getparent()) is not None and held.get(parent) == 1:
            post = parent  # the largest element holding this stamp alone
        if post is not element and len(_own_words(post, _stamp_block(element, post))) >= MIN_POST:
            groups.setdefault((post.getparent(), post.tag, post.get("class") or ""), []).append((stamp, element, post))
    posts = max(groups.values(), key=len, default=[])
    return posts if len(posts) >= 2 else []


def _text_stamps(tree: Any, name: str) -> list[tuple[str, Any]]:
    """The short elements outside teasers whose text is a post's written stamp: (that text, the element)."""
    words = _words()
    labels = {word for label in (*words.stamp_labels, *words.stamp_joiners) for word in label.split()}
    found = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        own = " ".join([element.text or "", *(child.tail or "" for child in element)])
        if not _YEAR.search(own):  # its own words write a year: few elements, so only their whole text is read
            continue
        text = _short_text(element, MAX_STAMP)
        if text is None or _in_teaser(element, links=False):
            continue
        for part in _STAMP_PARTS.split(text):  # "Post by alice » Wed May 03, 2023 10:14 am": the part after »
            tokens = part.strip(_STAMP_EDGES).split()
            while tokens and (tokens[0].lower().strip(_STAMP_EDGES) in labels or not tokens[0].strip(_STAMP_EDGES)
                              or tokens[0].startswith("#")):
                tokens.pop(0)  # "Reply", "#1", "on:"
            if tokens and _date_opening(" ".join(tokens), name, whole=True) is not None:
                found.append((part.strip(_STAMP_EDGES), element))
                break
    return found


def posts_text(posts: list[tuple[str, Any, Any]], title: str | None) -> str:
    """The page's title, then each post's stamp on a line of its own (its machine-readable value: what the page shows
    may be "2 days ago") and the post's blocks, one paragraph each: a post's words count from its own stamp
    (chrono/resolve/line_stamps.py)."""
    paragraphs = [title] if title else []
    for stamp, time, post in posts:
        paragraphs.append(stamp)
        lines: list[str] = []
        current = [""]
        _blocks(post, _stamp_block(time, post), lines, current)
        lines.append(current[0])
        paragraphs.extend(line for line in (" ".join(line.split()) for line in lines) if line)
    return PARAGRAPH.join(paragraphs)


def _stamp_block(time: Any, post: Any) -> Any:
    """The block that holds a post's stamp ("Post by alice » <time>"): left out of the post's words."""
    block = time
    if time.tag in _BLOCKS:  # a written stamp's own paragraph
        return block
    for ancestor in time.iterancestors():
        if ancestor is post:
            break
        if ancestor.tag in _BLOCKS:
            return ancestor
    return block


def _own_words(post: Any, skip: Any) -> str:
    """A post's words outside its links and its stamp's block."""
    lines: list[str] = []
    current = [""]
    _blocks(post, skip, lines, current, links=False)
    return " ".join(" ".join([*lines, current[0]]).split())


def _blocks(element: Any, skip: Any, lines: list[str], current: list[str], *, links: bool = True) -> None:
    """Append the text of ``element`` to ``lines``, a line per block, leaving out ``skip``, scripts, styles and
    marked asides (share bars); ``current`` holds the line being written."""
    if element is skip or not isinstance(element.tag, str) or element.tag in _NO_TEXT or (
            not links and element.tag == "a") or _marked_aside(element):
        return
    block = element.tag in _BLOCKS
    if block:
        lines.append(current[0])
        current[0] = ""
    current[0] += element.text or ""
    for child in element:
        _blocks(child, skip, lines, current, links=links)
        current[0] += child.tail or ""
    if block:
        lines.append(current[0])
        current[0] = ""


def drop_link_paragraphs(tree: Any) -> None:
    """Remove the paragraphs that are a link and at most a short label ("Read more: <a>Council approved repairs
    in 2012</a>"): teasers for other articles set in the body, whose dates are not this story's events."""
    doomed = []
    for paragraph in tree.iter("p"):
        links = [link for link in paragraph.iter("a") if link.get("href")]
        if not links:
            continue
        linked = sum(len(" ".join(link.text_content().split())) for link in links)
        whole = " ".join(paragraph.text_content().split())
        if linked and len(whole) - linked <= MAX_LABEL and not _label_has_digit(paragraph, links):
            doomed.append(paragraph)
    for paragraph in doomed:
        paragraph.drop_tree()  # its tail (text after it) stays


def _label_has_digit(paragraph: Any, links: list[Any]) -> bool:
    """Whether the words beside the links hold a digit: "Update, 3 March: <a>...</a>" is the story's own."""
    outside = str(paragraph.text_content())
    for link in links:
        outside = outside.replace(link.text_content(), "", 1)
    return any(char.isdigit() for char in outside)


def _depth(tree: Any) -> int:
    """How deep the parsed page nests its elements (one pass: each element's depth is its parent's plus one)."""
    depths: dict[Any, int] = {}
    deepest = 0
    for element in tree.iter():
        parent = element.getparent()
        depths[element] = depth = depths.get(parent, 0) + 1 if parent is not None else 1
        deepest = max(deepest, depth)
    return deepest


def page_locale(tree: Any) -> str | None:
    """The locale the page says it is written in: `<meta property="og:locale">`, else `<html lang>` ("en-GB")."""
    for path in ("//meta[@property='og:locale']/@content", "//html/@lang"):
        found = next((str(value).strip() for value in tree.xpath(path) if str(value).strip()), None)
        if found:
            return found
    return None


def page_date(tree: Any, htmldate: Any, name: str,
              posts: list[tuple[str, Any, Any]] | None = None) -> tuple[dt.date | None, str | None]:
    """(date, where it came from) in the page's own order of authority; (None, None) when no source has one."""
    for source, found in (("JSON-LD", _json_ld_date(tree)), ("meta", _meta_date(tree)), ("page", _own_field(tree))):
        if found:
            try:
                return metadata_date(found, f"{name}: {source} date"), source
            except ChronoInputError:
                continue  # an unreadable value in one place: the next source may hold a good one
    day = _byline_date(tree, name)
    if day is not None:
        return day, "byline"
    found = _article_time(tree)
    if found:
        try:
            return metadata_date(found, f"{name}: page date"), "page"
        except ChronoInputError:
            pass
    day = _url_date(tree)
    if day is not None:
        return day, "url"
    days = [day for day in (_stamp_day(stamp, name) for stamp, _, _ in posts or ()) if day is not None]
    if days:  # a thread or a live blog is dated by its first post
        return min(days), "post"
    # No extensive search: a date guessed from the body text would silently shift every resolved value. Nor
    # teasers, menus and comments: their dates are other pages' (htmldate took a related article's).
    found = htmldate.find_date(_article_only(tree), original_date=True, extensive_search=False,
                               outputformat="%Y-%m-%d")
    if not found:
        return None, None
    return metadata_date(found, name), "htmldate"


def _short_text(element: Any, limit: int) -> str | None:
    """The element's text with its spaces collapsed, or None when it is longer than ``limit`` characters (read no
    further than that: the element may hold the whole page)."""
    parts, size = [], 0
    for piece in element.itertext():
        size += len(piece)
        if size > 2 * limit:  # spaces collapse: a margin before the exact count
            return None
        parts.append(piece)
    text = " ".join("".join(parts).split())
    return text if len(text) <= limit else None


def _stamp_day(stamp: str, name: str) -> dt.date | None:
    """The day a post's stamp names, or None when it is no date."""
    try:
        return metadata_date(stamp, f"{name}: post date")
    except ChronoInputError:
        return None


def _url_date(tree: Any) -> dt.date | None:
    """The day the page's own address names (`/2015/04/12/slug`, `/2015-04-12-slug`): canonical link, og:url."""
    for path in ("//link[@rel='canonical']/@href", "//meta[@property='og:url']/@content"):
        for value in tree.xpath(path):
            day = path_date(urlsplit(str(value).strip()).path)
            if day is not None:
                return day
    return None


def _article_only(tree: Any) -> Any:
    """A copy of the page without asides, menus, footers, elements whose id or class marks comments, related
    articles or sidebars, and metas of its last change; never the article itself or what holds it."""
    copy = deepcopy(tree)
    entry = _first_entry(copy)
    keep = [entry, *entry.iterancestors()] if entry is not None else []  # held: lxml's proxies compare by identity
    doomed = [element for element in copy.iter() if isinstance(element.tag, str) and element not in keep
              and (element.tag in _NOT_THE_ARTICLE or _marked_aside(element) or _modified_meta(element)
                   or _changed_label(element))]
    for element in doomed:
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)
    return copy


def _json_ld_date(tree: Any) -> str | None:
    """`datePublished` of the page's article in its JSON-LD (an object, a list, or an @graph)."""
    fallback = None
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        if len(script.text) > MAX_JSON_LD:
            continue
        try:
            data = json.loads(script.text)
        except (ValueError, RecursionError):
            continue
        for item in _json_ld_items(data):
            value = item.get("datePublished")
            if not isinstance(value, str) or not value.strip():
                continue
            kinds = item.get("@type")
            kinds = [kinds] if isinstance(kinds, str) else kinds if isinstance(kinds, list) else []
            if any(isinstance(kind, str) and kind.lower() in _ARTICLE_TYPES for kind in kinds):
                return value
            fallback = fallback or value
    return fallback


def _json_ld_items(data: Any) -> Iterator[dict[str, Any]]:
    """The top-level objects of a JSON-LD block, those of its @graph, and the page's mainEntity (the article a
    WebPage is about); teasers nest deeper (an ItemList's elements) and are not followed."""
    items = data if isinstance(data, list) else [data]
    for item in items:
        if isinstance(item, dict):
            graph = item.get("@graph")
            for node in [item, *(graph if isinstance(graph, list) else [])]:
                if isinstance(node, dict):
                    yield node
                    if isinstance(node.get("mainEntity"), dict):
                        yield node["mainEntity"]


def _meta_date(tree: Any) -> str | None:
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key == (meta.get("itemprop") or "").strip().lower() and _item(meta) is not None:
            continue  # an item's own field (microdata), maybe a teaser's: read with the page's fields
        content = (meta.get("content") or "").strip()
        if key in _META_DATES and content and key not in found:
            found[key] = content
    return next((found[key] for key in _META_DATES if key in found), None)


def _own_field(tree: Any) -> str | None:
    """The page's own date field: an element named datePublished (microdata, RDFa) or a <time pubdate>, else
    the entry's date by its class (hAtom, WordPress), else the article's first <time>."""
    fields = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag == "meta" and _item(element) is None:
            continue
        names = f"{element.get('itemprop') or ''} {element.get('property') or ''}".lower().split()
        if (any(name in _FIELD_NAMES for name in names) or (element.tag == "time" and element.get("pubdate")
                                                           is not None)) and not _in_teaser(element):
            value = element.get("datetime") or element.get("content") or (element.text or "").strip()
            if value:
                fields.append((element, str(value)))
    if fields:  # a microdata field of the page's article, not of a teaser listed before it: the largest item's
        sizes = {id(element): _item_size(element) for element, _ in fields}
        return max(fields, key=lambda field: sizes[id(field[0])])[1]  # the first among equals
    entry = _first_entry(tree)
    if entry is not None:
        for element in entry.iter():
            classes = set((element.get("class") or "").lower().split()) if isinstance(element.tag, str) else set()
            if classes & _ENTRY_DATE_CLASSES and "updated" not in classes and not _in_teaser(element, entry,
                                                                                            links=False):
                value = element.get("datetime") or element.get("title") or element.get("content")
                if value:
                    return str(value)
    return None


def _article_time(tree: Any) -> str | None:
    """The first <time datetime> of the page's first article (or main), outside teasers and "Updated" lines."""
    for container in ("article", "main"):
        for holder in tree.iter(container):
            for time in holder.iter("time"):
                if time.get("datetime") and not _in_teaser(time, holder) and not any(
                        _changed_label(element) for element in (time, *time.iterancestors()) if element is not holder):
                    return str(time.get("datetime"))
            break  # only the first article: the others on the page are teasers
    return None


def _byline_date(tree: Any, name: str) -> dt.date | None:
    """The day a byline states after a publication label ("Published 12:04 GMT, 3 March 2024", "First published:
    3 March 2024"; [header] date keys) up to the next part or changed label, in the page's first entry (else
    anywhere) outside teasers, menus and asides."""
    label, cut = _byline_patterns(Language.load())
    holder = _first_entry(tree)
    for element in (holder if holder is not None else tree).iter():
        if not isinstance(element.tag, str):
            continue
        own = " ".join([element.text or "", *(child.tail or "" for child in element)])  # its words, not its children's
        if not label.search(own):  # few elements hold a label themselves: only their whole text is read
            continue
        if not label.sub("", own).strip(" :") and element.getparent() is not None:
            element = element.getparent()  # the label alone: its date follows in the parent ("<b>Posted:</b> 3 May")
        text = _short_text(element, MAX_BYLINE)
        if text is None or _in_teaser(element) or _marked_aside(element):
            continue
        for found in label.finditer(text):
            day = _date_opening(cut.split(text[found.end():], 1)[0].strip(" :,"), name)
            if day is not None:
                return day
    return None


def _date_opening(text: str, name: str, *, whole: bool = False) -> dt.date | None:
    """The date the longest run of ``text``'s first words writes ("March 3, 2024 by Jo Reid" -> 3 March 2024);
    with ``whole``, only when ``text`` is all date."""
    words = text.split()[:MAX_DATE_WORDS]
    if whole:
        return _stamp_day(text, name) if len(text.split()) <= MAX_DATE_WORDS else None
    for count in range(len(words), 0, -1):
        if any(char.isdigit() for char in words[count - 1]):  # a written date ends in its year or its time
            try:
                return metadata_date(" ".join(words[:count]).rstrip(",;"), f"{name}: byline date")
            except ChronoInputError:
                continue
    return None


@cache
def _byline_patterns(language: Language) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a publication label as a whole word, what ends its date: a byline separator or a changed label)."""
    def words(labels: tuple[str, ...]) -> str:
        return "|".join(r"\s+".join(map(re.escape, label.split())) for label in sorted(labels, key=len, reverse=True))
    label = re.compile(rf"(?<!\w)(?:{words(language.segment.header.date)})(?!\w)\s*:?", re.IGNORECASE)
    cut = re.compile(rf"[|•·\n]|(?<!\w)(?:{words(language.segment.web_page.changed_labels)})(?!\w)", re.IGNORECASE)
    return label, cut


def _item(element: Any) -> Any:
    """The microdata item (nearest ancestor with itemscope) an element's field belongs to, or None."""
    return next((parent for parent in element.iterancestors() if parent.get("itemscope") is not None), None)


def _item_size(element: Any) -> float:
    """How much text the item of a field holds (a teaser's little, the article's all); a field of no item (RDFa,
    <time pubdate>) is the page's own."""
    item = _item(element)
    return len(str(item.text_content())) if item is not None else float("inf")


def _first_entry(tree: Any) -> Any:
    """The page's first entry: its first <article>, or element of class hentry / h-entry (the others are teasers)."""
    for element in tree.iter():
        if isinstance(element.tag, str) and (element.tag == "article" or _ENTRY_CLASSES & set(
                (element.get("class") or "").lower().split())):
            return element
    return None


def _in_teaser(element: Any, within: Any = None, *, links: bool = True) -> bool:
    """True when the element sits in a link (unless not ``links``: an entry's date is its permalink), aside,
    nav or footer (below ``within``, if given)."""
    parent = element.getparent()
    while parent is not None and parent is not within:
        if isinstance(parent.tag, str) and (parent.tag in _NOT_THE_PAGE and (links or parent.tag != "a")
                                            or _marked_aside(parent)):
            return True
        parent = parent.getparent()
    return False


def _modified_meta(element: Any) -> bool:
    """A <meta> stating when the page was last changed (article:modified_time, og:updated_time, last-modified)."""
    if element.tag != "meta":
        return False
    key = f"{element.get('property') or ''} {element.get('name') or ''} {element.get('http-equiv') or ''}".lower()
    return any(mark in key for mark in _words().changed_labels)


def _marked_aside(element: Any) -> bool:
    """An element whose id or class says it holds comments, related articles, a sidebar, a widget, a menu ...
    ([web_page] aside_marks; never the page's <html> or <body>, whose classes describe the page: "comments-open")."""
    return element.tag not in ("html", "body") and any(
        name.startswith(_words().aside_marks)  # "comments", "related-posts"; not "has-sidebar"
        for name in f"{element.get('id') or ''} {element.get('class') or ''}".lower().split())


def _words() -> WebPageWords:
    return Language.load().segment.web_page


def _changed_label(element: Any) -> bool:
    """A short element whose text opens with a changed label ("Updated 3 hours ago", "Last modified: 5 March")."""
    own = " ".join((element.text or "").split()).lower()  # its own first words: cheap, asked of every element
    if not own or _opens_with(own, _words().changed_labels) is None:
        return False
    return _short_text(element, MAX_BYLINE) is not None


def _opens_with(text: str, labels: tuple[str, ...]) -> str | None:
    """What follows the longest of ``labels`` opening ``text`` as a whole word (and a colon), or None."""
    for label in sorted(labels, key=len, reverse=True):
        if text.startswith(label) and (len(text) == len(label) or not text[len(label)].isalnum()):
            return text[len(label):].lstrip(" :")
    return None


def _libraries(name: str) -> tuple[Any, Any, Any]:
    try:
        import htmldate
        import trafilatura
        from trafilatura.utils import load_html
    except ImportError:
        raise ChronoInputError(f"{name}: {INSTALL_HINT}") from None
    return trafilatura, htmldate, load_html
