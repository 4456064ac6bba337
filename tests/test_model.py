"""The input model: frozen dataclasses that validate themselves, and their loaders.

Covers the contract of ``Candidate``, ``Contact`` and ``Interview``: immutability,
hashing, pickling, a docstring per field; one :class:`~relance.InvalidInput` listing
every problem with its path and a sentence; ``from_dict`` and ``load``; text that
looks like Jinja or like a header staying literal; and property tests that any input
either builds or raises ``InvalidInput``, and that what builds gives safe headers.
"""

from __future__ import annotations

import ast
import email
import email.policy
import inspect
import json
import pickle
import re
import socket
import sys
import textwrap
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import FrozenInstanceError, dataclass, fields, is_dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import Phase, event, given, settings
from hypothesis import strategies as st

from relance import (
    Candidate,
    Contact,
    Draft,
    Interview,
    InvalidInput,
    MissingRecipient,
    Problem,
    thank_you_notes,
)

from scenarios import SCENARIOS

# The messages of src/relance/_model.py, copied exactly.
REQUIRED = "This field is required."
REQUIRED_NOT_EMPTY = "This field is required and must not be empty."
LEAVE_OUT = "Leave this field out rather than empty."
ONE_LINE = (
    "Line breaks, tabs and other control characters are not allowed here; write it on one line."
)
NOT_A_TABLE = "Expected a table of fields (a JSON object)."
HELD_AT_FORMAT = (
    "Expected a date or a date and time, such as 2026-12-01 or 2026-12-01T14:30:00-05:00."
)
PHONE = (
    "This is not a phone number: write digits, spaces and dashes, "
    "such as 514 555-0199 or +33 1 23 45 67 89, then « poste 234 » if needed."
)
AT_LEAST_ONE = "At least one interviewer is required."
AT_MOST_9 = "At most 9 interviewers, each getting a note worded differently."
AT_MOST_3 = "At most 3 strengths: a note says them in one sentence."
NOT_A_LIST_OF_PEOPLE = "Expected a list of people."
NOT_A_LIST_OF_PHRASES = "Expected a list of short phrases."
GENDER = "Unknown value {!r}; use one of 'f', 'm', or leave it out."
CIVILITY = "Unknown value {!r}; use one of 'Madame', 'Monsieur', or leave it out."
LOCALE = "Unknown locale {!r}; the supported ones are 'fr_CA', 'fr_FR', 'fr_BE', 'fr_CH'."
CANDIDATE_FIELDS = "Unknown field; the fields are {}.".format(
    ", ".join(f.name for f in fields(Candidate))
)
CONTACT_FIELDS = "Unknown field; the fields are {}.".format(
    ", ".join(f.name for f in fields(Contact))
)
INTERVIEW_FIELDS = "Unknown field; the fields are {}.".format(
    ", ".join(f.name for f in fields(Interview))
)
BAD_EMAIL = "This is not a valid email address: "

Pairs = list[tuple[str, str]]
T = TypeVar("T")


def pairs(err: InvalidInput) -> Pairs:
    """The (field, message) pairs of an error, sorted, so tables compare them exactly."""
    return sorted((p.field, p.message) for p in err.problems)


def outcome(build: Callable[[], T]) -> T | InvalidInput:
    """What ``build()`` returns, or the InvalidInput it raises."""
    try:
        return build()
    except InvalidInput as err:
        return err


# --------------------------------------------------------------------------- fixtures


def camille() -> Candidate:
    return Candidate(
        "Camille Roy", "camille.roy@example.com", phone="514 555-0199", gender="f", city="Montréal"
    )


def marie() -> Contact:
    return Contact(
        "Marie Tremblay",
        "Madame",
        "marie.tremblay@example.com",
        role="directrice des ressources humaines",
        topic="la migration vers le nuage",
    )


# The constructors called without the type checker's help, as a caller in a hurry would.
loose_candidate: Callable[..., Candidate] = Candidate
loose_contact: Callable[..., Contact] = Contact
loose_interview: Callable[..., Interview] = Interview


def make_interview(**changes: Any) -> Interview:
    kwargs: dict[str, Any] = {
        "candidate": camille(),
        "company": "Ubisoft",
        "position": "analyste de données",
        "held_at": date(2026, 12, 1),
        "interviewers": [marie()],
    }
    kwargs.update(changes)
    return Interview(**kwargs)


def valid_data() -> dict[str, Any]:
    """Plain data for an interview with every field, as parsed JSON would give it."""
    return {
        "candidate": {
            "name": "Camille Roy",
            "email": "camille.roy@example.com",
            "phone": "514 555-0199",
            "gender": "f",
            "city": "Montréal",
        },
        "company": "Ubisoft",
        "position": "analyste de données",
        "held_at": "2026-12-01",
        "interviewers": [
            {
                "name": "Marie Tremblay",
                "civility": "Madame",
                "email": "marie.tremblay@example.com",
                "role": "directrice des ressources humaines",
                "topic": "la migration vers le nuage",
            },
            {"name": "Dominique Bélanger", "email": "dominique.belanger@example.com"},
        ],
        "hiring_contact": {"name": "Marie Tremblay", "civility": "Madame", "phone": "514 555-0100"},
        "strengths": ["cinq ans d’expérience en analyse", "une solide maîtrise de SQL"],
        "forgot_to_mention": "Je parle aussi espagnol",
        "locale": "fr_CA",
    }


def expected_from_valid_data() -> Interview:
    """The interview ``valid_data()`` stands for, built directly."""
    return Interview(
        candidate=camille(),
        company="Ubisoft",
        position="analyste de données",
        held_at=date(2026, 12, 1),
        interviewers=[
            marie(),
            Contact("Dominique Bélanger", email="dominique.belanger@example.com"),
        ],
        hiring_contact=Contact("Marie Tremblay", "Madame", phone="514 555-0100"),
        strengths=["cinq ans d’expérience en analyse", "une solide maîtrise de SQL"],
        forgot_to_mention="Je parle aussi espagnol.",
        locale="fr_CA",
    )


DELETE = object()
"""A change that removes the key instead of setting it."""

DataPath = tuple[str | int, ...]


def data_path(path: str) -> DataPath:
    """The keys of a problem path: ``interviewers[1].name`` → ``("interviewers", 1, "name")``."""
    return tuple(int(key) if key.isdigit() else key for key in re.findall(r"[^.\[\]]+", path))


def changed(changes: Mapping[str, object]) -> dict[str, Any]:
    """``valid_data()`` with the value at each path set (or deleted with ``DELETE``)."""
    data = valid_data()
    for path, value in changes.items():
        *parents, last = data_path(path)
        target: Any = data
        for key in parents:
            target = target[key]
        if value is DELETE:
            del target[last]
        else:
            target[last] = value
    return data


# ------------------------------------------------------------- dataclass contract

MODEL_CLASSES = (Candidate, Contact, Interview)


def sample(cls: type) -> Any:
    return {Candidate: camille, Contact: marie, Interview: make_interview}[cls]()


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda c: c.__name__)
def test_model_classes_are_frozen_dataclasses(cls: type) -> None:
    assert is_dataclass(cls)
    assert cls.__dataclass_params__.frozen  # type: ignore[attr-defined]
    obj = sample(cls)
    for field in fields(cls):
        with pytest.raises(FrozenInstanceError):
            setattr(obj, field.name, getattr(obj, field.name))


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda c: c.__name__)
def test_equal_objects_have_equal_hashes_and_dedupe_in_a_set(cls: type) -> None:
    first, second = sample(cls), sample(cls)
    assert first is not second
    assert first == second
    assert hash(first) == hash(second)
    assert len({first, second}) == 1


