"""What happened after an interview (events), and what is due because of it (status).

``status`` is pure: the interview, the events and the day are its whole input, so a
tool that keeps its own database calls it with what it has stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from types import MappingProxyType
from typing import Any, Final, Literal, cast, get_args

from . import _cadence
from ._cadence import Calendar
from ._calendar import calendar_of
from ._draft import Draft
from ._etiquette import spoken_name
from ._events import KINDS
from ._follow_up import follow_up
from ._locales import locale_info
from ._model import Contact, Interview
from ._plan import Channel, Step, plan_step
from ._rejection import rejection_reply
from ._render import Templates, as_templates, render
from ._script import Script
from ._second_follow_up import second_follow_up
from ._thank_you import thank_you_notes
from .errors import InvalidInput, Problem

__all__ = ["KINDS", "STAGES", "Event", "Stage", "Status", "check_events", "status"]


Stage = Literal[
    "thank_you",
    "waiting",
    "follow_up",
    "second_follow_up",
    "no_answer",
    "rejected",
    "offer",
    "closed",
]

STAGES: Final[tuple[Stage, ...]] = get_args(Stage)
"""Every stage an interview's follow-up can be at."""

_ANSWERS: Final = frozenset({"answer_received", "rejection_received", "offer_received"})
_DECISIONS: Final = frozenset({"rejection_received", "offer_received", "withdrawn"})
_MAX_TEXT: Final = 200


@dataclass(frozen=True)
class Event:
    """One thing that happened after the interview, recorded by the user or their tool.

    >>> Event(date(2026, 12, 2), "thank_you_sent", to="Marie Tremblay").as_dict()
    {'on': '2026-12-02', 'kind': 'thank_you_sent', 'to': 'Marie Tremblay', 'note': None}
    >>> Event(date(2026, 12, 2), "thanked")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
      ...
    relance.errors.InvalidInput: Invalid input: kind: Unknown kind 'thanked'; use one of ...
    """

    on: date
    """The day it happened."""
    kind: str
    """What happened: one of :data:`KINDS`, such as ``"thank_you_sent"`` or
    ``"call_no_answer"`` (the voicemail answered and the candidate hung up)."""
    to: str | None = None
    """Who it concerns, when it matters: the interviewer a thank-you went to, by name
    or email address. A ``thank_you_sent`` without it thanks every interviewer."""
    note: str | None = None
    """Free text. For ``answer_received``, a date written ``2026-12-15`` in it is the
    day the employer said they would decide: nothing is due until then."""

    def __post_init__(self) -> None:
        problems: list[Problem] = []
        on = cast(object, self.on)
        if not isinstance(on, date):
            problems.append(Problem.of("on", "type.date", example="2026-12-02"))
        elif isinstance(on, datetime):
            object.__setattr__(self, "on", on.date())
        if self.kind not in KINDS:
            problems.append(
                Problem.of("kind", "event.kind_unknown", value=self.kind, kinds=list(KINDS))
            )
        for name in ("to", "note"):
            value = cast(object, getattr(self, name))
            if value is None:
                continue
            if not isinstance(value, str) or not value.strip():
                problems.append(Problem.of(name, "text.empty_or_absent"))
            elif len(value) > _MAX_TEXT:
                problems.append(
                    Problem.of(name, "text.too_long", length=len(value), max_length=_MAX_TEXT)
                )
            elif any(ord(c) < 32 or c == "\x7f" for c in value):
                problems.append(Problem.of(name, "text.one_line"))
            else:
                object.__setattr__(self, name, " ".join(value.split()))
        if problems:
            raise InvalidInput(problems)

    def as_dict(self) -> dict[str, Any]:
        """The event as JSON-safe data."""
        return {"on": self.on.isoformat(), "kind": self.kind, "to": self.to, "note": self.note}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Event:
        """An event from plain data, as :meth:`as_dict` writes it (``on`` in ISO 8601)."""
        if not isinstance(data, Mapping):
            raise InvalidInput.of("", "type.table")
        unknown = sorted(set(data) - {"on", "kind", "to", "note"})
        if unknown:
            raise InvalidInput.of(unknown[0], "field.unknown", fields=["on", "kind", "to", "note"])
        raw = data.get("on")
        on: object = raw
        if isinstance(raw, str):
            try:
                on = date.fromisoformat(raw)
            except ValueError:
                raise InvalidInput.of("on", "date.invalid", value=raw) from None
        return cls(
            on=cast(date, on), kind=data.get("kind", ""), to=data.get("to"), note=data.get("note")
        )


