"""Errors the CLI maps to exit codes: ChronoInputError -> 2 (bad usage or input); anything else -> 1."""


class ChronoError(Exception):
    """Base of chrono's own errors; its message is one line meant for the user."""


class ChronoInputError(ChronoError):
    """The input (file, date, template, option) cannot be used; exit code 2."""


class SkippedInputWarning(UserWarning):
    """Files of a folder that chrono left unread (their kind unknown); the CLI prints it as one line."""


def require_type(value: object, expected: type | tuple[type, ...], what: str) -> None:
    """ChronoInputError unless ``value`` is of ``expected`` type: the library's callers get chrono's error, not
    a TypeError or AttributeError from deep inside a stage."""
    if not isinstance(value, expected):
        kinds = expected if isinstance(expected, tuple) else (expected,)
        names = " or ".join("None" if kind is type(None) else kind.__name__ for kind in kinds)
        raise ChronoInputError(f"{what} must be {names}, not {type(value).__name__}")
