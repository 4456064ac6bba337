"""A draft's ``.eml`` bytes without building an ``EmailMessage``: the fast path.

:meth:`Draft.to_eml` builds a stdlib message and flattens it: every header is parsed
into the modern policy's header object when it is set, and parsed again to be folded
when the message is written. The values of a draft were checked when it was made (no
line break, no encoded word, validated addresses), so most of them can be written as
they are. :func:`eml_bytes` writes the same bytes as ``to_eml()``:

- a header whose value is ASCII and fits on one line is written as it is, which is
  what the modern folder writes for it; any other (an accented name, the subject of
  a French message, a long ``References``) is folded by the modern policy, as before;
- the body is encoded by the same quoted-printable function ``set_content()`` uses;
- a draft with an HTML part (a ``multipart/alternative`` with a random boundary) is
  left to ``to_eml()``.

Then the header block is read back with the legacy parser, as a receiving server
would, and must hold exactly the headers written and the draft's recipients: a
value that could have added a header or a recipient is refused, whatever the path.
``tests/test_eml.py`` compares both paths' bytes over every golden scenario.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email import quoprimime
from email.header import Header
from email.headerregistry import Address, HeaderRegistry
from email.policy import SMTP
from email.utils import format_datetime, make_msgid
from functools import cache
from typing import Any

from ._draft import Draft, _message_id
from ._headers import verify_headers
from ._locales import locale_info
from ._sending import send_time
from .errors import MissingRecipient

__all__ = ["eml_bytes"]

_MAX = 78  # SMTP.max_line_length: the longest header line the modern folder writes
_CRLF = "\r\n"
_REGISTRY = HeaderRegistry()
_FROM = re.compile(r"(?m)^From ")
_LINE_END = re.compile(r"\r\n|\r|\n")  # where the generator ends a line of the body


@cache
def _header_class(name: str) -> Any:
    """The modern policy's class for a header, built once (its registry builds one per call)."""
    return _REGISTRY[name]


def _folded(name: str, value: Any) -> str:
    """The header as the modern policy writes it: ``Name: value`` folded, CRLF ended."""
    if (
        isinstance(value, str)
        and value.isascii()
        and len(name) + 2 + len(value) <= _MAX
        and value == value.strip()
        and value.isprintable()
    ):
        return f"{name}: {value}{_CRLF}"
    header = _header_class(name)(name, value)
    folded: str = header.fold(policy=SMTP)
    return folded


def _subject(subject: str) -> str:
    """The subject line as :meth:`Draft.to_message` writes it."""
    # A subject with a non-ASCII character is written as encoded words, at least 12
    # characters more (=?utf-8?q?…?=): past the longest line, the modern folder writes
    # it on more than one line, and to_message() then takes the legacy encoder's.
    long = not subject.isascii() and len("Subject: ") + len(subject) + 12 > _MAX
    modern = "" if long or "=?" in subject else _folded("Subject", subject)
    if not modern or modern.count("\n") > 1:
        # The same rule as Draft.to_message: the legacy encoder for what the modern
        # folder would write badly (see there).
        legacy = Header(subject, "utf-8", header_name="Subject").encode(linesep=_CRLF)
        return f"Subject: {legacy}{_CRLF}"
    return modern


def _addresses_line(name: str, addresses: tuple[Address, ...]) -> str:
    if len(addresses) == 1:
        return _folded(name, str(addresses[0]))
    return _folded(name, list(addresses))


def eml_bytes(
    draft: Draft,
    *,
    message_id: str | None = None,
    date: datetime | None = None,
    unsent: bool = False,
) -> bytes:
    """The bytes the stdlib path of :meth:`Draft.to_eml` gives for a draft without an
    HTML part, built without an ``EmailMessage``.

    Raises:
        MissingRecipient: the recipient has no email address.
        InvalidInput: ``message_id`` is not one.
        HeaderMismatch: the headers do not read back as written.
    """
    if unsent and date is None:
        date = send_time(draft.send_on, draft.locale)
    sender, recipients = draft._addresses
    if not recipients:
        raise MissingRecipient(
            f"This {draft.kind.replace('_', '-')} draft has no recipient address: "
            "add the person's email to the interview, or copy the text by hand."
        )
    when = date or datetime.now(UTC)
    lines = [
        _addresses_line("From", (sender,)),
        _addresses_line("To", recipients),
        _subject(draft.subject),
        _folded("Date", format_datetime(when if when.tzinfo else when.astimezone())),
        _folded("Message-ID", _message_id(message_id) or make_msgid(domain=sender.domain)),
    ]
    if draft.in_reply_to:
        lines.append(_folded("In-Reply-To", draft.in_reply_to))
    if draft.references:
        lines.append(_folded("References", " ".join(draft.references)))
    lines += [
        f'Content-Type: text/plain; charset="utf-8"{_CRLF}',
        f"Content-Transfer-Encoding: quoted-printable{_CRLF}",
        f"MIME-Version: 1.0{_CRLF}",
        _folded("Content-Language", locale_info(draft.locale).language_tag),
    ]
    if unsent:
        lines.append(f"X-Unsent: 1{_CRLF}")
    head = "".join(lines)
    _read_back(head, draft, sender, recipients, unsent=unsent)
    return (head + _CRLF + _body(draft.body)).encode("ascii")


def _body(text: str) -> str:
    """The body as ``set_content(cte="quoted-printable")`` encodes it, then flattened."""
    lines = (text + "\n").encode("utf-8").splitlines()
    encoded = quoprimime.body_encode((b"\n".join(lines) + b"\n").decode("latin-1"), _MAX)
    # A line-initial "From " spelled in quoted-printable, as Draft.to_message does.
    encoded = _FROM.sub("=46rom ", encoded)
    parts = _LINE_END.split(encoded)
    return _CRLF.join(parts)


_EXPECTED = (
    "From",
    "To",
    "Subject",
    "Date",
    "Message-ID",
    "Content-Type",
    "Content-Transfer-Encoding",
    "MIME-Version",
    "Content-Language",
)


def _read_back(
    head: str, draft: Draft, sender: Address, recipients: tuple[Address, ...], *, unsent: bool
) -> None:
    """The read-back every message of relance passes (relance._headers.verify_headers):
    exactly the headers written, exactly the draft's sender and recipients."""
    names = list(_EXPECTED)
    if draft.in_reply_to:
        names.insert(5, "In-Reply-To")
    if draft.references:
        names.insert(6 if draft.in_reply_to else 5, "References")
    if unsent:
        names.append("X-Unsent")
    verify_headers(
        head.encode("ascii").removesuffix(b"\r\n"),
        names,
        {"From": [sender.addr_spec], "To": [a.addr_spec for a in recipients]},
    )
