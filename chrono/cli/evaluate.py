"""`chrono eval`: TempEval-3 Task A scores of chrono (or a system's output) against gold TimeML."""

from __future__ import annotations
