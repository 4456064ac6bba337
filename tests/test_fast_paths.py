"""The fast paths give what the plain ones gave: same counts, same plans, same replies."""

from __future__ import annotations

import base64
import dataclasses
import json
import pickle
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable
from datetime import date, datetime
from email import message_from_bytes, policy
from email.headerregistry import Address
from email.parser import BytesHeaderParser
from email.utils import format_datetime, getaddresses
from typing import cast

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from relance import (
    Interview,
    _french,
    _rejection,
    _render,
    follow_up,
    plan,
    rejection_reply,
    thank_you_notes,
)
from relance._draft import Draft, _ascii_domain, _Check, format_address, simple_address
from relance._employer_mail import _BLOCK_END, POLICY, Headers, _source_parse, read
from relance._headers import (
    ENCODED_WORD,
    FORBIDDEN,
    MAX_REFERENCES,
    SURROGATE,
    UNSAFE,
    message_ids,
)
from relance._model import _Checker, checked_mailbox
from relance._plan import _plan_from
from relance._samples import example_rejection
from relance._script import spoken_words
from relance.errors import InvalidInput

from scenarios import ALL_SCENARIOS, SCENARIOS, Scenario, every_rendered

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


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET.filter(lambda c: c != "@" and not c.isdecimal()), max_size=60))
@example("_ « a » ² Ⅻ")
def test_spoken_words_of_a_line_without_digit_or_address_count_as_token_by_token(
    text: str,
) -> None:
    """The same, on the lines counted in one pass: no digit, no address."""
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


# Names as mail clients write them, to reach the fast paths: words, and encoded words
# of any text (spaces, tabs, line breaks, nothing) in charsets known and unknown.
_WORDS = st.lists(_joined([*"aZ09-'_!#", "Marie", "Recrutement"], 8), min_size=1, max_size=3)
_TEXT = _joined([*'aé Ô’\t\r\n<>"=?_', "Marie", "Côté", "  "], 12)
_CHARSET = st.sampled_from(["utf-8", "UTF-8", "iso-8859-1", "windows-1252", "x-unknown", "ascii"])


def _encoded_word(text: str, charset: str, q: bool) -> str:
    data = text.encode("utf-8" if charset in ("x-unknown", "ascii") else charset, "replace")
    if q:
        body = "".join(chr(b) if b < 128 and chr(b).isalnum() else f"={b:02X}" for b in data)
        return f"=?{charset}?q?{body.replace('=20', '_')}?="
    return f"=?{charset}?b?{base64.b64encode(data).decode()}?="


_WORD_SHAPED = st.builds(_encoded_word, _TEXT, _CHARSET, st.booleans())
_LABEL = _joined([*"az09-", "exemple", "ubisoft"], 6).filter(bool)
_CLEAN_ADDRESS = st.builds(
    lambda local, labels: f"{'.'.join(local)}@{'.'.join(labels)}",
    st.lists(_joined([*"aZ09!#'+-_~", "marie"], 6).filter(bool), min_size=1, max_size=2),
    st.lists(_LABEL, min_size=1, max_size=3).map(lambda labels: [*labels, "ca"]),
)
_NAME = st.one_of(_WORDS.map(" ".join), _WORDS.map("  ".join), _WORD_SHAPED, _NAME_WORD, _ENCODED)
# The shapes the fast paths take, with the spaces and encoded text near them.
_FAST_MAILBOX = st.builds(
    lambda lead, name, space, address, tail: f"{lead}{name}{space}<{address}>{tail}",
    st.sampled_from(["", "", " ", "\t"]),
    st.one_of(_WORDS.map(" ".join), _WORD_SHAPED, _WORD_SHAPED),
    st.sampled_from([" ", " ", " ", "\t", "  "]),
    _CLEAN_ADDRESS,
    st.sampled_from(["", "", "", " ", "\t"]),
) | st.builds(lambda address, space: f"{space}{address}{space}", _CLEAN_ADDRESS,
              st.sampled_from(["", " "]))  # fmt: skip
# And what is near them: other spaces, names and addresses, quotes, lists.
_MAILBOX = st.one_of(
    _FAST_MAILBOX,
    st.builds(
        lambda lead, name, space, address, tail: f"{lead}{name}{space}<{address}>{tail}",
        st.sampled_from(["", " ", "\t"]),
        _NAME,
        st.sampled_from([" ", "\t", "  ", ""]),
        st.one_of(_CLEAN_ADDRESS, _ADDRESS),
        st.sampled_from(["", " ", ",", " x", ">"]),
    ),
    _HEADER,
)
# Names as people have them, written by format_address: words of letters, with what
# may be near them (other separators and signs, in a word or between two).
_PERSON = st.lists(
    st.tuples(
        st.sampled_from(["Marie", "Côté", "O’Neil", "Marie-Ève", "d'Arcy", "Ève", "Zoé2"]),
        st.sampled_from(["", "", "", "", ".", ",", "_", "’", "-", "\u00a0", '"', "(x)"]),
        st.sampled_from([" ", " ", " ", " ", "  ", "\t", ""]),
    ),
    min_size=1,
    max_size=3,
).map(lambda parts: "".join(w + sign + space for w, sign, space in parts).rstrip(" "))


def _stdlib(value: str, name: str) -> object:
    """What the stdlib gives for the header, with the policy relance reads with."""
    raw = f"{name}: {value}\r\n\r\n".encode("utf-8", "surrogateescape")
    return BytesHeaderParser(policy=POLICY).parsebytes(raw)[name]


def _outcome(call: Callable[[], object]) -> object:
    try:
        return call()
    except Exception as err:  # the same failure, or the same value
        return type(err)


@settings(max_examples=800, deadline=None)
@given(_MAILBOX)
def test_an_address_header_is_read_as_the_stdlib_reads_it(value: str) -> None:
    raw = f"From: {value}\r\n\r\n".encode("utf-8", "surrogateescape")
    try:
        headers = read(raw)
    except InvalidInput:  # refused before any decoding (a line that is no header)
        return
    ours = _outcome(lambda: headers.addresses("From"))
    theirs = _outcome(
        lambda: tuple((a.display_name, a.addr_spec) for a in _stdlib(value, "From").addresses)
    )
    assert ours == theirs


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.lists(_WORD_SHAPED, min_size=1, max_size=3).map(" ".join),
        st.lists(st.one_of(_WORD_SHAPED, _NAME_WORD), max_size=4).map(" ".join),
        _ENCODED,
        st.text(st.characters(codec="ascii", exclude_characters="\r\n"), max_size=30),
        _joined(["Votre", "candidature", "RE:", " ", "\t", "  ", "'", "="], 8),
    )
)
def test_a_subject_is_read_as_the_stdlib_reads_it(value: str) -> None:
    raw = f"Subject: {value}\r\n\r\n".encode()
    try:
        headers = read(raw)
    except InvalidInput:
        return
    assert headers.text("Subject") == _outcome(lambda: str(_stdlib(value, "Subject")))


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.datetimes(timezones=st.timezones()).map(format_datetime),
        st.text(st.sampled_from([*"Thu, 10 Dec 2026 16:05:00 -0500()+GMTZ"]), max_size=40),
    )
)
def test_a_date_is_read_as_the_stdlib_reads_it(value: str) -> None:
    headers = read(f"Date: {value}\r\n\r\n".encode())
    theirs = _outcome(lambda: _stdlib(value, "Date").datetime)
    assert headers.date("Date") == (theirs if isinstance(theirs, datetime) else None)


def test_the_usual_mail_is_read_without_the_stdlib_s_header_parser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The fast paths are the ones taken: a name, plain or encoded, before an address,
    and an encoded subject, as in the example and in most employers' mail."""

    def refuse(*_: object) -> object:
        raise AssertionError("the stdlib's header parser was called")

    monkeypatch.setattr(Headers, "_parsed", refuse)
    headers = read(example_rejection())
    assert headers.addresses("From") == (("Marie Tremblay", "marie.tremblay@example.com"),)
    assert headers.addresses("Reply-To") == (("Recrutement Ubisoft", "recrutement@example.com"),)
    assert headers.text("Subject") == "Votre candidature au poste d’analyste de données"
    reply = rejection_reply(SCENARIOS[0].interview, rejection=example_rejection())
    assert reply.email.to == "Recrutement Ubisoft <recrutement@example.com>"


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.builds(format_address, _PERSON, _CLEAN_ADDRESS),
        st.builds(lambda name, address: f"{name} <{address}>", _PERSON, _CLEAN_ADDRESS),
        _MAILBOX,
    )
)
def test_a_plain_address_is_split_as_the_stdlib_splits_it(value: str) -> None:
    simple = simple_address(value)
    if simple is not None:
        assert [simple] == getaddresses([value])
        # And written back as it was read, which the draft's check relies on.
        name, address = simple
        local, _, domain = address.rpartition("@")
        assert str(Address(display_name=name, username=local, domain=domain)) == value


def test_every_address_relance_writes_for_the_scenarios_is_plain() -> None:
    """The draft's fast path is the one taken for the names people have."""
    seen = 0
    for scenario in SCENARIOS:
        for note in thank_you_notes(scenario.interview):
            for value in filter(None, (note.sender, note.to)):
                if "." not in value.partition("<")[0]:  # « J.-P. Roy » is quoted: the stdlib's
                    assert simple_address(value) is not None, value
                    seen += 1
    assert seen >= 40


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


def units_by_look_behind(text: str) -> str:
    """The first implementation, one regular expression with a look-behind: the reference
    (with the digits 0-9 that typography's other patterns and its gate always took)."""
    symbols, words = _french._UNIT_SYMBOLS, _french._UNIT_WORDS
    pattern = re.compile(
        r"(?<![\w.,\u00a0\u202f+])([0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+|[0-9]+)((?:[.,][0-9]+)?)"
        rf"(?:[ \u00a0\u202f]?({symbols})|[ \u00a0\u202f]({words}))(?!\w)"
    )
    return pattern.sub(_french._unit, text)


@settings(max_examples=500, deadline=None)
@given(
    _joined(
        [*"0123456789 ,.+a_²٣\u00a0\u202f$%€", "ans", " ans", "M$", "CHF", "employés", "000"], 14
    )
)
@example("Budget de 10 000 $, 12 500 employés, 1,5 an et x2 ans")
@example("a12 000 $")
def test_units_are_found_as_the_look_behind_found_them(text: str) -> None:
    assert _french.units(text) == units_by_look_behind(text)


_QUEBEC = _french.Typography("\u00a0", "\u202f", "\u00a0")
_RULES = st.sampled_from([_QUEBEC, _french.Typography("\u202f", "\u202f", "\u202f")])


@settings(max_examples=500, deadline=None)
@given(
    _joined(
        [
            *"0123456789 +().-:;!?'\"«»ah\u00a0\n",
            "Tél. ",
            "514 555-0199",
            "+1 (514)",
            "16h30",
            " ans",
            "20%",
            "x@y.ca",
            "https://a.ca/20%",
            "...",
            " - ",
        ],
        16,
    ),
    _RULES,
)
@example("Tél. ( - 514 555 0199)", _QUEBEC)
@example("Tél. + - 33 1 23 45 67 89", _QUEBEC)
@example(
    "Appelez-moi au (514) 555-0199 ou au +33 1 23 45 67 89 : à 16h30, 5 ans",
    _QUEBEC,
)
def test_typography_from_the_first_digit_is_typography_over_the_whole_text(
    text: str, rules: _french.Typography
) -> None:
    """The passes for amounts, phone numbers and times start at the first digit (or at
    the « +( » before it): the same text as starting them at the start of the text."""
    whole = _french._first_digit, _french._phone_start
    try:
        _french._first_digit = lambda t: 0 if whole[0](t) >= 0 else -1  # type: ignore[assignment]
        _french._phone_start = lambda t, digit: 0  # type: ignore[assignment]
        expected = _french._typeset(text, rules)
    finally:
        _french._first_digit, _french._phone_start = whole  # type: ignore[assignment]
    assert _french._typeset(text, rules) == expected


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        _joined(
            [
                *"0123456789 +().-:;!?'\"«»ah\u00a0",
                "Tél. ",
                "514 555-0199",
                "16h30",
                " ans",
                "20%",
                "x@y.ca",
                "https://a.ca/",
                "...",
                " - ",
                "  ",
            ],
            10,
        ),
        max_size=5,
    ).map("\n".join),
    _RULES,
)
@example("0\n...:16h30  et 9 h", _QUEBEC)
@example(
    "Je répète :\n514 555-0199\n! « x »\n10\n000 $",
    _QUEBEC,
)
def test_typography_line_by_line_is_typography_over_the_whole_text(
    text: str, rules: _french.Typography
) -> None:
    """No rule reaches across a line break, so the cache may hold lines."""
    assert _french.typography(text, rules) == _french._typeset(text, rules)


def hours_by_look_behind(text: str) -> str:
    """The first implementation, one pattern with a look-behind: the reference."""
    pattern = re.compile(
        r"(?<![0-9])([01]?[0-9]|2[0-3])[ \u00a0\u202f]?h(?:[ \u00a0\u202f]?([0-5][0-9]))?\b"
    )

    def hour(match: re.Match[str]) -> str:
        hours, minutes = match.groups()
        return f"{int(hours)}\u00a0h\u00a0{minutes}" if minutes else f"{int(hours)}\u00a0h"

    return pattern.sub(hour, text)


@settings(max_examples=500, deadline=None)
@given(_joined([*"0123456789 h\u00a0\u202fx:", "16h30", "24h", "9 h", "de 9 h à 17 h"], 12))
@example("de 9h à 17h30, 24h sur 24, 123h, 27h30, 09 h 05, 23h59h")
def test_times_are_found_as_the_look_behind_found_them(text: str) -> None:
    assert _french._hours(text, 0) == hours_by_look_behind(text)


@settings(max_examples=800, deadline=None)
@given(_joined([*"a =?\r\n\x00\x85\u2028\u202e\ufeff\ud800\udfffé", "=?", "?=", "=\r"], 10))
@example("Sujet =?utf-8?q?x?=")
@example("=\u2028?")
def test_the_unsafe_search_finds_what_the_three_rules_find(text: str) -> None:
    plain = re.compile(f"{FORBIDDEN.pattern}|{SURROGATE.pattern}|{ENCODED_WORD.pattern}")
    assert bool(UNSAFE.search(text)) == bool(plain.search(text))
    found = UNSAFE.search(text)
    assert (found and found.start()) == (plain.search(text) and plain.search(text).start())


@settings(max_examples=800, deadline=None)
@given(st.binary(max_size=14).map(lambda b: bytes(b"a\r\n:"[x % 4] for x in b)))
@example(b"a\r\r\na")
@example(b"a\r\n\nb")
def test_the_end_of_the_header_block_is_found_where_the_plain_pattern_finds_it(
    raw: bytes,
) -> None:
    plain = re.compile(rb"(?:\r\n|\n|\r(?!\n)){2}")
    mine, theirs = _BLOCK_END.search(raw), plain.search(raw)
    assert (mine and mine.span()) == (theirs and theirs.span())


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_from_dict_sets_every_field_as_the_constructor_does(scenario: Scenario) -> None:
    """``from_dict`` checks every field once and sets them, where the constructor checks
    them again: the same values, of the same types, come out of both."""
    data = json.loads(json.dumps(scenario.interview.as_dict()))
    read = Interview.from_dict(data)
    built = dataclasses.replace(read)  # through __init__ and __post_init__
    assert read == built
    assert {k: (type(v), v) for k, v in vars(read).items()} == {
        k: (type(v), v) for k, v in vars(built).items()
    }
    assert pickle.loads(pickle.dumps(read)) == read  # noqa: S301 - our own object


@settings(max_examples=1500, deadline=None)
@given(
    _joined(
        [
            *"0123456789 +().-:;!?'\"«»aéh,’\u00a0\u202f\u2009%$€",
            *(".", "  ", " - ", "x@y.ca", "www", " ans", "16h30", "9 h", " mois", "M$", " 000"),
        ],
        14,
    ),
    _RULES,
)
@example("Bonjour Dominique Bélanger,", _QUEBEC)
@example("16h300 000", _QUEBEC)
@example("16h30514 555-0199", _QUEBEC)
@example("514\u00a0555-0199", _QUEBEC)
@example("+1 (514) 555-0199", _QUEBEC)
def test_a_quiet_text_is_one_typography_leaves_as_it_is(
    text: str, rules: _french.Typography
) -> None:
    """Typography skips the texts without any rule's sign: no rule would change them."""
    if _french._quiet(text):
        assert _french._typeset(text, rules) == text
    assert _french.typography(text, rules) == _french._typeset(text, rules)


