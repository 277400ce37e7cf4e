"""News values end to end (read + tag + resolve), published Thursday 1 February 2024: (locale, text, phrase, value).

First how news tells a story's time (an expression anchored on the one before it, a bare month after a dated
mention of another year), then forms of British, Indian and Australian news, the values a careful annotator gives.
A value of None says the phrase is no expression there. Rows that must stay as they were follow each fix's rows.
"""

from __future__ import annotations

import datetime as dt

import pytest

from chrono.model import Document, Domain
from chrono.pipeline import analyse

PUBLISHED = dt.date(2024, 2, 1)

STORY = [
    # anchored on the expression before it
    ("", "Slepian was shot dead last October. His name was crossed out that same day.", "that same day", "2023-10-XX"),
    ("", "Slepian was shot dead on 23 October. His name was crossed out the same day.", "the same day", "2023-10-23"),
    ("", "The fire broke out on 12 January. Two more people died the following day.", "the following day",
     "2024-01-13"),
    ("", "The company was founded in March 2019. The following month it hired its first engineer.",
     "The following month", "2019-04"),
    ("", "Police arrested him on 14 December. The day before, he had flown in from Dubai.", "The day before",
     "2023-12-13"),
    ("", "The storm hit on Monday 8 January. Later that week the river burst its banks.", "Later that week",
     "2024-W02"),
    ("", "The storm hit on Monday 8 January. That night, the river burst its banks.", "That night", "2024-01-08TNI"),
    # "overnight" told in the past is the night before the story's day (a day dated in the week up to the report),
    # or the night of an evening or a night so dated
    ("", "London shares closed lower on Tuesday. They were hit by overnight losses in New York.", "overnight",
     "2024-01-29TNI"),
    ("", "Rebels entered the town on Wednesday. Overnight, they had shelled the bridge.", "Overnight",
     "2024-01-30TNI"),
    ("", "Police were called on Saturday night. Overnight, the crowd grew.", "Overnight", "2024-01-27TNI"),
    ("", "Police arrived at 9pm on Saturday. Overnight, the crowd grew.", "Overnight", "2024-01-27TNI"),
    # ... rows that stay: no day dated in the week (the publication night), told ahead, a day long before
    ("", "Rebels attacked the town overnight.", "overnight", "2024-02-01TNI"),
    ("", "Temperatures will fall overnight.", "overnight", "2024-02-01TNI"),
    ("", "The bridge opened on 3 March 1990. Rebels attacked it overnight.", "overnight", "2024-02-01TNI"),
    ("", "Talks began on Tuesday. Temperatures will fall overnight.", "overnight", "2024-02-01TNI"),
    ("", "The firm vanished virtually overnight in a market panic.", "overnight", None),
    ("", "The town became famous almost overnight.", "overnight", None),
    ("", "The minister resigned on 3 November 2022. Two days later the prime minister followed.", "Two days later",
     "2022-11-05"),
    ("", "London shares closed lower on Friday. The index fell 4.5% from the previous Friday.", "the previous Friday",
     "2024-01-19"),
    ("", "The floods began on 16 January. The following Thursday, the army was sent in.", "The following Thursday",
     "2024-01-18"),
    ("", "The strike started on 3 March 1984. The following year the pits closed.", "The following year", "1985"),
    # a bare month told in the past right after one dated mention of another year is in that year
    ("", "The minister resigned in November 2022. By December the government had fallen.", "December", "2022-12"),
    ("", "The election was held in May 2022. In June the new cabinet was sworn in.", "June", "2022-06"),
    ("", "The election was held on 5 May 2022. In March the party had picked a new leader.", "March", "2022-03"),
    # ... not when it looks ahead, after a date that qualifies a noun, or after a comparison's year
    ("", "The minister resigned in November 2022. The inquiry will report in June.", "June", "2024-06"),
    ("", "Talks collapsed after the August 2022 ceasefire. In April the talks resumed.", "April", "2023-04"),
    ("", "Sales rose 5% in March 2023 from a year earlier. In January, sales fell 2%.", "January", "2024-01"),
    # "the quarter" of a report is the quarter it last named, not the quarter of a month told since, nor one
    # counted back from it (the last "the quarter" of each text is the one looked up)
    ("", "Sales rose for the quarter ended 31 December. Models launched in January sold well, and margins narrowed "
     "in the quarter.", "the quarter", "2023-Q4"),
    ("", "Profit fell in the third quarter. Earlier this month the company said it expected to break even for the "
     "quarter.", "the quarter", "2023-Q3"),
    ("", "Profit rose in the quarter to September from the year-earlier quarter. Costs fell in the quarter.",
     "the quarter", "2023-Q3"),
    ("", "Profit rose in the quarter to September from the year-earlier quarter.", "the year-earlier quarter",
     "2022-Q3"),
    ("", "Analysts expect weak demand through the first two quarters of 2025.", "the first two quarters of 2025",
     "2025-H1"),
    ("", "Profit fell in the last two quarters of 2022.", "the last two quarters of 2022", "2022-H2"),
    # ... a month after a quarter still names its own quarter
    ("", "Sales rose for the quarter ended 31 December. In January, margins narrowed.", "January", "2024-01"),
    # the days of a list are each a date, in the month the last names or, with none named, the last is in
    ("", "The meetings are on the 3rd and again on the 17th.", "the 3rd", "2024-01-03"),
    ("", "The meetings are on the 3rd and again on the 17th.", "the 17th", "2024-01-17"),
    ("", "Rates were raised on the 3rd and the 17th.", "the 3rd", "2024-01-03"),
    ("", "The talks will resume on the 3rd and the 17th.", "the 3rd", "2024-02-03"),
    ("", "The talks will resume on the 3rd and the 17th.", "the 17th", "2024-02-17"),
    ("", "The fair runs on the 3rd, 10th and 17th of March.", "the 3rd", "2024-03-03"),
    ("", "The fair runs on the 3rd, 10th and 17th of March.", "10th", "2024-03-10"),
    ("", "The fair runs on the 3rd, 10th and 17th of March.", "17th of March", "2024-03-17"),
    ("", "Payments are due on 3, 10 and 17 March.", "3", "2024-03-03"),
    # ... rows that stay: a list's first day with no "on" before it, a rank, floors and days of an event
    ("", "Strikes are planned on 18 and 20 March.", "18", "2024-03-18"),
    ("", "He finished 3rd and again on the 17th.", "3rd", None),
    ("", "Payments are due on 3, 17 March.", "3", None),
    ("", "The fire spread on the 3rd and 4th floors.", "the 3rd", None),
    ("", "It rained on the 3rd and 4th days of the festival.", "the 3rd", None),
]

