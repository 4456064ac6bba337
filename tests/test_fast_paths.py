"""The fast paths give what the plain ones gave: same counts, same plans, same replies."""

from __future__ import annotations

import base64
import re
import subprocess
import sys
import textwrap
from datetime import date
from email import message_from_bytes, policy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relance import _rejection, follow_up, plan, rejection_reply, thank_you_notes
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
    """Nor what only a command's run needs (issue 12: `--help` within 4x `python -c pass`)."""
    code = (
        "import sys, contextlib, io\n"
        "from relance.cli import main\n"
        "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['--help'])\n"
        "print(sorted(m for m in ('jinja2', 'babel', 'email', 'email_validator', 'holidays',"
        " 'tqdm', 'multiprocessing', 'relance._model', 'relance._cli_run', 'relance.errors',"
        " 'dataclasses', 'pathlib', 'json', 'datetime') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout == "[]\n"


# Address headers: the common way (a name, encoded or not, then <address>), and what
# is near it: quotes, comments, groups, several addresses, odd dots, line breaks.
def _joined(pieces: list[str], max_size: int) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


_ATEXT = _joined([*"aZ09.-_+'!#=?é\\\"", "marie", "Tremblay"], 6)
_NAME_WORD = _joined([*"aMZé.-'=?_ \t()\",;:@<>", "Marie", "Côté"], 12)
_ENCODED = st.builds(
    lambda text, q: (
        "=?utf-8?q?" + "".join(f"={b:02X}" for b in text.encode()) + "?="
        if q
        else "=?utf-8?b?" + base64.b64encode(text.encode()).decode() + "?="
    ),
    _joined([*"Marie Côté\r\n<>=?", "Bcc: x@evil.example"], 12),
    st.booleans(),
)
_ADDRESS = st.builds(lambda local, domain: f"{local}@{domain}", _ATEXT, _ATEXT)
_HEADER = st.one_of(
    _ADDRESS,
    st.builds(
        lambda names, address, space: f"{space}{' '.join(names)}{space}<{address}>{space}",
        st.lists(st.one_of(_NAME_WORD, _ENCODED), max_size=3),
        _ADDRESS,
        st.sampled_from(["", " ", "  ", "\t"]),
    ),
    st.builds(lambda a, b: f"{a}, {b}", _ADDRESS, _ADDRESS),
)


_LINE = _joined([*"ab é«»\u00a0\u202f-–\t", "mot", "  ", "anticonstitutionnellement" * 2], 40)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE, min_size=1, max_size=4))
def test_a_card_breaks_lines_as_textwrap_does(lines: list[str]) -> None:
    text = "\n".join(lines)
    expected: list[str] = []
    for line in text.split("\n"):
        wrapped = textwrap.wrap(line, width=40, break_long_words=False, break_on_hyphens=False)
        expected += wrapped or [""]
    assert _rejection._card(text) == "\n".join(expected)


def test_a_broken_encoded_subject_is_read_not_a_crash() -> None:
    # The stdlib reads a broken encoded word leniently; what reaches the reply's subject
    # is plain text, never the look-alike of an encoded word.
    raw = b"From: m@ubisoft.example\r\nSubject: =?utf-8?b?A?=\r\n\r\nx"
    reply = rejection_reply(SCENARIOS[0].interview, rejection=raw, received_on=date(2027, 1, 4))
    assert reply.email.subject == "RE\u00a0: A"
