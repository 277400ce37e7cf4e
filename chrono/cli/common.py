"""What every command shares: exit codes, error reporting, atomic output."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import stat
import sys
import tempfile
import threading
import traceback
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

import typer

from chrono.errors import ChronoInputError, SkippedInputWarning
from chrono.lang import DEFAULT_LANGUAGE, languages

if TYPE_CHECKING:
    from chrono.lang import Language
    from chrono.model import Domain

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2

T = TypeVar("T")


def language_option() -> Any:
    """``--language``: the language the articles are written in (its resources are chrono/lang/<code>/)."""
    return typer.Option(DEFAULT_LANGUAGE, "--language", metavar="CODE",
                        help=f"Language of the articles: {', '.join(languages())}.")


def max_chars_option() -> Any:
    """``--max-chars``: the longest document text analysed (chrono.read.inputs.MAX_CHARS); a longer one is refused."""
    from chrono.read.inputs import MAX_CHARS

    return typer.Option(MAX_CHARS, "--max-chars", metavar="N", min=1,
                        help="Refuse a document whose text is longer than N characters (one line, exit 2): it "
                        "bounds the memory one document takes.")


def locale_option() -> Any:
    """``--locale``: the locale the articles are written in ("en_GB"), which sets the day/month order of numeric
    dates ("05/03/2024"); a record's own `locale` field wins. Without it chrono infers the order per document."""
    return typer.Option(None, "--locale", metavar="LOCALE",
                        help="Locale of the articles (en_GB, en_US, en_IN...): the day/month order of numeric "
                        "dates. Default: inferred per document (README: Day and month).")


def analysis_options(inputs: list[str], *, language: str, locale: str | None, domain: str, fmt: str,
                     formats: tuple[str, ...]) -> tuple[Language, str | None, Domain]:
    """The options of a command that analyses articles, checked before any input is read: the language, the
    locale (None: inferred per document) and the domain; an unknown format or a second stdin fails in one line."""
    from chrono.lang import Language
    from chrono.model import Domain
    from chrono.resolve.numeric_dates import check_locale

    chosen = Language.load(language)
    run_locale = check_locale(locale, chosen) if locale is not None else None
    if fmt not in formats:
        raise ChronoInputError(f"unknown format {fmt!r}; choose one of {', '.join(formats)}")
    chosen_domain = Domain.of(domain)
    if inputs.count("-") > 1:
        raise ChronoInputError("standard input ('-') can be read only once")
    return chosen, run_locale, chosen_domain


def one_line_warnings() -> None:
    """Print chrono's own warnings (files a folder walk skipped) as one line each, as errors are; each once."""
    shown = warnings.showwarning
    if getattr(shown, "chrono", False):  # installed by an earlier command of this process
        return

    def show(message: Warning | str, category: type[Warning], filename: str, lineno: int, file: TextIO | None = None,
             line: str | None = None) -> None:
        if issubclass(category, SkippedInputWarning):
            typer.echo(f"chrono: warning: {message}", err=True)
        else:
            shown(message, category, filename, lineno, file, line)

    show.chrono = True  # type: ignore[attr-defined]
    warnings.showwarning = show
    warnings.simplefilter("default", SkippedInputWarning)


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


def same_file(first: str | os.PathLike[str], second: str | os.PathLike[str]) -> bool:
    """Whether two names are one file on disk: the same name, a symlink to it or a hard link of it."""
    try:
        return os.path.samefile(first, second)
    except OSError:  # one of them does not exist (yet): it cannot be the other
        return False


def refuse_overwriting_inputs(inputs: list[str], output: str | os.PathLike[str] | None) -> None:
    """ChronoInputError when ``output`` is one of the named input files (by name, symlink or hard link)."""
    if output is None or str(output) == "-":
        return
    for given in inputs:
        if given != "-" and not Path(given).is_dir() and same_file(given, output):
            raise ChronoInputError(f"{output} is the input {given}: writing the timeline there would destroy "
                                   "the article; choose another --output")


def write_output(text: str | Iterable[str], output: str | os.PathLike[str] | None) -> None:
    """Write to stdout, or to a file atomically: a temporary file beside it, renamed when complete.

    ``text`` may come in pieces (chrono.render.render_pieces): a file is written as they come; standard output
    gets them once all are made (held in memory up to SPOOL_CHARACTERS, beyond that in a temporary file), so
    that a failure part way leaves nothing half-written there either."""
    if output is None or str(output) == "-":
        _write_stdout(text)
        return
    if str(output).endswith(("/", os.sep)) or (str(output).endswith(f"{os.sep}.")):
        raise ChronoInputError(f"cannot write {output}: it names a folder; give a file name")
    write_atomic(Path(output), text)


