"""The story's own time: asides, parentheses, citations, comparisons and names do not move the time a text tells
of; "the end of the year" in a paragraph told about another year is in that year. Rows: (domain, published,
text, phrase, value)."""

from __future__ import annotations

import pytest

from chrono.pipeline import build_timeline

ROWS = [
    # narrative: a history of 1920 with an aside about 1812 or 2004
    ("narrative", "2020-03-01", "In March 1920 the army reached the river (the one it had crossed in 1812). "
     "On September 18 it attacked.", "September 18", "1920-09-18"),
    ("narrative", "2020-03-01", "In March 1920 the treaty was signed, unlike in 2004. The next month, troops left.",
     "The next month", "1920-04"),
    ("narrative", "2020-03-01", "In June 1920 the river flooded, the worst flood since 1812. "
     "The previous year had been dry.", "The previous year", "1919"),
    ("narrative", "2020-03-01", "In May 1920 the orchestra played the 1812 Overture. On September 18 it toured Spain.",
     "September 18", "1920-09-18"),
    ("narrative", "2020-03-01", "In May 1920 the law was passed (see Smith, Laws 12, 4-5 (2004)). "
     "On September 18 it took effect.", "September 18", "1920-09-18"),
    ("narrative", "2020-03-01", "In May 1920 the law was passed. In 1921 it took effect. On September 18 it lapsed.",
     "September 18", "1921-09-18"),
    # a flashback in a relative clause told in the past perfect does not move the story; a main clause does
    ("narrative", "2020-03-01", "In May 1944 British forces attacked, and Chinese forces that had invaded Burma in "
     "late 1943 besieged Myitkyina. By June, the Japanese had taken Henan.", "June", "1944-06"),
    ("narrative", "2020-03-01", "In 1944 Rome fell. The general, who had fought there in 1916, wept. The next year "
     "he retired.", "The next year", "1945"),
    ("narrative", "2020-03-01", "In 1944 Rome fell. By 1947 the Allies had left Italy. The next year it voted.",
     "The next year", "1948"),
    ("narrative", "2020-03-01", "The meeting was set for May 1789. On the last occasion that the Estates-General had "
     "met, in 1614, each estate held one vote. The King agreed on 27 December.", "27 December", "1789-12-27"),
    # a date that qualifies a noun does not move the story ("the August 1792 uprising"); a date told does
    ("narrative", "2020-03-01", "In June 1793 Danton, the leader of the August 1792 uprising, fell. Meanwhile, on "
     "24 June, the Convention adopted a constitution.", "24 June", "1793-06-24"),
    ("narrative", "2020-03-01", "In January 2008 deaths rose past the May 2007 high. In early May, the government "
     "acted.", "early May", "2008-05"),
    ("narrative", "2020-03-01", "In June 1793 the Convention met. In August 1792 the uprising had begun. On 24 June "
     "the king was tried.", "24 June", "1792-06-24"),
    # a year written after a bracket completes the day before it; the bare year does not move the story
    ("narrative", "2020-03-01", "In June 1941 Germany attacked. On December 7 (December 8 in Asian time zones), 1941, "
     "Japan attacked. Germany declared war on the United States. In January, the Allies met.", "January", "1942-01"),
    ("news", "2020-03-01", "On December 7 (December 8 in Asian time zones), 1941, Japan attacked.", "December 7",
     "1941-12-07"),
    # news looking back: a story told about 2019 in a post published in 2020
    ("news", "2020-03-01", "In June 2019, the developers froze the code. On July 14, 2019, the beta came out. "
     "Python 3.8 was scheduled for release by the end of the year, and the final was planned for early November.",
     "the end of the year", "2019"),
    ("news", "2020-03-01", "In June 2019, the developers froze the code. On July 14, 2019, the beta came out. "
     "Python 3.8 was scheduled for release by the end of the year, and the final was planned for early November.",
     "early November", "2019-11"),
    ("news", "2020-03-01", "The plant will close by the end of the year, the company said on Monday.",
     "the end of the year", "2020"),
    ("news", "2020-03-01", "In June 2019 sales fell. On July 14, 2019 they rose. They will fall by the end of this "
     "year.", "the end of this year", "2020"),
    ("news", "2020-03-01", "Turkish troops crossed the border, the first incursion since 1995, on February 3, 2008. "
     "They withdrew the next day.", "the next day", "2008-02-04"),
]


@pytest.mark.parametrize(("domain", "published", "text", "phrase", "expected"), ROWS,
                         ids=[f"{row[0]}-{row[3]}-{number}" for number, row in enumerate(ROWS)])
def test_story_time(domain: str, published: str, text: str, phrase: str, expected: str) -> None:
    timeline = build_timeline(text, published=published, domain=domain)
    values = {expression.text: expression.value.value for expression in timeline.expressions if expression.value}
    assert values.get(phrase) == expected, values
