"""The sections of a language: one frozen dataclass per resource file (chrono/lang/<code>/<file>.toml).

A field is a TOML key; its annotation is the type the loader checks (chrono/lang/schema.py); a field without a
default is a key every language must write. Sections compare by identity (``eq=False``): a language is loaded
once, so the stages can cache what they compile from a section on the section itself.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

from chrono.lang.schema import SchemaError

Words = tuple[str, ...]
TenseName = Literal["PAST", "PRESENT", "FUTURE"]


def _no_entries() -> Mapping[str, Any]:
    return MappingProxyType({})


def _check_length(value: tuple[Any, ...], length: int, key: str) -> None:
    if len(value) != length:
        raise SchemaError(key, f"must list {length} entries, not {len(value)}")


# ---------------------------------------------------------------- language.toml


@dataclass(frozen=True, eq=False)
class About:
    """language.toml: the language's name, and the names other libraries know it by."""

    name: str
    pendulum_locale: str  # month and weekday names for labels come from pendulum/locales/<locale>/
    dateparser_languages: Words  # written publication dates in metadata ("Thu, 02 Mar 2023 10:00:00 GMT")


# ---------------------------------------------------------------- labels.toml


@dataclass(frozen=True, eq=False)
class OrdinalSuffixes:
    one: str
    two: str
    three: str
    other: str


@dataclass(frozen=True, eq=False)
class LabelFormats:
    day: str
    day_no_year: str
    date: str
    month: str
    month_no_year: str
    week: str
    weekend: str
    year: str
    quarter: str
    quarter_long: str
    half: str
    half_long: str
    season: str
    season_across_years: str
    decade: str
    century: str
    millennium: str
    part_of_day: str
    clock: str
    zone: str  # {time} {offset}
    bc_year: str


@dataclass(frozen=True, eq=False)
class ModWording:
    """How a mod reads: ``any`` for every label, else ``prefix`` for compact labels and ``long`` for phrases."""

    prefix: str | None = None
    long: str | None = None
    any: str | None = None

    def __post_init__(self) -> None:
        if self.any is None and (self.prefix is None or self.long is None):
            raise SchemaError("", "needs 'any', or both 'prefix' and 'long'")


@dataclass(frozen=True, eq=False)
class DurationWords:
    """Unit letter -> (singular, plural); an unknown count ("PXY") reads as ``unknown_count``."""

    Y: Words
    M: Words
    W: Words
    D: Words
    DE: Words
    CE: Words
    TH: Words
    TM: Words
    TS: Words
    unknown_count: str

    def __post_init__(self) -> None:
        for letter in ("Y", "M", "W", "D", "DE", "CE", "TH", "TM", "TS"):
            _check_length(getattr(self, letter), 2, letter)

    def unit(self, letter: str) -> tuple[str, str]:
        singular, plural = getattr(self, letter)
        return singular, plural


@dataclass(frozen=True, eq=False)
class ExportWords:
    """[exports] of labels.toml: what exporters write besides labels (chrono/render/exporters/)."""

    title: str
    title_of_articles: str  # {count}
    source: str  # {source}
    also_reported_by: str  # {sources}
    dated_from: str
    no_headline: str


@dataclass(frozen=True, eq=False)
class LabelWords:
    """labels.toml: the wording of readable date labels (chrono/render/labels.py)."""

    ordinal_words: Words
    undated: str
    definite_article: str  # a label that starts with it takes a mod after it ("the early 1990s")
    ordinal_suffixes: OrdinalSuffixes
    formats: LabelFormats
    seasons: Mapping[str, str]
    parts_of_day: Mapping[str, str]
    references: Mapping[str, str]
    mods: Mapping[str, ModWording]
    durations: DurationWords
    exports: ExportWords
    # the first day whose label names its weekday (YYYY-MM-DD; "" for all): values are proleptic Gregorian, and a
    # day written before the calendar reached the language's readers fell on another weekday in their calendar
    weekdays_from: str = ""

    def __post_init__(self) -> None:
        if self.weekdays_from:
            dt.date.fromisoformat(self.weekdays_from)  # a ValueError names a day that is none


