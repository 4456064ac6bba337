"""After a rejection: the threaded reply, the handwritten note, and hostile messages."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from email import message_from_bytes, message_from_string, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relance import Interview, InvalidInput, RejectionReply, rejection_reply
from relance._employer_mail import read
from relance._locales import locale_info
from relance._rejection import NOTE_WIDTH, _reply_subject
from relance._samples import example_text

from clirun import run
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
    # The card is for the hiring contact the interview names, and the user is told.
    assert "\nMadame,\n" in reply.note.text
    assert reply.warnings == ("The handwritten note is for the hiring contact, Marie Tremblay.",)
    alone = replace(EVERY_FIELD, hiring_contact=None)
    reply = rejection_reply(alone, rejection=original)
    assert "\nBonjour Julie Gagnon,\n" in reply.note.text
    assert reply.warnings == ()


def test_an_anonymous_sender_is_madame_monsieur() -> None:
    alone = replace(EVERY_FIELD, hiring_contact=None)
    reply = rejection_reply(alone, rejection=rejection(sender="rh@ubisoft.example"))
    assert reply.email.to == "rh@ubisoft.example"
    assert reply.email.body.startswith("Madame, Monsieur,\n\n")
    assert "Je vous prie d’agréer, Madame, Monsieur, mes salutations distinguées." in (
        reply.email.body
    )
    assert "\nMadame, Monsieur,\n" in reply.note.text
    assert reply.warnings == (
        (
            "rh@ubisoft.example is a mailbox, not a person: "
            'the reply and the handwritten note open with "Madame, Monsieur,".'
        ),
    )


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


RE = "RE\u00a0: "
TR = "TR\u00a0: "


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Votre candidature", RE + "Votre candidature"),
        ("Retour sur votre candidature", RE + "Retour sur votre candidature"),
        ("Réponse: candidature", RE + "Réponse: candidature"),  # a word, not a prefix
        ("Rappel : entrevue", RE + "Rappel : entrevue"),
        # Every reply prefix goes, however often, in any client's language.
        ("RE : Votre candidature", RE + "Votre candidature"),
        ("Re: Votre candidature", RE + "Votre candidature"),
        ("RE: RE : Re: Votre candidature", RE + "Votre candidature"),
        ("Re[2]: Votre candidature", RE + "Votre candidature"),
        ("R: Votre candidature", RE + "Votre candidature"),  # Outlook in Italian
        ("Antw: Votre candidature", RE + "Votre candidature"),  # Dutch
        ("AW: Votre candidature", RE + "Votre candidature"),  # German
        ("SV: Votre candidature", RE + "Votre candidature"),  # Swedish, Danish
        ("Réf : Votre candidature", RE + "Votre candidature"),
        ("RÉF. Votre candidature", RE + "RÉF. Votre candidature"),  # no colon: kept
        ("Ré : Votre candidature", RE + "Votre candidature"),
        ("RE\u00a0: Votre candidature", RE + "Votre candidature"),  # relance's own
        ("RE\u202f: Votre candidature", RE + "Votre candidature"),
        ("Re： Votre candidature", RE + "Votre candidature"),  # a full-width colon
        # A mail gateway's tag goes too, before or after the prefixes.
        ("[EXT] Votre candidature", RE + "Votre candidature"),
        ("[EXT] RE: Votre candidature", RE + "Votre candidature"),
        ("RE: [External] Votre candidature", RE + "Votre candidature"),
        ("[EXTERNE] [EXT] RE: [EXT] AW: Votre candidature", RE + "Votre candidature"),
        ("[EXTERNAL EMAIL] RE: Votre candidature", RE + "Votre candidature"),
        ("[Externe] Votre candidature", RE + "Votre candidature"),
        ("Votre candidature [EXT]", RE + "Votre candidature [EXT]"),  # not at the start
        # A forward's prefix stays, typeset, after relance's one « RE : ».
        ("TR : Votre candidature", RE + TR + "Votre candidature"),
        ("TR: Votre candidature", RE + TR + "Votre candidature"),
        ("Re: TR : Votre candidature", RE + TR + "Votre candidature"),
        ("TR: RE: Votre candidature", RE + TR + "Votre candidature"),
        ("[EXT] RE: TR: RE: Votre candidature", RE + TR + "Votre candidature"),
        ("TR: TR: Votre candidature", RE + TR + "Votre candidature"),
        ("Fwd: Votre candidature", RE + "Fwd\u00a0: Votre candidature"),
        ("FW: Votre candidature", RE + "FW\u00a0: Votre candidature"),
        ("TR: Fwd: Votre candidature", RE + TR + "Fwd\u00a0: Votre candidature"),
        # The employer's straight apostrophes become the message's ’.
        (
            "Re: Votre candidature au poste d'analyste",
            RE + "Votre candidature au poste d’analyste",
        ),
        ("L'équipe d'Ubisoft vous répond", RE + "L’équipe d’Ubisoft vous répond"),
        (
            "Votre candidature (o'neil@ubisoft.example)",
            RE + "Votre candidature (o'neil@ubisoft.example)",
        ),
        ("  RE :   Votre   candidature ", RE + "Votre candidature"),
        ("RE :", None),
        ("[EXT] TR:", None),
    ],
)
def test_the_reply_subject(subject: str, expected: str | None) -> None:
    email = rejection_reply(EVERY_FIELD, rejection=rejection(subject=subject)).email
    assert email.subject == (expected or "Merci pour votre réponse – poste d’analyste de données")


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("fr_CA", "RE\u00a0: TR\u00a0: Votre candidature au poste d’analyste"),
        ("fr_FR", "RE\u00a0: TR\u00a0: Votre candidature au poste d’analyste"),
        ("fr_BE", "RE\u00a0: TR\u00a0: Votre candidature au poste d’analyste"),
        ("fr_CH", "RE\u202f: TR\u202f: Votre candidature au poste d’analyste"),
    ],
)
def test_the_reply_subject_takes_the_region_s_typography(locale: str, expected: str) -> None:
    interview = replace(EVERY_FIELD, locale=locale)
    subject = "[EXT] AW: TR: Votre candidature au poste d'analyste"
    assert rejection_reply(interview, rejection=rejection(subject=subject)).email.subject == (
        expected
    )


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


def appel_of(reply: RejectionReply) -> str:
    """The card's appel: its first paragraph after the place-and-date line, if any."""
    first, second, *_ = reply.note.text.split("\n\n")
    return second if ", le " in first else first


