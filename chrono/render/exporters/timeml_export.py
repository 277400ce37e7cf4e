"""TimeML: the article's text with a TIMEX3 tag around every expression found (one document per file)."""

from __future__ import annotations

from chrono.errors import ChronoInputError
from chrono.model import Timeline
from chrono.read.timeml import timeml_from_document, write_timeml
from chrono.render.exporters import exporter


@exporter("timeml")
def export_timeml(timeline: Timeline) -> str:
    """The single document of the timeline as TimeML 1.2 with its DCT and every expression tagged."""
    if len(timeline.documents) != 1:
        raise ChronoInputError(
            f"--format timeml writes one document, but the timeline has {len(timeline.documents)}; "
            "use 'chrono tag FILES... --format timeml --output-dir DIR' for one TimeML file per input"
        )
    document = timeline.documents[0]
    expressions = [e for e in timeline.expressions if e.document == document.id]
    return write_timeml(timeml_from_document(document), expressions)
