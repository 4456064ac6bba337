"""Grammalecte, the outside judge of the French, reads every message relance writes.

It must find nothing but unknown proper nouns (the names in the input) and the
superscript-ordinal rule, which docs/french.md (« The outside judge ») switches off
because plain text keeps « 1er ».
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from relance import rejection_reply
from relance._check import proper_nouns, prose
from relance._grammalecte import INSTALL, Text, check, command
from relance._samples import example_interview, example_rejection

from scenarios import ALL_SCENARIOS, Scenario, every_rendered


@dataclass(frozen=True)
class Named:
    name: str
    text: str
    proper_nouns: frozenset[str]


def messages(scenario: Scenario) -> Iterator[Named]:
    """Every text relance writes for one interview: every message of every kind in the
    catalogue, and the subject of a reply threaded under the employer's message."""
    iv = scenario.interview
    name = f"{iv.locale}-{iv.tone}-{scenario.name}"
    nouns = proper_nouns(iv)
    for path, (_, text) in every_rendered(scenario).items():
        yield Named(f"{name}-{Path(path).stem}", prose(text), nouns)
    # Received on the interview's day: the sample message's own Date may be before it.
    threaded = rejection_reply(iv, rejection=example_rejection(), received_on=iv.held_on).email
    yield Named(f"{name}-reply-subject", threaded.subject, nouns)


def all_texts() -> Iterator[Named]:
    for scenario in ALL_SCENARIOS:
        yield from messages(scenario)
    yield from messages(Scenario("example", example_interview()))


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