# Who the reply and the card are for. EVERY_FIELD's hiring contact is Marie Tremblay
# (Madame); its interviewers are Marie Tremblay, Dominique Bélanger (no civility) and
# Jean-Paul Le Gardeur (Monsieur), each with an address.
NO_HIRING_CONTACT = replace(EVERY_FIELD, hiring_contact=None)
NO_ADDRESS = replace(
    NO_HIRING_CONTACT,
    interviewers=[replace(c, email=None) for c in EVERY_FIELD.interviewers],
)
HIRING_WITHOUT_ADDRESS = replace(
    EVERY_FIELD, hiring_contact=replace(EVERY_FIELD.main_contact, email=None)
)
MARIE = "Marie Tremblay <marie.tremblay@ubisoft.example>"
NOTE_TO_MARIE = "The handwritten note is for the hiring contact, Marie Tremblay."
WORKDAY = "Ubisoft via Workday <no-reply@myworkday.example>"
TO_MARIE = (
    "no-reply@myworkday.example takes no replies: the reply goes to the hiring contact, "
    f"{MARIE}, in the same thread."
)


@pytest.mark.parametrize(
    ("interview", "sender", "reply_to", "to", "greeting", "appel", "warnings"),
    [
        # A known contact, by address (in any case), then by name in any order.
        (EVERY_FIELD, MARIE, None, MARIE, "Bonjour Madame Tremblay,", "Madame,", ()),
        (
            EVERY_FIELD,
            "Marie Tremblay <Marie.Tremblay@UBISOFT.example>",
            None,
            "Marie Tremblay <Marie.Tremblay@ubisoft.example>",
            "Bonjour Madame Tremblay,",
            "Madame,",
            (),
        ),
        (
            EVERY_FIELD,
            '"Le Gardeur, Jean-Paul" <jp.legardeur@ubisoft.example>',
            None,
            "Jean-Paul Le Gardeur <jp.legardeur@ubisoft.example>",
            "Bonjour Monsieur Le Gardeur,",
            "Madame,",
            (NOTE_TO_MARIE,),
        ),
        (
            EVERY_FIELD,
            "JEAN-PAUL LE GARDEUR <jplg@gmail.example>",  # an address not on file
            None,
            "Jean-Paul Le Gardeur <jplg@gmail.example>",
            "Bonjour Monsieur Le Gardeur,",
            "Madame,",
            (NOTE_TO_MARIE,),
        ),
        (
            NO_ADDRESS,
            "Dominique Belanger <dominique@ubisoft.example>",  # typed without the accent
            None,
            "Dominique Bélanger <dominique@ubisoft.example>",
            "Bonjour Dominique Bélanger,",
            "Bonjour Dominique Bélanger,",
            (),
        ),
        # A person relance does not know: greeted by the name they sign with.
        (
            NO_HIRING_CONTACT,
            '"Gagnon, Julie" <julie.gagnon@ubisoft.example>',
            None,
            '"Gagnon, Julie" <julie.gagnon@ubisoft.example>',
            "Bonjour Julie Gagnon,",
            "Bonjour Julie Gagnon,",
            (),
        ),
        # A mailbox: the company, a department, a platform, or no name at all.
        (
            EVERY_FIELD,
            "Recrutement Ubisoft <recrutement@ubisoft.example>",
            None,
            "Recrutement Ubisoft <recrutement@ubisoft.example>",
            "Madame, Monsieur,",
            "Madame,",
            (
                (
                    "Recrutement Ubisoft <recrutement@ubisoft.example> is a mailbox, not a "
                    'person: the reply opens with "Madame, Monsieur,".'
                ),
                NOTE_TO_MARIE,
            ),
        ),
        *(
            (
                NO_HIRING_CONTACT,
                sender,
                None,
                sender,
                "Madame, Monsieur,",
                "Madame, Monsieur,",
                (
                    (
                        f"{sender} is a mailbox, not a person: "
                        'the reply and the handwritten note open with "Madame, Monsieur,".'
                    ),
                ),
            )
            for sender in (
                "Ubisoft <careers@ubisoft.example>",
                '"Ubisoft Inc." <bonjour@ubisoft.example>',
                "Ressources humaines <equipe.montreal@ubisoft.example>",
                "Talent Acquisition <ta@ubisoft.example>",
                "Équipe recrutement <jobs@ubisoft.example>",
                "Workday <ubisoft@myworkday.example>",
                "Marie <rh@ubisoft.example>",
                "emplois@ubisoft.example",
            )
        ),
        (
            NO_HIRING_CONTACT,
            '"rh@ubisoft.example" <rh@ubisoft.example>',
            None,
            "rh@ubisoft.example",
            "Madame, Monsieur,",
            "Madame, Monsieur,",
            (
                (
                    "rh@ubisoft.example is a mailbox, not a person: "
                    'the reply and the handwritten note open with "Madame, Monsieur,".'
                ),
            ),
        ),
        # The known author signs; their team's mailbox takes the reply.
        (
            NO_HIRING_CONTACT,
            MARIE,
            "Ressources humaines <rh@ubisoft.example>",
            "Ressources humaines <rh@ubisoft.example>",
            "Bonjour Madame Tremblay,",
            "Madame,",
            (),
        ),
        # No reply to an address that takes none: the hiring contact, in the thread.
        (EVERY_FIELD, WORKDAY, None, MARIE, "Bonjour Madame Tremblay,", "Madame,", (TO_MARIE,)),
        (
            EVERY_FIELD,
            "Marie Tremblay via Workday <noreply+1234@myworkday.example>",
            None,
            MARIE,
            "Bonjour Madame Tremblay,",
            "Madame,",
            (
                (
                    "noreply+1234@myworkday.example takes no replies: the reply goes to the "
                    f"hiring contact, {MARIE}, in the same thread."
                ),
            ),
        ),
        (
            EVERY_FIELD,
            WORKDAY,
            "Ne pas répondre <ne-pas-repondre@ubisoft.example>",
            MARIE,
            "Bonjour Madame Tremblay,",
            "Madame,",
            (
                (
                    "ne-pas-repondre@ubisoft.example takes no replies: the reply goes to the "
                    f"hiring contact, {MARIE}, in the same thread."
                ),
            ),
        ),
        (  # The Reply-To takes replies: it wins over a no-reply From.
            EVERY_FIELD,
            WORKDAY,
            "Recrutement Ubisoft <recrutement@ubisoft.example>",
            "Recrutement Ubisoft <recrutement@ubisoft.example>",
            "Madame, Monsieur,",
            "Madame,",
            (
                (
                    "Recrutement Ubisoft <recrutement@ubisoft.example> is a mailbox, not a "
                    'person: the reply opens with "Madame, Monsieur,".'
                ),
                NOTE_TO_MARIE,
            ),
        ),
        (  # A rejection the candidate forwarded to themselves: not back to them.
            EVERY_FIELD,
            "Camille Roy <camille.roy@example.com>",
            None,
            MARIE,
            "Bonjour Madame Tremblay,",
            "Madame,",
            (
                (
                    "camille.roy@example.com is your own address (a rejection you forwarded "
                    f"to yourself?): the reply goes to the hiring contact, {MARIE}, in the "
                    "same thread."
                ),
            ),
        ),
        (
            NO_ADDRESS,
            "Camille Roy <Camille.Roy@example.com>",
            None,
            "",
            "Bonjour Madame Tremblay,",
            "Madame,",
            (
                (
                    "Camille.Roy@example.com is your own address (a rejection you forwarded "
                    "to yourself?), and the interview gives no one's email address: add an "
                    "interviewer's (interviewers[0].email), or send the reply yourself."
                ),
            ),
        ),
        (  # Without the hiring contact's address: the author, known by name.
            HIRING_WITHOUT_ADDRESS,
            "Jean-Paul Le Gardeur via Workday <do_not_reply@myworkday.example>",
            None,
            "Jean-Paul Le Gardeur <jp.legardeur@ubisoft.example>",
            "Bonjour Monsieur Le Gardeur,",
            "Madame,",
            (
                (
                    "do_not_reply@myworkday.example takes no replies: the reply goes to the "
                    "interviewer who wrote it, Jean-Paul Le Gardeur "
                    "<jp.legardeur@ubisoft.example>, in the same thread."
                ),
                NOTE_TO_MARIE,
            ),
        ),
        (  # Else the first interviewer with an address.
            NO_HIRING_CONTACT,
            WORKDAY,
            None,
            MARIE,
            "Bonjour Madame Tremblay,",
            "Madame,",
            (
                (
                    "no-reply@myworkday.example takes no replies: the reply goes to the "
                    f"interviewer, {MARIE}, in the same thread."
                ),
            ),
        ),
        (  # Else no one: the user is told what to add.
            NO_ADDRESS,
            WORKDAY,
            None,
            "",
            "Bonjour Madame Tremblay,",
            "Madame,",
            (
                (
                    "no-reply@myworkday.example takes no replies, and the interview gives no "
                    "one's email address: add an interviewer's (interviewers[0].email), or "
                    "send the reply yourself."
                ),
            ),
        ),
        (
            NO_ADDRESS,
            "Julie Gagnon via Taleo <noreply@taleo.example>",
            None,
            "",
            "Bonjour Julie Gagnon,",
            "Bonjour Julie Gagnon,",
            (
                (
                    "noreply@taleo.example takes no replies, and the interview gives no "
                    "one's email address: add an interviewer's (interviewers[0].email), or "
                    "send the reply yourself."
                ),
            ),
        ),
    ],
)
def test_the_right_addressee(  # noqa: PLR0917 - one parameter per column of the table
    interview: Interview,
    sender: str,
    reply_to: str | None,
    to: str,
    greeting: str,
    appel: str,
    warnings: tuple[str, ...],
) -> None:
    original = rejection(sender=sender, reply_to=reply_to)
    reply = rejection_reply(interview, rejection=original)
    assert reply.email.to == to
    assert reply.email.body.split("\n")[0] == greeting
    assert appel_of(reply) == appel
    assert reply.warnings == warnings
    assert reply.email.in_reply_to == "<refus-1@ubisoft.example>"
    assert reply.as_dict()["warnings"] == list(warnings)


