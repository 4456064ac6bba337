"""The exceptions relance raises.

Every exception derives from :class:`RelanceError`, itself a :class:`ValueError`,
so a caller can catch one class and show its message to the user as it is.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from ._i18n import LANGUAGES, Language, format_message, json_safe, language_of, translate
from ._problems import DEFAULT_CODE, MESSAGES

__all__ = [
    "DeliveryError",
    "InvalidInput",
    "MissingRecipient",
    "Problem",
    "RelanceError",
    "TemplateError",
]


class RelanceError(ValueError):
    """Base class of every error relance raises on purpose."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input.

    >>> problem = Problem.of("candidate.email", "field.required")
    >>> problem.code, problem.message
    ('field.required', 'This field is required.')
    >>> problem.message_in("fr")
    'Ce champ est obligatoire.'
    """

    field: str
    """Where the problem is, as a path: ``candidate.email``, ``interviewers[1].name``."""
    message: str
    """A sentence in English saying what is wrong and what to do about it."""
    code: str = DEFAULT_CODE
    """What is wrong, as a stable dotted identifier: ``email.invalid``,
    ``field.required`` (every code is listed in docs/errors.md)."""
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict, hash=False)
    """The values the sentence names, as JSON data: ``{"length": 130, "max_length": 100}``."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", json_safe(dict(self.params)))

    @classmethod
    def of(cls, field: str, code: str, /, **params: object) -> Problem:
        """The problem ``code`` at ``field``, its sentence filled in with ``params``.

        Raises:
            KeyError: ``code`` is not one of relance's codes.
        """
        return cls(field, format_message(MESSAGES[code], params), code, params)

    def message_in(self, language: str) -> str:
        """The sentence in ``language``: ``"en"`` (:attr:`message`) or ``"fr"``; a tag
        such as ``"fr_CA"`` counts as its language.

        A problem built without one of relance's codes has only its English sentence.

        Raises:
            InvalidInput: the language is neither English nor French.
        """
        return _sentence_in(language, self.code, self.params, self.message)

    def line_in(self, language: str) -> str:
        """The problem as one line in ``language``, its path first: what ``str()``
        gives in English; in French, with a no-break space before the colon.

        >>> Problem.of("email", "field.required").line_in("fr")
        'email\\xa0: Ce champ est obligatoire.'

        Raises:
            InvalidInput: the language is neither English nor French.
        """
        text = self.message_in(language)
        if not self.field:
            return text
        colon = ":" if _language(language) == "en" else "\u00a0:"
        return f"{self.field}{colon} {text}"

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


def _sentence_in(language: str, code: str, params: Mapping[str, Any], english: str) -> str:
    """The sentence of ``code`` in ``language``, filled in with ``params``: ``english``
    itself in English, for a code relance does not know, or for params that do not fit
    the code. What :meth:`Problem.message_in` and ``Delivery.detail_in`` give.

    Raises:
        InvalidInput: the language is neither English nor French.
    """
    wanted = _language(language)
    template = MESSAGES.get(code)
    if wanted == "en" or template is None:
        return english
    try:
        return format_message(translate(template, wanted), params)
    except (KeyError, IndexError, ValueError):  # params that do not fit the code
        return english


def _language(language: str) -> Language:
    found = language_of(language)
    if found is None:
        raise InvalidInput.of(
            "language", "language.unknown", value=language, supported=list(LANGUAGES)
        )
    return found


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
        """Build the error for a single problem without a code (``input.invalid``)."""
        return cls([Problem(field, message)])

    @classmethod
    def of(cls, field: str, code: str, /, **params: object) -> InvalidInput:
        """Build the error for a single problem: :meth:`Problem.of`."""
        return cls([Problem.of(field, code, **params)])

    def messages_in(self, language: str) -> tuple[str, ...]:
        """Each problem as one line in ``language`` (``"en"`` or ``"fr"``), its path
        first, as :class:`Problem` prints in English.

        >>> from relance import Candidate
        >>> try:
        ...     Candidate(name="Camille Roy", email="camille@")
        ... except InvalidInput as err:
        ...     print(*err.messages_in("fr"))
        email\u00a0: Cette adresse électronique n’est pas valide\u202f; vérifiez-la.

        Raises:
            InvalidInput: the language is neither English nor French.
        """
        wanted = _language(language)
        return tuple(problem.line_in(wanted) for problem in self.problems)

    def prefixed(self, prefix: str) -> InvalidInput:
        """The same problems, their paths placed under ``prefix`` (``candidate``)."""
        return type(self)(
            dataclasses.replace(problem, field=_join(prefix, problem.field))
            for problem in self.problems
        )


