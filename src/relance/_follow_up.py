"""The one-week follow-up: an email, a call script and a prepared voicemail."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from . import _cadence, _cleanup, _french
from ._calendar import calendar_of, check_day
from ._catalogue import Output
from ._compose import base_context, draft
from ._data import Reader
from ._draft import Draft, recipient
from ._etiquette import courtesy, spoken_name
from ._model import Contact, Interview
from ._render import Templates, as_templates, render
from ._script import Script

__all__ = ["FollowUp", "follow_up", "messages"]

MAX_VOICEMAIL_SECONDS = 30.0
"""OQLF/24548: a voicemail message says what it must in 30 seconds or less."""

_EXTENSION = re.compile(r"\s*,?\s*(?:poste|ext\.?|x)\s*(\d+)\s*$", re.IGNORECASE)
_DIGIT_GROUPS = re.compile(r"\+?\d+")


@dataclass(frozen=True)
class FollowUp:
    """Everything the one-week follow-up needs: write, call, or leave a message."""

    email: Draft
    """The follow-up email to the hiring contact (``kind="follow_up"``)."""
    call: Script
    """What to say when the hiring contact answers the phone."""
    voicemail: Script
    """The message to leave on the second voicemail, 30 seconds at most."""

    def as_dict(self) -> dict[str, Any]:
        """The follow-up as JSON-safe data."""
        return {
            "email": self.email.as_dict(),
            "call": self.call.as_dict(),
            "voicemail": self.voicemail.as_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FollowUp:
        """The follow-up that :meth:`as_dict` wrote.

        Raises:
            InvalidInput: every problem of the data, with its path (``email.send_on``).
        """
        read = Reader(data, cls)
        email = read.nested("email", Draft.from_dict)
        call = read.nested("call", Script.from_dict)
        voicemail = read.nested("voicemail", Script.from_dict)
        return read.finish(lambda: cls(email=email, call=call, voicemail=voicemail))  # type: ignore[arg-type]


def _voicemail(context: dict[str, Any], templates: Templates | None, *, brief: bool) -> Script:
    text = render("voicemail.txt", {**context, "brief": brief}, templates=templates)
    return Script.of("voicemail", text)


def phone_to_say(phone: str, locale: str | None = None) -> str:
    """A phone number written to be read slowly, group by group.

    With the region, a number of its own country is said as dialled at home: the
    country code goes and the leading 0 comes back (« +33 6 98… » → « 06, 98… »).

    >>> phone_to_say("514 555-0199, poste 234")
    '514, 555, 0199, poste 234'
    >>> phone_to_say("+33 6 98 12 34 56", "fr_FR")
    '06, 98, 12, 34, 56'
    """
    extension = _EXTENSION.search(phone)
    number = phone[: extension.start()] if extension else phone
    if locale is not None:
        number = _cleanup.national_number(number.strip(), locale)
    said = ", ".join(_DIGIT_GROUPS.findall(number))
    return f"{said}, poste {extension.group(1)}" if extension else said


def _same(one: Contact, other: Contact) -> bool:
    """Whether two contacts are one person: the same address, else the same name."""
    if one.email and other.email:
        return one.email.casefold() == other.email.casefold()
    return " ".join(one.name.split()).casefold() == " ".join(other.name.split()).casefold()


def was_at_the_interview(interview: Interview) -> bool:
    """Whether the follow-up's recipient interviewed the candidate."""
    contact = interview.main_contact
    return any(_same(contact, person) for person in interview.interviewers)


def written_name(contact: Contact) -> str:
    """A person named in running text: « Mme Tremblay », « M. Le Gardeur » (OQLF/21115)."""
    if contact.civility == "Madame":
        return f"Mme {contact.family_name}"
    if contact.civility == "Monsieur":
        return f"M. {contact.family_name}"
    return contact.name


def call_day(interview: Interview, *, thanked_on: date | None = None) -> date:
    """The day to call: a week after the interview and at least four business days
    after the thank-you notes (``thanked_on``, by default their own day), on a
    business day of the interview's region. The seed article prefers the phone to an
    email; the email waits for the next business day, if the calls did not reach.

    >>> from datetime import date
    >>> from relance._samples import example_interview
    >>> call_day(example_interview())  # held on Tuesday 1 December 2026, in Quebec
    datetime.date(2026, 12, 8)
    """
    calendar = calendar_of(interview)
    held = interview.held_on
    thanked = thanked_on or _cadence.thank_you_on(held, calendar)
    return _cadence.follow_up_on(held, thanked, calendar)


def follow_up(
    interview: Interview,
    /,
    *,
    send_on: date | None = None,
    templates: Templates | str | os.PathLike[str] | None = None,
    html: bool = False,
) -> FollowUp:
    """The follow-up a week after the interview, to the hiring contact.

    Args:
        interview: the interview to follow up on. The email, the call and the
            voicemail go to ``interview.hiring_contact``, or else to the first
            interviewer.
        send_on: the day to send the email, if the calls did not reach the person;
            by default the business day after the calls, which come a week after
            the interview and at least four business days after the thank-you
            notes, on the region's business days (see :func:`call_day`).
        templates: a directory of template overrides, or a :class:`Templates`.
        html: also write an HTML part for the email (``Draft.html``).

    Raises:
        InvalidInput: ``send_on`` is not a date, or is before the interview.
        TemplateError: an override cannot be rendered.
    """
    overrides = as_templates(templates)
    if send_on is None:
        day = _cadence.follow_up_email_on(call_day(interview), calendar_of(interview))
    else:
        day = check_day(send_on, "send_on", interview)
    contact = interview.main_contact
    held = interview.held_on
    context = {
        **base_context(interview, day),
        "contact": contact,
        **courtesy(contact, interview),
        "contact_spoken": spoken_name(contact),
        "held_date": _french.the_day(held, day, interview.locale),
        "phone": (
            phone_to_say(interview.candidate.phone, interview.locale)
            if interview.candidate.phone
            else None
        ),
        "was_there": was_at_the_interview(interview),
        "interviewers_written": _french.join(
            (written_name(c) for c in interview.interviewers), interview.locale
        ),
        "interviewers_spoken": _french.join(
            (spoken_name(c) for c in interview.interviewers), interview.locale
        ),
        "availability": interview.candidate.availability
        or f"en semaine, de {_french.clock_time(time(9))} à {_french.clock_time(time(17))}",
    }
    email = draft(
        "follow_up",
        "follow_up",
        context,
        interview=interview,
        to=recipient(contact),
        send_on=day,
        templates=overrides,
        html=html,
    )
    call = Script.of("call", render("call.txt", context, templates=overrides))
    voicemail = _voicemail(context, overrides, brief=False)
    if voicemail.seconds > MAX_VOICEMAIL_SECONDS:
        voicemail = _voicemail(context, overrides, brief=True)
    return FollowUp(email=email, call=call, voicemail=voicemail)


def messages(
    interview: Interview,
    *,
    send_on: date | None = None,
    rejection: object = None,
    received_on: date | None = None,
    templates: Templates | None = None,
    html: bool = False,
) -> list[Output]:
    """The email, the call and the voicemail, as the catalogue lists them."""
    later = follow_up(interview, send_on=send_on, templates=templates, html=html)
    return [
        Output("follow-up", later.email, f"{interview.main_contact_field}.email", "email"),
        Output("call", later.call, "", "call"),
        Output("voicemail", later.voicemail, "", "voicemail"),
    ]
