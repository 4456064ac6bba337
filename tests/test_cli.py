"""The command line, run as a user runs it: in-process through ``main(argv)`` (see
clirun.py), and a few times for real, as a subprocess of the installed script."""

from __future__ import annotations

import json
import mailbox
import shutil
import subprocess
import sys
import tomllib
from datetime import date
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import icalendar
import pytest

import relance
from conftest import TODAY
from relance import Interview, follow_up, plan, rejection_reply, thank_you_notes
from relance.cli import example_interview, example_rejection, example_text

from clirun import run


def run_process(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "relance", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def interview_file(tmp_path: Path) -> Path:
    path = tmp_path / "interview.toml"
    path.write_text(example_text(), encoding="utf-8")
    return path


def test_the_installed_script_runs() -> None:
    script = shutil.which("relance", path=str(Path(sys.executable).parent))
    assert script is not None, "the `relance` script is not installed beside this Python"
    result = subprocess.run([script, "--version"], capture_output=True, text=True, check=True)
    assert result.stdout == f"relance {relance.__version__}\n"


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("demo", "example", "thank-you"):
        assert command in result.stdout


def test_example_is_a_valid_commented_interview() -> None:
    result = run("example")
    assert result.returncode == 0
    assert result.stdout.count("\n#") > 5
    assert Interview.from_dict(tomllib.loads(result.stdout)) == example_interview()


def test_demo_shows_every_note_of_the_example() -> None:
    result = run("demo")
    assert result.returncode == 0, result.stderr
    for note in thank_you_notes(example_interview()):
        assert note.as_text() in result.stdout


def test_thank_you_as_text(interview_file: Path) -> None:
    result = run("thank-you", str(interview_file))
    assert result.returncode == 0, result.stderr
    notes = thank_you_notes(Interview.load(interview_file))
    assert all(note.as_text() in result.stdout for note in notes)


def test_thank_you_as_json(interview_file: Path) -> None:
    result = run("thank-you", str(interview_file), "--format", "json", "--send-on", "2026-12-03")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    expected = thank_you_notes(Interview.load(interview_file), send_on=date(2026, 12, 3))
    assert data == [note.as_dict() for note in expected]


def test_thank_you_as_mbox_on_stdout(interview_file: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "relance", "thank-you", str(interview_file), "--format", "eml"],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    box_path = tmp_path / "notes.mbox"
    box_path.write_bytes(result.stdout)
    box = mailbox.mbox(box_path, create=False)
    try:
        parsed = [message_from_bytes(m.as_bytes(), policy=default) for m in box]
    finally:
        box.close()
    notes = thank_you_notes(Interview.load(interview_file))
    assert [str(p["To"]) for p in parsed] == [n.to for n in notes]
    assert [p["Subject"] for p in parsed] == [n.subject for n in notes]
    assert [p.get_content().rstrip("\n") for p in parsed] == [n.body for n in notes]


@pytest.mark.parametrize(("fmt", "suffix"), [("eml", "eml"), ("json", "json"), ("text", "txt")])
def test_thank_you_into_a_directory(
    interview_file: Path, tmp_path: Path, fmt: str, suffix: str
) -> None:
    out = tmp_path / "drafts" / "new"
    result = run("thank-you", str(interview_file), "--format", fmt, "--out", str(out))
    assert result.returncode == 0, result.stderr
    files = sorted(out.iterdir())
    assert [f.name for f in files] == [
        f"thank-you-1-marie-tremblay.{suffix}",
        f"thank-you-2-dominique-belanger.{suffix}",
    ]
    assert result.stdout.splitlines() == [str(f) for f in files]
    notes = thank_you_notes(Interview.load(interview_file))
    for path, note in zip(files, notes, strict=True):
        data = path.read_bytes()
        if fmt == "eml":
            parsed = message_from_bytes(data, policy=default)
            assert parsed["Subject"] == note.subject
            assert parsed.get_content().replace("\r\n", "\n").rstrip("\n") == note.body
        elif fmt == "json":
            assert json.loads(data) == note.as_dict()
        else:
            assert data.decode() == note.as_text()


BAD_INPUT = """
company = ""
position = "analyste"
held_at = "hier"
[candidate]
name = "Camille Roy"
email = "camille@"
[[interviewers]]
name = "Marie Tremblay\\nBcc: victim@example.com"
"""


def test_bad_input_exits_2_with_every_problem_and_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(BAD_INPUT, encoding="utf-8")
    out = tmp_path / "out"
    result = run("thank-you", str(path), "--format", "eml", "--out", str(out))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == "relance: error: invalid input (4):"
    fields = [line.split(":")[0].strip() for line in lines[1:]]
    assert fields == ["candidate.email", "company", "held_at", "interviewers[0].name"]
    assert not out.exists()


def test_eml_needs_every_recipient_and_writes_nothing_otherwise(tmp_path: Path) -> None:
    text = example_text().replace('email = "dominique.belanger@example.com"\n', "")
    path = tmp_path / "interview.toml"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = run("thank-you", str(path), "--format", "eml", "--out", str(out))
    assert result.returncode == 2
    assert (
        "interviewers[1].email: The thank-you-2 email has no recipient; an .eml file needs one."
        in result.stderr
    )
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["thank-you", "missing.toml"], "missing.toml: No such file."),
        (["thank-you", "interview.txt"], "interview.txt: Give a .toml or a .json file."),
        (["thank-you", "broken.json"], "broken.json: This is not valid JSON:"),
        (["thank-you", "broken.toml"], "broken.toml: This is not valid TOML:"),
    ],
)
def test_unreadable_files_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    (tmp_path / "broken.toml").write_text("company = ", encoding="utf-8")
    (tmp_path / "interview.txt").write_text("", encoding="utf-8")
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_send_on_exits_2(interview_file: Path) -> None:
    result = run("thank-you", str(interview_file), "--send-on", "demain")
    assert result.returncode == 2
    assert "--send-on: 'demain' is not a date like 2026-12-02." in result.stderr


