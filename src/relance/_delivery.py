"""Drafts delivered where people send from: saved in their Drafts folder over IMAP, or
sent over SMTP.

Each draft's email is built once (``Draft.to_eml()``), and those exact bytes are what
the server receives; the ``Message-ID`` reported in the :class:`Delivery` is read back
from them. A connection, TLS or login failure is raised as a :class:`DeliveryError`
before anything is saved or sent; a failure on one draft is reported in its
:class:`Delivery` and the others go on. The password never appears in a ``repr``, an
error or a log record.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import re
import smtplib
import socket
import ssl
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import KW_ONLY, dataclass, field
from datetime import date
from email.headerregistry import AddressHeader
from email.parser import BytesHeaderParser
from email.policy import default
from pathlib import Path
from typing import Any, Final, Literal, Protocol, cast, get_args

from ._draft import Draft
from ._headers import FORBIDDEN
from ._i18n import format_message
from ._problems import DEFAULT_CODE, MESSAGES
from .errors import DeliveryError, InvalidInput, Problem, _sentence_in

__all__ = [
    "DRAFTS_NAMES",
    "Delivery",
    "ImapAccount",
    "Security",
    "SmtpAccount",
    "save_drafts",
    "send_drafts",
]

log = logging.getLogger("relance.delivery")
# A library's logger stays quiet until the application configures logging (without
# this, Python's last-resort handler would print the warnings on stderr).
log.addHandler(logging.NullHandler())

Security = Literal["tls", "starttls", "none"]
"""``"tls"``: TLS from the first byte (ports 993, 465); ``"starttls"``: plain, then
upgraded with STARTTLS (143, 587); ``"none"``: no encryption, loopback hosts only."""
Status = Literal["saved", "sent", "would_send", "failed"]

IMAP_PORTS: dict[str, int] = {"tls": 993, "starttls": 143, "none": 143}
SMTP_PORTS: dict[str, int] = {"tls": 465, "starttls": 587, "none": 25}
# RFC 6154's special use of the drafts folder, and RFC 3501's flags of a draft.
_DRAFTS_USE = rb"\Drafts"
_DRAFT_FLAG = rb"\Draft"
_SEEN_FLAG = rb"\Seen"
DRAFTS_NAMES = ("Drafts", "Brouillons", "[Gmail]/Drafts", "INBOX.Drafts")
"""The folders tried, in this order, when the server marks none as ``\\Drafts``."""


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine: ``localhost``, ``127.0.0.1``, ``::1``.

    >>> [is_loopback(h) for h in ("localhost", "127.0.0.2", "[::1]", "::1", "mail.example.com")]
    [True, True, True, True, False]
    """
    name = host.strip("[]").lower().rstrip(".")
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _is_port(value: object) -> bool:
    """Whether ``value`` is a TCP port number (a config file may hold anything)."""
    return type(value) is int and 0 < value < 65536


def _problems(account: ImapAccount | SmtpAccount, protocol: str) -> list[Problem]:
    """What is wrong with an account's fields; the port is checked once resolved."""
    problems: list[Problem] = []
    if not account.host.strip() or any(c.isspace() for c in account.host):
        problems.append(Problem.of("host", "account.host_invalid"))
    elif FORBIDDEN.search(account.host):
        problems.append(Problem.of("host", "account.host_control_characters"))
    if account.username is not None and (
        not account.username or FORBIDDEN.search(account.username)
    ):
        problems.append(Problem.of("username", "account.username_invalid"))
    if account.password is not None and (
        not account.password or FORBIDDEN.search(account.password)
    ):
        # Not a word about the value itself: this message may end up in a log.
        problems.append(Problem.of("password", "password.invalid"))
    if account.security not in get_args(Security):
        problems.append(Problem.of("security", "account.security_unknown"))
    elif account.security == "none" and not is_loopback(account.host):
        problems.append(
            Problem.of(
                "security", "account.security_none_remote", protocol=protocol, host=account.host
            )
        )
    if account.port is not None and not _is_port(account.port):
        problems.append(Problem.of("port", "account.port_invalid"))
    if account.cafile is not None and not Path(account.cafile).is_file():
        problems.append(
            Problem.of("cafile", "account.cafile_missing", path=os.fspath(account.cafile))
        )
    if not account.timeout > 0:
        problems.append(Problem.of("timeout", "account.timeout_invalid"))
    return problems