def test_interviews_given_lists_or_tuples_are_equal_and_hash_alike() -> None:
    from_lists = make_interview(interviewers=[marie()], strengths=["SQL", "Python"])
    from_tuples = make_interview(interviewers=(marie(),), strengths=("SQL", "Python"))
    from_generators = make_interview(
        interviewers=(c for c in [marie()]), strengths=(s for s in ["SQL", "Python"])
    )
    assert from_lists == from_tuples == from_generators
    assert len({from_lists, from_tuples, from_generators}) == 1


def test_different_objects_are_not_equal() -> None:
    assert camille() != Candidate("Camille Roy", "camille.roy@example.com")
    assert make_interview() != make_interview(company="Ubisoft Montréal")


@pytest.mark.parametrize(
    "obj",
    [
        pytest.param(camille(), id="candidate"),
        pytest.param(marie(), id="contact"),
        pytest.param(make_interview(), id="interview"),
        *(pytest.param(scenario.interview, id=scenario.name) for scenario in SCENARIOS),
    ],
)
def test_pickle_round_trip_gives_an_equal_object(obj: object) -> None:
    copy = pickle.loads(pickle.dumps(obj))  # noqa: S301 - our own bytes
    assert copy == obj
    assert type(copy) is type(obj)
    assert hash(copy) == hash(obj)


def test_invalid_input_pickles_with_its_problems() -> None:
    with pytest.raises(InvalidInput) as info:
        Candidate(name="", email="camille@")
    err = info.value
    copy = pickle.loads(pickle.dumps(err))  # noqa: S301 - our own bytes
    assert type(copy) is InvalidInput
    assert (
        copy.problems
        == err.problems
        == (
            Problem("name", REQUIRED_NOT_EMPTY, "field.empty"),
            Problem(
                "email",
                BAD_EMAIL + "There must be something after the @-sign.",
                "email.invalid",
                {"reason": "There must be something after the @-sign."},
            ),
        )
    )
    assert str(copy) == str(err)


