"""The ``relance`` command: the messages of an interview, as text, .eml or JSON."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import TYPE_CHECKING, __version__, _cli_batch

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date
    from typing import Any, NoReturn

    from ._catalogue import Output
    from ._draft import Draft
    from ._plan import Plan
    from ._samples import example_interview, example_rejection, example_text
    from ._script import Script
    from .errors import RelanceError

# Each command imports what it needs when it runs: `relance --help` loads argparse and
# nothing of Jinja2, Babel or the email package.

__all__ = ["example_interview", "example_rejection", "example_text", "main"]

FORMATS = ("text", "eml", "json")
_SAMPLES = ("example_interview", "example_rejection", "example_text")
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

    thanks = commands.add_parser(
        "thank-you",
        help="the thank-you note to each interviewer",
        description="Draft the thank-you note to each interviewer, sent the next business day.",
    )
    _message_options(thanks, "the day the notes will be sent (default: the next business day)")

    later = commands.add_parser(
        "follow-up",
        help="the one-week follow-up: email, call script, voicemail",
        description="Draft the follow-up a week after the interview: the email to the "
        "hiring contact, what to say on the phone, and the voicemail to leave.",
    )
    _message_options(later, "the day of the follow-up (default: a week after, on a business day)")

    refused = commands.add_parser(
        "rejection",
        help="after a rejection: a reply asking for feedback, and a handwritten note",
        description="Draft the reply to a rejection (threaded under the employer's "
        "message with --reply-to) and a handwritten note to copy onto a card.",
    )
    _message_options(refused, "the day to reply (default: the next business day)")
    refused.add_argument(
        "--reply-to",
        type=Path,
        metavar="REJECTION.eml",
        help="the employer's message: the reply goes to its sender, in its thread",
    )
    refused.add_argument(
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
    _cli_batch.register(commands)

    actions = own.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", help="each template: what it renders, its variables")
    copy = actions.add_parser("copy", help="write the package's templates into DIR")
    copy.add_argument("directory", type=Path, metavar="DIR")
    check = actions.add_parser(
        "check",
        help="render every template of DIR over sample interviews in every region",
    )
    check.add_argument("directory", type=Path, metavar="DIR")
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


def _template_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--templates",
        type=Path,
        metavar="DIR",
        help="a directory of template overrides (see `relance templates copy`)",
    )
    command.add_argument("--html", action="store_true", help="also write an HTML part")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (2 for bad input)."""
    args = _parser().parse_args(argv)
    from ._catalogue import kind
    from ._model import Interview
    from ._render import as_templates
    from ._samples import example_text
    from .errors import RelanceError

    try:
        if args.command == "example":
            sys.stdout.write(example_text())
        elif args.command == "demo":
            _demo()
        elif args.command in ("thank-you", "follow-up"):
            messages = kind(args.command).messages(
                Interview.load(args.file),
                send_on=_day(args.send_on),
                templates=as_templates(args.templates),
                html=args.html,
            )
            _emit(messages, args.format, args.out)
        elif args.command == "rejection":
            _rejection(args)
        elif args.command == "templates":
            return _templates(args)
        elif args.command == "batch":
            return _cli_batch.run(args)
        else:
            _plan(args)
    except RelanceError as err:
        _fail(err)
    except BrokenPipeError:  # `relance demo | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print("relance: interrupted", file=sys.stderr)
        return 130
    return 0