@dataclass(frozen=True)
class ImapAccount:
    """Where to save drafts: an IMAP mailbox and how to log in to it.

    >>> account = ImapAccount("imap.example.com", "camille@example.com", "s3cret")
    >>> account
    ImapAccount(host='imap.example.com', username='camille@example.com', port=993, security='tls', cafile=None, timeout=30.0)
    >>> ImapAccount("imap.example.com", "camille", "s3cret", security="starttls").port
    143
    """  # noqa: E501

    host: str
    """The server's name or address: ``imap.gmail.com``."""
    username: str
    """The login name, often the whole email address."""
    password: str = field(repr=False)
    """The password (an app password for Gmail); never shown in ``repr`` or errors."""
    _: KW_ONLY
    port: int | None = None
    """The port; ``None`` means the security's usual one (993 for tls, 143 otherwise),
    and after construction the port always holds the number used."""
    security: Security = "tls"
    """``"tls"``, ``"starttls"``, or ``"none"`` (refused unless the host is loopback)."""
    cafile: str | Path | None = None
    """A PEM file of the certificate authorities to trust instead of the system's, for a
    server whose certificate is self-signed."""
    timeout: float = 30.0
    """Seconds to wait for the server before giving up."""

    def __post_init__(self) -> None:
        problems = _problems(self, "IMAP")
        if problems:
            raise InvalidInput(problems)
        if self.port is None:
            object.__setattr__(self, "port", IMAP_PORTS[self.security])


@dataclass(frozen=True)
class SmtpAccount:
    """Where to send: an SMTP server (a submission port) and, usually, a login.

    >>> SmtpAccount("smtp.example.com", "camille@example.com", "s3cret", security="starttls")
    SmtpAccount(host='smtp.example.com', username='camille@example.com', port=587, security='starttls', cafile=None, timeout=30.0, local_hostname=None)
    """  # noqa: E501

    host: str
    """The server's name or address: ``smtp.gmail.com``."""
    username: str | None = None
    """The login name; ``None`` for a relay that takes mail without a login."""
    password: str | None = field(default=None, repr=False)
    """The password, given with ``username``; never shown in ``repr`` or errors."""
    _: KW_ONLY
    port: int | None = None
    """The port; ``None`` means the security's usual one (465 for tls, 587 for starttls,
    25 for none), and after construction the port always holds the number used."""
    security: Security = "tls"
    """``"tls"``, ``"starttls"``, or ``"none"`` (refused unless the host is loopback)."""
    cafile: str | Path | None = None
    """A PEM file of the certificate authorities to trust instead of the system's."""
    timeout: float = 30.0
    """Seconds to wait for the server before giving up."""
    local_hostname: str | None = None
    """The name relance gives in ``EHLO``; ``None`` means this machine's fully qualified
    name, as :mod:`smtplib` finds it."""

    def __post_init__(self) -> None:
        problems = _problems(self, "SMTP")
        if (self.username is None) != (self.password is None):
            missing = "password" if self.password is None else "username"
            problems.append(Problem.of(missing, "account.credentials_partial"))
        if self.local_hostname is not None and (
            not self.local_hostname or FORBIDDEN.search(self.local_hostname)
        ):
            problems.append(Problem.of("local_hostname", "account.local_hostname_invalid"))
        if problems:
            raise InvalidInput(problems)
        if self.port is None:
            object.__setattr__(self, "port", SMTP_PORTS[self.security])


