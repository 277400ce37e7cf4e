"""The sandbox every template runs in: Jinja's ImmutableSandboxedEnvironment with a time and size budget.

The sandbox keeps a template away from Python's internals (no attribute starting with "_", no function
globals, no method that changes a list or dict): `cycler.__init__.__globals__` or `label.__globals__` end in a
SecurityError. A budget stops a runaway template: every loop step, call and filter checks a deadline, and every
string or list a template builds (by a call, a filter, `~`, `+`, `*`, `%`) or writes out is held under a size
limit, so neither `range(10**12)` nor a doubling string nor endless recursion is left running. The budget of the
render in progress lives in a context variable, so one cached environment serves renders of any size.
"""

from __future__ import annotations

import operator
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sized
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jinja2.visitor import NodeTransformer

BUDGET_FILTER = "_chrono_budget"  # wraps every loop's iterable; "_" keeps it out of the documented filters
SIZE_FILTER = "_chrono_size"  # wraps every `~` and every printed expression
MADE_FACTOR = 4  # all the strings and lists a render makes, together, stay under this many times the budget
MAX_INT_BITS = 4096  # an integer a template computes (2 ** 4096 is far beyond any date arithmetic)
_CHECK_EVERY = 256  # loop steps between two looks at the clock
_PIECE = 1 << 16  # characters render_chunks gathers before handing them on
_BIG_FORMAT_WIDTH = re.compile(r"[%:][^%:{}]*?\d{7,}")  # "%99999999d", "{:>99999999}": a width of a million+


class TemplateBudgetError(SecurityError):
    """A template went over its time or size budget."""


@dataclass
class Budget:
    """How long a render may run (seconds of wall time) and how long any string or list it makes may be."""

    seconds: float
    characters: int
    deadline: float = field(init=False, default=0.0)
    made: int = field(init=False, default=0)

    def start(self) -> Budget:
        self.deadline = time.monotonic() + self.seconds
        self.made = 0
        return self

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise TemplateBudgetError(f"template ran over its time budget of {self.seconds:g} s (a runaway loop?)")

    def check_size(self, value: Any) -> Any:
        if isinstance(value, str | bytes | list | tuple | dict | set):
            if len(value) > self.characters:
                raise TemplateBudgetError(f"template built a value of {len(value):,} items, over its budget of "
                                          f"{self.characters:,}")
            self.made += len(value)
            if self.made > MADE_FACTOR * self.characters:
                raise TemplateBudgetError(f"template built more than its budget of {MADE_FACTOR * self.characters:,}"
                                          " items in all (a runaway loop?)")
        if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > MAX_INT_BITS:
            raise TemplateBudgetError(f"template computed an integer over {MAX_INT_BITS} bits")
        return value

    def check_count(self, count: Any) -> None:
        """An int argument is a width, repeat or count: one over the budget would allocate before any check."""
        if isinstance(count, int) and not isinstance(count, bool) and abs(count) > self.characters:
            raise TemplateBudgetError(f"template asked for {count:,} items, over its budget of {self.characters:,}")


_CURRENT: ContextVar[Budget | None] = ContextVar("chrono_template_budget", default=None)


def _active() -> Budget | None:
    return _CURRENT.get()


def _check_format(text: Any) -> None:
    if isinstance(text, str) and _BIG_FORMAT_WIDTH.search(text):
        raise TemplateBudgetError("template format string asks for a width of a million characters or more")


def _budgeted_iteration(items: Iterable[Any]) -> Iterator[Any]:
    budget = _active()
    if budget is None:
        yield from items
        return
    for step, item in enumerate(items):
        if step % _CHECK_EVERY == 0:
            budget.check_time()
        yield item


def _budgeted_filter(function: Callable[..., Any], *, formats: bool = False) -> Callable[..., Any]:
    """A filter under the budget: its count arguments checked before, its result after; the format string of
    a filter that formats (``format``) checked for a huge width. Only that one: a sentence passed to
    ``md_escape`` may well read "up 5% 2000000 barrels"."""

    @wraps(function)
    def checked(*args: Any, **kwargs: Any) -> Any:
        budget = _active()
        if budget is None:
            return function(*args, **kwargs)
        budget.check_time()
        for argument in (*args, *kwargs.values()):
            if isinstance(argument, int):
                budget.check_count(argument)
        if formats and args:
            _check_format(args[0])
        return budget.check_size(function(*args, **kwargs))

    return checked