@dataclass(frozen=True)
class Status:
    """Where the follow-up of one interview stands on one day, and what is due."""

    stage: Stage
    """One of :data:`STAGES`: ``"thank_you"`` while thank-you notes remain to send,
    ``"waiting"`` when nothing is due yet, ``"follow_up"``, ``"second_follow_up"``,
    ``"no_answer"`` after two follow-ups and a week of silence, ``"rejected"`` while the
    reply to a rejection and the note remain to send, ``"offer"``, ``"closed"``."""
    due: tuple[Step, ...]
    """The steps due on or before the day, each with its draft or script ready, dated
    the day they fell due (never before the last event)."""
    next_on: date | None
    """The next day something falls due or the stage changes; ``None`` when nothing
    more is planned."""
    message: str
    """Where things stand, in one or two French sentences for the candidate."""
    notes: tuple[str, ...] = ()
    """What the status chose not to ask for, and why, in French: a thank-you dropped
    because it is more than five business days late."""
    today: date | None = None
    """The day the status was computed for."""

    def as_dict(self) -> dict[str, Any]:
        """The status as JSON-safe data."""
        return {
            "today": self.today.isoformat() if self.today else None,
            "stage": self.stage,
            "due": [step.as_dict() for step in self.due],
            "next_on": self.next_on.isoformat() if self.next_on else None,
            "message": self.message,
            "notes": list(self.notes),
        }


def _same_person(name: str, contact: Contact) -> bool:
    wanted = " ".join(name.split()).casefold()
    return wanted in {contact.name.casefold(), (contact.email or "").casefold()}


def interviewer_index(interview: Interview, to: str) -> int | None:
    """Which interviewer ``to`` names (by name or email, case aside), if any."""
    for index, contact in enumerate(interview.interviewers):
        if _same_person(to, contact):
            return index
    return None


def check_events(
    interview: Interview, events: Sequence[Event], /, *, today: date | None = None
) -> None:
    """Raise :class:`InvalidInput` for events that cannot be: before the interview, a
    thank-you to someone who did not interview the candidate, or (with ``today``) a
    day in the future. Each problem names ``events[i]`` and its field."""
    problems: list[Problem] = []
    held = interview.held_on
    for index, event in enumerate(events):
        if not isinstance(cast(object, event), Event):
            problems.append(Problem.of(f"events[{index}]", "type.event"))
            continue
        where = f"events[{index}]"
        if event.on < held:
            problems.append(
                Problem.of(
                    f"{where}.on",
                    "date.before_interview",
                    day=event.on.isoformat(),
                    held=held.isoformat(),
                )
            )
        if today is not None and event.on > today:
            problems.append(
                Problem.of(
                    f"{where}.on",
                    "event.in_future",
                    day=event.on.isoformat(),
                    today=today.isoformat(),
                )
            )
        if (
            event.kind == "thank_you_sent"
            and event.to is not None
            and interviewer_index(interview, event.to) is None
        ):
            problems.append(
                Problem.of(
                    f"{where}.to",
                    "event.not_an_interviewer",
                    name=event.to,
                    interviewers=[contact.name for contact in interview.interviewers],
                )
            )
    if problems:
        raise InvalidInput(problems)


@dataclass(frozen=True)
class _Planned:
    """A step to build if it turns out due: when, and how to build it."""

    on: date
    what: str
    index: int = 0


