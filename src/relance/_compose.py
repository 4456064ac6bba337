"""What every message shares: the greeting and closing, the send date, the template context."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from . import _french
from ._calendar import next_business_day
from ._draft import format_address
from ._locales import locale_info
from ._model import Contact, Interview
from .errors import InvalidInput

__all__ = [
    "base_context",
    "business_day_after",
    "check_day",
    "closing",
    "greeting",
    "recipient",
    "send_date",
    "sender",
    "spoken_name",
]


def greeting(contact: Contact | None) -> str:
    """The appel: « Bonjour Madame Tremblay, », or the full name without a civility, or
    « Madame, Monsieur, » for someone unknown (OQLF/22099)."""
    if contact is None:
        return "Madame, Monsieur,"
    if contact.civility:
        return f"Bonjour {contact.civility} {contact.family_name},"
    return f"Bonjour {contact.name},"


def closing(contact: Contact | None) -> str:
    """The closing sentence; it repeats the civility of the appel exactly, or none."""
    if contact is None:
        return "Je vous prie d’agréer, Madame, Monsieur, mes salutations distinguées."
    if contact.civility:
        return f"Je vous prie d’agréer, {contact.civility}, mes salutations distinguées."
    return "Je vous prie d’agréer mes salutations distinguées."


def spoken_name(contact: Contact) -> str:
    """How the contact is named aloud or in running text: « madame Tremblay »."""
    if contact.civility:
        return f"{contact.civility.lower()} {contact.family_name}"
    return contact.name


def sender(interview: Interview) -> str:
    """The candidate as a formatted address."""
    return format_address(interview.candidate.name, interview.candidate.email)


def recipient(contact: Contact) -> str:
    """The contact as a formatted address, or ``""`` without an email."""
    return format_address(contact.name, contact.email) if contact.email else ""


def check_day(value: object, field: str, interview: Interview) -> date:
    """A date argument, checked: a ``date`` (a ``datetime`` counts by its day), not
    before the interview."""
    if not isinstance(value, date):
        raise InvalidInput.one(field, "Expected a date, such as date(2026, 12, 2).")
    day = value.date() if isinstance(value, datetime) else value
    held = interview.held_on
    if day < held:
        raise InvalidInput.one(
            field, f"{day.isoformat()} is before the interview ({held.isoformat()})."
        )
    return day


def send_date(interview: Interview, send_on: date | None, *, days_after: int) -> date:
    """``send_on`` if given (checked), else the first business day at least
    ``days_after`` days after the interview, in the interview's region."""
    if send_on is not None:
        return check_day(send_on, "send_on", interview)
    return business_day_after(interview, interview.held_on + timedelta(days=days_after - 1))


def business_day_after(interview: Interview, day: date) -> date:
    """The first business day after ``day`` in the interview's region."""
    info = locale_info(interview.locale)
    return next_business_day(day, info.country, info.subdivision)


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
