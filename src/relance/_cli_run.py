"""What the ``relance`` commands do, once ``relance.cli`` has parsed the command line.

``relance.cli`` holds the parser and imports only what the help needs; this module
loads when a command runs, with the libraries that command needs.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from functools import partial
from io import BytesIO
from typing import TYPE_CHECKING, NoReturn

from . import _cli_batch, _cli_delivery, _cli_journal, _cli_schema
from ._catalogue import HTML_OVERRIDES, KINDS, TEMPLATES, Output, as_json, kind
from ._cli_files import day
from ._cli_words import Words, error_text, problem_line
from .errors import InvalidInput, Problem, RelanceError, Unwritable

if TYPE_CHECKING:
    from ._draft import Draft
    from ._model import Interview
    from ._plan import Plan
    from ._script import Script

__all__ = ["run"]

_MESSAGE_COMMANDS = frozenset(row.command for row in KINDS if row.name != "plan")
_RULE = "\n" + "─" * 72 + "\n\n"


def run(args: argparse.Namespace, words: Words) -> int:
    """Run the command ``args`` names; its exit status (2 for bad input, 1 when the
    output cannot be written), with one readable line for each error, never a traceback."""
    try:
        status = _run(args, words)
        sys.stdout.flush()  # here, so that a full disk is reported, not a traceback
    except Unwritable as err:
        print(words("error", message=err), file=sys.stderr)
        return 1
    except RelanceError as err:
        _fail(_as_options(err), words)
    except BrokenPipeError:  # `relance demo | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as err:  # `relance demo > /dev/full`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        print(words("cannot_write", reason=err.strerror), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(words("interrupted"), file=sys.stderr)
        return 130
    return status


def _run(args: argparse.Namespace, words: Words) -> int:
    """Dispatch to the command ``args`` names; its exit status."""
    from ._cli_files import load_interview
    from ._render import as_templates

    if args.command == "example":
        _example(args)
    elif args.command == "demo":
        _demo(words)
    elif args.command == "rejection":
        return _rejection(args, words)
    elif args.command in _MESSAGE_COMMANDS:
        interview = load_interview(args.file)
        messages = _not_in_the_past(
            lambda day: kind(args.command).messages(
                interview,
                send_on=day,
                templates=as_templates(args.templates),
                html=args.html,
            ),
            interview,
            day(args.send_on, "--send-on"),
            words,
        )
        _emit(messages, args, interview, words)
        return _deliver(args, messages)
    elif args.command == "templates":
        return _templates(args, words)
    elif args.command == "config":
        return _cli_delivery.print_config_path()
    elif args.command in _cli_journal.COMMANDS:
        return _cli_journal.run(args)
    elif args.command == "schema":
        return _cli_schema.run(args)
    elif args.command == "batch":
        return _cli_batch.run(args, words)
    else:
        _plan(args, words)
    return 0


def _deliver(args: argparse.Namespace, messages: Sequence[Output]) -> int:
    """``--to-drafts`` or ``--send`` the emails among ``messages``; with ``--journal-id``,
    each email a server accepted is logged as sent."""
    from ._draft import Draft

    drafts = [message.text for message in messages if isinstance(message.text, Draft)]
    on_sent = None
    if args.journal_id is not None:
        on_sent = _cli_journal.logger(args.journal, args.journal_id)
    return _cli_delivery.deliver(args, drafts, stdin_is_tty=sys.stdin.isatty(), on_sent=on_sent)


def _example(args: argparse.Namespace) -> None:
    from ._samples import example_rejection, example_text

    if args.rejection:
        sys.stdout.flush()
        sys.stdout.buffer.write(example_rejection())
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(example_text())


def _today(interview: Interview) -> date:
    """Today in the interview's region, or ``RELANCE_TODAY`` (YYYY-MM-DD) when set, for
    runs that must give the same result any day. The library never reads the clock;
    the command line does, here only."""
    from ._sending import TIME_ZONES

    fixed = os.environ.get("RELANCE_TODAY")
    if fixed:
        try:
            return date.fromisoformat(fixed)
        except ValueError:
            raise InvalidInput.of("RELANCE_TODAY", "date.invalid", value=fixed) from None
    from zoneinfo import ZoneInfo

    return datetime.now(ZoneInfo(TIME_ZONES[interview.locale])).date()


def _not_in_the_past(
    produce: Callable[[date | None], list[Output]],
    interview: Interview,
    send_on: date | None,
    words: Words,
) -> list[Output]:
    """The messages, dated and worded for today's first business day when the day
    they would go out on has passed (and one line on standard error to say so)."""
    from ._draft import Draft
    from ._french import long_date
    from ._sending import first_business_day

    now = _today(interview)
    if send_on is not None:
        if send_on < now:
            raise InvalidInput.of(
                "--send-on", "date.past", day=send_on.isoformat(), today=now.isoformat()
            )
        return produce(send_on)
    messages = produce(None)
    planned = min((m.text.send_on for m in messages if isinstance(m.text, Draft)), default=now)
    if planned >= now:
        return messages
    day = first_business_day(interview, now)
    said = date.isoformat if words.language == "en" else partial(long_date, locale=interview.locale)
    print(words("late", planned=said(planned), day=said(day)), file=sys.stderr)
    return produce(day)


_OPTIONS = {
    "send_on": "--send-on",
    "received_on": "--received-on",
    "start": "--start",
    "rejection": "--reply-to",
    "templates": "--templates",
}


def _as_options(err: RelanceError) -> RelanceError:
    """The error, its fields named as the user typed them: ``--send-on``, not ``send_on``."""
    if not isinstance(err, InvalidInput):
        return err
    problems = []
    for problem in err.problems:
        head, dot, rest = problem.field.partition(".")
        if head in _OPTIONS:
            field = _OPTIONS[head] + (f" ({rest} header)" if dot else "")
            problems.append(dataclasses.replace(problem, field=field))
        else:
            problems.append(problem)
    return InvalidInput(problems)


def _templates(args: argparse.Namespace, words: Words) -> int:
    from ._check import check_templates
    from ._cli_files import write_all
    from ._grammalecte import INSTALL
    from ._render import FILTERS, Templates
    from ._samples import sample_interviews

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
                "DIR", "file.exists", directory=str(args.directory), names=", ".join(existing)
            )
        from importlib.resources import files

        package = files("relance").joinpath("templates")
        contents = {name: package.joinpath(name).read_bytes() for name in TEMPLATES}
        write_all(args.directory, contents, option="DIR")
        for name in contents:
            print(args.directory / name)
        return 0
    try:
        overrides = Templates(args.directory)
    except InvalidInput as err:  # named DIR here, not --templates
        raise InvalidInput([dataclasses.replace(p, field="DIR") for p in err.problems]) from None
    problems, french = check_templates(overrides)
    for problem in problems:
        print(problem)
    renders = sum(1 for _ in sample_interviews())
    summary = words("checked", directory=args.directory, count=renders)
    if not french:
        print(words("no_french", install=INSTALL), file=sys.stderr)
    if problems:
        print(summary + words("problems", count=len(problems)), file=sys.stderr)
        return 2
    print(summary + (words("checked_french") if french else "") + words("no_problem"))
    return 0


def _rejection(args: argparse.Namespace, words: Words) -> int:
    from ._cli_files import is_stdio, load_interview, read_bytes
    from ._rejection import RejectionReply
    from ._rejection import outputs as rejection_outputs
    from ._render import as_templates

    if is_stdio(args.file) and is_stdio(args.reply_to):
        raise InvalidInput.of("--reply-to", "stdin.taken")
    interview = load_interview(args.file)
    rejection = None if args.reply_to is None else read_bytes(args.reply_to, "--reply-to")
    received_on = day(args.received_on, "--received-on")
    undated = received_on is None and args.send_on is None and not _dated(rejection)
    if undated and _today(interview) >= interview.held_on:
        received_on = _today(interview)  # the command is run when the answer arrives
    replies: list[RejectionReply] = []

    def produce(day: date | None) -> list[Output]:
        reply, outputs = rejection_outputs(
            interview,
            rejection=rejection,
            received_on=received_on,
            send_on=day,
            templates=as_templates(args.templates),
            html=args.html,
        )
        replies.append(reply)
        return outputs

    try:
        messages = _not_in_the_past(produce, interview, day(args.send_on, "--send-on"), words)
    except InvalidInput as err:
        # Nothing said when the rejection arrived, and today cannot be that day.
        if undated and received_on is None and "received_on" in (p.field for p in err.problems):
            raise InvalidInput.of(
                "--received-on", "date.today_before_interview", held=interview.held_on.isoformat()
            ) from None
        raise
    if args.reply_to is not None:
        messages = [
            m._replace(field=f"rejection ({args.reply_to})") if m.field == "rejection" else m
            for m in messages
        ]
    reply = replies[-1]
    for warning in reply.warnings:  # who the reply and the card are for, and why
        print(f"relance: warning: {warning}", file=sys.stderr)
    if args.format == "json" and (args.out is None or is_stdio(args.out)):
        # The warnings too, as as_dict() has them.
        sys.stdout.write(json.dumps(reply.as_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        _emit(messages, args, interview, words)
    return _deliver(args, messages)


def _dated(rejection: bytes | None) -> bool:
    """Whether the employer's message has a Date header that says when it arrived."""
    if rejection is None:
        return False
    from email.parser import BytesParser
    from email.policy import default

    message = BytesParser(policy=default).parsebytes(rejection, headersonly=True)
    try:
        return isinstance(message["Date"].datetime, datetime)
    except (AttributeError, TypeError, ValueError):
        return False


