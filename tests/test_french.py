"""The language layer, rule by rule: elision, contraction, agreement, dates, typography."""

from __future__ import annotations

import doctest
from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relance import _french
from relance._french import (
    Typography,
    a,
    agree,
    clock_time,
    de,
    elides,
    join,
    long_date,
    que,
    relative_day,
    typography,
)
from relance._locales import LOCALES, Noun

NBSP, NNBSP = "\u00a0", "\u202f"
QUEBEC = LOCALES["fr_CA"].typography


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ubisoft", "d’Ubisoft"),
        ("IBM", "d’IBM"),
        ("Hydro-Québec", "d’Hydro-Québec"),
        ("Hachette", "de Hachette"),
        ("Hachette Canada", "de Hachette Canada"),
        ("Hewlett-Packard", "de Hewlett-Packard"),
        ("H&M", "de H&M"),
        ("Le Devoir", "du Devoir"),
        ("le Cirque du Soleil", "du Cirque du Soleil"),
        ("Les Affaires", "des Affaires"),
        ("La Presse", "de La Presse"),
        ("L’Oréal", "de L’Oréal"),
        ("L'Oréal", "de L'Oréal"),
        ("Laval Technologies", "de Laval Technologies"),
        ("Lesage", "de Lesage"),
        ("Yahoo", "de Yahoo"),
        ("Yves Rocher", "d’Yves Rocher"),
        ("3M", "de 3M"),
        ("A. Tremblay inc.", "de A. Tremblay inc."),
        ("Œuvre Léger", "d’Œuvre Léger"),
        ("Écho Média", "d’Écho Média"),
        ("analyste de données", "d’analyste de données"),
        ("développeur", "de développeur"),
        ("hygiéniste dentaire", "d’hygiéniste dentaire"),
        ("hier", "d’hier"),
        ("avant-hier", "d’avant-hier"),
        ("vendredi dernier", "de vendredi dernier"),
        ("le mardi 1er décembre", "du mardi 1er décembre"),
        ("la migration", "de la migration"),
        ("l’infonuagique", "de l’infonuagique"),
        ("les données", "des données"),
    ],
)
def test_de_elides_and_contracts(name: str, expected: str) -> None:
    assert de(name) == expected


def test_de_without_contraction_for_family_names() -> None:
    assert de("Le Gardeur", contract=False) == "de Le Gardeur"
    assert de("Isabelle", contract=False) == "d’Isabelle"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Le Devoir", "au Devoir"),
        ("Les Affaires", "aux Affaires"),
        ("La Presse", "à La Presse"),
        ("L’Oréal", "à L’Oréal"),
        ("Ubisoft", "à Ubisoft"),
    ],
)
def test_a_contracts(name: str, expected: str) -> None:
    assert a(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Hydro-Québec", "qu’Hydro-Québec"), ("Hachette", "que Hachette"), ("IBM", "qu’IBM")],
)
def test_que_elides(name: str, expected: str) -> None:
    assert que(name) == expected


@pytest.mark.parametrize("word", ["", " ", "«", "-"])
def test_elides_is_false_without_a_word(word: str) -> None:
    assert not elides(word)


@pytest.mark.parametrize(
    ("word", "feminine"),
    [
        ("intéressé", "intéressée"),
        ("convaincu", "convaincue"),
        ("candidat", "candidate"),
        ("heureux", "heureuse"),
        ("attentif", "attentive"),
        ("premier", "première"),
        ("ravi", "ravie"),
        ("disponible", "disponible"),
        ("enthousiaste", "enthousiaste"),
        ("prêt", "prête"),
        ("canadien", "canadienne"),
        ("professionnel", "professionnelle"),
    ],
)
def test_agree_feminine_and_masculine(word: str, feminine: str) -> None:
    assert agree(word, "f") == feminine
    assert agree(word, "m") == word


def test_agree_refuses_to_guess_without_a_gender() -> None:
    with pytest.raises(ValueError, match="wording that needs no agreement"):
        agree("intéressé", None)


@pytest.mark.parametrize(
    ("day", "kwargs", "expected"),
    [
        (date(2026, 12, 1), {}, "mardi 1er décembre 2026"),
        (date(2026, 12, 2), {}, "mercredi 2 décembre 2026"),
        (date(2027, 1, 1), {"year": False}, "vendredi 1er janvier"),
        (date(2026, 6, 24), {"weekday": False}, "24 juin 2026"),
        (date(2026, 8, 11), {"weekday": False, "year": False}, "11 août"),
    ],
)
def test_long_date_writes_1er_and_lower_case_names(
    day: date, kwargs: dict[str, bool], expected: str
) -> None:
    assert long_date(day, "fr_CA", **kwargs) == expected


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (time(14, 30), f"14{NBSP}h{NBSP}30"),
        (time(9, 0), f"9{NBSP}h"),
        (time(9, 5), f"9{NBSP}h{NBSP}05"),
        (time(0, 0), f"0{NBSP}h"),
    ],
)
def test_clock_time(moment: time, expected: str) -> None:
    assert clock_time(moment) == expected


