"""The sandbox a user's templates run in: Jinja2's, with limits on time, memory and files.

Jinja2's sandbox keeps a template from reaching Python's internals; it does not keep
it from asking for a billion-character string or a hundred million loop turns. This
one does, through the sandbox's own hooks: every call, operator and loop turn is
counted against a budget, every width, repetition, power and size is checked before
the value is built, and every character of output is counted. A render finishes in
about a second at worst, or raises :class:`jinja2.exceptions.SecurityError` naming
the limit, which the caller turns into a :class:`~relance.TemplateError`.

>>> sandbox = Sandbox()
>>> with budget():
...     sandbox.from_string("{{ 'x' * 10**6 }}").render()
Traceback (most recent call last):
  ...
jinja2.exceptions.SecurityError: a value longer than 50,000 characters or items (the value limit)
"""

from __future__ import annotations

import functools
import os
import re
import string
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any, Final

from jinja2 import FileSystemLoader, nodes, pass_context
from jinja2.environment import Environment
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

__all__ = [
    "MAX_INT_BITS",
    "MAX_OUTPUT",
    "MAX_RANGE",
    "MAX_STEPS",
    "MAX_TEMPLATE_BYTES",
    "MAX_VALUE",
    "MAX_WIDTH",
    "ConfinedLoader",
    "Sandbox",
    "budget",
]

MAX_STEPS: Final = 100_000
"""Loop turns, calls and operators one render may run."""
MAX_OUTPUT: Final = 100_000
"""Characters one render may write (a letter is about 2,000)."""
MAX_VALUE: Final = 50_000
"""Characters of a string, or items of a list, a template may build."""
MAX_WIDTH: Final = 1_000
"""The largest width or precision in a format (``{:>80}``, ``%-20s``, ``center(80)``)."""
MAX_RANGE: Final = 10_000
"""The most numbers ``range()`` gives."""
MAX_INT_BITS: Final = 4_096
"""The largest integer a template may compute, in bits (a number of 1,233 digits)."""
MAX_TEMPLATE_BYTES: Final = 64 * 1024
"""The largest template file read."""
_MAX_WORK: Final = 10 * MAX_OUTPUT  # output counted inside macros and blocks too


class _Budget:
    """What one render has spent: steps, and characters written."""

    __slots__ = ("output", "steps")

    def __init__(self) -> None:
        self.steps = 0
        self.output = 0

    def step(self, count: int = 1) -> None:
        self.steps += count
        if self.steps > MAX_STEPS:
            raise SecurityError(
                f"more than {MAX_STEPS:,} loop turns, calls and operations (the time limit)"
            )

    def write(self, count: int) -> None:
        self.output += count
        if self.output > _MAX_WORK:
            raise SecurityError(f"more than {_MAX_WORK:,} characters written (the output limit)")


# The budget of the render under way in this thread (or task). Hooks such as getattr
# and finalize are given no render context, and an include renders in a new one.
_CURRENT: ContextVar[_Budget | None] = ContextVar("relance_template_budget", default=None)


@contextmanager
def budget() -> Iterator[None]:
    """Render inside this block: the sandbox's limits count from zero."""
    token = _CURRENT.set(_Budget())
    try:
        yield
    finally:
        _CURRENT.reset(token)


def _spend(steps: int = 1) -> None:
    current = _CURRENT.get()
    if current is None:
        raise SecurityError("a user's template is rendered only inside relance's limits")
    current.step(steps)


def _too_long() -> SecurityError:
    return SecurityError(f"a value longer than {MAX_VALUE:,} characters or items (the value limit)")


def _check_size(value: object) -> None:
    """Refuse a string or collection longer than MAX_VALUE (its own length only)."""
    if isinstance(value, str | bytes | list | tuple | dict | set | frozenset):
        if len(value) > MAX_VALUE:
            raise _too_long()
    elif isinstance(value, int) and not isinstance(value, bool):
        _check_int(value)


def _check_int(value: int) -> None:
    if value.bit_length() > MAX_INT_BITS:
        raise _number_too_big()


def _number_too_big() -> SecurityError:
    return SecurityError(f"a number longer than {MAX_INT_BITS:,} bits (the number limit)")


