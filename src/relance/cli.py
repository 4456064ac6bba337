"""The ``relance`` command: the messages of an interview, as text, .eml or JSON."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from functools import partial

from . import TYPE_CHECKING, __version__, _cli_batch, _cli_journal, _cli_schema
from ._catalogue import KINDS
from ._cli_words import Words, translate_help, words_for

# `relance --help` imports only what the help needs: argparse, the catalogue's list of
# kinds and the help's French. What a command does is in `_cli_run`, which loads with
# the libraries it needs (Jinja2, Babel, the email package) once the command is parsed.
if TYPE_CHECKING:
    from typing import Any

    from ._catalogue import Kind
    from ._samples import example_interview, example_rejection, example_text

__all__ = ["example_interview", "example_rejection", "example_text", "main"]


def __getattr__(name: str) -> Any:
    """The samples this module has always offered, loaded on first use."""
    if name in ("example_interview", "example_rejection", "example_text"):
        from . import _samples

        return getattr(_samples, name)
    raise AttributeError(f"module 'relance.cli' has no attribute {name!r}")


FORMATS = ("text", "eml", "json")

Build = Callable[[argparse.ArgumentParser], None]
"""What adds a command's options to its parser."""


class _Commands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """Subcommands whose parsers are made when one is chosen: ``relance --help`` lists
    every command (its name and one line) without making a parser for any."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._later: dict[str, tuple[dict[str, Any], Build | None]] = {}
        self.choices = {}  # the names that may be typed; their parsers come when chosen
        self.words: Words | None = None
        """The language the help of each parser is put in when it is made."""

    def command(self, name: str, *, help: str, build: Build | None = None, **kwargs: Any) -> None:
        """Add the command ``name``: ``help`` is its line in ``relance --help``; its
        parser is made with ``kwargs`` (``description``, ``epilog``) and given its
        options by ``build`` when the command is chosen."""
        self._choices_actions.append(self._ChoicesPseudoAction(name, (), help))
        self.choices[name] = None
        self._later[name] = (kwargs, build)

    def parser(self, name: str) -> argparse.ArgumentParser:
        """The parser of the command ``name``, made now if it was not yet."""
        if name not in self._name_parser_map:
            kwargs, build = self._later.pop(name)
            made = self._parser_class(prog=f"{self._prog_prefix} {name}", **kwargs)
            if build is not None:
                build(made)
            if self.words is not None:
                translate_help(made, self.words)
            self._name_parser_map[name] = made
        parser: argparse.ArgumentParser = self._name_parser_map[name]
        return parser

    def __call__(self, parser: Any, namespace: Any, values: Any, option_string: Any = None) -> None:
        self.parser(values[0])
        super().__call__(parser, namespace, values, option_string)


def _parser(*, lazy: bool = False, words: Words | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with ``lazy``, a command's parser is made only when
    the command is chosen (every command's help is complete either way)."""
    parser = argparse.ArgumentParser(
        prog="relance",
        description="Ready-to-send French messages after a job interview.",
        epilog="Start with `relance example > interview.toml`, edit it, then "
        "`relance thank-you interview.toml`.",
    )
    parser.add_argument("-V", "--version", action="version", version=f"relance {__version__}")
    parser.register("action", "parsers", _Commands)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    assert isinstance(commands, _Commands)  # noqa: S101 - registered just above
    commands.words = words

    commands.command("demo", help="show every message for the built-in example interview")
    commands.command(
        "example", help="print a commented example interview file (TOML)", build=_example_command
    )
    for row in KINDS:
        if row.name != "plan":
            commands.command(
                row.command,
                help=row.purpose,
                description=row.description or None,
                build=partial(_message_command, row=row),
            )
    commands.command(
        "plan",
        help="the whole follow-up as a dated checklist and a calendar file",
        description="Print every step of the follow-up as a dated checklist; "
        "with --ics, also write it as a calendar file.",
        build=_plan_command,
    )
    commands.command(
        "templates",
        help="list, copy and check the templates, to write your own wording",
        description="Override relance's wording: copy the templates into a directory, "
        "edit them, check them, then pass --templates DIR to any message command.",
        build=_templates_command,
    )
    _cli_journal.register(commands)
    commands.command(
        "config",
        help="where relance reads your mail accounts (see docs/delivery.md)",
        build=_config_command,
    )
    _cli_schema.register(commands)
    _cli_batch.register(commands)
    if not lazy:
        for name in commands.choices:
            commands.parser(name)
    return parser


