"""The user's words made clean, rule by rule: tables of exact strings."""

from __future__ import annotations

import doctest
from dataclasses import replace
from datetime import date

import pytest

from relance import Candidate, Contact, Interview, InvalidInput, _cleanup, thank_you_notes
from relance._cleanup import chez, element, enumeration, national_number, phrase, with_article
from relance._french import typography, units
from relance._locales import LOCALES

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("typed", "clean"),
    [
        ("Solide expérience en gestion de projet.", "solide expérience en gestion de projet"),
        ("Maîtrise de l’anglais..", "maîtrise de l’anglais"),
        ("Sens de l’écoute;", "sens de l’écoute"),
        ("  Esprit   d’équipe , ", "esprit d’équipe"),
        ("SQL et Python.", "SQL et Python"),  # an acronym keeps its capitals
        ("PowerBI avancé", "PowerBI avancé"),  # a capital inside: a name
        ("Python, Java, etc.", "Python, Java, etc."),  # a name; the abbreviation's period
        ("Power BI", "Power BI"),
        ("Google Analytics!", "Google Analytics"),  # two capitalised words: a name
        ("Excel avancé", "Excel avancé"),
        ("Montréal et ses environs", "Montréal et ses environs"),
        ("3 langues parlées", "3 langues parlées"),
        ("une solide maîtrise de SQL", "une solide maîtrise de SQL"),
        ("Diplôme de l’U.d.M.", "diplôme de l’U.d.M."),
        ("", ""),
    ],
)
def test_element(typed: str, clean: str) -> None:
    assert element(typed) == clean


def test_element_keeps_the_interview_s_names() -> None:
    assert element("Ubisoft Montréal pendant 3 ans", names=["Ubisoft"]) == (
        "Ubisoft Montréal pendant 3 ans"
    )
    assert element("Desjardins, 2 ans", names=["Desjardins"]) == "Desjardins, 2 ans"
    assert element("Desjardins, 2 ans") == "desjardins, 2 ans"  # unknown: a common noun


@pytest.mark.parametrize(
    ("items", "locale", "expected"),
    [
        (["A."], "fr_CA", "a"),
        (["Rigueur.", "Curiosité."], "fr_FR", "rigueur et curiosité"),
        (
            ["Solide expérience.", "Maîtrise de l’anglais.", "Sens de l’écoute."],
            "fr_CA",
            "solide expérience, maîtrise de l’anglais et sens de l’écoute",
        ),
        (
            ["Solide expérience.", "Maîtrise de l’anglais et de l’espagnol.", "Sens de l’écoute."],
            "fr_CH",
            "solide expérience, maîtrise de l’anglais et de l’espagnol ainsi que sens de l’écoute",
        ),
        (["SQL et Python", "Rigueur"], "fr_BE", "SQL et Python ainsi que rigueur"),
        (["Rigueur", "Écoute et empathie"], "fr_FR", "rigueur ainsi que écoute et empathie"),
        (["Ethnologie", "Étiquetage"], "fr_CA", "ethnologie et étiquetage"),  # « et », a word
    ],
)
def test_enumeration(items: list[str], locale: str, expected: str) -> None:
    assert enumeration(items, locale) == expected


@pytest.mark.parametrize(
    ("typed", "clean"),
    [
        ("je suis disponible dès janvier", "Je suis disponible dès janvier."),
        ("Je suis disponible dès janvier.", "Je suis disponible dès janvier."),
        ("Je suis disponible dès janvier !", "Je suis disponible dès janvier !"),
        ("je parle espagnol,", "Je parle espagnol."),
        ("j’ai oublié de mentionner que je parle espagnol", "Je parle espagnol."),
        ("J'ai oublié de dire que je parle espagnol.", "Je parle espagnol."),
        ("J’ai oublié de vous dire qu’en plus, je parle espagnol", "En plus, je parle espagnol."),
        ("Je voulais ajouter que j'ai un permis de conduire", "J'ai un permis de conduire."),
        ("je voulais aussi ajouter : disponible en janvier", "Disponible en janvier."),
        ("Et j’aimerais ajouter que je connais SAP", "Je connais SAP."),
        ("Oubli de ma part : je suis bilingue", "Je suis bilingue."),
        # Without « que », the lead-in is the sentence: kept.
        (
            "J’ai oublié de mentionner mon expérience en SAP",
            "J’ai oublié de mentionner mon expérience en SAP.",
        ),
        ("« iOS » est ma spécialité", "« iOS » est ma spécialité."),
        ("eBay m’a recrutée en 2020", "eBay m’a recrutée en 2020."),
    ],
)
def test_phrase(typed: str, clean: str) -> None:
    assert phrase(typed) == clean


