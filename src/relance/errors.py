"""The exceptions relance raises.

Every exception derives from :class:`RelanceError`, itself a :class:`ValueError`,
so a caller can catch one class and show its message to the user as it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["InvalidInput", "MissingRecipient", "Problem", "RelanceError"]


class RelanceError(ValueError):
    """Base class of every error relance raises on purpose."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input."""

    field: str
    """Where the problem is, as a path: ``candidate.email``, ``interviewers[1].name``."""
    message: str
    """A sentence saying what is wrong and what to do about it."""

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class InvalidInput(RelanceError):
    """The input has one or more problems; :attr:`problems` lists every one of them.

    >>> from relance import Candidate
    >>> try:
    ...     Candidate(name="", email="camille@")
    ... except InvalidInput as err:
    ...     for problem in err.problems:
    ...         print(problem)
    name: This field is required and must not be empty.
    email: This is not a valid email address: There must be something after the @-sign.
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        if not self.problems:
            raise ValueError("InvalidInput needs at least one problem")
        super().__init__(self._describe())

    def _describe(self) -> str:
        if len(self.problems) == 1:
            return f"Invalid input: {self.problems[0]}"
        lines = "\n".join(f"  - {problem}" for problem in self.problems)
        return f"Invalid input ({len(self.problems)} problems):\n{lines}"

    def __reduce__(self) -> tuple[type[InvalidInput], tuple[tuple[Problem, ...]]]:
        return (type(self), (self.problems,))

    @classmethod
    def one(cls, field: str, message: str) -> InvalidInput:
        """Build the error for a single problem."""
        return cls([Problem(field, message)])

    def prefixed(self, prefix: str) -> InvalidInput:
        """The same problems, their paths placed under ``prefix`` (``candidate``)."""
        return type(self)(
            Problem(_join(prefix, problem.field), problem.message) for problem in self.problems
        )


def _join(prefix: str, field: str) -> str:
    if not field:
        return prefix
    if field.startswith("["):
        return prefix + field
    return f"{prefix}.{field}"


class MissingRecipient(RelanceError):
    """A message was asked of a draft whose recipient has no email address."""
