"""The command line's ``--to-drafts`` and ``--send``, and ``relance config path``.

Wiring them into a message command is two calls: :func:`add_options` on its parser,
and :func:`deliver` with the drafts it made. Sending is always a dry run first: on a
terminal relance shows what would be sent and asks; elsewhere it needs ``--yes``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Mapping, Sequence

from . import TYPE_CHECKING
from ._cli_words import Words, error_text, problem_line, words_for

if TYPE_CHECKING:  # the mail libraries load when something is saved or sent
    from pathlib import Path
    from typing import TextIO

    from ._delivery import Delivery
    from ._draft import Draft

__all__ = ["add_options", "deliver", "print_config_path"]

_YES = frozenset({"y", "yes", "o", "oui"})


def add_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--to-drafts``, ``--send``, ``--yes``, ``--folder``, ``--allow-early``."""
    group = parser.add_argument_group("delivery (accounts in the file `relance config path`)")
    target = group.add_mutually_exclusive_group()
    target.add_argument(
        "--to-drafts",
        action="store_true",
        help="save the emails in your drafts folder over IMAP (the [imap] account)",
    )
    target.add_argument(
        "--send",
        action="store_true",
        help="send the emails due today over SMTP (the [smtp] account), after showing "
        "what would be sent",
    )
    group.add_argument(
        "--yes", action="store_true", help="with --send: do not ask (needed without a terminal)"
    )
    group.add_argument(
        "--folder", metavar="NAME", help="with --to-drafts: the folder (default: your drafts)"
    )
    group.add_argument(
        "--allow-early",
        action="store_true",
        help="with --send: also send the emails dated after today",
    )


def deliver(
    args: argparse.Namespace,
    drafts: Sequence[Draft],
    *,
    stdin_is_tty: bool,
    environ: Mapping[str, str] | None = None,
    ask_password: Callable[[str], str] | None = None,
    ask: Callable[[str], str] = input,
    out: TextIO | None = None,
    err: TextIO | None = None,
    on_sent: Callable[[Draft, Delivery], None] | None = None,
) -> int:
    """Save or send ``drafts`` as ``args`` says; the exit status.

    0 when every draft was saved or sent (or nothing was asked), 1 when one failed or
    a server cannot be used, 2 for a wrong config file or ``--send`` without ``--yes``
    off a terminal. Errors are one line on ``err``, never a traceback. ``on_sent`` is
    called for each draft a server accepted (the journal logs it then, never before).
    """
    out = out or sys.stdout
    err = err or sys.stderr
    words = words_for(os.environ if environ is None else environ)
    if not (args.to_drafts or args.send):
        return 0
    from ._config import imap_account, smtp_account
    from ._delivery import save_drafts, send_drafts
    from .errors import InvalidInput, RelanceError

    if ask_password is None:
        import getpass

        ask_password = getpass.getpass
    ask_secret = ask_password if stdin_is_tty else None
    try:
        if args.to_drafts:
            account = imap_account(environ=environ, ask_password=ask_secret)
            return _report(save_drafts(drafts, account, folder=args.folder), out, words)
        smtp = smtp_account(environ=environ, ask_password=ask_secret)
        if not args.yes:
            preview = send_drafts(drafts, smtp, allow_early=args.allow_early)
            _report(preview, out, words)
            if not any(d.status == "would_send" for d in preview):
                return 1
            if not stdin_is_tty:
                print(words("needs_yes"), file=err)
                return 2
            if not _confirmed(ask, sum(d.status == "would_send" for d in preview), words):
                print(words("nothing_sent"), file=out)
                return 0
        sent = send_drafts(drafts, smtp, dry_run=False, allow_early=args.allow_early)
        if on_sent is not None:
            for draft, delivery in zip(drafts, sent, strict=True):
                if delivery.status == "sent":
                    on_sent(draft, delivery)
        return _report(sent, out, words)
    except InvalidInput as error:
        lines = [words("invalid_config", count=len(error.problems))]
        lines += [f"  {problem_line(p, words.language)}" for p in error.problems]
        print("\n".join(lines), file=err)
        return 2
    except RelanceError as error:
        print(words("error", message=error_text(error, words.language)), file=err)
        return 1


def _confirmed(ask: Callable[[str], str], count: int, words: Words) -> bool:
    try:
        answer = ask(words("confirm_one") if count == 1 else words("confirm_many", count=count))
    except EOFError:
        return False
    return answer.strip().lower() in _YES


def _report(deliveries: Sequence[Delivery], out: TextIO, words: Words) -> int:
    """One line per draft, in the command line's language; 1 when one failed."""
    for delivery in deliveries:
        line = words(
            "delivered",
            status=words(f"status.{delivery.status}"),
            kind=delivery.draft_kind,
            to=delivery.to,
            detail=delivery.detail_in(words.language),
        )
        print(line, file=out)
    return 1 if any(d.status == "failed" for d in deliveries) else 0


def print_config_path(environ: Mapping[str, str] | None = None, out: TextIO | None = None) -> int:
    """``relance config path``: print where the accounts are read from."""
    from ._config import config_path

    path: Path = config_path(environ)
    print(path, file=out or sys.stdout)
    return 0