@pytest.mark.parametrize(
    ("name", "said", "after_chez"),
    [
        ("Université Laval", "l’Université Laval", "à l’Université Laval"),
        ("Hôpital Sainte-Justine", "l’Hôpital Sainte-Justine", "à l’Hôpital Sainte-Justine"),
        (
            "Centre hospitalier de Gatineau",
            "le Centre hospitalier de Gatineau",
            "au Centre hospitalier de Gatineau",
        ),
        ("Banque Nationale", "la Banque Nationale", "à la Banque Nationale"),
        ("Caisse Desjardins", "la Caisse Desjardins", "à la Caisse Desjardins"),
        ("Ville de Québec", "la Ville de Québec", "à la Ville de Québec"),
        ("Ministère de la Santé", "le Ministère de la Santé", "au Ministère de la Santé"),
        ("Collège Ahuntsic", "le Collège Ahuntsic", "au Collège Ahuntsic"),
        ("Cégep de Sherbrooke", "le Cégep de Sherbrooke", "au Cégep de Sherbrooke"),
        ("Institut Pasteur", "l’Institut Pasteur", "à l’Institut Pasteur"),
        ("Musée des beaux-arts", "le Musée des beaux-arts", "au Musée des beaux-arts"),
        ("Société Générale", "la Société Générale", "à la Société Générale"),
        ("Commission scolaire", "la Commission scolaire", "à la Commission scolaire"),
        ("Office national du film", "l’Office national du film", "à l’Office national du film"),
        ("Haute école de gestion", "la Haute école de gestion", "à la Haute école de gestion"),
        ("CHUM", "le CHUM", "au CHUM"),
        ("Ubisoft", "Ubisoft", "chez Ubisoft"),
        ("IBM", "IBM", "chez IBM"),
        ("L’Oréal", "L’Oréal", "chez L’Oréal"),
        ("Hydro-Québec", "Hydro-Québec", "chez Hydro-Québec"),
        ("Le Devoir", "Le Devoir", "au Devoir"),
        ("La Presse", "La Presse", "à La Presse"),
        ("Les Affaires", "Les Affaires", "aux Affaires"),
        ("le Cirque du Soleil", "le Cirque du Soleil", "au Cirque du Soleil"),
        ("l’Université de Montréal", "l’Université de Montréal", "à l’Université de Montréal"),
    ],
)
def test_institutions_take_their_article_and_companies_chez(
    name: str, said: str, after_chez: str
) -> None:
    assert with_article(name) == said
    assert chez(said) == after_chez


@pytest.mark.parametrize(
    ("name", "force", "said"),
    [
        ("Office Depot", False, "Office Depot"),
        ("Université Laval", False, "Université Laval"),
        ("Orchestre symphonique de Montréal", True, "l’Orchestre symphonique de Montréal"),
        ("Hôtel-Dieu de Lévis", True, "l’Hôtel-Dieu de Lévis"),
        ("Banque Nationale", True, "la Banque Nationale"),
        ("La Presse", True, "La Presse"),  # its own article already
    ],
)
def test_the_article_can_be_forced_either_way(name: str, force: bool, said: str) -> None:
    assert with_article(name, force=force) == said


def test_the_article_cannot_be_guessed_on_an_unknown_consonant_head() -> None:
    with pytest.raises(
        ValueError, match="cannot tell whether « Groupe Roy » takes « le » or « la »"
    ):
        with_article("Groupe Roy", force=True)


CAMILLE = Candidate("Camille Roy", "camille.roy@example.com")


def interview(**fields: object) -> Interview:
    values: dict[str, object] = {
        "candidate": CAMILLE,
        "company": "Université Laval",
        "position": "analyste",
        "held_at": date(2026, 12, 1),
        "interviewers": [Contact("Marie Tremblay", "Madame", "m@example.com")],
        **fields,
    }
    return Interview(**values)  # type: ignore[arg-type]


