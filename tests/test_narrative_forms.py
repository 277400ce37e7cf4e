"""Forms of narrative history writing, end to end (tag + resolve): (domain, published, text, phrase, value).

A value of None says the phrase is no expression there. Rows that must stay as they were follow each fix's rows.
"""

from __future__ import annotations

import datetime as dt

import pytest

from chrono.model import Document, Domain
from chrono.resolve.walk import resolve_expressions
from chrono.segment.sentences import split_sentences
from chrono.tag.tagger import tag_text

NEWS, NARRATIVE = Domain.NEWS, Domain.NARRATIVE
PUBLISHED = "2000-03-01"

ROWS = [
    # "soon" counts from its clause's time: in a past clause it names no time (TimeBank and WikiWars tag none)
    (NARRATIVE, "", "In 1789 the clergy met. Paris was soon consumed with riots.", "soon", None),
    (NARRATIVE, "", "In 1940 France surrendered and was soon divided into zones.", "soon", None),
    (NEWS, PUBLISHED, "Cash from Miami soon became a flood.", "soon", None),
    (NEWS, PUBLISHED, "He was soon released from the hospital.", "soon", None),
    # ... and stays where it looks ahead
    (NEWS, PUBLISHED, "The federal budget will soon move from deficit into surplus.", "soon", "FUTURE_REF"),
    (NEWS, PUBLISHED, "Prosecutors told him that they may soon seek an indictment.", "soon", "FUTURE_REF"),
    (NEWS, PUBLISHED, "They plan to strike again soon in either country.", "soon", "FUTURE_REF"),
    (NEWS, PUBLISHED, "Kellogg soon will begin selling boxes.", "soon", "FUTURE_REF"),
    # a vague amount told as a step of the story: one date, its extent holding the step (narrative)
    (NARRATIVE, "", "In 1942 the Axis attacked Malta. A few months later the Allies attacked.", "A few months later",
     "FUTURE_REF"),
    (NARRATIVE, "", "Belgrade fell on October 20, 1944. A few days later, the Soviets attacked.", "A few days later",
     "FUTURE_REF"),
    (NARRATIVE, "", "War broke out in 1792 and Prussia joined a few weeks later.", "a few weeks later", "FUTURE_REF"),
    (NARRATIVE, "", "Rome took Sardinia several years later.", "several years later", "FUTURE_REF"),
    (NARRATIVE, "", "The army arrived in 1965; others had come a few weeks earlier.", "a few weeks earlier",
     "PAST_REF"),
    # "N units after <event>" set off right after a date restates that date; elsewhere it counts from the story's time
    (NARRATIVE, "", "The Monument was completed in 1677, eleven years after the fire.", "eleven years after the fire",
     "1677"),
    (NARRATIVE, "", "Napoleon died on 5 May 1821, six years after Waterloo.", "six years after Waterloo", "1821"),
    (NARRATIVE, "", "The peace was signed in 1648 (thirty years after the war began).",
     "thirty years after the war began", "1648"),
    (NARRATIVE, "", "The Turks took Athens in 1456 – three years after the fall of the city.",
     "three years after the fall of the city", "1456"),
    (NARRATIVE, "", "The plant opened in 2005. Two years after the merger, it closed.", "Two years after the merger",
     "2007"),
    (NARRATIVE, "", "The fire broke out in 1666 and the Monument was completed eleven years after the fire.",
     "eleven years after the fire", "1677"),
    # bare units with a step, in both domains
    (NARRATIVE, "", "The Bulgarians lost at Dobro Pole in 1918 but days later, they won.", "days later",
     "FUTURE_REF"),
    (NEWS, PUBLISHED, "Hours later, the council met.", "Hours later", "FUTURE_REF"),
    (NEWS, PUBLISHED, "Kopp was seen days later in Canada.", "days later", "FUTURE_REF"),
    (NARRATIVE, "", "They joined units who had already arrived weeks earlier.", "weeks earlier", "PAST_REF"),
    # ... and what stays: a counted amount is a date, news keeps "a few days" a duration (TimeBank)
    (NARRATIVE, "", "In 1942 the Axis attacked Malta. Four days later the Allies attacked.", "Four days later",
     "1942-XX-XX"),
    (NEWS, PUBLISHED, "He stepped down. A few days later, the company reported a loss.", "A few days", "PXD"),
    (NARRATIVE, "", "Within a few days the front broke in 1944.", "a few days", "PXD"),
    (NARRATIVE, "", "The siege lasted a few weeks in 1944.", "a few weeks", "PXW"),
    # a range of seasons takes the year its end names
    (NARRATIVE, "", "By March 1944 the Allies had won. Both sides spent the spring and early summer of 1943 "
     "preparing.", "the spring", "1943-SP"),
    (NARRATIVE, "", "By March 1944 the Allies had won. The spring of 1943 had been quiet.", "The spring of 1943",
     "1943-SP"),
    (NARRATIVE, "", "The siege lasted from May to August 1943.", "May", "1943-05"),
    # "March" naming a march
    (NARRATIVE, "", "In 1864 Sherman set out on his \"March to the Sea\".", "March", None),
    (NARRATIVE, "", "In 1864 there were no major battles along the March. Sherman turned north.", "March", None),
    (NARRATIVE, "", "In October 1934 the CPC began the Long March.", "March", None),
    (NARRATIVE, "", "It was known as the famous Long March.", "March", None),
    (NARRATIVE, "", "In 1918 the Volunteer Army set out on the epic Ice March to the Kuban.", "March", None),
    (NARRATIVE, "", "In 1952 it was cleared by the Indochinese March Battalion.", "March", None),
    (NARRATIVE, "", "In 1789 the women took part in the March to Versailles.", "March", None),
    (NEWS, PUBLISHED, "Thousands joined the Women's March on Washington.", "March", None),
    # ... and the month stays
    (NARRATIVE, "", "In 1943 the siege lasted from March to May.", "March", "1943-03"),
    (NARRATIVE, "", "In 1943 the siege ran March to December.", "March", "1943-03"),
    (NEWS, PUBLISHED, "The March accession will enable the three to join.", "March", "2000-03"),
    (NEWS, PUBLISHED, "On Friday March 13 they met.", "Friday March 13", "1998-03-13"),
    (NEWS, PUBLISHED, "Profits rose in March, then fell.", "March", "2000-03"),
    (NEWS, PUBLISHED, "It was the wettest March on record.", "March", "2000-03"),
    (NARRATIVE, "", "In 1945 the Western Allies crossed the Rhine in March.", "March", "1945-03"),
    # "some" before an amount is part of it (WikiWars 4 of 4, TimeBank 1 of 1), "about" stays outside (TimeBank)
    (NARRATIVE, "", "In 1950 a division marched to Korea in some 19 days.", "some 19 days", "P19D"),
    (NEWS, PUBLISHED, "He held the post for some eight years.", "some eight years", "P8Y"),
    (NEWS, PUBLISHED, "The talks lasted about two weeks.", "two weeks", "P2W"),
    (NEWS, PUBLISHED, "Some 20 people were hurt.", "Some 20", None),
    # a month's end, as a year's
    (NARRATIVE, "", "Pyongyang fell on 19 October 1950. At month's end, UN forces held 135,000 prisoners.",
     "month's end", "1950-10"),
    (NEWS, PUBLISHED, "The loan is due by month-end.", "month-end", "2000-03"),
    # the place or thing as it is now
    (NARRATIVE, "", "In 1915 the Serbs lost near modern day Gnjilane.", "modern day", "PRESENT_REF"),
    (NARRATIVE, "", "In 1760 Britain reached present-day Belize.", "present-day", "PRESENT_REF"),
    (NEWS, PUBLISHED, "The modern-day army left.", "modern-day", "PRESENT_REF"),
    (NEWS, PUBLISHED, "The custom survives to the present day.", "the present day", "2000-03-01"),
    # history beyond the wars: eras, centuries, approximate years. Rows that change:
    (NARRATIVE, "", "Christianity spread in the 4th century AD.", "the 4th century AD", "03"),
    (NARRATIVE, "", "Monasteries multiplied in the 6th century CE.", "the 6th century CE", "05"),
    (NARRATIVE, "", "The castle was built c. 1200.", "c. 1200", "1200"),
    (NARRATIVE, "", "The hall was built ca. 1250.", "ca. 1250", "1250"),
    (NARRATIVE, "", "Caesar died in 44 BC. Claudius invaded Britain in AD 43.", "AD 43", "0043"),
    (NARRATIVE, "", "Caesar died in 44 BC. Claudius came in 43 AD. Two years later he left.", "Two years later",
     "0045"),
    # ... and rows that stay
    (NARRATIVE, "", "The Persians invaded Greece in 480 BC.", "480 BC", "BC0480"),
    (NARRATIVE, "", "Homer composed his poems c. 750 BC.", "c. 750 BC", "BC0750"),
    (NARRATIVE, "", "Athens flourished in the 5th century BCE.", "the 5th century BCE", "BC04"),
    (NARRATIVE, "", "The Romans invaded Britain in AD 43.", "AD 43", "0043"),
    (NARRATIVE, "", "The city was sacked in 410 CE.", "410 CE", "0410"),
    (NARRATIVE, "", "The keep dates from circa 1180.", "circa 1180", "1180"),
    (NARRATIVE, "", "Coffee houses spread across London in the 1640s.", "the 1640s", "164"),
    (NARRATIVE, "", "By the mid-17th century the guilds had declined.", "the mid-17th century", "16"),
    (NARRATIVE, "", "Trade revived in the late 12th century.", "the late 12th century", "11"),
    (NARRATIVE, "", "Plague struck Europe in the late Middle Ages.", "the late Middle Ages", None),
    (NARRATIVE, "", "Prussia rose during the reign of Frederick the Great.", "the reign", None),
    (NARRATIVE, "", "In the 1790s the revolution turned violent; by the early 1800s Napoleon ruled.",
     "the early 1800s", "18"),
    (NARRATIVE, "", "The bridge was finished in the early 1520s.", "the early 1520s", "152"),
    # years of three digits, told as years in a history (chrono/tag/early_years.py). Rows that change:
    (NARRATIVE, "", "The Vikings raided Lindisfarne in 793. The next summer, they returned.", "793", "0793"),
    (NARRATIVE, "", "The Vikings raided Lindisfarne in 793. The next summer, they returned.", "The next summer",
     "0793-SU"),
    (NARRATIVE, "", "In 711 the Moors crossed into Spain.", "711", "0711"),
    (NARRATIVE, "", "In 711 Tariq crossed into Spain.", "711", "0711"),
    (NARRATIVE, "", "Alfred died in 899. His son Edward ruled until 924.", "924", "0924"),
    (NARRATIVE, "", "Charlemagne was crowned on 25 December 800. Two years later he fell ill.", "25 December 800",
     "0800-12-25"),
    (NARRATIVE, "", "Charlemagne was crowned on 25 December 800. Two years later he fell ill.", "Two years later",
     "0802"),
    (NARRATIVE, "", "He was crowned on Christmas Day 800, in Rome.", "Christmas Day 800", "0800-12-25"),
    (NARRATIVE, "", "Alfred the Great (849-899) ruled Wessex.", "849", "0849"),
    (NARRATIVE, "", "Alfred the Great ruled Wessex from 871 to 899.", "899", "0899"),
    (NARRATIVE, "", "Theodoric (r. 493-526) ruled Italy.", "526", "0526"),
    (NARRATIVE, "", "Boethius was executed c. 524 in Pavia.", "c. 524", "0524"),
    (NARRATIVE, "", "The Persians invaded in 490 BC. In 480 they returned.", "480", "BC0480"),
    (NARRATIVE, "", "The Persians invaded in 490 BC. On 17 August 480 the battle began.", "17 August 480",
     "BC0480-08-17"),
    # ... and numbers that stay numbers
    (NARRATIVE, "", "In 800 ships the army sailed.", "800", None),
    (NARRATIVE, "", "One in 300 survived the winter.", "300", None),
    (NARRATIVE, "", "An army of 800, the largest yet, marched from 300 to 500 miles.", "300", None),
    (NARRATIVE, "", "He lost 500 men in 120 days.", "120", None),
    (NEWS, PUBLISHED, "Rome was sacked in 410, the lecture said.", "410", None),
    # Old Style and New Style years, a winter and a night named by two years or days
    (NARRATIVE, "", "Washington was born on 11 February 1731/32.", "11 February 1731/32", "1732-02-11"),
    (NARRATIVE, "", "The act passed on March 24, 1750/1.", "March 24, 1750/1", "1751-03-24"),
    (NARRATIVE, "", "It failed on 3 May 1750/9.", "3 May 1750", "1750-05-03"),  # no next year: no pair
    (NARRATIVE, "", "The army froze in the winter of 1941-42.", "the winter of 1941-42", "1941-WI"),
    (NARRATIVE, "", "The army froze during winter 1916/17.", "winter 1916/17", "1916-WI"),
    (NARRATIVE, "", "The ship sank on the night of 14-15 April 1912.", "the night of 14-15 April 1912",
     "1912-04-14TNI"),
    (NARRATIVE, "", "The landings began on the night of 5/6 June 1944.", "the night of 5/6 June 1944",
     "1944-06-05TNI"),
    (NARRATIVE, "", "The fair ran 14-15 April 1912.", "15 April 1912", "1912-04-15"),
    (NARRATIVE, "", "Congress adopted the Declaration on the 4th of July, 1776.", "the 4th of July, 1776",
     "1776-07-04"),
    (NARRATIVE, "", "He was born on February 22, 1732 (O.S. February 11, 1731).", "February 22, 1732", "1732-02-22"),
    # the story's time: steps, seasons and feasts after a dated mention; brackets after a name are no step
    (NARRATIVE, "", "In 1588 the Armada sailed. In the spring of that year Philip gathered his fleet.",
     "the spring of that year", "1588-SP"),
    (NARRATIVE, "", "The Armada sailed in the summer of 1588. The following autumn, Drake returned.",
     "The following autumn", "1588-FA"),
    (NARRATIVE, "", "The colony was founded in 1607. By the end of the decade, half the settlers had died.",
     "the end of the decade", "160"),
    (NARRATIVE, "", "Lincoln was elected in November 1860. In March, he took office.", "March", "1861-03"),
    (NARRATIVE, "", "Abraham Lincoln (1809-1865) was elected in 1860. The following year, war broke out.",
     "The following year", "1861"),
    (NARRATIVE, "", "Henry VIII (r. 1509-1547) broke with Rome in 1534. Two years later, the monasteries fell.",
     "Two years later", "1536"),
    (NARRATIVE, "", "Geoffrey Chaucer (c. 1343-1400) sat in Parliament in 1386. The next year he left London.",
     "The next year", "1387"),
    (NARRATIVE, "", "The Battle of Hastings was fought on 14 October 1066. On Christmas Day, William was crowned.",
     "Christmas Day", "1066-12-25"),
    (NARRATIVE, "", "Octavian defeated Antony in 31 BC. Four years later he became Augustus.", "Four years later",
     "BC0027"),
    (NARRATIVE, "", "Carthage fell in 146 BC. In the same year Corinth was destroyed.", "the same year", "BC0146"),
    (NARRATIVE, "", "Napoleon abdicated in April 1814. The previous autumn he had lost at Leipzig.",
     "The previous autumn", "1813-FA"),
    (NARRATIVE, "", "The Great Fire began on 2 September 1666. Three days later, it was out.", "Three days later",
     "1666-09-05"),
    (NARRATIVE, "", "Columbus reached the Bahamas in October 1492. In January he sailed home.", "January",
     "1493-01"),
    # a season stepped from a season or month before Christ: the count runs down towards AD. Rows that change:
    (NARRATIVE, "", "The siege began in the autumn of 218 BC. The following spring the city fell.",
     "The following spring", "BC0217-SP"),
    (NARRATIVE, "", "The siege began in October 218 BC. The following year the city fell. The previous summer "
     "had been dry.", "The previous summer", "BC0218-SU"),
    (NARRATIVE, "", "The city fell in 217 BC. The previous March it was besieged.", "The previous March",
     "BC0218-03"),
    # ... and rows that stay
    (NARRATIVE, "", "The siege began in June 218 BC. The following August it ended.", "The following August",
     "BC0218-08"),
    (NARRATIVE, "", "Hannibal crossed the Alps in 218 BC. That summer he won.", "That summer", "BC0218-SU"),
    # a bare weekday after a dated day moves on with the story (a past perfect looks back). Rows that change:
    (NARRATIVE, "", "On 14 August 1415 Henry sailed. On Friday he landed.", "Friday", "1415-08-18"),
    # ... and rows that stay
    (NARRATIVE, "", "On 14 August 1415 Henry landed. On Monday he had sailed.", "Monday", "1415-08-14"),
    (NARRATIVE, "", "The talks ran on 10 May 2024 at noon, and on Monday at nine.", "Monday", "2024-05-06"),  # a list
    (NARRATIVE, "", "On 13 September 2007 a bomb killed him. The group praised Thursday's killing.", "Thursday",
     "2007-09-13"),
    (NEWS, PUBLISHED, "On 14 February 2000 the talks began. On Friday they failed.", "Friday", "2000-02-25"),
    # the writer's own present outside a quotation is the publication's, the story's in a quotation. Changes:
    (NARRATIVE, PUBLISHED, "In 1415 Henry sailed to France. Today the field is a farm.", "Today", "2000-03-01"),
    (NARRATIVE, PUBLISHED, "The pact was signed in 1998. Its opponents will break it next year.", "next year",
     "2001"),
    # ... and rows that stay
    (NARRATIVE, PUBLISHED, "In 1415 Henry sailed to France. Today the field was quiet.", "Today", "1415-XX-XX"),
    (NARRATIVE, PUBLISHED, "In 1415 Henry sailed. \"Today we fight,\" he said.", "Today", "1415-XX-XX"),
    (NARRATIVE, PUBLISHED, "In 1415 Henry sailed to France. That year the harvest failed.", "That year", "1415"),
    # a step back told before its clause ("earlier", "previously" are no prepositions). Rows that change:
    (NARRATIVE, "", "In 1415 Henry sailed. Five years earlier the king had died.", "Five years earlier", "1410"),
    (NARRATIVE, "", "In 1415 Henry sailed. Two years previously he had been crowned.", "Two years previously", "1413"),
    # ... and rows that stay
    (NARRATIVE, "", "In 1415 Henry sailed. Two years before, he had been crowned.", "Two years before", "1413"),
    (NEWS, PUBLISHED, "Profit rose to $5 million from $4 million a year earlier.", "a year earlier", "1999"),
    # a quarter as a fraction of people or things is no time. Rows that change:
    (NARRATIVE, "", "The diversion of three quarters of the Axis troops made it possible.", "three quarters", None),
    (NEWS, PUBLISHED, "A quarter of the workers left.", "A quarter", None),
    (NEWS, PUBLISHED, "There was a decrease of about a quarter in the quantity of arms found.", "a quarter", None),
    # ... and rows that stay
    (NEWS, PUBLISHED, "The economy shrank for two quarters.", "two quarters", "P2Q"),
    (NEWS, PUBLISHED, "The economy shrank for three quarters of the year.", "three quarters", "P3Q"),
]


def _values(domain: Domain, published: str, text: str) -> dict[str, str | None]:
    document = Document("row", text, dt.date.fromisoformat(published) if published else None)
    found = tag_text(text)
    resolved = resolve_expressions(found, split_sentences(text), document, domain=domain)
    return {expression.text: expression.value.value if expression.value else None for expression in resolved}


@pytest.mark.parametrize(("domain", "published", "text", "phrase", "expected"), ROWS,
                         ids=[f"{row[0]}-{row[3]}-{number}" for number, row in enumerate(ROWS)])
def test_narrative_form(domain: Domain, published: str, text: str, phrase: str, expected: str | None) -> None:
    values = _values(domain, published, text)
    if expected is None:
        assert phrase not in values, values
    else:
        assert values.get(phrase) == expected, values
