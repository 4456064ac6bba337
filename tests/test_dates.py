"""Send dates never in the past: the library takes the day as an argument and refuses
a rejection dated before the interview; the command line moves late drafts to today's
first business day, says so on one line, and dates its .eml files on the send day."""

from __future__ import annotations

import json
import mailbox
from datetime import date
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import pytest

from relance import Interview, InvalidInput, plan, rejection_reply, thank_you_notes
from relance._sending import first_business_day, send_time
from relance.cli import example_interview, example_rejection, example_text

from clirun import run


@pytest.fixture
def interview_file(tmp_path: Path) -> Path:
    path = tmp_path / "interview.toml"
    path.write_text(example_text(), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("locale", "day", "expected"),
    [
        ("fr_CA", date(2026, 12, 2), "2026-12-02T09:00:00-05:00"),
        ("fr_CA", date(2026, 7, 2), "2026-07-02T09:00:00-04:00"),
        ("fr_FR", date(2026, 12, 2), "2026-12-02T09:00:00+01:00"),
        ("fr_BE", date(2026, 7, 2), "2026-07-02T09:00:00+02:00"),
        ("fr_CH", date(2026, 12, 2), "2026-12-02T09:00:00+01:00"),
    ],
)
def test_a_draft_goes_out_at_nine_in_its_region(locale: str, day: date, expected: str) -> None:
    assert send_time(day, locale).isoformat() == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 12, 4), date(2026, 12, 4)),  # a Friday: that day
        (date(2026, 12, 5), date(2026, 12, 7)),  # a Saturday: the Monday
        (date(2026, 12, 25), date(2026, 12, 28)),  # Christmas, a Friday: the Monday
        (date(2026, 6, 24), date(2026, 6, 25)),  # the Fête nationale du Québec
    ],
)
def test_the_first_business_day_from_a_day(day: date, expected: date) -> None:
    assert first_business_day(example_interview(), day) == expected


def test_to_eml_as_a_draft_is_dated_on_the_send_day_and_unsent() -> None:
    [note, _] = thank_you_notes(example_interview())
    parsed = message_from_bytes(note.to_eml(draft=True), policy=default)
    assert parsed["Date"] == "Wed, 02 Dec 2026 09:00:00 -0500"
    assert parsed["X-Unsent"] == "1"
    plain = message_from_bytes(note.to_eml(), policy=default)
    assert "X-Unsent" not in plain
    assert plain["Date"] != parsed["Date"]


def test_a_rejection_dated_before_the_interview_is_refused() -> None:
    raw = example_rejection().replace(b"Thu, 10 Dec 2026", b"Mon, 10 Dec 1990")
    with pytest.raises(InvalidInput) as caught:
        rejection_reply(example_interview(), rejection=raw)
    assert [str(p) for p in caught.value.problems] == [
        (
            "rejection.Date: The message is dated 1990-12-10, before the interview "
            "(2026-12-01): is it the right message?"
        )
    ]


def test_a_reply_before_the_message_it_answers_is_refused() -> None:
    with pytest.raises(InvalidInput) as caught:
        rejection_reply(
            example_interview(), rejection=example_rejection(), send_on=date(2026, 12, 9)
        )
    assert [str(p) for p in caught.value.problems] == [
        (
            "send_on: 2026-12-09 is before the rejection arrived (2026-12-10): "
            "a reply cannot go before the message it answers."
        )
    ]
    with pytest.raises(InvalidInput) as caught:
        rejection_reply(
            example_interview(), received_on=date(2026, 12, 4), send_on=date(2026, 12, 3)
        )
    assert [p.field for p in caught.value.problems] == ["send_on"]
    same_day = rejection_reply(
        example_interview(), received_on=date(2026, 12, 4), send_on=date(2026, 12, 4)
    )
    assert same_day.email.send_on == date(2026, 12, 4)


