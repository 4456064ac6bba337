"""After a rejection: a reply that asks for feedback, and a handwritten note."""

from __future__ import annotations

import contextlib
import os
import re
import textwrap
from dataclasses import dataclass
from datetime import date, datetime
from email import base64mime, policy, quoprimime
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.headerregistry import AddressHeader, HeaderRegistry
from email.message import Message
from email.parser import BytesHeaderParser
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, cast

from ._calendar import business_day_after, check_day
from ._catalogue import Output
from ._compose import base_context, draft
from ._draft import Draft, format_address, recipient
from ._etiquette import courtesy
from ._locales import locale_info
from ._model import _FORBIDDEN, Contact, Interview
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
_MESSAGE_ID = re.compile(r"<[^<>\s]+>")
_LINE_ENDS = re.compile(r"\n|\r")  # what the modern policy removes from a header it reads
_HEADERS = ("from", "reply-to", "subject", "date", "message-id", "references", "in-reply-to")

# The modern policy's class for an address header, built once: its registry builds a new
# class on every look-up, and the employer's message has two address headers to read.
_ADDRESS_HEADER = HeaderRegistry()["from"]

# One address as mail clients write it, in ASCII: a display name of plain words, or one
# encoded word, then <local@domain>; or the bare address. The modern parser
# reads such a header as this pattern does (tests/test_fast_paths.py compares them);
# anything else (several addresses, quotes, comments, groups, 8-bit bytes) goes to it.
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+"
_ADDR = rf"{_ATOM}(?:\.{_ATOM})*@{_ATOM}(?:\.{_ATOM})*"  # dot-atom@dot-atom
_SIMPLE_ADDRESS = re.compile(
    rf"\s*(?:(?P<name>[A-Za-z0-9!#$%&'*+/=?^_`{{|}}~.\- ]*?)\s*<(?P<angle>{_ADDR})>"
    rf"|(?P<bare>{_ADDR}))\s*"
)
_PLAIN_NAME = re.compile(r"[A-Za-z0-9!#$%&'*+/^_`{|}~.\- ]*")  # no = or ?: no encoded word
_ENCODED_NAME = re.compile(r"=\?[A-Za-z0-9_\-]+\?[qQbB]\?[^?\s]+\?=")  # one encoded word

_Mail = dict[str, str]
"""The headers of the employer's message a reply needs, by lower-case name: the first
of each, unfolded, as written (encoded words not yet decoded)."""


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


def _read(rejection: Rejection) -> _Mail:
    """The headers of the employer's message that a reply needs, whatever it came as.

    Only the header block is parsed, with the legacy policy, which keeps each value as
    written; each value is then decoded where it is used, the addresses alone by the
    modern parser (it refuses a line break an encoded word would smuggle in).
    """
    field = "rejection"
    if isinstance(rejection, Message):
        items = list(rejection.raw_items())
        if all(type(value) is str for _, value in items):
            # Parsed from source (either policy): the values are still as written.
            return _headers(items, field)
        try:  # headers set by code under the modern policy: read them back as sent
            raw = rejection.as_bytes()
        except (UnicodeError, LookupError, ValueError) as err:
            raise InvalidInput.one(field, f"This message cannot be read: {err}.") from None
    elif isinstance(rejection, bytes):
        raw = rejection
    elif isinstance(rejection, str) and ("\n" in rejection or "\r" in rejection):
        raw = rejection.encode("utf-8", "surrogateescape")
    elif isinstance(rejection, str | os.PathLike):
        path = Path(rejection)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise InvalidInput.one(field, f"No such file: {path}.") from None
        except OSError as err:
            raise InvalidInput.one(field, f"Cannot read {path}: {err.strerror}.") from None
    else:
        raise InvalidInput.one(
            field,
            "Expected the employer's email: a message, the bytes or text of an .eml file, "
            "or its path.",
        )
    block = _plain_header_block(raw)
    if block is None:
        return _headers(
            BytesHeaderParser(policy=policy.compat32).parsebytes(raw).raw_items(), field
        )
    return _headers(block, field)


# A line of the header block, and where a header's name ends; what the legacy parser
# takes for a header line (email.feedparser.headerRE), less what it treats specially.
_RAW_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|\Z)")
_HEADER_NAME = re.compile(r"[\041-\071\073-\176]*:")


