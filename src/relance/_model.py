"""The input model: a candidate, the people they met, and the interview.

Every class is a frozen, hashable, picklable dataclass that validates itself on
construction and raises :class:`~relance.InvalidInput` listing every problem at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from functools import cache, lru_cache
from itertools import islice
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final, Literal, TypeVar, cast

from ._cleanup import article_for
from ._french import Gender
from ._headers import FORBIDDEN, SURROGATE, UNSAFE
from ._locales import LOCALES, TONES, Tone
from .errors import InvalidInput, Problem

__all__ = [
    "Candidate",
    "Civility",
    "Contact",
    "Gender",
    "Interview",
    "Tone",
    "normalized_email",
]

Civility = Literal["Madame", "Monsieur"]

GENDERS: Final = ("f", "m")
CIVILITIES: Final = ("Madame", "Monsieur")
# What people write for them when the intent is clear (compared casefolded);
# « Mlle » or « Dr » is not clear, and stays refused.
_CIVILITY_ALIASES: Final = MappingProxyType(
    {
        "madame": "Madame",
        "mme": "Madame",
        "mme.": "Madame",
        "monsieur": "Monsieur",
        "m.": "Monsieur",
    }
)
_GENDER_ALIASES: Final = MappingProxyType({"f": "f", "m": "m"})
MAX_INTERVIEWERS: Final = 9
MAX_STRENGTHS: Final = 3
MAX_FILE_BYTES: Final = 1024 * 1024
"""The largest interview file read (the example is 3 kB)."""

_PHONE = re.compile(
    r"\+?[\d(][\d ().\-\u00a0]{5,23}\d"
    r"(?:,? ?(?:poste|ext\.?|x) ?\d{1,6})?",
    re.IGNORECASE,
)


@lru_cache(maxsize=1024)
def normalized_email(address: str) -> str:
    """The normalized address, or :class:`ValueError` with email-validator's sentence."""
    from email_validator import EmailNotValidError, validate_email

    try:
        # Syntax only: no DNS look-up, ever (backends embed relance with no network).
        result = validate_email(address, check_deliverability=False, allow_smtputf8=False)
        return result.ascii_email or result.normalized
    except EmailNotValidError as err:
        raise ValueError(str(err)) from err


def _clean(text: str) -> bool:
    """Whether ``text`` is what the text checks keep as it is: no character UNSAFE
    finds and no space to normalize. ``isprintable()`` is false for every control,
    format, separator and surrogate character, every space but « » among them, so
    what is left to look for is « =? » and a space at either end or doubled."""
    return (
        text.isprintable()
        and "=?" not in text
        and "  " not in text
        and text[:1] != " "
        and text[-1:] != " "
    )