class _Composer:
    """Builds each due step with its text, dated for sending on ``max(on, today)``."""

    def __init__(self, interview: Interview, today: date, templates: Templates | None) -> None:
        self.interview = interview
        self.today = today
        self.templates = templates
        self.contact = interview.main_contact
        self.name = spoken_name(self.contact)
        # Drafts by (what, send day): the notes of several interviewers, or the call and
        # the voicemail of one follow-up, come from one drafting, not one each.
        self._drafted: dict[tuple[str, date], Any] = {}

    def drafted(self, what: str, send: date, draft: Callable[[], Any]) -> Any:
        """``draft()``, once per ``what`` and send day."""
        key = (what, send)
        if key not in self._drafted:
            self._drafted[key] = draft()
        return self._drafted[key]

    def say(self, said: Said) -> str:
        """A sentence of the status, worded by ``status.txt`` in the region's typography."""
        message, day, person = said
        context = {
            "locale": self.interview.locale,
            "words": locale_info(self.interview.locale).words,
            "message": message,
            "day": day,
            "person": person,
        }
        return render("status.txt", context, templates=self.templates, one_line=True)

    def build(self, planned: _Planned, rejection_on: date | None) -> Step:
        """The step, worded as the plan words it (``plan.*.txt``), with its text dated
        for sending on the later of its day and today."""
        interview, contact = self.interview, self.contact
        send = max(planned.on, self.today)
        what, templates = planned.what, self.templates
        text: Draft | Script
        to = contact
        channel: Channel = "email"
        if what == "thank_you":
            to = interview.interviewers[planned.index]
            notes = self.drafted(
                "thank_you",
                send,
                lambda: thank_you_notes(interview, send_on=send, templates=templates),
            )
            text = notes[planned.index]
        elif what in ("call", "call_back", "follow_up"):
            later = self.drafted(
                "follow_up", send, lambda: follow_up(interview, send_on=send, templates=templates)
            )
            if what == "follow_up":
                text = later.email
            else:
                channel = "phone"
                text = later.call if what == "call" else later.voicemail
        elif what == "second_follow_up":
            text = second_follow_up(interview, send_on=send, templates=templates)
        else:
            reply = self.drafted(
                "rejection",
                send,
                lambda: rejection_reply(
                    interview, received_on=rejection_on, send_on=send, templates=templates
                ),
            )
            if what == "rejection_reply":
                text = reply.email
            else:
                channel, text = "letter", reply.note
        return plan_step(
            interview, what, on=planned.on, channel=channel, to=to, text=text, templates=templates
        )


def status(
    interview: Interview,
    events: Iterable[Event],
    /,
    *,
    today: date,
    templates: Templates | str | None = None,
) -> Status:
    """Where the follow-up of ``interview`` stands on ``today``, given what happened.

    The cadence of the seed article (docs/journal.md): a thank-you to each
    interviewer the next business day; the follow-up a week after the interview and
    four business days after the last thank-you, by phone first (a call in the
    morning, a call-back in the afternoon, the prepared voicemail on the second), then
    by email the next business day when the calls did not reach the person; a second,
    last follow-up a week later; a week of silence after it is « no answer ». An
    answer stops the calls and pauses everything; a rejection makes the reply and the
    handwritten note due; an offer or a withdrawal closes the follow-up.

    Events after ``today`` are not counted: the status is the one of that day.

    Raises:
        InvalidInput: an event is before the interview, or thanks someone who did not
            interview the candidate (``events[i].on``, ``events[i].to``).
    """
    if not isinstance(today, date):
        raise InvalidInput.of("today", "type.date", example="date(2026, 12, 8)")
    if isinstance(today, datetime):
        today = today.date()
    given = list(events)
    check_events(interview, given)
    happened = sorted((e for e in given if e.on <= today), key=lambda e: e.on)
    calendar = calendar_of(interview)
    composer = _Composer(interview, today, as_templates(templates))
    last = happened[-1].on if happened else interview.held_on
    outcome = _plan(interview, happened, today, calendar, composer)
    rejection = next((e.on for e in reversed(happened) if e.kind == "rejection_received"), None)
    due = tuple(
        composer.build(_Planned(max(p.on, last), p.what, p.index), rejection)
        for p in outcome.steps
        if p.on <= today
    )
    later = [p.on for p in outcome.steps if p.on > today]
    later += [outcome.next_on] if outcome.next_on else []
    return Status(
        stage=outcome.stage,
        due=due,
        next_on=min(later, default=None),
        message=composer.say(outcome.message),
        notes=tuple(composer.say(note) for note in outcome.notes),
        today=today,
    )


