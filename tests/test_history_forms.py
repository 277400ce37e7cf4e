"""Forms of history writing resolved against the story's own time, not the publication date (2020-03-01 here):
(domain, text, phrase, type, value). A type of None says the phrase is no expression there (must-not rows).

Forms already tabled in tests/test_narrative_forms.py and tests/test_story_time.py are not repeated.
"""

from __future__ import annotations

import datetime as dt

import pytest

from chrono.model import Document, Domain
from chrono.resolve.walk import resolve_expressions
from chrono.segment.sentences import split_sentences
from chrono.tag.tagger import tag_text

NEWS, NARRATIVE = Domain.NEWS, Domain.NARRATIVE
PUBLISHED = dt.date(2020, 3, 1)

ROWS = [
    # steps from the story's day, month or year
    (NARRATIVE, "The army landed in May 1916. The following spring, it attacked again.", "The following spring",
     "DATE", "1917-SP"),
    (NARRATIVE, "The city fell in March 1871. That autumn the commune was crushed.", "That autumn", "DATE",
     "1871-FA"),
    (NARRATIVE, "The ships sailed on 3 June 1588. The next morning they sighted land.", "The next morning", "TIME",
     "1588-06-04TMO"),
    (NARRATIVE, "The ships sailed on 3 June 1588. Two days later they sighted land.", "Two days later", "DATE",
     "1588-06-05"),
    (NARRATIVE, "The treaty was signed in March 1648. By the end of the year the armies had gone home.",
     "the end of the year", "DATE", "1648"),
    (NARRATIVE, "In 1588 the Armada sailed. In the same year, Drake raided Cadiz.", "the same year", "DATE", "1588"),
    (NARRATIVE, "In March 1588 the Armada was built. Later that year, it sailed.", "Later that year", "DATE", "1588"),
    (NARRATIVE, "In 1848 revolts spread. The previous decade had been calm.", "The previous decade", "DATE", "183"),
    (NARRATIVE, "In 1832 he enlisted. Early the next year he married.", "Early the next year", "DATE", "1833"),
    (NARRATIVE, "In 1832 he enlisted. By the end of the following year he had married.",
     "the end of the following year", "DATE", "1833"),
    # ... early or late in the story's year (new), the day or a part of it after the story's day (new)
    (NARRATIVE, "In March 1947 the French landed. Late in the year, they attacked Bac Kan.", "Late in the year",
     "DATE", "1947"),
    (NARRATIVE, "In March 1947 the French landed. Early in the month, they had sailed.", "Early in the month",
     "DATE", "1947-03"),
    (NARRATIVE, "Thompson surrendered on 11 May 1865, and the day following saw the end.", "the day following",
     "DATE", "1865-05-12"),
    (NARRATIVE, "The army landed on 5 May 1916. The morning after, it attacked.", "The morning after", "TIME",
     "1916-05-06TMO"),
    (NARRATIVE, "The army landed on 5 May 1916. The night before, it had sailed.", "The night before", "TIME",
     "1916-05-04TNI"),
    (NARRATIVE, "By 1990 few still believed in it; the late year of the flood was past.", "the late year", None,
     None),
    (NEWS, "She asked for the morning after pill.", "the morning after", None, None),
    (NARRATIVE, "In 1916 the army landed. The morning after the landing, it attacked.", "The morning after", None,
     None),
    # ... early, late, earlier or later in a year or season; a part of a season (new)
    (NARRATIVE, "In 1791 the king fled. Later in 1792 the monarchy fell.", "Later in 1792", "DATE", "1792"),
    (NARRATIVE, "In 480 BC Xerxes marched. Early in spring the fleet sailed.", "Early in spring", "DATE",
     "BC0480-SP"),
    (NARRATIVE, "In 1919 the Whites advanced. Later in the summer they retreated.", "Later in the summer", "DATE",
     "1919-SU"),
    (NARRATIVE, "In 1919 the Whites advanced. In the middle of summer they retreated.", "the middle of summer",
     "DATE", "1919-SU"),
    (NARRATIVE, "In 1919 the Whites advanced. By late summer they had retreated.", "late summer", "DATE", "1919-SU"),
    (NARRATIVE, "In 1919 the Whites advanced. By late summer they had retreated.", "summer", None, None),
    (NARRATIVE, "In 1863 Lee retreated, and after Meade's fall campaign Lincoln turned west.", "fall", "DATE",
     "1863-FA"),
    (NARRATIVE, "In March 1951 the Chinese launched their Spring Offensive.", "Spring", "DATE", "1951-SP"),
    (NARRATIVE, "In 1951 the rivers spring from the hills and fall to the sea.", "spring", None, None),
    # years, decades, centuries and millennia
    (NARRATIVE, "In 1941 Germany invaded Russia. Early in 1942 the Soviets counterattacked.", "Early in 1942", "DATE",
     "1942"),
    (NARRATIVE, "In 1941 the war spread. In the late 1930s the party had grown.", "the late 1930s", "DATE", "193"),
    (NARRATIVE, "The town was founded in the 18th century.", "the 18th century", "DATE", "17"),
    (NARRATIVE, "The town was founded in the eighteenth century.", "the eighteenth century", "DATE", "17"),
    (NARRATIVE, "In 1872 the railway came. Immigration had risen in the 1860s.", "the 1860s", "DATE", "186"),
    (NARRATIVE, "The city was founded in the 1st century BC.", "the 1st century BC", "DATE", "BC00"),
    (NARRATIVE, "Farming reached the valley in the 5th millennium BC.", "the 5th millennium BC", "DATE", "BC4"),
    (NARRATIVE, "Towns grew across Europe in the 2nd millennium.", "the 2nd millennium", "DATE", "1"),
    (NARRATIVE, "Towns grew in the first millennium AD.", "the first millennium AD", "DATE", "0"),
    (NARRATIVE, "Hunters roamed in the 11th millennium BC.", "the 11th millennium BC", None, None),  # no one digit
    (NARRATIVE, "Nothing happened in the 0th century BC.", "the 0th century BC", None, None),
    (NARRATIVE, "The village was founded around 1000 AD.", "around 1000 AD", "DATE", "1000"),
    (NARRATIVE, "Throughout the 470s BC, the League campaigned in Thrace.", "the 470s BC", "DATE", "BC047"),
    (NARRATIVE, "Early 480 BC, the Persian army gathered.", "Early 480 BC", "DATE", "BC0480"),
    (NARRATIVE, "Carthage was founded in the middle of the 9th century BC.", "the middle of the 9th century BC", "DATE",
     "BC08"),
    (NARRATIVE, "The town was founded around 600 BC.", "around 600 BC", "DATE", "BC0600"),
    (NARRATIVE, "Towards the end of the 460s BC, Athens sent a fleet.", "the end of the 460s BC", "DATE", "BC046"),
    (NARRATIVE, "Railways spread in the last decade of the 19th century.", "the last decade of the 19th century",
     "DATE", "189"),
    (NARRATIVE, "Europe changed in the first half of the 20th century.", "the first half of the 20th century", "DATE",
     "19"),
    (NARRATIVE, "Athens grew in the first half of the 5th century BC.", "the first half of the 5th century", None,
     None),
    (NARRATIVE, "Athens grew in the first half of the 5th century BC.", "the 5th century BC", "DATE", "BC04"),
    # ... a two-digit decade, the turn and the middle of the century: the story's, not the publication's (new)
    (NARRATIVE, "In 1872 the railway came. Many had emigrated in the '60s.", "the '60s", "DATE", "186"),
    (NARRATIVE, "In 1872 the railway came. By the '80s the town had doubled.", "the '80s", "DATE", "188"),
    (NEWS, "Music from the '60s is back.", "the '60s", "DATE", "196"),
    (NARRATIVE, "In 1950 the war began. Migration had risen in the 1860s and 70s.", "70s", "DATE", "187"),
    (NARRATIVE, "In 1880 the railway came. Immigration had risen in the 1850s–60s.", "60s", "DATE", "186"),
    (NEWS, "Highs in the 60s and 70s are expected.", "70s", None, None),
    (NARRATIVE, "In 1790 the club split. Some founders left to form the Club of '89.", "'89", "DATE", "1789"),
    (NARRATIVE, "In 1790 the club split. In May '89 the Estates had met.", "May '89", "DATE", "1789-05"),
    (NARRATIVE, "In 1790 the club split. Its founders were all '89 men.", "'89", None, None),
    (NARRATIVE, "In 1894 the mills closed. By the turn of the century the railway had come.",
     "the turn of the century", "DATE", "19"),
    (NARRATIVE, "In 1903 the mills reopened. By the turn of the century the railway had come.",
     "the turn of the century", "DATE", "19"),
    (NEWS, "Since the turn of the century, prices have doubled.", "the turn of the century", "DATE", "20"),
    (NARRATIVE, "In 1848 revolts spread. By mid-century the city had doubled in size.", "mid-century", "DATE", "18"),
    (NEWS, "By mid-century, sea levels will have risen.", "mid-century", "DATE", "20"),
    (NEWS, "They sold a mid-century modern sofa.", "mid-century", None, None),
    # an era's name is no amount of years
    (NARRATIVE, "In 1925 he moved to Paris. During the interwar years he wrote novels.", "years", None, None),
    # lifespans and reigns in brackets are years, and do not move the story
    (NARRATIVE, "Charles Dickens (1812–1870) wrote Bleak House in 1852. The next year he toured.", "1812", "DATE",
     "1812"),
    (NARRATIVE, "Charles Dickens (1812–1870) wrote Bleak House in 1852. The next year he toured.", "1870", "DATE",
     "1870"),
    (NARRATIVE, "Charles Dickens (1812–1870) wrote Bleak House in 1852. The next year he toured.", "The next year",
     "DATE", "1853"),
    # a range of months in brackets: "May" before another month is the month, not the verb
    (NARRATIVE, "In 1949 the army advanced, taking the islands (May-August 1950).", "May", "DATE", "1950-05"),
    (NEWS, "May-Britt Moser won the prize.", "May", None, None),
    # a day of the month alone after the story's month, before its verb
    (NARRATIVE, "A terrific assault was made on 20 September 1917. The onslaught on the 20th was successful.",
     "the 20th", "DATE", "1917-09-20"),
    (NARRATIVE, "In 1917 the battalion on the 20th floor was hit.", "the 20th", None, None),
    # a date with "of" before its year; a number naming a document is no year
    (NARRATIVE, "In 1792 women marched. On June 20 of 1792, armed women entered the hall.", "June 20 of 1792", "DATE",
     "1792-06-20"),
    (NARRATIVE, "In 2003, citing Security Council Resolution 1483 (May 22, 2003), the CPA ruled.", "1483", None, None),
    (NEWS, "He filed Form 1040 late.", "1040", None, None),
    (NARRATIVE, "The Resolution of 1483 was passed in 1483.", "1483", "DATE", "1483"),
    # a date before a dash lost in the text ("1950-the day after"); a compound stays one word
    (NARRATIVE, "The Politburo authorized intervention on 2 October 1950-the day after the ROK Army crossed.",
     "2 October 1950", "DATE", "1950-10-02"),
    (NEWS, "He drove a 1950-style car.", "1950", None, None),
    # feasts and named days
    (NARRATIVE, "In 1914 the war began. At Christmas 1914 the soldiers held a truce.", "Christmas 1914", "DATE",
     "1914-12-25"),
    (NARRATIVE, "In March 1944 the Allies gathered. On D-Day they landed in Normandy.", "D-Day", "DATE",
     "1944-06-06"),
    (NARRATIVE, "In 1945 the war in Europe ended, eleven months after D-Day.", "D-Day", "DATE", "1944-06-06"),
    (NARRATIVE, "In 1950 the war began. D-Day for the landing at Inchon was 15 September.", "D-Day", None, None),
    (NARRATIVE, "In 1950 the war began. D-Day for the landing at Inchon was 15 September.", "15 September", "DATE",
     "1950-09-15"),
    (NEWS, "The vote is the D-Day for Brexit.", "D-Day", None, None),
    # amounts and recurrences keep their types
    (NARRATIVE, "In 1848 revolts spread. Within a month the king fled.", "a month", "DURATION", "P1M"),
    (NARRATIVE, "In 1848 revolts spread. He ruled for three years.", "three years", "DURATION", "P3Y"),
    (NARRATIVE, "In 1848 he went to Bath. He returned every summer.", "every summer", "SET", "XXXX-SU"),
    (NARRATIVE, "In 1848 he went to Bath. The roads flooded each spring.", "each spring", "SET", "XXXX-SP"),
    (NARRATIVE, "In 1848 he went to Bath. He returned every summer.", "summer", None, None),
    # a military clock time with "hrs"; a clock reading for an amount is none
    (NARRATIVE, "On 8 October 1950 camouflage was deployed by 05:30hrs.", "05:30hrs", "TIME", "1950-10-08T05:30"),
    (NEWS, "The flight lasted for 02:30 hrs.", "02:30 hrs", None, None),
    # a time on a day the story knows only by its month keeps its time
    (NARRATIVE, "In October 1950 the army marched (19:00-03:00hrs).", "19:00", "TIME", "1950-10-XXT19:00"),
    (NARRATIVE, "In September 1939 Poland was invaded. That night Warsaw burned.", "That night", "TIME",
     "1939-09-XXTNI"),
]


def _found(domain: Domain, text: str) -> dict[str, tuple[str, str]]:
    document = Document("row", text, PUBLISHED)
    resolved = resolve_expressions(tag_text(text), split_sentences(text), document, domain=domain)
    return {e.text: (e.value.type.value, e.value.value) for e in resolved if e.value is not None}


@pytest.mark.parametrize(("domain", "text", "phrase", "kind", "value"), ROWS,
                         ids=[f"{row[0]}-{row[2]}-{number}" for number, row in enumerate(ROWS)])
def test_history_form(domain: Domain, text: str, phrase: str, kind: str | None, value: str | None) -> None:
    found = _found(domain, text)
    if kind is None:
        assert phrase not in found, found
    else:
        assert found.get(phrase) == (kind, value), found