LOCAL = [
    # British: a week or two back from the last such day, on from today
    ("en_GB", "The deal was agreed last Tuesday week.", "last Tuesday week", "2024-01-23"),
    ("en_GB", "The attack happened a week last Saturday.", "a week last Saturday", "2024-01-20"),
    ("en_GB", "The shop opened a fortnight last Friday.", "a fortnight last Friday", "2024-01-12"),
    ("en_GB", "The by-election will be held a fortnight today.", "a fortnight today", "2024-02-15"),
    ("en_GB", "The vote is a week tomorrow.", "a week tomorrow", "2024-02-09"),
    ("en_GB", "He died a week yesterday.", "a week yesterday", "2024-01-24"),
    ("en_GB", "It took a week last time.", "a week", "P1W"),
    # a reporting period told by the month it runs to
    ("en_GB", "Output grew in the quarter to September.", "the quarter", "2023-Q3"),
    ("en_GB", "Sales fell in the quarter ended 30 September.", "the quarter", "2023-Q3"),
    ("en_GB", "Figures for the year to March 2023 showed a rise.", "the year", "P1Y"),
    ("en_AU", "In the year to June, wages grew 4 per cent.", "the year", "P1Y"),
    ("en_GB", "Profits fell in the six months to 30 September.", "the six months", "P6M"),
    ("en_GB", "Inflation fell to 4 per cent in the three months to December.", "December", "2023-12"),
    # the middle of the year or month
    ("en_AU", "The inquiry will hand down its report by mid-year.", "mid-year", "2024"),
    ("en_GB", "Talks will resume mid-month.", "mid-month", "2024-02"),
    # a present verb that schedules looks ahead; its past form back
    ("en_GB", "The cabinet meets on Monday.", "Monday", "2024-02-05"),
    ("en_GB", "The court sits on Monday.", "Monday", "2024-02-05"),
    ("en_GB", "The cabinet met on Monday.", "Monday", "2024-01-29"),
    # a weather warning or forecast is for a day to come, whatever the verb that issued it
    ("en_GB", "The Met Office has issued a yellow warning for Saturday and Sunday.", "Sunday", "2024-02-04"),
    ("en_AU", "The bureau issued a severe weather warning for Saturday.", "Saturday", "2024-02-03"),
    ("en_GB", "The Met Office issued the warning on Saturday.", "Saturday", "2024-01-27"),
    # "last" after "to", a modal or a negation is the verb, not part of the length
    ("en_GB", "The trial is expected to last six weeks.", "six weeks", "P6W"),
    ("en_GB", "The truce may last a few days.", "a few days", "PXD"),
    ("en_GB", "Prices rose over the last six weeks.", "the last six weeks", "P6W"),
    # a financial year is read as a fiscal one ("the current fiscal year": the publication year, as TimeBank, up to
    # the locale's start of the financial year: see FISCAL)
    ("en_AU", "The ban lasts until the end of the financial year.", "the end of the financial year", "2024"),
    ("en_AU", "The surplus is forecast for this financial year.", "this financial year", "2024"),
    ("en_GB", "Spending rose in the last financial year.", "the last financial year", "2023"),
    ("en_GB", "Borrowing will fall next financial year.", "next financial year", "2025"),
    ("en_GB", "Net profit for the financial year rose 4%.", "the financial year", "P1Y"),
    ("en_AU", "The budget deficit narrowed in the 2023-24 financial year.", "the 2023-24 financial year", "2024"),
    # British forms read already
    ("en_GB", "The Chancellor will deliver the Budget on 6 March.", "6 March", "2024-03-06"),
    ("en_GB", "The Bank of England held rates at 5.25 per cent on Thursday.", "Thursday", "2024-02-01"),
    ("en_GB", "The strike will run from 7am on Monday until midnight on Wednesday.", "midnight on Wednesday",
     "2024-02-07T24:00"),
    ("en_GB", "Schools will close for half-term on Friday 9 February.", "Friday 9 February", "2024-02-09"),
    ("en_GB", "The clocks go forward on Sunday 31 March.", "Sunday 31 March", "2024-03-31"),
    ("en_GB", "Parliament rose for the Christmas recess on 19 December.", "19 December", "2023-12-19"),
    ("en_GB", "The match kicks off at 3pm on Boxing Day.", "Boxing Day", "2023-12-26"),
    ("en_GB", "The sale starts on the 26th.", "the 26th", "2024-02-26"),
    ("en_GB", "The MPC next meets on 21 March.", "21 March", "2024-03-21"),
    ("en_GB", "He was jailed for 18 months at Bristol Crown Court on Tuesday.", "Tuesday", "2024-01-30"),
    ("en_GB", "The results are due in the spring.", "the spring", "2024-SP"),
    ("en_GB", "Shares rose 2 per cent in early trading this morning.", "this morning", "2024-02-01TMO"),
    ("en_GB", "The consultation closes on 28 February.", "28 February", "2024-02-28"),
    ("en_GB", "The festival runs until Sunday 11 February.", "Sunday 11 February", "2024-02-11"),
    ("en_GB", "The inquiry will report by the end of the month.", "the end of the month", "2024-02"),
    ("en_GB", "The talks will take place in the week beginning 12 February.", "the week beginning 12 February",
     "2024-W07"),
    ("en_GB", "The closing date is Friday 23rd February 2024.", "Friday 23rd February 2024", "2024-02-23"),
    ("en_GB", "Figures published on Wednesday covered the final quarter of 2023.", "the final quarter of 2023",
     "2023-Q4"),
    # Indian
    ("en_IN", "The flag will be hoisted on the 15th of August.", "the 15th of August", "2024-08-15"),
    ("en_IN", "The project is to be completed by end-March.", "end-March", "2024-03"),
    ("en_IN", "The RBI will announce its policy on February 8.", "February 8", "2024-02-08"),
    ("en_IN", "Revenue rose 12% in the October-December quarter.", "the October-December quarter", "2023-Q4"),
    ("en_IN", "Polling will be held in seven phases from April 19 to June 1.", "June 1", "2024-06-01"),
    ("en_IN", "Holi will be celebrated on March 25.", "March 25", "2024-03-25"),
    ("en_IN", "Schools will reopen after the Pongal holidays on January 18.", "January 18", "2024-01-18"),
    ("en_IN", "The monsoon session of Parliament begins on July 22.", "July 22", "2024-07-22"),
    ("en_IN", "Exports fell in April-December.", "April", "2023-04"),
    ("en_IN", "The deadline to file returns is July 31.", "July 31", "2024-07-31"),
    ("en_IN", "Republic Day was celebrated on Friday.", "Republic Day", "2024-01-26"),
    ("en_IN", "The accused was arrested on Tuesday night from Noida.", "Tuesday night", "2024-01-30TNI"),
    ("en_IN", "The hearing was adjourned to February 15.", "February 15", "2024-02-15"),
    ("en_IN", "The event is scheduled for 10th February, 2024.", "10th February, 2024", "2024-02-10"),
    ("en_IN", "Diwali falls on 1 November this year.", "1 November", "2024-11-01"),
    # a holiday computed per year whose clause gives its date is on that date when it is a few days from the
    # table's (Diwali's main day in 2024 is 31 October in the table, 1 November where the new moon says so; Eid
    # al-Fitr 11 April, a day earlier in the Gulf); a date or holiday with the year its clause names after it
    ("en_IN", "Diwali falls on 1 November this year.", "Diwali", "2024-11-01"),
    ("en_IN", "Diwali is on 1 November this year.", "Diwali", "2024-11-01"),
    ("en_IN", "Diwali is on 1 November this year.", "1 November", "2024-11-01"),
    ("en_IN", "This year Diwali falls on 1 November.", "Diwali", "2024-11-01"),
    ("en_IN", "Diwali this year falls on 1 November.", "Diwali", "2024-11-01"),
    ("en_IN", "Diwali will be celebrated on November 1.", "Diwali", "2024-11-01"),
    ("en_IN", "Diwali, which falls on November 1 this year, is the festival of lights.", "Diwali", "2024-11-01"),
    ("en_IN", "Eid al-Fitr, on 10 April in the Gulf, ends Ramadan.", "Eid al-Fitr", "2024-04-10"),
    ("en_IN", "Diwali was celebrated on 13 November.", "Diwali", "2023-11-13"),
    # ... rows that stay: the table's day when the date is another day's or weeks away, a fixed holiday, no date
    ("en_IN", "Markets will shut after Diwali on 1 November.", "Diwali", "2024-10-31"),
    ("en_IN", "Diwali falls on 12 November.", "Diwali", "2024-10-31"),
    ("en_IN", "Diwali was celebrated on 1 November.", "Diwali", "2023-11-12"),  # 2023's was the 12th
    ("en_IN", "Diwali is coming.", "Diwali", "2024-10-31"),
    ("en_GB", "Christmas is on 27 December this year.", "Christmas", "2024-12-25"),
    ("en_IN", "Diwali is a festival of lights; 1 November is a holiday.", "Diwali", "2024-10-31"),
    ("en_GB", "Christmas falls on a Wednesday this year.", "Christmas", "2024-12-25"),
    ("en_GB", "The vote is on 5 March next year.", "5 March", "2025-03-05"),
    # ... rows that stay: told in the past, a holiday this year's already gone, a past clause before "this year"
    ("en_IN", "Diwali was celebrated with fireworks.", "Diwali", "2023-11-12"),
    ("en_IN", "Republic Day is a national holiday.", "Republic Day", "2024-01-26"),
    ("en_GB", "Sales in December fell this year.", "December", "2023-12"),
    ("en_GB", "Sales fell in December, and this year they rose.", "December", "2023-12"),
    # Australian
    ("en_AU", "The Reserve Bank will meet on 6 February to decide on rates.", "6 February", "2024-02-06"),
    ("en_AU", "Police were called to the venue on Saturday night (AEDT).", "Saturday night", "2024-01-27TNI"),
    ("en_AU", "The Matildas play at 7.30pm AEDT on Wednesday.", "7.30pm AEDT on Wednesday",
     "2024-02-07T19:30+11:00"),
    ("en_AU", "Australia Day was marked on Friday with protests.", "Australia Day", "2024-01-26"),
    ("en_AU", "The RBA held the cash rate at its December meeting.", "December", "2023-12"),
    ("en_AU", "Unemployment rose in the December quarter.", "the December quarter", "2023-Q4"),
    ("en_AU", "Parliament resumes next Tuesday.", "next Tuesday", "2024-02-06"),
    ("en_AU", "The stage 3 tax cuts take effect on 1 July.", "1 July", "2024-07-01"),
    ("en_AU", "Heavy rain is forecast for Sunday arvo.", "Sunday arvo", "2024-02-04TAF"),
    ("en_AU", "The ABS will release the figures on Wednesday week.", "Wednesday week", "2024-02-14"),
    ("en_AU", "Crowds gathered for Anzac Day on 25 April.", "25 April", "2023-04-25"),
    ("en_AU", "The fire was contained early on Sunday morning.", "Sunday morning", "2024-01-28TMO"),
]

