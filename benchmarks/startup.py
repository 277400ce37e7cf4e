"""Start-up: what one `chrono build` of one article costs before and besides the analysis itself.

Each figure is the best of --runs fresh processes (a loaded machine only ever adds time), in CPU seconds
(user + system: what the process itself spent, less disturbed by other work on the machine than the wall
clock, which is shown for the whole command too):
  - import: `import chrono.cli` (typer, jinja2, pendulum and chrono's modules);
  - rules: loading the tagger's rules (parsed and indexed by how they begin);
  - first article: analysing and rendering the article the first time (regexes are compiled, and rule
    beginnings listed, as the text first needs them), then again (all warm) for comparison;
  - CLI: wall time of the whole `chrono build ARTICLE --format md` command.

    python benchmarks/startup.py                           # examples/000_15fbcc62132ba955.txt
    python benchmarks/startup.py --article story.txt --runs 9
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ARTICLE = REPO_ROOT / "examples" / "000_15fbcc62132ba955.txt"

# run in a fresh interpreter: prints the phases' seconds as JSON
_PHASES = """
import json, sys, time
start = time.process_time()
import chrono.cli
from chrono.read.text import read_article
from chrono.pipeline import build_from_documents
from chrono.render import render
from chrono.tag.grammar import load_grammar
from chrono.lang import Language
imported = time.process_time()
load_grammar(Language.load("en"))
loaded = time.process_time()
document = read_article(sys.argv[1])
render(build_from_documents([document]), "md")
first = time.process_time()
render(build_from_documents([document]), "md")
again = time.process_time()
print(json.dumps({"import": imported - start, "rules": loaded - imported, "first article": first - loaded,
                  "same article again": again - first}))
"""


def phases(article: Path) -> dict[str, float]:
    result = subprocess.run([sys.executable, "-c", _PHASES, str(article)], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def cli_seconds(article: Path) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one `chrono build ARTICLE --format md`."""
    chrono = Path(sys.executable).with_name("chrono")
    command = [str(chrono)] if chrono.exists() else [sys.executable, "-m", "chrono"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([*command, "build", str(article), "--format", "md"], capture_output=True, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, wall


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--article", type=Path, default=DEFAULT_ARTICLE, help="article (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per figure; the best is kept")
    args = parser.parse_args(argv)

    best: dict[str, float] = {}
    for _ in range(args.runs):
        for phase, seconds in phases(args.article).items():
            best[phase] = min(seconds, best.get(phase, seconds))
    runs = [cli_seconds(args.article) for _ in range(args.runs)]
    print(f"{args.article.name}, {args.article.stat().st_size:,} bytes; best of {args.runs} fresh processes\n")
    print("| phase | CPU seconds |")
    print("| --- | ---: |")
    for phase, seconds in best.items():
        print(f"| {phase} | {seconds:.3f} |")
    print(f"| `chrono build --format md`, whole process | {min(cpu for cpu, _ in runs):.3f} |")
    print(f"\n`chrono build --format md` wall clock: best {min(wall for _, wall in runs):.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
