"""Drafts saved over IMAP and sent over SMTP, against real servers on 127.0.0.1.

Dovecot (started by the fixtures below, see tests/mailservers.py) receives the drafts;
stdlib imaplib, a client independent of the IMAPClient relance uses, reads them back
and the bytes and flags of every message are compared. aiosmtpd receives the mail.
"""

from __future__ import annotations

import imaplib
import logging
import pickle
import re
import ssl
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from email.parser import BytesHeaderParser
from email.policy import default
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest

from relance import (
    Delivery,
    DeliveryError,
    Draft,
    ImapAccount,
    InvalidInput,
    MissingRecipient,
    RelanceError,
    SmtpAccount,
    rejection_reply,
    save_drafts,
    send_drafts,
    thank_you_notes,
)
from relance._delivery import is_loopback
from relance._samples import example_interview, example_rejection

from mailservers import (
    HOST,
    PASSWORD,
    USER,
    Certificates,
    Dovecot,
    Inbox,
    closed_port,
    dovecot,
    make_certificates,
    smtp_server,
)

THANKS = thank_you_notes(example_interview())
REPLY = rejection_reply(example_interview(), rejection=example_rejection(), html=True).email
DRAFTS = (*THANKS, REPLY)
SEND_DAY = date(2026, 12, 11)  # every draft above is due by then


def secret_free(err: BaseException) -> str:
    """The error's text; fails when the password shows in it, its repr or traceback."""
    shown = [str(err), repr(err), "".join(traceback.format_exception(err))]
    assert not [text for text in shown if PASSWORD in text]
    return str(err)


# ------------------------------------------------------------------------ fixtures


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> Certificates:
    return make_certificates(tmp_path_factory.mktemp("certificates"))


