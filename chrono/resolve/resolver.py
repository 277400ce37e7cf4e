"""The resolver's two entry points under their former module name (callers written before the split keep
working): the pure value arithmetic is chrono/resolve/value.py, the document walk chrono/resolve/walk.py."""

from chrono.resolve.value import resolve_value
from chrono.resolve.walk import resolve_expressions

__all__ = ["resolve_expressions", "resolve_value"]
