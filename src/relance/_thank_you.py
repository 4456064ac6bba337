"""The thank-you note: one email to each interviewer, the day after the interview."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from . import _french
from ._calendar import next_business_day
from ._draft import Draft, format_address
from ._locales import locale_info
from ._model import Contact, Interview
from ._render import render
from .errors import InvalidInput

__all__ = ["closing", "greeting", "resolve_send_on", "thank_you_notes"]

# Wordings per interviewer: (opening, detail) pairs that are all different for up to
# nine interviewers, so two notes never differ only by their names.
_VARIANTS = tuple((i % 3, (i + i // 3) % 3) for i in range(9))


def greeting(contact: Contact) -> str:
    """The appel: « Bonjour Madame Tremblay, », or the full name without a civility."""
    if contact.civility:
        return f"Bonjour {contact.civility} {contact.family_name},"
    return f"Bonjour {contact.name},"


def closing(contact: Contact) -> str:
    """The closing sentence; it repeats the civility of the appel exactly, or none."""
    if contact.civility:
        return f"Je vous prie d’agréer, {contact.civility}, mes salutations distinguées."
    return "Je vous prie d’agréer mes salutations distinguées."


def resolve_send_on(interview: Interview, send_on: date | None, *, days_after: int = 1) -> date:
    """The send date: ``send_on`` if given, else the first business day after the interview
    (or, with ``days_after``, after that many days)."""
    held = interview.held_on
    if send_on is not None:
        if not isinstance(send_on, date):
            raise InvalidInput.one("send_on", "Expected a date, such as date(2026, 12, 2).")
        send_on = send_on.date() if isinstance(send_on, datetime) else send_on
        if send_on < held:
            raise InvalidInput.one(
                "send_on", f"{send_on.isoformat()} is before the interview ({held.isoformat()})."
            )
        return send_on
    info = locale_info(interview.locale)
    start = date.fromordinal(held.toordinal() + days_after - 1)
    return next_business_day(start, info.country, info.subdivision)


def base_context(interview: Interview, send_on: date) -> dict[str, Any]:
    """What every template sees, whatever the message."""
    info = locale_info(interview.locale)
    return {
        "locale": interview.locale,
        "words": info.words,
        "candidate": interview.candidate,
        "gender": interview.candidate.gender,
        "company": interview.company,
        "position": interview.position,
        "held_at": interview.held_at,
        "held_on": interview.held_on,
        "send_on": send_on,
        "when": _french.relative_day(interview.held_on, send_on, interview.locale),
        "strengths": interview.strengths,
        "forgot_to_mention": interview.forgot_to_mention,
    }


def thank_you_notes(interview: Interview, *, send_on: date | None = None) -> list[Draft]:
    """One thank-you email per interviewer, in their order, dated the next business day.

    Args:
        interview: the interview to thank for.
        send_on: the day the notes will be sent; by default the first business day
            after the interview in the interview's region. The wording refers to the
            interview from that day: « hier », « vendredi dernier », or the full date.

    Raises:
        InvalidInput: ``send_on`` is not a date, or is before the interview.
    """
    day = resolve_send_on(interview, send_on)
    context = base_context(interview, day)
    sender = format_address(interview.candidate.name, interview.candidate.email)
    drafts = []
    for index, contact in enumerate(interview.interviewers):
        opening, detail = _VARIANTS[index]
        note = {
            **context,
            "contact": contact,
            "greeting": greeting(contact),
            "closing": closing(contact),
            "variant": {"opening": opening, "detail": detail},
        }
        drafts.append(
            Draft(
                kind="thank_you",
                locale=interview.locale,
                sender=sender,
                to=format_address(contact.name, contact.email) if contact.email else "",
                subject=render("thank_you.subject.txt", note, one_line=True),
                body=render("thank_you.body.txt", note),
                send_on=day,
            )
        )
    return drafts
