"""Per-language knowledge as data: one folder per language (chrono/lang/<code>/), TOML files inside."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from chrono.errors import ChronoInputError

LANG_ROOT = Path(__file__).parent


def languages() -> list[str]:
    return sorted(p.name for p in LANG_ROOT.iterdir() if p.is_dir() and not p.name.startswith("_"))


@cache
def load_resource(language: str, name: str) -> dict[str, Any]:
    """The parsed TOML file chrono/lang/<language>/<name>.toml (cached; treat as read-only)."""
    path = LANG_ROOT / language / f"{name}.toml"
    if not path.is_file():
        if not (LANG_ROOT / language).is_dir():
            raise ChronoInputError(f"unsupported language {language!r}; available: {', '.join(languages())}")
        raise ChronoInputError(f"language {language!r} has no resource {name!r}")
    with path.open("rb") as handle:
        return tomllib.load(handle)
