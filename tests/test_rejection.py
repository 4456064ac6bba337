"""After a rejection: the threaded reply, the handwritten note, and hostile messages."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from email import message_from_bytes, message_from_string, policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from relance import InvalidInput, RejectionReply, rejection_reply
from relance._rejection import NOTE_WIDTH

from scenarios import SCENARIOS, Scenario

EVERY_FIELD = SCENARIOS[0].interview
WHEN = "Thu, 10 Dec 2026 16:05:00 -0500"


def rejection(
    *,
    sender: str = "Marie Tremblay <marie.tremblay@ubisoft.example>",
    reply_to: str | None = None,
    subject: str = "Votre candidature",
    message_id: str | None = "<refus-1@ubisoft.example>",
    references: str | None = None,
    date_header: str | None = WHEN,
) -> bytes:
    """A rejection as a mail client writes it, with the stdlib and SMTP line ends."""
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = sender
    if reply_to:
        message["Reply-To"] = reply_to
    message["To"] = "Camille Roy <camille.roy@example.com>"
    message["Subject"] = subject
    if date_header:
        message["Date"] = date_header
    if message_id:
        message["Message-ID"] = message_id
    if references:
        message["References"] = references
        message["In-Reply-To"] = references.split()[-1]
    message.set_content("Bonjour,\n\nNous avons retenu une autre candidature.\n")
    return message.as_bytes()


def parse(raw: bytes) -> EmailMessage:
    parsed = message_from_bytes(raw, policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def test_reply_threads_under_the_original() -> None:
    original = rejection(references="<a@ubisoft.example> <b@ubisoft.example>")
    reply = rejection_reply(EVERY_FIELD, rejection=original)
    assert isinstance(reply, RejectionReply)
    email = reply.email
    assert email.kind == "rejection_reply"
    assert email.in_reply_to == "<refus-1@ubisoft.example>"
    assert email.references == (
        "<a@ubisoft.example>",
        "<b@ubisoft.example>",
        "<refus-1@ubisoft.example>",
    )
    sent = parse(email.to_eml())
    parent = parse(original)
    assert sent["In-Reply-To"] == parent["Message-ID"]
    assert sent["References"].split()[-1] == parent["Message-ID"]
    assert sent["References"].split()[:-1] == parent["References"].split()
    assert sent["Subject"] == "RE\u00a0: Votre candidature"


def test_reply_goes_to_reply_to_and_greets_the_known_author() -> None:
    original = rejection(reply_to="Recrutement <recrutement@ubisoft.example>")
    email = rejection_reply(EVERY_FIELD, rejection=original).email
    assert email.to == "Recrutement <recrutement@ubisoft.example>"
    assert email.body.startswith("Bonjour Madame Tremblay,\n\n")
    assert "Je vous prie d’agréer, Madame, mes salutations distinguées." in email.body


def test_without_reply_to_the_reply_goes_to_from() -> None:
    email = rejection_reply(EVERY_FIELD, rejection=rejection()).email
    assert email.to == "Marie Tremblay <marie.tremblay@ubisoft.example>"


def test_an_unknown_sender_is_greeted_by_the_display_name() -> None:
    original = rejection(sender="Julie Gagnon <julie.gagnon@ubisoft.example>")
    reply = rejection_reply(EVERY_FIELD, rejection=original)
    assert reply.email.to == "Julie Gagnon <julie.gagnon@ubisoft.example>"
    assert reply.email.body.startswith("Bonjour Julie Gagnon,\n\n")
    assert "\nBonjour Julie Gagnon,\n" in reply.note.text


def test_an_anonymous_sender_is_madame_monsieur() -> None:
    reply = rejection_reply(EVERY_FIELD, rejection=rejection(sender="rh@ubisoft.example"))
    assert reply.email.to == "rh@ubisoft.example"
    assert reply.email.body.startswith("Madame, Monsieur,\n\n")
    assert "Je vous prie d’agréer, Madame, Monsieur, mes salutations distinguées." in (
        reply.email.body
    )
    assert "\nMadame, Monsieur,\n" in reply.note.text


def test_encoded_accented_subject_and_display_name() -> None:
    raw = (
        b"From: =?utf-8?q?Genevi=C3=A8ve_C=C3=B4t=C3=A9?= <g.cote@ubisoft.example>\r\n"
        b"To: camille.roy@example.com\r\n"
        b"Subject: =?utf-8?b?UsOpcG9uc2Ugw6Agdm90cmUgY2FuZGlkYXR1cmUgwqsgYW5hbHlzdGUgwrs=?=\r\n"
        b"Date: " + WHEN.encode() + b"\r\n"
        b"Message-ID: <x1@ubisoft.example>\r\n\r\nNon.\r\n"
    )
    email = rejection_reply(EVERY_FIELD, rejection=raw).email
    assert email.subject == "RE\u00a0: Réponse à votre candidature « analyste »"
    assert email.to == "Geneviève Côté <g.cote@ubisoft.example>"
    assert email.body.startswith("Bonjour Geneviève Côté,")
    sent = parse(email.to_eml())
    assert sent["Subject"] == email.subject
    assert sent["To"].addresses[0].display_name == "Geneviève Côté"


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Votre candidature", "RE\u00a0: Votre candidature"),
        ("RE : Votre candidature", "RE\u00a0: Votre candidature"),
        ("Re: Votre candidature", "RE\u00a0: Votre candidature"),
        ("RE: RE : Re: Votre candidature", "RE\u00a0: Votre candidature"),
        ("Réf : Votre candidature", "RE\u00a0: Votre candidature"),
        ("AW: Votre candidature", "RE\u00a0: Votre candidature"),
        ("TR : Votre candidature", "RE\u00a0: TR : Votre candidature"),
        ("Re: TR : Votre candidature", "RE\u00a0: TR : Votre candidature"),
        ("Fwd: Votre candidature", "RE\u00a0: Fwd: Votre candidature"),
        ("Retour sur votre candidature", "RE\u00a0: Retour sur votre candidature"),
        ("  RE :   Votre   candidature ", "RE\u00a0: Votre candidature"),
        ("RE\u00a0: Votre candidature", "RE\u00a0: Votre candidature"),  # relance's own
        ("RE\u202f: Votre candidature", "RE\u00a0: Votre candidature"),
    ],
)
def test_the_reply_prefix_is_never_doubled(subject: str, expected: str) -> None:
    email = rejection_reply(EVERY_FIELD, rejection=rejection(subject=subject)).email
    assert email.subject == expected


def test_without_a_subject_the_reply_has_its_own() -> None:
    email = rejection_reply(EVERY_FIELD, rejection=rejection(subject="")).email
    assert email.subject == "Merci pour votre réponse – poste d’analyste de données"


def test_without_message_to_the_hiring_contact_with_its_own_subject() -> None:
    email = rejection_reply(EVERY_FIELD, received_on=date(2026, 12, 10)).email
    assert email.to == "Marie Tremblay <marie.tremblay@ubisoft.example>"
    assert email.subject == "Merci pour votre réponse – poste d’analyste de données"
    assert (email.in_reply_to, email.references) == (None, ())
    interview = replace(EVERY_FIELD, hiring_contact=None)
    first = rejection_reply(interview, received_on=date(2026, 12, 10)).email
    assert first.to == "Marie Tremblay <marie.tremblay@ubisoft.example>"


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"rejection": rejection()}, date(2026, 12, 11)),  # Thursday's Date: Friday
        (
            {"rejection": rejection(date_header="Fri, 11 Dec 2026 17:00:00 -0500")},
            date(2026, 12, 14),
        ),
        (
            {"rejection": rejection(date_header="Wed, 23 Jun 2027 09:00:00 -0400")},
            date(2027, 6, 25),
        ),  # 24 June: Fête nationale
        ({"received_on": date(2026, 12, 24)}, date(2026, 12, 28)),  # Christmas, weekend
        ({"rejection": rejection(), "received_on": date(2026, 12, 14)}, date(2026, 12, 15)),
        ({"rejection": rejection(), "send_on": date(2026, 12, 20)}, date(2026, 12, 20)),
    ],
)
def test_the_send_date_is_the_next_business_day(kwargs: dict[str, object], expected: date) -> None:
    assert rejection_reply(EVERY_FIELD, **kwargs).email.send_on == expected  # type: ignore[arg-type]


def test_no_date_at_all_says_which_argument_to_pass() -> None:
    with pytest.raises(InvalidInput) as caught:
        rejection_reply(EVERY_FIELD, rejection=rejection(date_header=None))
    assert [(p.field, p.message) for p in caught.value.problems] == [
        (
            "received_on",
            (
                "Say when the rejection arrived: pass received_on=, or send_on=, "
                "or the employer's message with its Date header."
            ),
        )
    ]
    with pytest.raises(InvalidInput, match="received_on"):
        rejection_reply(EVERY_FIELD)


def test_the_message_may_come_in_every_form(tmp_path: Path) -> None:
    raw = rejection()
    path = tmp_path / "refus.eml"
    path.write_bytes(raw)
    forms: list[object] = [
        raw,
        raw.decode(),
        path,
        str(path),
        message_from_bytes(raw),  # compat32, as most code parses
        message_from_string(raw.decode(), policy=policy.default),
    ]
    replies = [rejection_reply(EVERY_FIELD, rejection=form) for form in forms]  # type: ignore[arg-type]
    assert all(r == replies[0] for r in replies)


@pytest.mark.parametrize(
    ("raw", "field", "message"),
    [
        (b"just some text\nwithout headers\n", "rejection", "This is not an email message"),
        (b"Subject: x\r\nTo: a@example.com\r\n\r\nbody", "rejection.From", "no usable sender"),
        (
            b"From: nobody\r\nSubject: x\r\n\r\nbody",
            "rejection.From.email",
            "This is not a valid email address",
        ),
        (
            b"From: =?utf-8?q?Marie=0D=0ABcc:_x@evil.example?= <m@ubisoft.example>\r\n\r\nx",
            "rejection.From",
            "holds a line break",
        ),
        (
            b"From: m@ubisoft.example\r\nReply-To: =?utf-8?q?a=0Ab?= <r@ubisoft.example>\r\n\r\nx",
            "rejection.Reply-To",
            "holds a line break",
        ),
        (
            b"From: Marie <marie@>\r\n\r\nx",
            "rejection.From.email",
            "This is not a valid email address",
        ),
        (
            b"From: =?utf-8?q?=3D=3Futf-8=3Fq=3Fx=3F=3D?= <m@ubisoft.example>\r\n\r\nx",
            "rejection.From.name",
            "email-header code",
        ),
    ],
)
def test_a_bad_message_is_invalid_input(raw: bytes, field: str, message: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        rejection_reply(EVERY_FIELD, rejection=raw, received_on=date(2026, 12, 10))
    [problem] = caught.value.problems
    assert problem.field == field
    assert message in problem.message


@pytest.mark.parametrize("value", [42, None.__class__, ["a"]])
def test_a_rejection_of_the_wrong_type_is_invalid_input(value: object) -> None:
    with pytest.raises(InvalidInput, match="rejection: Expected the employer's email"):
        rejection_reply(EVERY_FIELD, rejection=value)  # type: ignore[arg-type]


def test_a_missing_file_is_invalid_input(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="rejection: No such file"):
        rejection_reply(EVERY_FIELD, rejection=tmp_path / "absent.eml")


def test_nothing_of_the_message_reaches_a_header_unchecked() -> None:
    original = (
        "From: Marie Tremblay <marie.tremblay@ubisoft.example>\r\n"
        "Subject: Votre candidature\u2028Bcc: x@evil.example\r\n"
        "Date: " + WHEN + "\r\n"
        "Message-ID: <c@x>\r\n"
        "References: <a@x> <b@x>\tBcc:y@evil\r\n\r\nNon.\r\n"
    ).encode()
    email = rejection_reply(EVERY_FIELD, rejection=original).email
    raw = email.to_eml()
    headers = raw.split(b"\r\n\r\n", 1)[0]
    assert b"\nBcc" not in headers
    assert all(line[:1] in b" \t" or b":" in line for line in headers.split(b"\r\n"))
    assert email.references == ("<a@x>", "<b@x>", "<c@x>")
    assert email.subject == "RE\u00a0: Votre candidature Bcc: x@evil.example"


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_what_the_texts_say(scenario: Scenario) -> None:
    reply = rejection_reply(scenario.interview, received_on=date(2027, 3, 1))
    body = reply.email.body
    assert len(body.split()) <= 120
    assert "Je vous remercie de votre réponse" in body
    assert "vos commentaires sur ma candidature" in body
    assert "quel type de profil avez-vous finalement retenu" in body
    assert "si un autre poste est à pourvoir" in body
    note = reply.note
    assert note.kind == "note"
    assert note.words <= 80
    lines = note.text.splitlines()
    assert max(len(line) for line in lines) <= NOTE_WIDTH
    assert lines[-1] == scenario.interview.candidate.name
    for email_habit in ("Objet", "Bonjour,", "@", scenario.interview.candidate.phone or "@"):
        assert email_habit not in note.text
    city = scenario.interview.candidate.city
    if city:
        assert lines[0] == f"{city}, le 2 mars 2027"
    else:
        assert "le 2 mars 2027" not in note.text


def test_the_note_line_for_the_first_of_a_month() -> None:
    note = rejection_reply(EVERY_FIELD, send_on=date(2027, 2, 1)).note
    assert note.text.startswith("Montréal, le 1er février 2027\n\nMadame,\n\n")
    assert note.text.rstrip().endswith(
        "Je vous prie d’agréer, Madame, mes\nsalutations distinguées.\n\nCamille Roy"
    )


def test_as_dict_is_json_safe() -> None:
    reply = rejection_reply(EVERY_FIELD, rejection=rejection())
    data = json.loads(json.dumps(reply.as_dict()))
    assert data["email"]["in_reply_to"] == "<refus-1@ubisoft.example>"
    assert data["note"]["kind"] == "note"


def test_the_reply_arrives_as_an_eml_that_threads(tmp_path: Path) -> None:
    original = rejection(message_id="<fil@ubisoft.example>")
    sent = parse(
        rejection_reply(EVERY_FIELD, rejection=original).email.to_eml(
            date=None, message_id="<reponse@example.com>"
        )
    )
    assert sent["In-Reply-To"] == "<fil@ubisoft.example>"
    assert sent["References"] == "<fil@ubisoft.example>"
    assert sent["Message-ID"] == "<reponse@example.com>"
    assert sent["Date"] is not None


def test_the_reply_prefix_takes_the_region_s_space() -> None:
    from dataclasses import replace as with_

    swiss = with_(EVERY_FIELD, locale="fr_CH")
    email = rejection_reply(swiss, rejection=rejection(subject="Re: Votre candidature")).email
    assert email.subject == "RE\u202f: Votre candidature"
