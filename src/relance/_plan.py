"""The whole follow-up as a dated checklist, and as a calendar file."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, Final, Literal, get_args

from . import _french
from ._catalogue import Output
from ._data import Reader
from ._draft import Draft
from ._etiquette import spoken_name
from ._follow_up import FollowUp, call_day, follow_up
from ._locales import locale_info
from ._model import Contact, Interview
from ._render import Templates, as_templates, render
from ._script import Script
from ._thank_you import thank_you_notes
from .errors import InvalidInput

__all__ = ["Plan", "Step", "messages", "plan", "plan_step"]

Channel = Literal["email", "phone", "letter"]
CHANNELS: Final[tuple[str, ...]] = get_args(Channel)

UNDATED = "Si la réponse est négative"
"""The heading of the steps that wait on a rejection."""

REMINDER = timedelta(hours=8)
"""The reminder of each step rings at 8:00 on its day (from the start of the all-day event)."""


@dataclass(frozen=True)
class Step:
    """One thing to do on one day."""

    on: date | None
    """The day to do it, a business day in the interview's region; ``None`` for a step
    that waits on an event (« if the answer is no »)."""
    action: str
    """What to do, in a few words: « Appeler madame Tremblay en matinée »."""
    channel: Channel
    """``"email"``, ``"phone"`` or ``"letter"``."""
    to: Contact | None
    """Who it is for."""
    detail: str
    """How to do it, and why (the advice of the article relance is built on)."""
    draft: Draft | Script | None
    """The text to send or to say."""

    def as_dict(self) -> dict[str, Any]:
        """The step as JSON-safe data."""
        return {
            "on": self.on.isoformat() if self.on else None,
            "action": self.action,
            "channel": self.channel,
            "to": self.to.name if self.to else None,
            "contact": self.to.as_dict() if self.to else None,
            "detail": self.detail,
            "draft": self.draft.as_dict() if self.draft else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Step:
        """The step that :meth:`as_dict` wrote. ``to`` is the contact's name, kept for
        the readers of earlier versions; ``contact`` is the whole contact. Data
        without ``contact`` gets a contact of that name alone.

        Raises:
            InvalidInput: every problem of the data, with its path (``draft.subject``).
        """
        read = Reader(data, cls, extra=["contact"])
        contact = read.nested("contact", Contact.from_dict, optional=True)
        name = read.text("to", optional=True)
        if contact is None and name is not None:
            contact = read.built("to", Contact.from_dict, {"name": name})
        elif contact is not None and name is not None and name != contact.name:
            read.add("to", "contact.name_mismatch", name=contact.name)
        values = {
            "on": read.day("on", optional=True),
            "action": read.text("action"),
            "channel": read.choice("channel", CHANNELS),
            "to": contact,
            "detail": read.text("detail"),
            "draft": read.nested("draft", _draft_or_script, optional=True),
        }
        return read.finish(lambda: cls(**values))


@dataclass(frozen=True)
class Plan:
    """Every step of the follow-up of one interview, ordered by date."""

    steps: tuple[Step, ...]
    """The steps, by date, steps of one day in the order to do them; the undated steps
    (« if the answer is no ») last."""
    locale: str = "fr_CA"
    """The region the texts are written for."""
    if_rejected: str = UNDATED
    """The heading of the steps that wait on a rejection (``plan.if_rejected.txt``)."""

    def __iter__(self) -> Iterator[Step]:
        return iter(self.steps)

    def as_dict(self) -> dict[str, Any]:
        """The plan as JSON-safe data."""
        return {
            "locale": self.locale,
            "steps": [step.as_dict() for step in self.steps],
            "if_rejected": self.if_rejected,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Plan:
        """The plan that :meth:`as_dict` wrote.

        Raises:
            InvalidInput: every problem of the data, with its path
                (``steps[2].draft.subject``).
        """
        read = Reader(data, cls)
        locale = read.locale()
        steps = read.items("steps", Step.from_dict)
        heading = read.text("if_rejected", optional=True) or UNDATED
        return read.finish(lambda: cls(steps=steps, locale=locale, if_rejected=heading))

    def as_text(self) -> str:
        """The plan as a dated checklist."""
        lines: list[str] = []
        heading: str | None = None
        for step in self.steps:
            title = (
                _capital(_french.long_date(step.on, self.locale)) if step.on else self.if_rejected
            )
            if title != heading:
                heading = title
                lines += ["", heading]
            lines.append(f"  [ ] {step.action}")
        return "\n".join(lines).lstrip("\n") + "\n"

    def to_ics(self, *, stamp: datetime | None = None) -> bytes:
        """The plan as an iCalendar file: an all-day event per step, with its text.

        Each event's description holds what to do and the text to send or say; a
        reminder rings at 8:00 on the morning of the day. ``stamp`` (the file's
        creation time, ``DTSTAMP``) defaults to now.
        """
        from icalendar import Alarm, Calendar, Event, Todo

        calendar = Calendar()
        calendar.add("prodid", "-//relance//relance//FR")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        created = (stamp or datetime.now(UTC)).astimezone(UTC)
        colon = locale_info(self.locale).typography.before_colon + ":"
        for index, step in enumerate(self.steps):
            if step.on is None:
                # A to-do without a date: what to do if the answer is no.
                todo = Todo()
                todo.add("uid", _uid(step, index))
                todo.add("dtstamp", created)
                todo.add("summary", f"{self.if_rejected}{colon} {step.action}")
                todo.add("description", _description(step, colon))
                todo.add("categories", [step.channel])
                calendar.add_component(todo)
                continue
            event = Event()
            event.add("uid", _uid(step, index))
            event.add("dtstamp", created)
            event.add("dtstart", step.on)
            event.add("dtend", step.on + timedelta(days=1))
            event.add("summary", step.action)
            event.add("description", _description(step, colon))
            event.add("transp", "TRANSPARENT")
            event.add("categories", [step.channel])
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", step.action)
            alarm.add("trigger", REMINDER)
            event.add_component(alarm)
            calendar.add_component(event)
        ical: bytes = calendar.to_ical()
        return ical


def _draft_or_script(data: object) -> Draft | Script:
    """A step's text: a script has a ``text``, an email a ``subject`` and a ``body``."""
    if isinstance(data, Mapping) and "text" in data:
        return Script.from_dict(data)
    return Draft.from_dict(data)  # type: ignore[arg-type]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _description(step: Step, colon: str) -> str:
    """What the calendar event says: how to do the step, then the text to send or say."""
    parts = [step.detail]
    if isinstance(step.draft, Draft):
        to = f"À{colon} {step.draft.to}\n" if step.draft.to else ""
        parts.append(f"{to}Objet{colon} {step.draft.subject}\n\n{step.draft.body}")
    elif isinstance(step.draft, Script):
        parts.append(step.draft.text)
    return "\n\n".join(parts)