@pytest.fixture(scope="module")
def other_ca(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The CA file of an authority that signed nothing the servers show."""
    return make_certificates(tmp_path_factory.mktemp("other")).cafile


@pytest.fixture(scope="module")
def imap_tls(certificates: Certificates) -> Iterator[Dovecot]:
    """Dovecot with TLS and a \\Drafts special-use « Drafts » folder."""
    with dovecot({"Drafts": "\\Drafts", "Sent": "\\Sent"}, certificates=certificates) as server:
        yield server


@pytest.fixture(scope="module")
def imap_brouillons() -> Iterator[Dovecot]:
    """Plain Dovecot whose drafts folder is « Brouillons », with no special use."""
    with dovecot({"Archives": None, "Brouillons": None}) as server:
        yield server


def tls_account(server: Dovecot, certificates: Certificates, **changes: Any) -> ImapAccount:
    options: dict[str, Any] = {"port": server.imaps_port, "cafile": certificates.cafile}
    return ImapAccount(HOST, USER, PASSWORD, **(options | changes))


class Reader:
    """stdlib imaplib, logged in to a folder: the test's own view of the mailbox."""

    def __init__(self, client: imaplib.IMAP4, folder: str) -> None:
        self.client = client
        status, _ = client.select(f'"{folder}"', readonly=True)
        assert status == "OK", folder

    def message(self, message_id: str) -> tuple[set[bytes], bytes]:
        """The flags and the bytes of the one message with this Message-ID."""
        status, found = self.client.uid("SEARCH", "HEADER", "Message-ID", message_id)
        assert status == "OK"
        [uid] = found[0].split()
        status, data = self.client.uid("FETCH", uid, "(FLAGS BODY.PEEK[])")
        assert status == "OK"
        head, body = data[0]
        assert isinstance(head, bytes)
        assert isinstance(body, bytes)
        flags = re.search(rb"FLAGS \(([^)]*)\)", head)
        assert flags is not None
        return set(flags.group(1).split()) - {b"\\Recent"}, body

    def count(self) -> int:
        status, found = self.client.uid("SEARCH", "ALL")
        assert status == "OK"
        return len(found[0].split())


@contextmanager
def read(
    server: Dovecot, folder: str, certificates: Certificates | None = None
) -> Iterator[Reader]:
    if certificates is None:
        client = imaplib.IMAP4(HOST, server.imap_port, timeout=10)
    else:
        context = ssl.create_default_context(cafile=certificates.cafile)
        client = imaplib.IMAP4_SSL(HOST, server.imaps_port, ssl_context=context, timeout=10)
    with client:
        client.login(USER, PASSWORD)
        yield Reader(client, folder)


def expected_eml(draft: Draft, received: bytes) -> tuple[str, bytes]:
    """What the draft's ``to_eml()`` is for the Message-ID and Date the server holds."""
    headers = BytesHeaderParser(policy=default).parsebytes(received)
    message_id = str(headers["Message-ID"])
    when = parsedate_to_datetime(str(headers["Date"]))
    eml = draft.to_eml(message_id=message_id, date=when)
    if draft.html is not None:  # the MIME boundary is random: take the server's
        [ours] = re.findall(rb'boundary="([^"]+)"', eml)
        [theirs] = re.findall(rb'boundary="([^"]+)"', received)
        eml = eml.replace(ours, theirs)
    return message_id, eml


def assert_saved(
    deliveries: tuple[Delivery, ...], drafts: tuple[Draft, ...], reader: Reader
) -> None:
    assert [d.status for d in deliveries] == ["saved"] * len(drafts)
    for delivery, draft in zip(deliveries, drafts, strict=True):
        assert (delivery.kind, delivery.draft_kind, delivery.to) == ("imap", draft.kind, draft.to)
        flags, received = reader.message(delivery.message_id)
        assert flags == {b"\\Draft", b"\\Seen"}
        message_id, eml = expected_eml(draft, received)
        assert message_id == delivery.message_id
        assert received == eml


# ---------------------------------------------------------------------------- IMAP


def test_drafts_are_saved_byte_for_byte_in_the_special_use_folder_over_tls(
    imap_tls: Dovecot, certificates: Certificates
) -> None:
    deliveries = save_drafts(DRAFTS, tls_account(imap_tls, certificates))

    with read(imap_tls, "Drafts", certificates) as reader:
        assert_saved(deliveries, DRAFTS, reader)
        # The reply stays in the employer's thread, its HTML part kept.
        _flags, received = reader.message(deliveries[2].message_id)
    assert [re.sub(r"\d+", "N", d.detail) for d in deliveries] == ['Saved in "Drafts" (UID N).'] * 3
    assert [d.code for d in deliveries] == ["delivery.saved_uid"] * 3
    assert deliveries[0].detail_in("fr") == (
        f"Enregistré dans «\u00a0Drafts\u00a0» (UID {deliveries[0].params['uid']})."
    )
    headers = BytesHeaderParser(policy=default).parsebytes(received)
    assert headers["In-Reply-To"] == "<refus-2026-1210@example.com>"
    assert headers["References"] == "<refus-2026-1210@example.com>"
    assert headers.get_content_type() == "multipart/alternative"


def test_starttls_into_a_folder_given_by_name(
    imap_tls: Dovecot, certificates: Certificates
) -> None:
    account = tls_account(imap_tls, certificates, port=imap_tls.imap_port, security="starttls")
    deliveries = save_drafts(THANKS[:1], account, folder="Sent")

    with read(imap_tls, "Sent", certificates) as reader:
        assert_saved(deliveries, THANKS[:1], reader)
    assert deliveries[0].detail.startswith('Saved in "Sent" (UID ')


def test_brouillons_is_found_by_name_when_no_folder_is_marked(imap_brouillons: Dovecot) -> None:
    account = ImapAccount(HOST, USER, PASSWORD, port=imap_brouillons.imap_port, security="none")
    deliveries = save_drafts(THANKS, account)

    with read(imap_brouillons, "Brouillons") as reader:
        assert_saved(deliveries, THANKS, reader)
    assert deliveries[0].detail.startswith('Saved in "Brouillons" (UID ')


def test_no_drafts_folder_is_a_clear_error_listing_the_folders(certificates: Certificates) -> None:
    with dovecot({"Archives": None, "Sent": "\\Sent"}) as server:
        account = ImapAccount(HOST, USER, PASSWORD, port=server.imap_port, security="none")
        with pytest.raises(DeliveryError) as raised:
            save_drafts(THANKS, account)
        with read(server, "INBOX") as reader:
            assert reader.count() == 0
    assert secret_free(raised.value) == (
        f"No folder on the IMAP server {HOST}:{server.imap_port} is marked as the drafts "
        "folder, and none is named Drafts, Brouillons, [Gmail]/Drafts, INBOX.Drafts: pass "
        'the folder to use (folder=...); its folders are: "Archives", "INBOX", "Sent".'
    )


def test_a_folder_that_does_not_exist_is_refused_before_saving(imap_brouillons: Dovecot) -> None:
    account = ImapAccount(HOST, USER, PASSWORD, port=imap_brouillons.imap_port, security="none")
    with pytest.raises(DeliveryError) as raised:
        save_drafts(THANKS, account, folder="Drafts")
    assert secret_free(raised.value) == (
        f'There is no folder "Drafts" on the IMAP server {HOST}:{imap_brouillons.imap_port}; '
        'its folders are: "Archives", "Brouillons", "INBOX".'
    )


def test_wrong_imap_password(imap_tls: Dovecot, certificates: Certificates) -> None:
    account = replace(tls_account(imap_tls, certificates), password=PASSWORD + "x")
    with pytest.raises(DeliveryError) as raised:
        save_drafts(THANKS, account)
    assert secret_free(raised.value) == (
        f"The IMAP server {HOST}:{imap_tls.imaps_port} refused the login of {USER} "
        "([AUTHENTICATIONFAILED] Authentication failed): check the username and the "
        "password (Gmail needs an app password)."
    )
    error = raised.value
    assert (error.code, error.account) == ("server.login_refused", "imap")
    assert error.message_in("fr") == (
        f"Le serveur IMAP {HOST}:{imap_tls.imaps_port} a refusé la connexion de {USER} "
        "([AUTHENTICATIONFAILED] Authentication failed)\u00a0: vérifiez le nom d’utilisateur "
        "et le mot de passe (Gmail exige un mot de passe d’application)."
    )
    # Across processes (relance batch --jobs), the error keeps its code and its values.
    again = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
    assert (str(again), again.code, again.params, again.account) == (
        str(error),
        error.code,
        error.params,
        error.account,
    )
    assert PASSWORD not in repr(error.params)


def test_imap_certificate_verifies_only_with_its_cafile(
    imap_tls: Dovecot, certificates: Certificates, other_ca: Path
) -> None:
    where = f"the IMAP server {HOST}:{imap_tls.imaps_port}"
    with pytest.raises(DeliveryError) as raised:
        save_drafts(THANKS, tls_account(imap_tls, certificates, cafile=None))
    assert secret_free(raised.value) == (
        f"The certificate of {where} does not verify (unable to get local issuer "
        "certificate): if it is signed by an authority of your own, give that "
        "authority's PEM file as cafile."
    )
    with pytest.raises(DeliveryError) as raised:
        save_drafts(THANKS, tls_account(imap_tls, certificates, cafile=other_ca))
    assert secret_free(raised.value) == (
        f"The certificate of {where} does not verify (unable to get local issuer "
        "certificate): is the cafile the authority that signed it?"
    )


def test_imap_tls_on_a_plain_port(imap_brouillons: Dovecot, certificates: Certificates) -> None:
    account = ImapAccount(
        HOST, USER, PASSWORD, port=imap_brouillons.imap_port, cafile=certificates.cafile
    )
    with pytest.raises(DeliveryError) as raised:
        save_drafts(THANKS, account)
    assert secret_free(raised.value).startswith(
        f"The TLS handshake with the IMAP server {HOST}:{imap_brouillons.imap_port} failed ("
    )


def test_unreachable_imap_port() -> None:
    port = closed_port()
    with pytest.raises(DeliveryError) as raised:
        save_drafts(THANKS, ImapAccount(HOST, USER, PASSWORD, port=port))
    assert secret_free(raised.value) == (
        f"Cannot connect to the IMAP server {HOST}:{port}: the connection was refused; "
        "check the host and the port."
    )


def test_a_draft_without_recipient_raises_before_connecting() -> None:
    nobody = replace(THANKS[0], to="")
    account = ImapAccount(HOST, USER, PASSWORD, port=closed_port())
    with pytest.raises(MissingRecipient):
        save_drafts([THANKS[1], nobody], account)
    with pytest.raises(MissingRecipient):
        send_drafts([nobody], SmtpAccount(HOST, port=closed_port()), dry_run=False)


def test_no_drafts_means_no_connection() -> None:
    assert save_drafts([], ImapAccount(HOST, USER, PASSWORD, port=closed_port())) == ()
    assert send_drafts([], SmtpAccount(HOST, port=closed_port()), dry_run=False) == ()


# ---------------------------------------------------------------------------- SMTP


def smtp_account(port: int, certificates: Certificates | None, **changes: Any) -> SmtpAccount:
    options: dict[str, Any] = {
        "port": port,
        "security": "starttls" if certificates else "none",
        "cafile": certificates.cafile if certificates else None,
        "local_hostname": "relance.test",
    }
    return SmtpAccount(HOST, USER, PASSWORD, **(options | changes))


def assert_sent(
    deliveries: tuple[Delivery, ...], drafts: tuple[Draft, ...], inbox: Inbox, port: int
) -> None:
    assert [d.status for d in deliveries] == ["sent"] * len(drafts)
    assert len(inbox.envelopes) == len(drafts)
    for n, (delivery, draft, envelope) in enumerate(
        zip(deliveries, drafts, inbox.envelopes, strict=True), 1
    ):
        assert (delivery.kind, delivery.draft_kind, delivery.to) == ("smtp", draft.kind, draft.to)
        assert delivery.detail == (
            f"Accepted by the SMTP server {HOST}:{port} (250 2.0.0 Ok: queued as Q{n})."
        )
        assert delivery.code == "delivery.sent"
        assert delivery.detail_in("fr_CA") == (
            f"Accepté par le serveur SMTP {HOST}:{port} (250 2.0.0 Ok: queued as Q{n})."
        )
        assert envelope.mail_from == "camille.roy@example.com"
        assert envelope.rcpt_tos == [re.sub(r".*<(.*)>", r"\1", draft.to)]
        assert isinstance(envelope.original_content, bytes)
        message_id, eml = expected_eml(draft, envelope.original_content)
        assert message_id == delivery.message_id
        assert envelope.original_content == eml


def test_send_with_starttls_and_login(certificates: Certificates) -> None:
    with smtp_server(Inbox(), certificates=certificates) as server:
        deliveries = send_drafts(
            DRAFTS, smtp_account(server.port, certificates), dry_run=False, today=SEND_DAY
        )
    assert_sent(deliveries, DRAFTS, server.inbox, server.port)
    assert server.inbox.logins == [(USER, "PLAIN")]


def test_send_with_implicit_tls(certificates: Certificates) -> None:
    with smtp_server(Inbox(), certificates=certificates, implicit_tls=True) as server:
        account = smtp_account(server.port, certificates, security="tls")
        deliveries = send_drafts(THANKS, account, dry_run=False, today=SEND_DAY)
    assert_sent(deliveries, THANKS, server.inbox, server.port)


def test_dry_run_is_the_default_and_opens_no_connection() -> None:
    port = closed_port()  # a real send there would fail to connect
    deliveries = send_drafts(DRAFTS, smtp_account(port, None), today=SEND_DAY)

    assert [d.status for d in deliveries] == ["would_send"] * 3
    for delivery, draft in zip(deliveries, DRAFTS, strict=True):
        size = len(draft.to_eml(message_id=delivery.message_id))
        recipient = re.sub(r".*<(.*)>", r"\1", draft.to)
        assert delivery.detail == (
            f"Would be sent through the SMTP server {HOST}:{port} from "
            f"camille.roy@example.com to {recipient}: {size} bytes."
        )


def test_a_draft_not_yet_due_is_held_unless_allow_early() -> None:
    with smtp_server(Inbox()) as server:
        account = smtp_account(server.port, None)
        early = send_drafts(DRAFTS, account, dry_run=False, today=date(2026, 12, 2))
        assert [d.status for d in early] == ["sent", "sent", "failed"]
        assert early[2].detail == (
            "Not sent: it is to be sent on 2026-12-11 or later (allow_early=True sends it now)."
        )
        assert (early[2].code, early[2].params) == ("delivery.too_early", {"day": "2026-12-11"})
        assert early[2].detail_in("fr") == (
            "Non envoyé\u00a0: il est à envoyer le 2026-12-11 ou plus tard "
            "(allow_early=True l’envoie dès maintenant)."
        )
        assert len(server.inbox.envelopes) == 2
        rehearsal = send_drafts(DRAFTS, account, today=date(2026, 12, 1))
        assert [d.status for d in rehearsal] == ["failed"] * 3
        forced = send_drafts(
            DRAFTS[2:], account, dry_run=False, allow_early=True, today=date(2026, 12, 1)
        )
        assert [d.status for d in forced] == ["sent"]
    assert len(server.inbox.envelopes) == 3


def test_a_refused_recipient_fails_that_draft_only() -> None:
    refused = "dominique.belanger@example.com"
    with smtp_server(Inbox(refuse=frozenset({refused}))) as server:
        deliveries = send_drafts(
            DRAFTS, smtp_account(server.port, None), dry_run=False, today=SEND_DAY
        )
    assert [d.status for d in deliveries] == ["sent", "failed", "sent"]
    assert deliveries[1].detail == (
        f"The SMTP server {HOST}:{server.port} refused the recipient {refused} "
        "(550 5.1.1 No such user here); nothing was sent."
    )
    assert deliveries[1].code == "delivery.recipient_refused"
    assert deliveries[1].detail_in("fr") == (
        f"Le serveur SMTP {HOST}:{server.port} a refusé le destinataire {refused} "
        "(550 5.1.1 No such user here)\u202f; rien n’a été envoyé."
    )
    assert [e.rcpt_tos for e in server.inbox.envelopes] == [
        ["marie.tremblay@example.com"],
        ["recrutement@example.com"],
    ]


def test_a_dropped_connection_fails_that_draft_and_the_rest() -> None:
    with smtp_server(Inbox(drop_at=2)) as server:
        deliveries = send_drafts(
            DRAFTS, smtp_account(server.port, None), dry_run=False, today=SEND_DAY
        )
    where = f"the SMTP server {HOST}:{server.port}"
    assert [d.status for d in deliveries] == ["sent", "failed", "failed"]
    assert deliveries[1].detail == (
        f"The connection to {where} was lost (Connection unexpectedly closed); "
        "it may not have been sent."
    )
    assert deliveries[2].detail == f"Not sent: the connection to {where} was lost before it."
    assert [d.code for d in deliveries] == [
        "delivery.sent",
        "delivery.smtp_lost",
        "delivery.smtp_lost_before",
    ]
    assert deliveries[2].detail_in("fr") == (
        f"Non envoyé\u00a0: la connexion au serveur SMTP {HOST}:{server.port} a été perdue avant."
    )
    assert len(server.inbox.envelopes) == 1


def test_wrong_smtp_password(certificates: Certificates) -> None:
    with smtp_server(Inbox(), certificates=certificates) as server:
        account = replace(smtp_account(server.port, certificates), password=PASSWORD + "x")
        with pytest.raises(DeliveryError) as raised:
            send_drafts(THANKS, account, dry_run=False, today=SEND_DAY)
    assert secret_free(raised.value) == (
        f"The SMTP server {HOST}:{server.port} refused the login of {USER} "
        "(535 5.7.8 Authentication credentials invalid): check the username and the "
        "password (Gmail needs an app password)."
    )
    assert server.inbox.envelopes == []


def test_smtp_certificate_verifies_only_with_its_cafile(
    certificates: Certificates, other_ca: Path
) -> None:
    with smtp_server(Inbox(), certificates=certificates) as server:
        for cafile, hint in [
            (
                None,
                (
                    "if it is signed by an authority of your own, give that authority's PEM file "
                    "as cafile."
                ),
            ),
            (other_ca, "is the cafile the authority that signed it?"),
        ]:
            account = smtp_account(server.port, certificates, cafile=cafile)
            with pytest.raises(DeliveryError) as raised:
                send_drafts(THANKS, account, dry_run=False, today=SEND_DAY)
            assert secret_free(raised.value) == (
                f"The certificate of the SMTP server {HOST}:{server.port} does not verify "
                f"(unable to get local issuer certificate): {hint}"
            )
    assert server.inbox.envelopes == []


def test_starttls_asked_of_a_server_without_it() -> None:
    with smtp_server(Inbox()) as server:
        account = SmtpAccount(
            HOST,
            USER,
            PASSWORD,
            port=server.port,
            security="starttls",
            local_hostname="relance.test",
        )
        with pytest.raises(DeliveryError) as raised:
            send_drafts(THANKS, account, dry_run=False, today=SEND_DAY)
    assert secret_free(raised.value) == (
        f'The SMTP server {HOST}:{server.port} does not offer STARTTLS: use security "tls" '
        "if the port expects TLS from the start, or another port."
    )


def test_unreachable_smtp_port() -> None:
    port = closed_port()
    with pytest.raises(DeliveryError) as raised:
        send_drafts(THANKS, smtp_account(port, None), dry_run=False, today=SEND_DAY)
    assert secret_free(raised.value) == (
        f"Cannot connect to the SMTP server {HOST}:{port}: the connection was refused; "
        "check the host and the port."
    )
    assert raised.value.code == "server.connection_refused"
    assert raised.value.message_in("fr_CA") == (
        f"Impossible de se connecter au serveur SMTP {HOST}:{port}\u00a0: la connexion a été "
        "refusée\u202f; vérifiez l’hôte et le port."
    )


def test_the_password_is_never_logged(
    imap_tls: Dovecot, certificates: Certificates, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    save_drafts(THANKS[:1], tls_account(imap_tls, certificates))
    with smtp_server(Inbox(), certificates=certificates) as server:
        send_drafts(
            THANKS[:1], smtp_account(server.port, certificates), dry_run=False, today=SEND_DAY
        )
    messages = [record.getMessage() for record in caplog.records]
    relance = [
        m for r, m in zip(caplog.records, messages, strict=True) if r.name == "relance.delivery"
    ]
    assert (
        relance[0]
        == f"connecting to the IMAP server {HOST}:{imap_tls.imaps_port} as {USER} (security: tls)"
    )
    assert any(m.startswith(f"sent thank_you to {THANKS[0].to}: Accepted by") for m in relance)
    assert not [m for m in messages if PASSWORD in m]


# ------------------------------------------------------------------------ accounts


def test_the_password_is_not_in_the_repr() -> None:
    imap = ImapAccount("imap.example.com", USER, PASSWORD)
    smtp = SmtpAccount("smtp.example.com", USER, PASSWORD)
    assert repr(imap) == (
        "ImapAccount(host='imap.example.com', username='camille', port=993, "
        "security='tls', cafile=None, timeout=30.0)"
    )
    assert PASSWORD not in repr(smtp)
    assert PASSWORD not in str(imap)


@pytest.mark.parametrize(
    ("security", "imap", "smtp"),
    [("tls", 993, 465), ("starttls", 143, 587)],
)
def test_default_ports(security: Any, imap: int, smtp: int) -> None:
    assert ImapAccount("mail.example.com", USER, PASSWORD, security=security).port == imap
    assert SmtpAccount("mail.example.com", security=security).port == smtp
    assert (
        ImapAccount("mail.example.com", USER, PASSWORD, security=security, port=1993).port == 1993
    )


def test_no_security_defaults_to_the_plain_ports_on_loopback() -> None:
    assert ImapAccount("localhost", USER, PASSWORD, security="none").port == 143
    assert SmtpAccount("::1", security="none").port == 25


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("localhost", True),
        ("LOCALHOST.", True),
        ("127.0.0.1", True),
        ("127.5.6.7", True),
        ("::1", True),
        ("[::1]", True),
        ("10.0.0.1", False),
        ("localhost.example.com", False),
        ("mail.example.com", False),
        ("0.0.0.0", False),  # noqa: S104 (a string compared, nothing bound)
    ],
)
def test_loopback_hosts(host: str, expected: bool) -> None:
    assert is_loopback(host) is expected