# ---------------------------------------------------------------- surroundings.toml


@dataclass(frozen=True, eq=False)
class SurroundingCue:
    """Text around an expression that says what it is (a copyright line, a film's title, a comparison).

    ``before`` must match the text that ends where the expression starts, ``after`` the text that starts where it
    ends (both regular expressions, within ``Surroundings.window`` characters); ``around`` must have a match that
    covers the whole expression, searched in the window on both sides (a phrase the expression is a part of, such
    as a weekly schedule; its {name}s are ``Surroundings.parts``); ``rules`` limits the cue to the expressions
    found by those tagging rules; ``reach`` (when set) narrows the window for this cue (a cue that reads a
    character or a word next to the expression need not search a whole window: speed); ``around_first``, a
    pattern every match of ``around`` holds, is searched first (a simpler regex: speed).
    """

    name: str
    before: str = ""
    after: str = ""
    rules: Words = ()
    reach: int = 0
    around: str = ""
    around_first: str = ""

    def __post_init__(self) -> None:
        if not self.before and not self.after and not self.around:
            raise SchemaError(f"not_event {self.name!r}", "needs 'before', 'after' or 'around'")


@dataclass(frozen=True, eq=False)
class Surroundings:
    """surroundings.toml: cues read in the text around an expression (chrono/tag/surroundings.py).

    ``not_event``: kept as expressions (TimeML tags them) but no timeline event (attach). ``aside``: a mention that
    is not where the story stands, so later expressions do not count from it (resolve). ``no_expression``: the words
    name no time there ("the Long March"), so they are left out (resolve).
    """

    window: int
    not_event: tuple[SurroundingCue, ...] = ()
    aside: tuple[SurroundingCue, ...] = ()
    no_expression: tuple[SurroundingCue, ...] = ()
    parts: Mapping[str, str] = field(default_factory=_no_entries)  # {name} in a cue's pattern -> this pattern


# ---------------------------------------------------------------- locales.toml

DayMonthOrderName = Literal["day_first", "month_first"]


# a holiday's day in one locale: [month, day], a rule's key ("MOTHERING_SUNDAY"), or False (no one such day)
LocalHoliday = tuple[int, ...] | str | bool
OTHER_LOCALES = "*"  # in holiday_locale: every locale the holiday names no other way
_RULE_KEY = re.compile(r"[A-Z][A-Z0-9_]*")


def _local_holiday_problem(day: LocalHoliday) -> str | None:
    """What is wrong with one locale's day of a holiday (None when nothing is)."""
    if isinstance(day, bool):
        return None if day is False else "may be [month, day], a rule's key or false, not true"
    if isinstance(day, str):
        return None if _RULE_KEY.fullmatch(day) else f"must be a rule's key in capitals (\"EASTER\"), not {day!r}"
    if len(day) != 2 or not (1 <= day[0] <= 12 and 1 <= day[1] <= 31):
        return f"must be [month, day], not {list(day)}"
    return None


