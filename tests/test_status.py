"""The cadence: what is due, for every rule of issue 14, over histories of events."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relance import Draft, Event, InvalidInput, Script, Status, status
from relance._cadence import business_days_between, follow_up_on, resume_on, thank_you_on
from relance._samples import example_interview
from relance._status import KINDS, STAGES

# Tuesday 1 December 2026, in Quebec; Marie Tremblay (the hiring contact) and
# Dominique Bélanger interviewed the candidate.
INTERVIEW = example_interview()
D = date


def ev(on: date, kind: str, to: str | None = None, note: str | None = None) -> Event:
    return Event(on, kind, to=to, note=note)


THANKED = [ev(D(2026, 12, 2), "thank_you_sent")]
FOLLOWED = [*THANKED, ev(D(2026, 12, 8), "follow_up_sent")]
SECOND = [*FOLLOWED, ev(D(2026, 12, 15), "second_follow_up_sent")]


def summary(state: Status) -> tuple[str, list[tuple[date, str]], date | None]:
    """The stage, each due step as (day, what its text is), and the next day."""
    steps = []
    for step in state.due:
        assert step.draft is not None
        steps.append((step.on, step.draft.kind))
    return state.stage, steps, state.next_on


CASES = [
    # The day of the interview: the notes are for tomorrow.
    ("interview day", [], D(2026, 12, 1), ("thank_you", [], D(2026, 12, 2))),
    (
        "one note per interviewer, the next business day",
        [],
        D(2026, 12, 2),
        (
            "thank_you",
            [(D(2026, 12, 2), "thank_you"), (D(2026, 12, 2), "thank_you")],
            D(2026, 12, 8),
        ),
    ),
    (
        "each note is done by its own event",
        [ev(D(2026, 12, 2), "thank_you_sent", to="Marie Tremblay")],
        # The other note may go today: the follow-up waits four business days after.
        D(2026, 12, 3),
        ("thank_you", [(D(2026, 12, 2), "thank_you")], D(2026, 12, 9)),
    ),
    (
        "a note to an address counts for its person",
        [
            ev(D(2026, 12, 2), "thank_you_sent", to="MARIE.TREMBLAY@example.com"),
            ev(D(2026, 12, 2), "thank_you_sent", to="dominique bélanger"),
        ],
        D(2026, 12, 3),
        ("waiting", [], D(2026, 12, 8)),
    ),
    (
        "a step due before the last event is dated that event's day",
        [ev(D(2026, 12, 4), "thank_you_sent", to="Marie Tremblay")],
        D(2026, 12, 4),
        ("thank_you", [(D(2026, 12, 4), "thank_you")], D(2026, 12, 10)),
    ),
    (
        "five business days late is still due",
        [],
        D(2026, 12, 9),
        (
            "thank_you",
            [(D(2026, 12, 2), "thank_you"), (D(2026, 12, 2), "thank_you")],
            D(2026, 12, 15),
        ),
    ),
    (
        "more than five business days late is dropped, the follow-up goes ahead",
        [],
        D(2026, 12, 10),
        ("follow_up", [(D(2026, 12, 8), "call"), (D(2026, 12, 9), "follow_up")], None),
    ),
    (
        "the follow-up a week after, calls first",
        THANKED,
        D(2026, 12, 8),
        ("follow_up", [(D(2026, 12, 8), "call")], D(2026, 12, 9)),
    ),
    (
        "a late thank-you pushes the follow-up four business days after it",
        [ev(D(2026, 12, 4), "thank_you_sent")],
        D(2026, 12, 8),
        ("waiting", [], D(2026, 12, 10)),
    ),
    (
        "the voicemail answered: call back the same afternoon, the message ready",
        [*THANKED, ev(D(2026, 12, 8), "call_no_answer")],
        D(2026, 12, 8),
        ("follow_up", [(D(2026, 12, 8), "voicemail")], D(2026, 12, 9)),
    ),
    (
        "the call-back not logged: the email the next business day too",
        [*THANKED, ev(D(2026, 12, 8), "call_no_answer")],
        D(2026, 12, 9),
        ("follow_up", [(D(2026, 12, 8), "voicemail"), (D(2026, 12, 9), "follow_up")], None),
    ),
    (
        "the message left: the email the next business day, no more calls",
        [*THANKED, ev(D(2026, 12, 8), "call_no_answer"), ev(D(2026, 12, 8), "voicemail_left")],
        D(2026, 12, 8),
        ("follow_up", [], D(2026, 12, 9)),
    ),
    (
        "two calls without a message: never a third one, the email instead",
        [*THANKED, ev(D(2026, 12, 8), "call_no_answer"), ev(D(2026, 12, 8), "call_no_answer")],
        D(2026, 12, 9),
        ("follow_up", [(D(2026, 12, 9), "follow_up")], None),
    ),
    (
        "the person reached by phone: that was the follow-up",
        [*THANKED, ev(D(2026, 12, 8), "call_reached")],
        D(2026, 12, 9),
        ("waiting", [], D(2026, 12, 15)),
    ),
    (
        "the second follow-up a week after the first",
        FOLLOWED,
        D(2026, 12, 15),
        ("second_follow_up", [(D(2026, 12, 15), "second_follow_up")], None),
    ),
    (
        "a week of silence after the second: no answer",
        SECOND,
        D(2026, 12, 22),
        ("no_answer", [], None),
    ),
    ("before that week ends: waiting", SECOND, D(2026, 12, 21), ("waiting", [], D(2026, 12, 22))),
    (
        "an answer with a date: nothing due until then, then an email, no call",
        [*THANKED, ev(D(2026, 12, 4), "answer_received", note="Décision le 2026-12-17")],
        D(2026, 12, 16),
        ("waiting", [], D(2026, 12, 17)),
    ),
    (
        "the date the employer gave has come",
        [*THANKED, ev(D(2026, 12, 4), "answer_received", note="Décision le 2026-12-17")],
        D(2026, 12, 17),
        ("follow_up", [(D(2026, 12, 17), "follow_up")], None),
    ),
    (
        "an answer without a date pauses a week",
        [*THANKED, ev(D(2026, 12, 8), "answer_received", note="On vous revient bientôt")],
        D(2026, 12, 14),
        ("waiting", [], D(2026, 12, 15)),
    ),
    (
        "an answer also pauses the thank-you notes",
        [ev(D(2026, 12, 2), "answer_received")],
        D(2026, 12, 3),
        ("waiting", [], D(2026, 12, 9)),
    ),
    (
        "a rejection: the reply and the note the next business day",
        [*THANKED, ev(D(2026, 12, 4), "rejection_received")],
        D(2026, 12, 7),
        ("rejected", [(D(2026, 12, 7), "rejection_reply"), (D(2026, 12, 7), "note")], None),
    ),
    (
        "a rejection on the day it comes: nothing due yet",
        [*THANKED, ev(D(2026, 12, 4), "rejection_received")],
        D(2026, 12, 4),
        ("rejected", [], D(2026, 12, 7)),
    ),
    (
        "the reply sent, the note still to write",
        [
            *THANKED,
            ev(D(2026, 12, 4), "rejection_received"),
            ev(D(2026, 12, 7), "rejection_reply_sent"),
        ],
        D(2026, 12, 8),
        ("rejected", [(D(2026, 12, 7), "note")], None),
    ),
    (
        "both sent: closed",
        [
            *THANKED,
            ev(D(2026, 12, 4), "rejection_received"),
            ev(D(2026, 12, 7), "rejection_reply_sent"),
            ev(D(2026, 12, 8), "note_sent"),
        ],
        D(2026, 12, 9),
        ("closed", [], None),
    ),
    (
        "an offer stops everything",
        [ev(D(2026, 12, 3), "offer_received")],
        D(2026, 12, 20),
        ("offer", [], None),
    ),
    ("withdrawn", [ev(D(2026, 12, 3), "withdrawn")], D(2026, 12, 20), ("closed", [], None)),
    (
        "events after today do not count",
        [*THANKED, ev(D(2026, 12, 9), "offer_received")],
        D(2026, 12, 8),
        ("follow_up", [(D(2026, 12, 8), "call")], D(2026, 12, 9)),
    ),
]


@pytest.mark.parametrize(
    ("history", "today", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_status_over_histories(
    history: list[Event], today: date, expected: tuple[str, list[tuple[date, str]], date | None]
) -> None:
    assert summary(status(INTERVIEW, history, today=today)) == expected


def test_the_texts_are_ready_and_dated_for_today() -> None:
    state = status(INTERVIEW, [], today=D(2026, 12, 4))
    first, second = state.due
    assert isinstance(first.draft, Draft)
    assert first.draft.send_on == D(2026, 12, 4)
    assert first.draft.subject == (
        "Merci pour l’entrevue du mardi 1er décembre – poste d’analyste de données"
    )
    assert (first.action, second.action) == (
        "Envoyer le mot de remerciement à madame Tremblay",
        "Envoyer le mot de remerciement à Dominique Bélanger",
    )
    assert state.message == "Un mot de remerciement à chaque personne rencontrée, dès que possible."
    calls = status(INTERVIEW, THANKED, today=D(2026, 12, 8))
    assert isinstance(calls.due[0].draft, Script)
    assert calls.due[0].action == "Appeler madame Tremblay en matinée"
    assert (
        calls.message == "Une semaine a passé\u00a0: c’est le moment de relancer madame Tremblay."
    )


def test_dropped_notes_are_said_in_the_status() -> None:
    state = status(
        INTERVIEW,
        [ev(D(2026, 12, 2), "thank_you_sent", to="Marie Tremblay")],
        today=D(2026, 12, 10),
    )
    assert state.notes == (
        (
            "Mot de remerciement à Dominique Bélanger abandonné\u00a0: plus de cinq jours "
            "ouvrables de retard."
        ),
    )


def test_no_answer_is_said_kindly() -> None:
    state = status(INTERVIEW, SECOND, today=D(2027, 1, 4))
    assert state.message == (
        "Pas de réponse après deux relances\u00a0: rien de plus n’est prévu. Ce silence ne dit "
        "rien de votre valeur, et ce contact pourra compter plus tard."
    )
    assert state.as_dict() == {
        "today": "2027-01-04",
        "stage": "no_answer",
        "due": [],
        "next_on": None,
        "message": state.message,
        "notes": [],
    }


# Each region's holidays move the thank-you and the follow-up: (locale, interview day,
# the thank-you day, the follow-up day) with the holiday in between.
REGIONS = [
    # 24 June (Fête nationale) and 1 July (Canada Day): four business days after the
    # 25th is 2 July, later than the week (30 June).
    ("fr_CA", D(2026, 6, 23), D(2026, 6, 25), D(2026, 7, 2)),
    # 14 July: the notes on the 15th, the follow-up on the 21st, not the 20th.
    ("fr_FR", D(2026, 7, 13), D(2026, 7, 15), D(2026, 7, 21)),
    # 21 July, Belgium's national day.
    ("fr_BE", D(2026, 7, 20), D(2026, 7, 22), D(2026, 7, 28)),
    # Ascension Day, 14 May 2026, a federal holiday in Switzerland.
    ("fr_CH", D(2026, 5, 13), D(2026, 5, 15), D(2026, 5, 21)),
]


@pytest.mark.parametrize(("locale", "held", "thanks", "follow"), REGIONS)
def test_each_regions_holidays(locale: str, held: date, thanks: date, follow: date) -> None:
    interview = replace(INTERVIEW, locale=locale, held_at=held)
    state = status(interview, [], today=thanks - timedelta(days=1))
    assert (state.stage, state.due, state.next_on) == ("thank_you", (), thanks)
    sent = [ev(thanks, "thank_you_sent")]
    waiting = status(interview, sent, today=thanks)
    assert (waiting.stage, waiting.next_on) == ("waiting", follow)
    due = status(interview, sent, today=follow)
    assert summary(due) == ("follow_up", [(follow, "call")], follow + timedelta(days=1))
    assert due.due[0].draft is not None


def test_cadence_rules() -> None:
    quebec = ("CA", "QC")
    assert thank_you_on(D(2026, 12, 4), quebec) == D(2026, 12, 7)  # Friday, then Monday
    # An ordinary week gives four business days after a next-day thank-you.
    assert business_days_between(D(2026, 12, 2), D(2026, 12, 8), quebec) == 4
    assert follow_up_on(D(2026, 12, 1), D(2026, 12, 2), quebec) == D(2026, 12, 8)
    assert follow_up_on(D(2026, 12, 1), D(2026, 12, 7), quebec) == D(2026, 12, 11)
    # Christmas and Boxing Day are skipped; the given date wins when later.
    assert resume_on(D(2026, 12, 18), None, quebec) == D(2026, 12, 28)
    assert resume_on(D(2026, 12, 18), "le 2027-01-06", quebec) == D(2027, 1, 6)
    assert resume_on(D(2026, 12, 18), "le 2026-12-01", quebec) == D(2026, 12, 28)
    assert resume_on(D(2026, 12, 18), "le 2026-13-45", quebec) == D(2026, 12, 28)


@pytest.mark.parametrize(
    ("events", "problems"),
    [
        (
            [ev(D(2026, 11, 30), "call_reached")],
            ["events[0].on: 2026-11-30 is before the interview (2026-12-01)."],
        ),
        (
            [*THANKED, ev(D(2026, 12, 2), "thank_you_sent", to="Jean Dupont")],
            [
                (
                    "events[1].to: 'Jean Dupont' did not interview the candidate; the "
                    "interviewers are Marie Tremblay, Dominique Bélanger."
                )
            ],
        ),
    ],
)
def test_impossible_events_are_refused(events: list[Event], problems: list[str]) -> None:
    with pytest.raises(InvalidInput) as caught:
        status(INTERVIEW, events, today=D(2026, 12, 20))
    assert [str(p) for p in caught.value.problems] == problems


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({"on": "2026-12-02", "kind": "merci"}, "kind: Unknown kind 'merci'; use one of "),
        ({"on": "2 déc.", "kind": "note_sent"}, "on: '2 déc.' is not a date like 2026-12-02."),
        ({"on": "2026-12-02", "kind": "note_sent", "when": 1}, "when: Unknown field; "),
        ({"on": "2026-12-02", "kind": "note_sent", "to": " "}, "to: Expected some text"),
        ({"on": "2026-12-02", "kind": "note_sent", "note": "a\nb"}, "note: Write it on one"),
        ({"kind": "note_sent"}, "on: Expected a date, such as 2026-12-02."),
    ],
)
def test_event_from_bad_data(data: dict[str, object], problem: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        Event.from_dict(data)
    assert str(caught.value.problems[0]).startswith(problem)


def test_event_round_trip() -> None:
    event = ev(D(2026, 12, 9), "answer_received", note="  Décision   le 2026-12-17 ")
    assert event.note == "Décision le 2026-12-17"
    assert Event.from_dict(event.as_dict()) == event


# Any history: its events, on days after the interview, each with a kind and, for a
# thank-you, one interviewer or none (all of them).
NAMES = [None, "Marie Tremblay", "Dominique Bélanger"]
HISTORY = st.lists(
    st.tuples(st.integers(0, 30), st.sampled_from(KINDS), st.sampled_from(NAMES)),
    max_size=8,
)
ANSWERS = {"answer_received", "rejection_received", "offer_received"}


@settings(max_examples=60, deadline=None)
@given(history=HISTORY, days=st.integers(0, 45))
def test_any_history(history: list[tuple[int, str, str | None]], days: int) -> None:
    held = INTERVIEW.held_on
    today = held + timedelta(days=days)
    events = [
        ev(held + timedelta(days=offset), kind, to if kind == "thank_you_sent" else None)
        for offset, kind, to in history
    ]
    state = status(INTERVIEW, events, today=today)
    assert state.stage in STAGES
    happened = [e for e in events if e.on <= today]
    last = max((e.on for e in happened), default=held)
    kinds = {e.kind for e in happened}
    for step in state.due:
        assert step.on is not None
        assert last <= step.on <= today  # never in the past of the last event
        assert step.draft is not None
    done = {step.draft.kind for step in state.due if step.draft is not None}
    # Never a step already done.
    if kinds & {"follow_up_sent", "call_reached"}:
        assert not done & {"call", "voicemail", "follow_up"}
    if "second_follow_up_sent" in kinds:
        assert "second_follow_up" not in done
    thanked = {e.to for e in happened if e.kind == "thank_you_sent"}
    for step in state.due:
        if step.draft is not None and step.draft.kind == "thank_you":
            assert step.to is not None
            assert None not in thanked
            assert step.to.name not in thanked
    # An answer always stops the calls; never a third call without the message.
    calls = [step for step in state.due if step.channel == "phone"]
    if kinds & ANSWERS:
        assert calls == []
    if "voicemail_left" in kinds or sum(e.kind == "call_no_answer" for e in happened) >= 2:
        assert calls == []
    if state.stage in ("no_answer", "offer", "closed"):
        assert state.due == ()
    if state.next_on is not None:
        assert state.next_on > today