@dataclass(frozen=True)
class Delivery:
    """What became of one draft: saved, sent, would be sent, or failed."""

    kind: Literal["imap", "smtp"]
    """How it was delivered: ``"imap"`` (saved in a folder) or ``"smtp"`` (sent)."""
    draft_kind: str
    """The draft's kind: ``"thank_you"``, ``"follow_up"``, ``"rejection_reply"``."""
    to: str
    """The draft's recipient, as formatted in it."""
    message_id: str
    """The ``Message-ID`` in the bytes saved or sent: ``<…@example.com>``."""
    status: Status
    """``"saved"``, ``"sent"``, ``"would_send"`` (a dry run) or ``"failed"``."""
    detail: str
    """One sentence in English: where it was saved, the server's acceptance, what a dry
    run would send, or why it failed."""
    code: str = DEFAULT_CODE
    """What became of it, as a stable identifier: ``delivery.sent``, ``delivery.saved``,
    ``delivery.recipient_refused``… (docs/errors.md lists each with its sentences)."""
    params: Mapping[str, Any] = field(default_factory=dict, hash=False)
    """The values ``detail`` names: ``{"server": "smtp.example.com:465", "reply": …}``."""

    def detail_in(self, language: str) -> str:
        """``detail`` in ``language``: ``"en"`` or ``"fr"`` (a tag such as ``"fr_CA"``
        counts as its language), as :meth:`Problem.message_in` gives a problem's.

        Raises:
            InvalidInput: the language is neither English nor French.
        """
        return _sentence_in(language, self.code, self.params, self.detail)

    def as_dict(self) -> dict[str, Any]:
        """The delivery as JSON-safe data."""
        return {
            "kind": self.kind,
            "draft_kind": self.draft_kind,
            "to": self.to,
            "message_id": self.message_id,
            "status": self.status,
            "detail": self.detail,
            "code": self.code,
            "params": dict(self.params),
        }


_STATUS: Final[Mapping[str, Status]] = {
    "delivery.saved": "saved",
    "delivery.saved_uid": "saved",
    "delivery.sent": "sent",
    "delivery.would_send": "would_send",
}
"""The status of each delivery code; every other code is a failure."""


@dataclass(frozen=True)
class _Email:
    """A draft's email, built once: the bytes and what the envelope needs from them."""

    draft: Draft
    eml: bytes
    message_id: str
    sender: str
    recipients: tuple[str, ...]

    def of(self, kind: Literal["imap", "smtp"], code: str, /, **params: Any) -> Delivery:
        """What became of this email: the delivery ``code``, its sentence filled in."""
        detail = format_message(MESSAGES[code], params)
        status = _STATUS.get(code, "failed")
        return Delivery(
            kind, self.draft.kind, self.draft.to, self.message_id, status, detail, code, params
        )


def _emails(drafts: Iterable[Draft]) -> list[_Email]:
    """Every draft's email, before any connection: a draft without a recipient raises
    ``MissingRecipient`` here, when nothing has been done yet."""
    emails = []
    for draft in drafts:
        eml = draft.to_eml()
        headers = BytesHeaderParser(policy=default).parsebytes(eml)
        sender = cast(AddressHeader, headers["From"])
        to = cast(AddressHeader, headers["To"])
        emails.append(
            _Email(
                draft=draft,
                eml=eml,
                message_id=str(headers["Message-ID"]),
                sender=sender.addresses[0].addr_spec,
                recipients=tuple(address.addr_spec for address in to.addresses),
            )
        )
    return emails


# ---------------------------------------------------------------------------- errors


