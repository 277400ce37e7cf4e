"""Coverage-guided fuzzing of build and render (atheris, `pip install -e '.[fuzz]'`).

The same contract as tests/test_properties.py, driven by libFuzzer's mutations instead of hypothesis's
strategies: for any text and any publication date only ChronoInputError may escape, offsets hold, and every
format renders to text that encodes as UTF-8 (json, csv and TimeML are parsed back).

    python fuzz/fuzz_build.py -max_total_time=600          # ten minutes; a crash writes crash-<hash> here
    python fuzz/fuzz_build.py crash-<hash>                  # replay one input
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
import xml.etree.ElementTree as ET

import atheris

with atheris.instrument_imports():
    import chrono
    from chrono.render import FORMATS

_FIRST, _LAST = dt.date(1, 1, 1).toordinal(), dt.date(9999, 12, 31).toordinal()


def one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    published = dt.date.fromordinal(provider.ConsumeIntInRange(_FIRST, _LAST))
    domain = "narrative" if provider.ConsumeBool() else "news"
    text = provider.ConsumeUnicodeNoSurrogates(provider.remaining_bytes())
    try:
        timeline = chrono.build_timeline(text, published=published, domain=domain)
    except chrono.ChronoInputError:
        return
    document = timeline.documents[0]
    for item in (*timeline.expressions, *timeline.events):
        phrase = item.text if isinstance(item, chrono.Expression) else item.phrase
        assert document.text[item.span.start:item.span.end] == phrase, (item.span, phrase)
    for fmt in FORMATS:
        output = chrono.render(timeline, fmt)
        output.encode("utf-8")
        if fmt == "json":
            json.loads(output)
        elif fmt == "csv":
            list(csv.reader(io.StringIO(output, newline="")))
        elif fmt == "timeml":
            ET.fromstring(output)


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