def _plain_header_block(raw: bytes) -> list[tuple[str, str]] | None:
    """The headers as the legacy parser reads them, for a header block written plainly
    (one ``Name: value`` a line, folded lines, then a blank line): it stops at the
    blank line instead of reading the body. None for what that parser treats specially
    (a ``From `` line, a line folded under no header, an empty name)."""
    text = raw.decode("ascii", "surrogateescape")
    headers: list[list[str]] = []
    for line in _RAW_LINE.finditer(text):
        content, end = line.groups()
        if not content:
            break  # the blank line before the body, or the end of the input
        if content[0] in " \t":
            if not headers:
                return None
            headers[-1].append(content + end)
        elif content.startswith(("From ", ":")):
            return None
        elif _HEADER_NAME.match(content):
            headers.append([content + end])
        else:
            break  # the body, without the blank line: the parser stops there as well
    items = []
    for lines in headers:
        name, value = lines[0].split(":", 1)
        items.append((name, (value.lstrip(" \t") + "".join(lines[1:])).rstrip("\r\n")))
    return items


def _headers(items: Any, field: str) -> _Mail:
    mail: _Mail = {}
    empty = True
    for name, value in items:
        empty = False
        key = name.lower()
        if key in _HEADERS and key not in mail:
            mail[key] = "".join(_LINE_ENDS.split(str(value)))
    if empty:
        raise InvalidInput.one(field, "This is not an email message: it has no headers.")
    return mail


def _decoded(value: str) -> str:
    """An unstructured header's text: encoded words decoded, raw 8-bit bytes read as UTF-8."""
    if "=?" in value:
        one = _one_encoded_word(value)
        if one is not None:
            return one
        # A broken encoded word stays as written, as the modern parser leaves it.
        with contextlib.suppress(UnicodeError, LookupError, ValueError, HeaderParseError):
            value = str(make_header(decode_header(value)))
    if not value.isascii():
        value = value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return value


# A value that is one encoded word in a common charset, as most mail clients write a
# subject: decoded here as decode_header() and make_header() decode it, without them.
_ENCODED_WORD = re.compile(
    r"=\?(utf-8|us-ascii|iso-8859-1|iso-8859-15)\?([qQbB])\?([^?\s]*)\?=", re.I
)


def _one_encoded_word(value: str) -> str | None:
    match = _ENCODED_WORD.fullmatch(value)
    if match is None:
        return None
    charset, encoding, text = match.groups()
    try:
        if encoding in "qQ":
            data = quoprimime.header_decode(text).encode("latin-1")
        else:
            data = base64mime.decode(text + "=" * (-len(text) % 4))
        return data.decode(charset)
    except (UnicodeError, ValueError):  # binascii.Error is a ValueError
        return None


def _recipient(interview: Interview, message: _Mail | None) -> tuple[Contact | None, str]:
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
        raise InvalidInput.one(
            "rejection.From", "The message has no usable sender address to reply to."
        )
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


def _people(message: _Mail, header_name: str) -> list[tuple[Contact, bool]]:
    """The addresses of one header, checked like any input: (contact, has a name)."""
    field = f"rejection.{header_name}"
    value = message.get(header_name.lower())
    if value is None:
        return []
    addresses = _simple_address(value, field)
    if addresses is None:
        addresses = _modern_addresses(header_name, value, field)
    if not addresses:
        raise InvalidInput.one(field, "This header holds no usable address.")
    people: list[tuple[Contact, bool]] = []
    problems: list[Problem] = []
    for display_name, addr_spec in addresses:
        try:
            # The model's own checks: no line break or encoded word in the name, and
            # an address email-validator accepts.
            checked = Contact(name=display_name or "?", email=addr_spec)
        except InvalidInput as err:
            problems += err.prefixed(field).problems
            continue
        people.append((checked, bool(display_name)))
    if problems:
        raise InvalidInput(problems)
    return people


def _simple_address(value: str, field: str) -> list[tuple[str, str]] | None:
    """The (display name, address) of a header that holds one address written the
    common way, as the modern parser reads it; None for any other header."""
    match = _SIMPLE_ADDRESS.fullmatch(value)
    if match is None:
        return None
    if match["bare"] is not None:
        return [("", match["bare"])]
    name = match["name"]
    if _PLAIN_NAME.fullmatch(name):
        name = " ".join(name.split())
    elif _ENCODED_NAME.fullmatch(name):
        try:
            name = str(make_header(decode_header(name)))
        except (UnicodeError, LookupError, ValueError):
            return None
        if "\r" in name or "\n" in name:
            raise _line_break(field)
    else:
        return None
    return [(name, match["angle"])]


