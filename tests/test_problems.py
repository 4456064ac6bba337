"""Problems with codes, parameters and a French sentence.

Covers: every code the source raises is in the table, in docs/errors.md and in the
French catalogue, and nothing else is; the catalogue is what Babel's own tools make
of the source today (extracted and compiled again here); Grammalecte finds nothing in
the French; the exact sentences in both languages; the language a command line's
environment asks for; and the compatibility of ``Problem(field, message)``.
"""

from __future__ import annotations

import ast
import html
import io
import json
import os
import pickle
import re
import string
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from relance import Candidate, Contact, Draft, Interview, InvalidInput, Problem
from relance._delivery import SmtpAccount
from relance._grammalecte import INSTALL, Text, check, command
from relance._i18n import cli_language, format_message, language_of, translate
from relance._journal import Journal
from relance._problems import DEFAULT_CODE, MESSAGES
from relance._status import Event

ROOT = Path(__file__).parent.parent
SOURCE = ROOT / "src" / "relance"
CATALOGUE = SOURCE / "locale" / "fr" / "LC_MESSAGES"
CODE = re.compile(r"[a-z_]+\.[a-z_0-9]+")

# Parameters for every code whose sentence names some: what relance passes there.
SAMPLES: dict[str, dict[str, Any]] = {
    "field.unknown": {"fields": ["name", "email"]},
    "choice.unknown": {"value": "x", "choices": ["f", "m"]},
    "company.article_unknown": {"name": "Groupe Conseil Roy"},
    "date.past": {"day": "2026-12-02", "today": "2026-12-09"},
    "batch.not_json": {"reason": "Expecting value", "column": 3},
    "reply.before_rejection": {"day": "2026-12-02", "received": "2026-12-09"},
    "rejection.dated_before_interview": {"day": "2026-11-20", "held": "2026-12-01"},
    "file.exists_force": {"directory": "out", "names": "thank-you-1.txt"},
    "text.too_long": {"length": 130, "max_length": 100},
    "type.text": {"type": "int"},
    "type.integer": {"type": "string"},
    "type.number": {"type": "string"},
    "type.list": {"type": "string"},
    "type.date": {"example": "2026-12-02"},
    "number.negative": {"value": -3},
    "email.invalid": {"reason": "There must be something after the @-sign."},
    "contact.name_mismatch": {"name": "Marie Tremblay"},
    "address.invalid": {
        "address": "marie@rh",
        "reason": "The part after the @-sign is not valid. It should have a period.",
    },
    "address.too_many": {"max": 50},
    "references.too_many": {"max": 100},
    "kind.unknown": {"value": "merci", "kinds": ["thank_you", "follow_up"]},
    "rejection.too_large": {"max": 25},
    "rejection.headers_too_long": {"max": 64},
    "rejection.line_not_header": {"line": 2, "text": "not a header line"},
    "rejection.too_many_headers": {"max": 300},
    "rejection.header_too_long": {"max": 8},
    "rejection.too_many_addresses": {"count": 51, "max": 50},
    "file.too_large": {"max": 1024},
    "file.in_the_way": {"path": "sortie/thank-you-2.txt"},
    "interviewers.too_many": {"max": 9},
    "strengths.too_many": {"max": 3},
    "locale.unknown": {"value": "fr_LU", "supported": ["fr_CA", "fr_FR"]},
    "tone.unknown": {"value": "casual"},
    "region.unknown": {"value": "ZZ", "country": "CA", "known": ["ON", "QC"]},
    "date.invalid": {"value": "2026-13-01"},
    "date.year_out_of_range": {"year": 1990},
    "date.before_interview": {"day": "2026-11-30", "held": "2026-12-01"},
    "date.today_before_interview": {"held": "2026-12-01"},
    "rejection.unreadable": {"reason": "unknown encoding"},
    "eml.no_recipient": {"name": "thank-you-2"},
    "file.not_found_at": {"path": "refus.eml"},
    "file.unreadable": {"reason": "Permission denied"},
    "file.unreadable_at": {"path": "refus.eml", "reason": "Permission denied"},
    "file.toml_invalid": {"reason": "Expected '=' after a key"},
    "file.json_invalid": {"reason": "Expecting value", "line": 1, "column": 2},
    "file.exists": {"directory": "modeles", "names": ["call.txt", "note.txt"]},
    "file.cannot_create": {"directory": "sortie", "reason": "Permission denied"},
    "file.cannot_write": {"directory": "sortie", "reason": "Permission denied"},
    "templates.not_a_directory": {"path": "modeles/mes-modeles"},
    "event.kind_unknown": {"value": "merci", "kinds": ["thank_you_sent", "call_reached"]},
    "event.in_future": {"day": "2026-12-21", "today": "2026-12-20"},
    "event.not_an_interviewer": {
        "name": "Jean Dupont",
        "interviewers": ["Marie Tremblay", "Dominique Bélanger"],
    },
    "journal.cannot_open": {"path": "relance.sqlite3", "reason": "unable to open database file"},
    "journal.not_a_journal": {"path": "agenda.db", "reason": "file is not a database"},
    "journal.too_new": {"path": "relance.sqlite3", "version": 99, "supported": 2},
    "journal.id_unknown_near": {
        "id": "ubisoft-analyste",
        "path": "relance.sqlite3",
        "near": ["ubisoft-analyste-2026-12-01"],
    },
    "journal.id_unknown": {"id": "acme", "path": "relance.sqlite3"},
    "journal.empty": {"id": "acme", "path": "relance.sqlite3"},
    "journal.id_taken": {"id": "ubisoft-analyste-2026-12-01"},
    "journal.id_repeated": {"id": "ubisoft-analyste-2026-12-01"},
    "export.format_unknown": {"value": 2, "known": 1},
    "export.unreadable": {"reason": "Expecting value: line 1 column 1 (char 0)"},
    "config.table_missing": {"path": "config.toml", "table": "imap"},
    "config.key_unknown": {"keys": ["host", "port", "username"]},
    "config.password_in_file": {"variable": "RELANCE_IMAP_PASSWORD"},
    "account.security_none_remote": {"protocol": "IMAP", "host": "imap.example.com"},
    "account.cafile_missing": {"path": "ca.pem"},
    "language.unknown": {"value": "de", "supported": ["en", "fr"]},
    "schema.unknown": {"value": "x", "known": ["draft", "plan"]},
    "delivery.saved": {"folder": "Brouillons"},
    "delivery.saved_uid": {"folder": "Brouillons", "uid": 3},
    "delivery.imap_refused": {
        "server": "imap.example.com:993",
        "reason": "NO [OVERQUOTA] Quota exceeded",
    },
    "delivery.imap_lost": {"server": "imap.example.com:993", "reason": "socket error"},
    "delivery.imap_lost_before": {"server": "imap.example.com:993"},
    "delivery.sent": {"server": "smtp.example.com:465", "reply": "250 2.0.0 Ok"},
    "delivery.would_send": {
        "server": "smtp.example.com:465",
        "sender": "camille.roy@example.com",
        "recipients": "marie.tremblay@example.com",
        "size": 4321,
    },
    "delivery.too_early": {"day": "2026-12-11"},
    "delivery.sender_refused": {
        "server": "smtp.example.com:465",
        "sender": "camille.roy@example.com",
        "reply": "553 5.7.1 Sender address rejected",
    },
    "delivery.recipient_refused": {
        "server": "smtp.example.com:465",
        "refused": "marie.tremblay@example.com (550 5.1.1 User unknown)",
    },
    "delivery.message_refused": {
        "server": "smtp.example.com:465",
        "reply": "552 5.3.4 Too big",
    },
    "delivery.smtp_lost": {
        "server": "smtp.example.com:465",
        "reason": "Connection unexpectedly closed",
    },
    "delivery.smtp_lost_before": {"server": "smtp.example.com:465"},
    "server.cafile_unreadable": {"path": "ca.pem", "reason": "no certificate found"},
    "server.login_refused": {
        "protocol": "IMAP",
        "server": "imap.example.com:993",
        "username": "camille",
        "reply": "AUTHENTICATIONFAILED Authentication failed",
    },
    "server.not_ascii": {"protocol": "SMTP", "server": "smtp.example.com:465"},
    "server.certificate": {
        "protocol": "IMAP",
        "server": "imap.example.com:993",
        "reason": "unable to get local issuer certificate",
    },
    "server.certificate_cafile": {
        "protocol": "IMAP",
        "server": "imap.example.com:993",
        "reason": "unable to get local issuer certificate",
    },
    "server.tls_failed": {
        "protocol": "SMTP",
        "server": "smtp.example.com:587",
        "reason": "wrong version number",
    },
    "server.host_unknown": {"host": "imap.example.com"},
    "server.timeout": {"protocol": "IMAP", "server": "imap.example.com:993", "seconds": "30"},
    "server.connection_refused": {"protocol": "SMTP", "server": "smtp.example.com:465"},
    "server.unreachable": {
        "protocol": "SMTP",
        "server": "smtp.example.com:465",
        "reason": "Network is unreachable",
    },
    "server.unusable": {
        "protocol": "IMAP",
        "server": "imap.example.com:993",
        "reason": "unexpected response",
    },
    "server.no_such_folder": {
        "server": "imap.example.com:993",
        "folder": "Brouillon",
        "folders": ["Archives", "Brouillons", "INBOX"],
    },
    "server.no_drafts_folder": {
        "server": "imap.example.com:993",
        "names": ["Drafts", "Brouillons", "[Gmail]/Drafts", "INBOX.Drafts"],
        "folders": ["Archives", "INBOX", "Sent"],
    },
    "server.no_starttls": {"server": "smtp.example.com:587"},
    "server.no_auth": {"server": "smtp.example.com:25"},
    "server.connection_rejected": {
        "server": "smtp.example.com:25",
        "reply": "554 5.7.1 Access denied",
    },
}

