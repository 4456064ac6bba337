"""Reading relance's results back from plain data, such as a draft stored as JSON.

Every ``from_dict`` reads its fields through a :class:`Reader`, which checks each one
as the JSON Schema of ``relance.schema()`` describes it and collects every problem
with its path (``steps[2].draft.subject``) before the object is built, so a stored
draft that comes back is either whole and valid, or one :class:`~relance.InvalidInput`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields
from datetime import date
from typing import Any, TypeVar

from ._locales import LOCALES
from .errors import InvalidInput, Problem

__all__ = ["Reader"]

T = TypeVar("T")

_DATE_EXAMPLE = "2026-12-02"


class Reader:
    """The fields of one JSON object, read and checked one by one.

    ``cls`` is the dataclass the object stands for: a key that is not one of its
    fields (nor one of ``extra``) is reported, as a misspelt field would be lost.
    """

    def __init__(self, data: object, cls: type, *, extra: Sequence[str] = ()) -> None:
        self.problems: list[Problem] = []
        self.data: Mapping[str, Any] = {}
        self.is_table = isinstance(data, Mapping)
        if not isinstance(data, Mapping):
            self.add("", "type.table")
            return
        self.data = data
        known = [f.name for f in fields(cls)] + list(extra)
        for key in data:
            if key not in known:
                self.add(str(key), "field.unknown", fields=known)

    def add(self, field: str, code: str, /, **params: object) -> None:
        """Report a problem of the field ``field``."""
        self.problems.append(Problem.of(field, code, **params))

    def value(self, name: str, *, optional: bool) -> Any:
        """The raw value of ``name``; a missing required field is reported (None)."""
        value = self.data.get(name)
        if value is None and not optional and self.is_table:
            self.add(name, "field.required")
        return value

    def text(self, name: str, *, optional: bool = False, empty: bool = False) -> Any:
        """A string; ``""`` only when ``empty`` allows it."""
        value = self.value(name, optional=optional)
        if value is None:
            return None
        if not isinstance(value, str):
            self.add(name, "type.text", type=_json_type(value))
            return None
        if not value.strip() and not empty:
            self.add(name, "field.empty")
            return None
        return value

    def texts(self, name: str) -> tuple[str, ...]:
        """A list of strings (an empty list when the field is left out)."""
        value = self.data.get(name, [])
        if not isinstance(value, list):
            self.add(name, "type.list", type=_json_type(value))
            return ()
        for index, item in enumerate(value):
            if not isinstance(item, str):
                self.add(f"{name}[{index}]", "type.text", type=_json_type(item))
        return tuple(item for item in value if isinstance(item, str))

    def day(self, name: str, *, optional: bool = False) -> Any:
        """A date written in ISO 8601: ``"2026-12-02"``."""
        value = self.value(name, optional=optional)
        if value is None:
            return None
        if not isinstance(value, str):
            self.add(name, "type.date", example=_DATE_EXAMPLE)
            return None
        try:
            if len(value) != len(_DATE_EXAMPLE):
                raise ValueError(value)
            return date.fromisoformat(value)
        except ValueError:
            self.add(name, "date.invalid", value=value)
            return None

    def count(self, name: str) -> Any:
        """A whole number, zero or more."""
        value = self.value(name, optional=False)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(name, "type.integer", type=_json_type(value))
            return None
        if value < 0:
            self.add(name, "number.negative", value=value)
            return None
        return value

    def amount(self, name: str) -> Any:
        """A number, zero or more, as a float."""
        value = self.value(name, optional=False)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.add(name, "type.number", type=_json_type(value))
            return None
        if not math.isfinite(value) or value < 0:
            self.add(name, "number.negative", value=value)
            return None
        return float(value)

    def choice(self, name: str, choices: Sequence[str]) -> Any:
        """One of ``choices``."""
        value = self.value(name, optional=False)
        if value is None or value in choices:
            return value
        self.add(name, "choice.unknown", value=value, choices=list(choices))
        return None

    def locale(self, name: str = "locale") -> Any:
        """One of relance's regions: ``"fr_CA"``."""
        value = self.value(name, optional=False)
        if value is None or (isinstance(value, str) and value in LOCALES):
            return value
        self.add(name, "locale.unknown", value=value, supported=list(LOCALES))
        return None

    def nested(self, name: str, build: Callable[[Any], T], *, optional: bool = False) -> T | None:
        """An object read by ``build`` (a ``from_dict``), its problems under ``name``."""
        value = self.value(name, optional=optional)
        if value is None:
            return None
        return self.built(name, build, value)

    def items(self, name: str, build: Callable[[Any], T]) -> tuple[T, ...]:
        """A list of objects, each read by ``build``, its problems under ``name[i]``."""
        value = self.value(name, optional=False)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.add(name, "type.list", type=_json_type(value))
            return ()
        built = [self.built(f"{name}[{i}]", build, item) for i, item in enumerate(value)]
        return tuple(item for item in built if item is not None)

    def built(self, path: str, build: Callable[[Any], T], value: object) -> T | None:
        """``build(value)``, its problems placed under ``path``."""
        try:
            return build(value)
        except InvalidInput as err:
            self.problems += err.prefixed(path).problems
            return None

    def finish(self, build: Callable[[], T]) -> T:
        """The object, built once every field was read without a problem.

        Raises:
            InvalidInput: every problem found, including the constructor's own.
        """
        if self.problems:
            raise InvalidInput(self.problems)
        return build()


def _json_type(value: object) -> str:
    """The JSON name of a value's type, as a backend developer knows it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list | tuple):
        return "array"
    if isinstance(value, Mapping):
        return "object"
    return type(value).__name__
