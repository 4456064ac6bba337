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

from . import __version__
from ._draft import Draft
from ._model import Interview
from ._thank_you import thank_you_notes
from .errors import InvalidInput, Problem, RelanceError

__all__ = ["main"]

FORMATS = ("text", "eml", "json")
_RULE = "\n" + "─" * 72 + "\n\n"


def example_text() -> str:
    """The commented example interview file that ``relance example`` prints."""
    return files("relance").joinpath("example.toml").read_text(encoding="utf-8")


def example_interview() -> Interview:
    """The built-in example, as an :class:`~relance.Interview`."""
    import tomllib

    return Interview.from_dict(tomllib.loads(example_text()))


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
    thanks.add_argument("file", type=Path, help="the interview, a .toml or .json file")
    thanks.add_argument("--format", choices=FORMATS, default="text", help="default: text")
    thanks.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        help="write one file per message into DIR instead of printing them",
    )
    thanks.add_argument(
        "--send-on",
        metavar="YYYY-MM-DD",
        help="the day the notes will be sent (default: the next business day)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (2 for bad input)."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "example":
            sys.stdout.write(example_text())
        elif args.command == "demo":
            _demo()
        else:
            interview = Interview.load(args.file)
            drafts = thank_you_notes(interview, send_on=_send_on(args.send_on))
            _emit(drafts, args.format, args.out, "thank-you")
    except RelanceError as err:
        _fail(err)
    except BrokenPipeError:  # `relance demo | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 0


def _fail(err: RelanceError) -> NoReturn:
    if isinstance(err, InvalidInput):
        lines = [f"relance: error: invalid input ({len(err.problems)}):"]
        lines += [f"  {problem}" for problem in err.problems]
        message = "\n".join(lines)
    else:
        message = f"relance: error: {err}"
    print(message, file=sys.stderr)
    raise SystemExit(2)


def _send_on(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput.one("--send-on", f"{value!r} is not a date like 2026-12-02.") from None


def _demo() -> None:
    interview = example_interview()
    print("relance demo: the messages for the built-in example interview")
    print("(`relance example` prints its input file).\n")
    print("═" * 72)
    print("Remerciements: one email to each interviewer, the next business day\n")
    print(_RULE.join(draft.as_text() for draft in thank_you_notes(interview)), end="")


def _emit(drafts: Sequence[Draft], fmt: str, out: Path | None, stem: str) -> None:
    if fmt == "eml":
        missing = [
            Problem(
                f"interviewers[{i}].email", "Needed for an .eml file: the note has no recipient."
            )
            for i, draft in enumerate(drafts)
            if not draft.to
        ]
        if missing:
            raise InvalidInput(missing)
    if out is None:
        _print(drafts, fmt)
        return
    contents = {
        f"{stem}-{i}.{'txt' if fmt == 'text' else fmt}": _file_bytes(draft, fmt)
        for i, draft in enumerate(drafts, start=1)
    }
    _write_all(out, contents)
    for name in contents:
        print(out / name)


def _file_bytes(draft: Draft, fmt: str) -> bytes:
    if fmt == "eml":
        return draft.to_eml()
    if fmt == "json":
        return (json.dumps(draft.as_dict(), ensure_ascii=False, indent=2) + "\n").encode()
    return draft.as_text().encode()


def _print(drafts: Sequence[Draft], fmt: str) -> None:
    if fmt == "text":
        sys.stdout.write(_RULE.join(draft.as_text() for draft in drafts))
    elif fmt == "json":
        data = [draft.as_dict() for draft in drafts]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(_mbox(drafts))
        sys.stdout.buffer.flush()


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


def _write_all(directory: Path, contents: dict[str, bytes]) -> None:
    """Write every file or none: each goes to a temporary name, then all are renamed."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise InvalidInput.one("--out", f"Cannot create {directory}: {err.strerror}.") from None
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
        raise InvalidInput.one("--out", f"Cannot write into {directory}: {err.strerror}.") from None


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