# a range of weekdays ends on or after its start: ahead, the start by itself and the end after it; told in the past
# (or with its end's week said), the end by itself and the start before it. A list ("and") keeps each day alone.
WEEKDAY_RANGES = [
    ("", "The office is closed from Tuesday to Friday.", "Tuesday", "2024-02-06"),
    ("", "The office is closed from Tuesday to Friday.", "Friday", "2024-02-09"),  # not tomorrow, before its start
    ("", "The office was closed Tuesday to Friday.", "Tuesday", "2024-01-23"),
    ("", "The office was closed Tuesday to Friday.", "Friday", "2024-01-26"),
    ("", "The show ran Friday through Sunday.", "Friday", "2024-01-26"),
    ("", "The show ran Friday through Sunday.", "Sunday", "2024-01-28"),  # a range's end, not a deadline ahead
    ("", "Schools were shut from Monday until Thursday last week.", "Monday", "2024-01-22"),
    ("", "Schools will shut from Monday to Thursday next week.", "Monday", "2024-02-05"),
    ("", "They met on Friday and Tuesday.", "Friday", "2024-01-26"),
    ("", "They met on Friday and Tuesday.", "Tuesday", "2024-01-30"),
]

# "last Tuesday" is the latest Tuesday before the report, even in its own week: on a Thursday two days back, as
# TimeBank values it ("the day before last Tuesday's hearing" in a Thursday paper is that Monday) and as AP style
# reads it ("last" is redundant within seven days); British speech sometimes means the week before's, which news
# writes "Tuesday last week" or "last Tuesday week". The publication day's own weekday is a week back.
LAST_WEEKDAY = [
    ("en_US", "The deal was agreed last Tuesday.", "last Tuesday", "2024-01-30"),
    ("en_GB", "The deal was agreed last Tuesday.", "last Tuesday", "2024-01-30"),
    ("en_AU", "The deal was agreed last Wednesday.", "last Wednesday", "2024-01-31"),
    ("en_GB", "The deal was agreed last Thursday.", "last Thursday", "2024-01-25"),
    ("en_GB", "The deal was agreed last Friday.", "last Friday", "2024-01-26"),
    ("en_IN", "The accused was arrested on Tuesday last.", "Tuesday last", "2024-01-30"),
    ("en_IN", "The accused was arrested on Friday last.", "Friday last", "2024-01-26"),
    ("en_GB", "The deal was agreed this Tuesday.", "this Tuesday", "2024-01-30"),
    # ... the week before's is said so
    ("en_IN", "The accused was arrested on Tuesday last week.", "Tuesday last week", "2024-01-23"),
]

