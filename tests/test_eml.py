"""The fast path to .eml bytes (what Draft.to_eml() uses for a draft without an HTML
part) writes what the stdlib's EmailMessage writes, byte for byte."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from email import message_from_bytes
from email.policy import default

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from relance import Draft, InvalidInput, MissingRecipient
from relance._catalogue import every_message
from relance._draft import format_address
from relance._eml import _read_back, eml_bytes
from relance._headers import HeaderMismatch
from relance._samples import example_rejection

from scenarios import SCENARIOS

WHEN = datetime(2026, 12, 2, 9, 30, tzinfo=timezone(timedelta(hours=-5)))


def drafts() -> list[tuple[str, Draft]]:
    found = []
    for scenario in SCENARIOS:
        rejection = example_rejection()
        later = scenario.interview.held_on + timedelta(days=14)
        for _, output in every_message(scenario.interview, rejection=rejection, received_on=later):
            if isinstance(output.text, Draft) and output.text.to:
                found.append((f"{scenario.name}/{output.name}", output.text))
    return found


DRAFTS = drafts()


def test_there_are_drafts_of_every_kind() -> None:
    kinds = {"thank_you", "follow_up", "second_follow_up", "rejection_reply"}
    assert {draft.kind for _, draft in DRAFTS} == kinds
    assert len(DRAFTS) >= 3 * len(SCENARIOS)


@pytest.mark.parametrize(("name", "draft"), DRAFTS, ids=[name for name, _ in DRAFTS])
def test_every_golden_draft_gives_the_bytes_of_the_stdlib(name: str, draft: Draft) -> None:
    for when in (WHEN, WHEN.astimezone(UTC), datetime(2026, 12, 2, 9, 30), None):
        for unsent in (False, True):
            if when is None and not unsent:
                continue  # without a date, the stdlib path and the fast one read the clock
            expected = draft._stdlib_eml(
                message_id="<fixed.1@example.com>", date=when, unsent=unsent
            )
            fast = eml_bytes(draft, message_id="<fixed.1@example.com>", date=when, unsent=unsent)
            assert fast == expected
            assert draft.to_eml(message_id="<fixed.1@example.com>", date=when, draft=unsent) == fast


# Display names and subjects nobody thought of: accents, quotes, commas, parentheses,
# long runs, spaces; the Draft refuses what must not reach a header.
_TEXT = st.text(
    st.sampled_from(list("abcdeéèçÀ’' \"(),.;:<>@\\[]-–«»\u00a0\u202fxyzQWERTY0123456789?=_"))
    | st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
    min_size=1,
    max_size=120,
)


@settings(max_examples=150, deadline=None)
@given(
    name=_TEXT,
    sender=_TEXT,
    subject=_TEXT,
    body=st.text(min_size=0, max_size=400),
    references=st.lists(st.from_regex(r"<[a-z0-9.]{1,30}@[a-z]{1,12}\.example>", fullmatch=True),
                        max_size=6),
)  # fmt: skip
def test_any_draft_gives_the_bytes_of_to_eml(
    name: str, sender: str, subject: str, body: str, references: list[str]
) -> None:
    try:
        draft = Draft(
            kind="thank_you",
            locale="fr_FR",
            sender=format_address(sender.strip() or "x", "camille.roy@example.com"),
            to=", ".join(
                [format_address(name.strip(), "m.t@ubisoft.example"), "Autre <a@b.example>"][
                    : 1 + len(references) % 2
                ]
            ),
            subject=" ".join(subject.split()) or "Objet",
            body=body,
            send_on=WHEN.date(),
            in_reply_to=references[-1] if references else None,
            references=tuple(references),
        )
    except InvalidInput:
        assume(False)
        raise
    expected = draft._stdlib_eml(message_id="<h.1@example.com>", date=WHEN, unsent=False)
    assert eml_bytes(draft, message_id="<h.1@example.com>", date=WHEN) == expected


def test_without_a_recipient_there_is_no_eml() -> None:
    _, draft = DRAFTS[0]
    with pytest.raises(MissingRecipient, match="This thank-you draft has no recipient address"):
        eml_bytes(
            Draft(**{**draft.as_dict(), "to": "", "send_on": draft.send_on, "references": ()})
        )


def test_an_html_draft_takes_the_stdlib_path() -> None:
    _, draft = DRAFTS[0]
    with_html = Draft(**{**draft.as_dict(), "send_on": draft.send_on, "html": "<p>x</p>"})
    sent = message_from_bytes(with_html.to_eml(date=WHEN), policy=default)
    assert sent.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in sent.iter_parts()] == ["text/plain", "text/html"]


def test_a_header_that_does_not_read_back_is_refused() -> None:
    _, draft = DRAFTS[0]
    head = eml_bytes(draft, date=WHEN).decode("ascii").split("\r\n\r\n")[0] + "\r\n"
    sender, recipients = draft._addresses
    _read_back(head, draft, sender, recipients, unsent=False)  # as written: accepted
    injected = head.replace("\r\nSubject:", "\r\nBcc: x@evil.example\r\nSubject:")
    with pytest.raises(HeaderMismatch):
        _read_back(injected, draft, sender, recipients, unsent=False)
    other = head.replace(recipients[0].addr_spec, "x@evil.example")
    with pytest.raises(HeaderMismatch):
        _read_back(other, draft, sender, recipients, unsent=False)
