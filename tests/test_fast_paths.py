"""The fast paths give what the plain ones gave: same counts, same plans, same replies."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from email import message_from_bytes, policy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relance import follow_up, plan, rejection_reply, thank_you_notes
from relance._plan import _plan_from
from relance._samples import example_rejection
from relance._script import spoken_words

from scenarios import SCENARIOS

_TOKEN = re.compile(r"\S+")
_DIGIT = re.compile(r"\d")
_ADDRESS_PART = re.compile(r"[^.@_\-]+")


def spoken_words_token_by_token(text: str) -> int:
    """The first implementation, one token at a time: the reference."""
    count = 0
    for token in _TOKEN.findall(text):
        digits = len(_DIGIT.findall(token))
        if digits:
            count += digits
        elif "@" in token:
            count += 2 * len(_ADDRESS_PART.findall(token.strip(".,;:!?"))) - 1
        elif any(c.isalnum() for c in token):
            count += 1
    return count


# Letters, digits of several scripts, numerals that are not digits, punctuation, spaces
# of every kind, and the characters of an address.
_ALPHABET = st.sampled_from(
    list("ab Éé’'-.,;:!?@_()«»\u00a0\u202f\t\n0123456789²½Ⅻ٣ ")
) | st.characters(codec="utf-8")


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, max_size=60))
def test_spoken_words_counts_as_token_by_token(text: str) -> None:
    assert spoken_words(text) == spoken_words_token_by_token(text)


def test_spoken_words_on_every_script() -> None:
    for scenario in SCENARIOS:
        later = follow_up(scenario.interview)
        for script in (later.call, later.voicemail):
            assert script.words == spoken_words_token_by_token(script.text)


def test_a_plan_from_the_drafts_is_the_plan() -> None:
    for scenario in SCENARIOS:
        interview = scenario.interview
        notes = thank_you_notes(interview)
        later = follow_up(interview)
        assert _plan_from(interview, notes, later) == plan(interview)
        late = date(2027, 1, 4)
        assert _plan_from(interview, notes, later, start=late) == plan(interview, start=late)


def test_every_form_of_the_employer_s_mail_gives_one_reply() -> None:
    raw = example_rejection()
    interview = SCENARIOS[0].interview
    parsed_modern = message_from_bytes(raw, policy=policy.default)
    parsed_legacy = message_from_bytes(raw)
    built = policy.default.clone()  # a message whose headers code set: read back as sent
    made = message_from_bytes(raw, policy=built)
    del made["Subject"]
    made["Subject"] = "Votre candidature au poste d’analyste de données"
    replies = {
        repr(rejection_reply(interview, rejection=form))
        for form in (raw, raw.decode(), parsed_modern, parsed_legacy, made)
    }
    assert len(replies) == 1
    [reply] = {rejection_reply(interview, rejection=raw)}
    assert reply.email.subject == "RE\u00a0: Votre candidature au poste d’analyste de données"
    assert reply.email.to == "Recrutement Ubisoft <recrutement@example.com>"
    assert reply.email.in_reply_to == "<refus-2026-1210@example.com>"


def test_the_public_names_load_on_first_use() -> None:
    import relance

    assert set(relance.__all__) <= set(dir(relance))
    assert relance.__all__ == sorted(relance.__all__)
    for name in relance.__all__:
        value = getattr(relance, name)
        assert value.__name__ == name
        assert value.__module__.startswith("relance.")
    with pytest.raises(AttributeError, match=r"^module 'relance' has no attribute 'nothing'$"):
        relance.nothing  # type: ignore[attr-defined]  # noqa: B018


def test_help_imports_none_of_the_drafting_libraries() -> None:
    code = (
        "import sys, contextlib, io\n"
        "from relance.cli import main\n"
        "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['--help'])\n"
        "print(sorted(m for m in ('jinja2', 'babel', 'email', 'email_validator', 'holidays',"
        " 'tqdm', 'multiprocessing', 'relance._model') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout == "[]\n"
