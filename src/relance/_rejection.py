"""After a rejection: a reply that asks for feedback, and a handwritten note."""

from __future__ import annotations

import os
import re
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesHeaderParser
from pathlib import Path
from typing import Any

from ._calendar import business_day_after, check_day
from ._catalogue import Output
from ._compose import base_context, draft
from ._data import Reader
from ._draft import Draft, format_address, recipient
from ._etiquette import courtesy
from ._headers import (
    ENCODED_WORD,
    FORBIDDEN,
    MAX_HEADER_BYTES,
    MAX_HEADER_FIELD_BYTES,
    MAX_HEADERS,
    MAX_MESSAGE_BYTES,
    MAX_RECIPIENTS,
    MAX_REFERENCES,
    message_ids,
)
from ._locales import locale_info
from ._model import Contact, Interview
from ._render import Templates, as_templates, render
from ._script import Script
from .errors import InvalidInput, Problem

__all__ = ["Rejection", "RejectionReply", "messages", "rejection_reply"]

Rejection = Message | bytes | str | os.PathLike[str]
"""The employer's message: a parsed message, the bytes or text of an ``.eml``, or its path."""

NOTE_WIDTH = 40
"""The longest line of a handwritten note, in characters, so it fits on a card."""

REPLY_PREFIX = "RE"
"""The reply prefix French mail clients write (Outlook's « RE : »), followed by the
region's space before a colon (a no-break one: « RE : » is typeset like the rest)."""

_REPLY_PREFIXES = re.compile(r"^(?:\s*(?:re|ré|réf|ref|aw|sv)\s*(?:\[\d+\])?\s*:\s*)+", re.I)


@dataclass(frozen=True)
class RejectionReply:
    """What to send after a rejection: an email that asks for feedback, and a card."""

    email: Draft
    """The reply to the hiring contact (``kind="rejection_reply"``), threaded under the
    employer's message when it is given."""
    note: Script
    """A handwritten thank-you note (``kind="note"``), broken into short lines to copy."""

    def as_dict(self) -> dict[str, Any]:
        """The reply as JSON-safe data."""
        return {"email": self.email.as_dict(), "note": self.note.as_dict()}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RejectionReply:
        """The reply that :meth:`as_dict` wrote.

        Raises:
            InvalidInput: every problem of the data, with its path (``note.text``).
        """
        read = Reader(data, cls)
        email = read.nested("email", Draft.from_dict)
        note = read.nested("note", Script.from_dict)
        return read.finish(lambda: cls(email=email, note=note))  # type: ignore[arg-type]


def rejection_reply(
    interview: Interview,
    /,
    *,
    rejection: Rejection | None = None,
    received_on: date | None = None,
    send_on: date | None = None,
    templates: Templates | str | os.PathLike[str] | None = None,
    html: bool = False,
) -> RejectionReply:
    """The reply to a rejection, and a handwritten note that keeps the door open.

    Args:
        interview: the interview the rejection is about.
        rejection: the employer's message, to reply to in its thread: an
            ``email.message.Message``, the raw bytes or text of an ``.eml``, or the
            path of one. The reply goes to its ``Reply-To``, else its ``From``.
            Without it, the reply goes to the hiring contact, else the first
            interviewer, under a subject of its own.
        received_on: the day the rejection arrived; by default the day of the
            message's ``Date`` header.
        send_on: the day to send the reply; by default the first business day after
            the rejection arrived.
        templates: a directory of template overrides, or a :class:`Templates`.
        html: also write an HTML part for the email (``Draft.html``).

    Raises:
        InvalidInput: the message cannot be read or has no usable sender, or there
            is no way to tell the day (pass ``received_on`` or ``send_on``).
        TemplateError: an override cannot be rendered.
    """
    overrides = as_templates(templates)
    message = _read(rejection) if rejection is not None else None
    contact, to = _recipient(interview, message)
    day = _send_day(interview, message, received_on, send_on)
    context = {
        **base_context(interview, day),
        "contact": contact,
        **courtesy(contact, interview),
    }
    in_reply_to, references = _thread(message)
    email = draft(
        "rejection_reply",
        "rejection",
        context,
        interview=interview,
        to=to,
        send_on=day,
        templates=overrides,
        html=html,
        subject=_reply_subject(message, interview.locale),
        in_reply_to=in_reply_to,
        references=references,
    )
    note = render("note.txt", context, templates=overrides)
    return RejectionReply(email=email, note=Script.of("note", _card(note)))


def _read(rejection: Rejection) -> EmailMessage:
    """The header block of the employer's message, checked, then parsed.

    Only the headers are read: the body, its parts and their nesting never are, so a
    message of any shape costs the size of its header block, which is capped first.
    """
    field = "rejection"
    if isinstance(rejection, Message):
        block = _headers_of(rejection)
    elif isinstance(rejection, bytes):
        block = _header_block(rejection)
    elif isinstance(rejection, str) and ("\n" in rejection or "\r" in rejection):
        block = _header_block(rejection.encode("utf-8", "surrogateescape"))
    elif isinstance(rejection, str | os.PathLike):
        block = _header_block(_read_file(Path(rejection)))
    else:
        raise InvalidInput.of(field, "type.rejection")
    message = BytesHeaderParser(policy=policy.default).parsebytes(block + b"\r\n\r\n")
    if not message.keys():
        raise InvalidInput.of(field, "rejection.no_headers")
    return message


