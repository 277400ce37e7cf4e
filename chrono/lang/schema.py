"""Build a frozen dataclass from a parsed TOML table, checking its keys and types against the field annotations.

The annotations are the schema: a field without a default is a required key, a key without a field is an
error, and each value must have its field's type. Errors say which key (dotted, from the file's top) is wrong;
the loader adds the file. Supported annotations: str, int, float, bool, Literal[...], tuple[T, ...],
Mapping[str, T], a nested dataclass, T | None, and Any (free-form: checked by the code that reads it).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, Union

T = TypeVar("T")


class SchemaError(ValueError):
    """A resource value that does not fit its section; ``key`` is the dotted path from the file's top."""

    def __init__(self, key: str, problem: str) -> None:
        named = problem in ("missing key", "unknown key")
        super().__init__(f"{problem} {key!r}" if named else f"key {key!r} {problem}")
        self.key = key
        self.problem = problem


_SCALARS = (str, int, float, bool)
_HINTS: dict[type, dict[str, Any]] = {}  # each section's annotations, evaluated once (evaluating them is slow)
_TYPE_NAMES = {str: "a string", int: "an integer", float: "a number", bool: "true or false", dict: "a table",
               list: "an array"}


def _described(value: object) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def build(cls: type[T], data: object, where: str = "") -> T:
    """An instance of the dataclass ``cls`` from the table ``data`` (``where``: the table's dotted key)."""
    if not isinstance(data, Mapping):
        raise SchemaError(where or "(top)", f"must be a table, not {_described(data)}")
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    fields = {field.name: field for field in dataclasses.fields(cls)}  # type: ignore[arg-type]
    for key in data:
        if key not in fields:
            raise SchemaError(_join(where, key), "unknown key")
    values: dict[str, Any] = {}
    for name, field in fields.items():
        if name in data:
            values[name] = convert(hints[name], data[name], _join(where, name))
        elif field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
            raise SchemaError(_join(where, name), "missing key")
    try:
        return cls(**values)
    except ValueError as error:  # a section's own check (__post_init__) that names no key
        if isinstance(error, SchemaError):
            raise SchemaError(_join(where, error.key) if error.key else where or "(top)", error.problem) from None
        raise SchemaError(where or "(top)", str(error)) from None


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def convert(annotation: Any, value: object, where: str) -> Any:
    """``value`` checked against (and converted to) ``annotation``; ``where`` is its dotted key."""
    origin = typing.get_origin(annotation)
    arguments = typing.get_args(annotation)
    if annotation is Any:
        return value
    if origin in (Union, types.UnionType):
        if type(value) in _SCALARS and type(value) in arguments:  # the usual case, answered without a retry
            return value
        options = [option for option in arguments if option is not type(None)]
        errors = []
        for option in options:
            try:
                return convert(option, value, where)
            except SchemaError as error:
                errors.append(error)
        raise errors[0] if len(errors) == 1 else SchemaError(where, f"has an unexpected value {value!r}")
    if origin is Literal:
        if value not in arguments:
            raise SchemaError(where, f"must be one of {', '.join(map(repr, arguments))}, not {value!r}")
        return value
    if origin is tuple:
        if not isinstance(value, list):
            raise SchemaError(where, f"must be an array, not {_described(value)}")
        if arguments[0] in _SCALARS and all(type(item) is arguments[0] for item in value):
            return tuple(value)  # word lists: hundreds of strings, checked at once
        return tuple(convert(arguments[0], item, f"{where}[{number}]") for number, item in enumerate(value))
    if origin in (Mapping, dict):
        if not isinstance(value, Mapping):
            raise SchemaError(where, f"must be a table, not {_described(value)}")
        return types.MappingProxyType({key: convert(arguments[1], item, _join(where, key))
                                       for key, item in value.items()})
    if dataclasses.is_dataclass(annotation):
        return build(annotation, value, where)  # type: ignore[arg-type]
    if annotation is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if annotation in (str, int, float, bool):
        if type(value) is not annotation:
            raise SchemaError(where, f"must be {_TYPE_NAMES[annotation]}, not {_described(value)}")
        return value
    raise TypeError(f"unsupported annotation {annotation!r} at {where}")  # a bug in a section, not in data
