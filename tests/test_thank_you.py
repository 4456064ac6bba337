"""What a thank-you note says, to whom, and when."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date, datetime

import pytest

from relance import Candidate, Contact, Interview, InvalidInput, thank_you_notes

from scenarios import SCENARIOS

EVERY_FIELD = SCENARIOS[0].interview


def words(text: str) -> int:
    return len(text.split())


def test_one_note_per_interviewer_in_order() -> None:
    notes = thank_you_notes(EVERY_FIELD)
    assert [n.to for n in notes] == [
        "Marie Tremblay <marie.tremblay@ubisoft.example>",
        "Dominique Bélanger <dominique.belanger@ubisoft.example>",
        "Jean-Paul Le Gardeur <jp.legardeur@ubisoft.example>",
    ]
    assert [n.body.splitlines()[0] for n in notes] == [
        "Bonjour Madame Tremblay,",
        "Bonjour Dominique Bélanger,",
        "Bonjour Monsieur Le Gardeur,",
    ]
    assert {(n.kind, n.locale, n.sender) for n in notes} == {
        ("thank_you", "fr_CA", "Camille Roy <camille.roy@example.com>")
    }
    assert {(n.in_reply_to, n.references) for n in notes} == {(None, ())}


def test_a_recipient_without_address_gets_an_empty_to() -> None:
    interview = replace(EVERY_FIELD, interviewers=[Contact("Olivier Martin", "Monsieur")])
    [note] = thank_you_notes(interview)
    assert note.to == ""


@pytest.mark.parametrize("gender", ["f", "m", None])
def test_every_part_is_there_and_brief(gender: str | None) -> None:
    interview = replace(EVERY_FIELD, candidate=replace(EVERY_FIELD.candidate, gender=gender))
    for note, contact in zip(thank_you_notes(interview), interview.interviewers, strict=True):
        body = note.body
        assert words(body) <= 160, body
        assert re.search(r"\bremercie|\bMerci\b", body)
        if contact.topic:
            assert contact.topic.replace("'", "’") in body or "au sujet des" in body
        assert "cinq ans d’expérience en analyse de données, une solide maîtrise de SQL " in body
        # The second item holds « et »: the last one comes after « ainsi que ».
        assert " ainsi que l’habitude de vulgariser des résultats complexes." in body
        assert ". J’ai aussi dirigé la refonte du tableau de bord des ventes" in body
        assert "d’Ubisoft" in body or "votre équipe" in body
        assert body.endswith("\n\nCamille Roy\n514\u00a0555-0199")  # never broken


def test_agreement_follows_the_gender_and_none_needs_no_agreement() -> None:
    def body(gender: str | None) -> str:
        candidate = replace(EVERY_FIELD.candidate, gender=gender)
        return thank_you_notes(replace(EVERY_FIELD, candidate=candidate))[0].body

    assert "Je suis convaincue" in body("f")
    assert "très intéressée" in body("f")
    assert "Je suis convaincu " in body("m")
    assert "très intéressé " in body("m")
    neutral = body(None)
    for marker in ("(e)", "·", "intéressé", "convaincu", "ravi"):
        assert marker not in neutral


def test_closing_repeats_the_civility_of_the_greeting_exactly() -> None:
    for note, contact in zip(thank_you_notes(EVERY_FIELD), EVERY_FIELD.interviewers, strict=True):
        closing = note.body.split("\n\n")[-2]
        if contact.civility:
            assert (
                closing
                == f"Je vous prie d’agréer, {contact.civility}, mes salutations distinguées."
            )
        else:
            assert closing == "Je vous prie d’agréer mes salutations distinguées."


def test_subject_in_sentence_case_without_final_period() -> None:
    for scenario in SCENARIOS:
        for note in thank_you_notes(scenario.interview, send_on=scenario.send_on):
            assert note.subject[0].isupper()
            assert not note.subject.endswith(".")
            assert "\n" not in note.subject


def test_body_paragraphs_are_separated_by_one_blank_line_and_not_wrapped() -> None:
    for scenario in SCENARIOS:
        for note in thank_you_notes(scenario.interview, send_on=scenario.send_on):
            assert "\n\n\n" not in note.body
            assert note.body == note.body.strip()
            paragraphs = note.body.split("\n\n")
            # Only the signature (name, then phone) spans two lines.
            assert all("\n" not in p for p in paragraphs[:-1])
            assert not re.search(r"[ \t]$", note.body, re.MULTILINE)


def strip_names(text: str, interview: Interview) -> str:
    for contact in interview.interviewers:
        for name in (contact.name, contact.family_name, contact.civility or ""):
            if name:
                text = text.replace(name, "NAME")
    return text


def test_notes_to_nine_interviewers_never_differ_only_by_their_names() -> None:
    people = [Contact(f"Personne{n} Nom{n}", "Madame") for n in range(9)]
    interview = replace(EVERY_FIELD, interviewers=people)
    bodies = [strip_names(n.body, interview) for n in thank_you_notes(interview)]
    assert len(set(bodies)) == 9


def test_same_topic_still_gives_different_notes() -> None:
    people = [Contact(f"Personne{n} Nom{n}", topic="la gestion des données") for n in range(3)]
    interview = replace(EVERY_FIELD, interviewers=people)
    bodies = [strip_names(n.body, interview) for n in thank_you_notes(interview)]
    assert len(set(bodies)) == 3


def test_the_same_input_always_gives_the_same_text() -> None:
    first = [n.as_dict() for n in thank_you_notes(EVERY_FIELD)]
    rebuilt = Interview.from_dict(
        {
            "candidate": {
                "name": "Camille Roy",
                "email": "camille.roy@example.com",
                "phone": "514 555-0199",
                "gender": "f",
                "city": "Montréal",
            },
            "company": EVERY_FIELD.company,
            "position": EVERY_FIELD.position,
            "held_at": EVERY_FIELD.held_at.isoformat(),
            "interviewers": [
                {k: v for k, v in vars(c).items() if v is not None}
                for c in EVERY_FIELD.interviewers
            ],
            "strengths": list(EVERY_FIELD.strengths),
            "forgot_to_mention": EVERY_FIELD.forgot_to_mention,
        }
    )
    assert [n.as_dict() for n in thank_you_notes(rebuilt)] == first


@pytest.mark.parametrize(
    ("send_on", "expected"),
    [
        (date(2026, 12, 1), "m’avez accordé aujourd’hui pour"),
        (date(2026, 12, 3), "m’avez accordé mardi pour"),  # same week; never « avant-hier »
        (date(2026, 12, 7), "m’avez accordé mardi dernier pour"),
        (date(2026, 12, 8), "m’avez accordé le mardi 1er décembre pour"),
        (datetime(2027, 1, 5, 9, 0), "m’avez accordé le mardi 1er décembre 2026 pour"),
    ],
)
def test_send_on_overrides_the_date_and_the_wording(send_on: date, expected: str) -> None:
    [note, *_] = thank_you_notes(EVERY_FIELD, send_on=send_on)
    assert note.send_on == (send_on.date() if isinstance(send_on, datetime) else send_on)
    assert expected in note.body


def test_send_on_before_the_interview_is_invalid() -> None:
    with pytest.raises(InvalidInput) as caught:
        thank_you_notes(EVERY_FIELD, send_on=date(2026, 11, 30))
    assert [(p.field, p.message) for p in caught.value.problems] == [
        ("send_on", "2026-11-30 is before the interview (2026-12-01).")
    ]


def test_send_on_must_be_a_date() -> None:
    with pytest.raises(InvalidInput, match="send_on: Expected a date"):
        thank_you_notes(EVERY_FIELD, send_on="2026-12-02")  # type: ignore[arg-type]


def test_user_text_gets_french_typography_but_addresses_do_not() -> None:
    interview = replace(
        EVERY_FIELD,
        forgot_to_mention="Mon portfolio: https://example.com/o'neil?x=1; écrivez-moi!",
        candidate=Candidate("Jo O'Neil", "jo.o'neil@example.com", phone="+1 514 555-0199"),
    )
    note = thank_you_notes(interview)[0]
    assert (
        "Mon portfolio\u00a0: https://example.com/o'neil?x=1\u202f; écrivez-moi\u202f!" in note.body
    )
    assert note.sender == "Jo O'Neil <jo.o'neil@example.com>"
    assert note.body.endswith("Jo O’Neil\n+1\u00a0514\u00a0555-0199")


def test_jinja_syntax_in_values_comes_out_literally() -> None:
    interview = replace(
        EVERY_FIELD,
        company="{{ 7*7 }}",
        position="{% if true %}x{% endif %}",
        forgot_to_mention="{# rien #} {{ candidate.email }}",
    )
    note = thank_you_notes(interview)[0]
    assert "{{ 7*7 }}" in note.body
    assert "49" not in note.body
    assert "{% if true %}x{% endif %}" in note.subject
    assert "{# rien #} {{ candidate.email }}" in note.body


def test_drafting_is_thread_safe() -> None:
    interviews = [s.interview for s in SCENARIOS] * 8
    expected = [thank_you_notes(i) for i in interviews]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(thank_you_notes, interviews))
    assert results == expected
