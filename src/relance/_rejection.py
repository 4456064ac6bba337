"""After a rejection: a reply that asks for feedback, and a handwritten note."""

from __future__ import annotations

import os
import re
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from ._addressee import person_name, same_name, takes_replies
from ._calendar import business_day_after, check_day
from ._catalogue import Output
from ._compose import base_context, draft
from ._data import Reader
from ._draft import Draft, format_address, recipient
from ._employer_mail import Headers, Rejection, read
from ._etiquette import courtesy
from ._headers import ENCODED_WORD, FORBIDDEN, MAX_RECIPIENTS, MAX_REFERENCES, message_ids
from ._locales import locale_info
from ._model import Contact, Interview, checked_mailbox
from ._render import Templates, as_templates, render
from ._script import Script
from .errors import InvalidInput, Problem

__all__ = ["Rejection", "RejectionReply", "messages", "rejection_reply"]

NOTE_WIDTH = 40
"""The longest line of a handwritten note, in characters, so it fits on a card."""

REPLY_PREFIX = "RE"
"""The reply prefix French mail clients write (Outlook's « RE : »), followed by the
region's space before a colon (a no-break one: « RE : » is typeset like the rest)."""

# One prefix at the start of a subject: a gateway's tag (« [EXT] »), a reply's prefix in
# the languages mail clients write (« RE : », « R: », « Antw: », « AW: », « SV: »,
# « Réf : »), or a forward's (« TR : », « Fwd: »), which the reply keeps.
_SUBJECT_PREFIX = re.compile(
    r"[\s\u00a0\u202f]*(?:"
    r"\[\s*(?:ext|extern|externe|external)(?:\s+(?:e-?mail|sender|courriel|message))?\s*\]"
    r"|(?:(?P<forward>tr|fwd|fw|wg)|re|ré|réf|ref|r|antw|aw|sv)"
    r"[\s\u00a0\u202f]*(?:\[\d+\])?[\s\u00a0\u202f]*[:：]"
    r")[\s\u00a0\u202f]*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class RejectionReply:
    """What to send after a rejection: an email that asks for feedback, and a card."""

    email: Draft
    """The reply to the hiring contact (``kind="rejection_reply"``), threaded under the
    employer's message when it is given."""
    note: Script
    """A handwritten thank-you note (``kind="note"``), broken into short lines to copy."""
    warnings: tuple[str, ...] = ()
    """What relance chose for the user about who is written to, and why, one sentence
    each: a mailbox greeted « Madame, Monsieur, », a no-reply address replaced by the
    hiring contact's, a note for someone other than the sender."""

    def as_dict(self) -> dict[str, Any]:
        """The reply as JSON-safe data."""
        return {
            "email": self.email.as_dict(),
            "note": self.note.as_dict(),
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RejectionReply:
        """The reply that :meth:`as_dict` wrote.

        Raises:
            InvalidInput: every problem of the data, with its path (``note.text``).
        """
        read = Reader(data, cls)
        email = read.nested("email", Draft.from_dict)
        note = read.nested("note", Script.from_dict)
        warnings = read.texts("warnings")
        return read.finish(
            lambda: cls(email=email, note=note, warnings=warnings)  # type: ignore[arg-type]
        )


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
            path of one. The reply goes to its ``Reply-To``, else its ``From``,
            unless that address takes no replies (``no-reply@``): then to the
            hiring contact. Without it, the reply goes to the hiring contact, else
            the first interviewer, under a subject of its own.
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
    return _reply(
        interview,
        rejection=rejection,
        received_on=received_on,
        send_on=send_on,
        templates=templates,
        html=html,
    )[0]


def _reply(
    interview: Interview,
    *,
    rejection: Rejection | None,
    received_on: date | None,
    send_on: date | None,
    templates: Templates | str | os.PathLike[str] | None,
    html: bool,
) -> tuple[RejectionReply, str]:
    """The reply, and the input field that holds its recipient's address."""
    overrides = as_templates(templates)
    message = read(rejection) if rejection is not None else None
    to = _addressees(interview, message)
    day = _send_day(interview, message, received_on, send_on)
    base = base_context(interview, day)
    context = {**base, "contact": to.greeted, **courtesy(to.greeted, interview)}
    in_reply_to, references = _thread(message)
    email = draft(
        "rejection_reply",
        "rejection",
        context,
        interview=interview,
        to=to.to,
        send_on=day,
        templates=overrides,
        html=html,
        subject=_reply_subject(
            None if message is None else message.text("Subject"),
            interview.locale,
            forwards=not to.forwarded,
        ),
        in_reply_to=in_reply_to,
        references=references,
    )
    card = {**base, "contact": to.note, **courtesy(to.note, interview)}
    note = render("note.txt", card, templates=overrides)
    reply = RejectionReply(email=email, note=Script.of("note", _card(note)), warnings=to.warnings)
    return reply, to.field


@dataclass(frozen=True)
class _Sender:
    """One address of the employer's ``From`` or ``Reply-To``, and what it tells."""

    address: str
    """The address, as checked."""
    display_name: str
    """The name beside it, as written (``""`` for none)."""
    known: Contact | None
    """The interview's contact it is, by address, else by name."""
    person: str | None
    """The person's name the display name gives (None: a mailbox, a platform), looked
    for only when the address is not a known contact's."""

    @property
    def greeted(self) -> Contact | None:
        """Who a message to this address greets: the contact, the person, or no one."""
        if self.known is not None:
            return self.known
        return Contact(self.person) if self.person else None

    def formatted(self) -> str:
        """The address for the reply's ``To``: under the known contact's name."""
        return format_address(self.known.name, self.address) if self.known else str(self)

    def __str__(self) -> str:
        # A display name that is only the address again says nothing.
        name = "" if "@" in self.display_name else self.display_name
        return format_address(name, self.address)


@dataclass(frozen=True)
class _Addressees:
    """Who the reply and the note are for, and why, as ``_addressees`` chose."""

    greeted: Contact | None
    """The person the email greets (None: « Madame, Monsieur, »)."""
    to: str
    """The email's formatted recipients (``""``: no address to send it to)."""
    field: str
    """The input that holds that address: ``"rejection"``, ``"hiring_contact.email"``."""
    note: Contact | None
    """The person the handwritten note is for (None: « Madame, Monsieur, »)."""
    warnings: tuple[str, ...]
    """What was chosen for the user, and why."""
    forwarded: bool = False
    """The message is the candidate's own, a rejection they forwarded to themselves."""


def _addressees(interview: Interview, message: Headers | None) -> _Addressees:
    """Who the reply and the note are for.

    Without the employer's message: the hiring contact, else the first interviewer.
    With it, the reply goes to the message's ``Reply-To``, else its ``From``, but
    never to an address that takes no replies, nor back to the candidate (a
    rejection they forwarded to themselves): then to the hiring contact (else the
    known author, else an interviewer) with an address, still in the thread. It
    greets the person it goes to, else the known author, else « Madame, Monsieur, »
    (a mailbox or a platform is no one to greet by name). The note goes to the
    hiring contact, else the author, else whom the reply greets, else « Madame,
    Monsieur, ».
    """
    if message is None:
        contact = interview.main_contact
        field = f"{interview.main_contact_field}.email"
        return _Addressees(contact, recipient(contact), field, contact, ())
    everyone = _senders(interview, message, "From")
    # A Reply-To often repeats the From's address without its name: keep the name.
    names = {s.address.casefold(): s for s in everyone if s.display_name}
    replies = [
        names.get(s.address.casefold(), s) if not s.display_name else s
        for s in _senders(interview, message, "Reply-To")
    ] or everyone
    if not replies:
        raise InvalidInput.of("rejection.From", "rejection.no_sender")
    mine = interview.candidate.email.casefold()
    authors = [s for s in everyone if s.address.casefold() != mine]
    open_ = [s for s in replies if takes_replies(s.address) and s.address.casefold() != mine]
    warnings: list[str] = []
    if open_:
        greeted = _first(s.greeted for s in (*open_, *authors))
        to, field = ", ".join(s.formatted() for s in open_), "rejection"
    else:
        greeted, to, field, warning = _redirect(interview, replies, authors)
        warnings.append(warning)
    # A card is posted to a person: the hiring contact (the seed article's), else who
    # signed the rejection, else whom the reply greets.
    author = _first(s.greeted for s in authors)
    note = interview.hiring_contact or author or greeted
    if greeted is None:
        mailboxes = ", ".join(map(str, open_))
        what = "the reply and the handwritten note open" if note is None else "the reply opens"
        warnings.append(f'{mailboxes} is a mailbox, not a person: {what} with "Madame, Monsieur,".')
    if note is not None and note != greeted:
        who = "the hiring contact, " if note is interview.hiring_contact else ""
        signed = ", who signed the rejection" if note is author and not who else ""
        warnings.append(f"The handwritten note is for {who}{note.name}{signed}.")
    forwarded = all(s.address.casefold() == mine for s in replies)
    return _Addressees(greeted, to, field, note, tuple(warnings), forwarded)


def _redirect(
    interview: Interview, replies: list[_Sender], authors: list[_Sender]
) -> tuple[Contact, str, str, str]:
    """When no address of the message may have the reply: whom it greets, its ``To``,
    the input field that holds that address, and the warning that says so."""
    mine = interview.candidate.email.casefold()
    closed = ", ".join(dict.fromkeys(s.address for s in replies))
    if all(s.address.casefold() == mine for s in replies):
        why = f"{closed} is your own address (a rejection you forwarded to yourself?)"
    else:
        why = f"{closed} takes no replies"
    instead = _instead_of_no_reply(interview, authors)
    if instead is not None:
        contact, field, who = instead
        to = recipient(contact)
        return contact, to, field, f"{why}: the reply goes to {who}, {to}, in the same thread."
    # No one's address: the reply greets whom the user will send it to.
    greeted = interview.hiring_contact or _first(s.greeted for s in authors)
    if interview.hiring_contact:
        whose, field = "the hiring contact's", "hiring_contact.email"
    else:
        whose, field = "an interviewer's", "interviewers[0].email"
    return (
        greeted or interview.main_contact,
        "",
        field,
        (
            f"{why}, and the interview gives no one's email address: add {whose} ({field}), "
            "or send the reply yourself."
        ),
    )


def _first(contacts: Iterable[Contact | None]) -> Contact | None:
    return next((c for c in contacts if c is not None), None)


def _instead_of_no_reply(
    interview: Interview, authors: list[_Sender]
) -> tuple[Contact, str, str] | None:
    """Who to write to when no address of the message may have the reply (it takes
    none, or it is the candidate's): the contact, its input field, and who they are
    in a sentence; None when no one in the interview has an address."""
    hiring = interview.hiring_contact
    if hiring is not None and hiring.email and takes_replies(hiring.email):
        return hiring, "hiring_contact.email", "the hiring contact"
    for author in authors:
        known = author.known
        if (
            known is not None
            and known in interview.interviewers
            and known.email
            and takes_replies(known.email)
        ):
            index = interview.interviewers.index(known)
            return known, f"interviewers[{index}].email", "the interviewer who wrote it"
    for index, contact in enumerate(interview.interviewers):
        if contact.email and takes_replies(contact.email):
            return contact, f"interviewers[{index}].email", "the interviewer"
    return None


def _senders(interview: Interview, message: Headers, header_name: str) -> list[_Sender]:
    """The addresses of one header, each matched to the interview's contacts: by
    address, then by name (case and accents aside), so that an interviewer whose
    address is not on file keeps « Madame » or « Monsieur »."""
    # The hiring contact last, so that it wins a tie.
    people = [c for c in (*interview.interviewers, interview.hiring_contact) if c is not None]
    by_address = {c.email.casefold(): c for c in people if c.email}
    senders = []
    for email, display_name in _people(message, header_name):
        address = email or ""
        known = by_address.get(address.casefold())
        person = None  # not needed to greet a known contact
        if known is None:
            person = person_name(display_name, address, interview.company)
            if person is not None:
                known = next((c for c in reversed(people) if same_name(c.name, person)), None)
        senders.append(_Sender(address, display_name, known, person))
    return senders


def _people(message: Headers, header_name: str) -> list[tuple[str | None, str]]:
    """The addresses of one header, checked like any contact's: (address, display name)."""
    field = f"rejection.{header_name}"
    if header_name not in message:
        return []
    try:
        # The header is decoded here; on a hostile value the stdlib may raise nearly
        # anything (IndexError, HeaderParseError...): that is a bad message, not a crash.
        addresses = message.addresses(header_name)
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
    people: list[tuple[str | None, str]] = []
    problems: list[Problem] = []
    for display_name, addr_spec in addresses:
        try:
            # The model's own checks: no line break or encoded word in the name, and
            # an address email-validator accepts.
            name, email = checked_mailbox(display_name or "?", addr_spec)
        except InvalidInput as err:
            problems += err.prefixed(field).problems
            continue
        people.append((email, name if display_name else ""))
    if problems:
        raise InvalidInput(problems)
    return people


def _send_day(
    interview: Interview,
    message: Headers | None,
    received_on: date | None,
    send_on: date | None,
) -> date:
    received = _received(interview, message, received_on)
    if send_on is not None:
        day = check_day(send_on, "send_on", interview)
        if received is not None and day < received:
            raise InvalidInput.of(
                "send_on",
                "reply.before_rejection",
                day=day.isoformat(),
                received=received.isoformat(),
            )
        return day
    if received is None:
        raise InvalidInput.of("received_on", "rejection.date_unknown")
    return business_day_after(interview, received)


def _received(
    interview: Interview, message: Headers | None, received_on: date | None
) -> date | None:
    """The day the rejection arrived, if known; never before the interview."""
    if received_on is not None:
        return check_day(received_on, "received_on", interview)
    when = None if message is None else message.date("Date")
    if when is None:
        return None
    if when.date() < interview.held_on:
        raise InvalidInput.of(
            "rejection.Date",
            "rejection.dated_before_interview",
            day=when.date().isoformat(),
            held=interview.held_on.isoformat(),
        )
    return when.date()


def _thread(message: Headers | None) -> tuple[str | None, tuple[str, ...]]:
    """``In-Reply-To`` and ``References`` for a reply that threads under ``message``.

    The identifiers are read from the raw header text, never decoded, with or
    without angle brackets; a long chain keeps its oldest and its latest ones.
    """
    if message is None:
        return None, ()
    ids = message_ids(message.raw("Message-ID") or "")
    own = ids[0] if ids else None
    chain = message_ids(message.raw("References") or "") or message_ids(
        message.raw("In-Reply-To") or ""
    )
    references = list(dict.fromkeys(ref for ref in chain if ref != own))
    if len(references) > MAX_REFERENCES - 1:
        references = references[:1] + references[-(MAX_REFERENCES - 2) :]
    if own:
        references.append(own)
    return own, tuple(references)


def _reply_subject(subject: str | None, locale: str, *, forwards: bool = True) -> str | None:
    """The original subject behind one reply prefix, or None when there is none.

    ``subject`` is the employer's, decoded (None without the employer's message).
    The prefixes at its start go: a gateway's « [EXT] » and every reply prefix, in
    whatever language the employer's mail client wrote it, however often. A
    forward's « TR : » or « Fwd: » stays, in the region's typography, after
    relance's « RE : », unless ``forwards`` is false: the candidate's own forward is
    no part of the employer's thread. The employer's straight apostrophes become ’.
    """
    if subject is None:
        return None
    if ENCODED_WORD.search(subject):
        raise InvalidInput.of("rejection.Subject", "rejection.subject_encoded_word")
    subject = " ".join(FORBIDDEN.sub(" ", subject).split())
    colon = locale_info(locale).typography.before_colon + ":"
    kept: list[str] = []
    while prefix := _SUBJECT_PREFIX.match(subject):
        forward = prefix.group("forward")
        if forward and forwards and (not kept or kept[-1].casefold() != forward.casefold()):
            kept.append(forward)
        subject = subject[prefix.end() :]
    subject = " ".join(_apostrophes(word) for word in subject.split(" ")).strip()
    if not subject:
        return None
    return " ".join([f"{REPLY_PREFIX}{colon}", *(f"{f}{colon}" for f in kept), subject])


def _apostrophes(word: str) -> str:
    """’ for every straight apostrophe (« d’analyste »), as in all of relance's text,
    but not in an address or a URL."""
    if "'" not in word or "@" in word or "://" in word:
        return word
    return word.replace("'", "’")


def _card(text: str) -> str:
    """Break every line into lines of at most 40 characters, between words."""
    return "\n".join([_card_line(line) if line else "" for line in text.split("\n")])


@lru_cache(maxsize=1024)  # a card's set phrases come back in every card of a batch
def _card_line(line: str) -> str:
    """One line of a card, broken into lines of at most 40 characters."""
    if _one_spaced(line):
        # What textwrap gives, without its chunking, which costs a call per word.
        return line if len(line) <= NOTE_WIDTH else "\n".join(_pack(line))
    wrapped = textwrap.wrap(line, width=NOTE_WIDTH, break_long_words=False, break_on_hyphens=False)
    return "\n".join(wrapped)


def _one_spaced(line: str) -> bool:
    """Words separated by single spaces, as the templates write them: no other space
    that textwrap breaks at (tab, form feed…), and no word of other spaces alone
    (« \u00a0 », which textwrap drops). Such a line is packed greedily by
    :func:`_pack`, as textwrap packs it."""
    if "  " in line or line[0] == " " or line[-1] == " " or _OTHER_BREAKS.search(line):
        return False
    return not any(map(str.isspace, line.split(" ")))


_OTHER_BREAKS = re.compile("[\t\x0b\x0c\r]")
"""The spaces other than « » that textwrap breaks a line at."""


def _pack(line: str) -> list[str]:
    """A line of words one space apart, on lines of at most 40 characters: each takes
    the most words that fit; a longer word stands alone on its line."""
    lines: list[str] = []
    start = 0
    while len(line) - start > NOTE_WIDTH:
        cut = line.rfind(" ", start, start + NOTE_WIDTH + 1)
        if cut == -1:  # a word longer than a line: alone, up to the next space
            cut = line.find(" ", start + NOTE_WIDTH + 1)
            if cut == -1:
                break
        lines.append(line[start:cut])
        start = cut + 1
    lines.append(line[start:])
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
    return outputs(
        interview,
        send_on=send_on,
        rejection=rejection,
        received_on=received_on,
        templates=templates,
        html=html,
    )[1]


def outputs(
    interview: Interview,
    *,
    send_on: date | None = None,
    rejection: Rejection | None = None,
    received_on: date | None = None,
    templates: Templates | None = None,
    html: bool = False,
) -> tuple[RejectionReply, list[Output]]:
    """The reply (with its warnings, which the CLI prints), and its messages as the
    catalogue lists them."""
    reply, where = _reply(
        interview,
        rejection=rejection,
        received_on=received_on,
        send_on=send_on,
        templates=templates,
        html=html,
    )
    return reply, [
        Output("rejection-reply", reply.email, where, "email"),
        Output("note", reply.note, "", "note"),
    ]