# Rejections as mail clients and hiring platforms really write them, byte for byte.
OUTLOOK = (
    b'From: "Tremblay, Marie" <Marie.Tremblay@ubisoft.example>\r\n'
    b'To: "Roy, Camille" <camille.roy@example.com>\r\n'
    b"Subject: =?iso-8859-1?Q?[EXT]_RE:_Votre_candidature_au_poste_d'analyste_de_donn?=\r\n"
    b" =?iso-8859-1?Q?=E9es?=\r\n"
    b"Thread-Topic: Votre candidature au poste d'analyste de =?iso-8859-1?Q?donn=E9es?=\r\n"
    b"Thread-Index: AQHZx1b2c3RhbmRhcmQgdGhyZWFkIGluZGV4\r\n"
    b"Date: Thu, 10 Dec 2026 21:05:00 +0000\r\n"
    b"Message-ID: <YT2PR01MB4567A1B2C3@YT2PR01MB4567.CANPRD01.PROD.OUTLOOK.COM>\r\n"
    b"References: <CAH+candidature@mail.example.com>\r\n"
    b"In-Reply-To: <CAH+candidature@mail.example.com>\r\n"
    b"Accept-Language: fr-CA, en-US\r\n"
    b"Content-Language: fr-CA\r\n"
    b"MIME-Version: 1.0\r\n"
    b'Content-Type: text/plain; charset="iso-8859-1"\r\n'
    b"Content-Transfer-Encoding: quoted-printable\r\n\r\n"
    b"Bonjour Camille,=0D=0A=0D=0ANous avons retenu une autre candidature.\r\n"
)
GMAIL = (
    b"MIME-Version: 1.0\r\n"
    b"References: <CAH+candidature@mail.example.com>\r\n"
    b"In-Reply-To: <CAH+candidature@mail.example.com>\r\n"
    b"From: Julie Gagnon <julie.gagnon.rh@gmail.example>\r\n"
    b"Date: Thu, 10 Dec 2026 16:05:12 -0500\r\n"
    b"Message-ID: <CAKx9=Qz8T+refus_2@mail.gmail.example>\r\n"
    b"Subject: Re: Entrevue =?UTF-8?B?4oCTIGFuYWx5c3RlIGRlIGRvbm7DqWVz?=\r\n"
    b"To: Camille Roy <camille.roy@example.com>\r\n"
    b'Content-Type: multipart/alternative; boundary="0000000000001c9a2b"\r\n\r\n'
    b"--0000000000001c9a2b\r\n"
    b'Content-Type: text/plain; charset="UTF-8"\r\n\r\n'
    b"Bonjour Camille, merci pour votre temps.\r\n\r\n"
    b"--0000000000001c9a2b--\r\n"
)
WORKDAY_MAIL = (
    b"Date: Thu, 10 Dec 2026 21:05:33 +0000 (UTC)\r\n"
    b"From: =?UTF-8?B?QWNtZSBpbmMuIHZpYSBXb3JrZGF5?= <no-reply@myworkday.example>\r\n"
    b"To: camille.roy@example.com\r\n"
    b"Message-ID: <1866254901.1234.1797023133@wd5-prod-notify.example>\r\n"
    b"Subject: =?UTF-8?Q?Mise_=C3=A0_jour_de_votre_candidature?=\r\n"
    b"MIME-Version: 1.0\r\n"
    b"Content-Type: text/html; charset=UTF-8\r\n"
    b"Content-Transfer-Encoding: 7bit\r\n\r\n"
    b"<p>Nous avons retenu une autre candidature.</p>\r\n"
)
DESJARDINS = (
    b"From: Recrutement Desjardins <recrutement@desjardins.example>\r\n"
    b"Reply-To: recrutement@desjardins.example\r\n"
    b"To: <alexis.gagnon@example.org>\r\n"
    b"Subject: Votre candidature - conseiller en =?utf-8?q?s=C3=A9curit=C3=A9_financi=C3=A8re?=\r\n"
    b"Date: Fri, 19 Feb 2027 10:12:00 -0500\r\n"
    b"Message-ID: <ats.4451.refus@desjardins.example>\r\n\r\n"
    b"Bonjour,\r\n\r\nNous avons retenu une autre candidature.\r\n"
)
RAW_UTF8 = (  # RFC 6532: 8-bit header bytes in UTF-8, as SMTPUTF8 mail carries them
    "From: Geneviève Côté <genevieve.cote@ubisoft.example>\r\n"
    "To: Camille Roy <camille.roy@example.com>\r\n"
    "Subject: Réponse à votre candidature « analyste »\r\n"
    "Date: Thu, 10 Dec 2026 16:05:00 -0500\r\n"
    "Message-ID: <utf8@ubisoft.example>\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Transfer-Encoding: 8bit\r\n\r\n"
    "Nous avons retenu une autre candidature.\r\n"
).encode()
DESJARDINS_INTERVIEW = next(s for s in SCENARIOS if s.name == "first-of-month-sent-late").interview


