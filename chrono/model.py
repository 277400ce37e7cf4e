"""The data types every pipeline stage speaks: small, frozen, and free of logic beyond derived views.

read -> segment -> tag -> resolve -> attach -> order -> render
Article   Sentence  Expression(partial)  Expression(value)  Event  Timeline
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from typing import Any

from chrono.errors import ChronoInputError
from chrono.lang import Language


class Granularity(IntEnum):
    """Coarse to fine: a smaller number is a coarser period (the order key relies on it)."""

    MILLENNIUM = 0
    CENTURY = 1
    DECADE = 2
    YEAR = 3
    HALF = 4
    QUARTER = 5
    SEASON = 6
    MONTH = 7
    WEEK = 8
    DAY = 9
    PART_OF_DAY = 10
    HOUR = 11
    MINUTE = 12
    SECOND = 13


class TimexType(StrEnum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class Tense(StrEnum):
    """The tense of the verb that governs an expression; NONE when there is no cue."""

    PAST = "PAST"
    PRESENT = "PRESENT"
    FUTURE = "FUTURE"
    NONE = "NONE"


class Anchor(StrEnum):
    """What a relative partial value is counted from."""

    PUBLICATION = "PUBLICATION"  # deictic: "yesterday", "last week", "two years ago"
    PREVIOUS = "PREVIOUS"  # anaphoric: "the following year", "that day", "a week later"
    CONTEXT = "CONTEXT"  # the domain decides: publication date in news, latest mention in narrative


class Domain(StrEnum):
    """What a text's deictic words count from: news from its publication date, a narrative (a history) from the
    time it tells. Which context rules apply is registered per domain (chrono/resolve/context/)."""

    NEWS = "news"
    NARRATIVE = "narrative"

    @classmethod
    def of(cls, value: str | Domain) -> Domain:
        """The domain ``value`` names; the one check of a domain name (ChronoInputError listing the choices)."""
        try:
            return cls(value)
        except ValueError:
            choices = ", ".join(domain.value for domain in cls)
            raise ChronoInputError(f"unknown domain {value!r}; use one of: {choices}") from None

    @property
    def needs_publication_date(self) -> bool:
        """Whether a document must give a publication date: news counts from it; a history can do without."""
        return self is Domain.NEWS


class Direction(StrEnum):
    """How an underspecified calendar value (bare month, weekday, month-day) picks its year/week."""

    TENSE = "TENSE"  # by the governing verb: past -> latest on/before anchor, future -> next on/after
    PAST = "PAST"  # "last September", "last Tuesday": strictly before the anchor's period
    FUTURE = "FUTURE"  # "next September", "next Tuesday": strictly after
    SAME = "SAME"  # "this Tuesday", "this September": within the anchor's enclosing period


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets into the decoded document text: text[start:end]."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class PartialValue:
    """What a rule knows about an expression before any date arithmetic.

    Either ``literal`` holds a complete TIMEX3 value (durations, sets, fuzzy references, fully written
    dates) or the calendar fields / relative fields say what to compute against an anchor.
    Calendar fields left as None are unknown; ``resolve`` fills them from the anchor.
    """

    type: TimexType = TimexType.DATE
    literal: str | None = None
    # calendar fields, absolute when given
    century: int | None = None  # 19 -> the 1900s
    decade: int | None = None  # 199 -> the 1990s
    year: int | None = None
    half: int | None = None  # 1..2
    quarter: int | None = None  # 1..4
    season: str | None = None  # SP SU FA WI
    month: int | None = None
    week: int | None = None  # ISO week number
    day: int | None = None  # negative: counted from the month's end (-1 the last day)
    weekday: int | None = None  # ISO: Monday=1 .. Sunday=7
    part_of_day: str | None = None  # MO AF EV NI MI DT
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    holiday: str | None = None  # a day computed per year ("EASTER"); fixed-date holidays use month/day
    weekend: bool = False  # the weekend of the week the other fields name ("last weekend" -> 2023-W08-WE)
    week_of: bool = False  # the ISO week that holds the day the other fields name ("the week of March 6")
    on_or_after: bool = False  # the weekday on or after the day ("the first Monday of March": day=1, weekday=1)
    weekend_of: bool = False  # the weekend that adjoins the day the other fields name ("the Easter weekend")
    # a numeric date's day and month as written ("26/01" -> (26, 1)), order still open: the document's
    # day/month policy (chrono/resolve/numeric_dates.py) turns them into ``day`` and ``month``
    day_month: tuple[int, int] | None = None
    short_year: bool = False  # a two-digit year ("26/01/24"): its century comes from the publication date
    assumed_order: bool = False  # day and month were told apart by the default order alone
    utc_offset: str | None = None  # the offset of a zone written with a clock time ("PDT" -> "-07:00"; "Z")
    # relative fields
    shift: int = 0  # move the anchor by this many `unit`s first ("two years ago": -2 YEAR)
    unit: Granularity | None = None  # the granularity of a shift, or of a "this X" period
    anchor: Anchor = Anchor.CONTEXT
    direction: Direction = Direction.TENSE
    distance: bool = False  # "a year ago": counted from the anchor, so as precise as the period compared
    # attributes carried to the value
    mod: str | None = None
    quant: str | None = None
    freq: str | None = None

    @property
    def is_literal(self) -> bool:
        return self.literal is not None


@dataclass(frozen=True, slots=True)
class Value:
    """A resolved TIMEX3 value with the interval it covers (None for fuzzy values, durations, sets)."""

    value: str
    type: TimexType = TimexType.DATE
    mod: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    granularity: Granularity | None = None
    quant: str | None = None
    freq: str | None = None
    assumed_order: bool = False  # a numeric date whose day/month order rests on the default (a doubt to show)

    @property
    def is_datable(self) -> bool:
        """True when the value places something on a timeline (a DATE or TIME with an interval)."""
        return self.type in (TimexType.DATE, TimexType.TIME) and self.start is not None


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    text: str
    index: int


@dataclass(frozen=True, slots=True)
class Expression:
    """A temporal expression found in a document; ``value`` is None until resolved."""

    text: str
    span: Span
    partial: PartialValue
    rule: str = ""
    document: str = ""
    value: Value | None = None

    @property
    def type(self) -> TimexType:
        return self.value.type if self.value else self.partial.type


@dataclass(frozen=True, slots=True)
class Document:
    """An article as read: its full decoded text and where its body starts."""

    id: str
    text: str
    published: dt.date | None
    source: str = ""
    dateline: str | None = None
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    body: Span | None = None  # the part of `text` to tag; None means all of it
    language: Language = field(default_factory=Language.load, repr=False, compare=False)  # what it is written in
    # what gave `published`: "header", "record", "front matter", "DCT", "JSON-LD", "meta", "page", "byline", "url",
    # "post", "htmldate", "path", "command line" (chrono.read says which for each input kind); None when unknown or
    # undated
    published_source: str | None = None
    locale: str | None = None  # the locale the input says the text is written in ("en_GB"): day/month order

    @property
    def body_span(self) -> Span:
        return self.body or Span(0, len(self.text))


@dataclass(frozen=True, slots=True)
class Event:
    """A dated statement: what the sentence reports, when, and where in which document it was said."""

    when: Value
    phrase: str
    span: Span
    sentence: str
    headline: str
    document: str
    sources: tuple[str, ...] = ()  # other documents that report the same event (multi-article merge)
    sentence_span: Span | None = None  # where ``sentence`` is in the document's text; None when not known


@dataclass(frozen=True, slots=True)
class KeyDate:
    """One of the days that matter most in a collection, with the sentences that say what happened on it."""

    day: dt.date
    score: float  # the day's salience (chrono.order.key_dates); higher is more important
    articles: tuple[str, ...]  # the documents that date something on this day, earliest published first
    events: tuple[Event, ...]  # the chosen sentences, each with the other documents that report it as sources


@dataclass(frozen=True)
class Timeline:
    """Events in timeline order plus every expression found, with the documents they came from.

    A key-dates timeline (``build_from_documents(..., key_dates=N)``) also lists its days in ``key_dates``;
    its ``events`` are then the chosen sentences of those days, in timeline order.
    """

    documents: tuple[Document, ...]
    events: tuple[Event, ...]
    expressions: tuple[Expression, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)
    language: Language = field(default_factory=Language.load, repr=False, compare=False)  # labels and titles
    key_dates: tuple[KeyDate, ...] = ()
    # how many articles it was drawn from, when ``documents`` holds only those it cites (a store's query over a
    # window); None: every one of ``documents``
    drawn_from: int | None = None

    @property
    def article_count(self) -> int:
        """How many articles the timeline was drawn from."""
        return len(self.documents) if self.drawn_from is None else self.drawn_from

    def _repr_html_(self) -> str:
        """Jupyter shows a Timeline as the HTML fragment (scoped style, no <html> wrapper)."""
        return NOTEBOOK_RENDERER(self, "html", template="fragment.html.j2")

    def _repr_markdown_(self) -> str:
        return NOTEBOOK_RENDERER(self, "md")


def _no_renderer(timeline: Timeline, fmt: str, *, template: str | None = None) -> str:
    raise RuntimeError("import chrono.render to display a Timeline")


# The one hook from the data types up to the renderer: chrono.render sets it when imported, so model.py
# (below every stage) never imports a stage.
NOTEBOOK_RENDERER: Callable[..., str] = _no_renderer