def field_docstrings(cls: type) -> dict[str, str | None]:
    """Each annotated field of the class body, with the string literal right after it."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    [class_def] = [node for node in tree.body if isinstance(node, ast.ClassDef)]
    found: dict[str, str | None] = {}
    body = class_def.body
    for index, node in enumerate(body):
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            following = body[index + 1] if index + 1 < len(body) else None
            doc = None
            if (
                isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            ):
                doc = following.value.value
            found[node.target.id] = doc
    return found


@dataclass(frozen=True)
class _HalfDocumented:
    documented: str
    """This one has its docstring."""
    bare: int = 0
    other: str = ""
    """The docstring of ``other``, not of ``bare``."""


def test_the_docstring_finder_sees_a_field_without_docstring() -> None:
    assert field_docstrings(_HalfDocumented) == {
        "documented": "This one has its docstring.",
        "bare": None,
        "other": "The docstring of ``other``, not of ``bare``.",
    }


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda c: c.__name__)
def test_every_field_has_a_docstring(cls: type) -> None:
    docs = field_docstrings(cls)
    assert list(docs) == [f.name for f in fields(cls)]
    undocumented = [name for name, doc in docs.items() if not (doc and doc.strip())]
    assert undocumented == []


def test_interviewers_and_strengths_are_stored_as_tuples() -> None:
    interview = make_interview(
        interviewers=[marie(), Contact("Dominique Bélanger")], strengths=["SQL", "Python"]
    )
    assert type(interview.interviewers) is tuple
    assert interview.interviewers == (marie(), Contact("Dominique Bélanger"))
    assert type(interview.strengths) is tuple
    assert interview.strengths == ("SQL", "Python")
    from_dict = Interview.from_dict(valid_data())
    assert type(from_dict.interviewers) is tuple
    assert type(from_dict.strengths) is tuple


def test_the_input_list_can_change_afterwards_without_changing_the_interview() -> None:
    people = [marie()]
    strengths = ["SQL"]
    interview = make_interview(interviewers=people, strengths=strengths)
    people.append(Contact("Dominique Bélanger"))
    strengths.append("Python")
    assert interview.interviewers == (marie(),)
    assert interview.strengths == ("SQL",)


# --------------------------------------------------------- one error, every problem


def test_one_invalid_input_lists_every_problem_of_a_candidate() -> None:
    with pytest.raises(InvalidInput) as info:
        Candidate(name="", email="camille@", phone="pas de téléphone", gender="x", city="\n")
    assert pairs(info.value) == sorted(
        [
            ("name", REQUIRED_NOT_EMPTY),
            ("email", BAD_EMAIL + "There must be something after the @-sign."),
            ("phone", PHONE),
            ("gender", GENDER.format("x")),
            ("city", ONE_LINE),
        ]
    )
    assert str(info.value).startswith("Invalid input (5 problems):\n  - ")


def test_one_invalid_input_lists_every_problem_of_an_interview() -> None:
    with pytest.raises(InvalidInput) as info:
        loose_interview(
            candidate="Camille Roy",
            company=None,
            position="",
            held_at="2026-12-01",
            interviewers="Marie Tremblay",
            hiring_contact="Marie Tremblay",
            strengths="SQL",
            forgot_to_mention=5,
            locale="fr_LU",
        )
    assert pairs(info.value) == sorted(
        [
            ("candidate", "Expected a Candidate."),
            ("hiring_contact", "Expected a Contact, or None."),
            ("interviewers", "Expected a list of Contact."),
            ("company", REQUIRED),
            ("position", REQUIRED_NOT_EMPTY),
            ("forgot_to_mention", "Expected text, got int."),
            ("held_at", HELD_AT_FORMAT),
            ("strengths", NOT_A_LIST_OF_PHRASES),
            ("locale", LOCALE.format("fr_LU")),
        ]
    )


CONSTRUCTOR_CASES: list[tuple[str, Callable[[], object], Pairs]] = [
    ("name-empty", lambda: Candidate("", "c@example.com"), [("name", REQUIRED_NOT_EMPTY)]),
    ("name-blank", lambda: Candidate(" \u00a0 ", "c@example.com"), [("name", REQUIRED_NOT_EMPTY)]),
    ("name-none", lambda: loose_candidate(None, "c@example.com"), [("name", REQUIRED)]),
    (
        "name-int",
        lambda: loose_candidate(5, "c@example.com"),
        [("name", "Expected text, got int.")],
    ),
    (
        "email-bytes",
        lambda: loose_candidate("C", b"c@x.ca"),
        [("email", "Expected text, got bytes.")],
    ),
    ("email-none", lambda: loose_candidate("C", None), [("email", REQUIRED)]),
    (
        "gender-X",  # « F » and « M » are read as "f" and "m"; « X » says nothing clear
        lambda: loose_candidate("C", "c@x.ca", gender="X"),
        [("gender", GENDER.format("X"))],
    ),
    (
        "gender-int",
        lambda: loose_candidate("C", "c@x.ca", gender=1),
        [("gender", GENDER.format(1))],
    ),
    ("city-empty", lambda: Candidate("C", "c@example.com", city=""), [("city", LEAVE_OUT)]),
    ("contact-name-empty", lambda: Contact(""), [("name", REQUIRED_NOT_EMPTY)]),
    ("contact-name-list", lambda: loose_contact(["M"]), [("name", "Expected text, got list.")]),
    # « Mme », « M. », « madame » are read as Madame and Monsieur; these are not clear.
    ("civility-Mlle", lambda: loose_contact("M", "Mlle"), [("civility", CIVILITY.format("Mlle"))]),
    (
        "civility-Dr",
        lambda: loose_contact("M", "Dr"),
        [("civility", CIVILITY.format("Dr"))],
    ),
    ("surname-empty", lambda: Contact("M", surname=""), [("surname", LEAVE_OUT)]),
    ("contact-phone", lambda: Contact("M", phone="123"), [("phone", PHONE)]),
    ("no-interviewer", lambda: make_interview(interviewers=[]), [("interviewers", AT_LEAST_ONE)]),
    (
        "ten-interviewers",
        lambda: make_interview(interviewers=[Contact(f"Personne {i}") for i in range(10)]),
        [("interviewers", AT_MOST_9)],
    ),
    (
        "interviewer-not-contact",
        lambda: make_interview(interviewers=[marie(), "Dominique"]),
        [("interviewers[1]", "Expected a Contact.")],
    ),
    (
        "four-strengths",
        lambda: make_interview(strengths=["SQL", "Python", "R", "Excel"]),
        [("strengths", AT_MOST_3)],
    ),
    (
        "strength-not-text",
        lambda: make_interview(strengths=["SQL", 5]),
        [("strengths[1]", "Expected text, got int.")],
    ),
    (
        "strength-empty",
        lambda: make_interview(strengths=[" "]),
        [("strengths[0]", REQUIRED_NOT_EMPTY)],
    ),
    ("held_at-none", lambda: make_interview(held_at=None), [("held_at", HELD_AT_FORMAT)]),
    ("held_at-text", lambda: make_interview(held_at="2026-12-01"), [("held_at", HELD_AT_FORMAT)]),
    (
        "held_at-year-1999",
        lambda: make_interview(held_at=date(1999, 12, 31)),
        [("held_at", "The year 1999 is out of range (2000 to 2099).")],
    ),
    (
        "held_at-year-2100",
        lambda: make_interview(held_at=datetime(2100, 1, 1, 9, 0)),
        [("held_at", "The year 2100 is out of range (2000 to 2099).")],
    ),
    ("locale-fr_LU", lambda: make_interview(locale="fr_LU"), [("locale", LOCALE.format("fr_LU"))]),
    ("locale-none", lambda: make_interview(locale=None), [("locale", LOCALE.format(None))]),
    ("locale-int", lambda: make_interview(locale=5), [("locale", LOCALE.format(5))]),
    # An unhashable locale must be reported like any other, not raise TypeError.
    (
        "locale-list",
        lambda: make_interview(locale=["fr_CA"]),
        [("locale", LOCALE.format(["fr_CA"]))],
    ),
    (
        "forgot-empty",
        lambda: make_interview(forgot_to_mention=""),
        [("forgot_to_mention", LEAVE_OUT)],
    ),
]


@pytest.mark.parametrize(
    ("build", "expected"),
    [pytest.param(build, expected, id=name) for name, build, expected in CONSTRUCTOR_CASES],
)
def test_constructors_report_exact_problems(build: Callable[[], object], expected: Pairs) -> None:
    with pytest.raises(InvalidInput) as info:
        build()
    assert pairs(info.value) == sorted(expected)


FROM_DICT_CASES: list[tuple[str, dict[str, object], Pairs]] = [
    # Required fields, missing or empty.
    ("candidate-missing", {"candidate": DELETE}, [("candidate", REQUIRED)]),
    ("candidate-null", {"candidate": None}, [("candidate", REQUIRED)]),
    ("candidate-not-table", {"candidate": "Camille Roy"}, [("candidate", NOT_A_TABLE)]),
    ("candidate.name-missing", {"candidate.name": DELETE}, [("candidate.name", REQUIRED)]),
    (
        "candidate.name-empty",
        {"candidate.name": ""},
        [("candidate.name", REQUIRED_NOT_EMPTY)],
    ),
    (
        "candidate.name-blank",
        {"candidate.name": "   "},
        [("candidate.name", REQUIRED_NOT_EMPTY)],
    ),
    (
        "candidate.email-missing",
        {"candidate.email": DELETE},
        [("candidate.email", REQUIRED)],
    ),
    ("company-missing", {"company": DELETE}, [("company", REQUIRED)]),
    ("company-empty", {"company": ""}, [("company", REQUIRED_NOT_EMPTY)]),
    ("position-missing", {"position": DELETE}, [("position", REQUIRED)]),
    ("position-empty", {"position": " "}, [("position", REQUIRED_NOT_EMPTY)]),
    ("held_at-missing", {"held_at": DELETE}, [("held_at", REQUIRED)]),
    ("held_at-yesterday", {"held_at": "yesterday"}, [("held_at", HELD_AT_FORMAT)]),
    ("held_at-int", {"held_at": 20261201}, [("held_at", HELD_AT_FORMAT)]),
    ("held_at-bad-day", {"held_at": "2026-02-30"}, [("held_at", HELD_AT_FORMAT)]),
    (
        "held_at-1999",
        {"held_at": "1999-12-31"},
        [("held_at", "The year 1999 is out of range (2000 to 2099).")],
    ),
    (
        "interviewer-name-missing",
        {"interviewers[0].name": DELETE},
        [("interviewers[0].name", REQUIRED)],
    ),
    (
        "hiring_contact-name-empty",
        {"hiring_contact.name": ""},
        [("hiring_contact.name", REQUIRED_NOT_EMPTY)],
    ),
    (
        "hiring_contact-not-table",
        {"hiring_contact": ["Marie"]},
        [("hiring_contact", NOT_A_TABLE)],
    ),
    # Interviewers: none, too many, not a list, not people.
    ("interviewers-missing", {"interviewers": DELETE}, [("interviewers", AT_LEAST_ONE)]),
    ("interviewers-empty", {"interviewers": []}, [("interviewers", AT_LEAST_ONE)]),
    (
        "interviewers-table",
        {"interviewers": {"name": "Marie"}},
        [("interviewers", NOT_A_LIST_OF_PEOPLE)],
    ),
    (
        "interviewers-text",
        {"interviewers": "Marie Tremblay"},
        [("interviewers", NOT_A_LIST_OF_PEOPLE)],
    ),
    (
        "interviewers-ten",
        {"interviewers": [{"name": f"Personne {i}"} for i in range(10)]},
        [("interviewers", AT_MOST_9)],
    ),
    ("interviewer-text", {"interviewers[1]": "Dominique"}, [("interviewers[1]", NOT_A_TABLE)]),
    ("interviewer-null", {"interviewers[1]": None}, [("interviewers[1]", REQUIRED)]),
    # Strengths.
    (
        "strengths-four",
        {"strengths": ["SQL", "Python", "R", "Excel"]},
        [("strengths", AT_MOST_3)],
    ),
    ("strengths-text", {"strengths": "SQL"}, [("strengths", NOT_A_LIST_OF_PHRASES)]),
    ("strengths-null", {"strengths": None}, [("strengths", NOT_A_LIST_OF_PHRASES)]),
    ("strength-null", {"strengths[1]": None}, [("strengths[1]", REQUIRED)]),
    ("strength-empty", {"strengths[0]": ""}, [("strengths[0]", REQUIRED_NOT_EMPTY)]),
    # Choices.
    (
        "gender-unknown",
        {"candidate.gender": "femme"},
        [("candidate.gender", GENDER.format("femme"))],
    ),
    (
        "civility-unknown",
        {"interviewers[0].civility": "Mlle"},
        [("interviewers[0].civility", CIVILITY.format("Mlle"))],
    ),
    ("locale-unknown", {"locale": "fr_LU"}, [("locale", LOCALE.format("fr_LU"))]),
    ("locale-null", {"locale": None}, [("locale", LOCALE.format(None))]),
    # An unhashable locale (a JSON array or object) is an input problem like any other.
    ("locale-array", {"locale": ["fr_CA"]}, [("locale", LOCALE.format(["fr_CA"]))]),
    (
        "locale-object",
        {"locale": {"code": "fr_CA"}},
        [("locale", LOCALE.format({"code": "fr_CA"}))],
    ),
    # Phones and emails.
    ("candidate-phone", {"candidate.phone": "appelez-moi"}, [("candidate.phone", PHONE)]),
    (
        "candidate-phone-too-long",
        {"candidate.phone": "1" * 41},
        [("candidate.phone", "Too long: 41 characters, at most 40.")],
    ),
    (
        "contact-email",
        {"interviewers[1].email": "dominique@"},
        [("interviewers[1].email", BAD_EMAIL + "There must be something after the @-sign.")],
    ),
    # Unknown keys.
    (
        "candidate.nmae",
        {"candidate.name": DELETE, "candidate.nmae": "Camille Roy"},
        [("candidate.name", REQUIRED), ("candidate.nmae", CANDIDATE_FIELDS)],
    ),
    (
        "interviewer-mail",
        {"interviewers[0].mail": "m@example.com"},
        [("interviewers[0].mail", CONTACT_FIELDS)],
    ),
    (
        "hiring_contact-extra",
        {"hiring_contact.title": "DRH"},
        [("hiring_contact.title", CONTACT_FIELDS)],
    ),
    ("top-level-compagny", {"compagny": "Ubisoft"}, [("compagny", INTERVIEW_FIELDS)]),
    # Wrong types.
    (
        "candidate.name-int",
        {"candidate.name": 5},
        [("candidate.name", "Expected text, got int.")],
    ),
    ("company-bool", {"company": True}, [("company", "Expected text, got bool.")]),
    ("position-float", {"position": 1.5}, [("position", "Expected text, got float.")]),
    (
        "topic-list",
        {"interviewers[0].topic": ["SQL"]},
        [("interviewers[0].topic", "Expected text, got list.")],
    ),
    (
        "forgot-dict",
        {"forgot_to_mention": {}},
        [("forgot_to_mention", "Expected text, got dict.")],
    ),
    ("strength-int", {"strengths[0]": 3}, [("strengths[0]", "Expected text, got int.")]),
]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [pytest.param(changes, expected, id=name) for name, changes, expected in FROM_DICT_CASES],
)
def test_from_dict_reports_exact_problems(changes: dict[str, object], expected: Pairs) -> None:
    with pytest.raises(InvalidInput) as info:
        Interview.from_dict(changed(changes))
    assert pairs(info.value) == sorted(expected)


BAD_EMAILS = [
    ("camille@", "There must be something after the @-sign."),
    ("camille.roy.example.com", "An email address must have an @-sign."),
    ("@example.com", "There must be something before the @-sign."),
    ("camille@example", "The part after the @-sign is not valid. It should have a period."),
    ("camille..roy@example.com", "An email address cannot have two periods in a row."),
    (
        "camille roy@example.com",
        "The email address contains invalid characters before the @-sign: SPACE.",
    ),
    ("camille@[127.0.0.1]", "A bracketed IP address after the @-sign is not allowed here."),
    ('"camille"@example.com', "Quoting the part before the @-sign is not allowed here."),
    ("camille@@example.com", "The part after the @-sign contains invalid characters: '@'."),
]


@pytest.mark.parametrize(("address", "reason"), BAD_EMAILS)
def test_invalid_emails_are_reported_with_email_validators_sentence(
    address: str, reason: str
) -> None:
    with pytest.raises(InvalidInput) as info:
        Candidate("Camille Roy", address)
    assert pairs(info.value) == [("email", BAD_EMAIL + reason)]
    with pytest.raises(InvalidInput) as info:
        Interview.from_dict(changed({"interviewers[0].email": address}))
    assert pairs(info.value) == [("interviewers[0].email", BAD_EMAIL + reason)]


@pytest.mark.parametrize(
    ("given", "normalized"),
    [
        ("camille.roy@example.com", "camille.roy@example.com"),
        ("  camille.roy@example.com ", "camille.roy@example.com"),
        ("Camille.Roy@EXAMPLE.COM", "Camille.Roy@example.com"),
        ("camille+emplois@example.com", "camille+emplois@example.com"),
    ],
)
def test_valid_emails_are_normalized(given: str, normalized: str) -> None:
    assert Candidate("Camille Roy", given).email == normalized
    assert Contact("Marie Tremblay", email=given).email == normalized


class NetworkUsedError(Exception):
    """Raised by the stand-ins for the socket functions."""


def test_email_validation_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def no_network(name: str) -> Callable[..., Any]:
        def refuse(*args: object, **kwargs: object) -> Any:
            calls.append(name)
            raise NetworkUsedError(name)

        return refuse

    for name in ("getaddrinfo", "gethostbyname", "create_connection", "socket"):
        monkeypatch.setattr(socket, name, no_network(name))
    with pytest.raises(NetworkUsedError):
        socket.getaddrinfo("example.com", 25)
    calls.clear()

    # Addresses never seen in this process, so no cached result can answer for them.
    token = uuid.uuid4().hex
    address = f"camille.{token}@{token}-nowhere.com"
    assert Candidate("Camille Roy", address).email == address
    with pytest.raises(InvalidInput) as info:
        Candidate("Camille Roy", f"camille.{token}@")
    assert pairs(info.value) == [("email", BAD_EMAIL + "There must be something after the @-sign.")]
    interview = Interview.from_dict(changed({"interviewers[1].email": f"d.{token}@{token}.org"}))
    assert interview.interviewers[1].email == f"d.{token}@{token}.org"
    assert calls == []


# ------------------------------------------------------------------ header safety

SINGLE_LINE_FIELDS = [
    "candidate.name",
    "candidate.email",
    "candidate.phone",
    "candidate.city",
    "company",
    "position",
    "forgot_to_mention",
    "strengths[0]",
    "interviewers[0].name",
    "interviewers[0].email",
    "interviewers[0].role",
    "interviewers[0].topic",
    "interviewers[0].phone",
    "interviewers[1].surname",
    "hiring_contact.name",
]
LINE_BREAKERS = {
    "CR": "\r",
    "LF": "\n",
    "CRLF": "\r\n",
    "tab": "\t",
    "NUL": "\x00",
    "NEL": "\x85",
    "U+2028": "\u2028",
    "U+2029": "\u2029",
    "U+202E": "\u202e",
}


@pytest.mark.parametrize("char", LINE_BREAKERS.values(), ids=LINE_BREAKERS.keys())
@pytest.mark.parametrize("path", SINGLE_LINE_FIELDS)
def test_control_characters_in_a_single_line_field_are_refused(path: str, char: str) -> None:
    with pytest.raises(InvalidInput) as info:
        Interview.from_dict(changed({path: f"Marie{char}Bcc: intrus@example.com"}))
    assert pairs(info.value) == [(path, ONE_LINE)]


@pytest.mark.parametrize("char", LINE_BREAKERS.values(), ids=LINE_BREAKERS.keys())
def test_control_characters_are_refused_by_the_constructors_too(char: str) -> None:
    with pytest.raises(InvalidInput) as info:
        Contact(f"Marie{char}Tremblay", email=f"m{char}@example.com", topic=f"SQL{char}")
    assert pairs(info.value) == sorted(
        [("name", ONE_LINE), ("email", ONE_LINE), ("topic", ONE_LINE)]
    )


def test_lone_surrogates_from_json_are_refused_or_harmless(tmp_path: Path) -> None:
    """JSON's ``\\ud800`` escape decodes to a lone surrogate, which no email can carry."""
    data = valid_data()
    data["candidate"]["name"] = "Camille \ud800Roy"
    data["interviewers"][0]["topic"] = "la migration \udfff vers le nuage"
    path = tmp_path / "interview.json"
    path.write_text(json.dumps(data), encoding="ascii")
    assert "\\ud800" in path.read_text(encoding="ascii")
    loaded = outcome(lambda: Interview.load(path))
    if isinstance(loaded, InvalidInput):
        assert [p.field for p in loaded.problems] == ["candidate.name", "interviewers[0].topic"]
    else:
        for draft in thank_you_notes(loaded):
            draft.to_eml()  # must not raise UnicodeEncodeError


