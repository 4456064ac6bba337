"""The journal's commands: ``track``, ``log``, ``due``, ``status``, ``journal export|import``."""

from __future__ import annotations

import argparse
import os
import sys

from . import TYPE_CHECKING
from ._cli_words import words_for
from ._events import JOURNAL_ENVIRONMENT as ENVIRONMENT
from ._events import KINDS

# `relance --help` reads this module for the commands' lines: the journal, JSON, dates
# and the drafting libraries load when a command runs.
if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date
    from pathlib import Path
    from typing import Any, Final

    from ._delivery import Delivery
    from ._draft import Draft
    from ._journal import Journal
    from ._plan import Step

__all__ = ["COMMANDS", "register", "run"]

COMMANDS: Final = ("track", "log", "due", "status", "journal")
"""The commands this module adds to ``relance``."""

_RULE = "\n" + "─" * 72 + "\n\n"


def register(commands: Any) -> None:
    """Add the journal's commands to the ``relance`` parser's subcommands."""
    commands.command(
        "track",
        help="add an interview to the journal and print its id",
        description="Store an interview in the journal (its data, so later commands do "
        "not need the file) and print its id, such as ubisoft-analyste-2026-12-01.",
        build=_track,
    )
    commands.command(
        "log",
        help="record what happened: a thank-you sent, a call, an answer…",
        description="Record an event for a tracked interview. Kinds: " + ", ".join(KINDS) + ".",
        build=_log,
    )
    commands.command(
        "due",
        help="what is due today for every tracked interview, with the text ready",
        description="Print, for every tracked interview, the steps due today with the "
        "text to send or say.",
        build=_due_options,
    )
    commands.command(
        "status",
        help="a table of every tracked interview's stage and next date",
        description="Without ID, a table of every tracked interview; with it, that "
        "interview's status in full.",
        build=_status_options,
    )
    commands.command(
        "journal",
        help="export the journal as JSON, or import such a file",
        description="Export the whole journal as JSON (the shapes of as_dict), or add "
        "the interviews of such a file.",
        build=_journal,
    )


def _track(track: argparse.ArgumentParser) -> None:
    from pathlib import Path

    track.add_argument("file", type=Path, help="the interview, a .toml or .json file")
    _journal_options(track)


def _log(log: argparse.ArgumentParser) -> None:
    log.add_argument("id", help="the interview's id (see `relance status`)")
    log.add_argument("kind", choices=KINDS, metavar="KIND", help="what happened")
    log.add_argument("--on", metavar="YYYY-MM-DD", help="when it happened (default: today)")
    log.add_argument("--to", metavar="NAME", help="who it concerns: the interviewer thanked")
    log.add_argument("--note", metavar="TEXT", help="free text; for an answer, the date given")
    _journal_options(log)


def _due_options(due: argparse.ArgumentParser) -> None:
    from pathlib import Path

    from . import _cli_delivery

    due.add_argument("--format", choices=("text", "json"), default="text", help="default: text")
    due.add_argument("--out", type=Path, metavar="DIR", help="write one file per due step into DIR")
    _journal_options(due)
    _cli_delivery.add_options(due)


def _status_options(state: argparse.ArgumentParser) -> None:
    state.add_argument("id", nargs="?", help="one interview's id")
    state.add_argument("--format", choices=("text", "json"), default="text", help="default: text")
    _journal_options(state)


def _journal(journal: argparse.ArgumentParser) -> None:
    from pathlib import Path

    actions = journal.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="print the journal as JSON")
    _journal_options(export)
    load = actions.add_parser("import", help="add the interviews of an exported file")
    load.add_argument("file", type=Path, help="a file written by `relance journal export`")
    _journal_options(load)


def _journal_options(command: argparse.ArgumentParser) -> None:
    from pathlib import Path

    command.add_argument(
        "--journal",
        type=Path,
        metavar="PATH",
        help=f"the journal file (default: ${ENVIRONMENT}, else one in your data directory)",
    )
    command.add_argument(
        "--today", metavar="YYYY-MM-DD", help="act as if today were this day (default: today)"
    )


