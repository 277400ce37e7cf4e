"""merge_events: one entry for an event several documents report; never within one document."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from chrono.model import Event, Granularity, Span, Value
from chrono.order.merge import MERGE_THRESHOLD, merge_events, similarity

WEDNESDAY = Value("2023-03-01", start=dt.date(2023, 3, 1), end=dt.date(2023, 3, 1), granularity=Granularity.DAY)


def event(sentence: str, phrase: str, document: str, when: Value = WEDNESDAY, headline: str | None = None,
          sources: tuple[str, ...] = ()) -> Event:
    start = sentence.index(phrase)
    return Event(when=when, phrase=phrase, span=Span(start, start + len(phrase)), sentence=sentence,
                 headline=headline if headline is not None else sentence.rstrip("."), document=document,
                 sources=sources)


# Reports of one event by two outlets (merge) and different events on the same day (keep apart). The
# scores they get (content-word Jaccard) are what MERGE_THRESHOLD is set between.
@pytest.mark.parametrize(("first", "second", "merged"), [
    (("The Federal Reserve raised interest rates by a quarter point on Wednesday.", "Wednesday"),
     ("The Fed raised rates a quarter of a percentage point Wednesday, its ninth increase.", "Wednesday"), True),
    (("A magnitude 7.8 earthquake struck southern Turkey on Wednesday, killing thousands.", "Wednesday"),
     ("The earthquake that struck Turkey and Syria on March 1 killed more than 50,000 people.", "March 1"), True),
    (("Xi Jinping met Belarusian President Alexander Lukashenko in Beijing on Wednesday.", "Wednesday"),
     ("Lukashenko met Chinese leader Xi Jinping on March 1 in Beijing.", "March 1"), True),
    (("Apple unveiled the iPhone 15 at an event in Cupertino on Wednesday.", "Wednesday"),
     ("Apple on Wednesday unveiled its new iPhone 15 lineup, the company said.", "Wednesday"), True),
    (("The Federal Reserve raised interest rates on Wednesday.", "Wednesday"),
     ("Stocks fell sharply on Wednesday after weak retail data.", "Wednesday"), False),
    (("Xi met Lukashenko in Beijing on Wednesday.", "Wednesday"),
     ("China's foreign ministry criticized U.S. sanctions on Wednesday.", "Wednesday"), False),
    (("Russia launched missiles at Kyiv on Wednesday.", "Wednesday"),
     ("Ukraine launched drones at Moscow on Wednesday.", "Wednesday"), False),
    (("The Federal Reserve raised interest rates on Wednesday.", "Wednesday"),
     ("The Bank of England held interest rates steady on Wednesday.", "Wednesday"), False),
])
def test_wording_decides_between_reports_of_one_event_and_different_events(
        first: tuple[str, str], second: tuple[str, str], merged: bool) -> None:
    a, b = event(*first, document="a"), event(*second, document="b")
    assert (similarity(a, b) >= MERGE_THRESHOLD) is merged
    expected = [dataclasses.replace(a, sources=("b",))] if merged else [a, b]
    assert merge_events([a, b]) == expected


SAME = "The Federal Reserve raised interest rates by a quarter point on Wednesday."
MARCH = Value("2023-03", start=dt.date(2023, 3, 1), end=dt.date(2023, 3, 31), granularity=Granularity.MONTH)
EARLY_MARCH = Value("2023-03", mod="START", start=dt.date(2023, 3, 1), end=dt.date(2023, 3, 31),
                    granularity=Granularity.MONTH)


@pytest.mark.parametrize(("events", "expected"), [
    # one document's two reports of the same thing stay two events
    ([event(SAME, "Wednesday", "a"), event(SAME, "Wednesday", "a")],
     [event(SAME, "Wednesday", "a"), event(SAME, "Wednesday", "a")]),
    # a different value is a different event, however alike the wording
    ([event(SAME, "Wednesday", "a"), event(SAME.replace("Wednesday", "March"), "March", "b", when=MARCH)],
     [event(SAME, "Wednesday", "a"), event(SAME.replace("Wednesday", "March"), "March", "b", when=MARCH)]),
    # so is the same value with a different mod ("early March" is not "March")
    ([event(SAME.replace("Wednesday", "March"), "March", "a", when=MARCH),
      event(SAME.replace("Wednesday", "early March"), "early March", "b", when=EARLY_MARCH)],
     [event(SAME.replace("Wednesday", "March"), "March", "a", when=MARCH),
      event(SAME.replace("Wednesday", "early March"), "early March", "b", when=EARLY_MARCH)]),
    # three documents, one event: the first keeps its place and lists the others in input order
    ([event(SAME, "Wednesday", "a"), event("Stocks fell on Wednesday.", "Wednesday", "a"),
      event(SAME, "Wednesday", "b"), event(SAME, "Wednesday", "c")],
     [event(SAME, "Wednesday", "a", sources=("b", "c")), event("Stocks fell on Wednesday.", "Wednesday", "a")]),
    # sources already carried by an input are kept, once
    ([event(SAME, "Wednesday", "a", sources=("x",)), event(SAME, "Wednesday", "b", sources=("x", "y"))],
     [event(SAME, "Wednesday", "a", sources=("x", "b", "y"))]),
    # a document that already reported into a group cannot join it twice: its second report stands alone
    ([event(SAME, "Wednesday", "a"), event(SAME, "Wednesday", "b"), event(SAME, "Wednesday", "b")],
     [event(SAME, "Wednesday", "a", sources=("b",)), event(SAME, "Wednesday", "b")]),
    ([], []),
])
def test_merge_rules(events: list[Event], expected: list[Event]) -> None:
    assert merge_events(events) == expected


def test_the_best_matching_group_wins() -> None:
    rates = event("The Federal Reserve raised interest rates on Wednesday.", "Wednesday", "a")
    quake = event("An earthquake struck Turkey on Wednesday, killing thousands.", "Wednesday", "a")
    report = event("A powerful earthquake struck Turkey on Wednesday, officials said.", "Wednesday", "b")
    assert merge_events([rates, quake, report]) == [rates, event(quake.sentence, "Wednesday", "a", sources=("b",))]


@pytest.mark.parametrize(("published", "primary", "sources"), [
    ({"a": dt.date(2023, 3, 2), "b": dt.date(2023, 3, 1), "c": dt.date(2023, 3, 3)}, "b", ("a", "c")),
    ({"a": dt.date(2023, 3, 2), "b": dt.date(2023, 3, 2), "c": dt.date(2023, 3, 1)}, "c", ("a", "b")),
    ({"a": None, "b": dt.date(2023, 3, 5)}, "b", ("a", "c")),
    (None, "a", ("b", "c")),
])
def test_the_earliest_published_report_is_the_primary(published: dict[str, dt.date | None] | None, primary: str,
                                                      sources: tuple[str, ...]) -> None:
    stocks = event("Stocks fell on Wednesday.", "Wednesday", "z")
    reports = [event(SAME, "Wednesday", name) for name in ("a", "b", "c")]
    merged = merge_events([stocks, *reports], published=published)
    assert merged == [stocks, event(SAME, "Wednesday", primary, sources=sources)]


def test_merging_is_deterministic() -> None:
    events = [event(SAME, "Wednesday", name) for name in "abcab"]
    assert merge_events(events) == merge_events(list(events)) == [
        event(SAME, "Wednesday", "a", sources=("b", "c")), event(SAME, "Wednesday", "a", sources=("b",))]


def _pairwise_merge(events: list[Event], threshold: float = MERGE_THRESHOLD) -> list[list[int]]:
    """The rule merge_events implements, the slow way: each event against every member of every earlier group of
    its value; the best score at or above the threshold wins, the earliest group on a tie. Returns the groups as
    lists of input positions."""
    groups: list[list[int]] = []
    for position, current in enumerate(events):
        best: tuple[float, int] | None = None
        for index, members in enumerate(groups):
            first = events[members[0]]
            reporters = {document for m in members for document in (events[m].document, *events[m].sources)}
            if (first.when.value, first.when.mod) != (current.when.value, current.when.mod) \
                    or current.document in reporters:
                continue
            score = max(similarity(current, events[m]) for m in members)
            if score >= threshold and (best is None or score > best[0]):
                best = (score, index)
        if best is None:
            groups.append([position])
        else:
            groups[best[1]].append(position)
    return groups


_VOCABULARY = ("fed raised rates quarter point bank england held steady stocks fell retail data earthquake struck "
               "turkey syria killed thousands xi met lukashenko putin beijing apple unveiled iphone").split()
_DAYS = [Value(f"2023-03-0{day}", start=dt.date(2023, 3, day), end=dt.date(2023, 3, day),
               granularity=Granularity.DAY) for day in (1, 2)]


def _random_events(seed: int, count: int, most_words: int = 7, documents: str = "abcdef") -> list[Event]:
    import random

    chooser = random.Random(seed)
    events = []
    for _ in range(count):
        words = chooser.sample(_VOCABULARY, chooser.randint(1, most_words))
        sentence = " ".join(words) + " on Wednesday."
        headline = " ".join(chooser.sample(words, max(1, len(words) - chooser.randint(0, 2))))
        events.append(event(sentence, "Wednesday", chooser.choice(documents), when=chooser.choice(_DAYS),
                            headline=headline))
    return events


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("threshold", [MERGE_THRESHOLD, 0.15, 0.5])
# long sets have long prefixes, and sizes that cannot meet; 2 words: a wording repeats in many groups, and an older
# group takes in a wording late (merge_events keeps, per document, the groups it already reports into)
@pytest.mark.parametrize(("most_words", "documents"), [(7, "abcdef"), (20, "abcdef"), (2, "abcdef"),
                                                       # many documents: big groups, most events one report each
                                                       (7, "abcdefghijklmnopqrstuvwxyz0123456789")])
def test_the_indexed_merge_makes_the_merges_of_the_pairwise_rule(seed: int, threshold: float, most_words: int,
                                                                  documents: str) -> None:
    events = _random_events(seed, 60, most_words, documents)
    groups = _pairwise_merge(events, threshold)
    expected = [dataclasses.replace(events[members[0]], sources=tuple(dict.fromkeys(
        events[m].document for m in members if events[m].document != events[members[0]].document)))
        for members in groups]
    assert merge_events(events, threshold=threshold) == expected
    assert len(expected) < len(events)  # the rows do merge something


@pytest.mark.parametrize("threshold", [0, -0.1, 1.5])
def test_a_threshold_outside_0_to_1_is_refused(threshold: float) -> None:
    with pytest.raises(ValueError, match="threshold"):
        merge_events([], threshold=threshold)


def _lines_run_in_merge(events: list[Event]) -> int:
    """Python lines executed inside chrono/order/merge.py by one merge_events call: an operation count, not a time."""
    import sys

    import chrono.order.merge as merge_module

    count = 0

    def local(frame: object, what: str, arg: object) -> object:
        nonlocal count
        count += what == "line"
        return local

    def calls(frame: object, what: str, arg: object) -> object:
        return local if frame.f_code.co_filename == merge_module.__file__ else None  # type: ignore[attr-defined]

    sys.settrace(calls)
    try:
        merge_events(events)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("sources", [1, 2])  # one document; two that report the same list
def test_one_wording_repeated_by_a_document_costs_the_same_per_event(sources: int) -> None:
    """A timetable or a list dates one day hundreds of times in one wording: each event is weighed against the groups
    its document may still join, not against every group before it (that walk made a long list quadratic)."""
    per_event = []
    for repeats in (100, 400):
        events = [event("Open Monday to Friday.", "Monday", document) for document in "ab"[:sources]
                  for _ in range(repeats)]
        merged = merge_events(events)
        assert len(merged) == repeats and all(len(e.sources) == sources - 1 for e in merged)
        per_event.append(_lines_run_in_merge(events) / len(events))
    assert per_event[1] <= per_event[0] * 1.3, per_event


_CORE = "Rescuers searched the rubble of the collapsed hospital in Antakya on Wednesday"
_POOL = ("survivors night cold dogs teams trapped families aid army volunteers cranes floors doctors nurses patients "
         "tents snow dust sirens lights shovels hands neighbours firefighters miners engineers drones blankets food "
         "water").split()  # 435 pairs: 400 reports worded apart


def _alike_reports(documents: int) -> list[Event]:
    """One report of the day per document, each in its own wording: the core sentence and two words of a pool."""
    import itertools

    pairs = itertools.cycle(itertools.combinations(_POOL, 2))
    return [event(_CORE.replace(" on", " {} {} on".format(*next(pairs))), "Wednesday", f"d{number}", headline="")
            for number in range(documents)]


def test_many_documents_reporting_a_day_alike_cost_the_same_per_event() -> None:
    """Many documents dating one day in different but alike wordings make quadratically many similar pairs: each
    event is weighed against the group they all joined, not against every similar report before it (that took
    1,517 lines an event for 100 documents, 5,712 for 400)."""
    per_event = []
    for documents in (100, 400):
        events = _alike_reports(documents)
        merged = merge_events(events)
        assert len(merged) == 1 and len(merged[0].sources) == documents - 1
        per_event.append(_lines_run_in_merge(events) / len(events))
    assert per_event[1] <= per_event[0] * 1.3, per_event


def _numbered_reports(documents: int) -> list[Event]:
    """Two reports of the day per document, worded alike but for a number: every two score 6/8."""
    return [event(f"The council voted on item {2 * number + report} of the bridge repairs budget on Wednesday.",
                  "Wednesday", f"d{number}", headline="") for number in range(documents) for report in (0, 1)]


def test_a_day_each_document_reports_twice_alike_costs_the_same_per_event() -> None:
    """A first report may join either group of the day (the first reports' or the second reports'): the groups are
    weighed against what their members' sizes let them score, and the second cannot beat the 6/8 the first reaches,
    so neither is weighed member by member (that took 1,062 lines an event for 100 documents, 3,613 for 400)."""
    events = _numbered_reports(12)
    groups = _pairwise_merge(events)
    assert [len(members) for members in groups] == [12, 12]
    assert merge_events(events) == [dataclasses.replace(events[members[0]], sources=tuple(
        events[m].document for m in members[1:])) for members in groups]
    per_event = []
    for documents in (100, 400):
        events = _numbered_reports(documents)
        assert [len(e.sources) for e in merge_events(events)] == [documents - 1, documents - 1]
        per_event.append(_lines_run_in_merge(events) / len(events))
    assert per_event[1] <= per_event[0] * 1.3, per_event