@pytest.mark.parametrize(
    ("held", "today", "expected"),
    [
        (date(2026, 12, 2), date(2026, 12, 2), "aujourd’hui"),
        (date(2026, 12, 1), date(2026, 12, 2), "hier"),
        (date(2026, 6, 23), date(2026, 6, 25), "mardi"),  # never « avant-hier »
        (date(2026, 11, 30), date(2026, 12, 4), "lundi"),  # the same week
        (date(2026, 11, 27), date(2026, 11, 30), "vendredi dernier"),
        (date(2026, 11, 24), date(2026, 11, 30), "mardi dernier"),
        (date(2026, 11, 23), date(2026, 11, 30), "le lundi 23 novembre"),
        (date(2026, 12, 1), date(2026, 12, 10), "le mardi 1er décembre"),
        (date(2026, 12, 1), date(2027, 1, 10), "le mardi 1er décembre 2026"),
    ],
)
def test_relative_day(held: date, today: date, expected: str) -> None:
    assert relative_day(held, today, "fr_CA") == expected


def test_relative_day_refuses_the_future() -> None:
    with pytest.raises(ValueError, match="past"):
        relative_day(date(2026, 12, 3), date(2026, 12, 2), "fr_CA")


def test_join_uses_babel_list_pattern() -> None:
    assert join(["A"], "fr_CA") == "A"
    assert join(["A", "B"], "fr_CA") == "A et B"
    assert join(["A", "B", "C"], "fr_CA") == "A, B et C"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L'équipe", "L’équipe"),
        ("Objet: merci", f"Objet{NBSP}: merci"),
        ("Objet : merci", f"Objet{NBSP}: merci"),
        ("Merci!", f"Merci{NNBSP}!"),
        ("Vraiment ?!", f"Vraiment{NNBSP}?!"),
        ("oui; non", f"oui{NNBSP}; non"),
        ("« Bonjour »", f"«{NBSP}Bonjour{NBSP}»"),
        ("«Bonjour»", f"«{NBSP}Bonjour{NBSP}»"),
        ('le "nuage" public', f"le «{NBSP}nuage{NBSP}» public"),
        ("Attendez...", "Attendez…"),
        ("la clé - vraiment", "la clé – vraiment"),
        ("à 14:30", "à 14:30"),
        ("après 16 h", f"après 16{NBSP}h"),
        ("vers 9h30 ou 09 h 05", f"vers 9{NBSP}h{NBSP}30 ou 9{NBSP}h{NBSP}05"),
        ("le 3 hôtels", "le 3 hôtels"),
        ("2 huîtres, 25 h", "2 huîtres, 25 h"),
        ("deux  espaces", "deux espaces"),
        ("Voir https://example.com/a?b=c;d!", f"Voir https://example.com/a?b=c;d{NNBSP}!"),
        ("Écrire à o'neil@example.com: merci", f"Écrire à o'neil@example.com{NBSP}: merci"),
        ("Appelez le 514 555-0199; merci", f"Appelez le 514 555-0199{NNBSP}; merci"),
        ("Tél. : +1 (514) 555-0199", f"Tél.{NBSP}: +1 (514) 555-0199"),
    ],
)
def test_typography(text: str, expected: str) -> None:
    assert typography(text, QUEBEC) == expected


def test_typography_is_idempotent() -> None:
    text = "L'équipe: « oui »; merci! Voir www.example.com, a.b@example.com ou 514 555-0199."
    once = typography(text, QUEBEC)
    assert typography(once, QUEBEC) == once


def test_swiss_typography_uses_narrow_spaces_everywhere() -> None:
    swiss = Typography(NNBSP, NNBSP, NNBSP)
    assert typography("Objet: « oui »", swiss) == f"Objet{NNBSP}: «{NNBSP}oui{NNBSP}»"


@pytest.mark.parametrize(
    ("noun", "the", "a_form"),
    [
        (Noun("entrevue", "f"), "l’entrevue", "une entrevue"),
        (Noun("courriel", "m"), "le courriel", "un courriel"),
        (Noun("boîte vocale", "f"), "la boîte vocale", "une boîte vocale"),
        (Noun("entretien", "m"), "l’entretien", "un entretien"),
    ],
)
def test_nouns_carry_their_article(noun: Noun, the: str, a_form: str) -> None:
    assert (noun.the, noun.a, str(noun)) == (the, a_form, noun.word)


def test_module_examples_run() -> None:
    results = doctest.testmod(_french)
    assert results.attempted > 5
    assert results.failed == 0


PROSE = st.text(
    alphabet=st.sampled_from(list("abcé’'\"«» :;!?.,-\u00a0\u202f\n0123456789h@/")),
    max_size=60,
)


@settings(max_examples=2000, deadline=None)
@given(text=PROSE)
def test_typography_never_fails_and_is_stable(text: str) -> None:
    once = typography(text, QUEBEC)
    assert typography(once, QUEBEC) == once
    if "@" not in text:  # an address keeps its own apostrophe: o'neil@example.com
        assert "'" not in once


@settings(max_examples=200, deadline=None)
@given(
    before=st.sampled_from(["Écrivez à ", "Voir : ", "« ", "Tél. ", ""]),
    protected=st.sampled_from(
        [
            "jo.o'neil@example.com",
            "https://example.com/a?b=c;d:e!f",
            "www.example.org/x;y",
            "514 555-0199",
            "+33 1 23 45 67 89",
            "(514) 555-0199",
        ]
    ),
    after=st.sampled_from([" ; merci !", ".", " : oui", " »", ""]),
)
def test_typography_never_touches_addresses_urls_or_phones(
    before: str, protected: str, after: str
) -> None:
    assert protected in typography(f"{before}{protected}{after}", QUEBEC)