@pytest.mark.parametrize(
    ("interview", "raw", "to", "subject", "greeting", "appel", "warnings"),
    [
        (
            EVERY_FIELD,
            OUTLOOK,
            "Marie Tremblay <Marie.Tremblay@ubisoft.example>",
            "RE\u00a0: Votre candidature au poste d’analyste de données",
            "Bonjour Madame Tremblay,",
            "Madame,",
            (),
        ),
        (
            NO_HIRING_CONTACT,
            GMAIL,
            "Julie Gagnon <julie.gagnon.rh@gmail.example>",
            "RE\u00a0: Entrevue – analyste de données",
            "Bonjour Julie Gagnon,",
            "Bonjour Julie Gagnon,",
            (),
        ),
        (
            EVERY_FIELD,
            WORKDAY_MAIL,
            MARIE,
            "RE\u00a0: Mise à jour de votre candidature",
            "Bonjour Madame Tremblay,",
            "Madame,",
            (TO_MARIE,),
        ),
        (
            DESJARDINS_INTERVIEW,
            DESJARDINS,
            "Recrutement Desjardins <recrutement@desjardins.example>",
            "RE\u00a0: Votre candidature - conseiller en sécurité financière",
            "Madame, Monsieur,",
            "Madame, Monsieur,",
            (
                (
                    "Recrutement Desjardins <recrutement@desjardins.example> is a mailbox, "
                    "not a person: "
                    'the reply and the handwritten note open with "Madame, Monsieur,".'
                ),
            ),
        ),
        (
            EVERY_FIELD,
            RAW_UTF8,
            "Geneviève Côté <genevieve.cote@ubisoft.example>",
            "RE\u00a0: Réponse à votre candidature « analyste »",
            "Bonjour Geneviève Côté,",
            "Madame,",
            ("The handwritten note is for the hiring contact, Marie Tremblay.",),
        ),
        (  # The same From in Windows-1252, as some older clients send it.
            EVERY_FIELD,
            RAW_UTF8.decode().encode("cp1252"),
            "Geneviève Côté <genevieve.cote@ubisoft.example>",
            "RE\u00a0: Réponse à votre candidature « analyste »",
            "Bonjour Geneviève Côté,",
            "Madame,",
            ("The handwritten note is for the hiring contact, Marie Tremblay.",),
        ),
    ],
    ids=["outlook", "gmail", "workday", "recruiting-mailbox", "raw-utf8", "raw-cp1252"],
)
def test_rejections_as_clients_write_them(  # noqa: PLR0917 - one parameter per column
    interview: Interview,
    raw: bytes,
    to: str,
    subject: str,
    greeting: str,
    appel: str,
    warnings: tuple[str, ...],
) -> None:
    reply = rejection_reply(interview, rejection=raw)
    assert (reply.email.to, reply.email.subject) == (to, subject)
    assert reply.email.body.split("\n")[0] == greeting
    assert appel_of(reply) == appel
    assert reply.warnings == warnings
    parent = parse(raw)
    assert reply.email.in_reply_to == parent["Message-ID"]
    sent = parse(reply.email.to_eml())
    assert sent["In-Reply-To"] == parent["Message-ID"]
    assert sent["Subject"] == subject
    # The message given as text, or parsed by the caller, is read the same.
    assert rejection_reply(interview, rejection=raw.decode("utf-8", "surrogateescape")) == reply
    assert rejection_reply(interview, rejection=message_from_bytes(raw)) == reply


