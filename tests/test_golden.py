"""Whole rendered messages, compared exactly with the files a person has read.

To accept a change of wording: ``RELANCE_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py``,
then read every changed file as a francophone recruiter would before committing it.
"""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import pytest

from relance import follow_up, plan, rejection_reply, thank_you_notes

from scenarios import SCENARIOS, Scenario

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("RELANCE_UPDATE_GOLDEN") == "1" and not os.environ.get("CI")


def received(scenario: Scenario) -> date:
    """The day the scenario's rejection arrives: two weeks after the interview."""
    return scenario.interview.held_on + timedelta(days=14)


def rendered(scenario: Scenario) -> dict[str, str]:
    notes = thank_you_notes(scenario.interview, send_on=scenario.send_on)
    name = scenario.name
    files = {f"thank_you/{name}-{i}.txt": note.as_text() for i, note in enumerate(notes, 1)}
    later = follow_up(scenario.interview)
    files[f"follow_up/{name}-email.txt"] = later.email.as_text()
    files[f"follow_up/{name}-call.txt"] = later.call.as_text()
    files[f"follow_up/{name}-voicemail.txt"] = later.voicemail.as_text()
    files[f"plan/{name}.txt"] = plan(scenario.interview).as_text()
    refusal = rejection_reply(scenario.interview, received_on=received(scenario))
    files[f"rejection/{name}-email.txt"] = refusal.email.as_text()
    files[f"rejection/{name}-note.txt"] = refusal.note.as_text()
    return files


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_messages_match_golden_files(scenario: Scenario) -> None:
    for name, text in rendered(scenario).items():
        path = GOLDEN / name
        if UPDATE:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        assert path.read_text(encoding="utf-8") == text, name


def test_every_golden_file_belongs_to_a_scenario() -> None:
    expected = {name for scenario in SCENARIOS for name in rendered(scenario)}
    present = {str(p.relative_to(GOLDEN)) for p in GOLDEN.rglob("*.txt")}
    assert present == expected


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_send_date_is_the_expected_business_day(scenario: Scenario) -> None:
    notes = thank_you_notes(scenario.interview, send_on=scenario.send_on)
    assert {note.send_on for note in notes} == {scenario.expected_send_on}
    held = scenario.interview.held_on
    week_later = held + timedelta(days=7)
    expected = scenario.expected_follow_up or week_later
    assert follow_up(scenario.interview).email.send_on == expected
