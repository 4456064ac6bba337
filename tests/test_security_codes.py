"""The codes, parameters and French of the problems the security checks raise.

Covers: each check of a draft's fields (kind, locale, addresses, sender, subject,
send day, references) reports its own code with the exact sentence in English and in
French; an interview file too large or nested too deeply; an ``--out`` file that
stands in the way, which keeps its exit status 1 and gets a code.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from relance import Draft, Interview, InvalidInput, cli
from relance._cli_files import write_all
from relance.errors import Unwritable

NBSP, NNBSP = "\u00a0", "\u202f"

VALID: dict[str, Any] = {
    "kind": "thank_you",
    "locale": "fr_CA",
    "sender": "Camille Roy <camille.roy@example.com>",
    "to": "Marie Tremblay <marie.tremblay@example.org>",
    "subject": "Merci pour l’entrevue",
    "body": "Bonjour Madame Tremblay,\n\nMerci.\n\nCamille Roy",
    "send_on": date(2026, 12, 2),
}
MANY = ", ".join(f"p{n}@example.org" for n in range(51))


@pytest.mark.parametrize(
    ("field", "value", "code", "params", "sentences"),
    [
        pytest.param(
            "kind",
            "merci",
            "kind.unknown",
            {
                "value": "merci",
                "kinds": ["thank_you", "follow_up", "second_follow_up", "rejection_reply"],
            },
            (
                (
                    "Unknown kind 'merci'; use one of 'thank_you', 'follow_up', "
                    "'second_follow_up', 'rejection_reply'."
                ),
                (
                    f"Type de message inconnu{NBSP}: «{NBSP}merci{NBSP}»{NNBSP}; indiquez l’un des "
                    f"types «{NBSP}thank_you{NBSP}», «{NBSP}follow_up{NBSP}», "
                    f"«{NBSP}second_follow_up{NBSP}», «{NBSP}rejection_reply{NBSP}»."
                ),
            ),
            id="kind",
        ),
        pytest.param(
            "locale",
            "fr_LU",
            "locale.unknown",
            {"value": "fr_LU", "supported": ["fr_CA", "fr_FR", "fr_BE", "fr_CH"]},
            (
                (
                    "Unknown locale 'fr_LU'; the supported ones are "
                    "'fr_CA', 'fr_FR', 'fr_BE', 'fr_CH'."
                ),
                (
                    f"Région inconnue{NBSP}: «{NBSP}fr_LU{NBSP}»{NNBSP}; "
                    f"les régions prises en charge sont «{NBSP}fr_CA{NBSP}», «{NBSP}fr_FR{NBSP}», "
                    f"«{NBSP}fr_BE{NBSP}», «{NBSP}fr_CH{NBSP}»."
                ),
            ),
            id="locale",
        ),
        pytest.param(
            "sender",
            "a@example.com, b@example.com",
            "address.one_sender",
            {},
            (
                "Give exactly one sender address: Name <name@example.com>.",
                f"Indiquez une seule adresse d’expéditeur{NBSP}: Nom <nom@example.com>.",
            ),
            id="two senders",
        ),
        pytest.param(
            "to",
            "Marie <marie@example>",
            "address.invalid",
            {
                "address": "marie@example",
                "reason": "The part after the @-sign is not valid. It should have a period.",
            },
            (
                (
                    "'marie@example' is not a valid email address: "
                    "The part after the @-sign is not valid. It should have a period."
                ),
                (
                    f"«{NBSP}marie@example{NBSP}» n’est pas une adresse électronique "
                    f"valide{NNBSP}; vérifiez-la."
                ),
            ),
            id="bad address",
        ),
        pytest.param(
            "to",
            MANY,
            "address.too_many",
            {"max": 50},
            (
                "At most 50 addresses.",
                "Au plus 50 adresses.",
            ),
            id="51 recipients",
        ),
        pytest.param(
            "subject",
            "Merci =?utf-8?q?x?=",
            "header.encoded_word",
            {},
            (
                "Text shaped like an RFC 2047 encoded word (=?…?=) is not allowed here.",
                "Un texte en forme de mot encodé selon la RFC 2047 (=?…?=) n’est pas permis ici.",
            ),
            id="encoded word",
        ),
        pytest.param(
            "send_on",
            "2026-12-02",
            "type.date",
            {"example": "date(2026, 12, 2)"},
            (
                "Expected a date, such as date(2026, 12, 2).",
                "Une date est attendue ici, comme date(2026, 12, 2).",
            ),
            id="send_on as text",
        ),
        pytest.param(
            "references",
            "<a@example.org>",
            "references.type",
            {},
            (
                "Expected a list of Message-IDs, oldest first.",
                "Une liste de Message-ID est attendue ici, du plus ancien au plus récent.",
            ),
            id="references as text",
        ),
        pytest.param(
            "references",
            [f"<r{n}@example.org>" for n in range(101)],
            "references.too_many",
            {"max": 100},
            (
                "At most 100 Message-IDs.",
                "Au plus 100 identifiants de message (Message-ID).",
            ),
            id="101 references",
        ),
    ],
)
def test_each_check_of_a_draft_has_its_code_and_both_sentences(
    field: str, value: object, code: str, params: dict[str, Any], sentences: tuple[str, str]
) -> None:
    with pytest.raises(InvalidInput) as caught:
        Draft(**{**VALID, field: value})
    [problem] = caught.value.problems
    assert (problem.field, problem.code, dict(problem.params)) == (field, code, params)
    assert (problem.message, problem.message_in("fr")) == sentences


def test_an_interview_file_too_large_says_so_with_thousands_apart_in_french(
    tmp_path: Path,
) -> None:
    path = tmp_path / "interview.toml"
    path.write_text("# " + "x" * (1024 * 1024), encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        Interview.load(path)
    [problem] = caught.value.problems
    assert (problem.field, problem.code, dict(problem.params)) == (
        str(path),
        "file.too_large",
        {"max": 1024},
    )
    assert problem.message == "This file is larger than 1024 kB: not an interview."
    assert problem.message_in("fr") == (
        f"Ce fichier dépasse 1{NNBSP}024{NBSP}ko{NBSP}: ce n’est pas la description d’une entrevue."
    )


@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_an_interview_file_nested_too_deeply_has_its_code(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"interview{suffix}"
    nested = "[" * 100_000 + "]" * 100_000
    path.write_text(nested if suffix == ".json" else f"a = {nested}\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        Interview.load(path)
    [problem] = caught.value.problems
    assert (problem.field, problem.code) == (str(path), "file.too_deep")
    assert problem.message_in("fr") == (
        f"Ses valeurs sont imbriquées bien trop profondément{NBSP}: "
        "ce n’est pas la description d’une entrevue."
    )


def test_an_out_file_in_the_way_keeps_status_1_and_has_a_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    interview = tmp_path / "interview.toml"
    assert cli.main(["example"]) == 0
    interview.write_text(capsys.readouterr().out, encoding="utf-8")
    out = tmp_path / "out"
    (out / "thank-you-2-dominique-belanger.txt").mkdir(parents=True)
    with pytest.raises(Unwritable) as caught:
        write_all(out, {"thank-you-2-dominique-belanger.txt": b"x"}, option="--out")
    problem = caught.value.problem
    assert (problem.field, problem.code) == ("--out", "file.in_the_way")
    assert problem.message_in("fr") == (
        f"{out / 'thank-you-2-dominique-belanger.txt'} existe déjà et n’est pas un fichier"
        f"{NNBSP}; rien n’a été écrit."
    )
    assert cli.main(["thank-you", str(interview), "--out", str(out)]) == 1
