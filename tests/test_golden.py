"""Whole rendered messages, compared exactly with the files a person has read.

One layout: ``golden/<locale>-<tone>/<scenario>/<message>.txt``, every message of every
kind in the catalogue (so a new kind is picked up by itself). To accept a change of
wording: ``RELANCE_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py``, then read
every changed file as a francophone recruiter would before committing it.
"""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import pytest

from relance import follow_up, thank_you_notes
from relance._calendar import calendar_of, is_business_day
from relance._follow_up import call_day

from scenarios import ALL_SCENARIOS, SCENARIOS, Scenario, every_rendered

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("RELANCE_UPDATE_GOLDEN") == "1" and not os.environ.get("CI")


def name_of(scenario: Scenario) -> str:
    iv = scenario.interview
    return f"{iv.locale}-{iv.tone}-{scenario.name}"


SAME = GOLDEN / "same.txt"
"""Messages whose text is exactly another's (a call reads the same in both registers):
``path = path of the file that holds the text``, so no text is stored twice."""


def everything() -> dict[str, str]:
    """Every message of every scenario, by golden path, in a stable order."""
    return {
        name: text.as_text()
        for scenario in ALL_SCENARIOS
        for name, (_, text) in every_rendered(scenario).items()
    }


def same_as() -> dict[str, str]:
    lines = SAME.read_text(encoding="utf-8").splitlines()
    return dict(line.split(" = ") for line in lines if line)


def update() -> None:
    """Write each distinct text once, and the list of the messages that repeat one."""
    holder: dict[str, str] = {}
    repeats: dict[str, str] = {}
    for name, text in everything().items():
        if text in holder:
            repeats[name] = holder[text]
            continue
        holder[text] = name
        path = GOLDEN / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    SAME.write_text("".join(f"{a} = {b}\n" for a, b in repeats.items()), encoding="utf-8")


if UPDATE:
    update()


@pytest.mark.parametrize("scenario", ALL_SCENARIOS, ids=name_of)
def test_every_message_matches_its_golden_file(scenario: Scenario) -> None:
    repeats = same_as()
    for name, (_, text) in every_rendered(scenario).items():
        path = GOLDEN / repeats.get(name, name)
        assert path.read_text(encoding="utf-8") == text.as_text(), name


def test_every_golden_file_belongs_to_a_scenario() -> None:
    expected = set(everything())
    repeats = same_as()
    present = {str(p.relative_to(GOLDEN)) for p in GOLDEN.rglob("*/*/*.txt")}
    assert len(present) > 100, "the golden files were not found: is the glob right?"
    assert present | set(repeats) == expected
    assert not present & set(repeats)
    assert set(repeats.values()) <= present


def test_no_text_is_stored_twice() -> None:
    seen: dict[bytes, Path] = {}
    for path in sorted(GOLDEN.rglob("*/*/*.txt")):
        data = path.read_bytes()
        assert data not in seen, f"{path} repeats {seen[data]}: list it in same.txt"
        seen[data] = path
    assert len(seen) > 100


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_send_date_is_the_expected_business_day(scenario: Scenario) -> None:
    notes = thank_you_notes(scenario.interview, send_on=scenario.send_on)
    assert {note.send_on for note in notes} == {scenario.expected_send_on}
    held = scenario.interview.held_on
    week_later = held + timedelta(days=7)
    expected = scenario.expected_follow_up or week_later
    assert call_day(scenario.interview) == expected
    email = follow_up(scenario.interview).email.send_on
    assert email > expected
    assert all(
        not is_business_day(day, *calendar_of(scenario.interview))
        for day in _between(expected, email)
    )


def _between(start: date, end: date) -> list[date]:
    """The days strictly between ``start`` and ``end``."""
    return [start + timedelta(days=n) for n in range(1, (end - start).days)]