def _example_command(example: argparse.ArgumentParser) -> None:
    example.add_argument(
        "--rejection",
        action="store_true",
        help="print a sample employer's rejection instead (an .eml file, for --reply-to)",
    )


def _templates_command(own: argparse.ArgumentParser) -> None:
    from pathlib import Path

    actions = own.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", help="each template: what it renders, its variables")
    copy = actions.add_parser("copy", help="write the package's templates into DIR")
    copy.add_argument("directory", type=Path, metavar="DIR")
    check = actions.add_parser(
        "check",
        help="render every template of DIR over sample interviews in every region",
    )
    check.add_argument("directory", type=Path, metavar="DIR")


def _config_command(config: argparse.ArgumentParser) -> None:
    actions = config.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("path", help="print the path of the accounts file")


def _message_command(command: argparse.ArgumentParser, *, row: Kind) -> None:
    """The options of a message command (``row``: its kind in the catalogue)."""
    from pathlib import Path

    _message_options(command, row.send_on)
    if row.name == "rejection_reply":
        command.add_argument(
            "--reply-to",
            type=Path,
            metavar="REJECTION.eml",
            help="the employer's message (- for standard input): the reply goes to its "
            "sender, in its thread (to the hiring contact when the sender takes no replies)",
        )
        command.add_argument(
            "--received-on",
            metavar="YYYY-MM-DD",
            help="when the rejection arrived (default: its Date header, else today)",
        )


def _plan_command(schedule: argparse.ArgumentParser) -> None:
    """The options of ``relance plan``."""
    from pathlib import Path

    schedule.add_argument("file", type=Path, help=_FILE_HELP)
    schedule.add_argument(
        "--ics",
        type=Path,
        metavar="OUT",
        help="write the calendar file OUT (- for standard output)",
    )
    schedule.add_argument("-f", "--format", choices=("text", "json"), default="text")
    schedule.add_argument(
        "--start",
        metavar="YYYY-MM-DD",
        help="drop the steps before this day (default: today)",
    )
    schedule.add_argument("--force", action="store_true", help="replace an existing OUT")
    template_options(schedule)


_FILE_HELP = "the interview, a .toml or .json file (- for standard input)"


def _message_options(command: argparse.ArgumentParser, send_on_help: str) -> None:
    from pathlib import Path

    from . import _cli_delivery

    command.add_argument("file", type=Path, help=_FILE_HELP)
    command.add_argument("-f", "--format", choices=FORMATS, default="text", help="default: text")
    command.add_argument(
        "-o",
        "--out",
        type=Path,
        metavar="DIR",
        help="write one file per message into DIR instead of printing them (- to print)",
    )
    command.add_argument(
        "--force", action="store_true", help="replace files that already exist in DIR"
    )
    command.add_argument("--send-on", metavar="YYYY-MM-DD", help=send_on_help)
    template_options(command)
    _cli_delivery.add_options(command)
    command.add_argument(
        "--journal-id",
        metavar="ID",
        help="with --send: log each email a server accepted to this tracked interview",
    )
    command.add_argument("--journal", type=Path, metavar="PATH", help="the journal file")


def template_options(command: argparse.ArgumentParser) -> None:
    """Add ``--templates DIR`` and ``--html``, which every drafting command takes."""
    from pathlib import Path

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
    argv = sys.argv[1:] if argv is None else argv
    words = words_for(os.environ)
    parser = _parser(lazy=True, words=words)
    translate_help(parser, words)
    if not argv:  # `relance` alone: say what it does
        parser.print_help()
        return 0
    args = parser.parse_args(argv)
    from ._cli_run import run

    return run(args, words)


def _write_utf8() -> None:
    """Write UTF-8 whatever the locale says: French text holds « », U+202F and ─."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower() not in ("utf-8", "utf8"):
            reconfigure(encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