# forms of British, Indian and Australian news, each against the publication date (Thursday 1 February 2024)
FORMS = [
    # written dates, day first in en_GB and en_IN
    ("en_GB", "The vote will be held on 3rd March.", "3rd March", "2024-03-03"),
    ("en_GB", "The vote will be held on 3rd of March.", "3rd of March", "2024-03-03"),
    ("en_IN", "The vote will be held on March 3rd.", "March 3rd", "2024-03-03"),
    ("en_AU", "Applications close Mar 3.", "Mar 3", "2024-03-03"),
    ("en_GB", "Tickets go on sale on 3-Mar-24.", "3-Mar-24", "2024-03-03"),
    ("en_GB", "The hearing is listed for 04.03.2024.", "04.03.2024", "2024-03-04"),
    ("en_IN", "The hearing is listed for 04.03.2024.", "04.03.2024", "2024-03-04"),
    ("en_US", "The hearing is listed for 04.03.2024.", "04.03.2024", "2024-04-03"),
    # Indian and Australian reporting periods (a fiscal quarter or half by its year's label, as TimeBank writes
    # "the fiscal first quarter"; a financial year by the year it ends in)
    ("en_IN", "Net profit rose 8% in Q3FY24.", "Q3FY24", "2024-Q3"),
    ("en_IN", "Revenue for H1 FY25 rose.", "H1 FY25", "2025-H1"),
    ("en_IN", "Revenue in FY2023-24 rose.", "FY2023-24", "2024"),
    ("en_AU", "Profit rose 5 per cent in the financial year to June.", "the financial year", "P1Y"),
    ("en_AU", "Profit rose 5 per cent in the financial year to June.", "June", "2023-06"),
    ("en_IN", "Exports rose 5 per cent in the year to March.", "March", "2023-03"),
    # days told from the report
    ("en_IN", "Monday's ruling was welcomed by the petitioners.", "Monday", "2024-01-29"),
    ("en_GB", "He was arrested yesterday evening.", "yesterday evening", "2024-01-31TEV"),
    ("en_GB", "The firm warned earlier this week that profits would fall.", "earlier this week", "2024-W05"),
    ("en_GB", "Prices rose late last month.", "late last month", "2024-01"),
    ("en_AU", "Prices rose over the past fortnight.", "the past fortnight", "P2W"),
    ("en_GB", "The hearing is set for this Friday.", "this Friday", "2024-02-02"),
    ("en_GB", "The hearing is set for Friday week.", "Friday week", "2024-02-09"),
    # a change from a day: a bare weekday closing a clause told in the present is ahead
    ("en_GB", "The new rules apply from Monday.", "Monday", "2024-02-05"),
    ("en_GB", "Prices rise from Monday.", "Monday", "2024-02-05"),
    ("en_GB", "The shop is closed from Monday onwards.", "Monday", "2024-02-05"),
    ("en_GB", "The curbs, in force from Monday, are the strictest yet.", "Monday", "2024-02-05"),
    # ... past a trailing clause that only says who told it
    ("en_GB", "Prices rise from Monday, the council said.", "Monday", "2024-02-05"),
    ("en_GB", "Fares go up from Monday, officials said.", "Monday", "2024-02-05"),
    ("en_GB", "The new rules apply from Monday, the council says.", "Monday", "2024-02-05"),
    ("en_GB", "Fares go up from Monday, said a spokesman.", "Monday", "2024-02-05"),
    ("en_AU", "Tolls rise from Monday, according to the transport minister.", "Monday", "2024-02-05"),
    ("en_GB", "The new rules apply from Thursday.", "Thursday", "2024-02-01"),
    ("en_GB", "The new fares will apply from next month.", "next month", "2024-03"),
    ("en_IN", "The new rates are applicable w.e.f. 1 April.", "1 April", "2024-04-01"),
    ("en_IN", "The order comes into force w.e.f. 1st April 2024.", "1st April 2024", "2024-04-01"),
    # ... rows that stay: told in the past, a source, a range
    ("en_GB", "Prices were cut from Monday.", "Monday", "2024-01-29"),
    ("en_GB", "The new rules applied from Monday.", "Monday", "2024-01-29"),
    ("en_GB", "Footage from Monday shows the crash.", "Monday", "2024-01-29"),
    ("en_GB", "Prices rose from Monday, the council said.", "Monday", "2024-01-29"),
    ("en_GB", "The shop was closed from Monday, officials said.", "Monday", "2024-01-29"),
    ("en_GB", "Prices rise from Monday, and officials said it was overdue.", "Monday", "2024-01-29"),
    ("en_GB", "The office is closed from Tuesday to Friday.", "Tuesday", "2024-02-06"),
    # seasons and holidays
    ("en_GB", "The club finished third in the 2023-24 season.", "the 2023-24 season", "2023"),
    ("en_AU", "Veterans will march on Anzac Day.", "Anzac Day", "2024-04-25"),
    ("en_AU", "Veterans marched on Anzac Day.", "Anzac Day", "2023-04-25"),
    ("en_GB", "Shops will open on Boxing Day.", "Boxing Day", "2024-12-26"),
    ("en_GB", "Sales fell on Boxing Day.", "Boxing Day", "2023-12-26"),
    ("en_IN", "The parade will be held on Republic Day.", "Republic Day", "2025-01-26"),
    ("en_AU", "Protests are planned for Australia Day.", "Australia Day", "2025-01-26"),
    # an event's day named ("Budget day", "polling day") is no day's length; its date, when given, is
    ("en_GB", "Shares fell on Budget day.", "day", None),
    ("en_GB", "Turnout was high on polling day.", "day", None),
    ("en_GB", "Clubs spent heavily ahead of transfer deadline day.", "day", None),
    ("en_GB", "Shares fell on Budget day, 6 March.", "6 March", "2024-03-06"),
    ("en_GB", "It was a long day for the Chancellor.", "a long day", "P1D"),
    ("en_GB", "Feels good to be home after a very long day in school.", "day", "P1D"),
    # "till date" (up to now) is tagged no more than "to date" is
    ("en_IN", "No arrests have been made till date.", "date", None),
    ("en_IN", "No arrests have been made till date.", "till date", None),
]

