"""A drafted email, ready to send: its fields, and the message built from them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, getaddresses, make_msgid
from functools import cached_property, lru_cache
from itertools import islice
from typing import Any, Final, cast
from urllib.parse import quote

from . import _catalogue
from ._data import Reader
from ._french import long_date
from ._headers import (
    ENCODED_WORD,
    FORBIDDEN,
    MAX_RECIPIENTS,
    MAX_REFERENCES,
    UNSAFE,
    message_id,
    verify_headers,
)
from ._locales import LOCALES, locale_info
from ._model import Contact, Interview, normalized_email
from ._sending import send_time
from .errors import InvalidInput, MissingRecipient, Problem

__all__ = ["KINDS", "MAX_BODY", "Draft", "format_address", "recipient", "sender"]

KINDS: Final = tuple(kind.name for kind in _catalogue.KINDS if kind.html is not None)
"""The kinds of email relance drafts: the catalogue's kinds that write an email."""
MAX_BODY: Final = 200_000
"""The longest body (and HTML part) a draft holds, in characters."""
_MAX_ADDRESSES_TEXT = 2_000
_MAX_SUBJECT = 2_000


@lru_cache(maxsize=1024)  # an interview's drafts share their sender and recipients
def format_address(name: str, address: str) -> str:
    """A display name and an address as one header-safe string: ``Marie Tremblay <m@x.ca>``.

    The stdlib quotes whatever a display name needs quoting for (commas, quotes). The
    address was validated and normalized by the model (no quoted local part), so it is
    split here rather than parsed again by the stdlib's much slower address parser.
    """
    plain = f"{name} <{address}>" if name else address
    if simple_address(plain) == (name, address):
        return plain  # nothing to quote: what the stdlib writes (tests/test_fast_paths.py)
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
    rendered through a template, so nothing in a value can become a header. Every
    field is checked on construction: a draft either renders, or raises
    :class:`~relance.InvalidInput` naming the field.
    """

    kind: str
    """What the message is: ``"thank_you"``, ``"follow_up"`` or ``"rejection_reply"``."""
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
    """The ``Message-ID`` this message answers, for threading (kept as ``<id>``)."""
    references: tuple[str, ...] = ()
    """The ``Message-ID`` chain of the thread, oldest first (each kept as ``<id>``)."""
    html: str | None = None
    """An HTML version of ``body`` (``html=True``, or an HTML template override);
    ``to_message()`` then builds ``multipart/alternative``, the plain text first."""

    def __post_init__(self) -> None:
        self._check()

    @classmethod
    def _composed(
        cls,
        *,
        kind: str,
        locale: str,
        sender: str,
        to: str,
        subject: str,
        body: str,
        send_on: date,
        in_reply_to: str | None,
        references: tuple[str, ...],
        html: str | None,
    ) -> Draft:
        """A draft relance composed itself, checked as the constructor checks one, but
        for two fields it wrote itself:

        - its addresses: :func:`format_address` wrote them from contacts the model
          checked, and they are read when a message is built, not here. What it writes
          of any checked name and address reads back as exactly that mailbox;
        - its thread (``in_reply_to``, ``references``): ``_headers.message_ids`` read them
          from the employer's mail, and each id it returns is one the constructor
          keeps as it is.

        tests/test_fast_paths.py asserts both. The subject and the body come from
        templates, a user's among them, and are checked here."""
        draft = object.__new__(cls)
        draft.__dict__.update(
            kind=kind,
            locale=locale,
            sender=sender,
            to=to,
            subject=subject,
            body=body,
            send_on=send_on,
            in_reply_to=in_reply_to,
            references=references,
            html=html,
        )
        draft._check(composed=True)
        return draft

    def _check(self, *, composed: bool = False) -> None:
        """Check every field (but what a composed draft's own were written by), normalize
        what needs it, or raise :class:`~relance.InvalidInput` with every problem."""
        check = _Check()
        # A known kind or locale is safe text: only another value needs the header checks.
        if not _known(self.kind, KINDS) and check.header_text("kind", self.kind, max_length=40):
            check.add("kind", "kind.unknown", value=self.kind, kinds=list(KINDS))
        if not _known(self.locale, LOCALES) and check.header_text(
            "locale", self.locale, max_length=40
        ):
            check.add("locale", "locale.unknown", value=self.locale, supported=list(LOCALES))
        found = None if composed else check.sender_and_recipients(self.sender, self.to)
        check.header_text("subject", self.subject, max_length=_MAX_SUBJECT)
        check.text("body", self.body)
        if self.html is not None:
            check.text("html", self.html)
        in_reply_to, references = self.in_reply_to, self.references
        if not composed:
            in_reply_to = check.message_id("in_reply_to", in_reply_to)
            if type(references) is not tuple or references:  # () is the usual, and checked
                references = check.references(references)
        send_on = cast(object, self.send_on)
        if isinstance(send_on, datetime):
            send_on = send_on.date()
        if not isinstance(send_on, date):
            check.add("send_on", "type.date", example="date(2026, 12, 2)")
        if check.problems:
            raise InvalidInput(check.problems)
        object.__setattr__(self, "send_on", send_on)
        object.__setattr__(self, "in_reply_to", in_reply_to)
        object.__setattr__(self, "references", references)
        if found is not None:  # the cached property below, from the parse just done
            self.__dict__["_addresses"] = found

    @cached_property
    def _addresses(self) -> tuple[Address, tuple[Address, ...]]:
        """The sender and the recipients as typed addresses: read by ``__post_init__``,
        or here, the first time a message is built, for a draft relance composed."""
        check = _Check()
        found = check.sender_and_recipients(self.sender, self.to)
        if found is None:
            raise InvalidInput(check.problems)
        return found

    def to_message(
        self, *, message_id: str | None = None, date: datetime | None = None
    ) -> EmailMessage:
        """The email as a stdlib message: headers from the fields, a UTF-8 text body.

        ``message_id`` defaults to a new unique one on the sender's domain; ``date``
        (naive means local time) defaults to now. Its headers are read back before it
        is returned: they are exactly the ones built, with exactly these recipients.

        Raises:
            MissingRecipient: the recipient has no email address.
            InvalidInput: ``message_id`` is not a Message-ID.
        """
        msg = self._build(message_id, date)
        fold = msg.policy.fold_binary
        block = b"".join(fold(name, value) for name, value in msg.raw_items())
        self._verify(msg, block.removesuffix(b"\r\n"))
        return msg

    def to_eml(
        self, *, message_id: str | None = None, date: datetime | None = None, draft: bool = False
    ) -> bytes:
        """The message as the bytes of an ``.eml`` file: CRLF line ends, lines ≤ 998 octets.

        With ``draft=True``, the file is a draft to send: ``Date`` is 09:00 on
        ``send_on`` in the region's time zone (unless ``date`` is given) and
        ``X-Unsent: 1`` makes Outlook and Thunderbird open it as a message to send.
        The header block of these very bytes is read back before they are returned."""
        if self.html is None:  # the fast path, same bytes (tests/test_eml.py)
            from ._eml import eml_bytes

            return eml_bytes(self, message_id=message_id, date=date, unsent=draft)
        return self._stdlib_eml(message_id=message_id, date=date, unsent=draft)

    def _stdlib_eml(self, *, message_id: str | None, date: datetime | None, unsent: bool) -> bytes:
        """The ``.eml`` bytes through the stdlib's ``EmailMessage``: the path of a draft
        with an HTML part, and the reference the fast path is compared with."""
        if unsent and date is None:
            date = send_time(self.send_on, self.locale)
        msg = self._build(message_id, date)
        if unsent:
            msg["X-Unsent"] = "1"
        raw = msg.as_bytes()
        self._verify(msg, raw.partition(b"\r\n\r\n")[0])
        return raw

    def _build(self, message_id: str | None, when: datetime | None) -> EmailMessage:
        sender, recipients = self._addresses
        if not recipients:
            raise MissingRecipient(
                f"This {self.kind.replace('_', '-')} draft has no recipient address: "
                "add the person's email to the interview, or copy the text by hand."
            )
        msg = EmailMessage(policy=SMTP)
        # Typed addresses: the stdlib encodes their names, it never parses them from text.
        msg["From"] = sender
        msg["To"] = recipients
        msg["Subject"] = self.subject
        if msg.policy.fold("Subject", msg["Subject"]).count("\n") > 1:
            # Folded, the modern folder can lose the space between two encoded words
            # (CPython gh-92081) or start the value with a space when it wraps the first
            # word. The legacy encoder writes the subject as encoded words, spaces
            # inside, and set_raw keeps its folding.
            del msg["Subject"]
            msg.set_raw(
                "Subject",
                Header(self.subject, "utf-8", header_name="Subject").encode(
                    linesep=msg.policy.linesep
                ),
            )
        when = when or datetime.now(UTC)
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

    def _verify(self, msg: EmailMessage, block: bytes) -> None:
        """Defence in depth: the header block, read back, is the one meant."""
        sender, recipients = self._addresses
        verify_headers(
            block,
            msg.keys(),
            {"From": [sender.addr_spec], "To": [a.addr_spec for a in recipients]},
        )

    def mailto(self) -> str:
        """A ``mailto:`` URI (RFC 6068) that opens this draft in the user's mail client."""
        recipients = ",".join(quote(a.addr_spec, safe="@") for a in self._addresses[1])
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

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Draft:
        """The draft that :meth:`as_dict` wrote, such as a draft stored as JSON.

        >>> import json
        >>> from datetime import date
        >>> draft = Draft("thank_you", "fr_CA", "Camille Roy <camille.roy@example.com>",
        ...               "", "Merci", "Bonjour,", date(2026, 12, 2))
        >>> Draft.from_dict(json.loads(json.dumps(draft.as_dict()))) == draft
        True

        Raises:
            InvalidInput: every problem of the data, with its field: a missing field, a
                ``send_on`` that is not an ISO 8601 date, a line break in a header.
        """
        read = Reader(data, cls)
        values = {
            "kind": read.text("kind"),
            "locale": read.locale(),
            "sender": read.text("sender"),
            "to": read.text("to", empty=True),
            "subject": read.text("subject"),
            "body": read.text("body"),
            "send_on": read.day("send_on"),
            "in_reply_to": read.text("in_reply_to", optional=True),
            "references": read.texts("references"),
            "html": read.text("html", optional=True),
        }
        return read.finish(lambda: cls(**values))

    def as_text(self) -> str:
        """The draft as a person reads it before sending: recipient, subject, date, body."""
        colon = locale_info(self.locale).typography.before_colon + ":"
        to = self.to or f"(pas d’adresse{colon} à envoyer vous-même)"
        when = long_date(self.send_on, self.locale)
        return (
            f"De{colon} {self.sender}\nÀ{colon} {to}\nObjet{colon} {self.subject}\n"
            f"À envoyer le{colon} {when}\n\n{self.body}\n"
        )