def _deep_size(value: object, limit: int = MAX_VALUE) -> int:
    """The characters and items in ``value`` and what it holds, counted up to ``limit``.

    A list of ten thousand references to one long string is small, but its text is not:
    this walks it, charging the walk to the budget, and stops past the limit.
    """
    total = 0
    pending = [value]
    while pending and total <= limit:
        item = pending.pop()
        if isinstance(item, str | bytes):
            total += len(item)
        elif isinstance(item, list | tuple | set | frozenset):
            total += len(item)
            _spend(1 + len(item) // 64)
            pending.extend(item)
        elif isinstance(item, dict):
            total += len(item)
            _spend(1 + len(item) // 64)
            pending.extend(item.keys())
            pending.extend(item.values())
    return total


def _check_deep(*values: object) -> None:
    if sum(_deep_size(value) for value in values) > MAX_VALUE:
        raise _too_long()


def _check_width(width: object) -> None:
    if isinstance(width, int) and width > MAX_WIDTH:
        raise SecurityError(f"a width above {MAX_WIDTH:,} (the width limit)")


_NUMBERS = re.compile(r"\d+")
_PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?(.)", re.DOTALL)


def _check_spec(spec: str) -> None:
    """A format spec (``>80``, ``.2f``): no width above MAX_WIDTH, none taken from an
    argument."""
    if "{" in spec:
        raise SecurityError("a width taken from an argument is not allowed in a template")
    for number in _NUMBERS.findall(spec):
        _check_width(int(number))


def _check_format(text: str) -> None:
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError:
        return  # str.format raises the same error itself
    for _, _, spec, _ in fields:
        if spec:
            _check_spec(spec)


def _check_percent(text: str) -> None:
    for width, precision, _ in _PERCENT.findall(text):
        for number in (width, precision):
            if number == "*":
                raise SecurityError("a width taken from an argument is not allowed in a template")
            if number:
                _check_width(int(number))


def _bounded_range(*args: int) -> range:
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise SecurityError(f"a range of more than {MAX_RANGE:,} numbers (the range limit)")
    return numbers


def _check_str_method(method: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> None:
    """Refuse a call of a string method whose result would outgrow the limits."""
    text: str = method.__self__
    name = method.__name__
    given = list(args) + list(kwargs.values())
    if name in ("center", "ljust", "rjust", "zfill") and given:
        _check_width(given[0])
    elif name == "expandtabs":
        size = given[0] if given and isinstance(given[0], int) else 8
        _check_width(size)
        if len(text) + text.count("\t") * size > MAX_VALUE:
            raise _too_long()
    elif name == "replace" and len(given) >= 2:
        old, new = given[0], given[1]
        if isinstance(old, str) and isinstance(new, str):
            places = len(text) + 1 if not old else text.count(old)
            if len(text) + places * len(new) > MAX_VALUE:
                raise _too_long()
    elif name == "join" and given:
        items = given[0]
        _check_deep(items)
        count = len(items) if hasattr(items, "__len__") else 0
        if _deep_size(items) + count * len(text) > MAX_VALUE:
            raise _too_long()
    elif name == "translate":
        raise SecurityError("str.translate is not allowed in a template")


_GROWING_FILTERS = {
    # filter: the position of the width-like argument, after the value
    "center": 0,
    "indent": 0,
    "wordwrap": 0,
    "truncate": 0,
    "batch": 0,
    "slice": 0,
    "round": 0,
    "filesizeformat": -1,
}


def _guard_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that checks its arguments before it runs and its result after."""
    passes_first = hasattr(function, "jinja_pass_arg")

    @functools.wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _spend()
        values = args[1:] if passes_first else args
        _check_deep(*values, *kwargs.values())
        for value in (*values[1:], *kwargs.values()):
            if isinstance(value, int):
                _check_width(value)
        if name == "indent" and values:
            width = values[1] if len(values) > 1 else kwargs.get("width", 4)
            lines = str(values[0]).count("\n") + 1
            pad = len(width) if isinstance(width, str) else int(width)
            if len(str(values[0])) + lines * pad > MAX_VALUE:
                raise _too_long()
        if name == "wordwrap" and values:
            wrap = kwargs.get("wrapstring") or (values[4] if len(values) > 4 else "\n")
            width = values[1] if len(values) > 1 else kwargs.get("width", 79)
            pieces = len(str(values[0])) // max(int(width), 1) + 1
            if len(str(values[0])) + pieces * len(str(wrap)) > MAX_VALUE:
                raise _too_long()
        if name == "format" and values and isinstance(values[0], str):
            _check_percent(values[0])
        result = function(*args, **kwargs)
        _check_size(result)
        return result

    return guarded


@pass_context
def _loop(context: Context, iterable: Any) -> Iterator[Any]:
    """The iterable of a ``{% for %}``: each turn is counted."""
    del context  # pass_context keeps Jinja2 from running this at compile time
    for item in iterable:
        _spend()
        yield item


@pass_context
def _text(context: Context, data: str) -> Markup:
    """A template's own text, written at run time so that it is counted too."""
    del context
    return Markup(data)  # noqa: S704 - the template's own text, as Jinja2 writes it


def _finalize(value: Any) -> Any:
    """Every value written: counted, and its size checked before it becomes text."""
    _check_deep(value)
    text = value if isinstance(value, str) else str(value)
    current = _CURRENT.get()
    if current is None:
        raise SecurityError("a user's template is rendered only inside relance's limits")
    current.write(len(text))
    return text


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox, within the limits of this module."""

    intercepted_binops = frozenset(["*", "**", "+", "%", "//", "/", "-"])

    def __init__(self, **options: Any) -> None:
        super().__init__(finalize=_finalize, **options)
        self.globals["range"] = _bounded_range
        del self.globals["lipsum"]
        self.filters["relance_loop"] = _loop
        self.filters["relance_text"] = _text
        self.filters["relance_value"] = _value

    def guard_filters(self) -> None:
        """Guard every filter installed so far (call after adding relance's own)."""
        for name, function in list(self.filters.items()):
            if not name.startswith("relance_"):
                self.filters[name] = _guard_filter(name, function)

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        for loop in list(tree.find_all(nodes.For)):
            loop.iter = nodes.Filter(loop.iter, "relance_loop", [], [], None, None)
            loop.iter.set_lineno(loop.lineno)
        for output in list(tree.find_all(nodes.Output)):
            output.nodes = [_counted(node) for node in output.nodes]
        for concat in list(tree.find_all(nodes.Concat)):
            concat.nodes = [_sized(node) for node in concat.nodes]
        return tree

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        _spend()
        both_ints = isinstance(left, int) and isinstance(right, int)
        if operator == "**" and both_ints and right > 0:
            if max(left.bit_length(), 1) * right > MAX_INT_BITS:
                raise _number_too_big()
        elif operator == "*" and both_ints:
            if left.bit_length() + right.bit_length() > MAX_INT_BITS + 1:
                raise _number_too_big()
        elif operator == "*":
            for seq, count in ((left, right), (right, left)):
                repeats = isinstance(seq, str | list | tuple) and isinstance(count, int)
                if repeats and max(count, 0) * _deep_size(seq) > MAX_VALUE:
                    raise _too_long()
        elif operator == "+" and not isinstance(left, int | float):
            _check_deep(left, right)
        elif operator == "%" and isinstance(left, str):
            _check_percent(left)
            _check_deep(right)
        result = super().call_binop(context, operator, left, right)
        _check_size(result)
        return result

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _spend()
        if isinstance(getattr(__obj, "__self__", None), str):
            _check_str_method(__obj, args, kwargs)
        result = super().call(__context, __obj, *args, **kwargs)
        _check_size(result)
        return result

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is not None:
            _check_format(value.__self__)
        return wrapped


def _counted(node: nodes.Expr) -> nodes.Expr:
    if not isinstance(node, nodes.TemplateData):
        return node
    wrapped = nodes.Filter(nodes.Const(node.data), "relance_text", [], [], None, None)
    wrapped.set_lineno(node.lineno)
    return wrapped


def _sized(node: nodes.Expr) -> nodes.Expr:
    wrapped = nodes.Filter(node, "relance_value", [], [], None, None)
    wrapped.set_lineno(node.lineno)
    return wrapped


def _value(value: Any) -> Any:
    _check_deep(value)
    return value


class ConfinedLoader(FileSystemLoader):
    """A directory's templates, and nothing outside it: a symbolic link is refused, and
    so is a file larger than MAX_TEMPLATE_BYTES."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.root = Path(directory).resolve()
        super().__init__(self.root)

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        path = self.root.joinpath(*split_template_path(template))
        if path.is_symlink() or (path.exists() and path.resolve() != path):
            raise SecurityError(
                f"{template} is a symbolic link: a template must be a file of the directory"
            )
        if path.is_file() and path.stat().st_size > MAX_TEMPLATE_BYTES:
            raise SecurityError(
                f"{template} is larger than {MAX_TEMPLATE_BYTES // 1024} kB (the file limit)"
            )
        return super().get_source(environment, template)
