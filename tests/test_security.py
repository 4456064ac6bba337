"""Security: nothing from outside adds a header or a recipient, hangs a render, or ends
in a foreign exception or a traceback.

Every message that comes out is parsed back with the stdlib, with the modern policy
and with compat32, and must hold exactly the headers relance wrote and exactly the
intended recipients. Every refusal must be a RelanceError.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from email import message_from_bytes, policy
from email.message import Message
from email.utils import getaddresses
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relance import (
    Contact,
    Draft,
    Interview,
    InvalidInput,
    RelanceError,
    TemplateError,
    rejection_reply,
    thank_you_notes,
)
from relance._headers import (
    ENCODED_WORD,
    FORBIDDEN,
    HeaderMismatch,
    message_id,
    message_ids,
    verify_headers,
)
from relance.cli import main

from scenarios import SCENARIOS

EVERY_FIELD = SCENARIOS[0].interview
WHEN = datetime(2026, 12, 2, 9, 30, tzinfo=timezone(timedelta(hours=-5)))

# ------------------------------------------------------------------------ payloads

_CRLF_BCC_Q = "=0D=0ABcc=3A_x=40evil=2Eexample=0D=0AX-A=3A_"
_CRLF_BCC_B = base64.b64encode(b"\r\nBcc: x@evil.example\r\nX-A: ").decode()
_END_OF_HEADERS_B = base64.b64encode(b"\r\n\r\nAttacker's body").decode()

PAYLOADS = {
    "space before charset": f"=? x?q?{_CRLF_BCC_Q}?=",
    "empty charset": f"=? ?q?{_CRLF_BCC_Q}?=",
    "space after charset": f"=?utf-8 ?q?{_CRLF_BCC_Q}?=",
    "space inside charset, b": f"=?a b?b?{_CRLF_BCC_B}?=",
    "plain encoded word": f"=?utf-8?q?{_CRLF_BCC_Q}?=",
    "ends the header block": f"=?utf-8?b?{_END_OF_HEADERS_B}?=",
    "inside text": f"Merci =?utf-8 ?Q?{_CRLF_BCC_Q}?= encore",
    "raw CRLF": "Marie\r\nBcc: x@evil.example",
    "raw LF": "Marie\nBcc: x@evil.example",
    "U+2028": "Marie\u2028Bcc: x@evil.example",
    "NUL": "Marie\x00",
    "angle address": "Marie <x@evil.example>",
    "address list": "Marie <m@x.example>, x@evil.example",
}
PAYLOAD_IDS = list(PAYLOADS)


def assert_clean(raw: bytes, to: list[str]) -> None:
    """Parsed back as a mail client and as a server would, the message holds exactly the
    headers relance writes and exactly the intended recipients."""
    for each in (policy.default, policy.compat32):
        parsed = message_from_bytes(raw, policy=each)
        names = [name.lower() for name in parsed]
        assert "bcc" not in names
        assert "cc" not in names
        assert len(names) == len(set(names)), names
        assert set(names) <= {
            "from",
            "to",
            "subject",
            "date",
            "message-id",
            "in-reply-to",
            "references",
            "content-type",
            "content-transfer-encoding",
            "mime-version",
            "content-language",
        }
        assert not parsed.defects
        recipients = [addr for _, addr in getaddresses(parsed.get_all("To", []))]
        assert recipients == to


def outcome(build: Callable[[], list[Draft]], to: list[str] | None) -> str:
    """'refused' (a RelanceError), or 'clean' once every draft is checked: its message
    goes to ``to`` exactly, or (None) to the addresses the draft's own ``to`` lists."""
    try:
        drafts = build()
    except RelanceError:
        return "refused"
    for each in drafts:
        expected = [addr for _, addr in getaddresses([each.to])] if to is None else to
        assert_clean(each.to_eml(date=WHEN), expected)
    return "clean"


# ----------------------------------------------------- the interview, every field


def _interview(field: str, payload: str) -> Interview:
    interviewer = EVERY_FIELD.interviewers[0]
    if field == "candidate":
        return replace(EVERY_FIELD, candidate=replace(EVERY_FIELD.candidate, name=payload))
    if field in ("name", "role", "topic", "surname"):
        changed = replace(interviewer, **{field: payload})
        return replace(EVERY_FIELD, interviewers=[changed])
    if field == "strengths":
        return replace(EVERY_FIELD, strengths=["la rigueur", payload])
    return replace(EVERY_FIELD, **{field: payload})