def test_the_package_templates_find_every_attribute_they_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Jinja2 tries an attribute before an item: a name the templates read on a dict or
    a plain mapping (``variant.thanks``, ``words.email``) raised and caught an
    AttributeError on every render. Every message of every scenario, in every region
    and register, now finds each one as an attribute."""
    environment = _render._package()
    missed: set[tuple[str, str]] = set()
    read = type(environment).getattr

    def getattr_(self: object, obj: object, attribute: str) -> object:
        if not hasattr(obj, attribute):
            missed.add((type(obj).__name__, attribute))
        return read(environment, obj, attribute)

    monkeypatch.setattr(type(environment), "getattr", getattr_)
    rendered = [every_rendered(scenario) for scenario in ALL_SCENARIOS]
    assert rendered
    assert missed == set()


@settings(max_examples=800, deadline=None)
@given(
    _joined(
        [*"0123456789 ,.+a_²\u00a0\u202f$%€£kMG", "ans", " an", "M$", "Md€", "CHF", "000", " m2"],
        14,
    )
)
@example("10 000 $")
@example("1,5 an")
@example("5\u202fans et 20\u202f%")
def test_units_change_only_a_text_with_a_digit_and_a_unit_after_it(text: str) -> None:
    """Typography looks for amounts only where a digit has a unit after it."""
    if _french._MAYBE_UNIT.search(text) is None:
        assert _french.units(text) == text


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["SQL", "Python", "A et B", "l’anglais", "", "x, y"]), max_size=6),
    st.sampled_from(["fr_CA", "fr_FR", "fr_BE", "fr_CH"]),
)
def test_a_list_is_joined_as_babel_joins_it(items: list[str], locale: str) -> None:
    """join() formats with the region's patterns, looked up once: what Babel writes."""
    from babel.lists import format_list

    assert _french.join(items, locale) == format_list(items, locale=locale)


@settings(max_examples=500, deadline=None)
@given(_joined([*"Sa: \t\x7f=?,;<>@é", "Subject", "From", " : ", "=?utf-8?q?x?="], 12))
@example("Subject : \t Re: x ")
def test_a_one_line_field_is_split_as_the_policy_splits_it(text: str) -> None:
    line = ("X-" + text.replace(":", "") + ":" + text).encode("utf-8", "surrogateescape")
    name, value = POLICY.header_source_parse([line.decode("ascii", "surrogateescape") + "\r\n"])
    assert _source_parse([line]) == (name.rstrip(" \t"), value)


@settings(max_examples=500, deadline=None)
@given(st.one_of(_PERSON, _NAME_WORD, st.just("")), _CLEAN_ADDRESS)
@example("Marie-Ève O’Neil", "marie@example.ca")
@example('Tremblay, "Marie"', "m@example.ca")
def test_an_address_is_formatted_as_the_stdlib_formats_it(name: str, address: str) -> None:
    """A plain name and address are written without the stdlib: as it writes them."""
    username, _, domain = address.rpartition("@")
    try:
        expected = str(Address(display_name=name, username=username, domain=domain))
    except ValueError:  # a name the stdlib refuses (a line break): relance's checks do too
        return
    assert format_address.__wrapped__(name, address) == expected


def test_a_draft_relance_composes_is_the_draft_its_constructor_makes() -> None:
    """relance's own drafts read their addresses when a message is built, not when they
    are made: they are the drafts the constructor makes, with the same addresses."""
    seen = 0
    for scenario in ALL_SCENARIOS:
        for _kind, output in every_rendered(scenario).values():
            if not isinstance(output, Draft):
                continue
            assert "_addresses" not in vars(output)  # not read yet
            checked = Draft(**{f.name: getattr(output, f.name) for f in dataclasses.fields(Draft)})
            assert output == checked
            assert output._addresses == checked._addresses
            assert pickle.loads(pickle.dumps(output)) == output  # noqa: S301 - our own bytes
            seen += 1
    assert seen > 300


def test_a_composed_draft_whose_address_does_not_read_back_says_so_when_built() -> None:
    """Were format_address to write an address that does not read back, the message is
    not built: the draft names the field, as its constructor would have."""
    fields = dataclasses.asdict(thank_you_notes(SCENARIOS[0].interview)[0])
    composed = Draft._composed(**{**fields, "to": "Marie <marie@exemple..ca>"})
    with pytest.raises(InvalidInput) as caught:
        composed.to_eml()
    assert [problem.field for problem in caught.value.problems] == ["to"]
    with pytest.raises(InvalidInput):
        Draft(**{**fields, "to": "Marie <marie@exemple..ca>"})