class _Checker:
    """Collects the problems of one object's fields and normalizes their values."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, field: str, code: str, /, **params: object) -> None:
        self.problems.append(Problem.of(field, code, **params))

    def text(
        self, field: str, value: object, *, required: bool = False, max_length: int = 100
    ) -> str | None:
        if value is None:
            if required:
                self.add(field, "field.required")
            return None
        if not isinstance(value, str):
            self.add(field, "type.text", type=type(value).__name__)
            return None
        if not _clean(value):
            if UNSAFE.search(value):  # one search; then which rule, in this order
                if FORBIDDEN.search(value):
                    self.add(field, "text.control_characters")
                elif SURROGATE.search(value):
                    self.add(field, "text.lone_surrogate")
                else:
                    self.add(field, "text.encoded_word")
                return None
            value = " ".join(value.split())
        if not value:
            self.add(field, "field.empty" if required else "field.empty_optional")
            return None
        if len(value) > max_length:
            self.add(field, "text.too_long", length=len(value), max_length=max_length)
            return None
        return value

    def email(self, field: str, value: object, *, required: bool = False) -> str | None:
        text = self.text(field, value, required=required, max_length=254)
        if text is None:
            return None
        try:
            return normalized_email(text)
        except ValueError as err:
            self.add(field, "email.invalid", reason=str(err))
            return None

    def phone(self, field: str, value: object) -> str | None:
        text = self.text(field, value, max_length=40)
        if text is not None and not _PHONE.fullmatch(text):
            self.add(field, "phone.invalid")
            return None
        return text

    def choice(
        self,
        field: str,
        value: object,
        choices: Sequence[str],
        aliases: Mapping[str, str] | None = None,
    ) -> Any:
        if value is None or value in choices:
            return value
        if aliases and isinstance(value, str) and value.strip().casefold() in aliases:
            return aliases[value.strip().casefold()]  # « Mme », « F »: the intent is clear
        self.add(field, "choice.unknown", value=value, choices=list(choices))
        return None

    def raise_if_any(self) -> None:
        if self.problems:
            raise InvalidInput(self.problems)


def checked_mailbox(name: object, email: object) -> tuple[str, str | None]:
    """A display name and an address, checked as a :class:`Contact`'s ``name`` and
    ``email`` are, without the rest of a contact.

    Raises:
        InvalidInput: the problems of ``name`` and ``email``, as a contact names them.
    """
    check = _Checker()
    checked_name = check.text("name", name, required=True)
    checked_email = check.email("email", email)
    check.raise_if_any()
    return cast(str, checked_name), checked_email


def _set(obj: object, name: str, value: object) -> None:
    object.__setattr__(obj, name, value)


@dataclass(frozen=True)
class Candidate:
    """The job seeker: the sender of every message.

    >>> Candidate("Camille Roy", "camille.roy@example.com", gender="f").name
    'Camille Roy'
    """

    name: str
    """First and last name, as signed at the bottom of each message."""
    email: str
    """The candidate's email address: the sender of every email (syntax only is checked)."""
    phone: str | None = None
    """A phone number, written as it should be read: « 514 555-0199 »."""
    gender: Gender | None = None
    """``"f"`` or ``"m"`` for agreement (« intéressée »); ``None`` for wording that needs none."""
    city: str | None = None
    """The candidate's city, for the place-and-date line of a handwritten note."""
    availability: str | None = None
    """When the candidate can be called back, as said in a voicemail after the phone
    number: « en semaine, après 16 h »; by default « en semaine, de 9 h à 17 h »."""

    def __post_init__(self) -> None:
        check = _Checker()
        _set(self, "name", check.text("name", self.name, required=True))
        _set(self, "email", check.email("email", self.email, required=True))
        _set(self, "phone", check.phone("phone", self.phone))
        _set(self, "gender", check.choice("gender", self.gender, GENDERS, _GENDER_ALIASES))
        _set(self, "city", check.text("city", self.city, max_length=80))
        _set(self, "availability", check.text("availability", self.availability, max_length=80))
        check.raise_if_any()

    def as_dict(self) -> dict[str, Any]:
        """Every field as JSON-safe data: what :meth:`from_dict` reads."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Candidate:
        """Build from plain data, such as parsed JSON: what :meth:`as_dict` wrote.

        Raises:
            InvalidInput: every problem of the data, with its field.
        """
        return _from_dict(cls, data)


@dataclass(frozen=True)
class Contact:
    """A person at the company: an interviewer or the hiring contact."""

    name: str
    """First and last name: « Marie Tremblay »."""
    civility: Civility | None = None
    """``"Madame"``, ``"Monsieur"``, or ``None`` to greet by full name
    (« Bonjour Dominique Bélanger, »)."""
    email: str | None = None
    """Their email address; without one, drafts to them have an empty ``to``."""
    role: str | None = None
    """Their job title: « directrice des ressources humaines »."""
    phone: str | None = None
    """Their phone number, for the follow-up call."""
    topic: str | None = None
    """What the candidate discussed with them, with its article:
    « la migration vers l’infonuagique »."""
    surname: str | None = None
    """The family name used after « Madame »/« Monsieur »; by default the last word of
    ``name``, or the words from a particle on (« Le Gardeur », « de La Fontaine »)."""

    def __post_init__(self) -> None:
        check = _Checker()
        _set(self, "name", check.text("name", self.name, required=True))
        _set(
            self, "civility", check.choice("civility", self.civility, CIVILITIES, _CIVILITY_ALIASES)
        )
        _set(self, "email", check.email("email", self.email))
        _set(self, "role", check.text("role", self.role, max_length=120))
        _set(self, "phone", check.phone("phone", self.phone))
        _set(self, "topic", check.text("topic", self.topic, max_length=150))
        _set(self, "surname", check.text("surname", self.surname))
        check.raise_if_any()

    def as_dict(self) -> dict[str, Any]:
        """Every field as JSON-safe data: what :meth:`from_dict` reads."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Contact:
        """Build from plain data, such as parsed JSON: what :meth:`as_dict` wrote.

        Raises:
            InvalidInput: every problem of the data, with its field.
        """
        return _from_dict(cls, data)

    @property
    def family_name(self) -> str:
        """The name used after the civility: ``surname``, or found in ``name``."""
        return self.surname or family_name(self.name)