def parsed_back(draft: Draft) -> email.message.EmailMessage:
    """The draft's .eml bytes, parsed again as the recipient's mail client would."""
    raw = draft.to_eml(date=datetime(2026, 12, 2, 9, 0, tzinfo=UTC))
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, email.message.EmailMessage)
    return message


@pytest.mark.parametrize(
    "name",
    [
        "Roy, Camille",
        'Camille "Cam" Roy',
        "Camille <camille@evil.example>",
        "Camille (la meilleure) Roy",
        "Camille Roy, Bcc: intrus@evil.example",
        # RFC 2047 encoded words whose decoded text holds CR LF and a Bcc header.
        "=?utf-8?q?Camille=0D=0ABcc:_intrus@evil.example?=",
        "=?utf-8?b?Q2FtaWxsZQ0KQmNjOiBpbnRydXNAZXZpbC5leGFtcGxl?=",
    ],
)
def test_names_cannot_add_headers_to_the_sent_email(name: str) -> None:
    """Whatever a name holds, the .eml bytes parse back to the same headers, one line each."""
    built = outcome(
        lambda: make_interview(
            candidate=Candidate(name, "camille.roy@example.com"),
            interviewers=[Contact(name, email="marie.tremblay@example.com")],
        )
    )
    if isinstance(built, InvalidInput):  # refusing such a name is fine too
        assert {p.field for p in built.problems} <= {"name", "interviewers[0].name"}
        return
    [draft] = thank_you_notes(built)
    message = parsed_back(draft)
    assert list(message.keys()) == list(draft.to_message().keys())
    assert "Bcc" not in message
    for header in message:
        assert not re.search(r"[\r\n]", str(message[header])), header
    assert [a.addr_spec for a in message["From"].addresses] == ["camille.roy@example.com"]
    assert [a.addr_spec for a in message["To"].addresses] == ["marie.tremblay@example.com"]


