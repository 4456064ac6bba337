"""``relance schema NAME``: print the JSON Schema of one kind of relance data."""

from __future__ import annotations

import argparse
import sys

from . import TYPE_CHECKING
from ._schema import SCHEMAS

if TYPE_CHECKING:
    from typing import Any

__all__ = ["register", "run"]


def register(commands: Any) -> None:
    """Add the ``schema`` command to the command line's subcommands."""
    commands.command(
        "schema",
        help="print the JSON Schema of an interview, a draft or another result",
        description="Print the JSON Schema (draft 2020-12) that an interview given as "
        "JSON, or a result written with --format json, validates against.",
        build=_options,
    )


def _options(command: argparse.ArgumentParser) -> None:
    command.add_argument("name", choices=SCHEMAS, metavar="NAME", help=", ".join(SCHEMAS))


def run(args: argparse.Namespace) -> int:
    """Print the schema ``args.name``; the exit status."""
    import json

    from ._schema import schema

    sys.stdout.write(json.dumps(schema(args.name), ensure_ascii=False, indent=2) + "\n")
    return 0