def test_a_raw_header_that_is_not_text_is_refused_with_its_field() -> None:
    raw = b"From: Genevi\x81\x8d <g@ubisoft.example>\r\nDate: " + WHEN.encode() + b"\r\n\r\nx"
    with pytest.raises(InvalidInput) as caught:
        rejection_reply(EVERY_FIELD, rejection=raw)
    assert [p.field for p in caught.value.problems] == ["rejection.From.name"]


def test_a_forward_to_oneself_is_answered_under_the_employer_s_subject() -> None:
    original = rejection(
        sender="Camille Roy <camille.roy@example.com>", subject="TR: RE: Votre candidature"
    )
    assert rejection_reply(EVERY_FIELD, rejection=original).email.subject == (
        "RE\u00a0: Votre candidature"
    )


def test_the_cli_says_on_stderr_who_the_reply_is_for(tmp_path: Path) -> None:
    interview = tmp_path / "entrevue.toml"
    interview.write_text(example_text(), encoding="utf-8")
    refusal = tmp_path / "refus.eml"
    refusal.write_bytes(WORKDAY_MAIL)
    warning = (
        "relance: warning: no-reply@myworkday.example takes no replies: the reply goes to "
        "the hiring contact, Marie Tremblay <marie.tremblay@example.com>, in the same thread.\n"
    )
    text = run("rejection", str(interview), "--reply-to", str(refusal))
    assert (text.returncode, text.stderr) == (0, warning)
    assert "\nÀ\u00a0: Marie Tremblay <marie.tremblay@example.com>\n" in text.stdout
    assert "\nObjet\u00a0: RE\u00a0: Mise à jour de votre candidature\n" in text.stdout

    data = run("rejection", str(interview), "--reply-to", str(refusal), "--format", "json")
    assert (data.returncode, data.stderr) == (0, warning)
    expected = rejection_reply(Interview.load(interview), rejection=refusal)
    assert json.loads(data.stdout) == expected.as_dict()
    assert json.loads(data.stdout)["warnings"] == [warning.removeprefix("relance: warning: ")[:-1]]

    out = tmp_path / "reponse"
    eml = run(
        "rejection",
        str(interview),
        "--reply-to",
        str(refusal),
        "--format",
        "eml",
        "--out",
        str(out),
    )
    assert (eml.returncode, eml.stderr) == (0, warning)
    sent = parse((out / "rejection-reply-marie-tremblay.eml").read_bytes())
    assert sent["To"] == "Marie Tremblay <marie.tremblay@example.com>"
    assert sent["In-Reply-To"] == "<1866254901.1234.1797023133@wd5-prod-notify.example>"


