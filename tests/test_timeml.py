"""TimeML in and out: DCT, decoded text, gold spans, entities, and writing the text back byte for byte."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from chrono.errors import ChronoInputError
from chrono.model import Document, Expression, PartialValue, Span, TimexType, Value
from chrono.read import document_id, read_input
from chrono.read.timeml import Timex, parse_timeml
from chrono.render.exporters.timeml_export import timeml_from_document, write_timeml

DCT = ('<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-27" temporalFunction="false" '
       'functionInDocument="CREATION_TIME">02/27/1998</TIMEX3></DCT>')

SAMPLE = f"""<?xml version="1.0" ?>
<TimeML>
<DOCID>APW_TEST</DOCID>
{DCT}
<TEXT>
AT&amp;T <EVENT eid="e1">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-02-26">Thursday</TIMEX3>
it would cut &lt;5% of jobs <TIMEX3 tid="t2" type="DURATION" value="P2Y" mod="APPROX">about two years</TIMEX3> later,
<TIMEX3 tid="t3" type="SET" value="P1W" quant="EVERY" freq="2X">twice every week</TIMEX3>.
</TEXT>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t1"/>
</TimeML>
"""

TE3INPUT = f"""<?xml version="1.0" ?>
<TimeML>
<DOCID>bare</DOCID>
{DCT}
<TEXT>Sales rose last year.</TEXT>
</TimeML>
"""


def strip_tags(text: str) -> str:
    return re.sub(r"<[^>]*>", "", text)


def text_element(content: str) -> str:
    return re.search(r"<TEXT>(.*)</TEXT>", content, re.DOTALL).group(1)


def test_reads_the_dct_and_the_decoded_text() -> None:
    source = parse_timeml(SAMPLE, name="APW_TEST")
    assert source.document.published == dt.date(1998, 2, 27)
    assert source.document.id == "APW_TEST"
    assert source.document.text.startswith("\nAT&T said Thursday\nit would cut <5% of jobs about two years later")
    assert "<" not in source.document.text.replace("<5%", "")


@pytest.mark.parametrize(
    ("index", "text", "type_", "value", "mod", "quant", "freq"),
    [
        (0, "Thursday", "DATE", "1998-02-26", None, None, None),
        (1, "about two years", "DURATION", "P2Y", "APPROX", None, None),
        (2, "twice every week", "SET", "P1W", None, "EVERY", "2X"),
    ],
)
def test_reads_gold_timexes_with_spans_into_the_decoded_text(index: int, text: str, type_: str, value: str,
                                                             mod: str | None, quant: str | None,
                                                             freq: str | None) -> None:
    source = parse_timeml(SAMPLE)
    timex = source.timexes[index]
    assert source.document.text[timex.span.start:timex.span.end] == text == timex.text
    assert (timex.type, timex.value, timex.mod, timex.quant, timex.freq) == (type_, value, mod, quant, freq)
    assert timex.tid == f"t{index + 1}"


def test_the_dct_timex_is_not_a_gold_expression() -> None:
    assert [t.tid for t in parse_timeml(SAMPLE).timexes] == ["t1", "t2", "t3"]


@pytest.mark.parametrize(
    ("dct", "expected"),
    [
        (DCT, dt.date(1998, 2, 27)),
        ('<DCT><TIMEX3 tid="t9" type="DATE" value="19891102">11/02/89</TIMEX3></DCT>', dt.date(1989, 11, 2)),
        ('<DCT><TIMEX3 functionInDocument="CREATION_TIME" value="2009-12-19T10:00" tid="t0"/></DCT>',
         dt.date(2009, 12, 19)),
        ("", None),
        ('<DCT><TIMEX3 tid="t0" type="DATE" value="2023-02-30">bad</TIMEX3></DCT>', None),
    ],
)
def test_dct_from_creation_time_or_the_dct_element(dct: str, expected: dt.date | None) -> None:
    assert parse_timeml(f"<TimeML>{dct}<TEXT>x</TEXT></TimeML>").document.published == expected


@pytest.mark.parametrize("content", ["<TimeML><DOCID>x</DOCID></TimeML>", "plain words", "<TEXT>never closed"])
def test_a_file_without_text_is_an_input_error(content: str) -> None:
    with pytest.raises(ChronoInputError, match="no <TEXT> element"):
        parse_timeml(content)


def test_writing_keeps_the_text_byte_for_byte_and_drops_other_tags() -> None:
    source = parse_timeml(SAMPLE)
    written = write_timeml(source, source.timexes)
    assert strip_tags(text_element(written)) == strip_tags(text_element(SAMPLE))
    assert "AT&amp;T" in written and "&lt;5%" in written
    assert "<EVENT" not in written and "<TLINK" not in written
    assert DCT in written
    assert written.rstrip().endswith("</TimeML>")


def test_writing_round_trips_spans_and_attributes() -> None:
    source = parse_timeml(SAMPLE)
    again = parse_timeml(write_timeml(source, source.timexes))
    assert again.document.text == source.document.text
    assert again.document.published == source.document.published
    assert [(t.span, t.type, t.value, t.mod, t.quant, t.freq) for t in again.timexes] == [
        (t.span, t.type, t.value, t.mod, t.quant, t.freq) for t in source.timexes
    ]


def test_written_tags_are_attribute_ordered_and_numbered_after_the_dct() -> None:
    source = parse_timeml(TE3INPUT)
    start = source.document.text.index("last year")
    timex = Timex(Span(start, start + len("last year")), "last year", "DATE", "1997")
    written = write_timeml(source, [timex])
    assert '<TEXT>Sales rose <TIMEX3 tid="t1" type="DATE" value="1997">last year</TIMEX3>.</TEXT>' in written


@pytest.mark.parametrize(
    ("raw", "phrase", "expected"),
    [
        ("Q&amp;A on Monday &amp; Tuesday", "Monday &amp; Tuesday", "Monday & Tuesday"),
        ("&quot;Friday&quot; he said", "Friday", "Friday"),
        ("caf&#233; opened in 1990", "1990", "1990"),
        ("A&amp;B&amp;C rose in 1990", "1990", "1990"),
        ("crlf line\r\nin May 1990", "May 1990", "May 1990"),
    ],
)
def test_spans_after_entities_map_back_to_the_raw_text(raw: str, phrase: str, expected: str) -> None:
    source = parse_timeml(f"<TimeML>{DCT}<TEXT>{raw}</TEXT></TimeML>")
    start = source.document.text.index(expected)
    timex = Timex(Span(start, start + len(expected)), expected, "DATE", "XXXX")
    written = write_timeml(source, [timex])
    assert f'value="XXXX">{phrase}</TIMEX3>' in written
    assert strip_tags(text_element(written)) == raw


def test_overlapping_and_out_of_range_annotations_are_left_out() -> None:
    source = parse_timeml(TE3INPUT)
    first = Timex(Span(11, 20), "last year", "DATE", "1997")
    written = write_timeml(source, [first, Timex(Span(16, 20), "year", "DURATION", "P1Y"),
                                    Timex(Span(5, 500), "?", "DATE", "X")])
    assert written.count("<TIMEX3") == 2  # the DCT and the first annotation


def test_expressions_are_written_with_their_resolved_value() -> None:
    source = parse_timeml(TE3INPUT)
    value = Value("1997", TimexType.DATE, mod="START")
    resolved = Expression("last year", Span(11, 20), PartialValue(), value=value)
    unresolved = Expression(".", Span(20, 21), PartialValue(type=TimexType.DURATION, literal="P1Y"))
    written = write_timeml(source, [resolved, unresolved])
    assert '<TIMEX3 tid="t1" type="DATE" value="1997" mod="START">last year</TIMEX3>' in written
    assert '<TIMEX3 tid="t2" type="DURATION" value="P1Y">.</TIMEX3>' in written


def test_attribute_values_are_escaped() -> None:
    source = parse_timeml(TE3INPUT)
    written = write_timeml(source, [Timex(Span(11, 20), "last year", "DATE", 'a"<&')])
    assert 'value="a&quot;&lt;&amp;"' in written
    assert parse_timeml(written).timexes[0].value == 'a"<&'


def test_plain_text_is_wrapped_with_a_dct_and_escaped() -> None:
    document = Document(id="note", text="R&D <b> grew in 2020.", published=dt.date(2021, 5, 4))
    source = timeml_from_document(document)
    written = write_timeml(source, [Timex(Span(16, 20), "2020", "DATE", "2020")])
    assert 'value="2021-05-04"' in written and "<DOCID>note</DOCID>" in written
    again = parse_timeml(written)
    assert again.document.text == document.text
    assert again.document.published == document.published
    assert [(t.text, t.value) for t in again.timexes] == [("2020", "2020")]


@pytest.mark.parametrize(
    ("path", "name"),
    [("a/APW19980807.0261.tml", "APW19980807.0261"), ("b/wsj_0006.TE3input", "wsj_0006"),
     ("wsj_0006.TE3input.tml", "wsj_0006"), ("story.txt", "story"), ("01_WW2", "01_WW2")],
)
def test_documents_pair_by_name_without_timeml_suffixes(path: str, name: str) -> None:
    assert document_id(path) == name


def test_timeml_reads_through_the_common_reader(tmp_path) -> None:
    tml = tmp_path / "doc.TE3input"
    tml.write_text(TE3INPUT, encoding="utf-8")
    (document,) = read_input(str(tml))
    assert (document.id, document.published, document.published_source) == ("doc", dt.date(1998, 2, 27), "DCT")
    undated = tmp_path / "undated.tml"
    undated.write_text("<TimeML><TEXT>In 1990.</TEXT></TimeML>", encoding="utf-8")
    with pytest.raises(ChronoInputError, match="no DCT.*--published"):
        read_input(str(undated))
    assert read_input(str(undated), dt.date(2000, 1, 1))[0].published == dt.date(2000, 1, 1)
