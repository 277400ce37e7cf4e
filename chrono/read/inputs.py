"""Where inputs come from: files, folders and standard input, read as bytes under one size limit and decoded.
A gzip file (`articles.jsonl.gz`, as datasets ship) is unpacked, under the same limit for what it unpacks to.

Every command (`build`, `tag`, `eval`) reads through here, so the limit, the encodings refused and the messages
are the same everywhere. A JSON Lines file is opened here but read one line at a time (chrono.read.lines), the
limit holding for each line.
"""

from __future__ import annotations

import codecs
import contextlib
import gzip
import io
import re
import sys
import unicodedata
import warnings
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from chrono.errors import ChronoInputError, SkippedInputWarning

MAX_BYTES = 50 * 1024 * 1024  # far beyond any article (or JSON Lines record); guards against reading a disk image
# Characters of one document's text (--max-chars changes it): three times War and Peace. Analysing a document
# holds 7-10 bytes per character of prose and about 75 of text that is all dates and numbers (README: Huge
# documents), so this keeps one document under about a gigabyte; a longer one is refused before analysis.
MAX_CHARS = 10_000_000
STDIN_NAME = "-"
STDIN_ID = "stdin"
MAX_ECHO = 80  # how much of a bad value a one-line message quotes
GZIP = ".gz"  # a compressed input: read by the reader of the suffix before it
_GZIP_MAGIC = b"\x1f\x8b"
HEAD_BYTES = 4096  # what the encoding and binary checks look at first (all of a whole input is checked too)


def size_text(limit: int) -> str:
    """A byte limit as messages give it: "50 MB", or "200 bytes" below a megabyte."""
    return f"{limit // 2**20} MB" if limit >= 2**20 else f"{limit:,} bytes"


def describe(path: str | Path) -> str:
    """An input as messages name it: its path, or 'standard input' for '-'."""
    return "standard input" if str(path) == STDIN_NAME else str(path)


def quoted(value: str, limit: int = MAX_ECHO) -> str:
    """``value`` quoted for a one-line message, cut to ``limit`` characters (a 280 KB date is not echoed)."""
    value = " ".join(value.split())
    return repr(value) if len(value) <= limit else repr(value[:limit]) + f"... ({len(value):,} characters)"


def id_from_path(path: str | Path, suffixes: Iterable[str] = ()) -> str:
    """The id a file's document gets, and the name TimeML files pair by: the file name without the input
    suffixes it ends in ('wsj_0006.TE3input.tml' -> 'wsj_0006'); standard input is 'stdin'."""
    if str(path) == STDIN_NAME:
        return STDIN_ID
    name = Path(path).name
    lowered = tuple(suffix.lower() for suffix in suffixes)
    while True:
        ending = next((s for s in lowered if name.lower().endswith(s) and len(name) > len(s)), None)
        if ending is None:
            return name
        name = name[: -len(ending)]


