"""The fast paths give what the plain ones gave: same counts, same plans, same replies."""

from __future__ import annotations

import base64
import re
import subprocess
import sys
import textwrap
from datetime import date
from email import message_from_bytes, policy
from email.header import decode_header, make_header
from email.parser import BytesHeaderParser
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relance import InvalidInput, _rejection, follow_up, plan, rejection_reply, thank_you_notes
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


def _read(reader: Any, value: str) -> object:
    try:
        return reader(value)
    except InvalidInput as err:
        return [str(problem) for problem in err.problems]


@settings(max_examples=400, deadline=None)
@given(_HEADER)
def test_a_simple_address_header_reads_as_the_modern_parser_reads_it(value: str) -> None:
    fast = _read(lambda v: _rejection._simple_address(v, "f"), value)
    if fast is not None:
        assert fast == _read(lambda v: _rejection._modern_addresses("From", v, "f"), value)


def test_the_common_headers_take_the_fast_path() -> None:
    for value, expected in [
        ("Marie Tremblay <m.t@ubisoft.example>", [("Marie Tremblay", "m.t@ubisoft.example")]),
        ("=?utf-8?q?Genevi=C3=A8ve?= <g@x.example>", [("Geneviève", "g@x.example")]),
        ("recrutement@ubisoft.example", [("", "recrutement@ubisoft.example")]),
        ("  Marie   Tremblay   <m@x.example> ", [("Marie Tremblay", "m@x.example")]),
    ]:  # fmt: skip
        assert _rejection._simple_address(value, "f") == expected
    assert _rejection._simple_address('"Tremblay, Marie" <m@x.example>', "f") is None


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


# Header blocks: plain ones, and what the legacy parser treats specially.
_HEADER_LINE = st.one_of(
    st.builds(
        lambda name, sep, value: f"{name}{sep}{value}",
        st.sampled_from(["From", "Subject", "Reply-To", "X-Y", "", "Bad Name", "Date"]),
        st.sampled_from([":", ": ", ":\t", " : "]),
        _joined([*"abé =?\t<>@:", "Marie", "\udce9"], 10),
    ),
    _joined([*" \tab:", "From ", "continued"], 8),
)
_BLOCK = st.builds(
    lambda lines, ends, body: (
        "".join(line + ends[i % len(ends)] for i, line in enumerate(lines)) + body
    ),
    st.lists(_HEADER_LINE, max_size=6),
    st.lists(st.sampled_from(["\r\n", "\n", "\r"]), min_size=1, max_size=3),
    st.sampled_from(["", "\r\n", "\nbody\n", "\r\n\r\nFrom: x\r\n"]),
)


@settings(max_examples=400, deadline=None)
@given(_BLOCK)
def test_a_plain_header_block_reads_as_the_legacy_parser_reads_it(text: str) -> None:
    raw = text.encode("utf-8", "surrogateescape")
    fast = _rejection._plain_header_block(raw)
    if fast is not None:
        parsed = BytesHeaderParser(policy=policy.compat32).parsebytes(raw)
        assert fast == list(parsed.raw_items())


@settings(max_examples=300, deadline=None)
@given(
    st.text(max_size=30),
    st.sampled_from(["utf-8", "UTF-8", "iso-8859-1", "us-ascii", "x-unknown"]),
    st.sampled_from(["q", "Q", "b", "B"]),
    st.sampled_from(["", "=", "A", "_", "=FF", "==", " x"]),
)
def test_one_encoded_word_decodes_as_decode_header_does(
    text: str, charset: str, encoding: str, noise: str
) -> None:
    data = text.encode(charset if charset != "x-unknown" else "utf-8", "replace")
    if encoding in "qQ":
        body = "".join(f"={byte:02X}" for byte in data)
    else:
        body = base64.b64encode(data).decode().rstrip("=")
    value = f"=?{charset}?{encoding}?{body}{noise}?="
    fast = _rejection._one_encoded_word(value)
    if fast is not None:
        assert fast == str(make_header(decode_header(value)))


def test_a_broken_encoded_subject_is_invalid_input_not_a_crash() -> None:
    # decode_header() raises HeaderParseError for it; kept as written, the draft then
    # refuses the look-alike of an encoded word, as it did with the modern parser.
    raw = b"From: m@ubisoft.example\r\nSubject: =?utf-8?b?A?=\r\n\r\nx"
    with pytest.raises(InvalidInput) as caught:
        rejection_reply(SCENARIOS[0].interview, rejection=raw, received_on=date(2027, 1, 4))
    assert [problem.field for problem in caught.value.problems] == ["subject"]
