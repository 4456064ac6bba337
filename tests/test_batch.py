"""``relance batch``, run in-process as a user runs it (see clirun.py)."""

from __future__ import annotations

import io
import json
import re
import sys
import tomllib
from datetime import UTC, date, datetime
from email import message_from_bytes
from email.policy import default
from pathlib import Path
from typing import Any

import pytest

from relance import Interview, follow_up, plan, rejection_reply, thank_you_notes
from relance.cli import example_rejection, example_text

from clirun import run

EPOCH = 1_796_000_000  # Fri, 30 Nov 2026 23:33:20 UTC: the batch's time, for every run
SUMMARY = re.compile(
    r"relance batch: (\d+) interviews?, (\d+) drafted, (\d+) failed, in [\d.]+ s\."
)


@pytest.fixture(autouse=True)
def fixed_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))


def interview_data(number: int) -> dict[str, Any]:
    """The built-in example, with addresses and a day of its own."""
    data: dict[str, Any] = tomllib.loads(example_text())
    data["held_at"] = date(2026, 12, 1 + number % 3).isoformat()
    data["candidate"]["email"] = f"camille.roy{number}@example.com"
    data["locale"] = ("fr_CA", "fr_FR", "fr_BE", "fr_CH")[number % 4]
    return data


def json_lines(*lines: dict[str, Any] | str) -> bytes:
    text = "".join(
        (line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n"
        for line in lines
    )
    return text.encode()


def summary(stderr: str) -> tuple[int, int, int]:
    match = SUMMARY.fullmatch(stderr.splitlines()[-1])
    assert match, stderr
    total, drafted, failed = map(int, match.groups())
    return total, drafted, failed


def tree(directory: Path) -> dict[str, bytes]:
    """Every file under ``directory``, hidden ones included, by relative path."""
    return {
        str(path.relative_to(directory)): path.read_bytes()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def test_json_lines_in_and_out() -> None:
    rejection = example_rejection().decode()
    first = {**interview_data(0), "rejection_eml": rejection}
    second = {**interview_data(1), "received_on": "2026-12-10"}
    result = run(
        "batch", "-", "--kinds", "thank-you,follow-up,rejection,plan",
        stdin=json_lines(first, second),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[:-1] == []  # no bar, no problem: the summary alone
    assert summary(result.stderr) == (2, 2, 0)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["input"] for line in lines] == ["-:1", "-:2"]
    for line, data, kwargs in (
        (lines[0], interview_data(0), {"rejection": example_rejection()}),
        (lines[1], interview_data(1), {"received_on": date(2026, 12, 10)}),
    ):
        interview = Interview.from_dict(data)
        later = follow_up(interview)
        reply = rejection_reply(interview, **kwargs)  # type: ignore[arg-type]
        assert line == {
            "input": line["input"],
            "thank_you": [note.as_dict() for note in thank_you_notes(interview)],
            "follow_up": {
                "email": later.email.as_dict(),
                "call": later.call.as_dict(),
                "voicemail": later.voicemail.as_dict(),
            },
            "rejection_reply": {"email": reply.email.as_dict(), "note": reply.note.as_dict()},
            "plan": plan(interview).as_dict(),
        }
    assert lines[0]["rejection_reply"]["email"]["in_reply_to"] == "<refus-2026-1210@example.com>"


def test_the_default_kinds_need_nothing_but_the_interview() -> None:
    result = run("batch", "-", stdin=json_lines(interview_data(0)))
    assert result.returncode == 0, result.stderr
    [line] = [json.loads(line) for line in result.stdout.splitlines()]
    assert list(line) == ["input", "thank_you", "follow_up", "plan"]


def test_files_in_and_folders_out(tmp_path: Path) -> None:
    cohort = tmp_path / "cohort"
    cohort.mkdir()
    (cohort / "camille.toml").write_text(example_text(), encoding="utf-8")
    (cohort / "camille.eml").write_bytes(example_rejection())  # the reply threads under it
    (cohort / "alexis.json").write_text(json.dumps(interview_data(1)), encoding="utf-8")
    out = tmp_path / "out"
    result = run(
        "batch", str(cohort / "*.toml"), str(cohort / "alexis.json"),
        "--kinds", "thank-you,rejection,plan", "--format", "eml", "--out", str(out),
    )  # fmt: skip
    assert result.returncode == 1  # alexis has no rejection beside it, nor a day
    assert result.stderr.splitlines()[:-1] == [
        (
            f"relance batch: {cohort / 'alexis.json'}: received_on: Say when the rejection "
            "arrived: pass received_on=, or send_on=, or the employer's message with its "
            "Date header."
        )
    ]
    assert summary(result.stderr) == (2, 1, 1)
    assert result.stdout == ""
    files = tree(out)
    assert sorted(files) == [
        "camille/note.txt",
        "camille/plan.ics",
        "camille/plan.txt",
        "camille/rejection-reply.eml",
        "camille/thank-you-1.eml",
        "camille/thank-you-2.eml",
    ]
    interview = Interview.load(cohort / "camille.toml")
    reply = rejection_reply(interview, rejection=example_rejection())
    assert files["camille/note.txt"] == reply.note.as_text().encode()
    assert files["camille/plan.txt"] == plan(interview).as_text().encode()
    sent = message_from_bytes(files["camille/rejection-reply.eml"], policy=default)
    assert sent["In-Reply-To"] == "<refus-2026-1210@example.com>"
    assert sent["To"] == reply.email.to
    assert sent["Date"].datetime == datetime.fromtimestamp(EPOCH, UTC)
    stamp = datetime.fromtimestamp(EPOCH, UTC)
    for number, note in enumerate(thank_you_notes(interview), 1):
        raw = files[f"camille/thank-you-{number}.eml"]
        message_id = message_from_bytes(raw, policy=default)["Message-ID"]
        assert raw == note.to_eml(message_id=message_id, date=stamp)


def test_a_failing_item_among_good_ones_leaves_nothing_behind(tmp_path: Path) -> None:
    broken = {**interview_data(1), "company": None}
    broken["candidate"]["email"] = "camille.roy@"
    lines = json_lines(interview_data(0), broken, "{not json", interview_data(2))
    out = tmp_path / "out"
    result = run("batch", "-", "--out", str(out), "--format", "json", stdin=lines)
    assert result.returncode == 1
    assert result.stderr.splitlines()[:-1] == [
        (
            "relance batch: -:2: candidate.email: This is not a valid email address: There must "
            "be something after the @-sign. "
            "| company: This field is required."
        ),
        (
            "relance batch: -:3: This line is not JSON: Expecting property name enclosed in "
            "double quotes (column 2)."
        ),
    ]
    assert summary(result.stderr) == (4, 2, 2)
    assert sorted(path.name for path in out.iterdir()) == ["line-1", "line-4"]  # nothing hidden
    expected = {"call", "follow-up", "plan", "thank-you-1", "thank-you-2", "voicemail"}
    for folder in ("line-1", "line-4"):
        assert {path.stem for path in (out / folder).iterdir()} == expected
        assert {path.suffix for path in (out / folder).iterdir()} == {".json", ".ics"}


def test_a_folder_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    # The second interviewer has no address: no .eml can be written for their note,
    # so none of the interview's files is, and the folder of an earlier run stays.
    data = interview_data(0)
    del data["interviewers"][1]["email"]
    out = tmp_path / "out"
    (out / "line-1").mkdir(parents=True)
    (out / "line-1" / "earlier.txt").write_text("an earlier run")
    result = run("batch", "-", "--out", str(out), "--format", "eml", stdin=json_lines(data))
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "relance batch: -:1: interviewers[1].email: The thank-you-2 email has no recipient; "
        "an .eml file needs one."
    )
    assert tree(out) == {"line-1/earlier.txt": b"an earlier run"}
    # Drafted again with the address, the folder is replaced as a whole.
    data = interview_data(0)
    result = run("batch", "-", "--out", str(out), stdin=json_lines(data))
    assert result.returncode == 0, result.stderr
    assert "line-1/earlier.txt" not in tree(out)
    assert "line-1/thank-you-2.txt" in tree(out)


def test_two_jobs_write_the_same_bytes_as_one(tmp_path: Path) -> None:
    # Enough interviews for several chunks per process, one bad among them.
    lines = [interview_data(n) for n in range(70)]
    lines[33]["position"] = ""
    stdin = json_lines(*lines)
    ones = run("batch", "-", "--kinds", "thank-you,follow-up,plan", stdin=stdin)
    twos = run("batch", "-", "--jobs", "2", "--kinds", "thank-you,follow-up,plan", stdin=stdin)
    assert ones.returncode == twos.returncode == 1
    assert ones.stdout_bytes == twos.stdout_bytes
    assert len(ones.stdout.splitlines()) == 69
    assert ones.stderr.splitlines()[:-1] == twos.stderr.splitlines()[:-1]
    for jobs in ("1", "2"):
        result = run("batch", "-", "--jobs", jobs, "--out", str(tmp_path / jobs), "--format",
                     "eml", stdin=stdin)  # fmt: skip
        assert result.returncode == 1
    one, two = tree(tmp_path / "1"), tree(tmp_path / "2")
    assert len(one) == 69 * 7
    assert one == two


class Terminal(io.TextIOWrapper):
    """Standard error as a terminal."""

    def isatty(self) -> bool:
        return True


def test_a_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = json_lines(interview_data(0), interview_data(1))
    plain = run("batch", "-", stdin=stdin)
    assert len(plain.stderr.splitlines()) == 1  # the summary, no bar
    assert summary(plain.stderr) == (2, 2, 0)

    buffer = io.BytesIO()
    terminal = Terminal(buffer, encoding="utf-8", write_through=True)

    def main_on_a_terminal(argv: list[str]) -> int:
        from relance.cli import main

        sys.stderr = terminal
        return main(argv)

    monkeypatch.setattr("clirun.main", main_on_a_terminal)
    run("batch", "-", stdin=stdin)
    drawn = buffer.getvalue().decode()
    terminal.detach()
    assert "2 interviews" in drawn  # tqdm's count, its rate and its time
    assert "\r" in drawn
    assert SUMMARY.fullmatch(drawn.splitlines()[-1])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-", "--kinds", "thanks"], ("--kinds: thanks is not a kind of message; use some of "
         "thank-you,follow-up,second-follow-up,rejection,plan.")),
        (["-", "--jobs", "0"], "--jobs: give a number of processes, 1 or more."),
        (["nowhere/*.toml"], "nowhere/*.toml matches no file."),
        (["absent.jsonl"], "absent.jsonl: no such file."),
        (["-", "-"], "standard input (-) can be read only once."),
    ],
)  # fmt: skip
def test_bad_usage_is_status_2(args: list[str], message: str, tmp_path: Path) -> None:
    result = run("batch", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == f"relance batch: error: {message}\n"
    assert result.stdout == ""


def test_the_batch_speaks_french_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its errors, the problems of each item and its summary, as the other commands."""
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    result = run("batch", "-", "--jobs", "0", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "relance batch\u00a0: erreur\u00a0: --jobs\u00a0: donnez un nombre de processus, "
        "1 ou plus.\n"
    )
    result = run("batch", "-", "--kinds", "", cwd=tmp_path)
    assert result.stderr == (
        "relance batch\u00a0: erreur\u00a0: --kinds\u00a0: nommez au moins un type de message "
        "parmi thank-you,follow-up,second-follow-up,rejection,plan.\n"
    )
    broken = {**interview_data(1), "company": None}
    result = run("batch", "-", stdin=json_lines(interview_data(0), broken))
    assert result.returncode == 1
    failed, summary_line = result.stderr.splitlines()
    assert failed == "relance batch\u00a0: -:2\u00a0: company\u00a0: Ce champ est obligatoire."
    assert re.fullmatch(
        "relance batch\u00a0: entrevues\u00a0: 2, rédigées\u00a0: 1, en échec\u00a0: 1, "
        "en [0-9]+,[0-9]\u00a0s.",
        summary_line,
    )
