"""Tests of :class:`relance.Draft`: the message it builds, the ``.eml`` bytes, the
``mailto:`` URI, its plain data and text, and the guards against header injection.

Every round trip parses the bytes back with the stdlib's modern parser
(``email.policy.default``), so what is checked is what a mail client would read.
"""

from __future__ import annotations

import json
import re
import smtplib
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from email import policy
from email.header import decode_header, make_header
from email.headerregistry import Address
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP as SMTPServer
from aiosmtpd.smtp import Envelope, Session
from hypothesis import given, settings
from hypothesis import strategies as st

from relance import (
    Candidate,
    Contact,
    Draft,
    Interview,
    InvalidInput,
    MissingRecipient,
    Problem,
    RelanceError,
    thank_you_notes,
)
from relance._draft import format_address

# ---------------------------------------------------------------------------- helpers

SENDER = "Camille Roy <camille.roy@example.com>"
RECIPIENT = "Marie-Ève Côté <marie-eve.cote@example.org>"
SUBJECT = "Merci pour l’entrevue d’hier – poste d’analyste de données"
BODY = (
    "Bonjour Madame Côté,\n\n"
    "Je vous remercie du temps que vous m’avez accordé hier.\n\n"
    "Je vous prie d’agréer, Madame, mes salutations distinguées.\n\n"
    "Camille Roy"
)
SEND_ON = date(2026, 12, 2)
WHEN = datetime(2026, 12, 2, 9, 30, tzinfo=timezone(timedelta(hours=-5)))

HEADER_MESSAGE = "Line breaks and control characters are not allowed in a header."
REFERENCE_MESSAGE = "Line breaks are not allowed in a header."


def make_draft(**changes: Any) -> Draft:
    """A valid thank-you draft, with some fields replaced."""
    fields: dict[str, Any] = {
        "kind": "thank_you",
        "locale": "fr_CA",
        "sender": SENDER,
        "to": RECIPIENT,
        "subject": SUBJECT,
        "body": BODY,
        "send_on": SEND_ON,
    }
    fields.update(changes)
    return Draft(**fields)


def draft_or_error(**changes: Any) -> Draft | InvalidInput:
    """The draft :func:`make_draft` builds, or the error it raises."""
    try:
        return make_draft(**changes)
    except InvalidInput as err:
        return err


def parse(raw: bytes) -> EmailMessage:
    """The bytes of a message, parsed as a mail client would (modern policy)."""
    return BytesParser(EmailMessage, policy=policy.default).parsebytes(raw)


def addresses(message: EmailMessage, name: str) -> list[tuple[str, str]]:
    """The (display name, addr-spec) pairs of an address header."""
    return [(a.display_name, a.addr_spec) for a in message[name].addresses]


def wire_body(body: str) -> str:
    """What the parsed ``.eml`` gives back for a draft body: a final newline is added,
    and the parser keeps the CRLF line ends of the file."""
    return (body + "\n").replace("\n", "\r\n")


def assert_wire_format(raw: bytes) -> None:
    """RFC 5322 section 2.1.1 and 2.3: CRLF line ends only, lines of at most 998 octets."""
    assert raw.endswith(b"\r\n")
    lines = raw[:-2].split(b"\r\n")
    for number, line in enumerate(lines, start=1):
        assert b"\r" not in line, f"bare CR on line {number}: {line!r}"
        assert b"\n" not in line, f"bare LF on line {number}: {line!r}"
        assert len(line) <= 998, f"line {number} has {len(line)} octets"


# ------------------------------------------------------------ to_message / to_eml


def test_to_message_builds_typed_headers_and_utf8_body() -> None:
    message = make_draft().to_message(message_id="<abc@example.com>", date=WHEN)
    assert isinstance(message, EmailMessage)
    assert addresses(message, "From") == [("Camille Roy", "camille.roy@example.com")]
    assert addresses(message, "To") == [("Marie-Ève Côté", "marie-eve.cote@example.org")]
    assert str(message["Subject"]) == SUBJECT
    assert message["Message-ID"] == "<abc@example.com>"
    assert message["Content-Language"] == "fr-CA"
    assert message.get_content_type() == "text/plain"
    assert message.get_content_charset() == "utf-8"
    assert message.get_content() == BODY + "\n"


def test_to_eml_round_trip() -> None:
    draft = make_draft()
    parsed = parse(draft.to_eml(message_id="<abc@example.com>", date=WHEN))
    assert str(parsed["Subject"]) == draft.subject
    assert parsed.get_content() == wire_body(draft.body)
    assert parsed.get_content().replace("\r\n", "\n") == draft.body + "\n"
    assert addresses(parsed, "From") == [("Camille Roy", "camille.roy@example.com")]
    assert addresses(parsed, "To") == [("Marie-Ève Côté", "marie-eve.cote@example.org")]
    assert parsed["Message-ID"] == "<abc@example.com>"
    assert parsed["MIME-Version"] == "1.0"
    assert parsed["Content-Transfer-Encoding"] == "quoted-printable"
    assert parsed.get_content_type() == "text/plain"
    assert parsed.get_content_charset() == "utf-8"
    assert parsed["Content-Language"] == "fr-CA"
    assert parsed["In-Reply-To"] is None
    assert parsed["References"] is None
    assert parsed.defects == []


def test_to_eml_is_to_message_as_bytes() -> None:
    draft = make_draft()
    assert (
        draft.to_eml(message_id="<x@example.com>", date=WHEN)
        == draft.to_message(message_id="<x@example.com>", date=WHEN).as_bytes()
    )


def test_to_eml_is_ascii_with_the_accents_encoded() -> None:
    raw = make_draft().to_eml(message_id="<abc@example.com>", date=WHEN)
    raw.decode("ascii")  # raises if a header or the body went out as 8-bit
    assert "Côté".encode() not in raw


@pytest.mark.parametrize(
    ("to", "expected"),
    [
        pytest.param(
            "marie@example.org",
            [("", "marie@example.org")],
            id="bare address",
        ),
        pytest.param(
            "Marie Tremblay <marie.tremblay@example.org>",
            [("Marie Tremblay", "marie.tremblay@example.org")],
            id="display name",
        ),
        pytest.param(
            "Marie-Ève Côté <marie-eve.cote@example.org>, Jean-François Bélanger <jf@example.net>",
            [
                ("Marie-Ève Côté", "marie-eve.cote@example.org"),
                ("Jean-François Bélanger", "jf@example.net"),
            ],
            id="two recipients",
        ),
        pytest.param(
            "camille+emplois@example.com",
            [("", "camille+emplois@example.com")],
            id="plus in local part",
        ),
    ],
)
def test_recipients_round_trip(to: str, expected: list[tuple[str, str]]) -> None:
    parsed = parse(make_draft(to=to).to_eml(date=WHEN))
    assert addresses(parsed, "To") == expected


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(BODY, id="letter"),
        pytest.param("Une ligne", id="one line"),
        pytest.param("« Guillemets »\u202f! Prix\u00a0: 5\u00a0$.", id="no-break spaces"),
        pytest.param(
            " ".join(["Une très longue phrase écrite sans retour à la ligne."] * 60),
            id="3300-character paragraph",
        ),
        pytest.param("a" * 2500, id="2500-octet word"),
        pytest.param("Ligne\n.\nLigne seule après un point\n..", id="dot lines"),
        pytest.param("From the start\nFrom: pas un en-tête", id="From lines"),
        pytest.param("Espaces en fin   \nTab\tinterne\t\nÉgal = =3D", id="trailing spaces and ="),
        pytest.param("Bcc: evil@attacker.example\n\nSubject: piège", id="header-like lines"),
        pytest.param("{{ 7*7 }} {% if x %}", id="Jinja syntax"),
    ],
)
def test_body_round_trip(body: str) -> None:
    draft = make_draft(body=body)
    raw = draft.to_eml(date=WHEN)
    assert_wire_format(raw)
    parsed = parse(raw)
    assert parsed.get_content() == wire_body(body)
    assert parsed["Bcc"] is None
    assert str(parsed["Subject"]) == SUBJECT


# ------------------------------------------------------------------ subject folding

FOLDING_SUBJECTS = [
    "Merci pour l’entrevue d’hier – poste d’analyste de données chez L’Oréal à Montréal",
    (
        "Remerciements à Mme Marie-Ève Côté-Bélanger pour l’entrevue du 1er décembre – "
        "poste de développeuse « full stack » à Trois-Rivières"
    ),
    (
        "Suivi de ma candidature\u00a0: poste d’ingénieure en fiabilité «\u00a0SRE\u00a0» – "
        "équipe infonuagique de Québec\u202f!"
    ),
    (
        "Merci\u202f! Entrevue d’hier pour le poste "
        "« Saint-Jean-sur-Richelieu-Développement-Économique-Régional-Coordonnatrice » chez L’Oréal"
    ),
    (
        "Été à Québec\u00a0: réunion élémentaire, échéancier révisé, ébauche approuvée, "
        "évaluation détaillée, équipe élargie, étape éventuelle, échange éclairé"
    ),
    (
        "Poste d’analyste – «\u00a0anticonstitutionnellementintergouvernementalisations"
        "désinstitutionnalisées\u00a0» – merci pour l’échange"
    ),
    (
        "Merci pour l’entrevue d’hier – poste d’analyste principal à l’équipe "
        "« Données et intelligence d’affaires »"
    ),
    "Merci pour l’entrevue d’hier – poste d’analyste de données « très » intéressant à Montréal",
    (
        "Entrevue de mercredi : merci à vous et à l’équipe – poste de développeuse « front-end » "
        "à Québec"
    ),
    (
        "Entrevue du 1er décembre\u00a0: merci\u202f! – poste d’analyste « données » – "
        "L’Oréal Canada – Montréal (Québec) – référence n°\u00a02026-0142"
    ),
    (
        "https://carrieres.example.com/postes/analyste-de-donnees-principal-2026 – "
        "merci pour l’entrevue"
    ),
    (
        "Merci pour l’entrevue d’hier – poste de coordonnatrice à l’équipe « Expérience employé » "
        "de L’Oréal – suivi de notre échange sur la « transformation numérique » et la gestion "
        "du changement à Montréal"
    ),
]


def test_folding_subjects_are_60_to_200_characters() -> None:
    assert all(60 <= len(subject) <= 200 for subject in FOLDING_SUBJECTS)


@pytest.mark.parametrize("subject", FOLDING_SUBJECTS)
def test_long_subject_folds_without_losing_or_gaining_a_space(subject: str) -> None:
    raw = make_draft(subject=subject).to_eml(date=WHEN)
    assert_wire_format(raw)
    header_lines = raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n")
    assert all(len(line) <= 78 for line in header_lines)
    assert str(parse(raw)["Subject"]) == subject


@pytest.mark.parametrize(
    "subject",
    [
        # Two encoded words with the space between them at a fold: RFC 2047 decoders
        # drop that space ("…éé é" reads "…ééé"). CPython gh-92081, fixed in 3.12.5.
        pytest.param("aaaa ééééééééééééééééééé é", id="loses a space"),
        # A first word too long to follow "Subject: " is wrapped onto the next line,
        # leaving "Subject:" CRLF SP word: the parsed value starts with a space.
        pytest.param("x" * 70, id="gains a space"),
    ],
)
def test_minimal_subjects_that_fold_wrongly(subject: str) -> None:
    assert str(parse(make_draft(subject=subject).to_eml(date=WHEN))["Subject"]) == subject


@pytest.mark.parametrize(
    "subject",
    [
        pytest.param("=?utf-8?q?=C3=A9?=", id="whole subject"),
        pytest.param("Voir =?utf-8?b?w6k=?= ici", id="inside text"),
    ],
)
def test_subject_that_looks_like_an_encoded_word_is_refused_or_kept_literally(
    subject: str,
) -> None:
    # RFC 2047 readers decode an encoded word wherever it stands in a subject: such
    # text must be refused, naming the field, or written so that it reads back as typed.
    draft = draft_or_error(subject=subject)
    if isinstance(draft, InvalidInput):
        assert [problem.field for problem in draft.problems] == ["subject"]
    else:
        assert str(draft.to_message(date=WHEN)["Subject"]) == subject
        assert str(parse(draft.to_eml(date=WHEN))["Subject"]) == subject


