"""The tense of the verb that governs an expression, from per-language cue words (chrono/lang/<lang>/tense.toml).

The governing verb is the nearest tense cue before the expression in its clause ("He said the meeting will be
on Tuesday": "will", FUTURE), else the nearest one after it ("On Tuesday the board will meet"). A participle
takes the tense of the auxiliary leading its verb group ("will be held" is FUTURE, "has been named" PAST).

A cue is *firm* when it stands in the expression's own clause: a few words away, with no comma or clause word
(``where``, ``which``...) between them ("Prices will rise in December"). The resolver lets only a firm cue rule
a side out entirely; a loose one ("would produce aid, where the Aug. 7 blasts killed...") only breaks near-ties.

An expression written as a possessive ("Friday's purchases") with no past or future cue reads as past.

An end point ("were suspended until Friday") whose verb before it is past, or which has no verb, is marked: a
weekday there points past the report (the resolver takes the nearest such day, leaning ahead), unless the verb's
group looks back ("had been closed until Friday"); tense.toml [deadline].

Posts and event pages bid and schedule: a present-simple verb that schedules standing right before the
expression ("The show opens Friday", "Markets close Friday") is a future cue, before any other; one right after
it, its subject ("Diwali falls on 1 November"), a firm present one, as "is" would be; a clause opened
by an imperative ("Join us Sunday", "Vote on Tuesday") is one when no past or future cue is in it, an
invitation before the expression ("see you Friday") when none stands between them. Both are loose ("Rosters
start w/c 6 May" on 10 May is this week, "See you Fri 26 Jan" ten days after it is not five years on). So are a
plan told with its subject left out ("flying out on sunday") and a question with no verb cue ("drinks fri 8pm?").

A sentence is tokenised and its cues found once (cached), however many expressions it holds.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate
from operator import attrgetter

from chrono.lang import Language, or_default
from chrono.lang.sections import RegularPast, TenseWords
from chrono.model import Span, Tense

__all__ = ["TenseCue", "governing_cue", "governing_tense"]

# curly apostrophes and quotes count as straight ones (each token is straightened, not the whole sentence); the
# colon of a clock time ("9:00") is no mark between clauses (every branch begins with what it consumes, so the regex
# engine skips, in C, the characters none can begin with; a look-behind first is tried at every position)
_WORD_RE = re.compile(r"[A-Za-z]+(?:['\u2019\u2018][A-Za-z]+)?|[;,\"\u201c\u201d]|:(?<!\d:)|:(?!\d)")
# the same tokens as a split keeps them (captured): pieces and running lengths, no match object per token
_TOKEN_SPLIT = re.compile(f"({_WORD_RE.pattern})")
_WORD = attrgetter("word")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_SENTENCES_CACHED = 256  # a document's sentences are met in order; a few hundred cover any lookback
_TOKENS_REMEMBERED = 1 << 16  # distinct tokens whose cues are remembered; the memo restarts beyond that


@dataclass(frozen=True, slots=True)
class TenseCue:
    """The governing tense and whether its cue is in the expression's own clause (see the module docstring)."""

    tense: Tense
    firm: bool = False
    leaning: bool = False  # a cue that only leans to its side (an imperative, a scheduling verb): a date weeks
    # back on the other side stays there ("Drilling for the second well starts on 16 May", written in June)
    endpoint: bool = False  # an end point set by a past or no verb ("suspended until Friday"): a weekday leans ahead


_NO_CUE = TenseCue(Tense.NONE)
_KNOWN_EVENT = TenseCue(Tense.PAST)  # a possessive with no verb cue ("Friday's purchases")
_STARTED = TenseCue(Tense.PAST, firm=True)  # a start point ("since Friday"), whatever the verb
_SCHEDULED = TenseCue(Tense.FUTURE, leaning=True)  # "The show opens Friday"
_SCHEDULING = TenseCue(Tense.PRESENT, firm=True)  # "Diwali falls on 1 November": the subject of a scheduling verb
_BIDDING = TenseCue(Tense.FUTURE, leaning=True)  # "Join us Sunday": the imperative may stand far from the expression
_ASKING = TenseCue(Tense.FUTURE, leaning=True)  # "drinks fri 8pm?": a question with no verb cue asks about a plan
_HANDLE_MARKS = "@#"  # a token after one of these is a handle or tag, not a clause's first word


@dataclass(frozen=True, slots=True)
class _Cues:
    # phrases by their first word, each with its rank in the longest-first order (the order they are applied in)
    phrases: dict[str, tuple[tuple[int, tuple[str, ...], Tense], ...]]
    words: dict[str, Tense]
    suffixes: dict[str, Tense]
    suffix_tuple: tuple[str, ...]
    participles: frozenset[str]
    ed_exceptions: frozenset[str]
    regular_past: RegularPast
    group_skip: frozenset[str]
    infinitives: frozenset[str]
    determiners: frozenset[str]  # a participle after one of these modifies a noun ("a still unspecified date")
    adverbs: frozenset[str]  # what may stand between such a determiner and its participle ("the much delayed")
    auxiliaries: dict[str, Tense]
    boundaries: frozenset[str]
    clause_breaks: frozenset[str]  # tokens that put a cue outside the expression's own clause
    relatives: frozenset[str]  # words opening a clause set off by commas, whose verb governs nothing outside it
    lowercase_only: frozenset[str]  # cue words that are something else when capitalised ("May")
    firm_words: int  # at most this many words between a firm cue and its expression
    possessives: tuple[str, ...]  # what follows an expression written as a possessive ("Friday's")
    deadline_words: frozenset[str]  # what sets an end point ("through January"): a loose past cue gives way
    looking_back: frozenset[str]  # in the verb group before an end point, they say it is over ("had been closed")
    end_then: frozenset[str]  # right after an end point, they tell what happened at it ("until Friday when")
    start_words: frozenset[str]  # what sets a start point ("since Friday"): before the report
    imperatives: frozenset[str]  # a clause's first word that bids ("Join us Sunday")
    plans: frozenset[str]  # a clause's first word that tells a plan, its subject left out ("flying out on sunday")
    question_marks: str  # what ends a question
    bidding_phrases: tuple[tuple[str, ...], ...]  # anywhere before the expression in its clause ("see you")
    invitation_starts: frozenset[str]  # the first words of bidding_phrases
    schedule_singular: frozenset[tuple[str, ...]]  # "opens", "kicks off": right before the expression
    schedule_plural: frozenset[tuple[str, ...]]  # "close", "go on sale": also only after a plural subject
    plural_ending: str
    schedule_between: frozenset[str]  # what may stand between a scheduling verb and the expression ("on")
    schedule_longest: int
    schedule_words: frozenset[str]  # the last words of the scheduling verbs
    # what each token as written (case and curly quotes kept) says by itself, filled as tokens are met
    lexicon: dict[str, _Lexical]


@dataclass(frozen=True, slots=True)
class _Lexical:
    word: str  # lowercase
    tense: Tense | None  # the cue of the word alone
    participle: bool
    boundary: bool
    clause_break: bool


@dataclass(frozen=True, slots=True)
class _Clause:
    """A sentence's words as the tense rules see them; offsets relative to the sentence start."""

    starts: list[int]
    ends: list[int]
    entries: list[_Lexical]
    tenses: list[Tense | None]
    bids: bool  # whether any word may open an imperative or an invitation: most sentences need no look for one
    schedules: bool  # whether any word may end a scheduling verb ("opens", "kicks off")