def _read_file(path: Path) -> bytes:
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_MESSAGE_BYTES + 1)
    except FileNotFoundError:
        raise InvalidInput.of("rejection", "file.not_found_at", path=str(path)) from None
    except OSError as err:
        raise InvalidInput.of(
            "rejection", "file.unreadable_at", path=str(path), reason=err.strerror
        ) from None
    return raw


def _headers_of(message: Message) -> bytes:
    """The header block of a parsed message, written again (its body is left alone)."""
    try:
        fold = message.policy.clone(linesep="\r\n").fold_binary
        return _header_block(b"".join(fold(k, v) for k, v in message.raw_items()))
    except InvalidInput:
        raise
    except Exception as err:  # the stdlib may fail in many ways on a hostile header
        raise InvalidInput.of("rejection", "rejection.unreadable", reason=str(err)) from None


_LINE_END = re.compile(rb"\r\n|\r|\n")
_BLOCK_END = re.compile(rb"(?:\r\n|\n|\r(?!\n)){2}")
_LAST_LINE_END = re.compile(rb"(?:\r\n|\n|\r)\Z")
_FIELD_NAME = re.compile(rb"[\x21-\x39\x3b-\x7e]+[ \t]*:")


def _header_block(raw: bytes) -> bytes:
    """The header block of a raw message, CRLF line ends, after the caps and the syntax.

    Sizes are checked before anything is parsed: the stdlib's header parser takes
    quadratic time on a huge header. A line that is not a header stops the stdlib's
    parser, which then takes every header after it for the body: refused here, so no
    header is lost in silence.
    """
    field = "rejection"
    if len(raw) > MAX_MESSAGE_BYTES:
        raise InvalidInput.of(field, "rejection.too_large", max=MAX_MESSAGE_BYTES // 2**20)
    end = _BLOCK_END.search(raw, 0, MAX_HEADER_BYTES + 4)
    block = raw[: end.start()] if end else _LAST_LINE_END.sub(b"", raw)
    if len(block) > MAX_HEADER_BYTES:
        raise InvalidInput.of(field, "rejection.headers_too_long", max=MAX_HEADER_BYTES // 1024)
    lines = _LINE_END.split(block)
    if lines and lines[0].startswith(b"From "):  # an mbox separator line
        lines = lines[1:]
    fields: list[list[bytes]] = []
    for number, line in enumerate(lines, start=1):
        if line[:1] in (b" ", b"\t") and fields:
            fields[-1].append(line)
        elif _FIELD_NAME.match(line):
            fields.append([line])
        elif not fields:
            raise InvalidInput.of(field, "rejection.first_line_not_header")
        else:
            shown = line[:40].decode("ascii", "replace")
            raise InvalidInput.of(field, "rejection.line_not_header", line=number, text=shown)
    if len(fields) > MAX_HEADERS:
        raise InvalidInput.of(field, "rejection.too_many_headers", max=MAX_HEADERS)
    for lines_of_field in fields:
        if sum(len(line) for line in lines_of_field) > MAX_HEADER_FIELD_BYTES:
            name = lines_of_field[0].split(b":", 1)[0].strip().decode("ascii")
            raise InvalidInput.of(
                f"{field}.{name}", "rejection.header_too_long", max=MAX_HEADER_FIELD_BYTES // 1024
            )
    return b"\r\n".join(line for lines_of_field in fields for line in lines_of_field)


def _recipient(interview: Interview, message: EmailMessage | None) -> tuple[Contact | None, str]:
    """Who the reply greets (None: someone unknown), and the formatted ``To``.

    The reply goes to the message's ``Reply-To``, else its ``From``. The person
    greeted is the interview's contact whose address appears in either header, else
    the author named in ``From``, else someone unknown (« Madame, Monsieur, »).
    """
    if message is None:
        contact = interview.main_contact
        return contact, recipient(contact)
    authors = _people(message, "From")
    replies = _people(message, "Reply-To") or authors
    if not replies:
        raise InvalidInput.of("rejection.From", "rejection.no_sender")
    # The interview's people by address, the hiring contact last so that it wins a tie.
    known = {
        c.email.casefold(): c
        for c in (*interview.interviewers, interview.hiring_contact)
        if c is not None and c.email
    }

    def match(contact: Contact) -> Contact | None:
        return known.get((contact.email or "").casefold())

    everyone = (*authors, *replies)
    matches = [m for c, _ in everyone if (m := match(c)) is not None]
    named = [c for c, has_name in everyone if has_name]
    greeted = matches[0] if matches else (named[0] if named else None)
    to = ", ".join(
        format_address(
            m.name if (m := match(c)) is not None else (c.name if has_name else ""),
            c.email or "",
        )
        for c, has_name in replies
    )
    return greeted, to


def _people(message: EmailMessage, header_name: str) -> list[tuple[Contact, bool]]:
    """The addresses of one header, checked like any input: (contact, has a name)."""
    field = f"rejection.{header_name}"
    if header_name not in message:
        return []
    try:
        # The stdlib parses (and decodes) the header here; on a hostile value it may
        # raise nearly anything (IndexError, HeaderParseError...): that is a bad
        # message, not a crash.
        addresses = tuple(message[header_name].addresses)
    except Exception as err:
        if "CR or LF" in str(err):
            raise InvalidInput.of(field, "header.address_line_break") from None
        addresses = ()
    if not addresses:
        raise InvalidInput.of(field, "header.no_address")
    if len(addresses) > MAX_RECIPIENTS:
        raise InvalidInput.of(
            field, "rejection.too_many_addresses", count=len(addresses), max=MAX_RECIPIENTS
        )
    people: list[tuple[Contact, bool]] = []
    problems: list[Problem] = []
    for address in addresses:
        try:
            # The model's own checks: no line break or encoded word in the name, and
            # an address email-validator accepts.
            checked = Contact(name=address.display_name or "?", email=address.addr_spec)
        except InvalidInput as err:
            problems += err.prefixed(field).problems
            continue
        people.append((checked, bool(address.display_name)))
    if problems:
        raise InvalidInput(problems)
    return people


def _send_day(
    interview: Interview,
    message: EmailMessage | None,
    received_on: date | None,
    send_on: date | None,
) -> date:
    if send_on is not None:
        return check_day(send_on, "send_on", interview)
    received: date | None = None
    if received_on is not None:
        received = check_day(received_on, "received_on", interview)
    elif message is not None and message.get("Date") is not None:
        try:
            when = message["Date"].datetime
        except Exception:  # a hostile Date header: as if it were missing
            when = None
        if isinstance(when, datetime):
            received = when.date()
    if received is None:
        raise InvalidInput.of("received_on", "rejection.date_unknown")
    return business_day_after(interview, max(received, interview.held_on))


def _thread(message: EmailMessage | None) -> tuple[str | None, tuple[str, ...]]:
    """``In-Reply-To`` and ``References`` for a reply that threads under ``message``.

    The identifiers are read from the raw header text, never decoded, with or
    without angle brackets; a long chain keeps its oldest and its latest ones.
    """
    if message is None:
        return None, ()
    raw: dict[str, str] = {}
    for name, value in message.raw_items():
        raw.setdefault(name.lower(), str(value))
    ids = message_ids(raw.get("message-id", ""))
    own = ids[0] if ids else None
    chain = message_ids(raw.get("references", "")) or message_ids(raw.get("in-reply-to", ""))
    references = list(dict.fromkeys(ref for ref in chain if ref != own))
    if len(references) > MAX_REFERENCES - 1:
        references = references[:1] + references[-(MAX_REFERENCES - 2) :]
    if own:
        references.append(own)
    return own, tuple(references)


def _reply_subject(message: EmailMessage | None, locale: str) -> str | None:
    """The original subject behind one reply prefix, or None when there is none."""
    if message is None:
        return None
    try:
        subject = str(message.get("Subject", ""))
    except Exception:  # a hostile Subject: as if there were none
        subject = ""
    if ENCODED_WORD.search(subject):
        raise InvalidInput.of("rejection.Subject", "rejection.subject_encoded_word")
    subject = " ".join(FORBIDDEN.sub(" ", subject).split())
    subject = _REPLY_PREFIXES.sub("", subject).strip()
    colon = locale_info(locale).typography.before_colon + ": "
    return f"{REPLY_PREFIX}{colon}{subject}" if subject else None


def _card(text: str) -> str:
    """Break every line into lines of at most 40 characters, between words."""
    lines: list[str] = []
    for line in text.split("\n"):
        wrapped = textwrap.wrap(
            line, width=NOTE_WIDTH, break_long_words=False, break_on_hyphens=False
        )
        lines += wrapped or [""]
    return "\n".join(lines)


def messages(
    interview: Interview,
    *,
    send_on: date | None = None,
    rejection: Rejection | None = None,
    received_on: date | None = None,
    templates: Templates | None = None,
    html: bool = False,
) -> list[Output]:
    """The reply and the handwritten note, as the catalogue lists them."""
    reply = rejection_reply(
        interview,
        rejection=rejection,
        received_on=received_on,
        send_on=send_on,
        templates=templates,
        html=html,
    )
    if rejection is not None:
        where = "rejection"
    else:
        who = "hiring_contact" if interview.hiring_contact else "interviewers[0]"
        where = f"{who}.email"
    return [
        Output("rejection-reply", reply.email, where, "email"),
        Output("note", reply.note, "", "note"),
    ]