_FRENCH_WORDS = (
    "Merci",
    "pour",
    "l’entrevue",
    "d’hier",
    "poste",
    "d’analyste",
    "de",
    "données",
    "chez",
    "L’Oréal",
    "à",
    "Montréal",
    "très",
    "intéressant",
    "équipe",
    "développement",
    "été",
    "Québec",
    "réunion",
    "rôle",
    "Côté",
    "Marie-Ève",
    "Trois-Rivières",
    "façon",
    "naïve",
    "œuvre",
    "ça",
    "où",
    "déjà",
    "«",
    "»",
    "–",
    "!",
    "?",
    ":",
    "anticonstitutionnellement",
    "Saint-Jean-sur-Richelieu-Développement-Économique-Régional-Coordonnatrice",
    "https://carrieres.example.com/postes/analyste-de-donnees-principal-2026",
)
_SEPARATORS = (" ", " ", " ", "\u00a0", "\u202f")

french_subjects = (
    st.lists(
        st.tuples(st.sampled_from(_FRENCH_WORDS), st.sampled_from(_SEPARATORS)),
        min_size=5,
        max_size=40,
    )
    .map(lambda pairs: "".join(word + sep for word, sep in pairs)[:200].strip())
    .filter(lambda subject: len(subject) >= 60)
)

# Any text a header may hold: no control characters (Cc), surrogates, line or paragraph
# separators, nor the bidirectional overrides and BOM that Draft refuses.
header_text = (
    st.text(
        st.characters(
            exclude_categories=("Cc", "Cs", "Zl", "Zp"),
            exclude_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff",
        )
        | st.sampled_from(" \u00a0\u202féàçÉ«»’–aeiou"),
        min_size=1,
        max_size=200,
    )
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(subject=french_subjects)
def test_french_subjects_round_trip(subject: str) -> None:
    raw = make_draft(subject=subject).to_eml(date=WHEN)
    assert_wire_format(raw)
    assert str(parse(raw)["Subject"]) == subject


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(subject=header_text)
def test_any_subject_round_trips(subject: str) -> None:
    raw = make_draft(subject=subject).to_eml(date=WHEN)
    assert_wire_format(raw)
    assert str(parse(raw)["Subject"]) == subject


# ------------------------------------------------------------------- wire format


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({}, id="plain"),
        pytest.param({"subject": "é" * 1500}, id="1500-character accented subject"),
        pytest.param({"subject": "x" * 1500}, id="1500-character ASCII word"),
        pytest.param({"body": "mot " * 1000 + "a" * 3000}, id="long paragraph and word"),
        pytest.param({"body": "Windows\r\nline\rends"}, id="CR in body"),
        pytest.param(
            {
                "in_reply_to": "<original.1234@mail.example.org>",
                "references": tuple(f"<message.{n:04d}@mail.example.org>" for n in range(60)),
            },
            id="60 references",
        ),
        pytest.param(
            {"to": ", ".join(f"Personne n°{n} Côté <p{n}@example.org>" for n in range(40))},
            id="40 recipients",
        ),
        pytest.param(
            {"sender": format_address("Camille " + "Roy-" * 60 + "Roy", "camille@example.com")},
            id="very long sender name",
        ),
    ],
)
def test_eml_lines_end_with_crlf_and_are_at_most_998_octets(changes: dict[str, Any]) -> None:
    assert_wire_format(make_draft(**changes).to_eml(date=WHEN))


# -------------------------------------------------------------------- Message-ID


def test_message_id_is_unique_and_on_the_sender_domain() -> None:
    draft = make_draft()
    first = draft.to_message(date=WHEN)["Message-ID"]
    second = draft.to_message(date=WHEN)["Message-ID"]
    assert first != second
    for message_id in (first, second):
        match = re.fullmatch(r"<([^<>@\s]+)@([^<>@\s]+)>", message_id)
        assert match is not None, message_id
        assert match.group(2) == "example.com"
    assert f"@{socket.gethostname()}>" not in first


def test_message_id_follows_the_sender_domain() -> None:
    draft = make_draft(sender="Camille Roy <camille@courriel.example.net>")
    message_id = parse(draft.to_eml(date=WHEN))["Message-ID"]
    assert message_id.endswith("@courriel.example.net>")


@pytest.mark.parametrize(
    ("given_id", "expected"),
    [
        ("<abc@example.com>", "<abc@example.com>"),
        ("abc@example.com", "<abc@example.com>"),
        ("  abc@example.com  ", "<abc@example.com>"),
        ("<20261202.1@relance.example>", "<20261202.1@relance.example>"),
    ],
)
def test_given_message_id(given_id: str, expected: str) -> None:
    draft = make_draft()
    assert draft.to_message(message_id=given_id, date=WHEN)["Message-ID"] == expected
    assert parse(draft.to_eml(message_id=given_id, date=WHEN))["Message-ID"] == expected


