"""Huge single documents: peak memory and time of `chrono build -f json -o OUT` and `chrono tag -f json`.

Each input is one document generated here (nothing is stored): one line of random words (no newline, no
sentence punctuation), news prose (the TBAQ texts repeated, as benchmarks/scaling.py makes it), one line of
numbers and punctuation ("1/2/3 4:5 ..."), a JSON Lines file holding one record of that prose, and an HTML page
of it. Every command runs in a fresh process under /usr/bin/time; the table shows its exit code (2: refused,
over the length limit of one document, chrono.read.inputs.MAX_CHARS), CPU seconds, peak RSS and the first
line of its error output. --max-chars is passed on, to measure an analysis the default limit refuses.

    python benchmarks/huge_inputs.py                           # every kind at 5 MB
    python benchmarks/huge_inputs.py --size 50000000           # 50 MB: refused at once
    python benchmarks/huge_inputs.py --size 50000000 --max-chars 100000000 --kinds words prose
    python benchmarks/huge_inputs.py --size 10000000 --kinds digits --commands build --format html
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scaling import CHRONO, DEFAULT_DATA, HEADER, news  # noqa: E402

PUBLISHED = "2023-03-02"


def words(size: int) -> str:
    chooser = random.Random(7)
    vocabulary = re.findall(r"[A-Za-z]+", news(200_000))
    parts, total = [], 0
    while total < size:
        parts.append(" ".join(chooser.choices(vocabulary, k=1000)) + " ")
        total += len(parts[-1])
    return "".join(parts)[:size]


def prose(size: int) -> str:
    return news(size + len(HEADER))[len(HEADER):]


def digits(size: int) -> str:
    chooser = random.Random(7)
    forms = (lambda n: f"{n % 40}/{n % 13}/{n % 100}", lambda n: f"{n % 25}:{n % 60}", lambda n: f"{n % 2100}-{n % 99}",
             lambda n: f"{n % 32}.{n % 13}.{n % 3000}", lambda n: f"({n % 99})", lambda n: f"{n % 10},{n % 1000}")
    parts, total = [], 0
    while total < size:
        parts.append(" ".join(chooser.choice(forms)(chooser.randrange(10_000)) for _ in range(1000)) + " ")
        total += len(parts[-1])
    return "".join(parts)[:size]


def jsonl(size: int) -> str:
    return json.dumps({"text": prose(size), "published": PUBLISHED}) + "\n"


def page(size: int) -> str:
    paragraphs = "".join(f"<p>{html.escape(part)}</p>\n" for part in prose(size).split("\n\n") if part.strip())
    return (f'<!DOCTYPE html><html><head><title>Page</title><meta name="date" content="{PUBLISHED}"></head>'
            f"<body><article>{paragraphs}</article></body></html>")


KINDS: dict[str, tuple[str, Callable[[int], str]]] = {
    "words": (".txt", words), "prose": (".txt", prose), "digits": (".txt", digits), "jsonl": (".jsonl", jsonl),
    "html": (".html", page),
}


def run(command: list[str], timeout: float) -> tuple[int | None, float, int, str]:
    """(exit code, CPU seconds, peak RSS in MB, first line of the error output); exit None on a timeout."""
    timing = "%x %U %S %M"
    try:
        done = subprocess.run(["/usr/bin/time", "-f", timing, *command], capture_output=True, text=True,
                              timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None, timeout, 0, "timed out"
    lines = done.stderr.strip().splitlines()
    code, user, system, peak = lines[-1].split()
    message = next((line for line in lines[:-1] if not line.startswith("Command exited")), "")
    return int(code), float(user) + float(system), int(peak) // 1024, message


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=5_000_000, help="characters of each input")
    parser.add_argument("--kinds", nargs="+", choices=sorted(KINDS), default=list(KINDS))
    parser.add_argument("--commands", nargs="+", choices=("build", "tag"), default=["build", "tag"])
    parser.add_argument("--format", default="json", help="the build's output format (tag writes json)")
    parser.add_argument("--max-chars", type=int, help="passed to chrono (default: chrono's own limit)")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds per command")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="TimeML folder the prose comes from")
    args = parser.parse_args(argv)
    limit = ["--max-chars", str(args.max_chars)] if args.max_chars else []
    print(f"| input ({args.size:,} characters) | command | exit | CPU s | peak MB | message |")
    print("| --- | --- | ---: | ---: | ---: | --- |")
    with tempfile.TemporaryDirectory() as folder:
        for kind in args.kinds:
            suffix, make = KINDS[kind]
            path = Path(folder) / f"{kind}{suffix}"
            path.write_text(make(args.size), encoding="utf-8")
            for name in args.commands:
                output = Path(folder) / "out.json"
                fmt = args.format if name == "build" else "json"
                command = [str(CHRONO), name, str(path), "-f", fmt, "--published", PUBLISHED, *limit]
                command += ["-o", str(output)] if name == "build" else []
                code, cpu, peak, message = run(command, args.timeout)
                output.unlink(missing_ok=True)
                print(f"| {kind} | {name} -f {fmt} | {code} | {cpu:.1f} | {peak} | {message[:90]} |", flush=True)
            path.unlink()


if __name__ == "__main__":
    main()