INTERVIEW_FIELDS = [
    "candidate",
    "name",
    "role",
    "topic",
    "surname",
    "company",
    "position",
    "strengths",
    "forgot_to_mention",
]


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOAD_IDS)
@pytest.mark.parametrize("field", INTERVIEW_FIELDS)
def test_no_interview_field_adds_a_header(field: str, payload: str) -> None:
    address = EVERY_FIELD.interviewers[0].email
    assert address is not None
    result = outcome(lambda: thank_you_notes(_interview(field, payload))[:1], [address])
    if ENCODED_WORD.search(payload) or "\n" in payload or "\x00" in payload:
        assert result == "refused"


REFUSED = {
    name: payload
    for name, payload in PAYLOADS.items()
    if ENCODED_WORD.search(payload) or "\n" in payload or "\x00" in payload
}


@pytest.mark.parametrize("payload", REFUSED.values(), ids=REFUSED.keys())
def test_contacts_refuse_every_payload_the_model_checks(payload: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        Contact(payload, "Madame", "m@x.example")
    assert [problem.field for problem in caught.value.problems] == ["name"]


# ----------------------------------------------------------- Draft, every header


def make_draft(**changes: Any) -> Draft:
    fields: dict[str, Any] = {
        "kind": "thank_you",
        "locale": "fr_CA",
        "sender": "Camille Roy <camille@example.com>",
        "to": "Marie Tremblay <marie@example.org>",
        "subject": "Merci",
        "body": "Bonjour,\n\nMerci.",
        "send_on": date(2026, 12, 2),
    }
    return Draft(**{**fields, **changes})


def _draft_changes(field: str, payload: str) -> dict[str, Any]:
    # As a caller may pass them: the payload as it is before the address, and quoted.
    if field == "sender":
        return {"sender": f"{payload} <camille@example.com>"}
    if field == "to":
        return {"to": f"{payload} <marie@example.org>"}
    if field == "quoted to":
        return {"to": f'"{payload}" <marie@example.org>'}
    if field == "references":
        return {"references": ("<a@example.org>", payload)}
    return {field: payload}


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOAD_IDS)
@pytest.mark.parametrize(
    "field", ["sender", "to", "quoted to", "subject", "in_reply_to", "references"]
)
def test_no_draft_field_adds_a_header(field: str, payload: str) -> None:
    def build() -> list[Draft]:
        return [make_draft(**_draft_changes(field, payload))]

    # A caller who writes an address list into ``to`` sends to that list.
    result = outcome(build, None if field == "to" else ["marie@example.org"])
    refused = ENCODED_WORD.search(payload) or FORBIDDEN.search(payload)
    if refused or field in ("in_reply_to", "references"):
        assert result == "refused"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"send_on": "2026-12-02"}, "send_on"),
        ({"send_on": None}, "send_on"),
        ({"kind": "merci"}, "kind"),
        ({"locale": "fr_XX"}, "locale"),
        ({"locale": None}, "locale"),
        ({"to": 42}, "to"),
        ({"to": "pas une adresse"}, "to"),
        ({"sender": ""}, "sender"),
        ({"sender": "a@example.com, b@example.com"}, "sender"),
        ({"body": None}, "body"),
        ({"body": "\ud800"}, "body"),
        ({"subject": "x" * 5000}, "subject"),
        ({"references": "<a@b>"}, "references"),
        ({"references": ["<a@b>"] * 101}, "references"),
        ({"to": ", ".join(f"p{n}@example.org" for n in range(51))}, "to"),
        ({"in_reply_to": "<<>@acme.example>"}, "in_reply_to"),
        ({"html": b"<p>"}, "html"),
    ],
)
def test_a_draft_refuses_what_would_not_render(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        make_draft(**changes)
    assert [problem.field for problem in caught.value.problems] == [field]


def test_a_draft_keeps_message_ids_with_their_brackets() -> None:
    draft = make_draft(in_reply_to="refus-1@rh.example", references=["a@rh.example"])
    assert (draft.in_reply_to, draft.references) == ("<refus-1@rh.example>", ("<a@rh.example>",))


@pytest.mark.parametrize(
    ("block", "problem"),
    [
        (b"From: a@x.example\r\nTo: b@y.example\r\nBcc: c@evil.example", "headers"),
        (b"From: a@x.example\r\nTo: b@y.example\r\n\r\nX-A: body", "read back"),
        (b"From: a@x.example\r\nTo: c@evil.example", "other addresses"),
        (b"From: a@x.example\r\nTo: b@y.example, c@evil.example", "other addresses"),
    ],
)
def test_the_read_back_refuses_other_headers_or_recipients(block: bytes, problem: str) -> None:
    with pytest.raises(HeaderMismatch, match=problem) as caught:
        verify_headers(block, ["From", "To"], {"From": ["a@x.example"], "To": ["b@y.example"]})
    assert isinstance(caught.value, RelanceError)


def test_the_read_back_accepts_the_block_meant() -> None:
    block = b"From: A <a@x.example>\r\nTo: =?utf-8?q?B=C3=A9?=\r\n <b@y.example>"
    verify_headers(block, ["From", "To"], {"From": ["a@x.example"], "To": ["b@y.example"]})


# -------------------------------------------------------- subjects from templates


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOAD_IDS)
def test_a_subject_template_adds_no_header(tmp_path: Path, payload: str) -> None:
    (tmp_path / "thank_you.subject.txt").write_text(
        "{{ injected }}".replace("{{ injected }}", payload.replace("{", "")), encoding="utf-8"
    )
    address = EVERY_FIELD.interviewers[0].email
    assert address is not None
    # Typography may space "=?" apart; either way, nothing is injected.
    outcome(lambda: thank_you_notes(EVERY_FIELD, templates=tmp_path)[:1], [address])