@pytest.mark.parametrize(
    "given_id",
    [
        pytest.param("", id="empty"),
        pytest.param("   ", id="blank"),
        pytest.param("abc@example.com\r\nBcc: evil@attacker.example", id="CRLF"),
        pytest.param("abc@example.com\n", id="LF"),
        pytest.param("abc\x00@example.com", id="NUL"),
        pytest.param("abc\u2028@example.com", id="U+2028"),
        pytest.param("<>", id="empty brackets"),
        pytest.param("abc def@example.com", id="space inside"),
    ],
)
def test_invalid_message_id(given_id: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        make_draft().to_message(message_id=given_id, date=WHEN)
    assert caught.value.problems == (
        Problem(
            "message_id", "A Message-ID is one line of text, <like@this>.", "message_id.invalid"
        ),
    )


# -------------------------------------------------------------------------- Date


@pytest.mark.parametrize(
    "when",
    [
        WHEN,
        datetime(2026, 12, 2, 14, 30, tzinfo=UTC),
        datetime(2026, 7, 1, 23, 59, 59, tzinfo=timezone(timedelta(hours=5, minutes=30))),
        datetime(2027, 1, 1, 0, 0, tzinfo=timezone(timedelta(hours=1))),
        datetime(2026, 3, 8, 2, 30, tzinfo=timezone(timedelta(hours=-10))),
    ],
    ids=str,
)
def test_date_comes_from_the_argument(when: datetime) -> None:
    parsed = parse(make_draft().to_eml(date=when))
    assert parsedate_to_datetime(parsed["Date"]) == when
    assert parsed["Date"].datetime == when
    assert parsed["Date"].datetime.utcoffset() == when.utcoffset()


def test_naive_date_is_local_time() -> None:
    when = datetime(2026, 12, 2, 9, 30)
    header = make_draft().to_message(date=when)["Date"]
    assert parsedate_to_datetime(header) == when.astimezone()


def test_date_defaults_to_now() -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    header = make_draft().to_message()["Date"]
    after = datetime.now(UTC)
    assert before <= parsedate_to_datetime(header) <= after


# --------------------------------------------------------- threading headers


def test_in_reply_to_and_references_are_written() -> None:
    draft = make_draft(
        in_reply_to="<offre.42@rh.example.org>",
        references=("<annonce.1@rh.example.org>", "<offre.42@rh.example.org>"),
    )
    raw = draft.to_eml(date=WHEN)
    assert b"\r\nIn-Reply-To: <offre.42@rh.example.org>\r\n" in raw
    assert b"\r\nReferences: <annonce.1@rh.example.org> <offre.42@rh.example.org>\r\n" in raw
    parsed = parse(raw)
    assert parsed["In-Reply-To"] == "<offre.42@rh.example.org>"
    assert parsed["References"] == "<annonce.1@rh.example.org> <offre.42@rh.example.org>"


def test_no_threading_headers_by_default() -> None:
    message = make_draft().to_message(date=WHEN)
    assert "In-Reply-To" not in message
    assert "References" not in message


def test_references_are_stored_as_a_tuple() -> None:
    draft = make_draft(references=["<a@example.org>", "<b@example.org>"])
    assert draft.references == ("<a@example.org>", "<b@example.org>")
    assert hash(draft) == hash(make_draft(references=("<a@example.org>", "<b@example.org>")))


# ------------------------------------------------------------------ MissingRecipient

MISSING_MESSAGE = (
    "This thank-you draft has no recipient address: "
    "add the person's email to the interview, or copy the text by hand."
)


def test_missing_recipient_is_a_relance_error_and_a_value_error() -> None:
    assert issubclass(MissingRecipient, RelanceError)
    assert issubclass(MissingRecipient, ValueError)


def test_to_message_without_recipient_raises() -> None:
    with pytest.raises(MissingRecipient) as caught:
        make_draft(to="").to_message(date=WHEN)
    assert str(caught.value) == MISSING_MESSAGE


def test_to_eml_without_recipient_raises() -> None:
    with pytest.raises(MissingRecipient) as caught:
        make_draft(to="").to_eml(date=WHEN)
    assert str(caught.value) == MISSING_MESSAGE


@pytest.mark.parametrize(
    "to",
    [
        pytest.param("   ", id="blank"),
        pytest.param('"Marie Tremblay" <>', id="name with empty address"),
    ],
)
def test_recipient_without_an_address_raises(to: str) -> None:
    with pytest.raises(MissingRecipient):
        make_draft(to=to).to_eml(date=WHEN)


def test_a_draft_without_recipient_still_reads_and_exports() -> None:
    draft = make_draft(to="")
    assert draft.mailto().startswith("mailto:?subject=")
    assert draft.as_dict()["to"] == ""
    assert "\nÀ\u00a0: (pas d’adresse\u00a0: à envoyer vous-même)\n" in draft.as_text()


# ------------------------------------------------------------- header injection

HEADER_FIELDS = ["kind", "locale", "sender", "to", "subject", "in_reply_to"]
BAD_CHARACTERS = {
    "CR": "\r",
    "LF": "\n",
    "CRLF": "\r\n",
    "NUL": "\x00",
    "TAB": "\t",
    "DEL": "\x7f",
    "NEL": "\x85",
    "U+2028": "\u2028",
    "U+2029": "\u2029",
    "RLO": "\u202e",
}


@pytest.mark.parametrize("bad", BAD_CHARACTERS.values(), ids=BAD_CHARACTERS.keys())
@pytest.mark.parametrize("name", HEADER_FIELDS)
def test_control_character_in_a_header_field_is_refused(name: str, bad: str) -> None:
    values = {
        "kind": "thank_you",
        "locale": "fr_CA",
        "sender": SENDER,
        "to": RECIPIENT,
        "subject": SUBJECT,
        "in_reply_to": "<offre.42@rh.example.org>",
    }
    value = values[name]
    with pytest.raises(InvalidInput) as caught:
        make_draft(**{name: value[:5] + bad + value[5:]})
    assert caught.value.problems == (Problem(name, HEADER_MESSAGE, "header.forbidden"),)
    assert str(caught.value) == f"Invalid input: {name}: {HEADER_MESSAGE}"


@pytest.mark.parametrize("bad", BAD_CHARACTERS.values(), ids=BAD_CHARACTERS.keys())
def test_control_character_in_references_is_refused(bad: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        make_draft(references=("<a@example.org>", f"<b{bad}@example.org>"))
    assert caught.value.problems == (
        Problem("references[1]", REFERENCE_MESSAGE, "header.line_break"),
    )


@pytest.mark.parametrize(
    ("name", "payload"),
    [
        ("subject", "Merci\r\nBcc: evil@attacker.example"),
        ("to", "marie@example.org\r\nBcc: evil@attacker.example"),
        ("sender", "camille@example.com\nReply-To: evil@attacker.example"),
        ("in_reply_to", "<a@b>\r\n\r\nFaux corps"),
        ("subject", "Merci\u2028Bcc: evil@attacker.example"),
    ],
)
def test_injection_payloads_never_reach_a_message(name: str, payload: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        make_draft(**{name: payload})
    assert [problem.field for problem in caught.value.problems] == [name]


def test_every_bad_field_is_reported_at_once() -> None:
    with pytest.raises(InvalidInput) as caught:
        make_draft(
            sender="a\n@example.com",
            to="b\r@example.org",
            subject="x\x00",
            in_reply_to="<y\u2028@z>",
            references=("<ok@example.org>", "<no\n@example.org>", "<no\r@example.org>"),
        )
    assert [problem.field for problem in caught.value.problems] == [
        "sender",
        "to",
        "subject",
        "in_reply_to",
        "references[1]",
        "references[2]",
    ]


DISPLAY_NAMES = [
    pytest.param("Côté, Marie-Ève", id="comma"),
    pytest.param('Marie "la patronne" Côté', id="quotes"),
    pytest.param("Evil <evil@attacker.example>", id="angle address"),
    pytest.param(
        'Tremblay, Marie <evil@attacker.example>, "x" <y@attacker.example>', id="address list"
    ),
    pytest.param("Marie; Bcc: evil@attacker.example", id="semicolon and colon"),
    pytest.param("(commentaire) Marie", id="parentheses"),
    pytest.param("O'Neil, Brian", id="apostrophe and comma"),
    pytest.param("barre\\oblique", id="backslash"),
    pytest.param("finit par \\", id="final backslash"),
    pytest.param("Marie-Ève Côté « RH »\u202f!", id="guillemets and U+202F"),
    pytest.param("Bé, J-F <jf@attacker.example>", id="accents and address"),
]


@pytest.mark.parametrize("name", DISPLAY_NAMES)
def test_display_name_with_specials_is_quoted_into_one_recipient(name: str) -> None:
    draft = make_draft(to=format_address(name, "marie@example.org"))
    assert addresses(draft.to_message(date=WHEN), "To") == [(name, "marie@example.org")]
    parsed = parse(draft.to_eml(date=WHEN))
    assert addresses(parsed, "To") == [(name, "marie@example.org")]
    assert draft.mailto().startswith("mailto:marie@example.org?")


@pytest.mark.parametrize("name", DISPLAY_NAMES)
def test_sender_display_name_with_specials_is_quoted(name: str) -> None:
    draft = make_draft(sender=format_address(name, "camille@example.com"))
    parsed = parse(draft.to_eml(date=WHEN))
    assert addresses(parsed, "From") == [(name, "camille@example.com")]
    assert parsed["Message-ID"].endswith("@example.com>")


@pytest.mark.parametrize(
    "name",
    [
        "Bélanger, Jean-François <jf@attacker.example>",
        "Marie-Ève Côté-Bélanger de la Fontaine-Saint-Jean-Baptiste-de-Rouville",
        "Côté, Marie-Ève « la patronne » <evil@x.example>, Côté, Marie-Ève « RH »",
    ],
)
def test_long_accented_display_name_folds_exactly(name: str) -> None:
    # CPython's modern parser (before gh-128110) keeps the folding space between two
    # adjacent encoded words of a display name, which RFC 2047 section 6.2 says to
    # ignore; the legacy decoder follows the RFC, so the name is checked with it.
    raw = make_draft(to=format_address(name, "marie@example.org")).to_eml(date=WHEN)
    assert_wire_format(raw)
    parsed = parse(raw)
    assert [a.addr_spec for a in parsed["To"].addresses] == ["marie@example.org"]
    folded = dict(parsed.raw_items())["To"]
    unfolded = re.sub(r"\r\n(?=[ \t])", "", folded)
    assert str(make_header(decode_header(unfolded))) == f"{name} <marie@example.org>"


# RFC 2047 encoded words whose decoded text holds a line break or a NUL. The stdlib's
# modern parser decodes them when a header is stored, and Python before 3.11.10
# (CVE-2024-6923, gh-121650) then writes the decoded line break as is.
ENCODED_INJECTIONS = {
    "q CRLF": "=?utf-8?q?Camille=0D=0ABcc:_intrus@evil.example?=",
    "b CRLF": "=?utf-8?b?Q2FtaWxsZQ0KQmNjOiBpbnRydXNAZXZpbC5leGFtcGxl?=",
    "Q LF": "=?UTF-8?Q?Camille=0ABcc:_intrus@evil.example?=",
    "q CR": "=?utf-8?q?Camille=0DBcc:_intrus@evil.example?=",
    "latin-1 CRLF": "=?iso-8859-1?q?Camille=0D=0ABcc:_intrus@evil.example?=",
    "q U+2028": "=?utf-8?q?Camille=E2=80=A8Bcc:_intrus@evil.example?=",
    "q NUL": "=?utf-8?q?Camille=00?=",
    "inside text": "Merci =?utf-8?q?=0D=0ABcc:_intrus@evil.example?= pour tout",
}
INJECTABLE_FIELDS = ["sender", "to", "subject", "in_reply_to", "references[1]"]


def with_payload(field_name: str, payload: str) -> dict[str, Any]:
    """The changes to :func:`make_draft` that put ``payload`` into one header field."""
    if field_name == "sender":
        return {"sender": format_address(payload, "camille@example.com")}
    if field_name == "to":
        return {"to": format_address(payload, "marie@example.org")}
    if field_name == "references[1]":
        return {"references": ("<offre.42@rh.example.org>", payload)}
    return {field_name: payload}


@pytest.mark.parametrize("payload", ENCODED_INJECTIONS.values(), ids=ENCODED_INJECTIONS.keys())
@pytest.mark.parametrize("field_name", INJECTABLE_FIELDS)
def test_encoded_word_cannot_smuggle_a_header(field_name: str, payload: str) -> None:
    draft = draft_or_error(**with_payload(field_name, payload))
    if isinstance(draft, InvalidInput):  # refusing the value is fine
        assert [problem.field for problem in draft.problems] == [field_name]
        return
    raw = draft.to_eml(date=WHEN)
    assert_wire_format(raw)
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n")
    names = [line.split(b":", 1)[0].decode() for line in head if line[:1] not in (b" ", b"\t")]
    assert names == list(draft.to_message(date=WHEN).keys())
    assert b"\nBcc" not in raw
    parsed = parse(raw)
    assert parsed["Bcc"] is None
    for name in parsed:
        assert not re.search(r"[\x00\r\n\u2028]", str(parsed[name])), name


@pytest.mark.parametrize("payload", ENCODED_INJECTIONS.values(), ids=ENCODED_INJECTIONS.keys())
@pytest.mark.parametrize(("field_name", "header"), [("sender", "From"), ("to", "To")])
def test_display_name_that_is_an_encoded_word_is_refused_or_kept_literally(
    field_name: str, header: str, payload: str
) -> None:
    address = "camille@example.com" if field_name == "sender" else "marie@example.org"
    draft = draft_or_error(**with_payload(field_name, payload))
    if isinstance(draft, InvalidInput):
        assert [problem.field for problem in draft.problems] == [field_name]
    else:
        assert addresses(parse(draft.to_eml(date=WHEN)), header) == [(payload, address)]


def notes_or_error(changes: dict[str, str]) -> list[Draft] | InvalidInput:
    """The thank-you notes of an interview with some fields replaced, or the error."""
    try:
        interview = Interview(
            candidate=Candidate(changes.get("candidate", "Camille Roy"), "c@example.com"),
            company=changes.get("company", "L'Oréal"),
            position=changes.get("position", "analyste de données"),
            held_at=date(2026, 12, 1),
            interviewers=[Contact(changes.get("interviewer", "Marie-Ève Côté"), email="m@x.ca")],
        )
        return thank_you_notes(interview)
    except InvalidInput as err:
        return err


@pytest.mark.parametrize(
    ("changes", "may_refuse"),
    [
        pytest.param(
            {"position": ENCODED_INJECTIONS["q CRLF"]}, {"position", "subject"}, id="position"
        ),
        pytest.param({"company": ENCODED_INJECTIONS["b CRLF"]}, {"company"}, id="company"),
        pytest.param(
            {"candidate": ENCODED_INJECTIONS["q CRLF"]},
            {"name", "sender"},  # Candidate() refuses it itself
            id="candidate name",
        ),
        pytest.param(
            {"interviewer": ENCODED_INJECTIONS["Q LF"]},
            {"name", "to"},  # Contact() refuses it itself
            id="interviewer name",
        ),
    ],
)
def test_thank_you_notes_cannot_smuggle_a_header(
    changes: dict[str, str], may_refuse: set[str]
) -> None:
    notes = notes_or_error(changes)
    if isinstance(notes, InvalidInput):  # refusing the value, here or in the model, is fine
        assert {problem.field for problem in notes.problems} <= may_refuse
        return
    for note in notes:
        raw = note.to_eml(date=WHEN)
        assert_wire_format(raw)
        assert b"\nBcc" not in raw
        assert parse(raw)["Bcc"] is None


@pytest.mark.parametrize(
    ("name", "address", "expected"),
    [
        ("Marie Tremblay", "marie@example.org", "Marie Tremblay <marie@example.org>"),
        ("Côté, Marie-Ève", "m@example.org", '"Côté, Marie-Ève" <m@example.org>'),
        ('Marie "RH"', "m@example.org", '"Marie \\"RH\\"" <m@example.org>'),
        ("Evil <e@x.example>", "m@example.org", '"Evil <e@x.example>" <m@example.org>'),
        ("", "m@example.org", "m@example.org"),
    ],
)
def test_format_address(name: str, address: str, expected: str) -> None:
    assert format_address(name, address) == expected


def test_non_ascii_domain_is_sent_as_its_ascii_form() -> None:
    # email-validator keeps an internationalized domain in Unicode; without SMTPUTF8 a
    # message must carry its A-label form (RFC 5890, RFC 6531).
    interview = Interview(
        candidate=Candidate("Camille Roy", "camille@exemple.québec"),
        company="L'Oréal",
        position="analyste de données",
        held_at=date(2026, 12, 1),
        interviewers=[Contact("Marie-Ève Côté", "Madame", "marie@loreal.québec")],
    )
    [note] = thank_you_notes(interview)
    raw = note.to_eml(date=WHEN)
    raw.decode("ascii")
    parsed = parse(raw)
    assert addresses(parsed, "From") == [("Camille Roy", "camille@exemple.xn--qubec-csa")]
    assert addresses(parsed, "To") == [("Marie-Ève Côté", "marie@loreal.xn--qubec-csa")]
    assert parsed["Message-ID"].endswith("@exemple.xn--qubec-csa>")


@pytest.mark.parametrize(
    ("field_name", "header", "value", "expected"),
    [
        (
            "sender",
            "From",
            "Camille Roy <camille@exemple.québec>",
            ("Camille Roy", "camille@exemple.xn--qubec-csa"),
        ),
        (
            "to",
            "To",
            "Marie-Ève Côté <marie@loreal.québec>",
            ("Marie-Ève Côté", "marie@loreal.xn--qubec-csa"),
        ),
    ],
)
def test_draft_with_a_unicode_domain_is_refused_or_sent_as_a_labels(
    field_name: str, header: str, value: str, expected: tuple[str, str]
) -> None:
    # A Draft can be built directly, without the model's normalization.
    draft = draft_or_error(**{field_name: value})
    if isinstance(draft, InvalidInput):
        assert [problem.field for problem in draft.problems] == [field_name]
    else:
        raw = draft.to_eml(date=WHEN)
        assert raw.isascii()
        assert addresses(parse(raw), header) == [expected]


# ------------------------------------------------------------------------ mailto


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param(
            {"to": "Marie Tremblay <marie@example.org>", "subject": "Merci", "body": "Bonjour"},
            "mailto:marie@example.org?subject=Merci&body=Bonjour",
            id="plain",
        ),
        pytest.param(
            {"subject": "Merci", "body": "Bonjour,\n\nMerci.\nCamille"},
            "mailto:marie-eve.cote@example.org?subject=Merci"
            "&body=Bonjour%2C%0D%0A%0D%0AMerci.%0D%0ACamille",
            id="line breaks",
        ),
        pytest.param(
            {"subject": "Q&A = 1+1 #2 ? 100 %", "body": "a&b=c"},
            "mailto:marie-eve.cote@example.org"
            "?subject=Q%26A%20%3D%201%2B1%20%232%20%3F%20100%20%25&body=a%26b%3Dc",
            id="URI delimiters",
        ),
        pytest.param(
            {"subject": "« Été »\u202f!", "body": "{{ 7*7 }}"},
            "mailto:marie-eve.cote@example.org?subject=%C2%AB%20%C3%89t%C3%A9%20%C2%BB%E2%80%AF%21"
            "&body=%7B%7B%207%2A7%20%7D%7D",
            id="UTF-8 and Jinja",
        ),
        pytest.param(
            {"to": "a@example.org, Bé <b@example.net>", "subject": "S", "body": "B"},
            "mailto:a@example.org,b@example.net?subject=S&body=B",
            id="two recipients",
        ),
        pytest.param(
            {"to": "camille+emplois@example.com", "subject": "S", "body": "B"},
            "mailto:camille%2Bemplois@example.com?subject=S&body=B",
            id="plus in address",
        ),
        pytest.param(
            {"to": "", "subject": "S", "body": "B"},
            "mailto:?subject=S&body=B",
            id="no recipient",
        ),
    ],
)
def test_mailto_exact(changes: dict[str, Any], expected: str) -> None:
    assert make_draft(**changes).mailto() == expected


MAILTO_CASES = [
    pytest.param(
        "Q&A = 1+1 #2 ? 100 % « oui »\u202f! {{ 7*7 }}",
        "Prix\u00a0: 5\u00a0$ & taxes = 5,75\u00a0$ + pourboire #1 ? 15 %\n"
        "« {{ 7*7 }} »\u202f!\n\nÀ bientôt,\nCamille",
        id="delimiters, accents and Jinja",
    ),
    pytest.param(SUBJECT, BODY, id="thank-you"),
    pytest.param("%20%0D%0A%25", "déjà encodé : %C3%A9 %0D%0A +", id="percent sequences"),
    pytest.param("mailto:x@y?cc=z@w", "?body=piège&cc=evil@attacker.example#frag", id="nested URI"),
]


@pytest.mark.parametrize(("subject", "body"), MAILTO_CASES)
def test_mailto_round_trips_through_urllib(subject: str, body: str) -> None:
    uri = make_draft(subject=subject, body=body).mailto()
    parts = urlsplit(uri)
    assert parts.scheme == "mailto"
    assert unquote(parts.path) == "marie-eve.cote@example.org"
    assert parts.fragment == ""
    assert parse_qs(parts.query, keep_blank_values=True, strict_parsing=True) == {
        "subject": [subject],
        "body": [body.replace("\n", "\r\n")],
    }
    fields = dict(pair.split("=", 1) for pair in parts.query.split("&"))
    assert list(fields) == ["subject", "body"]
    assert unquote(fields["subject"], errors="strict") == subject
    assert unquote(fields["body"], errors="strict").replace("\r\n", "\n") == body


@pytest.mark.parametrize(("subject", "body"), MAILTO_CASES)
def test_mailto_values_are_fully_percent_encoded(subject: str, body: str) -> None:
    uri = make_draft(subject=subject, body=body).mailto()
    assert uri.startswith("mailto:marie-eve.cote@example.org?subject=")
    assert uri.isascii()
    assert uri.count("?") == 1
    assert uri.count("&") == 1
    assert "#" not in uri
    assert " " not in uri
    assert "+" not in uri
    query = uri.split("?", 1)[1]
    for pair in query.split("&"):
        value = pair.split("=", 1)[1]
        # RFC 3986 unreserved characters and percent-encoded octets only.
        assert re.fullmatch(r"(?:[A-Za-z0-9._~-]|%[0-9A-F]{2})*", value), value
    body_value = query.split("&body=", 1)[1]
    assert body_value.count("%0D%0A") == body.count("\n")
    assert "%0A" not in body_value.replace("%0D%0A", "")
    assert "%0D" not in body_value.replace("%0D%0A", "")


def test_mailto_never_carries_a_display_name() -> None:
    draft = make_draft(to=format_address("Côté, Marie <evil@attacker.example>", "m@example.org"))
    uri = draft.mailto()
    assert urlsplit(uri).path == "m@example.org"
    assert "evil" not in uri
    assert "C%C3%B4t%C3%A9" not in uri.split("?", 1)[0]


def test_mailto_keeps_jinja_syntax_literal() -> None:
    uri = make_draft(subject="{{ 7*7 }}", body="{% raw %}{{ 7*7 }}").mailto()
    assert "49" not in uri
    query = parse_qs(urlsplit(uri).query)
    assert query == {"subject": ["{{ 7*7 }}"], "body": ["{% raw %}{{ 7*7 }}"]}


# ----------------------------------------------------------------------- as_dict


def test_as_dict_exact() -> None:
    draft = make_draft(
        in_reply_to="<offre.42@rh.example.org>",
        references=("<annonce.1@rh.example.org>", "<offre.42@rh.example.org>"),
    )
    assert draft.as_dict() == {
        "kind": "thank_you",
        "locale": "fr_CA",
        "sender": SENDER,
        "to": RECIPIENT,
        "subject": SUBJECT,
        "body": BODY,
        "send_on": "2026-12-02",
        "in_reply_to": "<offre.42@rh.example.org>",
        "references": ["<annonce.1@rh.example.org>", "<offre.42@rh.example.org>"],
        "html": None,
    }


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({}, id="plain"),
        pytest.param({"to": ""}, id="no recipient"),
        pytest.param(
            {"subject": '« Été »\u202f! {{ 7*7 }} \\ "q"', "body": "a\n\nb\u00a0: c"},
            id="typography",
        ),
        pytest.param(
            {"references": ("<a@x.example>",), "in_reply_to": "<a@x.example>"}, id="thread"
        ),
    ],
)
@pytest.mark.parametrize("ensure_ascii", [True, False])
def test_as_dict_is_json_safe(changes: dict[str, Any], ensure_ascii: bool) -> None:
    draft = make_draft(**changes)
    data = draft.as_dict()
    text = json.dumps(data, ensure_ascii=ensure_ascii, allow_nan=False)
    assert json.loads(text) == data
    assert Draft(**{**data, "send_on": date.fromisoformat(data["send_on"])}) == draft