# Names of formats, options and Python objects the French writes as they are.
TECHNICAL = frozenset(
    {
        "TOML",
        "JSON",
        "EML",
        "Templates",
        "reply-to",
        "received",
        "send",
        "send-on",
        "formal",
        "true",
        "false",
    }
    | {"Event", "events", "track", "host", "username", "delivery", "md", "PEM"}
    | {"tls", "starttls", "localhost"}
    | {"UID", "allow", "early", "True"}  # an IMAP message's number; allow_early=True
    | {"cafile", "STARTTLS", "AUTH", "TLS", "IMAP", "SMTP", "ASCII", "Gmail", "folder"}
)


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def codes_in_source() -> set[str]:
    """The code of every problem the source builds: the second argument of each call
    to ``Problem.of``, ``InvalidInput.of`` and a checker's or reader's ``add``."""
    found: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("of", "add")
                and len(node.args) >= 2
            ):
                code = node.args[1]
                choices = [code.body, code.orelse] if isinstance(code, ast.IfExp) else [code]
                found |= {
                    choice.value
                    for choice in choices
                    if isinstance(choice, ast.Constant) and isinstance(choice.value, str)
                }
    return found


def codeless_constructions() -> list[str]:
    """Every place in the source that builds a problem without a code (errors.py
    defines the compatible ``InvalidInput.one``, for code outside relance)."""
    found: list[str] = []
    for path in SOURCE.rglob("*.py"):
        if path.name == "errors.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            if isinstance(func, ast.Name) and func.id == "Problem":
                found.append(f"{path.name}:{node.lineno}")
            if isinstance(func, ast.Attribute) and func.attr == "one":
                found.append(f"{path.name}:{node.lineno}")
    return found