# ----------------------------------------------------------- the employer's message


def employer(**headers: str) -> bytes:
    """A rejection with these raw header lines (None-free), then a body."""
    fields = {
        "From": "Marie Tremblay <marie.tremblay@ubisoft.example>",
        "To": "Camille Roy <camille.roy@example.com>",
        "Subject": "Votre candidature",
        "Date": "Thu, 10 Dec 2026 16:05:00 -0500",
        "Message-ID": "<refus-1@ubisoft.example>",
    }
    fields.update(headers)
    head = "".join(f"{name}: {value}\r\n" for name, value in fields.items())
    return (
        head.encode("utf-8", "surrogateescape")
        + b"\r\nNous avons retenu une autre candidature.\r\n"
    )


def _encoded_b(text: str) -> str:
    return f"=?utf-8?b?{base64.b64encode(text.encode()).decode()}?="


def _encoded_q(text: str) -> str:
    return "=?utf-8?q?" + "".join(f"={byte:02X}" for byte in text.encode()) + "?="


ENCODINGS: dict[str, Callable[[str], str]] = {
    "raw": lambda text: text,
    "base64": _encoded_b,
    "q": _encoded_q,
}


def _employer_value(header: str, payload: str) -> str:
    if header in ("From", "Reply-To"):
        return f"{payload} <rh@ubisoft.example>"
    if header in ("Message-ID", "References"):
        return f"<a@ubisoft.example> {payload}"
    return payload


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOAD_IDS)
@pytest.mark.parametrize("header", ["From", "Reply-To", "Subject", "Message-ID", "References"])
def test_the_employer_s_headers_add_no_header(header: str, payload: str, encoding: str) -> None:
    value = _employer_value(header, ENCODINGS[encoding](payload))
    raw = employer(**{header: value})
    try:
        reply = rejection_reply(EVERY_FIELD, rejection=raw)
    except RelanceError:
        return
    # The reply goes to addresses the employer's header holds, and to no other.
    to = [addr for _, addr in getaddresses([reply.email.to])]
    assert to
    assert all(addr in raw.decode("utf-8", "replace") for addr in to)
    assert_clean(reply.email.to_eml(date=WHEN), to)


