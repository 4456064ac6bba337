"""The SQLite journal: real files, real processes, killed and racing."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from relance import Event, InvalidInput
from relance._journal import SCHEMA_VERSION, Journal, default_path
from relance._samples import example_interview
from relance.cli import main

from scenarios import SCENARIOS

INTERVIEW = example_interview()
KEY = "ubisoft-analyste-2026-12-01"
TODAY = date(2026, 12, 20)


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    with Journal(tmp_path / "journal.sqlite3") as opened:
        yield opened


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    db = sqlite3.connect(path)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_interviews_are_stored_whole(scenario: object, journal: Journal) -> None:
    interview = scenario.interview  # type: ignore[attr-defined]
    key = journal.track(interview)
    assert journal.interview(key) == interview


def test_ids_are_short_readable_and_unique(journal: Journal) -> None:
    assert [journal.track(INTERVIEW) for _ in range(3)] == [KEY, f"{KEY}-2", f"{KEY}-3"]
    others = [
        s.interview for s in SCENARIOS if s.name in ("company-l-apostrophe", "mute-h-company")
    ]
    assert [journal.track(i) for i in others] == [
        "hydro-quebec-ingenieure-2026-10-14",
        "l-oreal-canada-chargee-2026-11-24",
    ]
    assert journal.ids() == (KEY, f"{KEY}-2", f"{KEY}-3", *[journal.ids()[3], journal.ids()[4]])


def test_events_are_appended_and_read_by_day(journal: Journal) -> None:
    key = journal.track(INTERVIEW)
    late = Event(date(2026, 12, 8), "call_no_answer")
    early = Event(date(2026, 12, 2), "thank_you_sent", to="Marie Tremblay", note="par courriel")
    journal.log(key, late, today=TODAY)
    journal.log(key, early, today=TODAY)
    assert journal.events(key) == (early, late)
    assert journal.status(key, today=date(2026, 12, 8)).stage == "thank_you"


@pytest.mark.parametrize(
    ("key", "event", "problem"),
    [
        (
            "ubisoft-analyste-2026-12-1",
            Event(date(2026, 12, 2), "thank_you_sent"),
            f"id: No interview 'ubisoft-analyste-2026-12-1' in {{path}}; did you mean {KEY}?",
        ),
        (
            KEY,
            Event(date(2026, 11, 30), "call_reached"),
            "on: 2026-11-30 is before the interview (2026-12-01).",
        ),
        (
            KEY,
            Event(date(2026, 12, 21), "call_reached"),
            (
                "on: 2026-12-21 is in the future (today is 2026-12-20); log what has happened, "
                "once it has."
            ),
        ),
        (
            KEY,
            Event(date(2026, 12, 2), "thank_you_sent", to="Jean Dupont"),
            (
                "to: 'Jean Dupont' did not interview the candidate; the interviewers are "
                "Marie Tremblay, Dominique Bélanger."
            ),
        ),
    ],
)
def test_bad_events_change_nothing(journal: Journal, key: str, event: Event, problem: str) -> None:
    journal.track(INTERVIEW)
    journal.log(KEY, Event(date(2026, 12, 2), "thank_you_sent"), today=TODAY)
    before = journal.export()
    with pytest.raises(InvalidInput) as caught:
        journal.log(key, event, today=TODAY)
    assert [str(p) for p in caught.value.problems] == [problem.format(path=journal.path)]
    assert journal.export() == before


def test_an_empty_journal_says_how_to_start(journal: Journal) -> None:
    with pytest.raises(InvalidInput, match="the journal is empty: `relance track FILE`"):
        journal.events("acme")


def test_export_then_import_into_another_journal(journal: Journal, tmp_path: Path) -> None:
    key = journal.track(INTERVIEW)
    journal.track(SCENARIOS[1].interview)
    journal.log(key, Event(date(2026, 12, 2), "thank_you_sent", to="Marie Tremblay"), today=TODAY)
    journal.log(key, Event(date(2026, 12, 8), "answer_received", note="le 2026-12-17"), today=TODAY)
    exported = journal.export()
    assert exported["interviews"][0] == {
        "id": KEY,
        "interview": INTERVIEW.as_dict(),
        "events": [
            {"on": "2026-12-02", "kind": "thank_you_sent", "to": "Marie Tremblay", "note": None},
            {"on": "2026-12-08", "kind": "answer_received", "to": None, "note": "le 2026-12-17"},
        ],
    }
    text = json.dumps(exported)
    with Journal(tmp_path / "other.sqlite3") as other:
        assert other.import_(json.loads(text)) == journal.ids()
        assert other.export() == exported
        with pytest.raises(InvalidInput) as caught:
            other.import_(json.loads(text))
        assert (
            str(caught.value.problems[0]) == f"interviews[0].id: {KEY!r} is already in the journal."
        )
        assert other.export() == exported


def test_import_reports_every_problem_and_adds_nothing(journal: Journal) -> None:
    good = {"id": "acme-1", "interview": INTERVIEW.as_dict(), "events": []}
    data = {
        "format": 1,
        "interviews": [
            good,
            {"id": "Acme 2", "interview": INTERVIEW.as_dict(), "events": []},
            {
                "id": "acme-3",
                "interview": INTERVIEW.as_dict(),
                "events": [{"on": "2026-11-01", "kind": "call_reached"}, {"kind": "zzz"}],
            },
            {"id": "acme-4", "interview": {"company": "Acme"}, "events": []},
            good,
        ],
    }
    with pytest.raises(InvalidInput) as caught:
        journal.import_(data)
    fields = [p.field for p in caught.value.problems]
    assert fields[:4] == [
        "interviews[1].id",
        "interviews[2].events[1].on",
        "interviews[2].events[1].kind",
        "interviews[3].interview.candidate",
    ]
    assert "interviews[4].id" in fields
    assert journal.ids() == ()


def test_default_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("RELANCE_JOURNAL", str(tmp_path / "mine.sqlite3"))
    assert default_path() == tmp_path / "mine.sqlite3"
    monkeypatch.delenv("RELANCE_JOURNAL")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    if sys.platform.startswith("linux"):
        assert default_path() == tmp_path / "data" / "relance" / "journal.sqlite3"
    assert default_path().name == "journal.sqlite3"


# The first schema, exactly as relance wrote it.
SCHEMA_1 = """
CREATE TABLE interviews (id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    interview TEXT NOT NULL REFERENCES interviews (id),
    on_day TEXT NOT NULL,
    kind TEXT NOT NULL,
    to_name TEXT,
    note TEXT
);
PRAGMA user_version = 1;
"""


def test_a_journal_of_the_first_schema_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(SCHEMA_1)
    db.execute("INSERT INTO interviews VALUES (?, ?)", (KEY, json.dumps(INTERVIEW.as_dict())))
    db.execute(
        "INSERT INTO events (interview, on_day, kind, to_name, note) VALUES (?, ?, ?, ?, ?)",
        (KEY, "2026-12-02", "thank_you_sent", "Marie Tremblay", None),
    )
    db.commit()
    db.close()
    with Journal(path) as journal:
        assert journal.version == SCHEMA_VERSION == 2
        assert journal.events(KEY) == (
            Event(date(2026, 12, 2), "thank_you_sent", "Marie Tremblay"),
        )
        journal.log(KEY, Event(date(2026, 12, 3), "thank_you_sent"), today=TODAY)
    indexes = rows(path, "SELECT name FROM sqlite_master WHERE type = 'index'")
    assert ("events_by_interview",) in indexes
    assert rows(path, "PRAGMA journal_mode") == [("wal",)]


def test_a_new_file_gets_the_latest_schema(tmp_path: Path) -> None:
    with Journal(tmp_path / "deep" / "new.sqlite3") as journal:
        assert journal.version == SCHEMA_VERSION
        assert journal.ids() == ()


def test_files_that_are_not_journals(tmp_path: Path) -> None:
    text = tmp_path / "notes.sqlite3"
    text.write_text("Ceci n’est pas une base de données.\n" * 100, encoding="utf-8")
    with pytest.raises(InvalidInput, match="is not a relance journal"):
        Journal(text)
    newer = tmp_path / "newer.sqlite3"
    db = sqlite3.connect(newer)
    db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(InvalidInput, match=r"newer relance \(schema 99, this one reads up to 2\)"):
        Journal(newer)


WRITER = textwrap.dedent(
    """
    import sys
    from datetime import date
    from relance import Event
    from relance._journal import Journal
    from relance._samples import example_interview

    path, key, count, label = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    batch = {{"id": "", "interview": example_interview().as_dict(), "events": [
        {{"on": "2026-12-0" + str(1 + i % 9), "kind": "call_no_answer", "note": "lot"}}
        for i in range(20)
    ]}}
    with Journal(path) as journal:
        print("ready", flush=True)
        for number in range(count):
            note = f"{{label}}-{{number}}-" + "x" * 150
            event = Event(date(2026, 12, 2), "note_sent", note=note)
            journal.log(key, event, today=date.fromisoformat("{today}"))
            if {batches} and number % 5 == 0:
                batch["id"] = f"lot-{{label}}-{{number}}"
                journal.import_({{"interviews": [batch]}})
    """
)


def writer(path: Path, count: int, label: str, *, batches: bool) -> subprocess.Popen[str]:
    script = WRITER.format(today=TODAY, batches=batches)
    return subprocess.Popen(
        [sys.executable, "-c", script, str(path), KEY, str(count), label],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_process_killed_mid_write_leaves_whole_events(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    with Journal(path) as journal:
        journal.track(INTERVIEW)
    chance = random.Random(14)  # noqa: S311 - where to kill, not a secret
    for round_ in range(4):
        process = writer(path, 100_000, f"r{round_}", batches=True)
        assert process.stdout is not None
        assert process.stdout.readline() == "ready\n"
        try:
            process.wait(timeout=chance.uniform(0.05, 0.6))
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
        _, err = process.communicate()
        assert process.returncode == -signal.SIGKILL, err
        assert rows(path, "PRAGMA integrity_check") == [("ok",)]
        with Journal(path) as journal:
            for event in journal.events(KEY):
                label, _number, filler = event.note.split("-")  # type: ignore[union-attr]
                assert (event.kind, len(filler), label[0]) == ("note_sent", 150, "r")
            for key in journal.ids()[1:]:
                assert len(journal.events(key)) == 20  # a batch is whole or absent


def test_two_processes_logging_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    with Journal(path) as journal:
        journal.track(INTERVIEW)
    processes = [writer(path, 500, label, batches=False) for label in ("a", "b")]
    for process in processes:
        _out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
    with Journal(path) as journal:
        notes = {event.note.split("-x")[0] for event in journal.events(KEY)}  # type: ignore[union-attr]
    assert notes == {f"{label}-{n}" for label in ("a", "b") for n in range(500)}


# The commands, in-process through main(argv).


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_the_journal_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "interview.toml"
    code, example, _ = cli(capsys, "example")
    source.write_text(example, encoding="utf-8")
    where = ("--journal", str(tmp_path / "j.sqlite3"))
    assert cli(capsys, "track", str(source), *where) == (0, f"{KEY}\n", "")
    assert cli(capsys, "track", str(source), *where) == (0, f"{KEY}-2\n", "")
    logged = cli(
        capsys, "log", KEY, "thank_you_sent", "--on", "2026-12-02", "--today", "2026-12-02", *where
    )
    assert logged == (0, f"{KEY}: thank_you_sent on 2026-12-02\n", "")
    code, out, _ = cli(capsys, "status", "--today", "2026-12-08", *where)
    assert (code, out) == (
        0,
        (
            "id                             stage      due  next\n"
            f"{KEY}    follow_up  1    2026-12-09\n"
            f"{KEY}-2  thank_you  2    2026-12-14\n"
        ),
    )
    code, out, _ = cli(capsys, "status", KEY, "--today", "2026-12-08", *where)
    assert out == (
        f"{KEY}: follow_up\n"
        "Une semaine a passé\u00a0: c’est le moment de relancer madame Tremblay.\n"
        "  [ ] 2026-12-08 Appeler madame Tremblay en matinée\n"
        "Next: 2026-12-09\n"
    )
    code, out, _ = cli(capsys, "due", "--today", "2026-12-08", *where)
    assert code == 0
    assert out.startswith(
        f"{KEY} — Ubisoft, analyste de données: Une semaine a passé\u00a0: c’est le moment "
        "de relancer madame Tremblay.\n\n[2026-12-08] Appeler madame Tremblay en matinée\n"
    )
    assert "Bonjour madame Tremblay, ici Camille Roy." in out
    assert out.count("Envoyer le mot de remerciement à") == 2
    code, out, _ = cli(capsys, "due", "--today", "2026-12-08", "--format", "json", *where)
    report = json.loads(out)
    assert [(item["id"], item["stage"], len(item["due"])) for item in report] == [
        (KEY, "follow_up", 1),
        (f"{KEY}-2", "thank_you", 2),
    ]
    assert report[0]["due"][0]["draft"]["kind"] == "call"
    folder = tmp_path / "due"
    code, out, _ = cli(capsys, "due", "--today", "2026-12-08", "--out", str(folder), *where)
    assert sorted(p.name for p in folder.iterdir()) == [
        f"{KEY}-1-call.txt",
        f"{KEY}-2-1-thank-you.txt",
        f"{KEY}-2-2-thank-you.txt",
    ]
    code, out, _ = cli(capsys, "journal", "export", *where)
    exported = json.loads(out)
    assert [item["id"] for item in exported["interviews"]] == [KEY, f"{KEY}-2"]
    saved = tmp_path / "export.json"
    saved.write_text(out, encoding="utf-8")
    other = ("--journal", str(tmp_path / "other.sqlite3"))
    assert cli(capsys, "journal", "import", str(saved), *other) == (0, f"{KEY}\n{KEY}-2\n", "")
    assert cli(capsys, "journal", "export", *other)[1] == out


def test_the_commands_report_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    where = ("--journal", str(tmp_path / "j.sqlite3"))
    code, out, err = cli(capsys, "log", "acme", "call_reached", *where)
    assert (code, out) == (2, "")
    assert err == (
        "relance: error: invalid input (1):\n"
        f"  id: No interview 'acme' in {tmp_path / 'j.sqlite3'}; the journal is empty: "
        "`relance track FILE` adds an interview.\n"
    )
    code, out, err = cli(capsys, "status", "--today", "demain", *where)
    assert (code, err) == (
        2,
        "relance: error: invalid input (1):\n  --today: 'demain' is not a date like 2026-12-02.\n",
    )
    assert cli(capsys, "status", *where) == (
        0,
        "No interview tracked yet: `relance track FILE` adds one.\n",
        "",
    )
    assert cli(capsys, "due", "--today", "2026-12-08", *where) == (
        0,
        "Nothing due on 2026-12-08.\n",
        "",
    )