@cache
def _cues(data: TenseWords) -> _Cues:
    phrases: list[tuple[tuple[str, ...], Tense]] = []
    words: dict[str, Tense] = {}
    suffixes: dict[str, Tense] = {}
    for tense in (Tense.PAST, Tense.PRESENT, Tense.FUTURE):
        section = {Tense.PAST: data.past, Tense.PRESENT: data.present, Tense.FUTURE: data.future}[tense]
        phrases.extend((tuple(phrase.split()), tense) for phrase in section.phrases)
        words.update(dict.fromkeys(section.words, tense))
        suffixes.update(dict.fromkeys(section.suffixes, tense))
    by_first: dict[str, list[tuple[int, tuple[str, ...], Tense]]] = {}
    for rank, (phrase, tense) in enumerate(sorted(phrases, key=lambda item: -len(item[0]))):
        if phrase:
            by_first.setdefault(phrase[0], []).append((rank, phrase, tense))
    past, groups, clause = data.past, data.groups, data.clause
    return _Cues(
        phrases={first: tuple(entries) for first, entries in by_first.items()},
        words=words,
        suffixes=suffixes,
        suffix_tuple=tuple(suffixes),
        participles=frozenset(past.irregular),
        ed_exceptions=frozenset(past.ed_exceptions),
        regular_past=data.regular_past,
        group_skip=frozenset(groups.skip),
        infinitives=frozenset(groups.infinitives),
        determiners=frozenset(groups.determiners),
        adverbs=frozenset(groups.adverbs),
        auxiliaries={word: Tense(tense) for word, tense in groups.auxiliaries.items()},
        boundaries=frozenset(clause.boundaries),
        clause_breaks=frozenset(clause.breaks),
        relatives=frozenset(clause.relatives),
        lowercase_only=frozenset(data.lowercase_only.words),
        firm_words=clause.firm_words,
        possessives=data.possessive.markers,
        deadline_words=frozenset(data.deadline.words),
        looking_back=frozenset(data.deadline.looking_back),
        end_then=frozenset(data.deadline.then),
        start_words=frozenset(data.start_point.words),
        imperatives=frozenset(data.imperative.words),
        plans=frozenset(data.plans.words),
        question_marks="".join(data.question.words),
        bidding_phrases=tuple(tuple(phrase.split()) for phrase in data.imperative.phrases),
        invitation_starts=frozenset(phrase.split()[0] for phrase in data.imperative.phrases),
        schedule_singular=frozenset(tuple(verb.split()) for verb in data.schedule.singular),
        schedule_plural=frozenset(tuple(verb.split()) for verb in data.schedule.plural),
        plural_ending=data.schedule.plural_ending,
        schedule_between=frozenset(data.schedule.between),
        schedule_words=frozenset(verb.split()[-1] for verb in (*data.schedule.singular, *data.schedule.plural)),
        schedule_longest=max((len(verb.split()) for verb in (*data.schedule.singular, *data.schedule.plural)),
                             default=0),
        lexicon={},
    )


def governing_tense(text: str, expression: Span, sentence: Span, *, language: Language | None = None) -> Tense:
    """Tense of the clause around ``expression`` inside ``sentence`` (offsets into text)."""
    return governing_cue(text, expression, sentence, language=language).tense