def documented_codes() -> dict[str, tuple[str, str]]:
    rows = re.findall(
        r"^\| `([^`]+)` \| (.*?) \| (.*?) \|$",
        (ROOT / "docs" / "errors.md").read_text(encoding="utf-8"),
        re.MULTILINE,
    )
    return {code: (html.unescape(en), html.unescape(fr)) for code, en, fr in rows}


# ---------------------------------------------------------------- One list of codes


def test_every_code_raised_is_in_the_table_and_every_code_in_the_table_is_raised() -> None:
    used = {code for code in codes_in_source() if CODE.fullmatch(code)}
    assert used == set(MESSAGES)


def test_every_problem_in_the_source_is_built_with_a_code() -> None:
    assert codeless_constructions() == []


def test_the_errors_page_lists_every_code_with_both_sentences() -> None:
    documented = documented_codes()
    assert list(documented) == sorted(MESSAGES)
    for code, (english, french) in documented.items():
        assert english == MESSAGES[code], code
        assert french == translate(MESSAGES[code], "fr"), code


def test_codes_are_dotted_lower_case_identifiers() -> None:
    assert [code for code in MESSAGES if not CODE.fullmatch(code)] == []
    assert DEFAULT_CODE not in MESSAGES


def test_every_sentence_with_parameters_has_samples_that_fill_it() -> None:
    for code, english in MESSAGES.items():
        params = SAMPLES.get(code, {})
        assert placeholders(english) == set(params), code
        french = translate(english, "fr")
        assert french != english, code
        assert placeholders(french) <= placeholders(english), code
        format_message(english, params)
        format_message(french, params)


