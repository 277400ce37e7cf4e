"""Archive: index many articles once into a Parquet event store (on Dask), query timelines from it (DuckDB).

This stage sits above render (cli -> archive -> render -> order ...) and needs the optional extra
``chrono-timelines[archive]``; ``require`` names it in one line when a package is missing. No lower stage
imports this package.
"""

from __future__ import annotations

from importlib.util import find_spec

from chrono.errors import ChronoInputError

EXTRA_HINT = "pip install 'chrono-timelines[archive]'"
INDEX_PACKAGES = ("dask", "distributed", "pyarrow")
QUERY_PACKAGES = ("pyarrow", "duckdb")


def require(packages: tuple[str, ...]) -> None:
    """ChronoInputError naming the extra when any of ``packages`` is not installed."""
    missing = [name for name in packages if find_spec(name) is None]
    if missing:
        raise ChronoInputError(f"the archive commands need {', '.join(missing)}: {EXTRA_HINT}")
