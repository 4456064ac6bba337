"""The follow-up plan: dated steps, the calendar file, and the region's business days."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest
import vobject
from hypothesis import given, settings
from hypothesis import strategies as st

from relance import Draft, InvalidInput, Plan, Script, Step, follow_up, plan, thank_you_notes
from relance._calendar import _holidays, is_business_day

from scenarios import SCENARIOS

EVERY_FIELD = SCENARIOS[0].interview
STAMP = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def test_the_steps_of_the_example_in_order() -> None:
    steps = plan(EVERY_FIELD).steps
    assert [(s.on, s.channel, s.action) for s in steps] == [
        (date(2026, 12, 2), "email", "Envoyer le mot de remerciement à madame Tremblay"),
        (date(2026, 12, 2), "email", "Envoyer le mot de remerciement à Dominique Bélanger"),
        (date(2026, 12, 2), "email", "Envoyer le mot de remerciement à monsieur Le Gardeur"),
        (date(2026, 12, 8), "phone", "Appeler madame Tremblay en matinée"),
        (
            date(2026, 12, 8),
            "phone",
            "Rappeler madame Tremblay en après-midi si le premier appel n’a pas abouti",
        ),
        (
            date(2026, 12, 9),
            "email",
            "Envoyer le courriel de suivi à madame Tremblay si les appels n’ont pas abouti",
        ),
        (None, "email", "Répondre à madame Tremblay pour demander des commentaires"),
        (None, "letter", "Écrire à la main un mot de remerciement à madame Tremblay"),
    ]
    notes = thank_you_notes(EVERY_FIELD)
    later = follow_up(EVERY_FIELD)
    drafts = [*notes, later.call, later.voicemail, later.email, None, None]
    assert [s.draft for s in steps] == drafts
    assert [s.to for s in steps] == [*EVERY_FIELD.interviewers, *[EVERY_FIELD.hiring_contact] * 5]


def test_the_rejection_steps_point_to_the_reply_and_the_note() -> None:
    reply, note = plan(EVERY_FIELD).steps[-2:]
    assert "demandez des commentaires sur votre candidature et le type de profil retenu" in (
        reply.detail
    )
    assert "Un mot de remerciement écrit à la main" in note.detail
    assert "votre contact travaillera peut-être un jour ailleurs" in note.detail


def test_the_advice_of_the_article_is_in_the_steps() -> None:
    first_call, second_call, _ = plan(EVERY_FIELD).steps[3:6]
    assert "un appel est plus personnel qu’un courriel" in first_call.detail
    assert "raccrochez sans laisser de message et rappelez en après-midi" in first_call.detail
    assert "laissez le message préparé" in second_call.detail
    assert "enregistrent les appels manqués" in second_call.detail


def test_never_more_than_two_calls_without_a_message() -> None:
    calls = [s for s in plan(EVERY_FIELD) if s.channel == "phone"]
    assert len(calls) == 2
    assert isinstance(calls[0].draft, Script)
    assert calls[0].draft.kind == "call"
    assert isinstance(calls[1].draft, Script)
    assert calls[1].draft.kind == "voicemail"


@pytest.mark.parametrize(
    ("start", "kept"),
    [
        (None, 8),
        (date(2026, 11, 30), 8),
        (date(2026, 12, 2), 8),
        (date(2026, 12, 3), 5),
        (date(2026, 12, 8), 5),
        (date(2026, 12, 9), 3),
        (date(2026, 12, 10), 2),
        (datetime(2026, 12, 5, 10, 0), 5),
    ],
)
def test_a_late_plan_drops_the_steps_already_past(start: date | None, kept: int) -> None:
    steps = plan(EVERY_FIELD, start=start).steps
    assert len(steps) == kept
    full = plan(EVERY_FIELD).steps
    assert steps == full[len(full) - kept :]
    if start is not None:
        day = start.date() if isinstance(start, datetime) else start
        assert all(step.on is None or step.on >= day for step in steps)


def test_start_must_be_a_date() -> None:
    with pytest.raises(InvalidInput, match="start: Expected a date"):
        plan(EVERY_FIELD, start="2026-12-03")  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(held=st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 31)))
def test_every_step_falls_on_a_business_day_in_order(held: date) -> None:
    steps = plan(replace(EVERY_FIELD, held_at=held)).steps
    dated = [step.on for step in steps if step.on is not None]
    assert all(is_business_day(day, "CA", "QC") for day in dated)
    assert dated == sorted(dated)
    assert [step.on is None for step in steps] == [False] * 6 + [True] * 2
    assert held < dated[0]
    assert dated[3] >= held + timedelta(days=7)
    kinds = [
        step.draft.kind if isinstance(step.draft, Draft | Script) else step.channel
        for step in steps
    ]
    assert kinds == ["thank_you"] * 3 + ["call", "voicemail", "follow_up", "email", "letter"]


def test_the_region_calendar_is_built_once() -> None:
    plan(EVERY_FIELD)
    before = _holidays.cache_info()
    for _ in range(5):
        plan(EVERY_FIELD)
    after = _holidays.cache_info()
    assert after.misses == before.misses
    assert after.hits > before.hits


def test_plan_as_text_is_a_dated_checklist() -> None:
    assert plan(EVERY_FIELD).as_text().splitlines()[:2] == [
        "Mercredi 2 décembre 2026",
        "  [ ] Envoyer le mot de remerciement à madame Tremblay",
    ]


def test_plan_as_text_ends_with_the_undated_steps() -> None:
    assert plan(EVERY_FIELD).as_text().splitlines()[-3:] == [
        "Si la réponse est négative",
        "  [ ] Répondre à madame Tremblay pour demander des commentaires",
        "  [ ] Écrire à la main un mot de remerciement à madame Tremblay",
    ]


def test_plan_as_dict_is_json_safe() -> None:
    data = json.loads(json.dumps(plan(EVERY_FIELD).as_dict()))
    assert data["steps"][-1]["on"] is None
    assert data["locale"] == "fr_CA"
    assert data["steps"][0]["on"] == "2026-12-02"
    assert data["steps"][3]["draft"]["kind"] == "call"
    assert data["steps"][0]["to"] == "Marie Tremblay"


def events(calendar: icalendar.Calendar) -> list[icalendar.Event]:
    return [c for c in calendar.walk() if c.name == "VEVENT"]


def test_the_calendar_file_parses_back_with_icalendar() -> None:
    the_plan = plan(EVERY_FIELD)
    ics = the_plan.to_ics(stamp=STAMP)
    assert ics.startswith(b"BEGIN:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in ics.split(b"\r\n"))
    calendar = icalendar.Calendar.from_ical(ics)
    found = events(calendar)
    dated = [step for step in the_plan if step.on is not None]
    assert len(found) == len(dated) == 6
    todos = [c for c in calendar.walk() if c.name == "VTODO"]
    assert [str(t["SUMMARY"]) for t in todos] == [
        f"Si la réponse est négative\u00a0: {step.action}" for step in the_plan if step.on is None
    ]
    assert all("DUE" not in t and "DTSTART" not in t for t in todos)
    uids = {str(c["UID"]) for c in (*found, *todos)}
    assert len(uids) == len(the_plan.steps)
    for event, step in zip(found, dated, strict=True):
        assert event.decoded("DTSTART") == step.on
        assert event.decoded("DTEND") == step.on + timedelta(days=1)
        assert event.decoded("DTSTAMP") == STAMP
        assert str(event["SUMMARY"]) == step.action
        description = str(event["DESCRIPTION"])
        assert description.startswith(step.detail)
        if isinstance(step.draft, Draft):
            assert step.draft.subject in description
            assert description.endswith(step.draft.body)
        elif isinstance(step.draft, Script):
            assert description.endswith(step.draft.text)
        [alarm] = [c for c in event.walk() if c.name == "VALARM"]
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm.decoded("TRIGGER") == timedelta(hours=8)


def test_the_calendar_file_is_read_by_a_second_reader() -> None:
    the_plan = plan(EVERY_FIELD)
    parsed = vobject.readOne(the_plan.to_ics(stamp=STAMP).decode("utf-8"))
    found = parsed.vevent_list
    dated = [s for s in the_plan if s.on is not None]
    assert [e.summary.value for e in found] == [s.action for s in dated]
    assert [e.dtstart.value for e in found] == [s.on for s in dated]
    assert len(parsed.vtodo_list) == 2
    assert [e.valarm.trigger.value for e in found] == [timedelta(hours=8)] * len(found)
    assert found[3].description.value.endswith(the_plan.steps[3].draft.text)  # type: ignore[union-attr]


def test_plan_types_are_frozen() -> None:
    the_plan = plan(EVERY_FIELD)
    assert isinstance(the_plan, Plan)
    assert isinstance(the_plan.steps[0], Step)
    with pytest.raises(AttributeError):
        the_plan.steps[0].action = "x"  # type: ignore[misc]
    assert list(the_plan) == list(the_plan.steps)


def test_a_swiss_plan_puts_a_narrow_no_break_space_before_every_colon() -> None:
    """fr_CH typography everywhere, the steps' wording and the calendar file included."""
    import re

    from relance._samples import example_interview

    interview = replace(example_interview(), locale="fr_CH")
    steps = plan(interview)
    texts = [steps.as_text(), *(f"{s.action}\n{s.detail}" for s in steps)]
    calendar = icalendar.Calendar.from_ical(steps.to_ics())
    texts += [
        str(component[name])
        for component in calendar.walk()
        for name in ("SUMMARY", "DESCRIPTION")
        if name in component
    ]
    assert sum(text.count("\u202f:") for text in texts) > 10
    for text in texts:
        # Every colon of prose follows U+202F (an address's « mailto: » has none here).
        assert re.findall(r"[^\u202f]:", text) == [], text
