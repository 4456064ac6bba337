"""``relance batch``: every message of many interviews, in one command.

The command line only: its options, the progress bar and what it prints. The work is
in ``_batch``, imported when the command runs, so that ``relance --help`` and the
other commands do not pay for it (nor for tqdm and multiprocessing).
"""

from __future__ import annotations

import argparse
import sys
import time

from . import TYPE_CHECKING
from ._catalogue import KINDS as CATALOGUE

if TYPE_CHECKING:
    from typing import Any

    from ._cli_words import Words

__all__ = ["DEFAULT_KINDS", "KINDS", "register", "run"]

KINDS = tuple(row.command for row in CATALOGUE)
"""What ``--kinds`` may name (every kind of the catalogue), in the order the messages
are written."""

DEFAULT_KINDS = ("thank-you", "follow-up", "plan")
"""What a batch drafts without ``--kinds``: the messages that need nothing but the
interview (a rejection reply needs the employer's mail, or the day it arrived)."""


def register(commands: Any) -> None:
    """Add the ``batch`` command to the CLI's subparsers."""
    commands.command(
        "batch",
        help="every message of many interviews: files or JSON Lines in, folders or JSON Lines out",
        description="Draft the messages of many interviews in one command. Give interview "
        "files (.toml, .json, or a glob of them), or JSON Lines (one interview a line, as "
        "Interview.from_dict takes it) in a .jsonl file or on standard input (-).",
        epilog="A rejection reply needs the employer's mail: a JSON line's "
        '"rejection_eml" (the text of the .eml) or "rejection" (its path), or for a '
        'file a .eml of the same name beside it; or a "received_on" day. Exit status: 0 '
        "when every interview was drafted, 1 when some failed, 2 on bad usage.",
        build=_options,
    )


def _options(batch: argparse.ArgumentParser) -> None:
    from pathlib import Path

    batch.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="interview files or globs (.toml, .json), JSON Lines files (.jsonl), or - for "
        "JSON Lines on standard input",
    )
    batch.add_argument(
        "--kinds",
        default=",".join(DEFAULT_KINDS),
        metavar="KINDS",
        help=f"what to draft, comma-separated among {','.join(KINDS)} "
        f"(default: {','.join(DEFAULT_KINDS)})",
    )
    batch.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        help="write a folder per interview into DIR (all its files or none) instead of "
        "JSON Lines on standard output",
    )
    batch.add_argument(
        "--format",
        choices=("text", "eml", "json"),
        default="text",
        help="the files written with --out (default: text)",
    )
    batch.add_argument(
        "--jobs", type=int, default=1, metavar="N", help="processes to draft with (default: 1)"
    )
    from .cli import template_options  # loaded: the parser that calls this is its own

    template_options(batch)


def run(args: argparse.Namespace, words: Words) -> int:
    """Run ``relance batch``; return the exit status."""
    from ._batch import Usage, draft_all, items_of, settings_of

    started = time.perf_counter()
    try:
        settings = settings_of(args, words.language)
        items, total = items_of(args.inputs)
    except Usage as err:
        message = words(f"batch.{err.key}", **err.params)
        print(words("batch.error", message=message), file=sys.stderr)
        return 2
    bar = _progress(total)
    drafted = failed = 0
    try:
        for done in draft_all(items, settings, args.jobs):
            if done.problems:
                failed += 1
                line = words("batch.failed", source=done.source, problems=" | ".join(done.problems))
                if bar is not None:
                    bar.write(line, file=sys.stderr)
                else:
                    print(line, file=sys.stderr)
            else:
                drafted += 1
                if done.output:
                    sys.stdout.write(done.output)
            if bar is not None:
                bar.update()
    finally:
        if bar is not None:
            bar.close()
    sys.stdout.flush()
    seconds = f"{time.perf_counter() - started:.1f}"
    summary = words(
        "batch.summary",
        total=drafted + failed,
        noun="interview" if drafted + failed == 1 else "interviews",
        drafted=drafted,
        failed=failed,
        seconds=seconds if words.language == "en" else seconds.replace(".", ","),
    )
    print(summary, file=sys.stderr)
    return 1 if failed else 0


def _progress(total: int | None) -> Any:
    """A progress bar on standard error when it is a terminal; None otherwise."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit=" interviews", file=sys.stderr, dynamic_ncols=True)
