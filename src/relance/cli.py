"""The ``relance`` command: the messages of an interview, as text, .eml or JSON."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from datetime import UTC, date, datetime
from email.generator import BytesGenerator
from importlib.resources import files
from io import BytesIO
from pathlib import Path
from typing import NoReturn

from . import __version__, _cli_delivery, _cli_journal, _cli_schema
from ._catalogue import HTML_OVERRIDES, KINDS, TEMPLATES, Output, as_json, kind
from ._check import check_templates
from ._draft import Draft
from ._grammalecte import INSTALL
from ._model import Interview
from ._plan import Plan, plan
from ._render import FILTERS, Templates, as_templates
from ._samples import example_interview, example_rejection, example_text, sample_interviews
from ._script import Script
from .errors import InvalidInput, Problem, RelanceError

__all__ = ["example_interview", "example_rejection", "example_text", "main"]

FORMATS = ("text", "eml", "json")
_MESSAGE_COMMANDS = frozenset(row.command for row in KINDS if row.name != "plan")
_RULE = "\n" + "─" * 72 + "\n\n"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="relance",
        description="Ready-to-send French messages after a job interview.",
        epilog="Start with `relance example > interview.toml`, edit it, then "
        "`relance thank-you interview.toml`.",
    )
    parser.add_argument("--version", action="version", version=f"relance {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    commands.add_parser("demo", help="show every message for the built-in example interview")
    commands.add_parser("example", help="print a commented example interview file (TOML)")

    for row in KINDS:
        if row.name == "plan":
            continue
        command = commands.add_parser(
            row.command, help=row.purpose, description=row.description or None
        )
        _message_options(command, row.send_on)
        if row.name == "rejection_reply":
            command.add_argument(
                "--reply-to",
                type=Path,
                metavar="REJECTION.eml",
                help="the employer's message: the reply goes to its sender, in its thread",
            )
            command.add_argument(
                "--received-on",
                metavar="YYYY-MM-DD",
                help="when the rejection arrived (default: its Date header, else today)",
            )

    schedule = commands.add_parser(
        "plan",
        help="the whole follow-up as a dated checklist and a calendar file",
        description="Print every step of the follow-up as a dated checklist; "
        "with --ics, also write it as a calendar file.",
    )
    schedule.add_argument("file", type=Path, help="the interview, a .toml or .json file")
    schedule.add_argument("--ics", type=Path, metavar="OUT", help="write the calendar file OUT")
    schedule.add_argument("--format", choices=("text", "json"), default="text")
    schedule.add_argument(
        "--start", metavar="YYYY-MM-DD", help="drop the steps before this day (a late plan)"
    )
    _template_options(schedule)

    own = commands.add_parser(
        "templates",
        help="list, copy and check the templates, to write your own wording",
        description="Override relance's wording: copy the templates into a directory, "
        "edit them, check them, then pass --templates DIR to any message command.",
    )
    actions = own.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", help="each template: what it renders, its variables")
    copy = actions.add_parser("copy", help="write the package's templates into DIR")
    copy.add_argument("directory", type=Path, metavar="DIR")
    check = actions.add_parser(
        "check",
        help="render every template of DIR over sample interviews in every region",
    )
    check.add_argument("directory", type=Path, metavar="DIR")
    _cli_journal.register(commands)
    config = commands.add_parser(
        "config", help="where relance reads your mail accounts (see docs/delivery.md)"
    )
    config.add_subparsers(dest="action", metavar="ACTION", required=True).add_parser(
        "path", help="print the path of the accounts file"
    )
    _cli_schema.register(commands)
    return parser


def _message_options(command: argparse.ArgumentParser, send_on_help: str) -> None:
    command.add_argument("file", type=Path, help="the interview, a .toml or .json file")
    command.add_argument("--format", choices=FORMATS, default="text", help="default: text")
    command.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        help="write one file per message into DIR instead of printing them",
    )
    command.add_argument("--send-on", metavar="YYYY-MM-DD", help=send_on_help)
    _template_options(command)
    _cli_delivery.add_options(command)
    command.add_argument(
        "--journal-id",
        metavar="ID",
        help="with --send: log each email a server accepted to this tracked interview",
    )
    command.add_argument("--journal", type=Path, metavar="PATH", help="the journal file")


def _template_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--templates",
        type=Path,
        metavar="DIR",
        help="a directory of template overrides (see `relance templates copy`)",
    )
    command.add_argument("--html", action="store_true", help="also write an HTML part")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (2 for bad input, 1 when the
    output cannot be written)."""
    _write_utf8()
    args = _parser().parse_args(argv)
    try:
        status = _run(args)
        sys.stdout.flush()  # here, so that a full disk is reported, not a traceback
    except _Unwritable as err:
        print(f"relance: error: {err}", file=sys.stderr)
        return 1
    except RelanceError as err:
        _fail(err)
    except BrokenPipeError:  # `relance demo | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as err:  # `relance demo > /dev/full`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        print(f"relance: error: cannot write the output: {err.strerror}.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("relance: interrupted", file=sys.stderr)
        return 130
    return status


