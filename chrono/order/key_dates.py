"""Key dates of a collection: the N days that matter most, each with up to K sentences that say what happened.

Date salience is read from the collection's evidence, not a single count, and with no weight to set: each kind
of evidence ranks the days, and a day's salience is the reciprocal rank fusion of its ranks (Cormack, Clarke and
Buettcher 2009, with their constant RRF_K = 60), so no count outweighs the others by its scale and nothing is
fitted to a collection. The evidence (EVIDENCE):
- how many articles date something on the day, and from how many different publication days;
- how many of them look back at it from two days or more later (a day still cited later mattered);
- how many write the date out ("20 April") rather than "Tuesday" or "yesterday";
- the burst of publication on the day and the day after (news follows events).
A day dated by one article alone is that article's word, not the collection's: it is no key date while any day
is dated by CORROBORATED articles or more, so a collection with fewer such days than asked gives fewer days.
On t17-dev (benchmarks/tls.py) this gives date F1 0.688 (0.680 without the corroboration), where weights of
the same evidence fitted to those topics gave 0.686 on them but 0.644 on a topic left out of the fit (each
chosen on the other nine).

Sentences are chosen per day among the events dated on it, from any article, plus the undated opening
sentences of the articles published on the day or the next (lead_events): reports of one event by several
articles are merged first (chrono.order.merge), so each candidate carries its sources (a line most pages
repeat, page furniture, is none); a candidate scores by its
closeness to the centroid of the day's distinct wordings (TF-IDF of content words, the inverse frequency taken
over the candidates of all the chosen days, leads included) with penalties for quotes, questions, sentences cut
short by an ellipsis, sentences not written when their day was news (an announcement written before it, a look
back written two days or more after: _fresh) and sentences too short or too long to state an event; the choice
is greedy MMR, and a sentence that overlaps one already
chosen as much as the merge threshold is never taken.
Linear in the number of events (plus a sort of the days).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from chrono.calendar.intervals import days_after
from chrono.errors import ChronoInputError
from chrono.lang import Language
from chrono.model import Event, Granularity, KeyDate, Sentence, Span, Value
from chrono.order.merge import MERGE_THRESHOLD, content_words, merge_events
from chrono.order.select import parse_bound

__all__ = ["CORROBORATED", "EVIDENCE", "RRF_K", "citations", "day_scores", "describe_days", "select_key_dates",
           "top_days", "written_out"]

# The evidence of a day's salience, each a count that ranks the days (see _evidence); fused by reciprocal rank.
EVIDENCE = ("articles", "publication_days", "looking_back", "written_dates", "burst")
RRF_K = 60  # reciprocal rank fusion's constant, as published (not fitted): a rank r adds 1 / (RRF_K + r)
CORROBORATED = 2  # articles dating a day for it to be a key date: more than one (see day_scores)
MMR_BALANCE = 0.7  # relevance against redundancy in the choice of a day's sentences
LEAD_SENTENCES = 5  # an article's opening sentences without a date of their own are candidates for ...
LEAD_DAYS = (0, 1)  # ... the day it was published and the day before (news reports yesterday's events)
RECORD_STAMPS = 2  # sentences of one document stamped to the minute on one day: a log of records (see _without_records)
_SHORT, _LONG = 8, 30  # words: a sentence outside this range states an event less well
_QUOTES = ('"', "“", "”", "``", "''")
STALE = 0.6  # the form factor of a sentence not written when its day was news (see _fresh), as a quote's
_ELLIPSES = ("...", "…")  # a sentence trailing off in one is cut short: a teaser of another page ("... the d...")
_CLOSERS = "\"'”’)]»"  # what may follow a sentence's last mark


@dataclass
class _Day:
    events: list[Event]
    documents: set[str]
    written: set[str] = field(default_factory=set)  # the documents that write the day's date out


def select_key_dates(events: Iterable[Event], published: Mapping[str, dt.date | None], *, count: int,
                     per_date: int = 1, date_from: dt.date | str | None = None, date_to: dt.date | str | None = None,
                     language: Language | None = None, leads: Iterable[Event] = ()) -> tuple[KeyDate, ...]:
    """The ``count`` most salient days of the events (inside [date_from, date_to] when given; fewer when fewer are
    dated by more than one article, see day_scores), in chronological order, each with up to ``per_date``
    sentences. ``published`` maps every document of the collection to its publication date (it also gives the
    publication bursts). ``leads`` (from lead_events) are more candidate
    sentences: an article's undated opening, for the day it was published and the day before. Deterministic.

    The same as ``describe_days(top_days(day_scores(citations(events, ...), published), count), ...)``: a store
    that holds the citations as rows ranks its days from them without making an Event of every row."""
    _check(count, per_date)
    first, last = _window(date_from, date_to)
    dated = [event for event in events if (day := _day_of(event)) is not None and first <= day <= last]
    if not dated:
        return ()
    scores = day_scores(citations(dated), published)
    chosen = top_days(scores, count)
    return describe_days({day: scores[day] for day in chosen}, dated, published, per_date=per_date,
                         language=language, leads=leads)


def citations(events: Iterable[Event]) -> Iterator[tuple[dt.date, str, bool]]:
    """(day, document, whether it writes the date out) for each document an event dated on one day cites: what
    a day's salience is read from."""
    for event in events:
        day = _day_of(event)
        if day is not None:
            yield day, event.document, written_out(event.phrase)
            for source in event.sources:
                yield day, source, False


