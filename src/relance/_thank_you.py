"""The thank-you note: one email to each interviewer, the day after the interview."""

from __future__ import annotations

from datetime import date

from ._compose import base_context, courtesy, recipient, send_date, sender
from ._draft import Draft
from ._model import Interview
from ._render import render

__all__ = ["thank_you_notes"]

# Wordings per interviewer: (opening, detail) pairs that are all different for up to
# nine interviewers, so two notes never differ only by their names.
_VARIANTS = tuple((i % 3, (i + i // 3) % 3) for i in range(9))


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
    day = send_date(interview, send_on, days_after=1)
    context = base_context(interview, day)
    from_ = sender(interview)
    drafts = []
    for index, contact in enumerate(interview.interviewers):
        opening, detail = _VARIANTS[index]
        note = {
            **context,
            "contact": contact,
            **courtesy(contact, interview),
            "variant": {"opening": opening, "detail": detail},
        }
        drafts.append(
            Draft(
                kind="thank_you",
                locale=interview.locale,
                sender=from_,
                to=recipient(contact),
                subject=render("thank_you.subject.txt", note, one_line=True),
                body=render("thank_you.body.txt", note),
                send_on=day,
            )
        )
    return drafts
