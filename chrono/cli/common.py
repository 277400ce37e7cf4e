"""What every command shares: exit codes, error reporting, atomic output."""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import typer

from chrono.errors import ChronoInputError

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2

T = TypeVar("T")


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    """Print one line on stderr and return the Exit to raise."""
    typer.echo(f"chrono: error: {message}", err=True)
    return typer.Exit(code)


def guarded(action: Callable[[], T], *, debug: bool = False) -> T:
    """Run a command body, mapping chrono's errors to exit 2 and anything unexpected to exit 1."""
    try:
        return action()
    except typer.Exit:
        raise
    except ChronoInputError as exc:
        raise fail(str(exc), EXIT_USAGE) from None
    except KeyboardInterrupt:
        raise fail("interrupted", 130) from None
    except Exception as exc:  # noqa: BLE001 - the CLI's last line of defence
        if debug:
            traceback.print_exc()
        raise fail(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)",
                   EXIT_INTERNAL) from None


def write_output(text: str, output: Path | None) -> None:
    """Write to stdout, or to a file atomically: a temporary file beside it, renamed when complete."""
    if output is None or str(output) == "-":
        try:
            sys.stdout.write(text)
            if text and not text.endswith("\n"):
                sys.stdout.write("\n")
            sys.stdout.flush()
        except BrokenPipeError:
            # the reader went away (`chrono build x | head`): not an error; silence the flush at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return
    write_atomic(Path(output), text)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file beside it; ChronoInputError when that cannot be done
    (missing folder, a folder in the way, no permission, a full disk), leaving any old file as it was."""
    if path.exists() and not path.is_file() and not path.is_dir():
        _write_stream(path, text)  # /dev/null, /dev/stdout, a pipe: renaming over one would replace the device
        return
    if path.is_symlink():
        path = path.resolve()  # write through a link to its file; renaming over the link would replace the link
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ChronoInputError(f"cannot write {path}: folder {folder} does not exist")
    if path.is_dir():
        raise ChronoInputError(f"cannot write {path}: it is a folder; give a file name")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ChronoInputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.chmod(tmp, 0o666 & ~_current_umask())  # mkstemp makes 0600; a new output file follows the umask
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ChronoInputError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_stream(path: Path, text: str) -> None:
    try:
        with path.open("w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as exc:
        raise ChronoInputError(f"cannot write {path}: {exc.strerror or exc}") from None


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