# ------------------------------------------------------- The catalogue is current


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The message template pybabel extracts from the source today, as configured in
    pyproject.toml."""
    output = tmp_path_factory.mktemp("babel") / "relance.pot"
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        CommandLineInterface().run(
            ["pybabel", "-q", "extract", "-F", "pyproject.toml", "-o", str(output)]
        )
    finally:
        os.chdir(here)
    return output


def test_the_french_catalogue_has_every_message_of_the_source_and_no_other(
    extracted: Path,
) -> None:
    with extracted.open("rb") as stream:
        template = read_po(stream)
    with (CATALOGUE / "relance.po").open("rb") as stream:
        french = read_po(stream, locale="fr")
    assert {m.id for m in template if m.id} == {m.id for m in french if m.id}
    assert {m.id for m in template if m.id} == set(MESSAGES.values())
    assert [m.id for m in french if m.id and (not m.string or m.fuzzy)] == []


def test_the_compiled_catalogue_is_the_po_file_compiled() -> None:
    with (CATALOGUE / "relance.po").open("rb") as stream:
        french = read_po(stream, locale="fr")
    compiled = io.BytesIO()
    write_mo(compiled, french)
    assert compiled.getvalue() == (CATALOGUE / "relance.mo").read_bytes(), (
        "relance.mo is out of date: run pybabel compile"
    )


# --------------------------------------------------------------- Good French


def grammalecte() -> str:
    found = command()
    if found is None:
        message = f"Grammalecte is not installed: {INSTALL}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def test_grammalecte_finds_nothing_in_the_french_sentences() -> None:
    texts = {}
    for code, english in MESSAGES.items():
        params = SAMPLES.get(code, {})
        words = " ".join(str(value) for value in params.values()).replace("'", " ")
        # An identifier such as thank_you_sent is a name, and so is each of its words.
        names = frozenset(re.findall(r"[\w-]+", words) + re.findall(r"[^\W_]+", words))
        names |= TECHNICAL
        texts[code] = Text(format_message(translate(english, "fr"), params), names)
    report = check(texts, grammalecte=grammalecte())
    assert {code: found for code, found in report.items() if found} == {}


def test_french_sentences_are_typeset_like_relance_s_messages() -> None:
    for english in MESSAGES.values():
        french = translate(english, "fr")
        assert "'" not in french.replace("'='", ""), french
        assert not re.search(r"[^\u202f][;!?](\s|$)", french), french
        assert not re.search(r"[^\u00a0]:\s", french), french
        assert not re.search(r"«[^\u00a0]|[^\u00a0]»", french), french
        assert french[-1] in ".)", french


# ----------------------------------------------------------- Exact sentences

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (
            lambda: Candidate("Camille Roy", "camille.roy@example.com", gender="x"),
            [
                (
                    "gender",
                    "choice.unknown",
                    {"value": "x", "choices": ["f", "m"]},
                    "Unknown value 'x'; use one of 'f', 'm', or leave it out.",
                    (
                        f"Valeur inconnue{NBSP}: «{NBSP}x{NBSP}»{NNBSP}; indiquez l’une des "
                        f"valeurs «{NBSP}f{NBSP}», «{NBSP}m{NBSP}», ou omettez ce champ."
                    ),
                )
            ],
        ),
        (
            lambda: Contact("M" * 101),
            [
                (
                    "name",
                    "text.too_long",
                    {"length": 101, "max_length": 100},
                    "Too long: 101 characters, at most 100.",
                    f"Trop long{NBSP}: 101 caractères, pour 100 au plus.",
                )
            ],
        ),
        (
            lambda: Interview.from_dict({"candidate": {"name": "Camille Roy"}}),
            [
                ("candidate.email", "field.required", {}, "This field is required.", None),
                ("company", "field.required", {}, "This field is required.", None),
                ("position", "field.required", {}, "This field is required.", None),
                ("held_at", "field.required", {}, "This field is required.", None),
                (
                    "interviewers",
                    "interviewers.missing",
                    {},
                    "At least one interviewer is required.",
                    "Indiquez au moins une des personnes que vous avez rencontrées.",
                ),
            ],
        ),
        (
            lambda: Draft.from_dict({"send_on": "2026-02-30"}),
            [
                ("kind", "field.required", {}, "This field is required.", None),
                ("locale", "field.required", {}, "This field is required.", None),
                ("sender", "field.required", {}, "This field is required.", None),
                ("to", "field.required", {}, "This field is required.", None),
                ("subject", "field.required", {}, "This field is required.", None),
                ("body", "field.required", {}, "This field is required.", None),
                (
                    "send_on",
                    "date.invalid",
                    {"value": "2026-02-30"},
                    "'2026-02-30' is not a date like 2026-12-02.",
                    f"«{NBSP}2026-02-30{NBSP}» n’est pas une date de la forme 2026-12-02.",
                ),
            ],
        ),
    ],
    ids=["choice", "too-long", "interview", "draft"],
)
def test_each_problem_in_english_and_in_french(
    build: Any, expected: list[tuple[str, str, dict[str, Any], str, str | None]]
) -> None:
    with pytest.raises(InvalidInput) as caught:
        build()
    got = [
        (p.field, p.code, p.params, p.message, p.message_in("fr")) for p in caught.value.problems
    ]
    required = "Ce champ est obligatoire."
    assert got == [
        (field, code, params, english, french or required)
        for field, code, params, english, french in expected
    ]
    for problem in caught.value.problems:
        assert problem.message_in("en") == problem.message
        assert json.loads(json.dumps(problem.params)) == problem.params


def test_events_accounts_and_the_journal_report_codes_in_both_languages(
    tmp_path: Path,
) -> None:
    def unknown_id() -> None:
        with Journal(tmp_path / "j.sqlite3") as journal:
            journal.events("acme")

    problems: list[Problem] = []
    for build in (
        lambda: Event(date(2026, 12, 2), "merci", note="n" * 201),
        lambda: SmtpAccount("smtp.example.com", "camille", None, port=0),
        unknown_id,
    ):
        with pytest.raises(InvalidInput) as caught:
            build()
        problems += caught.value.problems
    got = [(p.field, p.code, p.params, p.message, p.message_in("fr")) for p in problems]
    kinds = json.loads(json.dumps(problems[0].params))["kinds"]
    path = str(tmp_path / "j.sqlite3")
    assert got == [
        (
            "kind",
            "event.kind_unknown",
            {"value": "merci", "kinds": kinds},
            f"Unknown kind 'merci'; use one of {', '.join(kinds)}.",
            (
                f"Type d’évènement inconnu{NBSP}: «{NBSP}merci{NBSP}»{NNBSP}; indiquez l’un "
                f"des types suivants{NBSP}: {', '.join(kinds)}."
            ),
        ),
        (
            "note",
            "text.too_long",
            {"length": 201, "max_length": 200},
            "Too long: 201 characters, at most 200.",
            f"Trop long{NBSP}: 201 caractères, pour 200 au plus.",
        ),
        (
            "port",
            "account.port_invalid",
            {},
            "A port is a whole number from 1 to 65535.",
            f"Un port est un nombre entier de 1 à 65{NNBSP}535.",
        ),
        (
            "password",
            "account.credentials_partial",
            {},
            "Give the username and the password together.",
            "Indiquez à la fois le nom d’utilisateur et le mot de passe.",
        ),
        (
            "id",
            "journal.empty",
            {"id": "acme", "path": path},
            (
                f"No interview 'acme' in {path}; the journal is empty: "
                "`relance track FILE` adds an interview."
            ),
            (
                f"Aucune entrevue «{NBSP}acme{NBSP}» dans {path}{NNBSP}; le journal est "
                f"vide{NBSP}: la commande «{NBSP}relance track FICHIER{NBSP}» y ajoute une "
                "entrevue."
            ),
        ),
    ]
    assert "thank_you_sent" in kinds


def test_messages_in_gives_each_problem_as_a_line_in_the_language() -> None:
    with pytest.raises(InvalidInput) as caught:
        Candidate(name="", email="camille@")
    err = caught.value
    assert err.messages_in("en") == (
        "name: This field is required and must not be empty.",
        "email: This is not a valid email address: There must be something after the @-sign.",
    )
    assert err.messages_in("fr_CA") == (
        f"name{NBSP}: Ce champ est obligatoire et ne doit pas être vide.",
        f"email{NBSP}: Cette adresse électronique n’est pas valide{NNBSP}; vérifiez-la.",
    )
    assert err.messages_in("en") == tuple(str(problem) for problem in err.problems)


def test_paths_placed_under_a_prefix_keep_their_codes() -> None:
    with pytest.raises(InvalidInput) as caught:
        Interview.from_dict(
            {
                "candidate": {"name": "Camille Roy", "email": "camille.roy@example.com"},
                "company": "Ubisoft",
                "position": "analyste",
                "held_at": "2026-12-01",
                "interviewers": [{"name": "Marie Tremblay", "civility": "Mlle"}],
            }
        )
    [problem] = caught.value.problems
    assert (problem.field, problem.code) == ("interviewers[0].civility", "choice.unknown")
    assert problem.params == {"value": "Mlle", "choices": ["Madame", "Monsieur"]}


@pytest.mark.parametrize("language", ["de", "", "français", "english", "zz_FR"])
def test_an_unknown_language_is_an_invalid_input(language: str) -> None:
    problem = Problem.of("name", "field.required")
    with pytest.raises(InvalidInput) as caught:
        problem.message_in(language)
    [found] = caught.value.problems
    assert (found.field, found.code) == ("language", "language.unknown")
    assert found.message == f"Unknown language {language!r}; use one of 'en', 'fr'."


@pytest.mark.parametrize(
    ("tag", "language"),
    [
        ("fr", "fr"),
        ("FR", "fr"),
        ("fr_CA", "fr"),
        ("fr-CH", "fr"),
        ("fr_BE.UTF-8", "fr"),
        ("fr_FR@euro", "fr"),
        ("en", "en"),
        ("en_US.UTF-8", "en"),
        ("C", "en"),
        ("C.UTF-8", "en"),
        ("POSIX", "en"),
        ("de_DE", None),
        ("", None),
    ],
)
def test_language_of_a_tag(tag: str, language: str | None) -> None:
    assert language_of(tag) == language


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({}, "en"),
        ({"LANG": "fr_CA.UTF-8"}, "fr"),
        ({"LANG": "en_CA.UTF-8"}, "en"),
        ({"LANG": "de_CH.UTF-8"}, "en"),
        ({"LC_MESSAGES": "fr_FR.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}, "en"),
        ({"LC_ALL": "fr_CH.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, "fr"),
        ({"LANGUAGE": "fr", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LANGUAGE": "de:fr:en", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LANGUAGE": "de", "LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANGUAGE": "", "LANG": "fr_BE.UTF-8"}, "fr"),
        ({"LANGUAGE": "en:fr", "LANG": "fr_FR.UTF-8"}, "en"),
    ],
)
def test_the_command_line_language_follows_the_environment_as_gettext_does(
    environ: dict[str, str], language: str
) -> None:
    assert cli_language(environ) == language


# --------------------------------------------------------------- Compatibility


def test_a_problem_built_the_old_way_keeps_its_sentence_in_every_language() -> None:
    problem = Problem("company", "Ask the recruiter.")
    assert (problem.code, problem.params) == ("input.invalid", {})
    assert problem.message_in("fr") == problem.message_in("en") == "Ask the recruiter."
    assert str(problem) == "company: Ask the recruiter."
    assert InvalidInput.one("company", "Ask the recruiter.").problems == (problem,)


def test_params_that_do_not_fit_the_code_fall_back_to_the_english_sentence() -> None:
    problem = Problem("name", "Too long.", "text.too_long", {"length": 3})
    assert problem.message_in("fr") == "Too long."


def test_problems_are_frozen_hashable_picklable_and_json_safe() -> None:
    problem = Problem.of("held_at", "date.year_out_of_range", year=1990)
    assert pickle.loads(pickle.dumps(problem)) == problem  # noqa: S301 - our own bytes
    assert hash(problem) == hash(Problem.of("held_at", "date.year_out_of_range", year=1990))
    odd = Problem.of("gender", "choice.unknown", value=b"f", choices=["f", "m"])
    assert odd.message == "Unknown value b'f'; use one of 'f', 'm', or leave it out."
    assert odd.params == {"value": "b'f'", "choices": ["f", "m"]}
    with pytest.raises(AttributeError):
        problem.code = "field.required"  # type: ignore[misc]
    error = InvalidInput([problem])
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
    assert copy.problems == error.problems