NO_TLS = (
    '"none" sends the password and the messages unencrypted: it is allowed only for a '
    'server on this machine (localhost). Use "tls" or "starttls" for {protocol} at '
    "mail.example.com."
)


@pytest.mark.parametrize(
    ("changes", "problems"),
    [
        ({"security": "none"}, [("security", NO_TLS)]),
        (
            {"security": "ssl"},
            [("security", 'Use "tls", "starttls" or "none" (loopback hosts only).')],
        ),
        ({"host": ""}, [("host", "Give the server's name, such as imap.example.com.")]),
        (
            {"host": "mail example.com"},
            [("host", "Give the server's name, such as imap.example.com.")],
        ),
        ({"port": 0}, [("port", "A port is a whole number from 1 to 65535.")]),
        ({"port": "993"}, [("port", "A port is a whole number from 1 to 65535.")]),
        ({"port": True}, [("port", "A port is a whole number from 1 to 65535.")]),
        ({"username": "a\nb"}, [("username", "Give the login name, on one line.")]),
        (
            {"cafile": "/nonexistent/ca.pem"},
            [
                (
                    "cafile",
                    (
                        "There is no file at /nonexistent/ca.pem: give the path of the "
                        "certificate authority's PEM file."
                    ),
                )
            ],
        ),
        ({"timeout": 0}, [("timeout", "Give the number of seconds to wait, above 0.")]),
        (
            {"host": "", "port": 70000},
            [
                ("host", "Give the server's name, such as imap.example.com."),
                ("port", "A port is a whole number from 1 to 65535."),
            ],
        ),
    ],
)
def test_invalid_accounts(changes: dict[str, Any], problems: list[tuple[str, str]]) -> None:
    for account, protocol in ((ImapAccount, "IMAP"), (SmtpAccount, "SMTP")):
        fields: dict[str, Any] = {
            "host": "mail.example.com",
            "username": USER,
            "password": PASSWORD,
        }
        with pytest.raises(InvalidInput) as raised:
            account(**(fields | changes))
        found = [(p.field, p.message) for p in raised.value.problems]
        assert found == [(f, m.format(protocol=protocol)) for f, m in problems]
        secret_free(raised.value)


