"""A drafted email, ready to send: its fields, and the message built from them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, getaddresses, make_msgid
from functools import lru_cache
from typing import Any
from urllib.parse import quote

from ._french import long_date
from ._locales import locale_info
from ._model import _FORBIDDEN, Contact, Interview
from .errors import InvalidInput, MissingRecipient, Problem

__all__ = ["Draft", "format_address", "recipient", "sender"]

# The start of an RFC 2047 encoded word, =?charset?q? or =?charset?b?. The stdlib's
# parser decodes one when a header is stored, and Python before 3.11.10 (CVE-2024-6923)
# then writes a decoded line break as it is: a name could add a Bcc header.
_ENCODED_WORD = re.compile(r"=\?[^?\s]*\?[bq]\?", re.IGNORECASE)
_TEXT_HEADERS = ("sender", "to", "subject", "in_reply_to")


@lru_cache(maxsize=1024)  # an interview's drafts share their sender and recipients
def format_address(name: str, address: str) -> str:
    """A display name and an address as one header-safe string: ``Marie Tremblay <m@x.ca>``.

    The stdlib quotes whatever a display name needs quoting for (commas, quotes). The
    address was validated and normalized by the model (no quoted local part), so it is
    split here rather than parsed again by the stdlib's much slower address parser.
    """
    username, _, domain = address.rpartition("@")
    return str(Address(display_name=name, username=username, domain=domain))


def sender(interview: Interview) -> str:
    """The candidate as a formatted address."""
    return format_address(interview.candidate.name, interview.candidate.email)


def recipient(contact: Contact) -> str:
    """The contact as a formatted address, or ``""`` without an email."""
    return format_address(contact.name, contact.email) if contact.email else ""


@dataclass(frozen=True)
class Draft:
    """One email, drafted and dated, with the fields a mail client needs.

    Headers are built from these fields by the stdlib ``email`` package, never
    rendered through a template, so nothing in a value can become a header.
    """

    kind: str
    """What the message is: ``"thank_you"``."""
    locale: str
    """The region it is written for: ``"fr_CA"``."""
    sender: str
    """The candidate, as a formatted address: ``Camille Roy <camille.roy@example.com>``."""
    to: str
    """The recipient as a formatted address, or ``""`` when they have no address."""
    subject: str
    """The subject line: sentence case, no final period."""
    body: str
    """Plain text; paragraphs separated by one blank line, not hard-wrapped."""
    send_on: date
    """The day to send it on: a business day in the region."""
    in_reply_to: str | None = None
    """The ``Message-ID`` this message answers, for threading."""
    references: tuple[str, ...] = ()
    """The ``Message-ID`` chain of the thread, oldest first."""
    html: str | None = None
    """An HTML version of ``body`` (``html=True``, or an HTML template override);
    ``to_message()`` then builds ``multipart/alternative``, the plain text first."""

    def __post_init__(self) -> None:
        problems = [
            Problem(name, "Line breaks and control characters are not allowed in a header.")
            for name in ("kind", "locale", "sender", "to", "subject", "in_reply_to")
            if _FORBIDDEN.search(getattr(self, name) or "")
        ]
        problems += [
            Problem(f"references[{i}]", "Line breaks are not allowed in a header.")
            for i, ref in enumerate(self.references)
            if _FORBIDDEN.search(ref)
        ]
        values = [(name, getattr(self, name) or "") for name in _TEXT_HEADERS]
        values += [(f"references[{i}]", ref) for i, ref in enumerate(self.references)]
        problems += [
            Problem(name, "Text shaped like an RFC 2047 encoded word (=?…?=) is not allowed here.")
            for name, value in values
            if _ENCODED_WORD.search(value)
        ]
        if problems:
            raise InvalidInput(problems)
        object.__setattr__(self, "references", tuple(self.references))

    def to_message(
        self, *, message_id: str | None = None, date: datetime | None = None
    ) -> EmailMessage:
        """The email as a stdlib message: headers from the fields, a UTF-8 text body.

        ``message_id`` defaults to a new unique one on the sender's domain; ``date``
        (naive means local time) defaults to now.

        Raises:
            MissingRecipient: the recipient has no email address.
        """
        recipients = _addresses(self.to)
        if not recipients:
            raise MissingRecipient(
                f"This {self.kind.replace('_', '-')} draft has no recipient address: "
                "add the person's email to the interview, or copy the text by hand."
            )
        sender = _addresses(self.sender)[0]
        msg = EmailMessage(policy=SMTP)
        msg["From"] = sender
        msg["To"] = recipients
        msg["Subject"] = self.subject
        if "=?" in self.subject or msg.policy.fold("Subject", msg["Subject"]).count("\n") > 1:
            # Folded, the modern folder can lose the space between two encoded words
            # (CPython gh-92081) or start the value with a space when it wraps the first
            # word; and it decodes "=?...?=" look-alikes. The legacy encoder writes the
            # subject as encoded words, spaces inside, and set_raw keeps its folding.
            del msg["Subject"]
            msg.set_raw(
                "Subject",
                Header(self.subject, "utf-8", header_name="Subject").encode(
                    linesep=msg.policy.linesep
                ),
            )
        when = date or datetime.now(UTC)
        msg["Date"] = format_datetime(when if when.tzinfo else when.astimezone())
        msg["Message-ID"] = _message_id(message_id) or make_msgid(domain=sender.domain)
        if self.in_reply_to:
            msg["In-Reply-To"] = self.in_reply_to
        if self.references:
            msg["References"] = " ".join(self.references)
        msg.set_content(self.body + "\n", charset="utf-8", cte="quoted-printable")
        if self.html is not None:
            msg.add_alternative(self.html, subtype="html", charset="utf-8", cte="quoted-printable")
        for part in msg.walk():
            # smtplib.send_message() flattens with mangle_from_=True: spell the F of a
            # line-initial "From " in quoted-printable so it is not sent as ">From ".
            payload = part.get_payload()
            if isinstance(payload, str) and not part.is_multipart():
                part.set_payload(re.sub(r"(?m)^From ", "=46rom ", payload))
        # After set_content(), which clears every Content-* header.
        msg["Content-Language"] = locale_info(self.locale).language_tag
        return msg

    def to_eml(self, *, message_id: str | None = None, date: datetime | None = None) -> bytes:
        """The message as the bytes of an ``.eml`` file: CRLF line ends, lines ≤ 998 octets."""
        return self.to_message(message_id=message_id, date=date).as_bytes()

    def mailto(self) -> str:
        """A ``mailto:`` URI (RFC 6068) that opens this draft in the user's mail client."""
        recipients = ",".join(quote(a.addr_spec, safe="@") for a in _addresses(self.to))
        subject = quote(self.subject, safe="")
        body = quote(self.body.replace("\n", "\r\n"), safe="")
        return f"mailto:{recipients}?subject={subject}&body={body}"

    def as_dict(self) -> dict[str, Any]:
        """The draft as JSON-safe data (the date in ISO 8601)."""
        return {
            "kind": self.kind,
            "locale": self.locale,
            "sender": self.sender,
            "to": self.to,
            "subject": self.subject,
            "body": self.body,
            "send_on": self.send_on.isoformat(),
            "in_reply_to": self.in_reply_to,
            "references": list(self.references),
            "html": self.html,
        }

    def as_text(self) -> str:
        """The draft as a person reads it before sending: recipient, subject, date, body."""
        colon = locale_info(self.locale).typography.before_colon + ":"
        to = self.to or f"(pas d’adresse{colon} à envoyer vous-même)"
        when = long_date(self.send_on, self.locale)
        return (
            f"De{colon} {self.sender}\nÀ{colon} {to}\nObjet{colon} {self.subject}\n"
            f"À envoyer le{colon} {when}\n\n{self.body}\n"
        )


def _addresses(value: str) -> tuple[Address, ...]:
    return tuple(
        Address(display_name=name, addr_spec=_ascii_domain(addr))
        for name, addr in getaddresses([value])
        if addr
    )


def _ascii_domain(addr: str) -> str:
    """The address with its domain as A-labels: a message without SMTPUTF8 needs them."""
    local, at, domain = addr.rpartition("@")
    if not at or domain.isascii():
        return addr
    import idna  # email-validator's own IDNA library, needed only for Unicode domains

    return f"{local}@{idna.encode(domain, uts46=True).decode('ascii')}"


_MESSAGE_ID = re.compile(r"<[^<>@\s]+@[^<>@\s]+>")


def _message_id(value: str | None) -> str | None:
    if value is None:
        return None
    if _FORBIDDEN.search(value) or not value.strip():
        raise InvalidInput.one("message_id", "A Message-ID is one line of text, <like@this>.")
    value = value.strip()
    value = value if value.startswith("<") else f"<{value}>"
    if not _MESSAGE_ID.fullmatch(value):
        raise InvalidInput.one("message_id", "A Message-ID is one line of text, <like@this>.")
    return value
