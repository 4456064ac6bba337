"""The second and last follow-up: a short email a week after the first one."""

from __future__ import annotations

import os
from datetime import date

from . import _french
from ._cadence import follow_up_on, second_follow_up_on, thank_you_on
from ._calendar import calendar_of, check_day
from ._catalogue import Output
from ._compose import base_context, draft
from ._draft import Draft, recipient
from ._etiquette import courtesy
from ._model import Interview
from ._render import Templates, as_templates

__all__ = ["messages", "second_follow_up"]


def default_day(interview: Interview) -> date:
    """A week after the first follow-up, itself a week after the interview and four
    business days after the thank-you notes, each on a business day of the region."""
    calendar = calendar_of(interview)
    held = interview.held_on
    first = follow_up_on(held, thank_you_on(held, calendar), calendar)
    return second_follow_up_on(first, calendar)


def second_follow_up(
    interview: Interview,
    /,
    *,
    send_on: date | None = None,
    templates: Templates | str | os.PathLike[str] | None = None,
    html: bool = False,
) -> Draft:
    """The last follow-up email, to the hiring contact, when the first one went unanswered.

    Short and polite: it asks whether the position is still open, says a word either
    way would be welcome, and leaves the door open. After it, relance sends nothing
    more: a week of silence makes the status « no answer ».

    Args:
        interview: the interview to follow up on; the email goes to
            ``interview.hiring_contact``, or else to the first interviewer.
        send_on: the day to send it; by default a week after the first follow-up's
            default day, on a business day of the interview's region.
        templates: a directory of template overrides, or a :class:`Templates`.
        html: also write an HTML part (``Draft.html``).

    Raises:
        InvalidInput: ``send_on`` is not a date, or is before the interview.
        TemplateError: an override cannot be rendered.

    >>> from datetime import date
    >>> from relance import Candidate, Contact, Interview
    >>> interview = Interview(
    ...     candidate=Candidate("Camille Roy", "camille.roy@example.com"),
    ...     company="Ubisoft",
    ...     position="analyste de données",
    ...     held_at=date(2026, 12, 1),
    ...     interviewers=[Contact("Marie Tremblay", "Madame", "marie.tremblay@example.com")],
    ... )
    >>> last = second_follow_up(interview)
    >>> last.kind, last.send_on
    ('second_follow_up', datetime.date(2026, 12, 15))
    >>> last.subject
    'Ma candidature au poste d’analyste de données'
    """
    overrides = as_templates(templates)
    day = default_day(interview) if send_on is None else check_day(send_on, "send_on", interview)
    contact = interview.main_contact
    held = interview.held_on
    context = {
        **base_context(interview, day),
        "contact": contact,
        **courtesy(contact, interview),
        "held_date": "le " + _french.long_date(held, interview.locale, year=held.year != day.year),
    }
    return draft(
        "second_follow_up",
        "second_follow_up",
        context,
        interview=interview,
        to=recipient(contact),
        send_on=day,
        templates=overrides,
        html=html,
    )


def messages(
    interview: Interview,
    *,
    send_on: date | None = None,
    rejection: object = None,
    received_on: date | None = None,
    templates: Templates | None = None,
    html: bool = False,
) -> list[Output]:
    """The second follow-up, as the catalogue lists it."""
    last = second_follow_up(interview, send_on=send_on, templates=templates, html=html)
    return [Output("second-follow-up", last, f"{interview.main_contact_field}.email")]