@pytest.mark.parametrize(
    ("raw", "field", "words", "code"),
    [
        pytest.param(
            employer(Subject="x" * 1_000_000),
            "rejection",
            "headers are longer",
            "rejection.headers_too_long",
            id="1 MB Subject",
        ),
        pytest.param(
            employer(References=" ".join(f"<r{n}@x.example>" for n in range(100_000))),
            "rejection",
            "headers are longer",
            "rejection.headers_too_long",
            id="100,000 References",
        ),
        pytest.param(
            employer(Subject=" ".join(["=?utf-8?q?=C3=A9?="] * 10_000)),
            "rejection",
            "headers are longer",
            "rejection.headers_too_long",
            id="10,000 encoded words",
        ),
        pytest.param(
            employer(From=", ".join(f"p{n}@ubisoft.example" for n in range(10_000))),
            "rejection",
            "headers are longer",
            "rejection.headers_too_long",
            id="10,000 addresses in From",
        ),
        pytest.param(
            employer(From=", ".join(f"p{n}@ubisoft.example" for n in range(60))),
            "rejection.From",
            "at most 50",
            "rejection.too_many_addresses",
            id="60 addresses in From",
        ),
        pytest.param(
            employer(References=" ".join(f"<r{n}@x.example>" for n in range(1_000))),
            "rejection.References",
            "longer than 8 kB",
            "rejection.header_too_long",
            id="a 16 kB References",
        ),
        pytest.param(
            b"From: m@ubisoft.example\r\nnot a header line\r\nReply-To: x@evil.example\r\n\r\n",
            "rejection",
            "Line 2 of the message's headers is not a header",
            "rejection.line_not_header",
            id="header line without a colon",
        ),
        pytest.param(
            b"\x00" * (26 * 1024 * 1024),
            "rejection",
            "larger than 25 MB",
            "rejection.too_large",
            id="26 MB message",
        ),
        pytest.param(
            b"".join(b"X-%d: x\r\n" % n for n in range(301)) + b"From: m@ubisoft.example\r\n\r\n",
            "rejection",
            "more than 300 headers",
            "rejection.too_many_headers",
            id="301 headers",
        ),
    ],
)
def test_hostile_messages_are_refused_by_the_caps(
    raw: bytes, field: str, words: str, code: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        rejection_reply(EVERY_FIELD, rejection=raw, received_on=date(2026, 12, 10))
    [problem] = caught.value.problems
    assert problem.field == field
    assert words in problem.message
    assert problem.code == code


def test_a_deeply_nested_message_is_answered_from_its_headers() -> None:
    head = employer().split(b"\r\n\r\n", 1)[0] + b"\r\nMIME-Version: 1.0\r\n"
    nested = b"Content-Type: text/plain\r\n\r\nfin\r\n"
    for _ in range(2_000):
        nested = b"Content-Type: message/rfc822\r\n\r\n" + nested
    reply = rejection_reply(EVERY_FIELD, rejection=head + nested)
    assert reply.email.in_reply_to == "<refus-1@ubisoft.example>"


@pytest.mark.parametrize(
    ("header", "in_reply_to"),
    [
        ("refus-1@ubisoft.example", "<refus-1@ubisoft.example>"),
        ("<refus-1@ubisoft.example>", "<refus-1@ubisoft.example>"),
        ("<<>@acme.example>", None),
        ("<=?utf-8?q?x?=@acme.example>", None),
    ],
)
def test_message_ids_are_read_with_or_without_brackets(
    header: str, in_reply_to: str | None
) -> None:
    reply = rejection_reply(EVERY_FIELD, rejection=employer(**{"Message-ID": header}))
    assert reply.email.in_reply_to == in_reply_to


def test_message_id_syntax() -> None:
    assert message_id(" <a.b@c.example> ") == "<a.b@c.example>"
    assert message_id("a b@c") is None
    assert message_ids("<a@x> b@y, c@z Bcc:d@evil <e@[10.0.0.1]>") == [
        "<a@x>",
        "<b@y>",
        "<c@z>",
        "<e@[10.0.0.1]>",
    ]


def test_a_parsed_message_is_read_from_its_headers_only() -> None:
    message = message_from_bytes(employer(), policy=policy.compat32)
    assert isinstance(message, Message)
    reply = rejection_reply(EVERY_FIELD, rejection=message)
    assert reply.email.to == "Marie Tremblay <marie.tremblay@ubisoft.example>"


# ------------------------------------------------------------ nested input files


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("deep.json", "[" * 100_000 + "]" * 100_000),
        ("deep.toml", "a = " + "[" * 100_000 + "]" * 100_000),
        ("big.json", json.dumps({"company": "x" * 2_000_000})),
    ],
)
def test_hostile_input_files_are_invalid_input(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        Interview.load(path)
    [problem] = caught.value.problems
    assert problem.field == str(path)
    assert "nested far too deeply" in problem.message or "larger than 1024 kB" in problem.message


# ---------------------------------------------------------------- template limits

TEMPLATE_ATTACKS = {
    "format width": ("{{ '{0:>999999999}'.format('x') }}", "width limit"),
    "format width from an argument": ("{{ '{0:{1}}'.format('x', 999999999) }}", "argument"),
    "percent width": ("{{ '%999999999s' % 'x' }}", "width limit"),
    "format filter": ("{{ '%999999999s'|format('x') }}", "width limit"),
    "center": ("{{ 'x'.center(999999999) }}", "width limit"),
    "ljust": ("{{ 'x'.ljust(999999999) }}", "width limit"),
    "rjust": ("{{ 'x'.rjust(999999999) }}", "width limit"),
    "zfill": ("{{ '1'.zfill(999999999) }}", "width limit"),
    "expandtabs": ("{{ ('\\t' * 100).expandtabs(999999999) }}", "width limit"),
    "indent": ("{{ 'a\\nb'|indent(999999999) }}", "width limit"),
    "string doubling": (
        (
            "{% set ns = namespace(s='x') %}{% for i in range(60) %}"
            "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}"
        ),
        "value limit",
    ),
    "replace": ("{{ ('x' * 10000).replace('', 'y' * 1000) }}", "value limit"),
    "range": ("{{ range(100000)|length }}", "range limit"),
    "nested loops": (
        "{% for a in range(10000) %}{% for b in range(10000) %}{% endfor %}{% endfor %}",
        "time limit",
    ),
    "macro recursion": ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}", "recursion"),
    "macro fan-out": (
        "{% macro f(n) %}{% if n %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}{{ f(60) }}",
        "time limit",
    ),
    "big power": ("{{ ((9**999)**999)**999 }}", "number limit"),
    "lipsum": ("{{ lipsum(10**6) }}", "'lipsum' is undefined"),
    "sum start": ("{{ ([range(5000)|list] * 5000)|sum(start=[]) }}", "value limit"),
    "join": ("{{ (['x' * 10000] * 10000)|join }}", "value limit"),
    "output": (
        "{% for a in range(10000) %}{% for b in range(9) %}"
        + "x" * 100
        + "{% endfor %}{% endfor %}",
        "output limit",
    ),
}