def _modern_addresses(header_name: str, value: str, field: str) -> list[tuple[str, str]]:
    """The (display name, address) pairs of a header, read by the modern parser."""
    try:
        # The modern parser reads (and decodes) the header here, and refuses a decoded
        # line break in an address: that is a hostile message, not a crash.
        header = cast(AddressHeader, _ADDRESS_HEADER(header_name, value))
        return [(a.display_name, a.addr_spec) for a in header.addresses]
    except ValueError as err:
        if "CR or LF" in str(err):
            raise _line_break(field) from None
        return []
    except (AttributeError, IndexError, TypeError):
        return []


def _line_break(field: str) -> InvalidInput:
    return InvalidInput.one(field, "The sender's name or address holds a line break.")


def _send_day(
    interview: Interview,
    message: _Mail | None,
    received_on: date | None,
    send_on: date | None,
) -> date:
    if send_on is not None:
        return check_day(send_on, "send_on", interview)
    received: date | None = None
    if received_on is not None:
        received = check_day(received_on, "received_on", interview)
    elif message is not None and "date" in message:
        try:
            when: datetime | None = parsedate_to_datetime(message["date"])
        except (TypeError, ValueError, IndexError, OverflowError):
            when = None
        if isinstance(when, datetime):
            received = when.date()
    if received is None:
        raise InvalidInput.one(
            "received_on",
            "Say when the rejection arrived: pass received_on=, or send_on=, "
            "or the employer's message with its Date header.",
        )
    return business_day_after(interview, max(received, interview.held_on))


def _thread(message: _Mail | None) -> tuple[str | None, tuple[str, ...]]:
    """``In-Reply-To`` and ``References`` for a reply that threads under ``message``."""
    if message is None:
        return None, ()
    ids = _MESSAGE_ID.findall(message.get("message-id", ""))
    own = ids[0] if ids else None
    chain = _MESSAGE_ID.findall(message.get("references", ""))
    if not chain:
        chain = _MESSAGE_ID.findall(message.get("in-reply-to", ""))
    references = [ref for ref in chain if ref != own]
    if own:
        references.append(own)
    return own, tuple(dict.fromkeys(references))


def _reply_subject(message: _Mail | None, locale: str) -> str | None:
    """The original subject behind one reply prefix, or None when there is none."""
    if message is None:
        return None
    subject = " ".join(_decoded(message.get("subject", "")).split())
    subject = _FORBIDDEN.sub(" ", subject).strip()
    subject = _REPLY_PREFIXES.sub("", subject).strip()
    colon = locale_info(locale).typography.before_colon + ": "
    return f"{REPLY_PREFIX}{colon}{subject}" if subject else None


def _card(text: str) -> str:
    """Break every line into lines of at most 40 characters, between words."""
    lines: list[str] = []
    for line in text.split("\n"):
        words = line.split(" ")
        if not line:
            lines.append("")
        elif _one_spaced(line) and all(word.strip() for word in words):
            # What textwrap gives, without its chunking: it drops a word of other
            # spaces alone (str.strip()), so such a line goes to it.
            lines += [line] if len(line) <= NOTE_WIDTH else _pack(words)
        else:
            wrapped = textwrap.wrap(
                line, width=NOTE_WIDTH, break_long_words=False, break_on_hyphens=False
            )
            lines += wrapped or [""]
    return "\n".join(lines)


def _one_spaced(line: str) -> bool:
    """Words separated by single spaces, as the templates write them; no other space
    that textwrap breaks at (tab, form feed…): such a line is packed greedily by
    :func:`_pack`, as textwrap packs it."""
    return (
        "  " not in line
        and not line.startswith(" ")
        and not line.endswith(" ")
        and not any(space in line for space in "\t\x0b\x0c\r")
    )


def _pack(words: list[str]) -> list[str]:
    """Words on lines of at most 40 characters; a longer word alone on its line."""
    lines: list[str] = []
    current = words[0]
    for word in words[1:]:
        if len(current) + 1 + len(word) <= NOTE_WIDTH:
            current += " " + word
        else:
            lines.append(current)
            current = word
    lines.append(current)
    return lines


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
