"""Timeline17-style folders (as redistributed with news-tls) read into chrono Documents and reference timelines.

A topic folder holds ``InputDocs/YYYY-MM-DD/ID.txt`` (the folder is the publication date; text tokenized, one
sentence per line: ``BP 's``, ``-LRB-``, ````` ``) and ``timelines/*.txt`` (a date line, its sentences, a line
of dashes). The articles are read by chrono's own reader, as `chrono build` reads them (it joins the tokens back
into prose); the reference timelines are returned as written, for the scorer.

    python benchmarks/timeline17.py ../shared/data/t17-dev/bpoil_bbc     # counts of one topic
    python benchmarks/timeline17.py ../shared/data/t17-dev/bpoil_bbc --write /tmp/bpoil_bbc   # as chrono inputs
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from chrono.errors import ChronoInputError  # noqa: E402
from chrono.model import Document  # noqa: E402
from chrono.read import read_input  # noqa: E402

DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "t17-dev"

@dataclass(frozen=True)
class ReferenceTimeline:
    name: str
    dates: tuple[tuple[dt.date, tuple[str, ...]], ...]  # (date, its sentences as written), each date once

    @property
    def first(self) -> dt.date:
        return min(day for day, _ in self.dates)

    @property
    def last(self) -> dt.date:
        return max(day for day, _ in self.dates)


def topics(root: Path = DEFAULT_DATA) -> list[Path]:
    return sorted(path for path in root.iterdir() if (path / "InputDocs").is_dir())


def article_paths(topic: Path, first: dt.date | None = None, last: dt.date | None = None
                  ) -> Iterator[tuple[dt.date, Path]]:
    """(publication date, file) of the topic's articles published in [first, last], in date and name order."""
    for folder in sorted((topic / "InputDocs").iterdir()):
        try:
            published = dt.date.fromisoformat(folder.name)
        except ValueError:
            continue
        if (first and published < first) or (last and published > last):
            continue
        for path in sorted(folder.iterdir()):
            if path.is_file():
                yield published, path


def read_articles(topic: Path, first: dt.date | None = None, last: dt.date | None = None) -> Iterator[Document]:
    """The articles as `chrono build InputDocs` reads them (the folder's date, the tokens joined back into prose:
    chrono.read.tokenized), ids unique within the topic (date/file); an empty file is left out, as it reports it."""
    for published, path in article_paths(topic, first, last):
        try:
            [document] = read_input(str(path))
        except ChronoInputError:
            continue
        assert document.published == published, path
        yield dataclasses.replace(document, id=f"{topic.name}/{published.isoformat()}/{path.name}")


def read_timelines(topic: Path) -> list[ReferenceTimeline]:
    timelines = []
    for path in sorted((topic / "timelines").glob("*.txt")):
        dates: dict[dt.date, tuple[str, ...]] = {}  # a date written twice is one date with both blocks' sentences
        for block in re.split(r"\n-{5,}\n?", path.read_text(encoding="utf-8", errors="replace")):
            lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
            if not lines:
                continue
            try:
                day = dt.date.fromisoformat(lines[0][:10])
            except ValueError:
                continue
            dates[day] = dates.get(day, ()) + tuple(lines[1:])
        if dates:
            timelines.append(ReferenceTimeline(f"{topic.name}/{path.name}", tuple(dates.items())))
    return timelines


def write_articles(topic: Path, folder: Path) -> int:
    """The topic's articles as sample-format files (a ``date YYYY-MM-DD`` line, then the detokenized text) that
    `chrono build` reads; returns how many were written."""
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for document in read_articles(topic):
        published = document.published.isoformat() if document.published else ""
        (folder / document.id.replace("/", "_")).write_text(f"date {published}\n\n{document.text}", encoding="utf-8")
        count += 1
    return count


if __name__ == "__main__":
    if "--write" in sys.argv:
        where = sys.argv.index("--write")
        written = write_articles(Path(sys.argv[1]), Path(sys.argv[where + 1]))
        sys.exit(print(f"{written} articles written to {sys.argv[where + 1]}"))
    for topic in [Path(arg) for arg in sys.argv[1:]] or topics():
        documents = list(read_articles(topic))
        size = sum(len(document.text) for document in documents)
        for timeline in read_timelines(topic):
            print(f"{timeline.name}: {len(documents)} articles ({size / 1e6:.1f} MB), {len(timeline.dates)} dates "
                  f"{timeline.first}..{timeline.last}")