@dataclass(frozen=True, eq=False)
class LocaleHints:
    """locales.toml: the day/month order of numeric dates by locale, and what suggests a document's locale
    (chrono/resolve/numeric_dates.py)."""

    default_order: DayMonthOrderName
    locale_order: Mapping[str, DayMonthOrderName]  # "en_GB" -> "day_first" (Unicode CLDR)
    domain_locale: Mapping[str, str] = field(default_factory=_no_entries)  # "uk" -> "en_GB": a URL host's end
    outlet_locale: Mapping[str, str] = field(default_factory=_no_entries)  # "bbc" -> "en_GB"
    # the order every locale that writes day and month with this separator uses: "." -> "day_first"
    separator_order: Mapping[str, DayMonthOrderName] = field(default_factory=_no_entries)
    # a holiday of words.toml whose day depends on the country: "independence day" -> {"en_IN": (8, 15)}; a rule's
    # key of chrono/calendar/holidays.py ("MOTHERING_SUNDAY"), or False: the country keeps no one such day
    holiday_locale: Mapping[str, Mapping[str, LocalHoliday]] = field(default_factory=_no_entries)
    # the day a locale's financial year starts, where not 1 January: "en_IN" -> (4, 1)
    fiscal_year_start: Mapping[str, tuple[int, ...]] = field(default_factory=_no_entries)

    def __post_init__(self) -> None:
        for table in ("domain_locale", "outlet_locale"):
            for key, locale in getattr(self, table).items():
                if locale not in self.locale_order:
                    raise SchemaError(f"{table}.{key}", f"names a locale not in locale_order: {locale!r}")
        for name, days in self.holiday_locale.items():
            for locale, day in days.items():
                if locale not in self.locale_order and locale != OTHER_LOCALES:
                    raise SchemaError(f"holiday_locale.{name}.{locale}", "names a locale not in locale_order")
                problem = _local_holiday_problem(day)
                if problem:
                    raise SchemaError(f"holiday_locale.{name}.{locale}", problem)
        for locale, day in self.fiscal_year_start.items():
            if locale not in self.locale_order:
                raise SchemaError(f"fiscal_year_start.{locale}", "names a locale not in locale_order")
            if len(day) != 2 or not (1 <= day[0] <= 12 and 1 <= day[1] <= 31):
                raise SchemaError(f"fiscal_year_start.{locale}", f"must be [month, day], not {list(day)}")


# ---------------------------------------------------------------- templates.toml


@dataclass(frozen=True, eq=False)
class Counted:
    """Words with a count in them: ``one`` for 1, ``other`` for any other number ({count} is the number)."""

    one: str
    other: str

    def of(self, count: int) -> str:
        return (self.one if count == 1 else self.other).format(count=count)


@dataclass(frozen=True, eq=False)
class ColumnWords:
    when: str
    what: str
    phrase: str
    source: str


@dataclass(frozen=True, eq=False)
class TemplateWords:
    """templates.toml: the words the built-in templates write around the timeline (``words`` in a template)."""

    timeline: str
    timeline_of_articles: Counted
    key_dates_of_articles: Counted
    key_dates_chosen: str  # {dates} {articles}
    reported_by: Counted
    more_sources: Counted  # after the first sources named: "and 3 more"
    source: str
    published: str
    link: str
    said_as: str
    assumed_order: str  # after the phrase of a numeric date read by the default day/month order
    sentence: str
    no_events: str
    columns: ColumnWords


# ---------------------------------------------------------------- merge.toml


@dataclass(frozen=True, eq=False)
class FoldStep:
    """A word ending in ``suffix`` (and in none of ``unless``) whose stem keeps ``min_stem`` letters takes
    ``replacement`` for it; ``last`` ends the folding of that word."""

    suffix: str
    min_stem: int
    replacement: str = ""
    unless: Words = ()
    last: bool = False


@dataclass(frozen=True, eq=False)
class MergeWords:
    """merge.toml: words left out before two articles' sentences are compared (chrono/order/merge.py), and how
    the others are folded so that forms of one word meet."""

    stopwords: Words
    reporting: Words
    calendar: Words
    folding: tuple[FoldStep, ...]


# ---------------------------------------------------------------- segment.toml


@dataclass(frozen=True, eq=False)
class ClauseWords:
    """[clauses] of segment.toml: where a long sentence is cut for a headline (chrono/attach/headline.py)."""

    max_words: int
    min_words: int
    cut_before: Words
    relative: Words
    prepositions: Words
    drop_leading: Words
    drop_trailing: Words
    leading_phrase_words: int = 0
    attribution: Words = ()
    coordinators: Words = ()  # "18 and 20 March": no cut between two expressions joined by one of these