def test_unknown_command_exits_2() -> None:
    result = run("merci")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_follow_up_as_text(interview_file: Path) -> None:
    result = run("follow-up", str(interview_file))
    assert result.returncode == 0, result.stderr
    later = follow_up(Interview.load(interview_file))
    for text in (later.email.as_text(), later.call.as_text(), later.voicemail.as_text()):
        assert text in result.stdout


def test_follow_up_as_json(interview_file: Path) -> None:
    result = run("follow-up", str(interview_file), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == follow_up(Interview.load(interview_file)).as_dict()


def test_follow_up_into_a_directory_as_eml(interview_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "follow-up"
    result = run("follow-up", str(interview_file), "--format", "eml", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "call-marie-tremblay.txt",
        "follow-up-marie-tremblay.eml",
        "voicemail-marie-tremblay.txt",
    ]
    later = follow_up(Interview.load(interview_file))
    eml = (out / "follow-up-marie-tremblay.eml").read_bytes()
    parsed = message_from_bytes(eml, policy=default)
    assert parsed["Subject"] == later.email.subject
    voicemail = (out / "voicemail-marie-tremblay.txt").read_text(encoding="utf-8")
    assert voicemail == later.voicemail.as_text()


def test_plan_prints_a_checklist_and_writes_the_calendar(
    interview_file: Path, tmp_path: Path
) -> None:
    ics = tmp_path / "cal" / "plan.ics"
    result = run("plan", str(interview_file), "--ics", str(ics))
    assert result.returncode == 0, result.stderr
    the_plan = plan(Interview.load(interview_file))
    assert result.stdout.startswith(the_plan.as_text())
    parsed = icalendar.Calendar.from_ical(ics.read_bytes())
    summaries = [str(e["SUMMARY"]) for e in parsed.walk() if e.name == "VEVENT"]
    assert summaries == [step.action for step in the_plan if step.on]
    todos = [str(e["SUMMARY"]) for e in parsed.walk() if e.name == "VTODO"]
    assert todos == [f"Si la réponse est négative\u00a0: {s.action}" for s in the_plan if not s.on]


def test_plan_with_a_late_start_as_json(interview_file: Path) -> None:
    result = run("plan", str(interview_file), "--start", "2026-12-03", "--format", "json")
    assert result.returncode == 0, result.stderr
    expected = plan(Interview.load(interview_file), start=date(2026, 12, 3))
    assert json.loads(result.stdout) == expected.as_dict()
    assert {step["on"] for step in json.loads(result.stdout)["steps"]} == {
        "2026-12-08",
        "2026-12-09",
        None,
    }


def test_demo_shows_the_follow_up_and_the_plan() -> None:
    result = run("demo")
    later = follow_up(example_interview())
    assert later.voicemail.as_text() in result.stdout
    assert plan(example_interview()).as_text() in result.stdout


def test_rejection_replies_in_the_thread(interview_file: Path, tmp_path: Path) -> None:
    eml = tmp_path / "refus.eml"
    eml.write_bytes(example_rejection())
    out = tmp_path / "reply"
    result = run(
        "rejection",
        str(interview_file),
        "--reply-to",
        str(eml),
        "--format",
        "eml",
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "note-recrutement-ubisoft.txt",
        "rejection-reply-recrutement-ubisoft.eml",
    ]
    reply = message_from_bytes(
        (out / "rejection-reply-recrutement-ubisoft.eml").read_bytes(), policy=default
    )
    original = message_from_bytes(example_rejection(), policy=default)
    assert reply["In-Reply-To"] == original["Message-ID"]
    assert reply["Subject"] == f"RE\u00a0: {original['Subject']}"
    expected = rejection_reply(Interview.load(interview_file), rejection=eml)
    assert (out / "note-recrutement-ubisoft.txt").read_text("utf-8") == expected.note.as_text()


def test_rejection_without_a_message_is_dated_from_today(tmp_path: Path) -> None:
    path = tmp_path / "past.toml"
    path.write_text(example_text().replace("2026-12-01T14:30", "2025-12-01T14:30"))
    result = run("rejection", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    expected = rejection_reply(Interview.load(path), received_on=TODAY)
    assert data == expected.as_dict()


def test_rejection_before_the_interview_says_what_to_pass(tmp_path: Path) -> None:
    path = tmp_path / "future.toml"
    path.write_text(example_text().replace("2026-12-01T14:30", "2099-06-01T14:30"))
    result = run("rejection", str(path))
    assert result.returncode == 2
    assert "--received-on: Today is before the interview (2099-06-01)" in result.stderr
    ok = run("rejection", str(path), "--received-on", "2099-06-10")
    assert ok.returncode == 0, ok.stderr


def test_rejection_with_a_hostile_message_exits_2(interview_file: Path, tmp_path: Path) -> None:
    eml = tmp_path / "refus.eml"
    eml.write_bytes(b"From: =?utf-8?q?x=0D=0ABcc:_y@evil.example?= <m@example.com>\r\n\r\nNon.\r\n")
    result = run("rejection", str(interview_file), "--reply-to", str(eml))
    assert result.returncode == 2
    message = "--reply-to (From header): The sender's name or address holds a line break."
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_demo_shows_the_rejection_reply_and_the_note() -> None:
    result = run("demo")
    reply = rejection_reply(example_interview(), rejection=example_rejection())
    assert reply.email.as_text() in result.stdout
    assert reply.note.as_text() in result.stdout


def test_a_real_process_drafts_and_reports_bad_input(interview_file: Path) -> None:
    """Smoke test of the installed package run as ``python -m relance``."""
    result = run_process("thank-you", str(interview_file))
    assert result.returncode == 0, result.stderr
    assert result.stdout == run("thank-you", str(interview_file)).stdout
    bad = run_process("thank-you", str(interview_file), "--send-on", "demain")
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr
