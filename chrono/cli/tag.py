"""`chrono tag`: TimeML (or JSON expressions) out for each input document."""

from __future__ import annotations