@dataclass(frozen=True, eq=False)
class TokenizedWords:
    """[tokenized] of segment.toml: how the language's words come apart in Penn Treebank tokens, which text
    read as such is joined back (chrono/read/tokenized.py)."""

    clitics: Words = ()  # split off the word before them ("BP 's", "do n't"): rejoined with it


@dataclass(frozen=True, eq=False)
class HeaderKeys:
    """[header] of segment.toml: the keys of a plain-text article's opening "Key: value" lines that chrono reads
    (chrono/read/header.py), lower case; the other keys of such a block are kept out of the body."""

    date: Words = ()
    title: Words = ()
    url: Words = ()
    outlet: Words = ()


@dataclass(frozen=True, eq=False)
class WebPageWords:
    """[web_page] of segment.toml: what a saved page's markup and bylines say in this language (chrono/read/html.py
    and chrono/resolve/line_stamps.py), lower case."""

    aside_marks: Words = ()  # an element whose id or class starts so holds no part of the article
    changed_labels: Words = ()  # a short element opening so states the page's last change, not its publication
    stamp_labels: Words = ()  # words a post's own stamp line may hold beside its date ("Reply #4 on: ...")
    stamp_joiners: Words = ()  # words it may hold beside them that make no stamp alone ("on", "at")


@dataclass(frozen=True, eq=False)
class SegmentWords:
    """segment.toml: abbreviations and sentence openers (chrono/segment/), headline clauses, and tokens."""

    never_final: Words
    maybe_final: Words
    openers: Words
    clauses: ClauseWords
    tokenized: TokenizedWords = TokenizedWords()
    header: HeaderKeys = HeaderKeys()
    web_page: WebPageWords = WebPageWords()


# ---------------------------------------------------------------- tense.toml


@dataclass(frozen=True, eq=False)
class TenseCueWords:
    words: Words = ()
    suffixes: Words = ()
    phrases: Words = ()


@dataclass(frozen=True, eq=False)
class PastCueWords(TenseCueWords):
    irregular: Words = ()  # irregular past forms and participles
    ed_exceptions: Words = ()  # words ending in -ed that are not past verbs


@dataclass(frozen=True, eq=False)
class VerbGroupWords:
    skip: Words
    infinitives: Words
    determiners: Words
    adverbs: Words
    auxiliaries: Mapping[str, TenseName]


@dataclass(frozen=True, eq=False)
class ClauseCueWords:
    boundaries: Words
    firm_words: int
    breaks: Words
    relatives: Words


@dataclass(frozen=True, eq=False)
class WordList:
    words: Words


@dataclass(frozen=True, eq=False)
class DeadlineWords:
    """Words that set an end point ("until Friday"), and those that say its verb looks back ("had been closed")."""

    words: Words
    looking_back: Words = ()
    then: Words = ()  # right after the end point, they tell what happened at it ("until Friday when ...")


@dataclass(frozen=True, eq=False)
class PossessiveMarkers:
    markers: Words


@dataclass(frozen=True, eq=False)
class RegularPast:
    """How a regular past form ends ("-ed"); words ending in ``not_endings`` or shorter than ``min_letters`` are
    not taken as past forms."""

    ending: str
    not_endings: Words
    min_letters: int


@dataclass(frozen=True, eq=False)
class ScheduleWords:
    """Present-simple verbs that set a time ahead when the expression follows them ("opens Friday")."""

    singular: Words = ()  # taken after any word but a determiner
    plural: Words = ()  # taken only after a word with ``plural_ending`` ("Markets close Friday")
    plural_ending: str = ""
    between: Words = ()  # at most one of these may stand between the verb and the expression