def _known(value: object, known: Iterable[str]) -> bool:
    """Whether ``value`` is one of the ``known`` strings (a str, not a look-alike)."""
    return type(value) is str and value in known


def _encodable(text: str) -> bool:
    """Whether ``text`` holds no lone surrogate: what UTF-8 cannot encode (and an
    encoder tells faster than a regular expression looks)."""
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class _Check:
    """Collects the problems of a draft's fields."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, field: str, code: str, /, **params: object) -> None:
        self.problems.append(Problem.of(field, code, **params))

    def text(self, field: str, value: object, *, max_length: int = MAX_BODY) -> bool:
        """Whether ``value`` is text that can be encoded, of a sane length."""
        if not isinstance(value, str):
            self.add(field, "type.text", type=type(value).__name__)
            return False
        if not _encodable(value):
            self.add(field, "text.lone_surrogate")
            return False
        if len(value) > max_length:
            self.add(field, "text.too_long", length=len(value), max_length=max_length)
            return False
        return True

    def header_text(self, field: str, value: object, *, max_length: int) -> bool:
        """Whether ``value`` can go in a header: one line, no encoded word."""
        if isinstance(value, str) and len(value) <= max_length and not UNSAFE.search(value):
            return True  # one search for the three rules below, when all hold
        if not self.text(field, value, max_length=max_length):
            return False
        text = cast(str, value)
        if FORBIDDEN.search(text):
            self.add(field, "header.forbidden")
            return False
        if ENCODED_WORD.search(text):
            self.add(field, "header.encoded_word")
            return False
        return True

    def addresses(self, field: str, value: object) -> tuple[Address, ...] | None:
        """The addresses of ``sender`` or ``to``, parsed once, each address checked."""
        if not self.header_text(field, value, max_length=_MAX_ADDRESSES_TEXT):
            return None
        found = _parse_addresses(cast(str, value))
        if isinstance(found, Problem):
            self.problems.append(replace(found, field=field))
            return None
        return found

    def sender_and_recipients(
        self, sender: object, to: object
    ) -> tuple[Address, tuple[Address, ...]] | None:
        """The one sender and the recipients, or None when either has a problem."""
        found = self.addresses("sender", sender)
        recipients = self.addresses("to", to)
        if found is not None and len(found) != 1:
            self.add("sender", "address.one_sender")
            return None
        if found is None or recipients is None:
            return None
        return found[0], recipients

    def message_id(self, field: str, value: object) -> str | None:
        if value is None:
            return None
        if not self.header_text(field, value, max_length=998):
            return None
        found = message_id(cast(str, value))
        if found is None:
            self.add(field, "message_id.invalid")
        return found

    def references(self, value: object) -> tuple[str, ...]:
        if isinstance(value, str | bytes) or not isinstance(value, Iterable):
            self.add("references", "references.type")
            return ()
        items = tuple(islice(value, MAX_REFERENCES + 1))
        if len(items) > MAX_REFERENCES:
            self.add("references", "references.too_many", max=MAX_REFERENCES)
            return ()
        found: list[str] = []
        for index, item in enumerate(items):
            field = f"references[{index}]"
            if isinstance(item, str) and FORBIDDEN.search(item):
                self.add(field, "header.line_break")
            elif (checked := self.message_id(field, item)) is not None:
                found.append(checked)
        return tuple(found)


# One address as format_address writes it for a name of words (« Marie-Ève O’Neil »):
# words of letters, digits, apostrophes and hyphens, one space apart, then a dot-atom
# address of ASCII in angle brackets; or the address alone. The stdlib's address
# parser reads such a value as exactly this name and address
# (tests/test_fast_paths.py checks it on generated values, on every Python).
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_SIMPLE_ADDRESS = re.compile(
    rf"(?:(?P<name>[^\W_][\w'’-]*(?: [^\W_][\w'’-]*)*) <)?"
    rf"(?P<address>{_ATOM}(?:\.{_ATOM})*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(?(name)>)"
)


def simple_address(value: str) -> tuple[str, str] | None:
    """``(display name, address)`` when ``value`` is one plain address, as
    ``getaddresses`` would read it; None for anything else (the stdlib reads that).

    >>> simple_address("Marie-Ève O’Neil <marie.oneil@example.ca>")
    ('Marie-Ève O’Neil', 'marie.oneil@example.ca')
    >>> simple_address('"Tremblay, Marie" <m@example.ca>') is None
    True
    """
    match = _SIMPLE_ADDRESS.fullmatch(value)
    if match is None:
        return None
    return match["name"] or "", match["address"]


@lru_cache(maxsize=1024)
def _parse_addresses(value: str) -> tuple[Address, ...] | Problem:
    """The addresses in ``value``, each checked, or the problem saying what is wrong
    (its field left empty for the caller to fill).

    Cached: every draft of an interview has the same sender. A single plain address,
    which is what relance writes, skips the stdlib's much slower address parser.
    """
    simple = simple_address(value)
    if simple is not None:
        return _simple_addresses(*simple)
    parsed = getaddresses([value])
    if value.strip() and all(pair == ("", "") for pair in parsed):
        # Python 3.13 (and 3.12.6, 3.11.10) gives ('', '') for what it cannot parse.
        return _ADDRESS_LIST
    pairs = [(name, addr) for name, addr in parsed if addr]
    if len(pairs) > MAX_RECIPIENTS:
        return Problem.of("", "address.too_many", max=MAX_RECIPIENTS)
    found: list[Address] = []
    for name, addr in pairs:
        try:
            local, _, domain = _ascii_domain(normalized_email(addr)).rpartition("@")
            found.append(Address(display_name=name, username=local, domain=domain))
        except ValueError as err:
            return Problem.of("", "address.invalid", address=addr, reason=str(err))
    # Parsed again from the form the message will carry, the same pairs come back.
    again = getaddresses([", ".join(str(a) for a in found)]) if found else []
    if again != [(a.display_name, a.addr_spec) for a in found]:
        return _ADDRESS_LIST
    return tuple(found)


def _simple_addresses(name: str, addr: str) -> tuple[Address, ...] | Problem:
    """:func:`_parse_addresses` for one plain address, as :func:`simple_address` read it.

    A plain address is written back as it was read: nothing in its name or its local
    part needs quoting. So when the checked address is the address given, the form the
    message will carry is the value just read; else it is read again.
    """
    try:
        checked = _ascii_domain(normalized_email(addr))
    except ValueError as err:
        return Problem.of("", "address.invalid", address=addr, reason=str(err))
    local, _, domain = checked.rpartition("@")
    found = Address(display_name=name, username=local, domain=domain)
    if checked != addr and simple_address(str(found)) is None:
        return _ADDRESS_LIST
    return (found,)


_ADDRESS_LIST = Problem.of("", "address.list_invalid")


def _ascii_domain(addr: str) -> str:
    """The address with its domain as A-labels: a message without SMTPUTF8 needs them."""
    local, at, domain = addr.rpartition("@")
    if not at or domain.isascii():
        return addr
    import idna  # email-validator's own IDNA library, needed only for Unicode domains

    return f"{local}@{idna.encode(domain, uts46=True).decode('ascii')}"


def _message_id(value: str | None) -> str | None:
    if value is None:
        return None
    # Typed as str, but a caller without a type checker may pass anything.
    given = cast(object, value)
    found = message_id(given) if isinstance(given, str) and not FORBIDDEN.search(given) else None
    if found is None:
        raise InvalidInput.of("message_id", "message_id.invalid")
    return found