def load_bytes(path: str | Path, *, stdin: BinaryIO | None = None) -> bytes:
    """The bytes of a file or of standard input ('-'), never more than MAX_BYTES + 1 read."""
    limit = MAX_BYTES
    name = describe(path)
    with open_input(path, stdin=stdin) as handle:
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise ChronoInputError(f"cannot read {name}: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise ChronoInputError(f"{name} is larger than the {limit // 2**20} MB limit for one input")
    return _gunzip(data, name, limit) if is_gzip(data) else data


@contextlib.contextmanager
def open_input(path: str | Path, *, stdin: BinaryIO | None = None) -> Iterator[BinaryIO]:
    """A file or standard input ('-') opened for reading bytes; one-line ChronoInputError when it cannot be."""
    if str(path) == STDIN_NAME:
        yield stdin or sys.stdin.buffer
        return
    file = Path(path)
    if file.is_dir():
        raise ChronoInputError(f"{file} is a folder, not a file")
    try:
        handle = file.open("rb")
    except FileNotFoundError:
        raise ChronoInputError(f"{file}: no such file") from None
    except OSError as exc:
        raise ChronoInputError(f"cannot read {file}: {exc.strerror or exc}") from None
    with handle:
        yield handle


def is_gzip(head: bytes) -> bool:
    """Whether bytes that start an input are gzip's (read unpacked, by the suffix before `.gz`)."""
    return head.startswith(_GZIP_MAGIC)


def _gunzip(data: bytes, name: str, limit: int) -> bytes:
    """What a gzip file unpacks to, never more than ``limit`` + 1 bytes of it (a small file may unpack to gigabytes)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            unpacked = handle.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise ChronoInputError(f"{name}: cannot unpack it as gzip ({exc})") from None
    if len(unpacked) > limit:
        raise ChronoInputError(f"{name} unpacks to more than the {limit // 2**20} MB limit for one input")
    return unpacked


# Byte-order marks of the encodings a Windows editor saves as "Unicode" (UTF-32's first: it starts like UTF-16's).
_WIDE_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"), (b"\xff\xfe", "UTF-16"),
              (b"\xfe\xff", "UTF-16"))


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 when the bytes say so (a byte-order mark, or a NUL beside every other ASCII byte)."""
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            return encoding
    head = data[:HEAD_BYTES]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    # UTF-16 without a mark: most ASCII characters leave a NUL on the same side of every pair, never the other
    if len(head) >= 8 and min(even, odd) <= half // 8 and max(even, odd) >= half * 3 // 4:
        return "UTF-16"
    return None


def check_head(head: bytes, name: str) -> None:
    """ChronoInputError when the first bytes of an input show UTF-16/32 text or a binary file (NUL bytes)."""
    wide = _wide_encoding(head)
    if wide is not None:
        raise ChronoInputError(f"{name} is {wide} text; chrono reads UTF-8: convert it (iconv -f {wide} -t UTF-8)")
    if b"\x00" in head[:HEAD_BYTES]:
        raise ChronoInputError(f"{name} looks like a binary file (it contains NUL bytes); chrono reads UTF-8 text")


def decode(data: bytes, name: str) -> str:
    """UTF-8 bytes -> text; ChronoInputError for empty, binary, UTF-16/32 or other non-UTF-8 input.

    A UTF-8 byte-order mark is dropped; line endings are kept, so offsets index the file as decoded.
    """
    if not data.strip():
        raise ChronoInputError(f"{name} is empty: nothing to read")
    check_head(data, name)
    if b"\x00" in data:
        raise ChronoInputError(f"{name} looks like a binary file (it contains NUL bytes); chrono reads UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = _page_in_its_encoding(data, name, exc)
    if is_blank(text):
        raise ChronoInputError(f"{name} is empty: nothing to read")
    return text


# A web page states its encoding in its head: <meta charset>, <meta http-equiv="Content-Type" content="...;
# charset=X">, or an XHTML page's <?xml encoding>. Each pattern stops at the next '<' or '>', so the scan is linear.
_DECLARED_CHARSET = re.compile(rb"""<meta\b[^<>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
                               rb"""|<\?xml\b[^<>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta|\?xml)\b",
                         re.IGNORECASE | re.DOTALL)
CHARSET_BYTES = 16384  # where a page's declaration is looked for (browsers look at 1,024; saved pages put it later)
# Browsers read a page declared latin-1 or ASCII, or one declaring nothing, as windows-1252, its superset (WHATWG
# Encoding standard); the five bytes it leaves undefined become U+FFFD rather than refusing the page.
_WEB_DEFAULT = "cp1252"
_READ_AS_WEB_DEFAULT = ("cp1252", "iso8859-1", "ascii")


def declared_charset(data: bytes) -> str | None:
    """The Python codec of the encoding an HTML page declares (None: not a page, or no known declaration)."""
    head = data[:CHARSET_BYTES]
    if _HTML_START.match(head) is None:
        return None
    match = _DECLARED_CHARSET.search(head)
    if match is None:
        return None
    try:
        return codecs.lookup((match.group(1) or match.group(2)).decode("ascii")).name
    except LookupError:
        return None


def _page_in_its_encoding(data: bytes, name: str, error: UnicodeDecodeError) -> str:
    """Bytes that are not UTF-8: a web page read in the encoding it declares (windows-1252 when it declares
    none, as browsers do; a stray byte of a page declared UTF-8 replaced); any other input refused in one line
    naming the first bad byte."""
    declared = declared_charset(data)
    page = _HTML_START.match(data[:CHARSET_BYTES]) is not None
    if declared is None and page or declared in _READ_AS_WEB_DEFAULT:
        return data.decode(_WEB_DEFAULT, errors="replace")
    if declared in ("utf-8", "utf-8-sig"):  # a stray byte in a UTF-8 page: U+FFFD, as a browser shows it
        return data.decode("utf-8-sig", errors="replace")
    if declared is not None:
        try:
            return data.decode(declared)
        except UnicodeDecodeError as exc:
            raise ChronoInputError(f"{name} is not {declared} text as it declares (byte 0x{data[exc.start]:02x} at "
                                   f"offset {exc.start}); convert it to UTF-8") from None
    raise ChronoInputError(f"{name} is not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start}); "
                           "convert it to UTF-8")


def too_long(length: int, where: str, limit: int | None, *, what: str = "the text is") -> str | None:
    """The one-line refusal of a document of ``length`` characters over ``limit`` (None: no limit); else None."""
    if limit is None or length <= limit:
        return None
    return (f"{where}: {what} {length:,} characters, over the limit of {limit:,} for one document; "
            "split it, or raise the limit with --max-chars")


def is_blank(text: str) -> bool:
    """Nothing a reader would see: white space and invisible format characters (byte-order marks, zero widths)."""
    return all(char.isspace() or unicodedata.category(char) == "Cf" for char in text.strip())


def load_text(path: str | Path, *, stdin: BinaryIO | None = None) -> str:
    """A file or standard input as text, under the size limit; one-line ChronoInputError otherwise."""
    return decode(load_bytes(path, stdin=stdin), describe(path))


def expand(given: str, suffixes: Iterable[str], *, corpus_suffixes: Iterable[str] = (),
           recognise: Callable[[Path], bool] | None = None) -> Iterator[str]:
    """The files an argument stands for: '-' and files as given; a folder, its files with one of ``suffixes``
    (recursively, sorted, hidden entries skipped). A folder that holds files with ``corpus_suffixes``
    (TimeML) is a corpus: only those are read, so its README.txt is not taken for an article. Otherwise a file
    with another suffix, or none, is read when ``recognise`` says its content is an input; the others are
    named in one SkippedInputWarning (without ``recognise``, they are left out silently)."""
    if given == STDIN_NAME:
        yield given
        return
    path = Path(given)
    if not path.is_dir():
        if not path.exists():
            raise ChronoInputError(f"{given}: no such file or folder")
        yield given
        return
    wanted = tuple(suffix.lower() for suffix in suffixes)
    every = sorted((found for found in path.rglob("*") if found.is_file()
                    and not any(part.startswith(".") for part in found.relative_to(path).parts)),
                   key=lambda found: found.relative_to(path).parts)
    files = [found for found in every if found.name.lower().endswith(wanted)]
    corpus = tuple(suffix.lower() for suffix in corpus_suffixes)
    if corpus and any(found.name.lower().endswith(corpus) for found in files):
        files = [found for found in files if found.name.lower().endswith(corpus)]
    elif recognise is not None:
        files = unknown_kinds(given, every, wanted, recognise)
    if not files:
        plain = [suffix for suffix in suffixes if not suffix.endswith(GZIP)]
        gzipped = "; gzipped too" if len(plain) < len(tuple(suffixes)) else ""
        raise ChronoInputError(f"{given}: the folder holds no input files ({', '.join(plain)}{gzipped})")
    yield from (str(found) for found in files)


MAX_NAMED = 3  # skipped files a warning names; it counts the rest


def unknown_kinds(folder: str, files: list[Path], wanted: tuple[str, ...],
                  recognise: Callable[[Path], bool]) -> list[Path]:
    """``files`` without those whose suffix is not ``wanted`` and whose content ``recognise`` does not take for
    an input (a saved page's scripts and images); those are named in one SkippedInputWarning."""
    kept: list[Path] = []
    skipped: list[Path] = []
    for found in files:
        (kept if found.name.lower().endswith(wanted) or recognise(found) else skipped).append(found)
    if skipped:
        named = ", ".join(str(found) for found in skipped[:MAX_NAMED])
        more = f" and {len(skipped) - MAX_NAMED:,} more" if len(skipped) > MAX_NAMED else ""
        files_word = "file" if len(skipped) == 1 else "files"
        warnings.warn(SkippedInputWarning(
            f"{folder}: skipped {len(skipped):,} {files_word} of no kind chrono reads ({named}{more}); "
            "name a file to read it as text"), stacklevel=2)
    return kept
