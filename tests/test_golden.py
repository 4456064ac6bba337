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

from scenarios import LOCALES, REGION_SCENARIOS, SCENARIOS, TONES, Scenario, localized

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


def rendered_in(scenario: Scenario, locale: str, tone: str) -> dict[str, str]:
    """Every message of one scenario in one region and register."""
    local = localized(scenario, locale, tone)
    folder = f"regions/{locale}-{tone}/{scenario.name}"
    notes = thank_you_notes(local.interview, send_on=local.send_on)
    files = {f"{folder}-thank-you-{i}.txt": n.as_text() for i, n in enumerate(notes, 1)}
    later = follow_up(local.interview)
    files[f"{folder}-follow-up-email.txt"] = later.email.as_text()
    files[f"{folder}-call.txt"] = later.call.as_text()
    files[f"{folder}-voicemail.txt"] = later.voicemail.as_text()
    refusal = rejection_reply(local.interview, received_on=received(local))
    files[f"{folder}-rejection-email.txt"] = refusal.email.as_text()
    files[f"{folder}-note.txt"] = refusal.note.as_text()
    return files


REGIONAL = [
    (scenario, locale, tone)
    for locale in LOCALES
    for tone in TONES
    for scenario in REGION_SCENARIOS
]


def all_rendered() -> dict[str, str]:
    files: dict[str, str] = {}
    for scenario in SCENARIOS:
        files.update(rendered(scenario))
    for scenario, locale, tone in REGIONAL:
        files.update(rendered_in(scenario, locale, tone))
    return files


def check_golden(files: dict[str, str]) -> None:
    for name, text in files.items():
        path = GOLDEN / name
        if UPDATE:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        assert path.read_text(encoding="utf-8") == text, name


@pytest.mark.parametrize(
    ("scenario", "locale", "tone"), REGIONAL, ids=lambda v: getattr(v, "name", v)
)
def test_every_message_in_every_region_and_register(
    scenario: Scenario, locale: str, tone: str
) -> None:
    check_golden(rendered_in(scenario, locale, tone))


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_messages_match_golden_files(scenario: Scenario) -> None:
    for name, text in rendered(scenario).items():
        path = GOLDEN / name
        if UPDATE:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        assert path.read_text(encoding="utf-8") == text, name


def test_every_golden_file_belongs_to_a_scenario() -> None:
    expected = set(all_rendered())
    present = {str(p.relative_to(GOLDEN)) for p in GOLDEN.rglob("*.txt")}
    present -= {p for p in present if p.startswith("second_follow_up/")}  # its own test file
    assert present == expected


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_send_date_is_the_expected_business_day(scenario: Scenario) -> None:
    notes = thank_you_notes(scenario.interview, send_on=scenario.send_on)
    assert {note.send_on for note in notes} == {scenario.expected_send_on}
    held = scenario.interview.held_on
    week_later = held + timedelta(days=7)
    expected = scenario.expected_follow_up or week_later
    assert follow_up(scenario.interview).email.send_on == expected