_PARTICLES = frozenset(
    [
        "de",
        "du",
        "des",
        "d’",
        "d'",
        "le",
        "la",
        "les",
        "van",
        "von",
        "der",
        "den",
        "di",
        "da",
        "del",
        "della",
        "dos",
    ]
)


@lru_cache(maxsize=1024)  # a name is greeted and signed in every message of an interview
def family_name(full_name: str) -> str:
    """The family name in a full name: « Tremblay », « Le Gardeur », « de La Fontaine ».

    >>> family_name("Marie-Ève Tremblay"), family_name("Jean-Paul Le Gardeur")
    ('Tremblay', 'Le Gardeur')
    """
    words = full_name.split()
    for index, word in enumerate(words[1:], start=1):
        if word.lower() in _PARTICLES and index < len(words) - 1:
            return " ".join(words[index:])
    return words[-1]


T = TypeVar("T")


def _interview_fields(
    check: _Checker,
    *,
    company: object,
    position: object,
    held_at: object,
    strengths: object,
    forgot_to_mention: object,
    locale: object,
    tone: object,
    region: object,
    company_article: object = None,
) -> dict[str, Any]:
    """Validate and normalize the interview's own fields (not the nested objects)."""
    values: dict[str, Any] = {
        "company": check.text("company", company, required=True),
        "position": check.text("position", position, required=True),
        "forgot_to_mention": _sentence(
            check.text("forgot_to_mention", forgot_to_mention, max_length=400)
        ),
        "locale": locale,
    }
    if not isinstance(held_at, date):
        check.add("held_at", "datetime.invalid")
    elif not 2000 <= held_at.year <= 2099:
        check.add("held_at", "date.year_out_of_range", year=held_at.year)
    values["held_at"] = held_at

    if isinstance(strengths, str) or not isinstance(strengths, Iterable):
        check.add("strengths", "strengths.type")
        values["strengths"] = ()
    else:
        items = tuple(islice(strengths, MAX_STRENGTHS + 1))
        if len(items) > MAX_STRENGTHS:
            check.add("strengths", "strengths.too_many", max=MAX_STRENGTHS)
        values["strengths"] = tuple(
            check.text(f"strengths[{i}]", item, required=True, max_length=120)
            for i, item in enumerate(items)
        )

    if not isinstance(locale, str) or locale not in LOCALES:
        check.add("locale", "locale.unknown", value=locale, supported=list(LOCALES))
    elif region is not None:
        values["region"] = _check_region(check, region, LOCALES[locale].country)
    if not isinstance(tone, str) or tone not in TONES:
        check.add("tone", "tone.unknown", value=tone)
    values["tone"] = tone
    values.setdefault("region", region)
    values["company_article"] = _check_company_article(check, values["company"], company_article)
    return values


def _check_company_article(check: _Checker, company: str | None, value: object) -> bool | None:
    """``company_article``: true, false or unset; true only where relance knows the article."""
    if value is not None and not isinstance(value, bool):
        check.add("company_article", "type.boolean")
        return None
    if value is True and company is not None:
        try:
            article_for(company, force=True)
        except ValueError:
            check.add("company_article", "company.article_unknown", name=company)
            return None
    return value