def _first(events: Sequence[Event], *kinds: str) -> date | None:
    return next((e.on for e in events if e.kind in kinds), None)


@dataclass
class _Outcome:
    """What the rules found: the steps still to do (due or not), the stage, the next
    day the stage changes, the message and the notes."""

    steps: list[_Planned]
    stage: Stage
    message: Said
    next_on: date | None = None
    notes: tuple[Said, ...] = ()


Said = tuple[str, date | None, str | None]
"""A sentence of the status, to word with ``status.txt``: which one, its day, its person."""


def _decided(decision: Event, events: Sequence[Event], calendar: Calendar) -> _Outcome:
    """After a decision: a withdrawal or an offer closes; a rejection makes the reply
    and the handwritten note due the next business day."""
    if decision.kind == "withdrawn":
        return _Outcome([], "closed", ("withdrawn", None, None))
    if decision.kind == "offer_received":
        return _Outcome([], "offer", ("offer", None, None))
    after = {e.kind for e in events if e.on >= decision.on}
    reply_on = _cadence.rejection_reply_on(decision.on, calendar)
    steps = [
        _Planned(reply_on, what)
        for what, done in (("rejection_reply", "rejection_reply_sent"), ("note", "note_sent"))
        if done not in after
    ]
    if not steps:
        return _Outcome([], "closed", ("closed", None, None))
    return _Outcome(steps, "rejected", ("rejected", None, None))


def _thank_yous(
    interview: Interview, events: Sequence[Event], today: date, calendar: Calendar
) -> tuple[list[int], date, tuple[Said, ...]]:
    """The interviewers still to thank, the day of the last thank-you (today while some
    remain), and a note for each one dropped as too late."""
    thanked: dict[int, date] = {}
    for event in events:
        if event.kind != "thank_you_sent":
            continue
        if event.to is None:
            targets: Iterable[int] = range(len(interview.interviewers))
        else:
            found = interviewer_index(interview, event.to)
            targets = () if found is None else (found,)
        for index in targets:
            thanked.setdefault(index, event.on)
    thank_on = _cadence.thank_you_on(interview.held_on, calendar)
    pending = [i for i in range(len(interview.interviewers)) if i not in thanked]
    notes: tuple[Said, ...] = ()
    if pending and _cadence.is_too_late(thank_on, today, calendar):
        notes = tuple(
            ("dropped", None, spoken_name(interview.interviewers[index])) for index in pending
        )
        pending = []
    last = max(thanked.values(), default=thank_on)
    return pending, max(last, today) if pending else last, notes


def _plan(
    interview: Interview,
    events: Sequence[Event],
    today: date,
    calendar: Calendar,
    composer: _Composer,
) -> _Outcome:
    """Every rule of the cadence, applied to the events of one interview."""
    decision = next((e for e in reversed(events) if e.kind in _DECISIONS), None)
    if decision is not None:
        return _decided(decision, events, calendar)
    answer = next((e for e in reversed(events) if e.kind == "answer_received"), None)
    resume = _cadence.resume_on(answer.on, answer.note, calendar) if answer else None
    pending, last_thanks, notes = _thank_yous(interview, events, today, calendar)
    thank_on = _cadence.thank_you_on(interview.held_on, calendar)
    outcome = _follow_ups(
        interview, events, today, calendar, composer, resume=resume, last_thanks=last_thanks
    )
    outcome.notes = notes
    if pending:
        outcome.steps[:0] = [_Planned(thank_on, "thank_you", index) for index in pending]
        outcome.stage, outcome.message = "thank_you", ("thank_you", None, None)
    if resume is not None and today < resume:
        # An answer that is not a decision: nothing is due until the day it gave.
        outcome.steps = [_Planned(max(p.on, resume), p.what, p.index) for p in outcome.steps]
        outcome.stage = "waiting"
        outcome.message = ("answered", resume, None)
        outcome.next_on = resume
    return outcome


