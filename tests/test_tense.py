"""governing_tense as a table: (sentence, the expression inside it, expected tense)."""

from __future__ import annotations

import pytest

from chrono.model import Span, Tense
from chrono.resolve.tense import governing_cue, governing_tense

PAST, PRESENT, FUTURE, NONE = Tense.PAST, Tense.PRESENT, Tense.FUTURE, Tense.NONE

CASES = [
    ("Suspected bombs exploded outside the embassies Friday, witnesses said.", "Friday", PAST),
    ("The minister said Friday that the talks had failed.", "Friday", PAST),
    ("Officials on Friday said the talks had failed.", "Friday", PAST),
    ("He said the meeting will be on Tuesday.", "Tuesday", FUTURE),
    ("He said Tuesday that he will resign.", "Tuesday", PAST),
    ("On Tuesday, the board will meet again.", "Tuesday", FUTURE),
    ("The vote will be held on Tuesday.", "Tuesday", FUTURE),
    ("The vote would be held in March, he said.", "March", FUTURE),
    ("He'll arrive in Paris on Monday.", "Monday", FUTURE),
    ("He’ll arrive in Paris on Monday.", "Monday", FUTURE),
    ("The summit is scheduled for March.", "March", FUTURE),
    ("The summit is scheduled to open in March.", "March", FUTURE),
    ("Talks are expected to resume in September.", "September", FUTURE),
    ("The report is due to be published in June.", "June", FUTURE),
    ("The company plans to open the plant in October.", "October", FUTURE),
    ("The company is going to open the plant in October.", "October", FUTURE),
    ("Ministers are set to approve the budget in May.", "May", FUTURE),
    ("The team won't play on Sunday.", "Sunday", FUTURE),
    ("The team planned to leave Nairobi on Thursday.", "Thursday", FUTURE),
    ("Protesters planned a large demonstration on Saturday.", "Saturday", FUTURE),
    ("The accession was planned for early March.", "March", FUTURE),
    ("The road would be exposed for a planned campaign in 1976.", "1976", FUTURE),
    ("It agreed to purchase the line for $22 million in February.", "February", FUTURE),
    ("It announced an agreement to acquire the bank in January.", "January", FUTURE),
    ("It will dominate a summit set for Washington in April.", "April", FUTURE),
    ("The attorney has scheduled a news conference Thursday.", "Thursday", FUTURE),
    ("He created an office of the chairman, effective Feb. 1.", "Feb. 1", FUTURE),
    ("The company has been sold in January.", "January", PAST),
    # a clock time's colon is no mark between clauses; posts' own future forms
    ("The talks ran from 9:00 to 17:00 on Monday.", "Monday", PAST),
    ("The board will meet at 9:30 on Monday.", "Monday", FUTURE),
    ("gotta finish shopping b4 xmas", "xmas", FUTURE),
    ("wanna grab lunch fri", "fri", FUTURE),
    ("Prices have risen since January.", "January", PAST),
    ("Prices rose sharply in January.", "January", PAST),
    ("The plant was built in 1990.", "1990", PAST),
    ("The rebels had taken the town in March.", "March", PAST),
    ("In March, the rebels took the town.", "March", PAST),
    ("In September the rebels attacked the capital.", "September", PAST),
    ("Troops withdrew from the city on Sunday.", "Sunday", PAST),
    ("The meeting is on Monday.", "Monday", PRESENT),
    ("Monday is a public holiday.", "Monday", PRESENT),
    ("The market remains closed on Friday.", "Friday", PRESENT),
    ("The deal is being negotiated this week.", "this week", PRESENT),
    ("Shares fell 3 percent on Wednesday, but analysts expect a rebound next month.", "Wednesday", PAST),
    ("Stocks climbed last week and will rise again next month.", "next month", FUTURE),
    ("Stocks climbed last week and will rise again next month.", "last week", PAST),
    ("The company, which was founded in 1990, will open a plant in March.", "March", FUTURE),
    ("The company, which was founded in 1990, will open a plant in March.", "1990", PAST),
    ("The trial, which will start Monday, follows the arrest of two men.", "Monday", FUTURE),
    # a relative clause set off by commas between the expression and the main verb is passed over ...
    ("On Tuesday his brothers, who will be taking part in the concert, defended the decision.", "Tuesday", PAST),
    ("On Tuesday his brothers, who took part in the concert, will defend the decision.", "Tuesday", FUTURE),
    # ... but its verb still governs when no verb follows it
    ("On Saturday the new ship, which will store the oil.", "Saturday", FUTURE),
    ("Last year, a record harvest.", "Last year", NONE),
    ("Last year the economy expanded by 2 percent.", "Last year", PAST),
    ("United Airlines flights on Monday.", "Monday", NONE),
    ("A hundred people on Monday.", "Monday", NONE),
    ("Tuesday.", "Tuesday", NONE),
    ("The vote was scheduled for Thursday.", "Thursday", FUTURE),
    ("He had expected the result in May; it will come in June.", "June", FUTURE),
    ("He had expected the result in May; it will come in June.", "May", PAST),
    ("He promised to return on Friday.", "Friday", FUTURE),
    ("She was born in 1950.", "1950", PAST),
    ("The rate is now 5 percent, compared with 4 percent in January.", "January", PAST),
    ("The rate is 5 percent in January.", "January", PRESENT),
    # modals look ahead, also under a reporting verb; with "have" they look back
    ("She said the company may raise prices in May.", "May", FUTURE),
    ("She said the company could raise prices in May.", "May", FUTURE),
    ("Rates might rise in June.", "June", FUTURE),
    ("Prices may have peaked in March.", "March", PAST),
    ("Investigators asked how he could have escaped on April 8.", "April 8", PAST),
    ("May is here, he said.", "May", PRESENT),  # capitalised: the month, not the modal
    # a report in the present tense tells what was said by now
    ("The ministry says Tuesday that taxes will rise.", "Tuesday", PAST),
    # a possessive with no past or future cue names a known event
    ("The premium is over Thursday's closing price.", "Thursday", PAST),
    ("Turnout in Sunday’s vote.", "Sunday", PAST),
    ("Sunday's vote will decide it.", "Sunday", FUTURE),
    ("May is a long way off, he said.", "May", FUTURE),
    ("The vote in March is still weeks away.", "March", FUTURE),
    # posts bid and schedule: an imperative opening the clause, a scheduling verb right before the expression
    ("Join us Sunday for the match.", "Sunday", FUTURE),
    ("See you Friday!", "Friday", FUTURE),
    ("The show opens Friday.", "Friday", FUTURE),
    ("Markets close on Friday.", "Friday", FUTURE),
    ("The company said Monday it opens a store.", "Monday", PAST),
    ("The store opened Friday.", "Friday", PAST),
    ("Call volumes rose Monday.", "Monday", PAST),
    ("Stocks got off to a strong start Monday.", "Monday", PAST),
    # ... and the subject of one is told in the present, as with "is"
    ("Diwali falls on 1 November this year.", "Diwali", PRESENT),
    ("This year Easter falls early.", "Easter", PRESENT),
    ("Diwali fell on a Sunday last year.", "Diwali", PAST),
    # irregular past forms beyond the commonest ("lit" was no cue: "on 19 May" written in December went ahead)
    ("Fireworks lit up the sky on 19 May.", "19 May", PAST),
    ("The ship underwent repairs in March.", "March", PAST),
    ("Relatives wept at the hearing on Tuesday.", "Tuesday", PAST),
    ("The council rebuilt the bridge in 2019.", "2019", PAST),
    ("The bridge will be rebuilt in 2030.", "2030", FUTURE),  # must not: the auxiliary leads the group
]


