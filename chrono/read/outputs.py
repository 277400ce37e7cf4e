"""Where a command that writes one file per input document puts each one (`chrono tag --output-dir`).

An output keeps the input's place below the folder named on the command line, and is named by the document's
id (the file name without its input suffixes; a record's id for JSON records). Collisions and outputs that
would overwrite an input are refused before anything is read.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from chrono.errors import ChronoInputError
from chrono.read.inputs import STDIN_NAME, expand
from chrono.read.registry import corpus_suffixes, document_id, folder_suffixes, recognised


def input_files(paths: Iterable[str]) -> list[tuple[str, str]]:
    """(file, folder argument it was found under, or '') for every file the arguments stand for."""
    found: list[tuple[str, str]] = []
    for given in paths:
        root = given if given != STDIN_NAME and Path(given).is_dir() else ""
        found.extend((path, root) for path in expand(given, folder_suffixes(), corpus_suffixes=corpus_suffixes(),
                                                     recognise=recognised))
    return found


def output_path(path: str, root: str, name: str, output_dir: Path, suffix: str) -> Path:
    """``output_dir`` / the input's folder below ``root`` / ``name`` + ``suffix``."""
    relative = Path(path).parent.relative_to(root) if root else Path()
    return output_dir / relative / (name + suffix)


def check_outputs(paths: Iterable[str], output_dir: Path, suffix: str) -> int:
    """Refuse outputs that would overwrite an input or each other; return the number of input files."""
    seen: dict[Path, str] = {}
    files = input_files(paths)
    for path, root in files:
        target = output_path(path, root, document_id(path), output_dir, suffix)
        if path != STDIN_NAME and (Path(path).resolve() == target.resolve() or _same_file(path, target)):
            raise ChronoInputError(f"{path}: writing the output would overwrite the input; choose another "
                                   "--output-dir")
        if target in seen:
            raise ChronoInputError(f"{seen[target]} and {path} would both be written to {target}")
        seen[target] = path
    return len(files)


def _same_file(first: str, second: Path) -> bool:
    """Whether two names are one file on disk (a symlink or hard link of it too)."""
    try:
        return os.path.samefile(first, second)
    except OSError:  # one of them does not exist (yet): it cannot be the other
        return False
