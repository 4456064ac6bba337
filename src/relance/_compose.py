"""What every message shares: the greeting and closing, the send date, the template context."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from types import MappingProxyType
from typing import Any

from . import _cleanup, _french
from ._calendar import next_business_day
from ._draft import Draft, format_address
from ._locales import locale_info
from ._model import Contact, Interview
from ._render import Templates, render, render_html
from .errors import InvalidInput

__all__ = [
    "VARIABLES",
    "appel",
    "base_context",
    "business_day_after",
    "calendar_of",
    "check_day",
    "closing",
    "courtesy",
    "draft",
    "formal_closing",
    "greeting",
    "recipient",
    "send_date",
    "sender",
    "sign_off",
    "spoken_name",
]


# The names every template's context holds (see docs/templates.md; a test checks
# that these are exactly the names the code passes).
_COMMON = (
    "appel",
    "candidate",
    "closing",
    "company",
    "contact",
    "forgot_to_mention",
    "gender",
    "greeting",
    "held_at",
    "held_on",
    "letter_closing",
    "letter_sign_off",
    "locale",
    "position",
    "send_on",
    "sign_off",
    "strengths",
    "when",
    "words",
)
_THANK_YOU = (*_COMMON, "held_date", "variant")
_FOLLOW_UP = (
    *_COMMON,
    "availability",
    "contact_spoken",
    "held_date",
    "interviewers_spoken",
    "interviewers_written",
    "phone",
    "was_there",
)
_HTML = ("lang", "paragraphs", "subject", "text")

VARIABLES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        name: tuple(sorted(names))
        for name, names in {
            "thank_you.subject.txt": _THANK_YOU,
            "thank_you.body.txt": _THANK_YOU,
            "follow_up.subject.txt": _FOLLOW_UP,
            "follow_up.body.txt": _FOLLOW_UP,
            "call.txt": _FOLLOW_UP,
            "voicemail.txt": (*_FOLLOW_UP, "brief"),
            "rejection.subject.txt": _COMMON,
            "rejection.body.txt": _COMMON,
            "note.txt": _COMMON,
            "thank_you.body.html": (*_THANK_YOU, *_HTML),
            "follow_up.body.html": (*_FOLLOW_UP, *_HTML),
            "rejection.body.html": (*_COMMON, *_HTML),
            "message.html": (*{*_THANK_YOU, *_FOLLOW_UP}, *_HTML),
        }.items()
    }
)
"""The variables each template can use: ``message.html`` has those of the email it
lays out (the names below are their union) plus the finished text."""


def greeting(contact: Contact | None, interview: Interview) -> str:
    """The appel of an email, by region and register.

    Someone unknown: « Madame, Monsieur, » (OQLF/22099). No civility: the full name
    (« Bonjour Dominique Bélanger, », OQLF/25370). Formal: « Bonjour Madame Tremblay, »
    in Quebec, « Madame, » in Europe; cordial: « Bonjour Madame Dupont, » everywhere.
    """
    if contact is None:
        return "Madame, Monsieur,"
    if contact.civility is None:
        return f"Bonjour {contact.name},"
    if interview.tone == "formal" and not locale_info(interview.locale).formal_appel_with_name:
        return f"{contact.civility},"
    return f"Bonjour {contact.civility} {contact.family_name},"


def closing(contact: Contact | None, interview: Interview) -> str:
    """The salutation: formal, a full sentence that repeats the appel's civility exactly
    (OQLF/22101); cordial, the region's short closing followed by a comma."""
    if interview.tone == "cordial":
        return locale_info(interview.locale).short_closing
    return formal_closing(contact)


def formal_closing(contact: Contact | None) -> str:
    """« Je vous prie d’agréer, Madame, mes salutations distinguées. »

    « Salutations », never « sentiments » (which depend on who writes to whom) and
    never « l’expression de mes salutations » (Guide du rédacteur 8.1.10).
    """
    if contact is None:
        return "Je vous prie d’agréer, Madame, Monsieur, mes salutations distinguées."
    if contact.civility:
        return f"Je vous prie d’agréer, {contact.civility}, mes salutations distinguées."
    return "Je vous prie d’agréer mes salutations distinguées."


def appel(contact: Contact | None) -> str:
    """The appel of a letter or a card: « Madame, », without the surname (BDL 4944)."""
    if contact is None:
        return "Madame, Monsieur,"
    if contact.civility:
        return f"{contact.civility},"
    return f"Bonjour {contact.name},"


def sign_off(closing: str, *lines: str | None) -> str:
    """The closing, then the signature: after a short closing (« Cordialement, ») the
    name follows on the next line; after a full sentence, after a blank line."""
    signature = "\n".join(line for line in lines if line)
    return f"{closing}\n{signature}" if closing.endswith(",") else f"{closing}\n\n{signature}"


def _unbreakable(phone: str | None) -> str | None:
    """A phone number whose groups never break across lines (no-break spaces)."""
    return phone.replace(" ", "\u00a0") if phone else None


def courtesy(contact: Contact | None, interview: Interview) -> dict[str, str]:
    """Every greeting and closing form a template may need, for one recipient."""
    candidate = interview.candidate
    # A card closes like an email of the same register; only its appel differs.
    salutation = closing(contact, interview)
    return {
        "greeting": greeting(contact, interview),
        "closing": salutation,
        "sign_off": sign_off(salutation, candidate.name, _unbreakable(candidate.phone)),
        "appel": appel(contact),
        "letter_closing": salutation,
        "letter_sign_off": sign_off(salutation, candidate.name),
    }


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


def calendar_of(interview: Interview) -> tuple[str, str | None]:
    """The holiday calendar of the interview: its country, and its ``region`` or the
    locale's default subdivision (Quebec for fr_CA; none elsewhere)."""
    info = locale_info(interview.locale)
    return info.country, interview.region or info.subdivision


def business_day_after(interview: Interview, day: date) -> date:
    """The first business day after ``day`` in the interview's region."""
    return next_business_day(day, *calendar_of(interview))


def base_context(interview: Interview, send_on: date) -> dict[str, Any]:
    """What every template sees, whatever the message."""
    info = locale_info(interview.locale)
    return {
        "locale": interview.locale,
        "words": info.words,
        "candidate": interview.candidate,
        "gender": interview.candidate.gender,
        # The names as said in running text: an institution with its article.
        "company": _cleanup.with_article(interview.company, force=interview.company_article),
        "position": _cleanup.element(interview.position, names=[interview.company]),
        "held_at": interview.held_at,
        "held_on": interview.held_on,
        "send_on": send_on,
        "when": _french.relative_day(interview.held_on, send_on, interview.locale),
        "strengths": interview.strengths,
        "forgot_to_mention": interview.forgot_to_mention,
    }


def draft(
    kind: str,
    base: str,
    context: Mapping[str, Any],
    *,
    interview: Interview,
    to: str,
    send_on: date,
    templates: Templates | None,
    html: bool,
    subject: str | None = None,
    in_reply_to: str | None = None,
    references: tuple[str, ...] = (),
) -> Draft:
    """An email drafted from the ``<base>.subject.txt`` and ``<base>.body.txt`` templates
    (and its HTML part when asked for or overridden)."""
    subject = subject or render(f"{base}.subject.txt", context, templates=templates, one_line=True)
    body = render(f"{base}.body.txt", context, templates=templates)
    return Draft(
        kind=kind,
        locale=interview.locale,
        sender=sender(interview),
        to=to,
        subject=subject,
        body=body,
        send_on=send_on,
        in_reply_to=in_reply_to,
        references=references,
        html=render_html(base, body, subject, context, templates=templates, wanted=html),
    )