@pytest.mark.parametrize(
    "address",
    [
        "camille.roy@example.com",
        "josé.roy@example.com",  # an internationalized local part
        "camille@exämple.com",  # an internationalized domain
        "camille@xn--exmple-cua.com",  # the same domain, as IDNA
    ],
)
def test_an_accepted_address_gives_a_sendable_email(address: str) -> None:
    """An address the model accepts must make a message that serializes, or be refused."""
    candidate = outcome(lambda: Candidate("Camille Roy", address))
    if isinstance(candidate, InvalidInput):
        assert [p.field for p in candidate.problems] == ["email"]
        assert candidate.problems[0].message.startswith(BAD_EMAIL)
        return
    interview = make_interview(
        candidate=candidate, interviewers=[Contact("Marie Tremblay", email=address)]
    )
    [draft] = thank_you_notes(interview)
    message = parsed_back(draft)
    assert len(message["From"].addresses) == 1
    assert len(message["To"].addresses) == 1
    assert message["To"].addresses[0].domain == message["From"].addresses[0].domain


# ------------------------------------------------------------------ lengths


LIMITS: list[tuple[str, int]] = [
    ("candidate.name", 100),
    ("candidate.city", 80),
    ("company", 100),
    ("position", 100),
    ("forgot_to_mention", 400),
    ("strengths[0]", 120),
    ("interviewers[0].name", 100),
    ("interviewers[0].role", 120),
    ("interviewers[0].topic", 150),
    ("interviewers[0].surname", 100),
    ("hiring_contact.name", 100),
]


@pytest.mark.parametrize(("path", "limit"), LIMITS)
def test_over_long_fields_are_refused(path: str, limit: int) -> None:
    with pytest.raises(InvalidInput) as info:
        Interview.from_dict(changed({path: "a" * (limit + 1)}))
    message = f"Too long: {limit + 1} characters, at most {limit}."
    assert pairs(info.value) == [(path, message)]


@pytest.mark.parametrize(("path", "limit"), LIMITS)
def test_fields_at_their_limit_are_accepted(path: str, limit: int) -> None:
    # Collapsed spaces do not count: the limit applies to the normalized text.
    text = "a" * (limit - 1) + ".   "
    interview = Interview.from_dict(changed({path: text}))
    target: Any = interview
    for key in data_path(path):
        target = target[key] if isinstance(key, int) else getattr(target, key)
    assert target == "a" * (limit - 1) + "."


def test_over_long_email_is_refused() -> None:
    address = "a" * 243 + "@example.com"  # 255 characters
    with pytest.raises(InvalidInput) as info:
        Candidate("Camille Roy", address)
    assert pairs(info.value) == [("email", "Too long: 255 characters, at most 254.")]


# ------------------------------------------------------------------ from_dict


def test_from_dict_builds_the_same_interview_as_the_constructor() -> None:
    assert Interview.from_dict(valid_data()) == expected_from_valid_data()


def test_from_dict_collects_problems_across_nested_objects_at_once() -> None:
    data = valid_data()
    data["candidate"]["email"] = "camille.roy.example.com"
    data["interviewers"][1]["name"] = ""
    data["interviewers"][0]["email"] = "marie@"
    data["locale"] = "fr_LU"
    del data["company"]
    with pytest.raises(InvalidInput) as info:
        Interview.from_dict(data)
    assert pairs(info.value) == sorted(
        [
            ("candidate.email", BAD_EMAIL + "An email address must have an @-sign."),
            ("interviewers[1].name", REQUIRED_NOT_EMPTY),
            ("interviewers[0].email", BAD_EMAIL + "There must be something after the @-sign."),
            ("locale", LOCALE.format("fr_LU")),
            ("company", REQUIRED),
        ]
    )
    message = str(info.value)
    assert message.startswith("Invalid input (5 problems):\n")
    assert "  - interviewers[1].name: This field is required and must not be empty." in message


def test_from_dict_reports_unknown_keys_with_the_other_problems() -> None:
    data = valid_data()
    data["candidate"]["nmae"] = data["candidate"].pop("name")
    data["interviewers"][0]["civilite"] = "Madame"
    data["date"] = "2026-12-01"
    with pytest.raises(InvalidInput) as info:
        Interview.from_dict(data)
    assert pairs(info.value) == sorted(
        [
            ("candidate.name", REQUIRED),
            ("candidate.nmae", CANDIDATE_FIELDS),
            ("interviewers[0].civilite", CONTACT_FIELDS),
            ("date", INTERVIEW_FIELDS),
        ]
    )