def governing_cue(text: str, expression: Span, sentence: Span, *, language: Language | None = None) -> TenseCue:
    """The governing tense of ``expression`` and whether its cue is firm (in the expression's own clause)."""
    words = or_default(language).tense
    cues = _cues(words)
    preceding = text[max(0, expression.start - 24):expression.start].lower().split()
    if _after_word(preceding, cues.start_words, cues.determiners):
        return _STARTED
    clause = _clause(text[sentence.start:sentence.end], words)
    # tokens never overlap, so both their starts and their ends ascend
    before = bisect_right(clause.ends, expression.start - sentence.start)
    after = bisect_left(clause.starts, expression.end - sentence.start)
    if clause.schedules and _scheduled(clause, before, cues):
        return _SCHEDULED
    if clause.schedules and _schedules_after(clause, after, cues):
        return _SCHEDULING
    cue, at = _verb_cue(clause, before, after, cues)
    deadline = _after_word(preceding, cues.deadline_words)
    # "were suspended until Friday": the suspension holds at the report; "Until Saturday, none had reached": over
    endpoint = (deadline and cue.tense in (Tense.PAST, Tense.NONE) and at < before
                and not _looks_back(clause, at, cues) and not _told_then(text, expression.end, cues))
    if cue.tense is Tense.PAST and not cue.firm and deadline:
        cue = _NO_CUE  # "has extended loans ... through January": an end point, often still ahead
    if _bidding(text, sentence.start, clause, before, cues, cue):
        return _BIDDING
    if cue.tense in (Tense.NONE, Tense.PRESENT) and cues.possessives and text.startswith(cues.possessives,
                                                                                          expression.end):
        return _KNOWN_EVENT
    if cue.tense is Tense.NONE and cues.question_marks and _asks(text[sentence.start:sentence.end], cues):
        return _ASKING
    return TenseCue(cue.tense, cue.firm, cue.leaning, endpoint=True) if endpoint else cue


def _scheduled(clause: _Clause, before: int, cues: _Cues) -> bool:
    """Whether a scheduling verb stands right before the token at ``before`` ("opens Friday", "close on Friday")."""
    words = [entry.word for entry in clause.entries[max(0, before - cues.schedule_longest - 2):before]]
    if words and words[-1] in cues.schedule_between:
        words.pop()
    for size in range(1, min(cues.schedule_longest, len(words)) + 1):
        verb, subject = tuple(words[-size:]), words[-size - 1] if len(words) > size else ""
        if verb in cues.schedule_singular and subject not in cues.determiners:
            return True
        if verb in cues.schedule_plural and subject.endswith(cues.plural_ending) and subject not in cues.determiners:
            return True
    return False


def _schedules_after(clause: _Clause, after: int, cues: _Cues) -> bool:
    """Whether a scheduling verb in the singular follows the expression right away, its subject ("Diwali falls on
    1 November", "Ramadan begins"): the expression is told in the present, as with "is"."""
    words = tuple(entry.word for entry in clause.entries[after:after + cues.schedule_longest])
    return any(words[:size] in cues.schedule_singular for size in range(1, len(words) + 1))


def _bidding(text: str, offset: int, clause: _Clause, before: int, cues: _Cues, cue: TenseCue) -> bool:
    """Whether the clause holding the token at ``before`` bids: a phrase before it with no past or future cue
    between ("how about friday night or sat?": "sat" after it is no verb here), or an imperative opening it when
    the clause has no past or future cue ("Join us Sunday"). A clause with no word before the expression after a
    boundary ("Save the date: Saturday") belongs to the one before."""
    if not clause.bids:
        return False
    first, recent, cued = None, [], False
    for i in range(before - 1, -1, -1):
        entry = clause.entries[i]
        if entry.boundary and first is not None:
            break
        cued = cued or clause.tenses[i] in (Tense.PAST, Tense.FUTURE)
        if not cued:
            recent.append(entry.word)
        start = offset + clause.starts[i]
        if entry.word[0].isalpha() and (start == 0 or text[start - 1] not in _HANDLE_MARKS):
            first = entry.word
    if cue.tense in (Tense.NONE, Tense.PRESENT) and first in cues.imperatives:
        return True
    if cue.tense is Tense.NONE and first in cues.plans:
        return True
    recent.reverse()
    starts = cues.invitation_starts  # a phrase is compared only where its first word stands
    return any(tuple(recent[i:i + len(phrase)]) == phrase
               for i, word in enumerate(recent) if word in starts
               for phrase in cues.bidding_phrases if phrase[0] == word)


def _asks(sentence: str, cues: _Cues) -> bool:
    """Whether the sentence's last marks (after its last letter or digit: "dinner thurs?! :)") end a question."""
    for char in reversed(sentence):
        if char in cues.question_marks:
            return True
        if char.isalnum():
            return False
    return False


