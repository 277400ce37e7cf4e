"""A clock time written with its zone ("10:00 a.m. PDT") keeps the zone's UTC offset in its value.

The tagger reads the offset from the language's zone table (``utc_offset``: "-07:00", "Z"); the resolver works
out the day and the clock in the zone as written, and this pass appends the offset, as ISO 8601 writes it:
2019-08-28T10:00-07:00. The day stays the one the text names in that zone. A zone with no fixed offset ("ET",
which follows daylight saving) adds nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace

from chrono.model import Expression

__all__ = ["with_utc_offsets"]

_ENDS_WITH_CLOCK = re.compile(r"T\d\d(?::\d\d){0,2}$")


def with_utc_offsets(expressions: list[Expression]) -> list[Expression]:
    """Resolved expressions whose clock time names a zone, with the zone's offset on their value."""
    return [replace(e, value=replace(e.value, value=e.value.value + e.partial.utc_offset))
            if e.partial.utc_offset and e.value is not None and _ENDS_WITH_CLOCK.search(e.value.value) else e
            for e in expressions]
