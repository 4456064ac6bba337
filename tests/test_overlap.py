"""Notes to two interviewers of one interview must not read as copies.

A recruiter who puts two notes side by side sees the sentences they share. What
counts is relance's own wording: the user's phrases (strengths, the sentence they
forgot to say, each interviewer's topic, the position, the company), the names, the
date of the interview, the greeting and the closing with the signature are set
aside. A word of one note counts as copied when it sits in a run of three words
that the other note also has (word shingles, the usual measure of near-duplicate
text). Two notes may share at most 40 % of their own words, in every scenario,
region and register.
"""

from __future__ import annotations

import re
from itertools import combinations

import pytest

from relance import Interview, thank_you_notes
from relance._etiquette import closing

from scenarios import LOCALES, SCENARIOS, TONES, Scenario, localized

LIMIT = 0.40
SHINGLE = 3
_WORD = re.compile(r"\w+")
_GAP = "\x00"  # where a user's phrase stood: no shingle spans it


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text.replace("’", "'"))]


def facts(interview: Interview) -> list[list[str]]:
    """The phrases that come from the input, longest first."""
    people = [interview.candidate, *interview.interviewers]
    if interview.hiring_contact is not None:
        people.append(interview.hiring_contact)
    phrases = [
        *interview.strengths,
        interview.forgot_to_mention or "",
        interview.position,
        interview.company,
        *(c.topic or "" for c in interview.interviewers),
        *(p.name for p in people),
        *(getattr(p, "family_name", "") for p in people),
    ]
    found = [words(p) for p in phrases if p]
    return sorted((f for f in found if f), key=len, reverse=True)


def own_words(body: str, interview: Interview, contact_index: int, when: list[str]) -> list[str]:
    """The note's words that relance chose, with a gap where the input's were."""
    contact = interview.interviewers[contact_index]
    text = body.split("\n", 1)[1]  # the greeting line
    text = text[: text.rindex(closing(contact, interview))]  # the closing and signature
    tokens = words(text)
    for phrase in [*facts(interview), when]:
        if not phrase:
            continue
        out: list[str] = []
        i = 0
        while i < len(tokens):
            if tokens[i : i + len(phrase)] == phrase:
                out.append(_GAP)
                i += len(phrase)
            else:
                out.append(tokens[i])
                i += 1
        tokens = out
    return tokens


def shingles(tokens: list[str]) -> set[tuple[str, ...]]:
    return {
        tuple(tokens[i : i + SHINGLE])
        for i in range(len(tokens) - SHINGLE + 1)
        if _GAP not in tokens[i : i + SHINGLE]
    }


def copied(tokens: list[str], other: list[str]) -> float:
    """The share of ``tokens``' own words that sit in a shingle ``other`` has too."""
    theirs = shingles(other)
    covered = [False] * len(tokens)
    for i in range(len(tokens) - SHINGLE + 1):
        if tuple(tokens[i : i + SHINGLE]) in theirs:
            for j in range(i, i + SHINGLE):
                covered[j] = True
    own = [t for t in tokens if t != _GAP]
    return sum(covered) / len(own) if own else 0.0


def overlaps(interview: Interview, send_on: object = None) -> list[tuple[int, int, float]]:
    notes = thank_you_notes(interview, send_on=send_on)  # type: ignore[arg-type]
    day = notes[0].send_on
    from relance._french import relative_day

    when = words(relative_day(interview.held_on, day, interview.locale))
    own = [own_words(n.body, interview, i, when) for i, n in enumerate(notes)]
    return [
        (i, j, max(copied(own[i], own[j]), copied(own[j], own[i])))
        for i, j in combinations(range(len(own)), 2)
    ]


CASES = [
    (localized(s, locale, tone), f"{locale}-{tone}-{s.name}")
    for s in SCENARIOS
    if len(s.interview.interviewers) > 1
    for locale in LOCALES
    for tone in TONES
]


@pytest.mark.parametrize(("scenario", "name"), CASES, ids=[name for _, name in CASES])
def test_co_interviewer_notes_share_at_most_40_percent(scenario: Scenario, name: str) -> None:
    found = overlaps(scenario.interview, scenario.send_on)
    assert found, name
    worst = max(share for _, _, share in found)
    assert worst <= LIMIT, f"{name}: {found}"


def test_the_measure_sees_a_copy() -> None:
    """Two identical texts share everything; two unrelated ones, nothing."""
    text = words("Je vous remercie de votre accueil et de la clarté de vos réponses")
    other = words("Notre échange sur la migration a retenu toute mon attention hier")
    assert copied(text, text) == 1.0
    assert copied(text, other) == 0.0
    half = words("Je vous remercie de votre accueil et retiens notre échange sur la migration")
    assert 0.3 < copied(half, text) < 0.6
