"""Errors the CLI maps to exit codes: ChronoInputError -> 2 (bad usage or input); anything else -> 1."""


class ChronoError(Exception):
    """Base of chrono's own errors; its message is one line meant for the user."""


class ChronoInputError(ChronoError):
    """The input (file, date, template, option) cannot be used; exit code 2."""