def _write_stdout(text: str | Iterable[str]) -> None:
    if sys.stdout is None:  # started with standard output closed (`chrono build a.txt >&-`)
        raise ChronoInputError("cannot write the output: standard output is closed; use -o FILE")
    with _complete(text) as chunks:
        try:
            last = ""
            for chunk in chunks:
                sys.stdout.write(chunk)
                last = chunk[-1:] or last
            if last and last != "\n":
                sys.stdout.write("\n")
            sys.stdout.flush()
        except BrokenPipeError:
            # the reader went away (`chrono build x | head`): not an error; silence the flush at exit
            _silence_stdout()
        except (OSError, ValueError) as exc:  # a full disk (/dev/full), a closed descriptor
            _silence_stdout()
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise ChronoInputError(f"cannot write the output to standard output: {reason}") from None


SPOOL_CHARACTERS = 1 << 22  # standard output held in memory before it is all made; more waits in a temporary file


@contextlib.contextmanager
def _complete(text: str | Iterable[str]) -> Iterator[Iterable[str]]:
    """The pieces of ``text``, every one made before the first is given: in memory up to SPOOL_CHARACTERS, the
    rest through an unnamed temporary file (a 58 MB timeline held whole, its pieces and their join, took 170 MB)."""
    if isinstance(text, str):
        yield (text,)
        return
    pieces = iter(text)
    held: list[str] = []
    size = 0
    for piece in pieces:
        held.append(piece)
        size += len(piece)
        if size > SPOOL_CHARACTERS:
            break
    else:
        yield held
        return
    with contextlib.ExitStack() as stack:
        try:
            spool = stack.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8", errors="surrogatepass",
                                                               newline=""))
            spool.writelines(held)
            held.clear()
            spool.writelines(pieces)
            spool.seek(0)
        except OSError as exc:  # no room for the temporary file: nothing was written to standard output
            raise ChronoInputError(f"cannot hold the output before writing it to standard output: "
                                   f"{exc.strerror or exc}; use -o FILE") from None
        yield iter(lambda: spool.read(SPOOL_CHARACTERS), "")


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that the flush at exit cannot fail a second time."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        sys.stdout = None


def write_atomic(path: Path, text: str | Iterable[str]) -> None:
    """Write ``text`` to ``path`` through a temporary file beside it; ChronoInputError when that cannot be done
    (missing folder, a folder in the way, no permission, a full disk), leaving any old file as it was.

    An existing file keeps its permissions; one with hard links is rewritten in place once the complete text
    is on disk, so every link sees the new timeline. SIGTERM during the write removes the temporary file.
    """
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
    existing = path.stat() if path.is_file() else None
    with _terminate_as_exit():
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        except OSError as exc:
            raise ChronoInputError(f"cannot write {path}: {exc.strerror or exc}") from None
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                _write_pieces(handle, text)
            # mkstemp makes 0600: an existing file keeps its mode, a new one follows the umask
            os.chmod(tmp, stat.S_IMODE(existing.st_mode) if existing else 0o666 & ~_current_umask())
            if existing is not None and existing.st_nlink > 1:
                shutil.copyfile(tmp, path)  # in place: a rename would detach the other links
                Path(tmp).unlink()
            else:
                os.replace(tmp, path)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise ChronoInputError(f"cannot write {path}: {exc.strerror or exc}") from None
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


@contextlib.contextmanager
def _terminate_as_exit() -> Iterator[None]:
    """SIGTERM raises SystemExit (143) while the block runs, so that its clean-up runs; main thread only."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _write_pieces(handle: TextIO, text: str | Iterable[str]) -> None:
    for piece in (text,) if isinstance(text, str) else text:
        handle.write(piece)


def _write_stream(path: Path, text: str | Iterable[str]) -> None:
    try:
        with path.open("w", encoding="utf-8", newline="") as handle:
            _write_pieces(handle, text)
    except OSError as exc:
        raise ChronoInputError(f"cannot write {path}: {exc.strerror or exc}") from None


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
