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
