"""Four regions, two registers: words, typography, greetings and holidays."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relance import InvalidInput, follow_up, plan, rejection_reply, thank_you_notes
from relance._calendar import is_business_day
from relance._check import prose
from relance._follow_up import call_day

from scenarios import LOCALES, REGION_SCENARIOS, SCENARIOS, TONES, every_rendered, localized

EVERY_FIELD = SCENARIOS[0].interview

# For each region: words relance must write, and words it must never write.
WORDS = {
    "fr_CA": (
        ("entrevue", "courriel", "boîte vocale"),
        ("entretien", "e-mail", "messagerie vocale", "mail"),
    ),
    "fr_FR": (
        ("entretien", "e-mail", "messagerie vocale"),
        ("entrevue", "courriel", "boîte vocale", "cellulaire"),
    ),
    "fr_BE": (
        ("entretien", "e-mail", "messagerie vocale"),
        ("entrevue", "courriel", "boîte vocale", "cellulaire"),
    ),
    "fr_CH": (
        ("entretien", "e-mail", "messagerie vocale"),
        ("entrevue", "courriel", "boîte vocale", "cellulaire"),
    ),
}


def everything(locale: str, tone: str) -> str:
    """Every text relance writes for the region scenarios: every kind in the catalogue."""
    parts: list[str] = []
    for scenario in REGION_SCENARIOS:
        for _, text in every_rendered(localized(scenario, locale, tone)).values():
            parts.append(prose(text))
    return "\n".join(parts)


@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("locale", LOCALES)
def test_each_region_has_its_own_words(locale: str, tone: str) -> None:
    text = everything(locale, tone).replace("\n", " ")
    must, must_not = WORDS[locale]
    for word in must:
        assert re.search(rf"\b{re.escape(word)}\b", text), (locale, word)
    for word in must_not:
        assert not re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text), (locale, word)


@pytest.mark.parametrize(
    ("locale", "colon", "guillemets"),
    [
        ("fr_CA", "\u00a0", "\u00a0"),
        ("fr_FR", "\u00a0", "\u00a0"),
        ("fr_BE", "\u00a0", "\u00a0"),
        ("fr_CH", "\u202f", "\u202f"),
    ],
)
def test_each_region_has_its_own_typography(locale: str, colon: str, guillemets: str) -> None:
    interview = replace(
        EVERY_FIELD,
        locale=locale,
        forgot_to_mention="J'ai publié « Données ouvertes » : un guide lu par 3000 analystes!",
    )
    body = thank_you_notes(interview)[0].body
    assert f"«{guillemets}Données ouvertes{guillemets}»{colon}: un guide" in body
    assert "analystes\u202f!" in body
    assert f"atouts suivants{colon}: cinq ans" in body
    voicemail = follow_up(interview).voicemail.text
    assert f"Je répète{colon}: " in voicemail


GREETINGS = {
    # locale, tone: (greeting, closing) to Madame Tremblay
    ("fr_CA", "formal"): (
        "Bonjour Madame Tremblay,",
        "Je vous prie d’agréer, Madame, mes salutations distinguées.\n\nCamille Roy",
    ),
    ("fr_FR", "formal"): (
        "Madame,",
        "Je vous prie d’agréer, Madame, mes salutations distinguées.\n\nCamille Roy",
    ),
    ("fr_BE", "formal"): (
        "Madame,",
        "Je vous prie d’agréer, Madame, mes salutations distinguées.\n\nCamille Roy",
    ),
    ("fr_CH", "formal"): (
        "Madame,",
        "Je vous prie d’agréer, Madame, mes salutations distinguées.\n\nCamille Roy",
    ),
    ("fr_CA", "cordial"): ("Bonjour Madame Tremblay,", "Cordialement,\nCamille Roy"),
    ("fr_FR", "cordial"): ("Bonjour Madame Tremblay,", "Bien cordialement,\nCamille Roy"),
    ("fr_BE", "cordial"): ("Bonjour Madame Tremblay,", "Bien à vous,\nCamille Roy"),
    ("fr_CH", "cordial"): ("Bonjour Madame Tremblay,", "Meilleures salutations,\nCamille Roy"),
}


@pytest.mark.parametrize(("locale", "tone"), list(GREETINGS))
def test_greeting_and_closing_by_region_and_register(locale: str, tone: str) -> None:
    greeting, closing = GREETINGS[locale, tone]
    interview = replace(EVERY_FIELD, locale=locale, tone=tone)
    drafts = [
        thank_you_notes(interview)[0],
        follow_up(interview).email,
        rejection_reply(interview, received_on=date(2026, 12, 10)).email,
    ]
    for draft in drafts:
        assert draft.body.startswith(greeting + "\n\n")
        assert f"\n\n{closing}\n514\u00a0555-0199" in draft.body


@pytest.mark.parametrize("locale", LOCALES)
def test_the_closing_always_repeats_the_appel_civility(locale: str) -> None:
    people = [
        ("Monsieur", "Je vous prie d’agréer, Monsieur, mes salutations distinguées."),
        (None, "Je vous prie d’agréer mes salutations distinguées."),
    ]
    for civility, closing in people:
        contact = replace(EVERY_FIELD.interviewers[0], civility=civility)
        interview = replace(EVERY_FIELD, locale=locale, interviewers=[contact])
        body = thank_you_notes(interview)[0].body
        assert f"\n\n{closing}\n\n" in body
        if civility is None:
            assert body.startswith("Bonjour Marie Tremblay,\n\n")


@pytest.mark.parametrize("locale", LOCALES)
def test_the_note_uses_the_letter_appel_in_every_region(locale: str) -> None:
    for tone, closing in (("formal", "Je vous prie d’agréer"), ("cordial", None)):
        interview = replace(EVERY_FIELD, locale=locale, tone=tone)
        note = rejection_reply(interview, received_on=date(2026, 12, 10)).note.text
        assert "\n\nMadame,\n\n" in note
        if closing:
            assert closing in note


@pytest.mark.parametrize(
    ("locale", "region", "held", "expected"),
    [
        ("fr_CA", None, date(2026, 6, 23), date(2026, 6, 25)),  # Fête nationale du Québec
        ("fr_CA", "ON", date(2026, 6, 23), date(2026, 6, 24)),  # not a holiday in Ontario
        ("fr_CA", None, date(2026, 12, 24), date(2026, 12, 28)),
        ("fr_CA", "ON", date(2026, 12, 24), date(2026, 12, 29)),  # Boxing Day, observed
        ("fr_FR", None, date(2026, 7, 13), date(2026, 7, 15)),  # 14 juillet
        ("fr_FR", None, date(2026, 5, 7), date(2026, 5, 11)),  # 8 mai, then the weekend
        ("fr_BE", None, date(2026, 7, 20), date(2026, 7, 22)),  # 21 juillet, Fête nationale
        ("fr_FR", None, date(2026, 7, 20), date(2026, 7, 21)),  # ... not in France
        ("fr_CH", None, date(2026, 9, 18), date(2026, 9, 21)),  # federal: Monday is open
        ("fr_CH", "VD", date(2026, 9, 18), date(2026, 9, 22)),  # Lundi du Jeûne fédéral
        ("fr_CH", "GE", date(2026, 9, 9), date(2026, 9, 11)),  # Jeûne genevois
        ("fr_CH", "VD", date(2026, 9, 9), date(2026, 9, 10)),  # ... not in Vaud
        ("fr_CH", "GE", date(2026, 12, 30), date(2027, 1, 4)),  # Restauration, 1er janvier
    ],
)
def test_each_region_s_holidays_move_the_send_date(
    locale: str, region: str | None, held: date, expected: date
) -> None:
    interview = replace(EVERY_FIELD, locale=locale, region=region, held_at=held)
    assert {n.send_on for n in thank_you_notes(interview)} == {expected}


@pytest.mark.parametrize(
    ("locale", "region", "held", "expected"),
    [
        ("fr_FR", None, date(2026, 7, 7), date(2026, 7, 15)),  # a week later: 14 juillet
        ("fr_BE", None, date(2026, 7, 14), date(2026, 7, 22)),  # a week later: 21 juillet
        ("fr_CH", "VD", date(2026, 9, 14), date(2026, 9, 22)),  # a week later: Jeûne fédéral
    ],
)
def test_regional_holidays_move_the_follow_up(
    locale: str, region: str | None, held: date, expected: date
) -> None:
    interview = replace(EVERY_FIELD, locale=locale, region=region, held_at=held)
    assert call_day(interview) == expected
    assert follow_up(interview).email.send_on == expected + timedelta(days=1)
    country = {"fr_FR": "FR", "fr_BE": "BE", "fr_CH": "CH"}[locale]
    for step in plan(interview):
        if step.on is not None:
            assert is_business_day(step.on, country, region)


def test_the_rejection_reply_follows_the_region_s_holidays() -> None:
    interview = replace(EVERY_FIELD, locale="fr_BE", held_at=date(2026, 7, 6))
    reply = rejection_reply(interview, received_on=date(2026, 7, 20))
    assert reply.email.send_on == date(2026, 7, 22)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "locale",
            "fr_LU",
            "Unknown locale 'fr_LU'; the supported ones are 'fr_CA', 'fr_FR', 'fr_BE', 'fr_CH'.",
        ),
        ("tone", "familier", "Unknown tone 'familier'; use 'formal' or 'cordial'."),
        ("region", "XX", "Unknown region 'XX' for CA; use one of AB, BC, MB,"),
    ],
)
def test_unknown_locale_tone_or_region_is_invalid(field: str, value: str, message: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        replace(EVERY_FIELD, **{field: value})
    [problem] = caught.value.problems
    assert problem.field == field
    assert problem.message.startswith(message)


def test_a_swiss_region_is_checked_against_switzerland() -> None:
    replace(EVERY_FIELD, locale="fr_CH", region="VD")
    with pytest.raises(InvalidInput, match="Unknown region 'QC' for CH"):
        replace(EVERY_FIELD, locale="fr_CH", region="QC")


def test_locale_tone_and_region_come_from_files_too() -> None:
    from relance import Interview

    data = {
        "candidate": {"name": "Camille Roy", "email": "camille@example.com"},
        "company": "Nestlé",
        "position": "analyste",
        "held_at": "2026-09-18",
        "interviewers": [{"name": "Anne Favre", "civility": "Madame", "email": "a@example.ch"}],
        "locale": "fr_CH",
        "tone": "cordial",
        "region": "VD",
    }
    interview = Interview.from_dict(data)
    assert (interview.locale, interview.tone, interview.region) == ("fr_CH", "cordial", "VD")
    [note] = thank_you_notes(interview)
    assert note.send_on == date(2026, 9, 22)
    assert note.body.endswith("Meilleures salutations,\nCamille Roy")
    assert note.to_message()["Content-Language"] == "fr-CH"


@pytest.mark.parametrize("locale", LOCALES)
def test_running_text_dates_have_no_comma_in_any_region(locale: str) -> None:
    from relance._french import long_date

    assert long_date(date(2025, 3, 1), locale) == "samedi 1er mars 2025"
    interview = replace(EVERY_FIELD, locale=locale)
    body = follow_up(interview).email.body
    assert "du mardi 1er décembre." in body


CALENDARS = [
    ("fr_CA", None, "CA", "QC"),
    ("fr_CA", "ON", "CA", "ON"),
    ("fr_FR", None, "FR", None),
    ("fr_FR", "57", "FR", "57"),
    ("fr_BE", None, "BE", None),
    ("fr_CH", None, "CH", None),
    ("fr_CH", "VD", "CH", "VD"),
    ("fr_CH", "GE", "CH", "GE"),
]


@settings(max_examples=120, deadline=None)
@given(
    held=st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 31)),
    calendar=st.sampled_from(CALENDARS),
    tone=st.sampled_from(TONES),
)
def test_every_dated_step_is_a_business_day_of_the_region(
    held: date, calendar: tuple[str, str | None, str, str | None], tone: str
) -> None:
    locale, region, country, subdivision = calendar
    interview = replace(EVERY_FIELD, locale=locale, region=region, tone=tone, held_at=held)
    days = [step.on for step in plan(interview) if step.on is not None]
    days.append(rejection_reply(interview, received_on=held).email.send_on)
    assert all(is_business_day(day, country, subdivision) for day in days)
    assert days[:-1] == sorted(days[:-1])