def _after_word(preceding: list[str], words: frozenset[str], skip: frozenset[str] = frozenset()) -> bool:
    """Whether the last of the words ``preceding`` an expression (lowercase), past one of ``skip`` ("since the April
    20 explosion"), is one of ``words``."""
    if len(preceding) > 1 and preceding[-1] in skip:
        return preceding[-2] in words
    return bool(preceding) and preceding[-1] in words


def _told_then(text: str, end: int, cues: _Cues) -> bool:
    """Whether the word right after ``end`` tells what happened at an end point ("until Friday when ...")."""
    after = text[end:end + 12].split()
    return bool(after) and after[0].lower() in cues.end_then


def _looks_back(clause: _Clause, at: int, cues: _Cues) -> bool:
    """Whether the verb group of the cue at ``at`` (its auxiliaries and the adverbs among them) holds a word that
    says an end point is over ("had been closed", "didn't hear ... until"); False when there is no cue."""
    if at < 0:
        return False
    words = [entry.word for entry in clause.entries]
    first = at
    while first > 0 and (words[first - 1] in cues.group_skip or words[first - 1] in cues.auxiliaries):
        first -= 1
    last = at
    while last + 1 < len(words) and words[last + 1] in cues.group_skip:
        last += 1
    return not cues.looking_back.isdisjoint(words[first:last + 1])


def _verb_cue(clause: _Clause, before: int, after: int, cues: _Cues) -> tuple[TenseCue, int]:
    """The cue of the verb governing the tokens from ``before`` to ``after`` (the expression's), and the index of
    its token (-1 when there is none)."""
    limit = cues.firm_words
    broken = False
    for i in range(before - 1, -1, -1):
        if clause.entries[i].boundary:
            break
        tense = clause.tenses[i]
        if tense is not None:
            return TenseCue(tense, not broken and before - 1 - i <= limit), i
        broken = broken or clause.entries[i].clause_break
    broken = False
    relatives, set_off, inside, inside_at = cues.relatives, False, _NO_CUE, -1
    for i in range(after, len(clause.starts)):
        entry = clause.entries[i]
        if entry.boundary:
            break
        if entry.word == ",":  # a relative clause set off by commas ("his brothers, who will ..., defended")
            set_off = not set_off and i + 1 < len(clause.entries) and clause.entries[i + 1].word in relatives
        tense = clause.tenses[i]
        if tense is not None and set_off and inside.tense is Tense.NONE:  # taken only when no verb follows
            inside, inside_at = TenseCue(tense), i
        elif tense is not None and not set_off:
            return TenseCue(tense, not broken and i - after <= limit), i
        # "In December, prices will rise": the comma that closes a leading phrase keeps the cue in its clause
        broken = broken or (entry.clause_break and i > after)
    return inside, inside_at


@lru_cache(maxsize=_SENTENCES_CACHED)
def _clause(chunk: str, words: TenseWords) -> _Clause:
    cues = _cues(words)
    lexicon = cues.lexicon
    if len(lexicon) > _TOKENS_REMEMBERED:
        lexicon.clear()
    pieces = _TOKEN_SPLIT.split(chunk)  # text between tokens, token, ..., text after the last token
    offsets = list(accumulate(map(len, pieces)))  # where each piece ends
    known = lexicon.get
    entries = [known(raw) or lexicon.setdefault(raw, _lexical(raw, cues)) for raw in pieces[1::2]]
    return _Clause(starts=offsets[:-1:2], ends=offsets[1::2], entries=entries, tenses=_token_tenses(entries, cues),
                   bids=_may_bid(chunk, offsets[:-1:2], entries, cues),
                   schedules=not cues.schedule_words.isdisjoint(entry.word for entry in entries))


