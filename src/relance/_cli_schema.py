"""``relance schema NAME``: print the JSON Schema of one kind of relance data."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ._schema import SCHEMAS, schema

__all__ = ["register", "run"]


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``schema`` command to the command line's subparsers."""
    command: argparse.ArgumentParser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of an interview, a draft or another result",
        description="Print the JSON Schema (draft 2020-12) that an interview given as "
        "JSON, or a result written with --format json, validates against.",
    )
    command.add_argument("name", choices=SCHEMAS, metavar="NAME", help=", ".join(SCHEMAS))
    return command


def run(args: argparse.Namespace) -> int:
    """Print the schema ``args.name``; the exit status."""
    sys.stdout.write(json.dumps(schema(args.name), ensure_ascii=False, indent=2) + "\n")
    return 0