def test_the_cli_says_which_address_to_add_when_no_one_takes_replies(tmp_path: Path) -> None:
    interview = tmp_path / "entrevue.toml"
    text = example_text().replace('email = "marie.tremblay@example.com"\n', "")
    text = text.replace('email = "dominique.belanger@example.com"\n', "")
    interview.write_text(text, encoding="utf-8")
    refusal = tmp_path / "refus.eml"
    refusal.write_bytes(WORKDAY_MAIL)
    result = run("rejection", str(interview), "--reply-to", str(refusal), "--format", "eml")
    assert result.returncode == 2
    assert result.stderr == (
        "relance: warning: no-reply@myworkday.example takes no replies, and the interview "
        "gives no one's email address: add the hiring contact's (hiring_contact.email), or "
        "send the reply yourself.\n"
        "relance: error: invalid input (1):\n"
        "  hiring_contact.email: The rejection-reply email has no recipient; "
        "an .eml file needs one.\n"
    )


PREFIXES = ["RE: ", "Re : ", "RE\u00a0: ", "R: ", "AW: ", "Réf : ", "[EXT] ", "TR: ", "Fwd: "]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(PREFIXES), max_size=5),
    st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=40),
    st.sampled_from(["fr_CA", "fr_CH"]),
)
def test_a_reply_to_the_reply_keeps_one_prefix(
    prefixes: list[str], subject: str, locale: str
) -> None:
    """Whatever the employer wrote, a reply to relance's reply has the same subject."""
    message = EmailMessage()
    message["Subject"] = "".join(prefixes) + subject
    once = _reply_subject(read(message).text("Subject"), locale)
    if once is None:
        return
    reply = EmailMessage()
    reply["Subject"] = once
    assert _reply_subject(read(reply).text("Subject"), locale) == once
    assert once.startswith("RE" + locale_info(locale).typography.before_colon + ": ")
    assert "'" not in once or "@" in once or "://" in once


def test_a_header_name_with_a_space_before_its_colon_is_read_with_those_after_it() -> None:
    """RFC 5322's obsolete syntax allows « Subject : »; the stdlib's parser would take
    it for the start of the body and lose every header after it (the Reply-To here)."""
    raw = (
        b"From: Marie Tremblay <marie.tremblay@ubisoft.example>\r\n"
        b"Subject : Votre candidature\r\n"
        b"Reply-To: Recrutement <recrutement@ubisoft.example>\r\n"
        b"Date: " + WHEN.encode() + b"\r\n\r\nBonjour,\r\n"
    )
    email = rejection_reply(EVERY_FIELD, rejection=raw).email
    assert email.subject == "RE\u00a0: Votre candidature"
    assert email.to == "Recrutement <recrutement@ubisoft.example>"
