"""The thank-you note: one email to each interviewer, the day after the interview."""

from __future__ import annotations

import os
from datetime import date
from functools import cache
from typing import NamedTuple

from . import _french
from ._calendar import send_date
from ._catalogue import Output
from ._compose import base_context, draft
from ._draft import Draft, recipient
from ._etiquette import courtesy
from ._model import Interview
from ._render import Templates, as_templates

__all__ = ["messages", "thank_you_notes"]


# Every paragraph of the note has three wordings. The first three interviewers get
# wordings 0, 1 and 2 of every paragraph, so no two of them share a sentence; from
# the fourth on, each paragraph shifts by a different step, so two notes of nine
# never differ only by their names.
class Variant(NamedTuple):
    """The wording (0, 1 or 2) of each paragraph of one interviewer's note: what
    templates read as ``variant.thanks`` (an attribute, found without the raised and
    caught AttributeError a dict's key costs Jinja2)."""

    subject: int
    thanks: int
    detail: int
    case: int
    forgot: int
    interest: int


_PARAGRAPHS = Variant._fields


@cache  # at most nine interviewers
def _variant(index: int) -> Variant:
    """The wording of each paragraph for the interviewer at ``index``."""
    return Variant(*((index + step * (index // 3)) % 3 for step in range(len(_PARAGRAPHS))))


def thank_you_notes(
    interview: Interview,
    /,
    *,
    send_on: date | None = None,
    templates: Templates | str | os.PathLike[str] | None = None,
    html: bool = False,
) -> list[Draft]:
    """One thank-you email per interviewer, in their order, dated the next business day.

    Args:
        interview: the interview to thank for.
        send_on: the day the notes will be sent; by default the first business day
            after the interview in the interview's region. The wording refers to the
            interview from that day: « hier », « vendredi dernier », or the full date.
        templates: a directory of template overrides, or a :class:`Templates`.
        html: also write an HTML part (``Draft.html``).

    Raises:
        InvalidInput: ``send_on`` is not a date, or is before the interview.
        TemplateError: an override cannot be rendered.
    """
    overrides = as_templates(templates)
    day = send_date(interview, send_on, days_after=1)
    context = {
        **base_context(interview, day),
        "held_date": _french.the_day(interview.held_on, day, interview.locale),
    }
    drafts = []
    for index, contact in enumerate(interview.interviewers):
        note = {
            **context,
            "contact": contact,
            **courtesy(contact, interview),
            "variant": _variant(index),
        }
        drafts.append(
            draft(
                "thank_you",
                "thank_you",
                note,
                interview=interview,
                to=recipient(contact),
                send_on=day,
                templates=overrides,
                html=html,
            )
        )
    return drafts


def messages(
    interview: Interview,
    *,
    send_on: date | None = None,
    rejection: object = None,
    received_on: date | None = None,
    templates: Templates | None = None,
    html: bool = False,
) -> list[Output]:
    """The notes, as the catalogue lists them: ``thank-you-1``, ``thank-you-2``…"""
    notes = thank_you_notes(interview, send_on=send_on, templates=templates, html=html)
    return [
        Output(f"thank-you-{i}", note, f"interviewers[{i - 1}].email")
        for i, note in enumerate(notes, 1)
    ]
