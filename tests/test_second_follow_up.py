"""The second and last follow-up: its dates, and Grammalecte over it and over every
French sentence the status writes, in every region and register."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

import pytest

from relance import Event, InvalidInput, second_follow_up, status
from relance._grammalecte import Text, check
from relance._samples import example_interview
from test_grammalecte import grammalecte

from scenarios import LOCALES, REGION_SCENARIOS, SCENARIOS, TONES, Scenario, localized

CASES = [(scenario, None, None) for scenario in SCENARIOS] + [
    (scenario, locale, tone)
    for locale in LOCALES
    for tone in TONES
    for scenario in REGION_SCENARIOS
]
"""The golden files of the second follow-up come with every other kind's
(tests/test_golden.py walks the catalogue); these cases feed Grammalecte the status."""


def name(scenario: Scenario, locale: str | None, tone: str | None) -> str:
    return f"{locale or 'fr_CA'}-{tone or 'formal'}-{scenario.name}"


def test_a_week_after_the_follow_up_on_a_business_day() -> None:
    interview = example_interview()  # Tuesday 1 December 2026, in Quebec
    last = second_follow_up(interview)
    assert (last.kind, last.send_on, last.to) == (
        "second_follow_up",
        date(2026, 12, 15),
        "Marie Tremblay <marie.tremblay@example.com>",
    )
    # Friday 18 December: the follow-up on the 28th (Christmas, Boxing Day, the
    # weekend), the last one a week later, on 4 January (New Year's Day is a Friday).
    holidays = second_follow_up(replace(interview, held_at=date(2026, 12, 18)))
    assert holidays.send_on == date(2027, 1, 4)
    chosen = second_follow_up(interview, send_on=date(2026, 12, 16), html=True)
    assert chosen.send_on == date(2026, 12, 16)
    assert chosen.html is not None
    assert "Ce poste est-il toujours à pourvoir\u202f?" in chosen.html
    with pytest.raises(InvalidInput, match="send_on: 2026-11-30 is before the interview"):
        second_follow_up(interview, send_on=date(2026, 11, 30))


def texts() -> Iterator[tuple[str, str, frozenset[str]]]:
    """Every French text of the second follow-up and of the status, by region and register."""
    for scenario, locale, tone in CASES:
        interview = scenario.interview
        if locale is not None and tone is not None:
            interview = localized(scenario, locale, tone).interview
        label = name(scenario, locale, tone)
        nouns = scenario.proper_nouns
        last = second_follow_up(interview)
        yield label, f"{last.subject}\n\n{last.body}", nouns
        if locale is None:
            continue
        held = interview.held_on
        histories = [
            ([], 1),
            ([], 12),
            ([Event(held + timedelta(1), "thank_you_sent")], 4),
            ([Event(held + timedelta(7), "call_no_answer")], 10),
            ([Event(held + timedelta(7), "follow_up_sent")], 10),
            ([Event(held + timedelta(7), "follow_up_sent")], 17),
            (
                [
                    Event(held + timedelta(7), "follow_up_sent"),
                    Event(held + timedelta(14), "second_follow_up_sent"),
                ],
                16,
            ),
            (
                [
                    Event(held + timedelta(7), "follow_up_sent"),
                    Event(held + timedelta(14), "second_follow_up_sent"),
                ],
                30,
            ),
            ([Event(held + timedelta(3), "answer_received")], 5),
            ([Event(held + timedelta(3), "rejection_received")], 6),
            (
                [
                    Event(held + timedelta(3), "rejection_received"),
                    Event(held + timedelta(6), "rejection_reply_sent"),
                    Event(held + timedelta(6), "note_sent"),
                ],
                8,
            ),
            ([Event(held + timedelta(3), "offer_received")], 5),
            ([Event(held + timedelta(3), "withdrawn")], 5),
        ]
        for number, (events, days) in enumerate(histories):
            state = status(interview, events, today=held + timedelta(days))
            sentences = [state.message, *state.notes]
            sentences += [f"{step.action}.\n{step.detail}" for step in state.due]
            yield f"{label} status {number}", "\n".join(sentences), nouns


def test_grammalecte_finds_nothing() -> None:
    command = grammalecte()
    found = {label: Text(text, nouns) for label, text, nouns in texts()}
    report = check(found, grammalecte=command)
    assert {label: problems for label, problems in report.items() if problems} == {}