@pytest.mark.parametrize(("sentence", "phrase", "expected"), CASES)
def test_governing_tense(sentence: str, phrase: str, expected: Tense) -> None:
    start = sentence.index(phrase)
    assert governing_tense(sentence, Span(start, start + len(phrase)), Span(0, len(sentence))) == expected


def test_offsets_are_into_the_whole_text() -> None:
    text = "Headline here. The talks collapsed on Monday. Next talks will be on Friday."
    sentence_start = text.index("Next")
    start = text.index("Friday")
    assert governing_tense(text, Span(start, start + 6), Span(sentence_start, len(text))) == FUTURE
    first = Span(text.index("The talks"), sentence_start)
    monday = text.index("Monday")
    assert governing_tense(text, Span(monday, monday + 6), first) == PAST


# (sentence, expression, expected tense, whether the cue is firm: in the expression's own clause)
FIRM_CASES = [
    ("Prices will rise in December.", "December", FUTURE, True),
    ("Prices rose in January.", "January", PAST, True),
    ("In December, prices will rise.", "December", FUTURE, True),
    ("The company plans to open the plant in October.", "October", FUTURE, True),
    ("Officials also hoped she would produce aid, where the Aug. 7 blasts killed 257.", "Aug. 7", FUTURE, False),
    ("They would look for ways to get around the ruling of the agency by Jan. 14.", "Jan. 14", FUTURE, False),
    ("He said it will redeem 9.5 million Series H preferred shares on Oct. 31.", "Oct. 31", PAST, True),
    ("The rebels, who had fled, returned in March.", "March", PAST, True),
    ("Sales, which rose, will fall in March.", "March", FUTURE, True),
    ("The plant closed after the union struck in March.", "March", PAST, True),
    ("The plant was closed and the union struck in March.", "March", PAST, True),
    ("The plant was closed and the workers in March.", "March", PAST, False),
    ("Talks on a deal in March.", "March", NONE, False),
    ("The exhibition opens in March.", "March", FUTURE, False),
    ("Come to the party on Saturday.", "Saturday", FUTURE, False),
]