def _run(args: argparse.Namespace) -> int:
    """Dispatch to the command ``args`` names; its exit status."""
    if args.command == "example":
        sys.stdout.write(example_text())
    elif args.command == "demo":
        _demo()
    elif args.command == "rejection":
        return _rejection(args)
    elif args.command in _MESSAGE_COMMANDS:
        messages = kind(args.command).messages(
            Interview.load(args.file),
            send_on=_day(args.send_on),
            templates=as_templates(args.templates),
            html=args.html,
        )
        _emit(messages, args.format, args.out)
        return _deliver(args, messages)
    elif args.command == "templates":
        return _templates(args)
    elif args.command == "config":
        return _cli_delivery.print_config_path()
    elif args.command in _cli_journal.COMMANDS:
        return _cli_journal.run(args)
    elif args.command == "schema":
        return _cli_schema.run(args)
    else:
        _plan(args)
    return 0


def _templates(args: argparse.Namespace) -> int:
    if args.action == "list":
        for template in TEMPLATES.values():
            print(f"{template.name}: {template.renders}")
            print(f"  variables: {', '.join(template.variables)}")
        print(f"\nAn override directory may also hold {', '.join(HTML_OVERRIDES)}.")
        print(f"Filters: {', '.join(FILTERS)}, and Jinja2's own.")
        return 0
    if args.action == "copy":
        existing = [name for name in TEMPLATES if (args.directory / name).exists()]
        if existing:
            raise InvalidInput.of(
                "DIR", "file.exists", directory=str(args.directory), names=existing
            )
        package = files("relance").joinpath("templates")
        contents = {name: package.joinpath(name).read_bytes() for name in TEMPLATES}
        _write_all(args.directory, contents, option="DIR")
        for name in contents:
            print(args.directory / name)
        return 0
    problems, french = check_templates(Templates(args.directory))
    for problem in problems:
        print(problem)
    renders = sum(1 for _ in sample_interviews())
    summary = f"{args.directory}: every template rendered over {renders} sample interviews"
    if not french:
        print(f"French not checked: Grammalecte is not installed ({INSTALL}).", file=sys.stderr)
    if problems:
        print(f"{summary}: {len(problems)} problem(s).", file=sys.stderr)
        return 2
    print(f"{summary}{', Grammalecte included' if french else ''}: no problem.")
    return 0


def _rejection(args: argparse.Namespace) -> int:
    interview = Interview.load(args.file)
    received_on = _day(args.received_on, option="--received-on")
    if args.reply_to is None and received_on is None and args.send_on is None:
        received_on = date.today()  # the command is run when the answer arrives
        if received_on < interview.held_on:
            raise InvalidInput.of(
                "--received-on",
                "date.today_before_interview",
                held=interview.held_on.isoformat(),
            )
    messages = kind("rejection").messages(
        interview,
        rejection=args.reply_to,
        received_on=received_on,
        send_on=_day(args.send_on),
        templates=as_templates(args.templates),
        html=args.html,
    )
    if args.reply_to is not None:
        messages = [
            m._replace(field=f"rejection ({args.reply_to})") if m.field == "rejection" else m
            for m in messages
        ]
    _emit(messages, args.format, args.out)
    return _deliver(args, messages)


def _deliver(args: argparse.Namespace, messages: Sequence[Output]) -> int:
    """``--to-drafts`` or ``--send`` the emails among ``messages``; with ``--journal-id``,
    each email a server accepted is logged as sent."""
    drafts = [message.text for message in messages if isinstance(message.text, Draft)]
    on_sent = None
    if args.journal_id is not None:
        on_sent = _cli_journal.logger(args.journal, args.journal_id)
    return _cli_delivery.deliver(args, drafts, stdin_is_tty=sys.stdin.isatty(), on_sent=on_sent)