def test_an_empty_or_multiline_password_is_refused_without_showing_it() -> None:
    for password in ("", "abc\r\nLOGOUT"):
        with pytest.raises(InvalidInput) as raised:
            ImapAccount("mail.example.com", USER, password)
        assert str(raised.value) == (
            "Invalid input: password: The password must not be empty or hold control characters."
        )


@pytest.mark.parametrize(
    ("username", "password", "missing"),
    [(USER, None, "password"), (None, PASSWORD, "username")],
)
def test_smtp_username_and_password_go_together(
    username: str | None, password: str | None, missing: str
) -> None:
    with pytest.raises(InvalidInput) as raised:
        SmtpAccount("smtp.example.com", username, password)
    assert [(p.field, p.message) for p in raised.value.problems] == [
        (missing, "Give the username and the password together.")
    ]


def test_delivery_as_dict_and_errors_are_relance_errors() -> None:
    delivery = Delivery("smtp", "thank_you", "Marie <m@example.com>", "<a@b>", "sent", "Accepted.")
    assert delivery.as_dict() == {
        "kind": "smtp",
        "draft_kind": "thank_you",
        "to": "Marie <m@example.com>",
        "message_id": "<a@b>",
        "status": "sent",
        "detail": "Accepted.",
        "code": "input.invalid",
        "params": {},
    }
    # Built by hand, without one of relance's codes: its sentence in every language.
    assert delivery.detail_in("fr") == "Accepted."
    assert issubclass(DeliveryError, RelanceError)
    assert issubclass(DeliveryError, ValueError)
