"""Who wrote the employer's mail: a person, a mailbox, an address that takes no reply."""

from __future__ import annotations

import pytest

from relance._addressee import fold, is_mailbox, person_name, same_name, takes_replies


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("noreply@acme.example", False),
        ("no-reply@myworkday.example", False),
        ("no_reply@acme.example", False),
        ("NoReply@Acme.example", False),
        ("noreply+4411@greenhouse.example", False),
        ("donotreply@acme.example", False),
        ("do-not-reply@taleo.example", False),
        ("ne-pas-repondre@desjardins.example", False),
        ("ne_pas_répondre@desjardins.example", False),
        ("nepasrepondre@ville.example", False),
        ("invitations-noreply@linkedin.example", False),
        ("recrutement@desjardins.example", True),
        ("rh@acme.example", True),
        ("marie.tremblay@acme.example", True),
        ("reply@acme.example", True),
        ("noreen.ply@acme.example", True),  # the letters are there, the words are not
    ],
)
def test_takes_replies(address: str, expected: bool) -> None:
    assert takes_replies(address) is expected


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("recrutement@desjardins.example", True),
        ("recrutement.montreal@desjardins.example", True),
        ("careers@ubisoft.example", True),
        ("jobs@acme.example", True),
        ("rh@acme.example", True),
        ("RH@acme.example", True),
        ("hr-team@acme.example", True),
        ("talent@acme.example", True),
        ("talent-acquisition@acme.example", True),
        ("talentacquisition@acme.example", True),
        ("emplois@ville.example", True),
        ("carrieres@banque.example", True),
        ("carrières@banque.example", True),
        ("candidatures+ref123@acme.example", True),
        ("noreply@acme.example", True),
        ("ne-pas-repondre@acme.example", True),
        ("info@acme.example", True),
        ("marie.tremblay@acme.example", False),
        ("mtremblay@acme.example", False),
        ("information.tremblay@acme.example", False),
        ("jobin@acme.example", False),  # a surname that starts like « jobs »
        ("rhea.smith@acme.example", False),
        ("hrabal@acme.example", False),
        ("steve.jobson@acme.example", False),
    ],
)
def test_is_mailbox(address: str, expected: bool) -> None:
    assert is_mailbox(address) is expected


