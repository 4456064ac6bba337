"""``--to-drafts`` and ``--send`` on the message commands and on ``relance due``, run
in-process against real servers on 127.0.0.1, and the journal entries a send leaves."""

from __future__ import annotations

import imaplib
import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from relance import Interview
from relance._journal import Journal
from relance._samples import example_interview

from clirun import run
from mailservers import HOST, PASSWORD, USER, Inbox, dovecot, smtp_server

HELD = date.today() - timedelta(days=10)


def interview_file(tmp_path: Path) -> tuple[Path, Interview]:
    interview = replace(example_interview(), held_at=HELD)
    path = tmp_path / "interview.json"
    path.write_text(json.dumps(interview.as_dict(), ensure_ascii=False), encoding="utf-8")
    return path, interview


def test_send_logs_each_accepted_email_in_the_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, interview = interview_file(tmp_path)
    journal = tmp_path / "journal.sqlite3"
    tracked = run("track", str(path), "--journal", str(journal))
    assert tracked.returncode == 0, tracked.stderr
    key = tracked.stdout.strip()
    inbox = Inbox()
    with smtp_server(inbox) as server:
        config = tmp_path / "config.toml"
        config.write_text(
            f'[smtp]\nhost = "{HOST}"\nport = {server.port}\nsecurity = "none"\n'
            f'username = "{USER}"\n',
            encoding="utf-8",
        )
        monkeypatch.setenv("RELANCE_CONFIG", str(config))
        monkeypatch.setenv("RELANCE_SMTP_PASSWORD", PASSWORD)
        result = run(
            "thank-you", str(path), "--send", "--yes",
            "--journal-id", key, "--journal", str(journal),
        )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("sent: thank_you to ") == 2
    assert sorted(rcpt for e in inbox.envelopes for rcpt in e.rcpt_tos) == sorted(
        c.email for c in interview.interviewers if c.email
    )
    with Journal(journal) as opened:
        events = opened.events(key)
    assert [(e.kind, e.to, e.on) for e in events] == [
        ("thank_you_sent", c.name, date.today()) for c in interview.interviewers
    ]
    assert all(e.note and "Ok: queued as" in e.note for e in events)


def test_due_saves_drafts_over_imap_and_logs_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, interview = interview_file(tmp_path)
    journal = tmp_path / "journal.sqlite3"
    key = run("track", str(path), "--journal", str(journal)).stdout.strip()
    today = (HELD + timedelta(days=1)).isoformat()
    with dovecot({"Drafts": "\\Drafts"}) as server:
        config = tmp_path / "config.toml"
        config.write_text(
            f'[imap]\nhost = "{HOST}"\nport = {server.imap_port}\nsecurity = "none"\n'
            f'username = "{USER}"\n',
            encoding="utf-8",
        )
        monkeypatch.setenv("RELANCE_CONFIG", str(config))
        monkeypatch.setenv("RELANCE_IMAP_PASSWORD", PASSWORD)
        result = run("due", "--to-drafts", "--journal", str(journal), "--today", today)
        reader = imaplib.IMAP4(HOST, server.imap_port)
        reader.login(USER, PASSWORD)
        reader.select("Drafts", readonly=True)
        _, found = reader.search(None, "ALL")
        reader.logout()
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("saved: thank_you to ") == len(interview.interviewers)
    assert len(found[0].split()) == len(interview.interviewers)
    with Journal(journal) as opened:
        assert opened.events(key) == ()


def test_a_connection_dropped_mid_batch_sends_nothing_twice_on_retry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """relance due --send: the server drops the connection at the second note; the first
    was accepted and logged, so the retry sends the second one alone."""
    path, interview = interview_file(tmp_path)
    journal = tmp_path / "journal.sqlite3"
    key = run("track", str(path), "--journal", str(journal)).stdout.strip()
    today = (HELD + timedelta(days=1)).isoformat()
    config = tmp_path / "config.toml"
    monkeypatch.setenv("RELANCE_CONFIG", str(config))
    monkeypatch.setenv("RELANCE_SMTP_PASSWORD", PASSWORD)
    monkeypatch.setenv("RELANCE_TODAY", today)
    send = ("due", "--send", "--yes", "--allow-early", "--journal", str(journal))

    def serve(inbox: Inbox) -> tuple[int, list[str]]:
        with smtp_server(inbox) as server:
            config.write_text(
                f'[smtp]\nhost = "{HOST}"\nport = {server.port}\nsecurity = "none"\n'
                f'username = "{USER}"\n',
                encoding="utf-8",
            )
            result = run(*send, "--today", today)
        return result.returncode, [rcpt for e in inbox.envelopes for rcpt in e.rcpt_tos]

    status, first = serve(Inbox(drop_at=2))
    assert status == 1  # one draft failed
    emails = [c.email for c in interview.interviewers if c.email]
    assert first == emails[:1]
    with Journal(journal) as opened:
        assert [e.to for e in opened.events(key)] == [interview.interviewers[0].name]
    status, second = serve(Inbox())
    assert status == 0
    assert second == emails[1:]  # the first note is not sent again
    with Journal(journal) as opened:
        assert [e.to for e in opened.events(key)] == [c.name for c in interview.interviewers]