@pytest.mark.parametrize(
    ("held_at", "expected"),
    [
        ("2026-12-01", date(2026, 12, 1)),
        (" 2026-12-01 ", date(2026, 12, 1)),
        (
            "2026-12-01T14:30:00-05:00",
            datetime(2026, 12, 1, 14, 30, tzinfo=timezone(timedelta(hours=-5))),
        ),
        ("2026-12-01T14:30:00Z", datetime(2026, 12, 1, 14, 30, tzinfo=UTC)),
        ("2026-12-01T14:30", datetime(2026, 12, 1, 14, 30)),
        ("2026-12-01 14:30:00", datetime(2026, 12, 1, 14, 30)),
    ],
)
def test_from_dict_parses_iso_8601_moments(held_at: str, expected: date) -> None:
    interview = Interview.from_dict(changed({"held_at": held_at}))
    assert interview.held_at == expected
    assert type(interview.held_at) is type(expected)
    if isinstance(expected, datetime):
        assert interview.held_at.utcoffset() == expected.utcoffset()  # type: ignore[union-attr]
    assert interview.held_on == date(2026, 12, 1)


def test_from_dict_accepts_date_objects_as_given() -> None:
    moment = datetime(2026, 12, 1, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    interview = Interview.from_dict(changed({"held_at": moment}))
    assert interview.held_at is moment
    assert interview.held_on == date(2026, 12, 1)  # the interview's own day, not UTC's


@pytest.mark.parametrize("data", [[], "interview", 5, None, b"{}"], ids=repr)
def test_from_dict_refuses_what_is_not_a_mapping(data: object) -> None:
    with pytest.raises(InvalidInput) as info:
        Interview.from_dict(data)  # type: ignore[arg-type]  # the point of the test
    assert pairs(info.value) == [("", NOT_A_TABLE)]
    assert str(info.value) == "Invalid input: " + NOT_A_TABLE


def test_from_dict_does_not_change_its_input() -> None:
    data = valid_data()
    Interview.from_dict(data)
    assert data == valid_data()


# ------------------------------------------------------------------ load


TOML_TEXT = """\
company = "Ubisoft"
position = "analyste de données"
held_at = 2026-12-01
strengths = ["cinq ans d’expérience en analyse", "une solide maîtrise de SQL"]
forgot_to_mention = "Je parle aussi espagnol"
locale = "fr_CA"

[candidate]
name = "Camille Roy"
email = "camille.roy@example.com"
phone = "514 555-0199"
gender = "f"
city = "Montréal"

[[interviewers]]
name = "Marie Tremblay"
civility = "Madame"
email = "marie.tremblay@example.com"
role = "directrice des ressources humaines"
topic = "la migration vers le nuage"

[[interviewers]]
name = "Dominique Bélanger"
email = "dominique.belanger@example.com"

[hiring_contact]
name = "Marie Tremblay"
civility = "Madame"
phone = "514 555-0100"
"""


def test_load_toml_gives_the_same_interview_as_from_dict(tmp_path: Path) -> None:
    path = tmp_path / "interview.toml"
    path.write_text(TOML_TEXT, encoding="utf-8")
    loaded = Interview.load(path)
    assert loaded == Interview.from_dict(valid_data()) == expected_from_valid_data()
    assert Interview.load(str(path)) == loaded


def test_load_json_gives_the_same_interview_as_from_dict(tmp_path: Path) -> None:
    path = tmp_path / "interview.json"
    path.write_text(json.dumps(valid_data(), ensure_ascii=False), encoding="utf-8")
    assert Interview.load(path) == Interview.from_dict(valid_data())
    upper = tmp_path / "INTERVIEW.JSON"
    upper.write_text(json.dumps(valid_data()), encoding="utf-8")
    assert Interview.load(upper) == expected_from_valid_data()


@pytest.mark.parametrize(
    ("toml_value", "expected"),
    [
        ("2026-12-01", date(2026, 12, 1)),
        (
            "2026-12-01T14:30:00-05:00",
            datetime(2026, 12, 1, 14, 30, tzinfo=timezone(timedelta(hours=-5))),
        ),
        ("2026-12-01T14:30:00", datetime(2026, 12, 1, 14, 30)),
        ('"2026-12-01T14:30"', datetime(2026, 12, 1, 14, 30)),
    ],
)
def test_load_toml_native_datetimes(tmp_path: Path, toml_value: str, expected: date) -> None:
    path = tmp_path / "interview.toml"
    path.write_text(TOML_TEXT.replace("2026-12-01", toml_value, 1), encoding="utf-8")
    held_at = Interview.load(path).held_at
    assert held_at == expected
    assert type(held_at) is type(expected)
    if isinstance(expected, datetime):
        assert held_at.utcoffset() == expected.utcoffset()  # type: ignore[union-attr]


def test_load_toml_local_time_is_not_a_date(tmp_path: Path) -> None:
    path = tmp_path / "interview.toml"
    path.write_text(TOML_TEXT.replace("2026-12-01", "14:30:00", 1), encoding="utf-8")
    with pytest.raises(InvalidInput) as info:
        Interview.load(path)
    assert pairs(info.value) == [("held_at", HELD_AT_FORMAT)]


def test_load_reports_problems_in_the_data_by_field(tmp_path: Path) -> None:
    path = tmp_path / "interview.toml"
    path.write_text(TOML_TEXT.replace('"Ubisoft"', '""'), encoding="utf-8")
    with pytest.raises(InvalidInput) as info:
        Interview.load(path)
    assert pairs(info.value) == [("company", REQUIRED_NOT_EMPTY)]


def test_load_refuses_an_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "interview.yaml"
    path.write_text("company: Ubisoft\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as info:
        Interview.load(path)
    assert pairs(info.value) == [(str(path), "Give a .toml or a .json file.")]


def test_load_reports_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.toml"
    with pytest.raises(InvalidInput) as info:
        Interview.load(path)
    assert pairs(info.value) == [(str(path), "No such file.")]
    assert str(info.value) == f"Invalid input: {path}: No such file."


def test_load_reports_a_directory(tmp_path: Path) -> None:
    path = tmp_path / "folder.json"
    path.mkdir()
    with pytest.raises(InvalidInput) as info:
        Interview.load(path)
    assert pairs(info.value) == [(str(path), "Cannot read the file: Is a directory.")]


def test_load_reports_invalid_toml(tmp_path: Path) -> None:
    path = tmp_path / "interview.toml"
    path.write_text('company = "Ubisoft\n', encoding="utf-8")
    with pytest.raises(InvalidInput) as info:
        Interview.load(path)
    [problem] = info.value.problems
    assert problem.field == str(path)
    assert problem.message.startswith("This is not valid TOML: ")
    assert "(at line 1, column " in problem.message
    assert problem.message.endswith(").")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"company": }', "This is not valid JSON: Expecting value (line 1, column 13)."),
        ("", "This is not valid JSON: Expecting value (line 1, column 1)."),
        (
            '{"company": "Ubisoft",\n}',
            # Python 3.13 names the trailing comma (gh-113149); earlier ones did not.
            (
                "This is not valid JSON: Illegal trailing comma before end of object "
                "(line 1, column 22)."
                if sys.version_info >= (3, 13)
                else "This is not valid JSON: Expecting property name enclosed in double "
                "quotes (line 2, column 1)."
            ),
        ),
    ],
)
def test_load_reports_invalid_json(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "interview.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInput) as info:
        Interview.load(path)
    assert pairs(info.value) == [(str(path), message)]


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_load_reports_a_file_that_is_not_utf8(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"interview{suffix}"
    path.write_bytes('company = "Société Générale"\n'.encode("latin-1"))
    with pytest.raises(InvalidInput) as info:
        Interview.load(path)
    assert pairs(info.value) == [(str(path), "The file is not UTF-8 text.")]


@pytest.mark.parametrize("text", ["[1, 2]", '"interview"', "null"])
def test_load_refuses_json_that_is_not_an_object(tmp_path: Path, text: str) -> None:
    path = tmp_path / "interview.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInput) as info:
        Interview.load(path)
    assert pairs(info.value) == [("", NOT_A_TABLE)]


# ------------------------------------------------------------------ templates

JINJA = [
    "{{ 7*7 }}",
    "{% raw %}",
    "{# x #}",
    "{{ candidate.email }}",
    "{% if true %}ÉVALUÉ{% endif %}",
    "{{ range(3) | list }}",
]
INJECTABLE_FIELDS = [
    "company",
    "position",
    "interviewers[0].topic",
    "strengths[0]",
    "forgot_to_mention",
]


@pytest.mark.parametrize("payload", JINJA)
@pytest.mark.parametrize("path", INJECTABLE_FIELDS)
def test_jinja_syntax_in_values_comes_out_literally(path: str, payload: str) -> None:
    value = f"Ubisoft {payload} Montréal"
    interview = Interview.from_dict(changed({path: value}))
    note = thank_you_notes(interview)[0]
    assert value in note.body
    assert "49" not in note.body
    assert "camille.roy@example.com" not in note.body
    assert "ÉVALUÉ" not in note.body.replace(value, "")
    if path == "position":
        assert value in note.subject


# ------------------------------------------------------------------ names


@pytest.mark.parametrize(
    ("name", "surname", "expected"),
    [
        ("Marie Tremblay", None, "Tremblay"),
        ("Jean-Paul Le Gardeur", None, "Le Gardeur"),
        ("Jean de La Fontaine", None, "de La Fontaine"),
        ("Marie-Ève Saint-Laurent", None, "Saint-Laurent"),
        ("Ludwig van Beethoven", None, "van Beethoven"),
        ("Charles de Gaulle", None, "de Gaulle"),
        ("Dominique", None, "Dominique"),
        ("  Marie   Tremblay ", None, "Tremblay"),
        ("Marie Tremblay", "Tremblay-Roy", "Tremblay-Roy"),
        ("Jean de La Fontaine", "La Fontaine", "La Fontaine"),
        ("Dominique", "Bélanger", "Bélanger"),
    ],
)
def test_contact_family_name(name: str, surname: str | None, expected: str) -> None:
    assert Contact(name, "Monsieur", surname=surname).family_name == expected


def test_the_greeting_uses_the_family_name() -> None:
    interview = make_interview(
        interviewers=[Contact("Jean de La Fontaine", "Monsieur", "jean@example.com")]
    )
    [note] = thank_you_notes(interview)
    assert note.body.startswith("Bonjour Monsieur de La Fontaine,\n")


# ------------------------------------------------------------------ normalization


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Camille Roy", "Camille Roy"),
        ("  Camille Roy", "Camille Roy"),
        ("Camille Roy   ", "Camille Roy"),
        ("Camille    Roy", "Camille Roy"),
        ("  Camille \u00a0  Roy  ", "Camille Roy"),
        ("Camille\u2003Roy", "Camille Roy"),
    ],
)
def test_whitespace_is_collapsed(given: str, expected: str) -> None:
    assert Candidate(given, "camille.roy@example.com").name == expected
    assert Contact(given, role=given, topic=given).role == expected
    interview = make_interview(company=given, position=given, strengths=[given])
    assert (interview.company, interview.position, interview.strengths) == (
        expected,
        expected,
        (expected,),
    )


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Je parle aussi espagnol", "Je parle aussi espagnol."),
        ("Je parle aussi espagnol.", "Je parle aussi espagnol."),
        ("Je parle aussi espagnol !", "Je parle aussi espagnol !"),
        ("Vous ai-je dit que je parle espagnol ?", "Vous ai-je dit que je parle espagnol ?"),
        ("Je parle espagnol, anglais…", "Je parle espagnol, anglais…"),
        ("  Je parle   aussi espagnol  ", "Je parle aussi espagnol."),
    ],
)
def test_forgot_to_mention_ends_as_a_sentence(given: str, expected: str) -> None:
    assert make_interview(forgot_to_mention=given).forgot_to_mention == expected
    from_dict = Interview.from_dict(changed({"forgot_to_mention": given}))
    assert from_dict.forgot_to_mention == expected