ROWS = STORY + LOCAL + WEEKDAY_RANGES + LAST_WEEKDAY + FORMS


def _values(locale: str, text: str) -> dict[str, str | None]:
    document = Document("row", text, PUBLISHED, locale=locale or None)
    expressions, _events = analyse(document, domain=Domain.NEWS, locale=locale or None)
    return {expression.text: expression.value.value if expression.value else None for expression in expressions}


@pytest.mark.parametrize(("locale", "text", "phrase", "expected"), ROWS,
                         ids=[f"{row[0] or 'news'}-{row[2]}-{number}" for number, row in enumerate(ROWS)])
def test_news_value(locale: str, text: str, phrase: str, expected: str | None) -> None:
    values = _values(locale, text)
    if expected is None:
        assert phrase not in values, values
    else:
        assert values.get(phrase) == expected, values


# a financial year in a document of a locale whose financial year does not start in January (locales.toml
# fiscal_year_start) is named by the year it ends in, as its label is ("FY24"): TIMEX3 has no value for a
# non-calendar year. (locale, publication date, text, phrase, value)
FISCAL = [
    ("en_IN", "2024-05-10", "Growth will slow this financial year.", "this financial year", "2025"),
    ("en_IN", "2024-05-10", "Exports rose in the last fiscal.", "the last fiscal", "2024"),
    ("en_IN", "2024-05-10", "The deficit narrowed in the 2023-24 financial year.", "the 2023-24 financial year",
     "2024"),
    ("en_IN", "2024-05-10", "Revenue for FY 2024-25 will rise.", "FY 2024-25", "2025"),
    ("en_IN", "2024-02-01", "Growth will slow this financial year.", "this financial year", "2024"),
    ("en_AU", "2024-08-01", "The surplus is forecast for this financial year.", "this financial year", "2025"),
    ("en_AU", "2024-08-01", "The ban lasts until the end of the financial year.", "the end of the financial year",
     "2025"),
    ("en_GB", "2024-04-10", "Borrowing will fall next financial year.", "next financial year", "2026"),
    ("en_US", "2023-11-01", "Spending in the current fiscal year rose.", "the current fiscal year", "2024"),
    # ... rows that stay: a label, a length, a quarter, no locale (calendar years)
    ("en_IN", "2024-05-10", "Profit rose 12% in FY24.", "FY24", "2024"),
    ("en_US", "2023-11-01", "Profit rose in fiscal 2024.", "fiscal 2024", "2024"),
    ("en_IN", "2024-05-10", "Net profit for the financial year rose 4%.", "the financial year", "P1Y"),
    ("en_IN", "2024-05-10", "Revenue in Q1 FY25 grew.", "Q1 FY25", "2025-Q1"),
    ("", "2024-08-01", "The surplus is forecast for this financial year.", "this financial year", "2024"),
    ("", "2024-08-01", "The deficit narrowed in the 2023-24 financial year.", "the 2023-24 financial year", "2023"),
]