@pytest.mark.parametrize(
    ("display_name", "address", "expected"),
    [
        # People, as they sign.
        ("Marie Tremblay", "marie.tremblay@desjardins.example", "Marie Tremblay"),
        ("Tremblay, Marie", "marie.tremblay@desjardins.example", "Marie Tremblay"),
        ("Marie Tremblay via Workday", "no-reply@myworkday.example", "Marie Tremblay"),
        ("Marie Tremblay (via Greenhouse)", "no-reply@greenhouse.example", "Marie Tremblay"),
        ("Marie Tremblay", "recrutement@desjardins.example", "Marie Tremblay"),
        ("Alphonse Desjardins", "a.desjardins@desjardins.example", "Alphonse Desjardins"),
        ("Jean-Paul Le Gardeur", "jp@desjardins.example", "Jean-Paul Le Gardeur"),
        ("Marie-Ève D’Amours", "me.damours@desjardins.example", "Marie-Ève D’Amours"),
        # A person, then where they work.
        ("Marie Tremblay (RH)", "marie.tremblay@desjardins.example", "Marie Tremblay"),
        ("Marie Tremblay | Desjardins", "mt@desjardins.example", "Marie Tremblay"),
        ("Marie Tremblay – Ressources humaines", "mt@desjardins.example", "Marie Tremblay"),
        ("Marie Tremblay - Desjardins", "mt@desjardins.example", "Marie Tremblay"),
        ("Marie Tremblay, Desjardins Inc.", "mt@desjardins.example", "Marie Tremblay"),
        ("Tremblay, Marie (Desjardins)", "mt@desjardins.example", "Marie Tremblay"),
        ("Marie Tremblay (Mimi)", "mt@desjardins.example", "Marie Tremblay (Mimi)"),
        ("Desjardins (RH)", "mt@desjardins.example", None),
        # A first name alone: no way to address a letter (« Madame, Monsieur, »).
        ("Julie", "julie@desjardins.example", None),
        ("(RH)", "mt@desjardins.example", None),
        # The company itself, under its name or its domain's.
        ("Desjardins", "info@desjardins.example", None),
        ("DESJARDINS", "marie@desjardins.example", None),
        ("Mouvement Desjardins", "recrutement@desjardins.example", None),
        ("Groupe Desjardins", "nouvelles@desjardins.example", None),
        ("Desjardins Inc.", "nouvelles@desjardins.example", None),
        ("Caisse Desjardins", "caisse@desjardins.example", None),
        ("Université Laval", "emplois@ulaval.example", None),
        ("Ville de Québec", "carrieres@quebec.example", None),
        # A department or a team.
        ("Recrutement Desjardins", "recrutement@desjardins.example", None),
        ("Recrutement", "marie@desjardins.example", None),
        ("Ressources humaines", "rh@desjardins.example", None),
        ("Service des ressources humaines", "srh@desjardins.example", None),
        ("Direction des RH", "drh@desjardins.example", None),
        ("Talent Acquisition", "ta@desjardins.example", None),
        ("Équipe Talents", "talents@desjardins.example", None),
        ("Desjardins Careers", "careers@desjardins.example", None),
        ("HR Team", "hr@desjardins.example", None),
        ("People & Culture", "people@desjardins.example", None),
        # A platform, or a company through one.
        ("Desjardins via Workday", "no-reply@myworkday.example", None),
        ("Workday", "desjardins@myworkday.example", None),
        ("Taleo", "noreply@taleo.example", None),
        ("LinkedIn", "jobs-noreply@linkedin.example", None),
        # No name at all, or an address for a name.
        ("", "recrutement@desjardins.example", None),
        ("recrutement@desjardins.example", "recrutement@desjardins.example", None),
        ("Ne pas répondre", "ne-pas-repondre@desjardins.example", None),
        ("Avis 2027-01", "avis@desjardins.example", None),
        # From a mailbox's address, one word is no one's name.
        ("Marie", "recrutement@desjardins.example", None),
    ],
)
def test_person_name(display_name: str, address: str, expected: str | None) -> None:
    assert person_name(display_name, address, "Desjardins") == expected


def test_person_name_reads_the_company_as_typed() -> None:
    company = "Banque Nationale du Canada"
    assert person_name("Banque Nationale", "emplois@bnc.example", company) is None
    assert person_name("Nationale", "x@bnc.example", company) is None
    assert person_name("Paul Canada", "paul@bnc.example", company) == "Paul Canada"


@pytest.mark.parametrize(
    ("one", "other", "expected"),
    [
        ("Marie Tremblay", "Marie Tremblay", True),
        ("Tremblay, Marie", "Marie Tremblay", True),
        ("TREMBLAY Marie", "Marie Tremblay", True),
        ("marie tremblay", "Marie  Tremblay", True),
        ("Genevieve Cote", "Geneviève Côté", True),
        ("Jean-Paul Le Gardeur", "Le Gardeur, Jean-Paul", True),
        ("Marie-Ève D'Amours", "Marie-Eve D’Amours", True),  # either apostrophe
        ("Marie Tremblay", "Marie-Ève Tremblay", False),
        ("Marie Tremblay", "Marie", False),
        ("Jean Paul", "Jean-Paul", False),
        ("", "", False),
    ],
)
def test_same_name(one: str, other: str, expected: bool) -> None:
    assert same_name(one, other) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Côté", "cote"),
        ("ÉMILIE", "emilie"),
        ("Straße", "strasse"),
        ("Œuvre", "œuvre"),
        ("D’Amours", "d'amours"),
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected
