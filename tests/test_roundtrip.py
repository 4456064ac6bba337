"""Drafts stored as JSON come back whole, or as one InvalidInput naming every field.

Covers: ``X.from_dict(json.loads(json.dumps(x.as_dict()))) == x`` for every input and
result of every golden scenario, in every region and register, and for interviews
nobody thought of (hypothesis); the exact problems, with their paths and codes, of
data that is not what ``as_dict`` writes; and steps stored before ``contact`` existed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from relance import (
    Candidate,
    Contact,
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
    thank_you_notes,
)
from relance.cli import example_interview, example_rejection

from scenarios import LOCALES, REGION_SCENARIOS, SCENARIOS, TONES, localized
from strategies import INTERVIEW


def through_json(value: Any) -> Any:
    return json.loads(json.dumps(value.as_dict(), ensure_ascii=False))


def interviews() -> Iterator[tuple[str, Interview]]:
    """The interviews behind the golden files, and the built-in example."""
    for scenario in SCENARIOS:
        yield scenario.name, scenario.interview
    for locale in LOCALES:
        for tone in TONES:
            for scenario in REGION_SCENARIOS:
                yield (
                    f"{locale}-{tone}-{scenario.name}",
                    localized(scenario, locale, tone).interview,
                )
    yield "example", example_interview()


def results(interview: Interview) -> Iterator[object]:
    """Everything relance drafts for one interview, the HTML parts included."""
    yield interview
    yield interview.candidate
    yield from interview.interviewers
    yield from thank_you_notes(interview, html=True)
    later = follow_up(interview)
    yield later
    yield later.call
    yield later.voicemail
    yield rejection_reply(interview, received_on=interview.held_on + timedelta(days=14))
    # The sample rejection, as if it had arrived two weeks after this interview.
    yield rejection_reply(
        interview,
        rejection=example_rejection(),
        received_on=interview.held_on + timedelta(days=14),
        html=True,
    )
    steps = plan(interview)
    yield steps
    yield from steps


INTERVIEWS = dict(interviews())


@pytest.mark.parametrize("name", INTERVIEWS)
def test_every_result_of_every_scenario_comes_back_from_json_equal(name: str) -> None:
    count = 0
    for value in results(INTERVIEWS[name]):
        again = type(value).from_dict(through_json(value))  # type: ignore[attr-defined]
        assert again == value
        assert again.as_dict() == value.as_dict()  # type: ignore[attr-defined]
        count += 1
    assert count >= 9


def test_interview_as_dict_is_exactly_what_from_dict_reads() -> None:
    interview = SCENARIOS[0].interview
    data = interview.as_dict()
    assert data["held_at"] == "2026-12-01T14:30:00-05:00"
    assert list(data) == [
        "candidate",
        "company",
        "position",
        "held_at",
        "interviewers",
        "hiring_contact",
        "strengths",
        "forgot_to_mention",
        "locale",
        "tone",
        "region",
        "company_article",
    ]
    assert data["interviewers"][1] == {
        "name": "Dominique Bélanger",
        "civility": None,
        "email": "dominique.belanger@ubisoft.example",
        "role": "chef d'équipe",
        "phone": None,
        "topic": "les tableaux de bord de l'équipe de production",
        "surname": None,
    }
    again = Interview.from_dict(json.loads(json.dumps(data)))
    assert again == interview
    assert again.held_on == interview.held_on


def test_a_step_keeps_the_name_under_to_and_the_whole_contact_under_contact() -> None:
    step = plan(SCENARIOS[0].interview).steps[0]
    data = step.as_dict()
    assert data["to"] == "Marie Tremblay"
    assert data["contact"] == step.to.as_dict()  # type: ignore[union-attr]
    assert list(data) == ["on", "action", "channel", "to", "contact", "detail", "draft"]


def test_a_step_stored_before_contact_existed_comes_back_with_the_name_alone() -> None:
    step = plan(SCENARIOS[0].interview).steps[1]
    data = through_json(step)
    del data["contact"]
    again = Step.from_dict(data)
    assert again.to == Contact(step.to.name)  # type: ignore[union-attr]
    assert again.draft == step.draft


# ------------------------------------------------------------------- Hypothesis

PROPERTY = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@PROPERTY
@given(interview=INTERVIEW)
def test_any_valid_interview_comes_back_from_json_equal(interview: Interview) -> None:
    assert Interview.from_dict(through_json(interview)) == interview


@settings(PROPERTY, max_examples=15)
@given(interview=INTERVIEW)
def test_the_drafts_of_any_valid_interview_come_back_from_json_equal(
    interview: Interview,
) -> None:
    for value in [*thank_you_notes(interview), follow_up(interview), plan(interview)]:
        assert type(value).from_dict(through_json(value)) == value


# ------------------------------------------------------- Data that is not valid


def draft_data(**changes: Any) -> dict[str, Any]:
    data = through_json(thank_you_notes(SCENARIOS[0].interview)[0])
    data.update(changes)
    return {key: value for key, value in data.items() if value is not ...}


Expected = list[tuple[str, str]]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"send_on": "le 2 décembre"}, [("send_on", "date.invalid")]),
        ({"send_on": "2026-12-02T09:00"}, [("send_on", "date.invalid")]),
        ({"send_on": 20261202}, [("send_on", "type.date")]),
        ({"send_on": ...}, [("send_on", "field.required")]),
        ({"send_on": None}, [("send_on", "field.required")]),
        ({"subject": "Merci\nBcc: x@y.z"}, [("subject", "header.forbidden")]),
        ({"subject": "=?utf-8?q?x?="}, [("subject", "header.encoded_word")]),
        ({"subject": " "}, [("subject", "field.empty")]),
        ({"body": ["Bonjour"]}, [("body", "type.text")]),
        ({"locale": "fr_LU"}, [("locale", "locale.unknown")]),
        ({"references": "<a@b>"}, [("references", "type.list")]),
        ({"references": ["<a@b>", 3]}, [("references[1]", "type.text")]),
        ({"sent": True}, [("sent", "field.unknown")]),
    ],
    ids=lambda value: "-".join(map(str, value)) if isinstance(value, dict) else "",
)
def test_invalid_draft_data_is_reported_field_by_field(
    changes: dict[str, Any], expected: Expected
) -> None:
    with pytest.raises(InvalidInput) as caught:
        Draft.from_dict(draft_data(**changes))
    assert [(p.field, p.code) for p in caught.value.problems] == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            {"kind": "song", "text": "la", "words": -1, "seconds": "2"},
            [("kind", "choice.unknown"), ("words", "number.negative"), ("seconds", "type.number")],
        ),
        (
            {"kind": "call", "text": "Allô", "words": True, "seconds": 1},
            [("words", "type.integer")],
        ),
        (
            {"kind": "note", "text": "Merci", "words": 1, "seconds": -0.5},
            [("seconds", "number.negative")],
        ),
        (
            {"kind": "note", "text": "Merci"},
            [("words", "field.required"), ("seconds", "field.required")],
        ),
        (["not", "a", "table"], [("", "type.table")]),
    ],
)
def test_invalid_script_data_is_reported_field_by_field(data: Any, expected: Expected) -> None:
    with pytest.raises(InvalidInput) as caught:
        Script.from_dict(data)
    assert [(p.field, p.code) for p in caught.value.problems] == expected


def test_a_nested_problem_is_reported_with_its_whole_path() -> None:
    data = through_json(plan(SCENARIOS[0].interview))
    data["steps"][0]["draft"]["send_on"] = "2026-12-32"
    data["steps"][3]["draft"]["words"] = "douze"
    data["steps"][5]["draft"]["subject"] = "Suivi\r\nBcc: x@y.z"
    data["steps"][6]["channel"] = "pigeon"
    data["steps"][6]["contact"]["email"] = "marie@"
    with pytest.raises(InvalidInput) as caught:
        Plan.from_dict(data)
    assert [(p.field, p.code) for p in caught.value.problems] == [
        ("steps[0].draft.send_on", "date.invalid"),
        ("steps[3].draft.words", "type.integer"),
        ("steps[5].draft.subject", "header.forbidden"),
        ("steps[6].contact.email", "email.invalid"),
        ("steps[6].channel", "choice.unknown"),
    ]


def test_the_results_report_their_nested_problems_with_their_paths() -> None:
    later = through_json(follow_up(SCENARIOS[0].interview))
    del later["voicemail"]
    later["email"]["to"] = None
    with pytest.raises(InvalidInput) as caught:
        FollowUp.from_dict(later)
    assert [(p.field, p.code) for p in caught.value.problems] == [
        ("email.to", "field.required"),
        ("voicemail", "field.required"),
    ]
    reply = through_json(rejection_reply(SCENARIOS[0].interview, rejection=example_rejection()))
    reply["note"]["text"] = ""
    reply["email"]["in_reply_to"] = "<a@b>\n"
    with pytest.raises(InvalidInput) as caught:
        RejectionReply.from_dict(reply)
    assert [(p.field, p.code) for p in caught.value.problems] == [
        ("email.in_reply_to", "header.forbidden"),
        ("note.text", "field.empty"),
    ]


def test_a_step_whose_name_and_contact_disagree_is_refused() -> None:
    data = through_json(plan(SCENARIOS[0].interview).steps[0])
    data["to"] = "Dominique Bélanger"
    with pytest.raises(InvalidInput) as caught:
        Step.from_dict(data)
    [problem] = caught.value.problems
    assert (problem.field, problem.code) == ("to", "contact.name_mismatch")
    assert problem.message == "This name is not the contact's (Marie Tremblay)."


@pytest.mark.parametrize("cls", [Candidate, Contact])
def test_people_read_from_data_report_every_problem(cls: Any) -> None:
    with pytest.raises(InvalidInput) as caught:
        cls.from_dict({"name": "", "email": "x@", "nickname": "Cam"})
    found = [(p.field, p.code) for p in caught.value.problems]
    assert found == [
        ("nickname", "field.unknown"),
        ("name", "field.empty"),
        ("email", "email.invalid"),
    ]
    with pytest.raises(InvalidInput) as caught:
        cls.from_dict("Camille Roy")
    assert [(p.field, p.code) for p in caught.value.problems] == [("", "type.table")]
