"""Grammalecte, the outside judge of the French, reads every message relance writes.

It must find nothing but unknown proper nouns (the names in the input) and the
superscript-ordinal rule, which french-conventions.md section 7 switches off
because plain text keeps « 1er ».
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from relance import Interview, follow_up, plan, rejection_reply, thank_you_notes
from relance._grammalecte import INSTALL, Text, check, command
from relance.cli import example_interview, example_rejection

from scenarios import LOCALES, REGION_SCENARIOS, SCENARIOS, TONES, localized, proper_nouns


@dataclass(frozen=True)
class Named:
    name: str
    text: str
    proper_nouns: frozenset[str]


def messages(name: str, interview: Interview, send_on: date | None = None) -> Iterator[Named]:
    """Every text relance writes for one interview."""
    nouns = proper_nouns(interview)
    notes = thank_you_notes(interview, send_on=send_on)
    for i, note in enumerate(notes, 1):
        yield Named(f"{name}-thank-you-{i}", f"{note.subject}\n\n{note.body}", nouns)
    later = follow_up(interview)
    yield Named(f"{name}-follow-up", f"{later.email.subject}\n\n{later.email.body}", nouns)
    yield Named(f"{name}-call", later.call.text, nouns)
    yield Named(f"{name}-voicemail", later.voicemail.text, nouns)
    steps = "\n".join(f"{step.action}.\n{step.detail}" for step in plan(interview))
    yield Named(f"{name}-plan", steps, nouns)
    refusal = rejection_reply(interview, received_on=interview.held_on + timedelta(days=14))
    email = refusal.email
    yield Named(f"{name}-rejection", f"{email.subject}\n\n{email.body}", nouns)
    threaded = rejection_reply(interview, rejection=example_rejection()).email
    yield Named(f"{name}-reply-subject", threaded.subject, nouns)
    # The note is broken into short lines for a card: check it as paragraphs.
    paragraphs = [" ".join(p.split("\n")) for p in refusal.note.text.split("\n\n")]
    yield Named(f"{name}-note", "\n\n".join(paragraphs), nouns)


def all_texts() -> Iterator[Named]:
    for scenario in SCENARIOS:
        yield from messages(scenario.name, scenario.interview, scenario.send_on)
    yield from messages("example", example_interview())
    for locale in LOCALES:
        for tone in TONES:
            for scenario in REGION_SCENARIOS:
                local = localized(scenario, locale, tone)
                yield from messages(f"{locale}-{tone}-{scenario.name}", local.interview)


def grammalecte() -> str:
    found = command()
    if found is None:
        message = f"Grammalecte is not installed: {INSTALL}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


@pytest.fixture(scope="module")
def report() -> dict[str, list[str]]:
    texts = {t.name: Text(t.text, t.proper_nouns) for t in all_texts()}
    return check(texts, grammalecte=grammalecte())


@pytest.mark.parametrize("name", [t.name for t in all_texts()])
def test_grammalecte_finds_nothing(report: dict[str, list[str]], name: str) -> None:
    assert report[name] == []


def test_grammalecte_does_report_errors() -> None:
    """The judge is awake: known mistakes are reported, listed names and « 1er » are not."""
    texts = {
        "bad": Text("Je vous remercie pour les entrevue. Je suis intéressé(e) a ce poste."),
        "names": Text(
            "Bonjour Madame Kwiatkowskaya, le 1er décembre.", frozenset({"Kwiatkowskaya"})
        ),
        "unknown": Text("Bonjour Madame Kwiatkowskaya."),
    }
    report = check(texts, grammalecte=grammalecte())
    assert len(report["bad"]) >= 2
    assert report["names"] == []
    assert report["unknown"] == ["spelling: « Kwiatkowskaya » in 'Bonjour Madame Kwiatkowskaya.'"]
