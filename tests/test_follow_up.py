"""The one-week follow-up: the email, the call script and the voicemail."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date

import pytest

from relance import Candidate, Contact, FollowUp, InvalidInput, Script, follow_up
from relance._cleanup import element
from relance._follow_up import call_day, phone_to_say, was_at_the_interview
from relance._script import spoken_words

from scenarios import SCENARIOS, Scenario

EVERY_FIELD = SCENARIOS[0].interview


def test_the_email_goes_to_the_hiring_contact() -> None:
    later = follow_up(EVERY_FIELD)
    assert isinstance(later, FollowUp)
    assert later.email.kind == "follow_up"
    assert later.email.to == "Marie Tremblay <marie.tremblay@ubisoft.example>"
    assert later.email.subject == (
        "Suivi de ma candidature au poste d’analyste de données – entrevue du mardi 1er décembre"
    )
    assert later.email.body.startswith("Bonjour Madame Tremblay,\n\n")


def test_without_hiring_contact_the_first_interviewer() -> None:
    interview = replace(EVERY_FIELD, hiring_contact=None)
    interview = replace(interview, interviewers=interview.interviewers[1:])
    later = follow_up(interview)
    assert later.email.to == "Dominique Bélanger <dominique.belanger@ubisoft.example>"
    assert later.email.body.startswith("Bonjour Dominique Bélanger,\n\n")
    assert "\n\nJe vous prie d’agréer mes salutations distinguées.\n\n" in later.email.body
    assert later.call.text.startswith("Bonjour Dominique Bélanger, ici Camille Roy.")


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_the_email_says_what_it_must_briefly(scenario: Scenario) -> None:
    email = follow_up(scenario.interview).email
    assert len(email.body.split()) <= 100
    held = scenario.interview.held_on
    if was_at_the_interview(scenario.interview):
        assert re.search(rf"à la suite de notre entrevue du \w+ {held.day}(er)? ", email.body)
    else:  # someone who was not there: when, and with whom
        assert re.search(rf"j’ai eu une entrevue le \w+ {held.day}(er)? \w+ avec ", email.body)
        assert "notre entrevue" not in email.body
    assert "Mon intérêt pour ce poste" in email.body
    assert "prochaines étapes" in email.body
    assert "à quel moment vous prévoyez prendre votre décision" in email.body
    assert email.subject[0].isupper()
    assert not email.subject.endswith(".")


@pytest.mark.parametrize(
    ("held", "calls", "email"),
    [
        (date(2026, 12, 1), date(2026, 12, 8), date(2026, 12, 9)),  # a week later, a Tuesday
        (date(2026, 11, 14), date(2026, 11, 23), date(2026, 11, 24)),  # Saturday: then Monday
        (date(2026, 6, 17), date(2026, 6, 25), date(2026, 6, 26)),  # 24 June, Fête nationale
        (date(2026, 12, 18), date(2026, 12, 28), date(2026, 12, 29)),  # Christmas Day
        (date(2026, 12, 25), date(2027, 1, 4), date(2027, 1, 5)),  # 1 January, the weekend
        (date(2026, 6, 24), date(2026, 7, 2), date(2026, 7, 3)),  # 1 July, Fête du Canada
    ],
)
def test_calls_a_week_later_and_the_email_the_next_business_day(
    held: date, calls: date, email: date
) -> None:
    interview = replace(EVERY_FIELD, held_at=held)
    assert call_day(interview) == calls
    assert follow_up(interview).email.send_on == email


def test_calls_wait_four_business_days_after_a_late_thank_you() -> None:
    """Held on Monday 21 December: the notes go on the 22nd and the week ends on Monday
    the 28th, but the fourth business day after the notes (23, 24, 28, 29 December,
    Christmas and the weekend between) is the 29th; after notes sent on the 23rd, the 30th."""
    interview = replace(EVERY_FIELD, held_at=date(2026, 12, 21))
    assert call_day(interview) == date(2026, 12, 29)
    assert call_day(interview, thanked_on=date(2026, 12, 23)) == date(2026, 12, 30)
    assert follow_up(interview).email.send_on == date(2026, 12, 30)


def test_send_on_overrides_and_is_checked() -> None:
    assert follow_up(EVERY_FIELD, send_on=date(2026, 12, 10)).email.send_on == date(2026, 12, 10)
    with pytest.raises(InvalidInput, match="send_on: 2026-11-01 is before the interview"):
        follow_up(EVERY_FIELD, send_on=date(2026, 11, 1))


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_the_call_is_written_to_be_said(scenario: Scenario) -> None:
    interview = scenario.interview
    call = follow_up(interview).call
    assert call.kind == "call"
    assert call.words <= 130
    text = call.text
    assert interview.candidate.name in text
    assert element(interview.position) in text
    assert "prochaines étapes" in text
    assert "Je vous remercie" in text
    assert "Au revoir" in text
    for stumble in ("(", ")", "•", "Mme", "M.", "Dr", "etc.", "[", "/"):
        assert stumble not in text
    contact = interview.main_contact
    if contact.civility:
        assert f"Bonjour {contact.civility.lower()} {contact.family_name}, ici" in text


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_the_voicemail_takes_30_seconds_at_most(scenario: Scenario) -> None:
    candidate = scenario.interview.candidate
    voicemail = follow_up(scenario.interview).voicemail
    assert voicemail.kind == "voicemail"
    assert voicemail.seconds <= 30
    assert voicemail.seconds == voicemail.words * 60 / 150
    assert candidate.name in voicemail.text
    if candidate.phone:
        said = phone_to_say(candidate.phone, scenario.interview.locale)
        assert voicemail.text.count(said) == 2
        assert voicemail.text.index("Je répète") < voicemail.text.rindex(said)
        assert "en semaine, de 9\u00a0h à 17\u00a0h" in voicemail.text
    else:
        assert voicemail.text.count(candidate.email) == 2
        assert "par courriel" in voicemail.text


def test_availability_is_said_after_the_number() -> None:
    candidate = replace(EVERY_FIELD.candidate, availability="en semaine, après 16 h")
    voicemail = follow_up(replace(EVERY_FIELD, candidate=candidate)).voicemail
    assert "au 514, 555, 0199, en semaine, après 16\u00a0h." in voicemail.text


def test_a_long_position_still_fits_in_30_seconds() -> None:
    interview = replace(
        EVERY_FIELD,
        position="conseillère principale en gestion du changement organisationnel "
        "et des processus d’affaires",
        candidate=replace(EVERY_FIELD.candidate, phone="+1 514 555-0199, poste 1234"),
    )
    voicemail = follow_up(interview).voicemail
    assert voicemail.seconds <= 30
    assert "conseillère principale" not in voicemail.text
    assert "au sujet de ma candidature, pour connaître" in voicemail.text


def test_without_a_phone_number_the_call_still_works() -> None:
    interview = replace(EVERY_FIELD, candidate=Candidate("Sacha Morin", "sacha@example.net"))
    later = follow_up(interview)
    assert "Sacha Morin" in later.call.text
    assert later.call.words <= 130
    assert "sacha@example.net" in later.voicemail.text


@pytest.mark.parametrize(
    ("phone", "said"),
    [
        ("514 555-0199", "514, 555, 0199"),
        ("+1 514 555-0199", "+1, 514, 555, 0199"),
        ("514 555-0199, poste 234", "514, 555, 0199, poste 234"),
        ("(514) 555-0199 ext. 12", "514, 555, 0199, poste 12"),
        ("+33 1 23 45 67 89", "+33, 1, 23, 45, 67, 89"),
    ],
)
def test_phone_to_say(phone: str, said: str) -> None:
    assert phone_to_say(phone) == said


@pytest.mark.parametrize(
    ("phone", "locale", "said"),
    [
        ("+33 6 98 12 34 56", "fr_FR", "06, 98, 12, 34, 56"),
        ("+33 (0)6 98 12 34 56", "fr_FR", "06, 98, 12, 34, 56"),
        ("0033 1 23 45 67 89", "fr_FR", "01, 23, 45, 67, 89"),
        ("+33698123456", "fr_FR", "06, 98, 12, 34, 56"),
        ("+32 470 12 34 56", "fr_BE", "0470, 12, 34, 56"),
        ("+41 79 123 45 67", "fr_CH", "079, 123, 45, 67"),
        ("+1 514 555-0199, poste 234", "fr_CA", "514, 555, 0199, poste 234"),
        ("+41 79 123 45 67", "fr_FR", "+41, 79, 123, 45, 67"),  # another country's
        ("+1 514 555-0199", "fr_FR", "+1, 514, 555, 0199"),
    ],
)
def test_the_region_s_own_numbers_are_said_as_dialled_at_home(
    phone: str, locale: str, said: str
) -> None:
    assert phone_to_say(phone, locale) == said


def test_the_follow_up_knows_who_was_at_the_interview() -> None:
    hr = Contact("Chantal Roy", "Madame", "chantal.roy@ubisoft.example")
    absent = follow_up(replace(EVERY_FIELD, hiring_contact=hr))
    assert "j’ai eu une entrevue le mardi 1er décembre avec Mme Tremblay, " in absent.email.body
    assert "Dominique Bélanger et M. Le Gardeur." in absent.email.body
    assert "avec madame Tremblay, Dominique Bélanger et monsieur Le Gardeur." in absent.call.text
    assert "notre entrevue" not in absent.email.body + absent.voicemail.text
    # The same person without an address on file is still the interviewer.
    same = Contact("Marie  Tremblay", "Madame")
    present = follow_up(replace(EVERY_FIELD, hiring_contact=same))
    assert "à la suite de notre entrevue du mardi 1er décembre" in present.email.body
    assert "J’ai eu le plaisir de vous rencontrer en entrevue le mardi 1er décembre." in (
        present.call.text
    )


@pytest.mark.parametrize(
    ("locale", "introduction"),
    [
        ("fr_CA", "Bonjour madame Tremblay, ici Camille Roy."),
        ("fr_FR", "Bonjour madame Tremblay, je suis Camille Roy."),
        ("fr_BE", "Bonjour madame Tremblay, je suis Camille Roy."),
        ("fr_CH", "Bonjour madame Tremblay, je suis Camille Roy."),
    ],
)
def test_each_region_introduces_itself_on_the_phone(locale: str, introduction: str) -> None:
    later = follow_up(replace(EVERY_FIELD, locale=locale))
    assert later.call.text.startswith(introduction + "\n")
    assert later.voicemail.text.startswith(introduction + "\n")
    # Left on the afternoon call: never « bonne journée ».
    assert later.voicemail.text.endswith("Merci, et bonne fin de journée\u202f!")
    assert "bonne journée" not in later.call.text + later.voicemail.text


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Bonjour madame Tremblay, ici Camille Roy.", 6),
        ("au 514, 555, 0199.", 11),
        ("à l’adresse camille.roy@example.com.", 9),
        ("Merci, et bonne journée !", 4),
        ("", 0),
    ],
)
def test_spoken_words(text: str, words: int) -> None:
    assert spoken_words(text) == words


def test_scripts_are_frozen_and_json_safe() -> None:
    later = follow_up(EVERY_FIELD)
    data = json.loads(json.dumps(later.as_dict()))
    assert data["call"] == {
        "kind": "call",
        "text": later.call.text,
        "words": later.call.words,
        "seconds": later.call.seconds,
    }
    assert data["email"] == later.email.as_dict()
    with pytest.raises(AttributeError):
        later.call.text = "x"  # type: ignore[misc]
    assert Script.of("call", later.call.text) == later.call


def test_jinja_syntax_in_values_comes_out_literally() -> None:
    interview = replace(
        EVERY_FIELD,
        position="{{ 7*7 }}",
        interviewers=[Contact("{% raw %}Marie", "Madame", "m@example.com")],
        hiring_contact=None,
    )
    later = follow_up(interview)
    assert "{{ 7*7 }}" in later.email.subject
    assert "{{ 7*7 }}" in later.call.text
    assert "Bonjour madame {% raw %}Marie" not in later.call.text  # family name is the last word
    assert "49" not in later.email.body