@pytest.mark.parametrize(
    ("source", "limit"), TEMPLATE_ATTACKS.values(), ids=TEMPLATE_ATTACKS.keys()
)
def test_a_template_stays_within_the_limits(tmp_path: Path, source: str, limit: str) -> None:
    path = tmp_path / "thank_you.body.txt"
    path.write_text(f"Bonjour,\n{source}\n", encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        thank_you_notes(EVERY_FIELD, templates=tmp_path)
    assert caught.value.template == str(path)
    assert limit in str(caught.value)


def test_a_symbolic_link_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("secret", encoding="utf-8")
    directory = tmp_path / "templates"
    directory.mkdir()
    (directory / "thank_you.body.txt").symlink_to(outside)
    with pytest.raises(TemplateError, match="symbolic link") as caught:
        thank_you_notes(EVERY_FIELD, templates=directory)
    assert "secret" not in str(caught.value).replace("secret.txt", "")


def test_an_include_cannot_leave_the_directory(tmp_path: Path) -> None:
    (tmp_path / "thank_you.body.txt").write_text("{% include '../../etc/hostname' %}")
    with pytest.raises(TemplateError):
        thank_you_notes(EVERY_FIELD, templates=tmp_path)


def test_templates_check_reports_every_attack_without_hanging(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = ["thank_you.body.txt", "follow_up.body.txt", "rejection.body.txt", "note.txt"]
    sources = [source for source, _ in TEMPLATE_ATTACKS.values()]
    for name, source in zip(names, sources[-4:], strict=True):
        (tmp_path / name).write_text(source, encoding="utf-8")
    assert main(["templates", "check", str(tmp_path)]) == 2
    assert "limit" in capsys.readouterr().out


# -------------------------------------------------------------------------- fuzz

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)
FIELDS = st.sampled_from(
    [
        "candidate",
        "company",
        "position",
        "held_at",
        "interviewers",
        "hiring_contact",
        "strengths",
        "forgot_to_mention",
        "locale",
        "tone",
        "region",
        "name",
        "email",
    ]
)
INTERVIEW_DATA = st.dictionaries(FIELDS, JSON | st.dictionaries(FIELDS, JSON), max_size=8)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(INTERVIEW_DATA)
def test_fuzz_interview_from_dict(data: dict[str, Any]) -> None:
    with contextlib.suppress(RelanceError):
        Interview.from_dict(data)


TEXT = st.text(max_size=60) | st.sampled_from(list(PAYLOADS.values()))


@FUZZ
@given(
    kind=st.sampled_from(["thank_you", "merci", ""]) | TEXT,
    locale=st.sampled_from(["fr_CA", "fr_FR"]) | TEXT,
    sender=st.sampled_from(["Camille <c@example.com>"]) | TEXT,
    to=st.sampled_from(["m@example.org", "", "Marie <m@example.org>, j@example.net"]) | TEXT,
    subject=TEXT,
    body=TEXT,
    send_on=st.dates() | st.datetimes() | st.none() | st.text(max_size=10),
    in_reply_to=st.none() | TEXT,
    references=st.lists(TEXT, max_size=3) | TEXT,
)
def test_fuzz_draft(**fields: Any) -> None:
    try:
        draft = Draft(**fields)
        draft.to_eml(date=WHEN)
        draft.to_message(date=WHEN)
        draft.mailto()
        draft.as_text()
    except RelanceError:
        pass


HEADER_LINE = st.tuples(
    st.sampled_from(
        [b"From", b"Reply-To", b"Subject", b"Message-ID", b"References", b"In-Reply-To", b"Date"]
    ),
    st.binary(max_size=60)
    | st.sampled_from([p.encode("utf-8", "surrogatepass") for p in PAYLOADS.values()])
    | st.sampled_from([b"<<>@acme.example>", b"=?utf-8?b?DQpCY2M6IHhAZQ==?= <a@b.c>"]),
).map(lambda pair: pair[0] + b": " + pair[1])


@FUZZ
@given(st.lists(HEADER_LINE, max_size=6).map(b"\r\n".join) | st.binary(max_size=200))
def test_fuzz_rejection_reply(raw: bytes) -> None:
    try:
        reply = rejection_reply(EVERY_FIELD, rejection=raw, received_on=date(2026, 12, 10))
        reply.email.to_eml(date=WHEN)
    except RelanceError:
        pass


# --------------------------------------------------------------------- the CLI


def run(*args: str, env: dict[str, str] | None = None, stdout: Any = subprocess.PIPE) -> Any:
    return subprocess.run(
        [sys.executable, "-m", "relance", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
        timeout=60,
        check=False,
    )


def test_the_cli_writes_utf8_whatever_the_locale() -> None:
    done = run("demo", env={"PYTHONIOENCODING": "cp1252"})
    assert done.returncode == 0, done.stderr
    assert "─" in done.stdout.decode("utf-8")


def test_a_full_disk_is_one_sentence_and_status_1() -> None:
    with open("/dev/full", "wb") as full:
        done = run("demo", stdout=full)
    assert done.returncode == 1
    assert done.stderr.decode() == (
        "relance: error: cannot write the output: No space left on device.\n"
    )
    with open("/dev/full", "wb") as full:
        french = run("demo", stdout=full, env={"LANG": "fr_CA.UTF-8"})
    assert french.returncode == 1
    assert french.stderr.decode() == (
        "relance\u00a0: erreur\u00a0: impossible d’écrire la sortie (No space left on device).\n"
    )


def test_out_writes_every_file_or_none(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    interview = tmp_path / "interview.toml"
    assert main(["example"]) == 0
    interview.write_text(capsys.readouterr().out, encoding="utf-8")
    out = tmp_path / "out"
    (out / "thank-you-2-dominique-belanger.txt").mkdir(parents=True)
    assert main(["thank-you", str(interview), "--out", str(out)]) == 1
    assert sorted(p.name for p in out.iterdir()) == ["thank-you-2-dominique-belanger.txt"]
    assert capsys.readouterr().err == (
        f"relance: error: {out / 'thank-you-2-dominique-belanger.txt'} is in the way: "
        "it is not a file. "
        "Nothing was written.\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["interview.toml", "out"]