@dataclass(frozen=True, eq=False)
class TenseWords:
    """tense.toml: the cue words of the tense of a governing verb (chrono/resolve/tense.py)."""

    future: TenseCueWords
    past: PastCueWords
    regular_past: RegularPast
    present: TenseCueWords
    groups: VerbGroupWords
    clause: ClauseCueWords
    lowercase_only: WordList
    possessive: PossessiveMarkers
    deadline: DeadlineWords
    start_point: WordList = WordList(())  # a start point lies before the report ("since Friday")
    clause_relative: WordList = WordList(())  # counts from its clause's time ("was soon"): none in a past clause
    imperative: TenseCueWords = TenseCueWords()  # a clause's first word or a phrase that bids ("Join us Sunday")
    plans: WordList = WordList(())  # a clause's first word telling a plan, its subject left out ("flying out Sunday")
    question: WordList = WordList(())  # what ends a question ("drinks fri 8pm?"): asked with no verb, it looks ahead
    schedule: ScheduleWords = ScheduleWords()
    reporting: TenseCueWords = TenseCueWords()  # a trailing clause saying who told it (", the council said")


# ---------------------------------------------------------------- patterns.toml


@dataclass(frozen=True, eq=False)
class Patterns:
    """patterns.toml: named regex fragments for the rules; its keys are the fragments' names."""

    fragments: Mapping[str, str]
    # fragments that code reads by name (chrono/tag/ranges.py, chrono/resolve/), not only rules
    REQUIRED = ("range_join", "range_gap", "list_join", "counted_after_number", "ordinal_suffix", "day_article",
                "hours_joint", "hours_cue")

    def __post_init__(self) -> None:
        for name in self.REQUIRED:
            if name not in self.fragments:
                raise SchemaError(name, "missing key")

    def __getitem__(self, name: str) -> str:
        return self.fragments[name]


# ---------------------------------------------------------------- rules.toml


@dataclass(frozen=True, eq=False)
class Boundaries:
    left: str = ""
    right: str = ""


@dataclass(frozen=True, eq=False)
class RuleSpec:
    """One tagging rule; its examples are checked by tests/test_rule_examples.py."""

    name: str
    pattern: str
    value: Mapping[str, Any] = field(default_factory=_no_entries)
    type: str | None = None
    examples: tuple[Mapping[str, Any], ...] = ()


@dataclass(frozen=True, eq=False)
class RuleFile:
    """rules.toml: the tagging rules, tried with these boundaries (chrono/tag/grammar.py)."""

    rule: tuple[RuleSpec, ...]
    ignore_case: bool = True
    boundaries: Boundaries = field(default_factory=Boundaries)


# ---------------------------------------------------------------- context.toml


@dataclass(frozen=True, eq=False)
class ContextExample:
    """A text and the values a context rule (chrono/resolve/context/) gives its phrases (each found by its first
    occurrence), resolved in each domain the rule is registered for."""

    rule: str
    text: str
    values: Mapping[str, str]
    published: str = "2023-03-02"  # "" for a text without one (a history)


@dataclass(frozen=True, eq=False)
class ContextExamples:
    """context.toml: the examples of the context rules, by rule name; tests/test_context_rules.py runs them."""

    example: tuple[ContextExample, ...] = ()


# ---------------------------------------------------------------- words.toml


@dataclass(frozen=True, eq=False)
class WordSettings:
    two_digit_century: int
    number_joiners: Words = ()
    millennium_words: Mapping[str, int] = field(default_factory=_no_entries)
    fractions: Mapping[str, float] = field(default_factory=_no_entries)
    fraction_words: Mapping[str, float] = field(default_factory=_no_entries)
    # letters stretched for emphasis at a word's end: "letters" (a character class) and "kept_capitals", those left
    # as written (chrono/tag/stretched.py)
    stretched: Mapping[str, str] = field(default_factory=_no_entries)


WordValue = int | float | str | Mapping[str, Any]


@dataclass(frozen=True, eq=False)
class WordTables:
    """words.toml: word -> value tables that rule groups are read through (chrono/tag/values.py).

    Its keys are table names (rules name them); each table maps words to numbers, strings or small tables.
    ``settings`` holds the numbers' conventions.
    """

    settings: WordSettings
    tables: Mapping[str, Mapping[str, WordValue]]  # every table, "settings" included, as written
