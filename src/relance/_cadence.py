"""The cadence of the follow-up, as pure date rules on a region's business days.

Every rule of the seed article and of issues 11 and 14 that says *when*, in one
place: the status of an interview reads them, and so can the plan. A calendar is
the pair ``(country, subdivision)`` that ``_calendar.calendar_of`` gives.

>>> from datetime import date
>>> quebec = ("CA", "QC")
>>> thank_you_on(date(2026, 6, 23), quebec)  # 24 June is the Fête nationale
datetime.date(2026, 6, 25)
>>> follow_up_on(date(2026, 6, 23), date(2026, 6, 25), quebec)
datetime.date(2026, 7, 2)
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Final

from ._calendar import is_business_day, next_business_day

__all__ = [
    "FOLLOW_UP_DAYS",
    "LATE_THANK_YOU_DAYS",
    "NO_ANSWER_DAYS",
    "PAUSE_DAYS",
    "SECOND_FOLLOW_UP_DAYS",
    "THANK_YOU_GAP",
    "Calendar",
    "add_business_days",
    "business_days_between",
    "call_back_on",
    "follow_up_email_on",
    "follow_up_on",
    "given_date",
    "is_too_late",
    "no_answer_on",
    "on_or_after",
    "rejection_reply_on",
    "resume_on",
    "second_follow_up_on",
    "thank_you_on",
]

Calendar = tuple[str, str | None]
"""A holiday calendar: an ISO country code and a subdivision (``("CA", "QC")``)."""

FOLLOW_UP_DAYS: Final = 7
"""The follow-up comes a week after the interview (« La relance après une semaine »)."""

THANK_YOU_GAP: Final = 4
"""…and at least four business days after the last thank-you: an ordinary week gives
four, so a thank-you delayed by a holiday pushes the follow-up back (issue 11)."""

LATE_THANK_YOU_DAYS: Final = 5
"""A thank-you more than five business days late is dropped: the article asks for it
« dans les premiers jours »."""

SECOND_FOLLOW_UP_DAYS: Final = 7
"""The second and last follow-up comes a week after the first."""

NO_ANSWER_DAYS: Final = 7
"""A week of silence after the second follow-up: no answer, nothing more to send."""

PAUSE_DAYS: Final = 7
"""An answer that is not a decision pauses everything for a week, unless it gives a date."""

_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def on_or_after(day: date, calendar: Calendar) -> date:
    """``day`` if it is a business day, else the next one."""
    return day if is_business_day(day, *calendar) else next_business_day(day, *calendar)


def add_business_days(day: date, count: int, calendar: Calendar) -> date:
    """The ``count``-th business day after ``day``."""
    for _ in range(count):
        day = next_business_day(day, *calendar)
    return day


def business_days_between(start: date, end: date, calendar: Calendar) -> int:
    """How many business days fall after ``start`` and up to ``end`` (0 when ``end`` is
    not after ``start``)."""
    count = 0
    day = start + timedelta(days=1)
    while day <= end:
        count += is_business_day(day, *calendar)
        day += timedelta(days=1)
    return count


def thank_you_on(held: date, calendar: Calendar) -> date:
    """The thank-you notes: the business day after the interview."""
    return next_business_day(held, *calendar)


def is_too_late(thank_you: date, today: date, calendar: Calendar) -> bool:
    """Whether a thank-you due on ``thank_you`` is more than five business days late."""
    return business_days_between(thank_you, today, calendar) > LATE_THANK_YOU_DAYS


def follow_up_on(held: date, last_thank_you: date, calendar: Calendar) -> date:
    """The follow-up: a week after the interview (a business day), and at least four
    business days after the last thank-you."""
    week = on_or_after(held + timedelta(days=FOLLOW_UP_DAYS), calendar)
    return max(week, add_business_days(last_thank_you, THANK_YOU_GAP, calendar))


def call_back_on(no_answer: date) -> date:
    """After a call that met the voicemail (and was hung up on): call back the same
    day, in the afternoon."""
    return no_answer


def follow_up_email_on(last_call: date, calendar: Calendar) -> date:
    """When the calls did not reach the person: the email, the next business day."""
    return next_business_day(last_call, *calendar)


def second_follow_up_on(first: date, calendar: Calendar) -> date:
    """The second follow-up: a week after the first (a business day)."""
    return on_or_after(first + timedelta(days=SECOND_FOLLOW_UP_DAYS), calendar)


def no_answer_on(second: date, calendar: Calendar) -> date:
    """The day the silence after the second follow-up becomes « no answer »."""
    return on_or_after(second + timedelta(days=NO_ANSWER_DAYS), calendar)


def rejection_reply_on(received: date, calendar: Calendar) -> date:
    """The reply to a rejection and the handwritten note: the next business day."""
    return next_business_day(received, *calendar)


def given_date(note: str | None) -> date | None:
    """The first ISO date (``2026-12-15``) written in an event's note, if any.

    >>> given_date("Décision le 2026-12-15, selon madame Tremblay")
    datetime.date(2026, 12, 15)
    >>> given_date("rappel la semaine prochaine") is None
    True
    """
    match = _ISO_DATE.search(note or "")
    if match is None:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def resume_on(answered: date, note: str | None, calendar: Calendar) -> date:
    """After an answer that is not a decision: the date the employer gave (written in
    the note as ``2026-12-15``) when it is later than the answer, else a week later."""
    given = given_date(note)
    day = given if given is not None and given > answered else answered + timedelta(PAUSE_DAYS)
    return on_or_after(day, calendar)
