"""Text that looks temporal but is not: none of it may be tagged."""

from __future__ import annotations

import pytest

from chrono.tag.tagger import tag_text

# (sentence, the words that must not be tagged)
NOT_EXPRESSIONS: list[tuple[str, str]] = [
    ("Investors may sell their shares.", "may"),
    ("May I ask a question?", "May"),
    ("Protesters march to the square.", "march"),
    ("We will march on.", "march"),
    ("We said nothing.", "We"),
    ("He told the Sun newspaper.", "Sun"),
    ("The court fined it 621 dollars.", "621"),
    ("About 1,000 people came.", "1,000"),
    ("It was printed in 12-point type.", "12-point"),
    ("Turnout was 45% in the capital.", "45%"),
    ("The fine was $2,000 in total.", "$2,000"),
    ("The fine was $2000 in total.", "$2000"),
    ("Call 555-1234 for details.", "555-1234"),
    ("The Secretary of State spoke.", "Secretary"),
    ("She was the 3rd seed in the draw.", "3rd"),
    ("He ranked second in the poll.", "second"),
    ("Prices fall when supply grows.", "fall"),
    ("Rivers spring from the hills.", "spring"),
    ("The fall in BP's shares is large.", "fall"),  # a decline, not autumn
    ("The bank vanished virtually overnight.", "overnight"),  # suddenly, no night
    ("Prices doubled almost overnight.", "overnight"),
    ("The fall from grace was swift.", "fall"),
    ("The spring in his step returned.", "spring"),
    ("It is 1:2000 scale.", "2000"),
    ("A 16-year-old boy was hurt.", "16-year-old"),
    ("He cut its quarterly dividend.", "quarterly"),
    ("She left as soon as he arrived.", "soon"),
    ("The score was 2-1 at half time.", "2-1"),
    ("Up 4.5 percent on the day's trading.", "4.5"),
    ("Flight 747 landed.", "747"),
    ("Room 1999B is closed.", "1999B"),
    ("The survey of 1,998 adults.", "1,998"),
    ("Version 3.2020 was released.", "3.2020"),
    # posts: a distance is no year, a word is no month, a plural is no possessive
    ("He walked over 1000 miles for charity.", "1000"),
    ("The trail climbs 1500 metres.", "1500"),
    ("It is an august institution.", "august"),
    ("I trust in Jan Smith.", "Jan"),
    ("We loved the last nights of summer.", "last nights"),
    ("Todays world is fast.", "Todays"),
    ("All our yesterdays are gone.", "yesterdays"),
    # a number joined to a date is a range's end only when it could be one
    ("Rates rose on April 3 to 5 percent.", "5 percent"),
    ("Prices fell on 5 May to 3,000 dollars.", "3,000"),
    ("Sales reached 12-15 in May.", "12-15"),
    ("In 490 BC - 10 ships sailed.", "10 ships"),
    # "a second" before a noun is an ordinal, not a duration
    ("The chain opened a second store.", "a second"),
    ("He won a second term in 2012.", "a second"),
    ("A second blast followed.", "A second"),
    # "the past" opening an amount of something that is not a unit of time
    ("He scored in the past five seasons.", "the past"),
    ("Over the past 10 games he scored.", "the past"),
    # "May" as a modal or a name, and "the day before" a clause or a name
    ("May the best team win.", "May"),
    ("Prime Minister Theresa May is expected to resign.", "May"),
    ("She left the day before Obama's speech.", "the day before"),
    ("They met later in the day before returning home.", "the day before"),
    # an age is no duration (as "a 16-year-old boy" is none); a name opening with a month is no month
    ("Mr. Reupke, 52 years old, will retire.", "52 years"),
    ("Employees 55 years old or older may retire early.", "55 years"),
    ("Agents scanned the crowd at the annual March for Life on Capitol Hill.", "March"),
    ("She marched at the head of the March of the Combatant Mothers.", "March"),
    ("They joined the March on Washington.", "March"),
    # informal weekday abbreviations are words too: a day only after a cue ("on Sat") or beside another day
    ("They sat in a row of chairs.", "sat"),
    ("The party sat on the right of the Assembly.", "sat"),
    ("We sat on Sunday benches.", "sat"),
    ("Soak up the sun on the beach.", "sun"),
    ("He told the Sun on Monday.", "Sun"),
    ("A statue of Sun Yat-sen stands on Sun Street.", "Sun"),
    ("The couple wed in a small church.", "wed"),
    ("They were wed on the beach.", "wed"),
    ("C'mon down to the theatre!", "mon"),
    ("Prices may rise, analysts say.", "may"),
    ("Thousands march through the capital.", "march"),
    ("Fri-Day deals", "Fri"),
    ("the Fri dressing", "Fri"),
    # "today's" speaking of the present in general; "the day before last Tuesday" is not "the day before last"
    ("It matters in today's world.", "today"),
    ("Many of today's personal computers use it.", "today"),
    ("He left the day before last Tuesday.", "the day before"),
    ("We have these weekend warriors taking jobs.", "weekend"),
    ("BP shares fell in morning trading in London.", "morning"),
    ("Silver Spring, Md., is near", "Spring"),
    ("the Arab Spring began in Tunisia", "Spring"),
    # a clock time is no duration (a two-digit one is a clock time whole: tests/test_history_forms.py)
    ("the guns opened up (19:00-3:00hrs)", "00hrs"),
    # a day of the month alone is a day only where its clause ends
    ("They met on the 4th floor of the hotel.", "the 4th"),
    ("Fighting resumed on the 3rd and 4th days.", "the 3rd"),
    # "the 90s" is no decade where a temperature is meant
    ("Highs in the 90s are expected today.", "the 90s"),
    ("It was in the 80s Fahrenheit all week.", "the 80s"),
    # a bare "H:MM" is no time outside a range of times or after "at", "from", "until" ... (verses, race times, odds)
    ("Read John 3:16 and 3:17 tonight.", "3:17"),
    ("He ran a 2:15 marathon in Berlin.", "2:15"),
    ("The odds moved from 5:2 to 3:1.", "3:1"),
    ("Read Genesis 1:31-2:3 today.", "1:31"),
    # a time word named as a noun is an expression after a modifier, not inside a name, after a possessive or
    # in an idiom ("day to day", "his day in court")
    ("Justices Sandra Day O'Connor and Anthony Kennedy agreed.", "Day"),
    ("International Women's Day is a holiday.", "Day"),
    ("He spoke on state TV's morning talk show.", "morning"),
    ("according to the South China Morning Post.", "Morning"),
    ("Friday Night Is Music Night features a band.", "Music Night"),
    ("He wants his day in court.", "day"),
    ("They change them day to day.", "day"),
    ("It was a hit week after week.", "week"),
    ("Kopp was seen days before in Canada.", "days"),  # "days later" is one expression (tests/test_narrative_forms.py)
    ("He was nineteen years old.", "years"),
    ("He was arrested in the early hours of the raid.", "hours"),
    ("The company is confident about future earnings.", "future"),
    ("Donald Macleod is the Composer Of The Week.", "The Week"),
    ("Two men hours later were freed.", "Two men"),
    ("They give one every day.", "one"),
    ("Markets rose after the Fed minutes were released.", "minutes"),
    # a number after a date and a comma is a day of a list only when the list goes on
    ("On May 5, 10 people died.", "10"),
    ("Rates rose on March 3, 4 and 5 percent.", "4 and 5"),
    # four digits after "at" are a clock time only where no year or count could be meant
    ("It was sold at 2150 dollars.", "2150"),
    ("The camp sits at 2200 meters.", "2200"),
    # a part of the day before a plural noun is a kind of thing
    ("The offensive used night attacks and raids.", "night"),
    # a possessive before "day" makes an era ("in his day")
    ("He was among the richest men in his day.", "day"),
    # a week or a day counted in something that is not a month; a fraction is no day
    ("The first week of the job was hard.", "first week"),
    ("He missed the first week of training.", "first week"),
    ("It fell by a third of last month's total.", "third"),
    # a quarter that is a district, a month that ends no quarter, a month that is a modal
    ("They ate in the French Quarter.", "Quarter"),
    ("Sales in the May quarter were flat.", "quarter"),
    ("We walked through the old quarter of Delhi.", "quarter"),
    ("It may end in a draw.", "may end"),
    # a weekday abbreviation is no date before a number that is no day of the month
    ("He told the Sun 12 times.", "Sun 12"),
    ("On Thursday, the 5th U.S. Circuit Court of Appeals ruled.", "the 5th"),
    ("On Tuesday, the 3rd round begins.", "the 3rd"),
    ("The Sun 3rd-quarter profits fell.", "Sun"),
    ("The H124 jet landed.", "H124"),
    # a day glued to a month only as a whole token: not inside a code or a longer word
    ("Order part A26nov and 26nov-B today.", "26nov"),
    ("Use kit x-3dec now.", "3dec"),
    ("He owns 3decks of cards.", "3decks"),
    ("I think 10 may come.", "10 may"),
    # "second last" with no time word; "this time" alone
    ("He came second last in the race.", "second last"),
    ("This time we won.", "This time"),
    # a four-digit number after a weekday is a time only where no year or count can be meant
    ("They sat, 2300 in all.", "2300"),
    ("The Sun, 2300 copies sold.", "2300"),
    # versions and decimals are no dotted dates
    ("Version 2014.04.12.1 is out.", "2014.04.12"),
    # shop, forum and event pages: prices, versions, phone numbers, scores, ratings, fractions and codes
    ("Now from $10.15 only.", "$10.15"),
    ("Tickets £7.30 each.", "£7.30"),
    ("Download v2.10 now.", "v2.10"),
    ("Update to 3.10.2 first.", "3.10.2"),
    ("Call 555-1015 for tickets.", "555-1015"),
    ("Call (555) 303-2015 for tickets.", "303-2015"),
    ("They won 3-5 at home.", "3-5"),
    ("Final score 6-8, then penalties.", "6-8"),
    ("Page 3/3 of the thread.", "3/3"),
    ("Rated 5/5 stars by buyers.", "5/5"),
    ("Add 3/4 cup of sugar.", "3/4"),
    ("Bake until 1/2 done.", "1/2"),
    ("Cut by 1/3 after the sale.", "1/3"),
    ("From 1/2 to 3/4 of the crowd left early.", "1/2"),
    ("Use code MAR15 at checkout.", "MAR15"),
    ("Open 24/7 for orders.", "24/7"),
    ("Size 10-12 in stock.", "10-12"),
    ("Buy the W10 2015 model.", "W10"),
    ("The sun came out and we sat on the grass.", "sun"),
    ("The sun came out and we sat on the grass.", "sat"),
    ("You may march in at noon.", "may march"),
    ("It costs $5m ago-go dancers.", "5m"),
]


@pytest.mark.parametrize(("text", "words"), NOT_EXPRESSIONS, ids=[case[1] for case in NOT_EXPRESSIONS])
def test_not_tagged(text: str, words: str) -> None:
    start = text.index(words)
    overlapping = [e.text for e in tag_text(text) if e.span.start < start + len(words) and start < e.span.end]
    assert overlapping == []