_ANY_NAME = st.one_of(
    _NAME, _PERSON, _NAME_WORD, st.text(st.characters(codec="utf-8"), max_size=16)
)
_ANY_EMAIL = st.one_of(
    _CLEAN_ADDRESS,
    _ADDRESS,
    st.builds(lambda local, label: f"{local}@{label}.québec.ca", _ATEXT, _LABEL),
)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(_ANY_NAME, _ANY_EMAIL), min_size=1, max_size=3))
@example([("Tremblay, Marie", "marie@example.ca"), ("J.-P. Roy", "jp@exemple.québec.ca")])
@example([('Marie "la grande" Côté', "m@example.ca")])
def test_the_addresses_relance_writes_of_checked_mailboxes_read_back_as_them(
    mailboxes: list[tuple[str, str]],
) -> None:
    """Why a composed draft need not read its addresses at once: what format_address
    writes of names and addresses the model checked (one, or several joined as a
    reply's ``To`` is) reads back as exactly those mailboxes."""
    checked = []
    for name, email in mailboxes:
        try:
            checked.append(checked_mailbox(name, email))
        except InvalidInput:
            continue
    if not checked:
        return
    value = ", ".join(format_address(name, cast(str, email)) for name, email in checked)
    check = _Check()
    expected = []
    for name, email in checked:
        local, _, domain = _ascii_domain(cast(str, email)).rpartition("@")
        expected.append(Address(display_name=name, username=local, domain=domain))
    assert check.addresses("to", value) == tuple(expected), check.problems
    sender = format_address(*cast(tuple[str, str], checked[0]))
    assert check.sender_and_recipients(sender, value) == (expected[0], tuple(expected))


@settings(max_examples=500, deadline=None)
@given(_joined([*"<>@=?., \t\r\nab[]é\x00", "<a@b>", "=?utf-8?q?x?=", "x@y"], 16))
@example("<=?utf-8?q?x?=@evil.example> <a=b@c.example>")
def test_every_id_of_a_thread_is_one_a_draft_keeps_as_it_is(text: str) -> None:
    """Why a composed draft need not check its thread again: each id message_ids reads
    is one the constructor's checks keep as it is, without a problem."""
    ids = message_ids(text)
    check = _Check()
    for found in ids:
        assert check.message_id("in_reply_to", found) == found
    assert check.references(tuple(ids[:MAX_REFERENCES])) == tuple(ids[:MAX_REFERENCES])
    assert not check.problems


def test_a_long_thread_is_cut_to_what_a_draft_takes() -> None:
    chain = " ".join(f"<id{n}@example.com>" for n in range(MAX_REFERENCES * 2))
    mail = example_rejection().replace(
        b"Message-ID:", b"References: " + chain.encode() + b"\r\nMessage-ID:", 1
    )
    reply = rejection_reply(SCENARIOS[0].interview, rejection=mail).email
    assert len(reply.references) == MAX_REFERENCES
    assert reply.references[0] == "<id0@example.com>"
    assert reply.references[-1] == reply.in_reply_to
    assert Draft(**dataclasses.asdict(reply)) == reply


@settings(max_examples=400, deadline=None)
@given(st.from_regex(f"(?:{_french._UNIT_SYMBOLS}|{_french._UNIT_WORDS})", fullmatch=True))
def test_the_unit_gate_lets_every_unit_through(unit: str) -> None:
    """The gate's look-ahead lists the first character of every unit: none is missed."""
    assert _french._MAYBE_UNIT.search(f"5 {unit}") is not None
    assert _french._MAYBE_UNIT.search(f"5{unit}") is not None


def _text_as_first_checked(value: str) -> tuple[str | None, list[str]]:
    """The model's text check as first written: one search, then the spaces."""
    if UNSAFE.search(value):
        if FORBIDDEN.search(value):
            return None, ["text.control_characters"]
        if SURROGATE.search(value):
            return None, ["text.lone_surrogate"]
        return None, ["text.encoded_word"]
    value = " ".join(value.split())
    if not value:
        return None, ["field.empty"]
    return value, []


# Every kind of space and control Python knows, the unsafe signs, and plain text.
_SPACES_AND_SIGNS = [
    *" \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u200a\u2028\u2029\u202f",
    *"\u205f\u3000\x00\x7f\x9f\u202a\u202e\u2066\u2069\ufeff\u200b\ud800\udfff\ue000",
    *("=", "?", "=?", "a", "é", "Marie", "’", "  "),
]


@settings(max_examples=1000, deadline=None)
@given(st.one_of(_joined(_SPACES_AND_SIGNS, 10), st.text(max_size=12)))
@example("Marie  Tremblay")
@example("Marie\u00a0Tremblay")
@example(" Marie")
@example("a=?b")
def test_a_text_check_skips_only_what_it_would_keep_as_it_is(value: str) -> None:
    """A clean value skips the text check's search and its join: same value, same
    problem, whatever the spaces and signs."""
    check = _Checker()
    found = check.text("name", value, required=True, max_length=1000)
    assert (found, [p.code for p in check.problems]) == _text_as_first_checked(value)