def test_optional_fields_default_to_none_and_the_locale_to_fr_ca() -> None:
    candidate = Candidate("Camille Roy", "camille.roy@example.com")
    assert (candidate.phone, candidate.gender, candidate.city) == (None, None, None)
    contact = Contact("Marie Tremblay")
    assert (contact.civility, contact.email, contact.role, contact.topic, contact.surname) == (
        None,
        None,
        None,
        None,
        None,
    )
    interview = make_interview()
    assert interview.locale == "fr_CA"
    assert interview.strengths == ()
    assert interview.hiring_contact is None
    assert interview.main_contact == marie()


# ------------------------------------------------------------------ properties

ANY_VALUE = st.one_of(st.text(), st.none(), st.integers())
"""What a caller may pass for any field: any text (control characters included), None, ints."""

PRINTABLE = st.characters(categories=["L", "M", "N", "P", "S", "Zs"])
TEXTS = st.text(PRINTABLE, min_size=1, max_size=40)
"""Printable text: letters, marks, digits, punctuation, symbols and spaces of any script."""
NAMES = st.one_of(
    st.sampled_from(
        [
            "Camille Roy",
            "Jean de La Fontaine",
            "Ève",
            "Roy, Camille",
            'Camille "Cam" Roy',
            "Camille <camille@evil.example>",
            "=?utf-8?q?Camille=0D=0ABcc:_intrus@evil.example?=",
        ]
    ),
    TEXTS,
)
EMAILS = st.one_of(
    st.sampled_from(["camille.roy@example.com", "m.tremblay@example.org"]),
    st.emails(),
    st.builds(  # letters and digits from any script, before and after the @
        "{}@{}.{}".format,
        st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=8),
        st.text(st.characters(categories=["Ll", "Nd"]), min_size=1, max_size=8),
        st.sampled_from(["com", "ca", "org"]),
    ),
)
PHONES = st.sampled_from(["514 555-0199", "+33 1 23 45 67 89", "(514) 555-0100 poste 234"])
OFFSETS = st.builds(
    timezone, st.timedeltas(min_value=timedelta(hours=-23), max_value=timedelta(hours=23))
)
HELD_AT = st.one_of(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2110, 12, 31)),
    st.datetimes(
        min_value=datetime(1990, 1, 1),
        max_value=datetime(2110, 12, 31),
        timezones=st.none() | OFFSETS,
    ),
)
CANDIDATE_FIELDS_VALID = {
    "name": NAMES,
    "email": EMAILS,
    "phone": st.none() | PHONES,
    "gender": st.sampled_from([None, "f", "m"]),
    "city": st.none() | TEXTS,
}
CONTACT_FIELDS_VALID = {
    "name": NAMES,
    "civility": st.sampled_from([None, "Madame", "Monsieur"]),
    "email": st.none() | EMAILS,
    "role": st.none() | TEXTS,
    "phone": st.none() | PHONES,
    "topic": st.none() | TEXTS,
    "surname": st.none() | TEXTS,
}
INTERVIEW_FIELDS_VALID = {
    "company": st.sampled_from(["Ubisoft", "Le Devoir", "Hachette", "L'Oréal"]) | TEXTS,
    "position": st.sampled_from(["analyste", "éditeur Web"]) | TEXTS,
    "held_at": HELD_AT,
    "strengths": st.lists(TEXTS, max_size=3),
    "forgot_to_mention": st.none() | st.text(PRINTABLE, min_size=1, max_size=400),
    "locale": st.just("fr_CA"),
}
CORRUPTIBLE = [
    *(f"candidate.{name}" for name in CANDIDATE_FIELDS_VALID),
    *(f"contact.{name}" for name in CONTACT_FIELDS_VALID),
    *INTERVIEW_FIELDS_VALID,
]