def _follow_ups(
    interview: Interview,
    events: Sequence[Event],
    today: date,
    calendar: Calendar,
    composer: _Composer,
    *,
    resume: date | None,
    last_thanks: date,
) -> _Outcome:
    """The follow-up, the second one, and the silence after them."""
    name = composer.name
    first = _first(events, "follow_up_sent", "call_reached")
    second = _first(events, "second_follow_up_sent")
    if second is not None:
        silent = _cadence.no_answer_on(second, calendar)
        silent = max(silent, resume) if resume else silent
        if today >= silent:
            return _Outcome([], "no_answer", ("no_answer", None, None))
        return _Outcome([], "waiting", ("last_sent", silent, None), next_on=silent)
    if first is not None:
        again = _cadence.second_follow_up_on(first, calendar)
        again = max(again, resume) if resume else again
        if today >= again:
            message: Said = ("second_due", None, name)
            return _Outcome([_Planned(again, "second_follow_up")], "second_follow_up", message)
        message = ("second_planned", again, None)
        return _Outcome([_Planned(again, "second_follow_up")], "waiting", message)
    due_on = _cadence.follow_up_on(interview.held_on, last_thanks, calendar)
    if resume is not None:
        # An answer stops the calls: the follow-up, if still needed, is an email.
        due_on = max(due_on, resume)
        steps = [_Planned(due_on, "follow_up")]
    else:
        steps = _calls(events, due_on, calendar)
    if today >= due_on:
        return _Outcome(steps, "follow_up", ("follow_up_due", None, name))
    return _Outcome(steps, "waiting", ("follow_up_planned", due_on, None))


def _calls(events: Sequence[Event], due_on: date, calendar: Calendar) -> list[_Planned]:
    """The follow-up by phone first: a call in the morning; after a call that met the
    voicemail, a call-back in the afternoon with the prepared message; the email the
    next business day when the calls did not reach the person. Never a third call."""
    no_answer = [e.on for e in events if e.kind == "call_no_answer"]
    voicemail = [e.on for e in events if e.kind == "voicemail_left"]
    if voicemail or len(no_answer) >= 2:
        last_call = max([*no_answer, *voicemail])
        return [_Planned(_cadence.follow_up_email_on(last_call, calendar), "follow_up")]
    if no_answer:
        return [
            _Planned(_cadence.call_back_on(no_answer[0]), "call_back"),
            _Planned(_cadence.follow_up_email_on(no_answer[0], calendar), "follow_up"),
        ]
    return [
        _Planned(due_on, "call"),
        _Planned(_cadence.follow_up_email_on(due_on, calendar), "follow_up"),
    ]


SENT_EVENTS: Mapping[str, str] = MappingProxyType(
    {
        "thank_you": "thank_you_sent",
        "follow_up": "follow_up_sent",
        "second_follow_up": "second_follow_up_sent",
        "rejection_reply": "rejection_reply_sent",
    }
)
"""The event that records a draft of each kind as sent."""


def sent_event(draft: Draft, *, on: date, note: str | None = None) -> Event | None:
    """The event that records ``draft`` as sent on ``on`` (None for a kind without one):
    a thank-you names the interviewer thanked."""
    from email.utils import parseaddr

    kind = SENT_EVENTS.get(draft.kind)
    if kind is None:
        return None
    to = parseaddr(draft.to)[0] or None if draft.kind == "thank_you" else None
    return Event(on, kind, to=to, note=note)