@pytest.mark.parametrize(("sentence", "phrase", "tense", "firm"), FIRM_CASES)
def test_firm_cue(sentence: str, phrase: str, tense: Tense, firm: bool) -> None:
    start = sentence.index(phrase)
    cue = governing_cue(sentence, Span(start, start + len(phrase)), Span(0, len(sentence)))
    assert (cue.tense, cue.firm) == (tense, firm)


# (sentence, expression, whether it is an end point a past or no verb sets, which leans ahead: tense.toml [deadline])
END_POINT_CASES = [
    ("Flights were suspended until Friday.", "Friday", True),
    ("The extension lasts until Tuesday.", "Tuesday", True),
    ("High seas were in the forecast through Sunday.", "Sunday", True),
    ("The road had been closed until Friday.", "Friday", False),
    ("They didn't hear of it until Friday.", "Friday", False),
    ("Until Saturday, none had reached shore.", "Saturday", False),
    ("It was a flu until Friday when the alarm was raised.", "Friday", False),
    ("The talks will go on until Friday.", "Friday", False),
    ("Flights were suspended on Friday.", "Friday", False),
]


@pytest.mark.parametrize(("sentence", "phrase", "endpoint"), END_POINT_CASES)
def test_end_point_cue(sentence: str, phrase: str, endpoint: bool) -> None:
    start = sentence.index(phrase)
    assert governing_cue(sentence, Span(start, start + len(phrase)), Span(0, len(sentence))).endpoint is endpoint


def test_start_point_is_past_and_firm() -> None:
    sentence = "He hopes to stop the flow for the first time since the April 20 blast."
    start = sentence.index("April 20")
    cue = governing_cue(sentence, Span(start, start + 8), Span(0, len(sentence)))
    assert (cue.tense, cue.firm) == (PAST, True)
