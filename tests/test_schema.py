"""The JSON Schemas: shipped, current, and in agreement with from_dict.

Covers: each schema is a valid draft 2020-12 schema, shipped in the installed package
and equal to what docs/generate_schemas.py writes; the ``as_dict()`` of every result
of every golden scenario validates, and so does any valid interview (hypothesis);
documents that relance refuses are refused by the schema too; ``relance schema``.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import sys
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from jsonschema import Draft202012Validator, FormatChecker

from relance import (
    Draft,
    FollowUp,
    Interview,
    InvalidInput,
    Plan,
    RejectionReply,
    Script,
    Step,
    follow_up,
    plan,
    rejection_reply,
    schema,
    thank_you_notes,
)
from relance._schema import SCHEMAS
from relance.cli import example_rejection, main
from test_roundtrip import INTERVIEWS, results

from scenarios import SCENARIOS
from strategies import INTERVIEW

DOCS = Path(__file__).parent.parent / "docs"
NAMES = {
    Interview: "interview",
    Draft: "draft",
    Script: "script",
    FollowUp: "follow_up",
    RejectionReply: "rejection_reply",
    Plan: "plan",
    Step: "step",
}


def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(schema(name), format_checker=FormatChecker())


def errors(name: str, document: object) -> list[str]:
    return [error.message for error in validator(name).iter_errors(document)]


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_schemas", DOCS / "generate_schemas.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


# ------------------------------------------------------------------ The files


def test_the_package_ships_one_file_per_schema_and_the_french_catalogue() -> None:
    package = files("relance")
    shipped = sorted(item.name for item in package.joinpath("schemas").iterdir())
    assert shipped == [f"{name}.json" for name in SCHEMAS]
    assert package.joinpath("locale/fr/LC_MESSAGES/relance.mo").is_file()


def test_the_schema_files_are_what_the_generator_writes() -> None:
    written = generator().files()
    assert sorted(path.name for path in written) == [f"{name}.json" for name in SCHEMAS]
    for path, text in written.items():
        assert path.read_text(encoding="utf-8") == text, (
            f"{path.name} is out of date: run python docs/generate_schemas.py"
        )
        name = path.stem
        assert schema(name) == json.loads(text)


@pytest.mark.parametrize("name", SCHEMAS)
def test_each_schema_is_a_valid_draft_2020_12_schema_that_stands_alone(name: str) -> None:
    document = schema(name)
    Draft202012Validator.check_schema(document)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    refs = json.dumps(document).split('"$ref": "')[1:]
    assert all(ref.startswith("#/$defs/") for ref in refs)


def test_schema_returns_a_new_dict_each_time() -> None:
    first = schema("draft")
    first["$defs"].clear()
    assert schema("draft")["$defs"]


def test_an_unknown_schema_is_an_invalid_input() -> None:
    with pytest.raises(InvalidInput) as caught:
        schema("email")
    [problem] = caught.value.problems
    assert (problem.field, problem.code) == ("name", "schema.unknown")
    assert problem.message == (
        "Unknown schema 'email'; use one of 'draft', 'follow_up', 'interview', 'plan', "
        "'rejection_reply', 'script', 'step'."
    )


# --------------------------------------------------------- Valid documents pass


@pytest.mark.parametrize("name", INTERVIEWS)
def test_every_result_of_every_scenario_validates_against_its_schema(name: str) -> None:
    seen = set()
    for value in results(INTERVIEWS[name]):
        kind = type(value)
        if kind not in NAMES:  # Candidate and Contact live inside the interview schema
            continue
        seen.add(kind)
        document = json.loads(json.dumps(value.as_dict()))  # type: ignore[attr-defined]
        assert errors(NAMES[kind], document) == []
    assert seen == set(NAMES)


@settings(max_examples=40, deadline=None, derandomize=True, database=None)
@given(interview=INTERVIEW)
def test_any_valid_interview_validates_against_the_interview_schema(
    interview: Interview,
) -> None:
    assert errors("interview", json.loads(json.dumps(interview.as_dict()))) == []


def test_an_interview_with_only_its_required_fields_validates() -> None:
    document = {
        "candidate": {"name": "Camille Roy", "email": "camille.roy@example.com"},
        "company": "Ubisoft",
        "position": "analyste de données",
        "held_at": "2026-12-01T14:30",
        "interviewers": [{"name": "Marie Tremblay"}],
    }
    assert errors("interview", document) == []
    Interview.from_dict(document)


# ----------------------------------------- Invalid documents fail, in both places


def interview_data() -> dict[str, Any]:
    data: dict[str, Any] = SCENARIOS[0].interview.as_dict()
    return data


def draft_data() -> dict[str, Any]:
    data: dict[str, Any] = thank_you_notes(SCENARIOS[0].interview)[0].as_dict()
    return data


def plan_data() -> dict[str, Any]:
    data: dict[str, Any] = plan(SCENARIOS[0].interview).as_dict()
    return data


def follow_up_data() -> dict[str, Any]:
    data: dict[str, Any] = follow_up(SCENARIOS[0].interview).as_dict()
    return data


def rejection_data() -> dict[str, Any]:
    reply = rejection_reply(SCENARIOS[0].interview, rejection=example_rejection())
    data: dict[str, Any] = reply.as_dict()
    return data


Change = Callable[[dict[str, Any]], object]

INVALID: list[tuple[str, Callable[[], dict[str, Any]], Change]] = [
    ("interview", interview_data, lambda d: d.pop("company")),
    ("interview", interview_data, lambda d: d.update(company="   ")),
    ("interview", interview_data, lambda d: d.update(company="Ubi\nsoft")),
    ("interview", interview_data, lambda d: d.update(company="=?utf-8?q?Ubisoft?=")),
    ("interview", interview_data, lambda d: d.update(position="x" * 101)),
    ("interview", interview_data, lambda d: d.update(held_at="1er décembre")),
    ("interview", interview_data, lambda d: d.update(interviewers=[])),
    ("interview", interview_data, lambda d: d.update(strengths=["a", "b", "c", "d"])),
    ("interview", interview_data, lambda d: d.update(locale="fr_LU")),
    ("interview", interview_data, lambda d: d.update(tone="casual")),
    ("interview", interview_data, lambda d: d.update(salary=90000)),
    ("interview", interview_data, lambda d: d["candidate"].update(gender="x")),
    ("interview", interview_data, lambda d: d["candidate"].update(phone="appelez-moi")),
    ("interview", interview_data, lambda d: d["candidate"].pop("email")),
    ("interview", interview_data, lambda d: d["interviewers"][0].update(civility="Mlle")),
    ("draft", draft_data, lambda d: d.update(send_on="2026-12-02T09:00:00")),
    ("draft", draft_data, lambda d: d.update(send_on=20261202)),
    ("draft", draft_data, lambda d: d.pop("send_on")),
    ("draft", draft_data, lambda d: d.update(subject="Merci\r\nBcc: x@example.org")),
    ("draft", draft_data, lambda d: d.update(to="=?utf-8?b?QmNjOg==?= <x@example.org>")),
    ("draft", draft_data, lambda d: d.update(locale="fr")),
    ("draft", draft_data, lambda d: d.update(references=["<a@b>", None])),
    ("draft", draft_data, lambda d: d.update(body="")),
    ("draft", draft_data, lambda d: d.update(sent=True)),
    ("plan", plan_data, lambda d: d["steps"][0].update(channel="pigeon")),
    ("plan", plan_data, lambda d: d["steps"][0].update(on="demain")),
    ("plan", plan_data, lambda d: d["steps"][3]["draft"].update(words=-1)),
    ("plan", plan_data, lambda d: d["steps"][3]["draft"].update(kind="song")),
    ("plan", plan_data, lambda d: d["steps"][5]["draft"].update(subject="")),
    ("plan", plan_data, lambda d: d["steps"][6]["contact"].update(name="")),
    ("plan", plan_data, lambda d: d.pop("steps")),
    ("follow_up", follow_up_data, lambda d: d.pop("voicemail")),
    ("follow_up", follow_up_data, lambda d: d["call"].update(seconds="30")),
    ("rejection_reply", rejection_data, lambda d: d["note"].update(text=" ")),
    ("rejection_reply", rejection_data, lambda d: d["email"].update(in_reply_to="<a@b>\n")),
]
CLASSES = {name: cls for cls, name in NAMES.items()}


@pytest.mark.parametrize(("name", "valid", "change"), INVALID)
def test_a_document_relance_refuses_is_refused_by_the_schema(
    name: str, valid: Callable[[], dict[str, Any]], change: Change
) -> None:
    document = copy.deepcopy(valid())
    assert errors(name, document) == []
    change(document)
    assert errors(name, document) != []
    with pytest.raises(InvalidInput):
        CLASSES[name].from_dict(document)  # type: ignore[attr-defined]


# --------------------------------------------------------------- The command


@pytest.mark.parametrize("name", SCHEMAS)
def test_relance_schema_prints_the_shipped_schema(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["schema", name]) == 0
    out = capsys.readouterr().out
    assert out == files("relance").joinpath(f"schemas/{name}.json").read_text(encoding="utf-8")


def test_relance_schema_refuses_an_unknown_name(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["schema", "email"])
    assert caught.value.code == 2
    assert "invalid choice: 'email'" in capsys.readouterr().err