def _reply(text: bytes | str | object, *secrets: str | None) -> str:
    """A server's reply or an error's text on one line, with any secret blotted out."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    line = " ".join(str(text).split())
    # IMAPClient writes some replies as a bytes' repr: b'[AUTHENTICATIONFAILED] ...'
    quoted = re.fullmatch(r"""b(['"])(.*)\1""", line)
    if quoted:
        line = quoted[2]
    for secret in secrets:
        if secret:
            line = line.replace(secret, "********")
    return line.rstrip(".")


def _which(account: ImapAccount | SmtpAccount) -> Literal["imap", "smtp"]:
    """The account's table in the configuration file."""
    return "imap" if isinstance(account, ImapAccount) else "smtp"


def _host_port(account: ImapAccount | SmtpAccount) -> str:
    """The server as a sentence names it: ``imap.example.com:993``."""
    return f"{account.host}:{account.port}"


def _server(account: ImapAccount | SmtpAccount) -> dict[str, str]:
    """The protocol and the ``host:port`` a sentence names the server by."""
    return {"protocol": _which(account).upper(), "server": _host_port(account)}


def _connection_error(err: BaseException, account: ImapAccount | SmtpAccount) -> DeliveryError:
    """The error for a failure to connect or to set up TLS."""
    which, server = _which(account), _server(account)
    if isinstance(err, ssl.SSLCertVerificationError):
        reason = _reply(err.verify_message or err.reason, account.password)
        if account.cafile:
            return DeliveryError.of(which, "server.certificate_cafile", **server, reason=reason)
        return DeliveryError.of(which, "server.certificate", **server, reason=reason)
    if isinstance(err, ssl.SSLError):
        reason = _reply(err.reason or err, account.password)
        return DeliveryError.of(which, "server.tls_failed", **server, reason=reason)
    if isinstance(err, socket.gaierror):
        return DeliveryError.of(which, "server.host_unknown", host=account.host)
    if isinstance(err, TimeoutError):
        seconds = f"{account.timeout:g}"
        return DeliveryError.of(which, "server.timeout", **server, seconds=seconds)
    if isinstance(err, ConnectionRefusedError):
        return DeliveryError.of(which, "server.connection_refused", **server)
    if isinstance(err, OSError):
        reason = _reply(err.strerror or err, account.password)
        return DeliveryError.of(which, "server.unreachable", **server, reason=reason)
    reason = _reply(err, account.password)
    return DeliveryError.of(which, "server.unusable", **server, reason=reason)


def _tls_context(account: ImapAccount | SmtpAccount) -> ssl.SSLContext:
    """Certificates verified against the system's authorities, or ``cafile``'s only."""
    try:
        return ssl.create_default_context(
            cafile=os.fspath(account.cafile) if account.cafile else None
        )
    except (ssl.SSLError, OSError) as err:
        path = os.fspath(account.cafile or "")
        raise DeliveryError.of(
            _which(account), "server.cafile_unreadable", path=path, reason=_reply(err)
        ) from None


# ------------------------------------------------------------------------------ IMAP


class _Imap(Protocol):
    """What relance uses of an ``imapclient.IMAPClient``, typed (the library is not)."""

    def list_folders(self) -> list[tuple[tuple[bytes, ...], bytes | None, str]]: ...
    def append(self, folder: str, msg: bytes, flags: tuple[bytes, ...]) -> bytes: ...
    def logout(self) -> object: ...
    def shutdown(self) -> None: ...


def _port(account: ImapAccount | SmtpAccount) -> int:
    if account.port is None:  # only while __post_init__ runs
        raise DeliveryError("The account has no port.")
    return account.port


@contextmanager
def _imap_session(account: ImapAccount) -> Iterator[_Imap]:
    """An IMAP connection, logged in; logged out afterwards."""
    from imapclient import IMAPClient
    from imapclient.exceptions import IMAPClientError, LoginError

    where = f"the IMAP server {account.host}:{account.port}"
    context = _tls_context(account) if account.security != "none" else None
    log.info("connecting to %s as %s (security: %s)", where, account.username, account.security)
    client: Any = None
    try:
        client = IMAPClient(
            account.host,
            port=_port(account),
            ssl=account.security == "tls",
            ssl_context=context,
            timeout=account.timeout,
        )
        if account.security == "starttls":
            client.starttls(context)
        client.login(account.username, account.password)
    except LoginError as err:
        _close_imap(client)
        # `from None`: the chained error would be one more place to check for secrets.
        raise DeliveryError.of(
            "imap",
            "server.login_refused",
            **_server(account),
            username=account.username,
            reply=_reply(err, account.password),
        ) from None
    except UnicodeError:
        _close_imap(client)
        raise DeliveryError.of("imap", "server.not_ascii", **_server(account)) from None
    except (IMAPClientError, OSError) as err:
        _close_imap(client)
        raise _connection_error(err, account) from None
    try:
        yield client
    finally:
        _close_imap(client, logout=True)


def _close_imap(client: _Imap | None, *, logout: bool = False) -> None:
    from imapclient.exceptions import IMAPClientError

    if client is None:
        return
    # An error here means the connection is gone already: nothing is left to tidy.
    with suppress(IMAPClientError, OSError):
        if logout:
            client.logout()
        else:
            client.shutdown()


def _drafts_folder(client: _Imap, folder: str | None, server: str) -> str:
    """``folder`` if it exists, else the ``\\Drafts`` one, else the first of
    :data:`DRAFTS_NAMES` that exists."""
    listed = client.list_folders()
    names = [name for _flags, _delimiter, name in listed]
    if folder is not None:
        if folder in names:
            return folder
        raise DeliveryError.of(
            "imap", "server.no_such_folder", server=server, folder=folder, folders=_names(names)
        )
    for flags, _delimiter, name in listed:
        if _DRAFTS_USE in flags:
            return name
    for name in DRAFTS_NAMES:
        if name in names:
            return name
    raise DeliveryError.of(
        "imap",
        "server.no_drafts_folder",
        server=server,
        names=list(DRAFTS_NAMES),
        folders=_names(names),
    )


def _names(names: Sequence[str]) -> list[str]:
    """The folders in order, whatever their case: never none, since every IMAP server
    has an INBOX (RFC 3501)."""
    return sorted(names, key=str.casefold)


def save_drafts(
    drafts: Iterable[Draft], account: ImapAccount, /, *, folder: str | None = None
) -> tuple[Delivery, ...]:
    """Save each draft in the user's drafts folder, ready to review and send from their
    own mail client (webmail, phone, desktop).

    Each draft's ``to_eml()`` bytes are appended as they are, flagged ``\\Draft`` and
    ``\\Seen``, so the ``Message-ID`` and the threading headers (``In-Reply-To``,
    ``References``) survive: a reply stays in the employer's thread. The message's
    ``Date`` is the time of saving.

    Args:
        drafts: the drafts to save, in order.
        account: the IMAP mailbox.
        folder: the folder to save into; by default the one the server marks
            ``\\Drafts`` (RFC 6154), else the first that exists of « Drafts »,
            « Brouillons », « [Gmail]/Drafts », « INBOX.Drafts ».

    Returns:
        One :class:`Delivery` per draft, in order: ``"saved"``, or ``"failed"`` with
        the server's reason (the others are still saved).

    Raises:
        MissingRecipient: a draft has no recipient address (before connecting).
        DeliveryError: the server cannot be reached, its certificate does not verify,
            it refuses the login, or there is no such folder; nothing was saved.
    """
    from imapclient.exceptions import IMAPClientAbortError, IMAPClientError

    emails = _emails(drafts)
    if not emails:
        return ()
    server = _host_port(account)
    deliveries: list[Delivery] = []
    with _imap_session(account) as client:
        target = _drafts_folder(client, folder, server)
        for i, email in enumerate(emails):
            try:
                reply = client.append(target, email.eml, flags=(_DRAFT_FLAG, _SEEN_FLAG))
            except (IMAPClientAbortError, OSError) as err:
                reason = _reply(err, account.password) or type(err).__name__
                deliveries += _lost(emails[i:], "imap", server, reason)
                break
            except IMAPClientError as err:
                reason = _reply(err, account.password)
                log.warning("not saved: %s to %s: %s", email.draft.kind, email.draft.to, reason)
                deliveries.append(
                    email.of("imap", "delivery.imap_refused", server=server, reason=reason)
                )
                continue
            uid = _uid(reply)
            log.info(
                "saved %s to %s in %s, %s",
                email.draft.kind,
                email.draft.to,
                target,
                email.message_id,
            )
            deliveries.append(
                email.of("imap", "delivery.saved", folder=target)
                if uid is None
                else email.of("imap", "delivery.saved_uid", folder=target, uid=uid)
            )
    return tuple(deliveries)


def _uid(reply: bytes) -> int | None:
    """3 from an APPEND's reply ``[APPENDUID 1795768188 3] Append completed`` (RFC
    4315), for the user to find the message; None when the server says none."""
    found = re.search(rb"\[APPENDUID \d+ (\d+)\]", reply)
    return int(found[1]) if found else None


def _lost(
    emails: Sequence[_Email], kind: Literal["imap", "smtp"], server: str, reason: str
) -> list[Delivery]:
    """The drafts left when the connection to ``server`` (host:port) was lost: each
    reported failed, the first as perhaps delivered."""
    imap = kind == "imap"
    done = "saved" if imap else "sent"
    log.warning("connection to %s lost (%s): %d draft(s) not %s", server, reason, len(emails), done)
    first, *rest = emails
    deliveries = [
        first.of(
            kind,
            "delivery.imap_lost" if imap else "delivery.smtp_lost",
            server=server,
            reason=reason,
        )
    ]
    deliveries += [
        email.of(
            kind,
            "delivery.imap_lost_before" if imap else "delivery.smtp_lost_before",
            server=server,
        )
        for email in rest
    ]
    return deliveries


# ------------------------------------------------------------------------------ SMTP


class _Disconnected(Exception):
    """The SMTP connection was lost in the middle of the batch."""


class _Refused(Exception):
    """The server refused one message; the connection is still good."""

    def __init__(self, what: Literal["sender", "recipient", "message"], reply: str) -> None:
        super().__init__(what, reply)
        self.what = what
        """What the server refused."""
        self.reply = reply
        """Its reply: ``550 5.1.1 <x@example.com>: Recipient address rejected``; for
        recipients, each address and its reply."""


@contextmanager
def _smtp_session(account: SmtpAccount) -> Iterator[smtplib.SMTP]:
    """An SMTP connection, secured and logged in as the account says; closed afterwards."""
    where = f"the SMTP server {account.host}:{account.port}"
    who = account.username or "nobody (no login)"
    log.info("connecting to %s as %s (security: %s)", where, who, account.security)
    smtp = _smtp_connect(account)
    try:
        yield smtp
    finally:
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()


def _smtp_connect(account: SmtpAccount) -> smtplib.SMTP:
    context = _tls_context(account) if account.security != "none" else None
    smtp: smtplib.SMTP | None = None
    try:
        if account.security == "tls":
            smtp = smtplib.SMTP_SSL(
                account.host,
                _port(account),
                local_hostname=account.local_hostname,
                timeout=account.timeout,
                context=context,
            )
        else:
            smtp = smtplib.SMTP(
                account.host,
                _port(account),
                local_hostname=account.local_hostname,
                timeout=account.timeout,
            )
        if account.security == "starttls":
            smtp.ehlo()
            if not smtp.has_extn("starttls"):
                raise DeliveryError.of("smtp", "server.no_starttls", server=_host_port(account))
            smtp.starttls(context=context)
            smtp.ehlo()
        if account.username is not None and account.password is not None:
            smtp.login(account.username, account.password)
    except DeliveryError:
        if smtp is not None:
            smtp.close()
        raise
    except (smtplib.SMTPException, OSError, UnicodeError) as err:
        if smtp is not None:
            smtp.close()
        # `from None`: the chained error would be one more place to check for secrets.
        raise _smtp_error(err, account) from None
    return smtp


def _smtp_error(err: BaseException, account: SmtpAccount) -> DeliveryError:
    """The error for a failure to connect, secure the connection, or log in."""
    server = _server(account)
    if isinstance(err, smtplib.SMTPAuthenticationError):
        reply = _reply(f"{err.smtp_code} {_reply(err.smtp_error)}", account.password)
        return DeliveryError.of(
            "smtp", "server.login_refused", **server, username=account.username, reply=reply
        )
    if isinstance(err, smtplib.SMTPNotSupportedError):
        return DeliveryError.of("smtp", "server.no_auth", server=_host_port(account))
    if isinstance(err, UnicodeError):
        return DeliveryError.of("smtp", "server.not_ascii", **server)
    if isinstance(err, smtplib.SMTPResponseException):
        reply = _reply(f"{err.smtp_code} {_reply(err.smtp_error)}", account.password)
        return DeliveryError.of(
            "smtp", "server.connection_rejected", server=_host_port(account), reply=reply
        )
    return _connection_error(err, account)


def _expect(
    answer: tuple[int, bytes | str],
    accepted: tuple[int, ...],
    what: Literal["sender", "recipient", "message"],
) -> str:
    """The server's reply as text when its code is one of ``accepted``."""
    code, text = answer
    reply = f"{code} {_reply(text)}"
    if code == 421:  # the server is closing the connection
        raise _Disconnected(reply)
    if code not in accepted:
        raise _Refused(what, reply)
    return reply


def _send_one(smtp: smtplib.SMTP, email: _Email, server: str) -> Delivery:
    """One message through an open connection to ``server`` (host:port); a refusal is a
    failed delivery, and a lost connection raises :class:`_Disconnected`."""
    try:
        try:
            reply = _transaction(smtp, email)
        except _Refused as err:
            smtp.rset()
            return _refused(email, server, err)
    except (smtplib.SMTPException, OSError) as err:
        raise _Disconnected(_reply(err) or "closed by the server") from err
    return email.of("smtp", "delivery.sent", server=server, reply=reply)


def _refused(email: _Email, server: str, refusal: _Refused) -> Delivery:
    """The failed delivery of a message the server refused: nothing was sent."""
    if refusal.what == "sender":
        return email.of(
            "smtp",
            "delivery.sender_refused",
            server=server,
            sender=email.sender,
            reply=refusal.reply,
        )
    if refusal.what == "recipient":
        return email.of("smtp", "delivery.recipient_refused", server=server, refused=refusal.reply)
    return email.of("smtp", "delivery.message_refused", server=server, reply=refusal.reply)


def _transaction(smtp: smtplib.SMTP, email: _Email) -> str:
    """MAIL, RCPT for each recipient, DATA: the server's acceptance of the message."""
    try:
        _expect(smtp.mail(email.sender), (250,), "sender")
        # All or nothing: a message sent to some of its recipients only could be
        # reported neither sent nor failed truthfully.
        refused = []
        for recipient in email.recipients:
            try:
                _expect(smtp.rcpt(recipient), (250, 251), "recipient")
            except _Refused as err:
                refused.append(f"{recipient} ({err.reply})")
        if refused:
            raise _Refused("recipient", ", ".join(refused))
        return _expect(smtp.data(email.eml), (250,), "message")
    except smtplib.SMTPResponseException as err:  # DATA not answered with 354
        return _expect((err.smtp_code, err.smtp_error), (), "message")


def send_drafts(
    drafts: Iterable[Draft],
    account: SmtpAccount,
    /,
    *,
    dry_run: bool = True,
    allow_early: bool = False,
    today: date | None = None,
) -> tuple[Delivery, ...]:
    """Send each draft that is due, over one SMTP connection; by default, only say what
    would be sent.

    The envelope sender is the draft's ``From`` address and the recipients its ``To``
    addresses; the message is the draft's ``to_eml()`` bytes, its ``Date`` the time of
    sending. A message goes to all its recipients or to none: when the server refuses
    one, nothing is sent for that draft.

    Args:
        drafts: the drafts to send, in order.
        account: the SMTP server.
        dry_run: when true (the default), open no connection and return
            ``"would_send"`` deliveries saying the envelope and the size.
        allow_early: send a draft before its ``send_on`` day too.
        today: the day to compare ``send_on`` with; by default this machine's date.

    Returns:
        One :class:`Delivery` per draft, in order: ``"sent"`` with the server's
        acceptance, ``"would_send"``, or ``"failed"`` with the reason. A draft not yet
        due fails unless ``allow_early``; when the connection is lost, that draft and
        every one after it fail, and the batch is not retried.

    Raises:
        MissingRecipient: a draft has no recipient address (before connecting).
        DeliveryError: the server cannot be reached, its certificate does not verify,
            or it refuses the login; nothing was sent.
    """
    day = today if today is not None else date.today()
    emails = _emails(drafts)
    server = _host_port(account)
    results: list[Delivery | None] = []
    due: list[tuple[int, _Email]] = []
    for email in emails:
        if email.draft.send_on > day and not allow_early:
            results.append(
                email.of("smtp", "delivery.too_early", day=email.draft.send_on.isoformat())
            )
        else:
            due.append((len(results), email))
            results.append(None)
    if dry_run:
        for index, email in due:
            results[index] = email.of(
                "smtp",
                "delivery.would_send",
                server=server,
                sender=email.sender,
                recipients=", ".join(email.recipients),
                size=len(email.eml),
            )
    elif due:
        with _smtp_session(account) as smtp:
            for position, (index, email) in enumerate(due):
                try:
                    results[index] = delivery = _send_one(smtp, email, server)
                except _Disconnected as err:
                    rest = [e for _i, e in due[position:]]
                    for (later, _e), lost in zip(
                        due[position:], _lost(rest, "smtp", server, str(err)), strict=True
                    ):
                        results[later] = lost
                    break
                if delivery.status == "sent":
                    log.info("sent %s to %s: %s", email.draft.kind, email.draft.to, delivery.detail)
                else:
                    log.warning(
                        "not sent: %s to %s: %s", email.draft.kind, email.draft.to, delivery.detail
                    )
    return tuple(result for result in results if result is not None)