def _plan(args: argparse.Namespace, words: Words) -> None:
    from ._cli_files import is_stdio, load_interview, write_all
    from ._plan import plan

    interview = load_interview(args.file)
    start = day(args.start, "--start")
    steps = plan(
        interview,
        start=_today(interview) if start is None else start,
        templates=args.templates,
        html=args.html,
    )
    if is_stdio(args.ics) and args.format == "json":
        raise InvalidInput.of("--ics", "stdout.taken")
    if is_stdio(args.ics):  # the calendar is what standard output carries
        sys.stdout.flush()
        sys.stdout.buffer.write(steps.to_ics())
        sys.stdout.buffer.flush()
        return
    if args.html and args.format == "text":
        print(words("html_text"), file=sys.stderr)
    if args.ics is not None:
        write_all(
            args.ics.parent, {args.ics.name: steps.to_ics()}, option="--ics", force=args.force
        )
    if args.format == "json":
        sys.stdout.write(json.dumps(steps.as_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(steps.as_text())
        if args.ics is not None:
            print("\n" + words("calendar", path=args.ics))


def _fail(err: RelanceError, words: Words) -> NoReturn:
    if isinstance(err, InvalidInput):
        lines = [words("invalid", count=len(err.problems))]
        lines += [f"  {problem_line(problem, words.language)}" for problem in err.problems]
        message = "\n".join(lines)
    else:
        message = words("error", message=error_text(err, words.language))
    print(message, file=sys.stderr)
    raise SystemExit(2)


def _demo(words: Words) -> None:
    from ._samples import example_interview, example_rejection

    interview = example_interview()
    print(words("demo_intro"))
    for row in KINDS:
        messages = row.messages(interview, rejection=example_rejection())
        print("\n" + "═" * 72)
        key = f"demo.{row.name}"
        print((words(key) if key in words else row.purpose[:1].upper() + row.purpose[1:]) + "\n")
        sys.stdout.write(_RULE.join(message.text.as_text() for message in messages))


def _emit(
    items: Sequence[Output], args: argparse.Namespace, interview: Interview, words: Words
) -> None:
    from ._cli_files import file_names, is_stdio, write_all
    from ._draft import Draft

    fmt, out = args.format, args.out
    drafts = [item for _, item, _, _ in items if isinstance(item, Draft)]
    if fmt == "eml":
        missing = [
            Problem.of(field, "eml.no_recipient", name=name)
            for name, item, field, _ in items
            if isinstance(item, Draft) and not item.to
        ]
        if missing:
            raise InvalidInput(missing)
    if out is None or is_stdio(out):
        if fmt == "text":
            if args.html:
                print(words("html_text"), file=sys.stderr)
            sys.stdout.write(_RULE.join(item.text.as_text() for item in items))
        elif fmt == "json":
            text = json.dumps(as_json(list(items)), ensure_ascii=False, indent=2)
            sys.stdout.write(text + "\n")
        else:
            sys.stdout.flush()
            sys.stdout.buffer.write(_mbox(drafts))
            sys.stdout.buffer.flush()
        return
    names = file_names(interview, items)
    contents = dict(
        _file(name, item, fmt) for name, (_, item, _, _) in zip(names, items, strict=True)
    )
    for name, (_, item, _, _) in zip(names, items, strict=True):
        if isinstance(item, Draft) and item.html is not None and fmt != "eml":
            contents[f"{name}.html"] = item.html.encode()
    write_all(out, contents, option="--out", force=args.force)
    for name in contents:
        print(out / name)


def _file(name: str, item: Draft | Script | Plan, fmt: str) -> tuple[str, bytes]:
    from ._draft import Draft

    if fmt == "json":
        text = json.dumps(item.as_dict(), ensure_ascii=False, indent=2) + "\n"
        return f"{name}.json", text.encode()
    if fmt == "eml" and isinstance(item, Draft):
        return f"{name}.eml", item.to_eml(draft=True)
    return f"{name}.txt", item.as_text().encode()


def _mbox(drafts: Sequence[Draft]) -> bytes:
    """Several messages on one stream: the mboxrd format mail tools read."""
    buffer = BytesIO()
    for draft in drafts:
        message = draft.to_eml(draft=True).replace(b"\r\n", b"\n")
        stamp = datetime.now(UTC).strftime("%a %b %d %H:%M:%S %Y")
        buffer.write(f"From relance {stamp}\n".encode())
        buffer.write(b"".join(_mangle_from(line) for line in message.splitlines(keepends=True)))
        buffer.write(b"\n")
    return buffer.getvalue()


def _mangle_from(line: bytes) -> bytes:
    """mboxrd: a ">" more before a line that starts with "From " behind any ">"."""
    return b">" + line if line.lstrip(b">").startswith(b"From ") else line