def _templates(args: argparse.Namespace) -> int:
    from importlib.resources import files

    from ._catalogue import HTML_OVERRIDES, TEMPLATES
    from ._check import check_templates
    from ._grammalecte import INSTALL
    from ._render import FILTERS, Templates
    from ._samples import sample_interviews
    from .errors import InvalidInput

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
            raise InvalidInput.one(
                "DIR", f"{args.directory} already holds {', '.join(existing)}; nothing written."
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


def _rejection(args: argparse.Namespace) -> None:
    from datetime import date

    from ._catalogue import kind
    from ._model import Interview
    from ._render import as_templates
    from .errors import InvalidInput

    interview = Interview.load(args.file)
    received_on = _day(args.received_on, option="--received-on")
    if args.reply_to is None and received_on is None and args.send_on is None:
        received_on = date.today()  # the command is run when the answer arrives
        if received_on < interview.held_on:
            raise InvalidInput.one(
                "--received-on",
                f"Today is before the interview ({interview.held_on.isoformat()}): "
                "say when the rejection arrived, or give it with --reply-to.",
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


def _plan(args: argparse.Namespace) -> None:
    import json

    from ._model import Interview
    from ._plan import plan

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
    from .errors import InvalidInput

    if isinstance(err, InvalidInput):
        lines = [f"relance: error: invalid input ({len(err.problems)}):"]
        lines += [f"  {problem}" for problem in err.problems]
        message = "\n".join(lines)
    else:
        message = f"relance: error: {err}"
    print(message, file=sys.stderr)
    raise SystemExit(2)


def _day(value: str | None, *, option: str = "--send-on") -> date | None:
    from datetime import date

    from .errors import InvalidInput

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput.one(option, f"{value!r} is not a date like 2026-12-02.") from None


_DEMO_TITLES = {
    "thank_you": "The thank-you notes: one email to each interviewer, the next business day",
    "follow_up": "The follow-up a week later: the email, the call, the voicemail",
    "rejection_reply": "After a rejection: the reply in the employer's thread, "
    "and a handwritten note",
    "plan": "The plan: every step, dated (`relance plan FILE --ics plan.ics` for a calendar)",
}


def _demo() -> None:
    from ._catalogue import KINDS
    from ._samples import example_interview, example_rejection

    interview = example_interview()
    print("relance demo: the messages for the built-in example interview")
    print("(`relance example` prints its input file).")
    for row in KINDS:
        messages = row.messages(interview, rejection=example_rejection())
        print("\n" + "═" * 72)
        print(_DEMO_TITLES.get(row.name, row.purpose[:1].upper() + row.purpose[1:]) + "\n")
        sys.stdout.write(_RULE.join(message.text.as_text() for message in messages))


def _emit(items: Sequence[Output], fmt: str, out: Path | None) -> None:
    import json

    from ._catalogue import as_json
    from ._draft import Draft
    from .errors import InvalidInput, Problem

    drafts = [item for _, item, _, _ in items if isinstance(item, Draft)]
    if fmt == "eml":
        missing = [
            Problem(field, f"The {name} email has no recipient; an .eml file needs one.")
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
    import json

    from ._draft import Draft

    if fmt == "json":
        text = json.dumps(item.as_dict(), ensure_ascii=False, indent=2) + "\n"
        return f"{name}.json", text.encode()
    if fmt == "eml" and isinstance(item, Draft):
        return f"{name}.eml", item.to_eml()
    return f"{name}.txt", item.as_text().encode()


def _mbox(drafts: Sequence[Draft]) -> bytes:
    """Several messages on one stream: the mboxrd format mail tools read."""
    from datetime import UTC, datetime
    from email.generator import BytesGenerator
    from io import BytesIO

    buffer = BytesIO()
    for draft in drafts:
        message = draft.to_message()
        stamp = datetime.now(UTC).strftime("%a %b %d %H:%M:%S %Y")
        buffer.write(f"From relance {stamp}\n".encode())
        BytesGenerator(buffer, mangle_from_=True).flatten(message, linesep="\n")
        buffer.write(b"\n")
    return buffer.getvalue()


def _write_all(directory: Path, contents: dict[str, bytes], *, option: str) -> None:
    """Write every file or none: each goes to a temporary name, then all are renamed."""
    import tempfile

    from .errors import InvalidInput

    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise InvalidInput.one(option, f"Cannot create {directory}: {err.strerror}.") from None
    staged: list[tuple[str, Path]] = []
    try:
        for name, data in contents.items():
            handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{name}.")
            staged.append((temporary, directory / name))
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
        for temporary, final in staged:
            os.replace(temporary, final)
    except OSError as err:
        for temporary, _ in staged:
            Path(temporary).unlink(missing_ok=True)
        raise InvalidInput.one(option, f"Cannot write into {directory}: {err.strerror}.") from None


def __getattr__(name: str) -> Any:
    if name in _SAMPLES:  # the examples, as this module always offered them
        from . import _samples

        return getattr(_samples, name)
    raise AttributeError(f"module 'relance.cli' has no attribute {name!r}")


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