@pytest.mark.parametrize(("locale", "published", "text", "phrase", "expected"), FISCAL,
                         ids=[f"{row[0] or 'news'}-{row[3]}-{number}" for number, row in enumerate(FISCAL)])
def test_financial_year(locale: str, published: str, text: str, phrase: str, expected: str) -> None:
    document = Document("row", text, dt.date.fromisoformat(published), locale=locale or None)
    expressions, _events = analyse(document, domain=Domain.NEWS, locale=locale or None)
    values = {expression.text: expression.value.value if expression.value else None for expression in expressions}
    assert values.get(phrase) == expected, values


# must-not rows: what the new forms leave alone
MUST_NOT = [
    ("en_GB", "Sales so far in the year to date rose.", "the year"),
    ("en_GB", "It took a week last time.", "a week last"),
    ("en_GB", "A midyearly review was held.", "midyear"),
    ("en_GB", "The trial is expected to last six weeks.", "last six weeks"),
    ("en_GB", "The storm did not last two hours.", "last two hours"),
    ("en_GB", "It was a tough financial year for the club.", "financial year"),
]


@pytest.mark.parametrize(("locale", "text", "phrase"), MUST_NOT, ids=[row[2] for row in MUST_NOT])
def test_news_must_not(locale: str, text: str, phrase: str) -> None:
    assert phrase not in _values(locale, text)