def day_scores(cited: Iterable[tuple[dt.date, str, bool]], published: Mapping[str, dt.date | None]) -> \
        dict[dt.date, float]:
    """Each cited day's salience from its citations (repeats count once); ``published`` as select_key_dates
    takes it. Only the days dated by CORROBORATED documents or more, when there are any: one article's date is
    no key date of the collection (all days are ranked, so the others keep the ranks they had among them)."""
    days: dict[dt.date, _Day] = {}
    for day, document, written in cited:
        entry = days.get(day) or days.setdefault(day, _Day([], set()))
        entry.documents.add(document)
        if written:
            entry.written.add(document)
    publications = Counter(day for day in published.values() if day is not None)
    scores = _fused({day: _evidence(day, entry, published, publications) for day, entry in days.items()})
    corroborated = {day: score for day, score in scores.items() if len(days[day].documents) >= CORROBORATED}
    return corroborated or scores


def top_days(scores: Mapping[dt.date, float], count: int) -> list[dt.date]:
    """The ``count`` best-scored days (ties to the earlier day), in chronological order."""
    return sorted(sorted(scores, key=lambda day: (-scores[day], day))[:count])


def describe_days(chosen: Mapping[dt.date, float], events: Iterable[Event], published: Mapping[str, dt.date | None],
                  *, per_date: int = 1, language: Language | None = None, leads: Iterable[Event] = ()) -> \
        tuple[KeyDate, ...]:
    """The key dates of the ``chosen`` days (day -> score) with up to ``per_date`` sentences each, from the events
    dated on them (any others are ignored) and the ``leads``; ``published`` must hold their documents."""
    days: dict[dt.date, _Day] = {day: _Day([], set()) for day in sorted(chosen)}
    for event in events:
        day = _day_of(event)
        entry = days.get(day) if day is not None else None
        if entry is not None:
            entry.events.append(event)
            entry.documents.update((event.document, *event.sources))
    opening: dict[dt.date, list[Event]] = defaultdict(list)
    for lead in leads:
        if lead.when.start is not None:
            opening[lead.when.start].append(lead)
    candidates: dict[dt.date, list[Event]] = {}
    for day, entry in days.items():
        value = Value(day.isoformat(), start=day, end=day, granularity=Granularity.DAY)
        leads_of_day = [dataclasses.replace(lead, when=value)
                        for offset in LEAD_DAYS if (after := days_after(day, offset)) is not None
                        for lead in opening.get(after, ())]
        candidates[day] = _without_records(entry.events) + leads_of_day
    candidates = _without_boilerplate(candidates)
    # over every candidate, the leads too: a word only they hold is rare, not (as when they were left out) common
    weights = _idf(event for events_of_day in candidates.values() for event in events_of_day)
    key_dates = []
    told: set[str] = set()  # a sentence is said once: an opening sentence, a candidate of two days, goes to the later
    for day, entry in reversed(days.items()):  # (its article's own day: the earlier day gave AR-1 0.132, not 0.138)
        sentences = _choose_sentences(candidates[day], published, per_date, weights, language, told)
        told.update(event.sentence for event in sentences)
        articles = sorted(entry.documents, key=lambda document: (published.get(document) or dt.date.max, document))
        key_dates.append(KeyDate(day=day, score=round(chosen[day], 5), articles=tuple(articles),
                                 events=tuple(sentences)))
    key_dates.reverse()
    return tuple(key_dates)