def _may_bid(chunk: str, starts: list[int], entries: list[_Lexical], cues: _Cues) -> bool:
    """Whether _bidding can find anything in this sentence: an invitation's first word anywhere, or an imperative
    as the first word of a clause (handles passed over, as _bidding does)."""
    if not cues.invitation_starts.isdisjoint(entry.word for entry in entries):
        return True
    looking = True
    for start, entry in zip(starts, entries, strict=True):
        if entry.boundary:
            looking = True
        elif looking and entry.word[:1].isalpha():
            if entry.word in cues.imperatives or entry.word in cues.plans:
                return True
            looking = start > 0 and chunk[start - 1] in _HANDLE_MARKS
    return False


def _token_tenses(entries: list[_Lexical], cues: _Cues) -> list[Tense | None]:
    """The tense cue each token carries (phrases mark their first word and silence the rest).

    Phrases apply in the longest-first order, each left to right, skipping a match that overlaps one already
    applied: collecting every match and applying them sorted by (phrase rank, position) does exactly that.
    """
    words = list(map(_WORD, entries))
    tenses: list[Tense | None] = [None] * len(words)
    covered = [False] * len(words)
    # a slice running past the end is shorter than the phrase, so it cannot compare equal
    found = sorted((rank, i, len(phrase), tense)
                   for i in [i for i, word in enumerate(words) if word in cues.phrases]
                   for rank, phrase, tense in cues.phrases[words[i]] if tuple(words[i:i + len(phrase)]) == phrase)
    for _, i, size, tense in found:
        if not any(covered[i:i + size]):
            tenses[i] = tense
            covered[i:i + size] = [True] * size
    for i in [i for i, entry in enumerate(entries) if entry.tense is not None]:
        if not covered[i]:
            entry = entries[i]
            tenses[i] = _group_tense(words, i, cues) if entry.tense is Tense.PAST and entry.participle else entry.tense
    return tenses


def _lexical(raw: str, cues: _Cues) -> _Lexical:
    """What a token says by itself: its cue word or suffix, else PAST when it is a past participle."""
    word = raw.translate(_APOSTROPHES).lower()
    participle = _is_participle(word, raw[0].isupper(), cues)
    if word in cues.lowercase_only and not raw.islower():
        tense: Tense | None = None
    elif word in cues.words:
        tense = cues.words[word]
    elif word.endswith(cues.suffix_tuple):
        tense = next(tense for suffix, tense in cues.suffixes.items() if word.endswith(suffix))
    else:
        tense = Tense.PAST if participle else None
    return _Lexical(word, tense, participle, word in cues.boundaries, word in cues.clause_breaks)


def _is_participle(word: str, capitalised: bool, cues: _Cues) -> bool:
    if word in cues.participles:
        return True
    regular = cues.regular_past
    if (not word.endswith(regular.ending) or word.endswith(regular.not_endings) or len(word) < regular.min_letters
            or word in cues.ed_exceptions):
        return False
    return not capitalised  # "United", "Ahmed": names, not verbs


def _group_tense(words: list[str], index: int, cues: _Cues) -> Tense | None:
    """The tense of the participle at ``index``: its group's leading auxiliary, else PAST when it is finite."""
    leading: Tense | None = None
    i = index - 1
    while i >= 0 and (words[i] in cues.group_skip or words[i] in cues.auxiliaries):
        if words[i] in cues.auxiliaries:
            leading = cues.auxiliaries[words[i]]
        i -= 1
    if leading is None and index > 0 and words[index - 1] in cues.infinitives:
        return None  # "to be published", "be held": the governing verb is further away
    if leading is None and _after_determiner(words, index, cues):
        return None  # an adjective ("on a still unspecified date", "the planned merger"), not a verb
    return leading or Tense.PAST


def _after_determiner(words: list[str], index: int, cues: _Cues) -> bool:
    """Whether the word at ``index`` follows a determiner, past any adverbs ("a newly elected", "the much delayed")."""
    i = index - 1
    while i >= 0 and (words[i] in cues.group_skip or words[i] in cues.adverbs):
        i -= 1
    return i >= 0 and words[i] in cues.determiners