def run(args: argparse.Namespace) -> int:
    """Run one of :data:`COMMANDS`; errors are raised as ``RelanceError`` for the caller."""
    import json
    from datetime import date

    from . import _cli_delivery
    from ._cli_files import day
    from ._journal import Journal
    from ._model import Interview
    from ._status import Event, sent_event

    today = day(args.today, "--today") or date.today()
    with Journal(args.journal) as journal:
        if args.command == "track":
            print(journal.track(Interview.load(args.file)))
        elif args.command == "log":
            event = Event(day(args.on, "--on") or today, args.kind, to=args.to, note=args.note)
            journal.log(args.id, event, today=today)
            said = words_for(os.environ)("logged", id=args.id, kind=event.kind, day=event.on)
            print(said)
        elif args.command == "due":
            emails = _due(journal, today, args.format, args.out)
            if args.to_drafts or args.send:
                owner = {id(draft): key for key, draft in emails}

                def log(draft: Draft, delivery: Delivery) -> None:
                    event = sent_event(draft, on=today, note=delivery.detail or None)
                    if event is not None:
                        journal.log(owner[id(draft)], event, today=today)

                drafts = [draft for _, draft in emails]
                return _cli_delivery.deliver(
                    args, drafts, stdin_is_tty=sys.stdin.isatty(), on_sent=log
                )
        elif args.command == "status":
            _status(journal, today, args.id, args.format)
        elif args.action == "export":
            sys.stdout.write(json.dumps(journal.export(), ensure_ascii=False, indent=2) + "\n")
        else:
            for key in journal.import_(_read_json(args.file)):
                print(key)
    return 0


def logger(path: Path | None, key: str) -> Callable[[Draft, Delivery], None]:
    """What ``--send --journal-id ID`` calls for each email a server accepted: log it as
    sent, with the server's answer as the event's note."""

    from datetime import date

    from ._journal import Journal
    from ._status import sent_event
    from .errors import RelanceError

    def log(draft: Draft, delivery: Delivery) -> None:
        today = date.today()
        event = sent_event(draft, on=today, note=delivery.detail or None)
        if event is None:
            return
        try:
            with Journal(path) as journal:
                journal.log(key, event, today=today)
        except RelanceError as err:  # sent all the same: say so, and why it is not logged
            print(words_for(os.environ)("not_logged", reason=err), file=sys.stderr)

    return log


def _read_json(path: Path) -> Any:
    import json

    from .errors import InvalidInput

    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise InvalidInput.of(str(path), "file.unreadable", reason=err.strerror) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InvalidInput.of(str(path), "export.unreadable", reason=str(err)) from None


def _step_text(step: Step) -> str:
    when = step.on.isoformat() if step.on else "—"
    head = f"[{when}] {step.action}\n{step.detail}\n"
    if step.draft is None:
        return head
    return f"{head}\n{step.draft.as_text()}"


def _due(journal: Journal, today: date, fmt: str, out: Path | None) -> list[tuple[str, Draft]]:
    """Print or write what is due; the emails among it, with their interview's id."""
    import json

    from ._cli_files import write_all
    from ._draft import Draft
    from ._status import status

    emails: list[tuple[str, Draft]] = []
    report: list[dict[str, Any]] = []
    sections: list[str] = []
    files: dict[str, bytes] = {}
    for key, interview, events in journal.items():
        state = status(interview, events, today=today)
        report.append({"id": key, **state.as_dict()})
        if not state.due:
            continue
        title = f"{key} — {interview.company}, {interview.position}: {state.message}"
        sections.append(title + "\n\n" + _RULE.join(_step_text(step) for step in state.due))
        emails += [(key, s.draft) for s in state.due if isinstance(s.draft, Draft)]
        for number, step in enumerate(state.due, 1):
            kind = step.draft.kind if step.draft else step.channel
            name = f"{key}-{number}-{kind.replace('_', '-')}"
            if fmt == "json":
                text = json.dumps(step.as_dict(), ensure_ascii=False, indent=2) + "\n"
                files[f"{name}.json"] = text.encode()
            else:
                files[f"{name}.txt"] = _step_text(step).encode()
                if isinstance(step.draft, Draft) and step.draft.html is not None:
                    files[f"{name}.html"] = step.draft.html.encode()
    if out is not None:
        write_all(out, files, option="--out")
        for name in files:
            print(out / name)
    elif fmt == "json":
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    elif sections:
        sys.stdout.write(_RULE.join(sections))
    else:
        print(words_for(os.environ)("nothing_due", day=today.isoformat()))
    return emails


def _status(journal: Journal, today: date, key: str | None, fmt: str) -> None:
    import json

    keys = [key] if key is not None else list(journal.ids())
    states = [(k, journal.status(k, today=today)) for k in keys]
    if fmt == "json":
        data = [{"id": k, **state.as_dict()} for k, state in states]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    if key is not None:
        state = states[0][1]
        print(f"{key}: {state.stage}")
        print(state.message)
        for note in state.notes:
            print(f"  · {note}")
        for step in state.due:
            print(f"  [ ] {step.on.isoformat() if step.on else '—'} {step.action}")
        if state.next_on:
            print(words_for(os.environ)("next", day=state.next_on.isoformat()))
        return
    if not states:
        print(words_for(os.environ)("nothing_tracked"))
        return
    rows = [("id", "stage", "due", "next")]
    rows += [
        (k, s.stage, str(len(s.due)), s.next_on.isoformat() if s.next_on else "—")
        for k, s in states
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