def _without_records(events: list[Event]) -> list[Event]:
    """The events but those of the stamps of records: a document with RECORD_STAMPS or more sentences stamped to
    the minute on the day ("At 18:08 1st Jun 2010, X wrote: ...") is a log of comments or posts whose stamps say
    when each was written, not what happened (one stamp, as a dateline's, stays). All of them when nothing else is
    left."""
    stamped = {(event.document, event.sentence) for event in events
               if (event.when.granularity or Granularity.DAY) >= Granularity.MINUTE}
    per_document = Counter(document for document, _ in stamped)
    told = [event for event in events if (event.document, event.sentence) not in stamped
            or per_document[event.document] < RECORD_STAMPS]
    return told or events


def _without_boilerplate(candidates: Mapping[dt.date, list[Event]]) -> dict[dt.date, list[Event]]:
    """The candidates but the lines the collection's pages repeat: a sentence written by more than log2(n) of the n
    documents that give candidates is page furniture ("Explore all of our graphics ...", a caption under every
    map), not a report of one day. All of a day's candidates when nothing else is left."""
    pages: dict[str, set[str]] = defaultdict(set)
    for events in candidates.values():
        for event in events:
            pages[event.sentence].update((event.document, *event.sources))
    documents = set().union(*pages.values())
    limit = math.log2(max(len(documents), 2))
    return {day: [event for event in events if len(pages[event.sentence]) <= limit] or events
            for day, events in candidates.items()}


def _check(count: int, per_date: int) -> None:
    if count < 1 or per_date < 1:
        raise ChronoInputError(f"--key-dates and --per-date must be at least 1 (got {count} and {per_date})")


def _window(date_from: dt.date | str | None, date_to: dt.date | str | None) -> tuple[dt.date, dt.date]:
    first = parse_bound(date_from, "--from", last=False) if date_from is not None else dt.date.min
    last = parse_bound(date_to, "--to", last=True) if date_to is not None else dt.date.max
    return first, last


def lead_events(document_id: str, published: dt.date | None, sentences: Iterable[Sentence],
                events: Iterable[Event]) -> list[Event]:
    """The first LEAD_SENTENCES sentences of an article that hold no dated event, as events of its publication
    day with no phrase: a news article opens with what happened, often without saying when."""
    if published is None:
        return []
    dated = {(event.span.start, event.span.end) for event in events}
    value = Value(published.isoformat(), start=published, end=published, granularity=Granularity.DAY)
    leads: list[Event] = []
    for sentence in sentences:
        if len(leads) == LEAD_SENTENCES:
            break
        start, end = sentence.span.start, sentence.span.end
        if any(start <= first and last <= end for first, last in dated):
            continue
        leads.append(Event(when=value, phrase="", span=Span(start, start), sentence=sentence.text,
                           headline=sentence.text, document=document_id, sentence_span=sentence.span))
    return leads


def _day_of(event: Event) -> dt.date | None:
    """The day an event is dated on, when its value is one day (or a time of it)."""
    when = event.when
    if when.start is None or when.end != when.start or when.mod not in (None, "APPROX"):
        return None
    return when.start


def _evidence(day: dt.date, entry: _Day, published: Mapping[str, dt.date | None],
              publications: Counter[dt.date]) -> dict[str, int]:
    """The counts of EVIDENCE for one day."""
    known = [date for date in (published.get(document) for document in entry.documents) if date is not None]
    next_day = days_after(day, 1)
    return {
        "articles": len(entry.documents),
        "publication_days": len(set(known)),
        "looking_back": sum(1 for date in known if (date - day).days > 1),
        "written_dates": len(entry.written),
        "burst": publications[day] + (publications[next_day] if next_day is not None else 0),
    }


def _fused(evidence: Mapping[dt.date, Mapping[str, int]]) -> dict[dt.date, float]:
    """Reciprocal rank fusion: each kind of evidence ranks the days (equal counts share the better rank) and a
    day scores the sum of 1 / (RRF_K + rank) over the kinds."""
    scores = dict.fromkeys(evidence, 0.0)
    for name in EVIDENCE:
        ranked = sorted(evidence, key=lambda day: -evidence[day][name])
        rank, previous = 0, None
        for position, day in enumerate(ranked, start=1):
            if evidence[day][name] != previous:
                rank, previous = position, evidence[day][name]
            scores[day] += 1 / (RRF_K + rank)
    return scores


def written_out(phrase: str) -> bool:
    """A date written with its day number ("April 20", "20/4"), in any language, rather than a relative word."""
    return any(character.isdigit() for character in phrase)


def _idf(events: Iterable[Event]) -> dict[str, float]:
    """Inverse sentence frequency of each content word among the candidate sentences."""
    frequency: Counter[str] = Counter()
    total = 0
    for sentence in {event.sentence for event in events}:
        frequency.update(content_words(sentence))
        total += 1
    return {word: math.log((1 + total) / (1 + seen)) + 1 for word, seen in frequency.items()}


