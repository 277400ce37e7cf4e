"""Writing input files for the read-stage tests (imported by module, like browser_support)."""

from __future__ import annotations

from pathlib import Path


def write(folder: Path, name: str, content: str | bytes) -> str:
    """Write bytes (or UTF-8 text) to folder/name, making folders as needed, and return the path as a string."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)