def _join(prefix: str, field: str) -> str:
    if not prefix:
        return field
    if not field:
        return prefix
    if field.startswith("["):
        return prefix + field
    return f"{prefix}.{field}"


class MissingRecipient(RelanceError):
    """A message was asked of a draft whose recipient has no email address."""


class DeliveryError(RelanceError):
    """A mail server cannot be used: it cannot be reached, its certificate does not
    verify, or it refuses the login. Raised before any draft is saved or sent; the
    message is one sentence naming the server and what to check, never the password.

    ``code`` says which (``server.login_refused``, ``server.timeout``…, listed in
    docs/errors.md) and ``params`` its values; :meth:`message_in` gives the sentence in
    English or French.
    """

    def __init__(
        self,
        message: str,
        *,
        code: str = DEFAULT_CODE,
        params: Mapping[str, Any] | None = None,
        account: str | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        """What went wrong, as a stable identifier."""
        self.params: Mapping[str, Any] = json_safe(dict(params or {}))
        """The values the sentence names, as JSON data."""
        self.account = account
        """The account whose server it is: ``"imap"`` or ``"smtp"`` (None when not said)."""

    @classmethod
    def of(cls, account: str, code: str, /, **params: object) -> DeliveryError:
        """The error ``code`` with the ``account`` (``"imap"`` or ``"smtp"``: the table of
        the configuration file), its sentence filled in with ``params``."""
        message = format_message(MESSAGES[code], params)
        return cls(message, code=code, params=params, account=account)

    def message_in(self, language: str) -> str:
        """The sentence in ``language``: ``"en"`` or ``"fr"``, as :meth:`Problem.message_in`.

        Raises:
            InvalidInput: the language is neither English nor French.
        """
        return _sentence_in(language, self.code, self.params, str(self))

    def __reduce__(self) -> tuple[Any, ...]:
        # An exception pickles its args only: the code, params and account go as keywords.
        rebuild = partial(DeliveryError, code=self.code, params=self.params, account=self.account)
        return (rebuild, (str(self),))


class TemplateError(RelanceError):
    """A template cannot be rendered: a syntax error, an undefined name, or something the
    sandbox refuses. The message names the template file and the line."""

    template: str
    """The template's file name (a path for an override)."""
    line: int | None
    """The line in that file, when known."""
    available: tuple[str, ...]
    """For an undefined name: the names the template can use."""

    def __init__(
        self,
        message: str,
        *,
        template: str,
        line: int | None = None,
        available: tuple[str, ...] = (),
    ) -> None:
        self.template = template
        self.line = line
        self.available = available
        where = f"{template}, line {line}" if line else template
        text = f"{where}: {message}"
        if available:
            text += f" The names available here are: {', '.join(available)}."
        super().__init__(text)
        self._message = message

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild_template_error,
            (self._message, self.template, self.line, self.available),
        )


def _rebuild_template_error(
    message: str, template: str, line: int | None, available: tuple[str, ...]
) -> TemplateError:
    return TemplateError(message, template=template, line=line, available=available)


class Unwritable(RelanceError):
    """An output file or directory of the command line cannot be written (its exit
    status is 1, not the 2 of bad input)."""

    problem: Problem
    """What cannot be written, with its code (``file.cannot_write``)."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(problem.message)
