"""Regenerate the golden outputs of every example article: python examples/regenerate.py [--check]

For each examples/*.txt this writes <name>.md, <name>.html and <name>.json beside it, exactly as
`chrono build <name>.txt --format FMT` prints them. tests/test_examples.py fails when they drift; review
the diff (git diff examples/) before committing regenerated files.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent
sys.path.insert(0, str(EXAMPLES.parent))

from chrono.pipeline import build_from_documents  # noqa: E402
from chrono.read.text import read_article  # noqa: E402
from chrono.render import render  # noqa: E402

FORMATS = ("md", "html", "json")


def articles() -> list[Path]:
    return sorted(EXAMPLES.glob("*.txt"))


def rendered(article: Path, fmt: str) -> str:
    """What `chrono build examples/NAME.txt --format FMT` run from the repository writes (stdout adds a final
    newline when missing); the source is named relative to the repository so the files do not depend on where
    it is checked out."""
    document = read_article(article)
    document = dataclasses.replace(document, source=article.relative_to(EXAMPLES.parent).as_posix())
    text = render(build_from_documents([document]), fmt)
    return text if text.endswith("\n") else text + "\n"


def golden(article: Path, fmt: str) -> Path:
    return article.with_suffix(f".{fmt}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report outdated files; exit 1 if any")
    args = parser.parse_args()
    stale = []
    for article in articles():
        for fmt in FORMATS:
            path, text = golden(article, fmt), rendered(article, fmt)
            current = path.read_text(encoding="utf-8") if path.exists() else None
            if current == text:
                continue
            stale.append(path)
            if not args.check:
                path.write_text(text, encoding="utf-8", newline="")
            print(f"{'outdated' if args.check else 'wrote'} {path.relative_to(EXAMPLES.parent)}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