@pytest.mark.parametrize(
    ("send_on", "expected"),
    [(date(2026, 12, 2), "2026-12-02"), (date(2027, 1, 4), "2027-01-04")],
)
def test_as_dict_send_on_is_iso_8601(send_on: date, expected: str) -> None:
    assert make_draft(send_on=send_on).as_dict()["send_on"] == expected


# ----------------------------------------------------------------------- as_text


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param(
            {"body": "Bonjour,\n\nMerci."},
            "De\u00a0: Camille Roy <camille.roy@example.com>\n"
            "À\u00a0: Marie-Ève Côté <marie-eve.cote@example.org>\n"
            "Objet\u00a0: Merci pour l’entrevue d’hier – poste d’analyste de données\n"
            "À envoyer le\u00a0: mercredi 2 décembre 2026\n"
            "\n"
            "Bonjour,\n\nMerci.\n",
            id="with recipient",
        ),
        pytest.param(
            {"to": "", "subject": "Merci", "body": "Merci.", "send_on": date(2027, 2, 1)},
            "De\u00a0: Camille Roy <camille.roy@example.com>\n"
            "À\u00a0: (pas d’adresse\u00a0: à envoyer vous-même)\n"
            "Objet\u00a0: Merci\n"
            "À envoyer le\u00a0: lundi 1er février 2027\n"
            "\n"
            "Merci.\n",
            id="without recipient",
        ),
    ],
)
def test_as_text(changes: dict[str, Any], expected: str) -> None:
    assert make_draft(**changes).as_text() == expected