def _uid(step: Step, index: int) -> str:
    digest = hashlib.sha256(f"{index}|{step.on}|{step.action}".encode()).hexdigest()[:24]
    return f"{digest}@relance"


def plan(
    interview: Interview,
    /,
    *,
    start: date | None = None,
    templates: Templates | str | os.PathLike[str] | None = None,
    html: bool = False,
) -> Plan:
    """Every step of the follow-up, dated on the region's business days.

    The day after the interview (the next business day), a thank-you email to each
    interviewer. A week after, and at least four business days after the last
    thank-you, a call to the hiring contact in the morning; if the voicemail answers,
    hang up and call back in the afternoon; on the second voicemail, leave the
    prepared message. The follow-up email the next business day, if the calls did not
    reach the person. Never more than two calls without a message.

    Each step's wording comes from a ``plan.*.txt`` template, so it can be
    overridden and is typeset by the region's rules like every other text.

    Args:
        interview: the interview to follow up on.
        start: the day the plan is built, when late: steps before it are dropped
            rather than crowded into one day.
        templates: a directory of template overrides, or a :class:`Templates`.
        html: also write the HTML part of each email.
    """
    if start is not None and not isinstance(start, date):
        raise InvalidInput.of("start", "type.date", example="date(2026, 12, 4)")
    if isinstance(start, datetime):
        start = start.date()
    overrides = as_templates(templates)
    notes = thank_you_notes(interview, templates=overrides, html=html)
    later = follow_up(interview, templates=overrides, html=html)
    return _plan_from(interview, notes, later, start=start, templates=overrides)


def plan_step(
    interview: Interview,
    name: str,
    *,
    on: date | None,
    channel: Channel,
    to: Contact,
    text: Draft | Script | None,
    templates: Templates | None,
) -> Step:
    """One step, worded by its ``plan.<name>.txt`` template: the first line is what to
    do, the rest how and why. The plan and :func:`relance.status` both word their steps
    here, so a step reads the same in the plan, the calendar and what is due."""
    context = {
        "locale": interview.locale,
        "words": locale_info(interview.locale).words,
        "contact": to,
        "contact_spoken": spoken_name(to),
    }
    action, _, detail = render(f"plan.{name}.txt", context, templates=templates).partition("\n\n")
    return Step(on=on, action=action, channel=channel, to=to, detail=detail, draft=text)


def _plan_from(
    interview: Interview,
    notes: Sequence[Draft],
    later: FollowUp,
    *,
    start: date | None = None,
    templates: Templates | None = None,
) -> Plan:
    """The plan around drafts already made: the interview's thank-you notes (with their
    default dates) and its follow-up, drafted with the same ``templates``.

    A caller that drafts every message of an interview (``relance batch``) passes the
    ones it has, instead of having :func:`plan` draft them a second time. The calls
    fall on :func:`~relance._follow_up.call_day` after the notes; the follow-up's email
    keeps its own day (by default the next business day).
    """
    words = locale_info(interview.locale).words

    def step(
        name: str, on: date | None, channel: Channel, to: Contact, text: Draft | Script | None
    ) -> Step:
        return plan_step(
            interview, name, on=on, channel=channel, to=to, text=text, templates=templates
        )

    steps = [
        step("thank_you", note.send_on, "email", contact, note)
        for note, contact in zip(notes, interview.interviewers, strict=True)
    ]
    # Calls first, a week after the interview and four business days after the last
    # thank-you; the email the next business day, if the calls did not reach.
    calls = call_day(interview, thanked_on=max(note.send_on for note in notes))
    email_day = later.email.send_on
    contact = interview.main_contact
    steps += [
        step("call", calls, "phone", contact, later.call),
        step("call_back", calls, "phone", contact, later.voicemail),
        step("follow_up", email_day, "email", contact, later.email),
        step("rejection_reply", None, "email", contact, None),
        step("note", None, "letter", contact, None),
    ]
    if start is not None:
        steps = [s for s in steps if s.on is None or s.on >= start]
    heading = render(
        "plan.if_rejected.txt",
        {"locale": interview.locale, "words": words},
        templates=templates,
        one_line=True,
    )
    return Plan(steps=tuple(steps), locale=interview.locale, if_rejected=heading)


def messages(
    interview: Interview,
    *,
    send_on: date | None = None,
    rejection: object = None,
    received_on: date | None = None,
    templates: Templates | None = None,
    html: bool = False,
) -> list[Output]:
    """The plan, as the catalogue lists it (``send_on`` is not used: each step has its day)."""
    return [Output("plan", plan(interview, templates=templates, html=html), "")]