def test_on_time_the_cli_drafts_as_the_library_does(
    interview_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RELANCE_TODAY", "2026-12-02")  # the day the notes are due
    result = run("thank-you", str(interview_file), "--format", "json")
    assert result.returncode == 0
    assert result.stderr == ""
    notes = thank_you_notes(Interview.load(interview_file))
    assert json.loads(result.stdout) == [note.as_dict() for note in notes]


def test_late_drafts_are_dated_and_worded_for_today_with_one_line_saying_so(
    interview_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RELANCE_TODAY", "2026-12-05")  # a Saturday, three days late
    result = run("thank-you", str(interview_file))
    assert result.returncode == 0
    assert result.stderr == (
        "relance: the usual send day (2026-12-02) has passed: drafted for 2026-12-07, "
        "the first business day from today.\n"
    )
    notes = thank_you_notes(Interview.load(interview_file), send_on=date(2026, 12, 7))
    assert result.stdout == ("\n" + "─" * 72 + "\n\n").join(n.as_text() for n in notes)
    assert "que vous m’avez accordé mardi dernier pour discuter" in result.stdout
    assert "À envoyer le\u00a0: lundi 7 décembre 2026" in result.stdout


def test_the_late_line_in_french(interview_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RELANCE_TODAY", "2026-12-10")
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    result = run("follow-up", str(interview_file), "--format", "json")
    assert result.returncode == 0
    assert result.stderr == (
        "relance\u00a0: le jour d’envoi prévu (mercredi 9 décembre 2026) est passé\u00a0: "
        "brouillons datés du jeudi 10 décembre 2026, premier jour ouvrable à partir "
        "d’aujourd’hui.\n"
    )
    assert json.loads(result.stdout)["email"]["send_on"] == "2026-12-10"


def test_a_late_reply_to_a_rejection_goes_today(
    interview_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RELANCE_TODAY", "2026-12-15")
    eml = tmp_path / "refus.eml"
    eml.write_bytes(example_rejection())
    result = run("rejection", str(interview_file), "--reply-to", str(eml), "--format", "json")
    assert result.returncode == 0
    assert "(2026-12-11) has passed: drafted for 2026-12-15" in result.stderr
    expected = rejection_reply(
        Interview.load(interview_file), rejection=eml, send_on=date(2026, 12, 15)
    )
    assert json.loads(result.stdout) == expected.as_dict()


def test_a_send_day_in_the_past_is_refused_by_its_option(interview_file: Path) -> None:
    result = run("thank-you", str(interview_file), "--send-on", "2026-11-26")
    assert result.returncode == 2
    assert result.stderr == (
        "relance: error: invalid input (1):\n"
        "  --send-on: 2026-11-26 is past (today is 2026-11-27); leave --send-on out "
        "to send as soon as possible.\n"
    )


def test_the_plan_starts_today_unless_start_says_otherwise(
    interview_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RELANCE_TODAY", "2026-12-03")
    result = run("plan", str(interview_file), "--format", "json")
    assert result.returncode == 0
    interview = Interview.load(interview_file)
    assert json.loads(result.stdout) == plan(interview, start=date(2026, 12, 3)).as_dict()
    assert "2026-12-02" not in result.stdout
    earlier = run("plan", str(interview_file), "--format", "json", "--start", "2026-12-01")
    assert json.loads(earlier.stdout) == plan(interview, start=date(2026, 12, 1)).as_dict()


@pytest.mark.parametrize(
    ("locale", "stamp"),
    [
        ("fr_CA", "Wed, 02 Dec 2026 09:00:00 -0500"),
        ("fr_FR", "Wed, 02 Dec 2026 09:00:00 +0100"),
        ("fr_BE", "Wed, 02 Dec 2026 09:00:00 +0100"),
        ("fr_CH", "Wed, 02 Dec 2026 09:00:00 +0100"),
    ],
)
def test_eml_files_are_drafts_dated_on_the_send_day(
    tmp_path: Path, locale: str, stamp: str
) -> None:
    path = tmp_path / "interview.toml"
    path.write_text(example_text().replace('locale = "fr_CA"', f'locale = "{locale}"'))
    out = tmp_path / "out"
    result = run("thank-you", str(path), "-f", "eml", "-o", str(out))
    assert result.returncode == 0, result.stderr
    for file in sorted(out.iterdir()):
        parsed = message_from_bytes(file.read_bytes(), policy=default)
        assert (parsed["Date"], parsed["X-Unsent"]) == (stamp, "1")


def test_the_mbox_on_standard_output_holds_drafts_too(interview_file: Path, tmp_path: Path) -> None:
    result = run("thank-you", str(interview_file), "--format", "eml")
    assert result.returncode == 0
    path = tmp_path / "drafts.mbox"
    path.write_bytes(result.stdout_bytes)
    box = mailbox.mbox(path)
    try:
        dates = [(m["Date"], m["X-Unsent"]) for m in box]
    finally:
        box.close()
    assert dates == [("Wed, 02 Dec 2026 09:00:00 -0500", "1")] * 2