# ------------------------------------------------------------- real SMTP delivery


@dataclass
class Inbox:
    """An aiosmtpd handler that keeps every envelope it is given."""

    envelopes: list[Envelope] = field(default_factory=list)

    async def handle_DATA(self, server: SMTPServer, session: Session, envelope: Envelope) -> str:
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    """A real SMTP server on 127.0.0.1, stopped after the test."""
    inbox = Inbox()
    port = _free_port()
    # server_hostname spares aiosmtpd a socket.getfqdn() look-up.
    controller = Controller(inbox, hostname="127.0.0.1", port=port, server_hostname="relance.test")
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def send(message: EmailMessage, port: int) -> None:
    with smtplib.SMTP("127.0.0.1", port, local_hostname="relance.test", timeout=10) as client:
        assert client.send_message(message) == {}


def test_thank_you_notes_arrive_as_drafted(smtp_server: tuple[Inbox, int]) -> None:
    inbox, port = smtp_server
    interview = Interview(
        candidate=Candidate("Camille Roy", "camille.roy@example.com", gender="f"),
        company="L'Oréal",
        position="analyste de données",
        held_at=date(2026, 12, 1),
        interviewers=[
            Contact("Marie-Ève Côté", "Madame", "marie-eve.cote@loreal.example"),
            Contact("Jean-François Bélanger", "Monsieur", "jf.belanger@loreal.example"),
        ],
    )
    notes = thank_you_notes(interview)
    assert [note.to for note in notes] == [
        "Marie-Ève Côté <marie-eve.cote@loreal.example>",
        "Jean-François Bélanger <jf.belanger@loreal.example>",
    ]
    messages = [note.to_message(date=WHEN) for note in notes]
    for message in messages:
        send(message, port)

    assert len(inbox.envelopes) == 2
    expected_people = [
        ("Marie-Ève Côté", "marie-eve.cote@loreal.example"),
        ("Jean-François Bélanger", "jf.belanger@loreal.example"),
    ]
    for envelope, note, message, person in zip(
        inbox.envelopes, notes, messages, expected_people, strict=True
    ):
        assert envelope.mail_from == "camille.roy@example.com"
        assert envelope.rcpt_tos == [person[1]]
        assert isinstance(envelope.content, bytes)
        assert_wire_format(envelope.content)
        received = parse(envelope.content)
        assert str(received["Subject"]) == note.subject
        assert received.get_content() == wire_body(note.body)
        assert addresses(received, "From") == [("Camille Roy", "camille.roy@example.com")]
        assert addresses(received, "To") == [person]
        assert received["Message-ID"] == message["Message-ID"]
        assert received["Content-Language"] == "fr-CA"
        assert parsedate_to_datetime(received["Date"]) == WHEN
        assert "L’Oréal" in received.get_content()
        assert received.get_content().startswith(
            "Bonjour Madame Côté,\r\n" if person[0] == "Marie-Ève Côté" else "Bonjour Monsieur "
        )
    assert inbox.envelopes[0].content != inbox.envelopes[1].content