def test_company_article_is_validated() -> None:
    with pytest.raises(InvalidInput) as caught:
        interview(company_article="yes")
    assert [(p.field, p.message) for p in caught.value.problems] == [
        ("company_article", "Expected true or false, or leave it out.")
    ]
    with pytest.raises(InvalidInput) as caught:
        interview(company="Groupe Roy", company_article=True)
    [problem] = caught.value.problems
    assert problem.field == "company_article"
    assert "write the article in the name" in problem.message
    data = {
        "candidate": {"name": "Camille Roy", "email": "camille.roy@example.com"},
        "company": "Office Depot",
        "company_article": False,
        "position": "gérant",
        "held_at": "2026-12-01",
        "interviewers": [{"name": "Kim Nguyen"}],
    }
    assert Interview.from_dict(data).company_article is False


def test_the_company_is_said_with_its_article_in_the_notes() -> None:
    [note] = thank_you_notes(interview())
    assert "l’équipe de l’Université Laval" in note.body
    [plain] = thank_you_notes(interview(company_article=False))
    assert "l’équipe d’Université Laval" in plain.body


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("5 ans", f"5{NBSP}ans"),
        ("12 mois et 3 semaines", f"12{NBSP}mois et 3{NBSP}semaines"),
        ("20%", f"20{NBSP}%"),
        ("20 %", f"20{NBSP}%"),
        ("3M$", f"3{NBSP}M$"),
        ("2,5 M$", f"2,5{NBSP}M$"),
        ("10 000 $", f"10{NBSP}000{NBSP}$"),
        ("10000$", f"10{NBSP}000{NBSP}$"),
        ("1 200 personnes", f"1{NBSP}200{NBSP}personnes"),
        ("50 000 CHF", f"50{NBSP}000{NBSP}CHF"),
        ("30 k€", f"30{NBSP}k€"),
        ("en 2026 avec", "en 2026 avec"),  # a year: no unit
        ("le 24 juin", "le 24 juin"),  # a date: left as it is
        ("5ans", "5ans"),  # words keep the space they were typed with, or none
    ],
)
def test_units(typed: str, expected: str) -> None:
    assert units(typed) == expected


def test_units_leave_phones_and_addresses_alone() -> None:
    rules = LOCALES["fr_CA"].typography
    text = "Voir https://example.com/a%20b ou a20%@example.com, tél. 514 555-0199, 20% de plus"
    assert typography(text, rules) == (
        f"Voir https://example.com/a%20b ou a20%@example.com, tél. 514 555-0199, 20{NBSP}% de plus"
    )


@pytest.mark.parametrize(
    ("phone", "locale", "national"),
    [
        ("+33 6 98 12 34 56", "fr_FR", "06 98 12 34 56"),
        ("+33 (0)1 23 45 67 89", "fr_FR", "01 23 45 67 89"),
        ("+32 2 123 45 67", "fr_BE", "02 123 45 67"),
        ("+32470123456", "fr_BE", "0470 12 34 56"),
        ("+41 21 123 45 67", "fr_CH", "021 123 45 67"),
        ("+1 514 555-0199", "fr_CA", "514 555-0199"),
        ("+15145550199", "fr_CA", "514 555 0199"),
        ("06 98 12 34 56", "fr_FR", "06 98 12 34 56"),
        ("+33 6 98 12 34 56", "fr_BE", "+33 6 98 12 34 56"),
    ],
)
def test_national_number(phone: str, locale: str, national: str) -> None:
    assert national_number(phone, locale) == national


def test_sloppy_input_reads_clean_in_a_note() -> None:
    typed = interview(
        company="Banque Nationale",
        strengths=["Solide expérience en crédit.", "Maîtrise de l'anglais et de l'espagnol."],
        forgot_to_mention="j'ai oublié de mentionner que j'ai géré 3M$ pendant 5 ans",
    )
    [note] = thank_you_notes(replace(typed, candidate=replace(CAMILLE, gender="f")))
    assert (
        "solide expérience en crédit ainsi que maîtrise de l’anglais et de l’espagnol." in note.body
    )
    assert f"pendant l’entrevue. J’ai géré 3{NBSP}M$ pendant 5{NBSP}ans." in note.body
    assert "à l’équipe de la Banque Nationale." in note.body


def test_module_examples_run() -> None:
    results = doctest.testmod(_cleanup)
    assert results.attempted > 8
    assert results.failed == 0