Vector = dict[str, float]


def _vector(event: Event, weights: Mapping[str, float], language: Language | None) -> Vector:
    # in sorted order: a set's order follows the hash seed, and sums in another order can break a near-tie
    # the other way, so the same collection would not give the same key dates from one run to the next
    words = sorted(content_words(event.sentence, event.phrase, language))
    vector = {word: weights.get(word, 1.0) for word in words}
    norm = math.sqrt(sum(value * value for value in vector.values()))
    return {word: value / norm for word, value in vector.items()} if norm else {}


def _cosine(first: Vector, second: Vector) -> float:
    if len(first) > len(second):
        first, second = second, first
    return sum(value * second.get(word, 0.0) for word, value in first.items())


def _choose_sentences(events: list[Event], published: Mapping[str, dt.date | None], per_date: int,
                      weights: Mapping[str, float], language: Language | None,
                      told: Collection[str] = ()) -> list[Event]:
    """Up to ``per_date`` merged reports of the day: central, stated as events, not saying the same thing, and none
    of the sentences ``told`` already."""
    reports = merge_events(events, published=published, language=language)
    unique: dict[str, Event] = {}
    for report in reports:  # the same sentence dated twice (two phrases) is one candidate
        unique.setdefault(report.sentence, report)
    candidates = [report for sentence, report in unique.items() if sentence not in told]
    known: dict[tuple[str, str], Vector] = {}  # a report is most often also the wording of its sentence

    def vector_of(event: Event) -> Vector:
        key = (event.sentence, event.phrase)
        return known[key] if key in known else known.setdefault(key, _vector(event, weights, language))

    vectors = [vector_of(report) for report in candidates]
    wordings: dict[str, Event] = {}
    for event in events:  # each wording once: an event told in other words by several articles weighs more, the
        wordings.setdefault(event.sentence, event)  # copies of one line (background, page chrome) do not
    centroid: Vector = defaultdict(float)
    for wording in wordings.values():
        for word, value in vector_of(wording).items():
            centroid[word] += value
    norm = math.sqrt(sum(value * value for value in centroid.values())) or 1.0
    relevance = [_cosine(vector, centroid) / norm * _form(report, published)
                 for report, vector in zip(candidates, vectors, strict=True)]
    chosen: list[int] = []
    while len(chosen) < per_date:
        best: tuple[float, int] | None = None
        for index in range(len(candidates)):
            if index in chosen or relevance[index] <= 0:
                continue
            overlap = max((_cosine(vectors[index], vectors[other]) for other in chosen), default=0.0)
            if any(_jaccard(vectors[index], vectors[other]) >= MERGE_THRESHOLD for other in chosen):
                continue
            gain = MMR_BALANCE * relevance[index] - (1 - MMR_BALANCE) * overlap
            if best is None or gain > best[0]:
                best = (gain, index)
        if best is None:
            break
        chosen.append(best[1])
    return [candidates[index] for index in chosen]


def _jaccard(first: Vector, second: Vector) -> float:
    union = len(first.keys() | second.keys())
    return len(first.keys() & second.keys()) / union if union else 0.0


def _fresh(event: Event, published: Mapping[str, dt.date | None]) -> bool:
    """Whether a sentence was written when its day was news: on the day it dates or the next (LEAD_DAYS). One
    written before announces the day ("Mr Hayward is due to appear on Thursday": what was to happen, not what
    did); one written later looks back at it as background ("since the rig exploded on 20 April"). An opening
    sentence, dated by its article, is fresh."""
    written = published.get(event.document)
    if not event.phrase or written is None or event.when.start is None:
        return True
    return (written - event.when.start).days in LEAD_DAYS


def _form(event: Event, published: Mapping[str, dt.date | None]) -> float:
    """How well a sentence suits a statement of what happened: quotes (reactions), questions, sentences cut short
    by an ellipsis, sentences not written when their day was news (announcements, looks back) and sentences too
    short or too long to state an event score lower."""
    words = len(event.sentence.split())
    factor = 1.0
    if any(mark in event.sentence for mark in _QUOTES):
        factor *= 0.6
    if event.sentence.rstrip().endswith("?"):
        factor *= 0.3
    if event.sentence.rstrip().rstrip(_CLOSERS).endswith(_ELLIPSES):
        factor *= 0.3
    if not _fresh(event, published):
        factor *= STALE
    if words < _SHORT:
        factor *= 0.5
    elif words > _LONG:
        factor *= 0.6
    return factor