def test_smtp_delivery_keeps_dot_lines_and_long_lines(smtp_server: tuple[Inbox, int]) -> None:
    inbox, port = smtp_server
    body = ".\nLigne\n..\n.Point en tête\n" + "é" * 1200 + "\n\nFin"
    draft = make_draft(
        to="Marie-Ève Côté <marie-eve.cote@example.org>, Bélanger <jf@example.net>",
        subject=FOLDING_SUBJECTS[1],
        body=body,
        in_reply_to="<offre.42@rh.example.org>",
        references=("<offre.42@rh.example.org>",),
    )
    message = draft.to_message(message_id="envoi.1@example.com", date=WHEN)
    send(message, port)

    [envelope] = inbox.envelopes
    assert envelope.mail_from == "camille.roy@example.com"
    assert envelope.rcpt_tos == ["marie-eve.cote@example.org", "jf@example.net"]
    assert isinstance(envelope.content, bytes)
    received = parse(envelope.content)
    assert received.get_content() == wire_body(body)
    assert str(received["Subject"]) == draft.subject
    assert received["Message-ID"] == "<envoi.1@example.com>"
    assert received["In-Reply-To"] == "<offre.42@rh.example.org>"
    assert received["References"] == "<offre.42@rh.example.org>"
    assert addresses(received, "To") == [
        ("Marie-Ève Côté", "marie-eve.cote@example.org"),
        ("Bélanger", "jf@example.net"),
    ]


def test_smtp_delivery_keeps_lines_that_start_with_from(smtp_server: tuple[Inbox, int]) -> None:
    # smtplib.send_message() flattens with mangle_from_=True, whatever the message's
    # policy says: a body line starting with "From " must not be sent as such.
    inbox, port = smtp_server
    body = "Bonjour,\nFrom the start, merci.\nFrom: Camille"
    send(make_draft(body=body).to_message(date=WHEN), port)
    [envelope] = inbox.envelopes
    assert isinstance(envelope.content, bytes)
    assert parse(envelope.content).get_content() == wire_body(body)


def test_address_type_is_the_stdlib_one() -> None:
    # The header objects are the stdlib's typed ones, not strings rendered from a template.
    message = make_draft().to_message(date=WHEN)
    [recipient] = message["To"].addresses
    assert isinstance(recipient, Address)
    assert recipient.username == "marie-eve.cote"
    assert recipient.domain == "example.org"