def _check_region(check: _Checker, region: object, country: str) -> str | None:
    """A holiday subdivision of the locale's country, as the holidays package codes it."""
    text = check.text("region", region, max_length=20)
    if text is None:
        return None
    subdivisions = _subdivisions(country)
    if text not in subdivisions:
        check.add("region", "region.unknown", value=text, country=country, known=list(subdivisions))
        return None
    return text


@lru_cache(maxsize=8)
def _subdivisions(country: str) -> tuple[str, ...]:
    import holidays

    return tuple(holidays.list_supported_countries()[country])


def _sentence(text: str | None) -> str | None:
    """A user's sentence, with its final punctuation."""
    if text is None or text[-1] in ".!?…":
        return text
    return text + "."


@dataclass(frozen=True)
class Interview:
    """One job interview: who met whom, where, when, and what the candidate wants to say.

    >>> from datetime import date
    >>> interview = Interview(
    ...     candidate=Candidate("Camille Roy", "camille.roy@example.com"),
    ...     company="Ubisoft",
    ...     position="analyste de données",
    ...     held_at=date(2026, 12, 1),
    ...     interviewers=[Contact("Marie Tremblay", "Madame", "marie.tremblay@example.com")],
    ... )
    >>> interview.interviewers[0].family_name
    'Tremblay'
    """

    candidate: Candidate
    """The job seeker, sender of every message."""
    company: str
    """The employer's name as it is written: « Ubisoft », « Le Devoir », « L’Oréal »."""
    position: str
    """The job title without article: « analyste de données »."""
    held_at: date | datetime
    """When the interview took place: a date, or a date and time (aware or naive)."""
    interviewers: Sequence[Contact]
    """Everyone who interviewed the candidate, in order (stored as a tuple)."""
    hiring_contact: Contact | None = None
    """The HR director or main hiring contact, for the follow-up; by default the first
    interviewer."""
    strengths: Sequence[str] = ()
    """Up to three short noun phrases: why the candidate is a serious candidate."""
    forgot_to_mention: str | None = None
    """One sentence the candidate forgot to say during the interview."""
    locale: str = "fr_CA"
    """The region the messages are written for: ``"fr_CA"`` (Quebec), ``"fr_FR"``,
    ``"fr_BE"`` or ``"fr_CH"``."""
    tone: Tone = "formal"
    """The register: ``"formal"`` (« Je vous prie d’agréer… ») or ``"cordial"``
    (« Bonjour Madame Dupont, » … « Bien cordialement, »)."""
    region: str | None = None
    """A subdivision for the holiday calendar, as the ``holidays`` package codes it: a
    Swiss canton (``"VD"``, ``"GE"``), a Canadian province other than Quebec (``"ON"``),
    a French department with holidays of its own (``"57"``). By default: Quebec for
    fr_CA, metropolitan France, Belgium, Switzerland's federal holidays."""
    company_article: bool | None = None
    """Whether ``company`` is said with an article: ``True`` (« l’Hôtel-Dieu de
    Québec »), ``False`` (« Office Depot », though it starts like « Office national du
    film »), or ``None`` to let relance decide: an institution's name (« Université
    Laval », « Banque Nationale », « Centre hospitalier… ») gets its article."""

    def __post_init__(self) -> None:
        check = _Checker()
        # Callers without a type checker can pass anything: check what the hints promise.
        candidate, hiring_contact, given = (
            cast(object, self.candidate),
            cast(object, self.hiring_contact),
            cast(object, self.interviewers),
        )
        if not isinstance(candidate, Candidate):
            check.add("candidate", "type.candidate")
        if hiring_contact is not None and not isinstance(hiring_contact, Contact):
            check.add("hiring_contact", "type.contact_or_none")
        interviewers: tuple[Any, ...] = ()
        if isinstance(given, str | bytes) or not isinstance(given, Iterable):
            check.add("interviewers", "type.contact_list")
        else:
            interviewers = tuple(islice(given, MAX_INTERVIEWERS + 1))
            _check_interviewers(check, interviewers)
            for index, item in enumerate(interviewers):
                if not isinstance(item, Contact):
                    check.add(f"interviewers[{index}]", "type.contact")
        values = _interview_fields(
            check,
            company=self.company,
            position=self.position,
            held_at=self.held_at,
            strengths=self.strengths,
            forgot_to_mention=self.forgot_to_mention,
            locale=self.locale,
            tone=self.tone,
            region=self.region,
            company_article=self.company_article,
        )
        check.raise_if_any()
        _set(self, "interviewers", interviewers)
        for name, value in values.items():
            _set(self, name, value)

    @property
    def held_on(self) -> date:
        """The day of the interview, in the interview's own time zone when it has one."""
        held = self.held_at
        return held.date() if isinstance(held, datetime) else held

    @property
    def main_contact(self) -> Contact:
        """The hiring contact, or else the first interviewer."""
        return self.hiring_contact or self.interviewers[0]

    @property
    def main_contact_field(self) -> str:
        """The input field of :attr:`main_contact`: ``"hiring_contact"`` or
        ``"interviewers[0]"`` (what a problem with its address names)."""
        return "hiring_contact" if self.hiring_contact else "interviewers[0]"

    def as_dict(self) -> dict[str, Any]:
        """The interview as JSON-safe data: exactly what :meth:`from_dict` reads,
        ``held_at`` in ISO 8601.

        >>> import json
        >>> from relance._samples import example_interview
        >>> interview = example_interview()
        >>> Interview.from_dict(json.loads(json.dumps(interview.as_dict()))) == interview
        True
        """
        return {
            "candidate": self.candidate.as_dict(),
            "company": self.company,
            "position": self.position,
            "held_at": self.held_at.isoformat(),
            "interviewers": [contact.as_dict() for contact in self.interviewers],
            "hiring_contact": self.hiring_contact.as_dict() if self.hiring_contact else None,
            "strengths": list(self.strengths),
            "forgot_to_mention": self.forgot_to_mention,
            "locale": self.locale,
            "tone": self.tone,
            "region": self.region,
            "company_article": self.company_article,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Interview:
        """Build an interview from plain data, such as parsed JSON or TOML.

        ``held_at`` may be an ISO 8601 string. Every problem in the data, nested
        ones included, is reported at once in one :class:`~relance.InvalidInput`.
        """
        problems: list[Problem] = []
        if not isinstance(data, Mapping):
            raise InvalidInput.of("", "type.table")
        _unknown_keys(data, cls, "", problems)

        candidate = _build(Candidate, data.get("candidate"), "candidate", problems)
        hiring_contact = None
        if data.get("hiring_contact") is not None:
            hiring_contact = _build(Contact, data["hiring_contact"], "hiring_contact", problems)

        check = _Checker()
        raw_interviewers = data.get("interviewers")
        interviewers: list[Contact | None] = []
        if raw_interviewers is None:
            check.add("interviewers", "interviewers.missing")
        elif not isinstance(raw_interviewers, list):
            check.add("interviewers", "type.people")
        else:
            _check_interviewers(check, raw_interviewers)
            interviewers = [
                _build(Contact, item, f"interviewers[{i}]", problems)
                for i, item in enumerate(raw_interviewers)
            ]
        values = _interview_fields(
            check,
            company=data.get("company"),
            position=data.get("position"),
            held_at=_parse_moment(data.get("held_at"), check),
            strengths=data.get("strengths", ()),
            forgot_to_mention=data.get("forgot_to_mention"),
            locale=data.get("locale", "fr_CA"),
            tone=data.get("tone", "formal"),
            region=data.get("region"),
            company_article=data.get("company_article"),
        )
        problems.extend(check.problems)
        if problems:
            raise InvalidInput(sorted(problems, key=_field_order))
        # Every field is checked above, as __post_init__ would check it again: set them.
        interview = object.__new__(cls)
        _set(interview, "candidate", candidate)
        _set(interview, "interviewers", tuple(interviewers))
        _set(interview, "hiring_contact", hiring_contact)
        for name, value in values.items():
            _set(interview, name, value)
        return interview

    @classmethod
    def load(cls, path: str | Path) -> Interview:
        """Read an interview from a ``.toml`` or ``.json`` file (see ``relance example``)."""
        path = Path(path)
        suffix = path.suffix.lower()
        where = str(path)
        if suffix not in (".toml", ".json"):
            raise InvalidInput.of(where, "file.suffix")
        try:
            with path.open("rb") as stream:
                raw = stream.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            raise InvalidInput.of(where, "file.not_found") from None
        except OSError as err:
            raise InvalidInput.of(where, "file.unreadable", reason=err.strerror) from None
        if len(raw) > MAX_FILE_BYTES:
            raise InvalidInput.of(where, "file.too_large", max=MAX_FILE_BYTES // 1024)
        try:
            text = raw.decode("utf-8-sig")  # a byte-order mark, as some editors write, is fine
        except UnicodeDecodeError:
            raise InvalidInput.of(where, "file.not_utf8") from None
        data = _parse_toml(text, where) if suffix == ".toml" else _parse_json(text, where)
        return cls.from_dict(data)


def _check_interviewers(check: _Checker, interviewers: Sequence[object]) -> None:
    if not interviewers:
        check.add("interviewers", "interviewers.missing")
    elif len(interviewers) > MAX_INTERVIEWERS:
        check.add("interviewers", "interviewers.too_many", max=MAX_INTERVIEWERS)


# The parsers recurse once per level: a few thousand nested brackets exhaust the
# stack. An interview is three levels deep, so that is no interview (file.too_deep).


def _shown(value: object) -> str:
    """A value quoted in an error message, cut short however long or deep it is."""
    import reprlib

    short = reprlib.Repr()
    short.maxstring = short.maxother = 40
    return short.repr(value)


def _parse_toml(text: str, where: str) -> Any:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise InvalidInput.of(where, "file.toml_invalid", reason=str(err)) from None
    except RecursionError:
        raise InvalidInput.of(where, "file.too_deep") from None


def _parse_json(text: str, where: str) -> Any:
    import json

    try:
        return json.loads(text)
    except RecursionError:
        raise InvalidInput.of(where, "file.too_deep") from None
    except json.JSONDecodeError as err:
        raise InvalidInput.of(
            where, "file.json_invalid", reason=err.msg, line=err.lineno, column=err.colno
        ) from None


def _parse_moment(value: object, check: _Checker) -> object:
    if value is None:
        check.add("held_at", "field.required")
        return date(2000, 1, 1)  # placeholder, never used: the problem is reported
    if not isinstance(value, str):
        return value
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text)
    except ValueError:
        return value  # reported by _interview_fields with the expected format


def _field_order(problem: Problem) -> tuple[int, str]:
    order = ("candidate", "company", "position", "held_at", "interviewers", "hiring_contact")
    head = re.split(r"[.\[]", problem.field, maxsplit=1)[0]
    return (order.index(head) if head in order else len(order), problem.field)


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    """A dataclass's field names, read once per process (dataclasses.fields() is slow)."""
    return tuple(f.name for f in fields(cls))


def _unknown_keys(data: Mapping[str, Any], cls: type, prefix: str, problems: list[Problem]) -> None:
    known = _field_names(cls)
    for key in data:
        if key not in known:
            where = f"{prefix}.{key}" if prefix else str(key)
            problems.append(Problem.of(where, "field.unknown", fields=list(known)))


def _from_dict(cls: Callable[..., T], data: object) -> T:
    if not isinstance(data, Mapping):
        raise InvalidInput.of("", "type.table")
    problems: list[Problem] = []
    built = _build(cls, data, "", problems)
    if built is None or problems:
        raise InvalidInput(problems)
    return built


def _build(cls: Callable[..., T], raw: object, path: str, problems: list[Problem]) -> T | None:
    if raw is None:
        problems.append(Problem.of(path, "field.required"))
        return None
    if not isinstance(raw, Mapping):
        problems.append(Problem.of(path, "type.table"))
        return None
    _unknown_keys(raw, cast(type, cls), path, problems)
    known = _field_names(cast(type, cls))
    kwargs = {key: value for key, value in raw.items() if key in known}
    kwargs.setdefault("name", None)
    if cls is Candidate:
        kwargs.setdefault("email", None)
    try:
        return cls(**kwargs)
    except InvalidInput as err:
        problems.extend(err.prefixed(path).problems)
        return None