@st.composite
def interview_kwargs(
    draw: st.DrawFn,
) -> tuple[dict[str, Any], list[dict[str, Any]], dict[str, Any] | None, dict[str, Any]]:
    """Keyword arguments for a candidate, contacts, a hiring contact and an interview.

    A few fields (often none, so that interviews build) get any value at all instead.
    """
    corrupt = draw(st.sets(st.sampled_from(CORRUPTIBLE), max_size=3))

    def value(key: str, valid: st.SearchStrategy[Any]) -> Any:
        return draw(ANY_VALUE if key in corrupt else valid)

    def contact() -> dict[str, Any]:
        return {name: value(f"contact.{name}", s) for name, s in CONTACT_FIELDS_VALID.items()}

    candidate = {name: value(f"candidate.{name}", s) for name, s in CANDIDATE_FIELDS_VALID.items()}
    contacts = [contact() for _ in range(draw(st.integers(1, 3)))]
    hiring_contact = contact() if draw(st.booleans()) else None
    interview = {name: value(name, s) for name, s in INTERVIEW_FIELDS_VALID.items()}
    if "strengths" in corrupt and draw(st.booleans()):
        interview["strengths"] = draw(st.lists(ANY_VALUE, max_size=5))
    return candidate, contacts, hiring_contact, interview


KNOWN_FIELD = re.compile(
    r"(candidate|hiring_contact|interviewers\[\d\])(\.\w+)?"
    r"|company|position|held_at|interviewers|strengths(\[\d\])?|forgot_to_mention|locale"
    r"|name|email|phone|gender|city|civility|role|topic|surname"
)


def assert_well_formed(err: InvalidInput, *, known_fields: bool = True) -> None:
    """Each problem has a path and a sentence: a capital first, a period last."""
    assert err.problems
    for problem in err.problems:
        assert isinstance(problem, Problem)
        assert problem.message[:1].isupper(), problem
        assert problem.message.endswith("."), problem
        if known_fields:
            assert KNOWN_FIELD.fullmatch(problem.field), problem


def check_drafts(interview: Interview) -> None:
    """The notes build; each sendable one has one From, one To, and one-line headers."""
    notes = thank_you_notes(interview)
    assert len(notes) == len(interview.interviewers)
    for draft, contact in zip(notes, interview.interviewers, strict=True):
        if not draft.to:
            assert contact.email is None
            with pytest.raises(MissingRecipient):
                draft.to_message()
            continue
        message = draft.to_message()
        for header in message:
            value = str(message[header])
            assert "\r" not in value, (header, value)
            assert "\n" not in value, (header, value)
        assert [a.addr_spec for a in message["From"].addresses] == [interview.candidate.email]
        assert [a.addr_spec for a in message["To"].addresses] == [contact.email]
        assert len(message.get_all("From") or []) == 1
        assert len(message.get_all("To") or []) == 1
        # What the recipient's client reads back from the bytes: the same headers, one line each.
        received = parsed_back(draft)
        assert list(received.keys()) == list(message.keys())
        for header in received:
            assert not re.search(r"[\r\n]", str(received[header])), header


PROPERTY_SETTINGS = settings(
    max_examples=200,
    deadline=None,
    database=None,  # no .hypothesis/ directory in the checkout
    phases=[Phase.explicit, Phase.generate, Phase.shrink],  # no slow "explain" phase
)


@PROPERTY_SETTINGS
@given(kwargs=interview_kwargs())
def test_any_field_values_build_or_raise_invalid_input(
    kwargs: tuple[dict[str, Any], list[dict[str, Any]], dict[str, Any] | None, dict[str, Any]],
) -> None:
    candidate_kwargs, contacts_kwargs, hiring_kwargs, interview_kwargs = kwargs
    candidate = outcome(lambda: Candidate(**candidate_kwargs))
    contacts = [outcome(lambda kw=kw: Contact(**kw)) for kw in contacts_kwargs]
    hiring_contact = None if hiring_kwargs is None else outcome(lambda: Contact(**hiring_kwargs))
    errors = [
        obj for obj in (candidate, *contacts, hiring_contact) if isinstance(obj, InvalidInput)
    ]
    for err in errors:
        assert_well_formed(err)
    if errors:
        return
    built = outcome(
        lambda: Interview(
            candidate=candidate,
            interviewers=contacts,
            hiring_contact=hiring_contact,
            **interview_kwargs,
        )
    )
    if isinstance(built, InvalidInput):
        assert_well_formed(built)
    else:
        event("built an interview")
        check_drafts(built)


JSON_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20)
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
INTERVIEW_KEYS = [f.name for f in fields(Interview)]


@PROPERTY_SETTINGS
@given(data=st.one_of(JSON_VALUES, st.dictionaries(st.sampled_from(INTERVIEW_KEYS), JSON_VALUES)))
def test_from_dict_of_any_json_builds_or_raises_invalid_input(data: Any) -> None:
    built = outcome(lambda: Interview.from_dict(data))
    if isinstance(built, InvalidInput):
        assert_well_formed(built, known_fields=False)
    else:
        check_drafts(built)


def json_paths(data: Any, prefix: DataPath = ()) -> Iterator[DataPath]:
    """Every path into nested dicts and lists, the root excluded."""
    items = data.items() if isinstance(data, dict) else enumerate(data)
    for key, value in items:
        yield (*prefix, key)
        if isinstance(value, dict | list):
            yield from json_paths(value, (*prefix, key))


VALID_PATHS = list(json_paths(valid_data()))


@PROPERTY_SETTINGS
@given(
    changes=st.lists(
        st.tuples(st.sampled_from(VALID_PATHS), st.one_of(JSON_VALUES, st.just(DELETE))),
        max_size=4,
    )
)
def test_from_dict_with_any_field_replaced_builds_or_raises_invalid_input(
    changes: list[tuple[DataPath, object]],
) -> None:
    data = valid_data()
    for path, value in changes:
        target: Any = data
        try:
            for key in path[:-1]:
                target = target[key]
            if value is DELETE:
                del target[path[-1]]
            else:
                target[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed or replaced the parent
    built = outcome(lambda: Interview.from_dict(data))
    if isinstance(built, InvalidInput):
        assert_well_formed(built, known_fields=False)
    else:
        event("built an interview")
        check_drafts(built)