def _plan(args: argparse.Namespace) -> None:
    steps = plan(
        Interview.load(args.file),
        start=_day(args.start, option="--start"),
        templates=args.templates,
        html=args.html,
    )
    if args.ics is not None:
        _write_all(args.ics.parent, {args.ics.name: steps.to_ics()}, option="--ics")
    if args.format == "json":
        sys.stdout.write(json.dumps(steps.as_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(steps.as_text())
        if args.ics is not None:
            print(f"\nCalendar: {args.ics}")


def _fail(err: RelanceError) -> NoReturn:
    if isinstance(err, InvalidInput):
        lines = [f"relance: error: invalid input ({len(err.problems)}):"]
        lines += [f"  {problem}" for problem in err.problems]
        message = "\n".join(lines)
    else:
        message = f"relance: error: {err}"
    print(message, file=sys.stderr)
    raise SystemExit(2)


def _day(value: str | None, *, option: str = "--send-on") -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput.of(option, "date.invalid", value=value) from None


_DEMO_TITLES = {
    "thank_you": "The thank-you notes: one email to each interviewer, the next business day",
    "follow_up": "The follow-up a week later: the email, the call, the voicemail",
    "rejection_reply": "After a rejection: the reply in the employer's thread, "
    "and a handwritten note",
    "plan": "The plan: every step, dated (`relance plan FILE --ics plan.ics` for a calendar)",
}


def _demo() -> None:
    interview = example_interview()
    print("relance demo: the messages for the built-in example interview")
    print("(`relance example` prints its input file).")
    for row in KINDS:
        messages = row.messages(interview, rejection=example_rejection())
        print("\n" + "═" * 72)
        print(_DEMO_TITLES.get(row.name, row.purpose[:1].upper() + row.purpose[1:]) + "\n")
        sys.stdout.write(_RULE.join(message.text.as_text() for message in messages))


def _emit(items: Sequence[Output], fmt: str, out: Path | None) -> None:
    drafts = [item for _, item, _, _ in items if isinstance(item, Draft)]
    if fmt == "eml":
        missing = [
            Problem.of(field, "eml.no_recipient", name=name)
            for name, item, field, _ in items
            if isinstance(item, Draft) and not item.to
        ]
        if missing:
            raise InvalidInput(missing)
    if out is None:
        if fmt == "text":
            sys.stdout.write(_RULE.join(item.text.as_text() for item in items))
        elif fmt == "json":
            text = json.dumps(as_json(list(items)), ensure_ascii=False, indent=2)
            sys.stdout.write(text + "\n")
        else:
            sys.stdout.flush()
            sys.stdout.buffer.write(_mbox(drafts))
            sys.stdout.buffer.flush()
        return
    contents = dict(_file(name, item, fmt) for name, item, _, _ in items)
    for name, item, _, _ in items:
        if isinstance(item, Draft) and item.html is not None and fmt != "eml":
            contents[f"{name}.html"] = item.html.encode()
    _write_all(out, contents, option="--out")
    for name in contents:
        print(out / name)


def _file(name: str, item: Draft | Script | Plan, fmt: str) -> tuple[str, bytes]:
    if fmt == "json":
        text = json.dumps(item.as_dict(), ensure_ascii=False, indent=2) + "\n"
        return f"{name}.json", text.encode()
    if fmt == "eml" and isinstance(item, Draft):
        return f"{name}.eml", item.to_eml()
    return f"{name}.txt", item.as_text().encode()


def _mbox(drafts: Sequence[Draft]) -> bytes:
    """Several messages on one stream: the mboxrd format mail tools read."""
    buffer = BytesIO()
    for draft in drafts:
        message = draft.to_message()
        stamp = datetime.now(UTC).strftime("%a %b %d %H:%M:%S %Y")
        buffer.write(f"From relance {stamp}\n".encode())
        BytesGenerator(buffer, mangle_from_=True).flatten(message, linesep="\n")
        buffer.write(b"\n")
    return buffer.getvalue()


class _Unwritable(RelanceError):
    """An output file or directory cannot be written (exit status 1)."""

    problem: Problem
    """What cannot be written, with its code (``file.cannot_write``)."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(problem.message)


def _write_utf8() -> None:
    """Write UTF-8 whatever the locale says: French text holds « », U+202F and ─."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower() not in ("utf-8", "utf8"):
            reconfigure(encoding="utf-8")


def _write_all(directory: Path, contents: dict[str, bytes], *, option: str) -> None:
    """Write every file or none: all go into a new directory beside ``directory``, then
    that directory becomes ``directory`` (when it did not exist) or its files are moved
    into it, once nothing stands in their way."""
    for name in contents:
        target = directory / name
        if target.is_dir() or (target.exists() and not target.is_file()):
            raise _Unwritable(Problem.of(option, "file.in_the_way", path=str(target)))
    try:
        directory.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=directory.parent, prefix=f".{directory.name}."))
    except OSError as err:
        raise _Unwritable(
            Problem.of(option, "file.cannot_create", directory=str(directory), reason=err.strerror)
        ) from None
    try:
        for name, data in contents.items():
            (staging / name).write_bytes(data)
        if not directory.exists():
            staging.rename(directory)
            return
        for name in contents:
            os.replace(staging / name, directory / name)
    except OSError as err:
        raise _Unwritable(
            Problem.of(option, "file.cannot_write", directory=str(directory), reason=err.strerror)
        ) from None
    finally:
        if staging.exists():
            for leftover in staging.iterdir():
                leftover.unlink()
            staging.rmdir()


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