def _sequence_times(left: Any, right: Any) -> Any:
    budget = _active()
    if budget is not None:
        for sequence, times in ((left, right), (right, left)):
            if isinstance(sequence, Sized) and not isinstance(sequence, int) and isinstance(times, int):
                budget.check_count(len(sequence) * times)
    return operator.mul(left, right)


def _power(left: Any, right: Any) -> Any:
    if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1 \
            and right * max(abs(left).bit_length() - 1, 1) > MAX_INT_BITS:
        raise TemplateBudgetError(f"template computed an integer over {MAX_INT_BITS} bits")
    return operator.pow(left, right)


def _modulo(left: Any, right: Any) -> Any:
    _check_format(left)
    return operator.mod(left, right)


def _measured(value: Any) -> Any:
    budget = _active()
    return value if budget is None else budget.check_size(value)


class _Budgeted(NodeTransformer):
    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = nodes.Filter(node.iter, BUDGET_FILTER, [], [], None, None, lineno=node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        return nodes.Filter(node, SIZE_FILTER, [], [], None, None, lineno=node.lineno)

    def visit_Output(self, node: nodes.Output) -> nodes.Node:
        self.generic_visit(node)
        node.nodes = [part if isinstance(part, nodes.TemplateData)
                      else nodes.Filter(part, SIZE_FILTER, [], [], None, None, lineno=part.lineno)
                      for part in node.nodes]
        return node


class _Unfolded(CodeGenerator):
    """Code for every expression evaluated when the template renders. Jinja folds an expression of constants
    (\"'%999999999d' | format(1)\", \"'x' * 10**9\") while it compiles, where no budget or guard of the render
    applies: a hostile template took 15 s and 3.8 GB to compile."""

    def _output_child_to_const(self, node: nodes.Expr, frame: Frame, finalize: Any) -> str:
        if not isinstance(node, nodes.TemplateData):
            raise nodes.Impossible()
        return super()._output_child_to_const(node, frame, finalize)


class ChronoSandbox(ImmutableSandboxedEnvironment):
    """Immutable sandbox whose loops, calls, filters and operators answer to the budget of the render."""

    intercepted_binops = frozenset({"+", "*", "**", "%"})
    code_generator_class = _Unfolded

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("optimized", False)  # the optimizer folds constants too (see _Unfolded)
        super().__init__(*args, **kwargs)
        self.binop_table = {**self.binop_table, "*": _sequence_times, "**": _power, "%": _modulo}
        self.globals["lipsum"] = _budgeted_filter(self.globals["lipsum"])  # type: ignore[arg-type]

    def seal(self) -> None:
        """Put every filter (chrono's and Jinja's) under the budget; call once the filters are registered."""
        self.filters = {name: _budgeted_filter(function, formats=name == "format")
                        for name, function in self.filters.items()}
        self.filters[BUDGET_FILTER] = _budgeted_iteration
        self.filters[SIZE_FILTER] = _measured

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """Every loop iterates through the budget (its `loop` variable works as before); every `~` and every
        printed expression is measured."""
        return _Budgeted().visit(super()._parse(source, name, filename))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - Jinja's names
        budget = _active()
        if budget is None:
            return super().call(__context, __obj, *args, **kwargs)
        budget.check_time()
        if isinstance(getattr(__obj, "__self__", None), str | list | tuple | bytes):
            for argument in (*args, *kwargs.values()):
                budget.check_count(argument)
        return budget.check_size(super().call(__context, __obj, *args, **kwargs))

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        result = super().call_binop(context, operator_name, left, right)
        budget = _active()
        return result if budget is None else budget.check_size(result)

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, str) and attribute in ("format", "format_map"):
            _check_format(obj)
        return super().getattr(obj, attribute)


def render_within(template: jinja2.Template, context: dict[str, Any], budget: Budget) -> str:
    """Render ``template`` chunk by chunk, stopping it when it runs over ``budget``."""
    return "".join(render_chunks(template, context, budget))


def render_chunks(template: jinja2.Template, context: dict[str, Any], budget: Budget) -> Iterator[str]:
    """``render_within`` in pieces of about _PIECE characters, made as they are read: a writer need not hold
    the whole text (a list of Jinja's many small chunks took 3-4 times its size)."""
    token = _CURRENT.set(budget.start())
    try:
        written, pending, size = 0, [], 0
        for chunk in template.generate(context):
            written += len(chunk)
            if written > budget.characters:
                raise TemplateBudgetError(f"template wrote more than its budget of {budget.characters:,} characters")
            pending.append(chunk)
            size += len(chunk)
            if size >= _PIECE:
                yield "".join(pending)
                pending, size = [], 0
        yield "".join(pending)
    finally:
        _CURRENT.reset(token)
