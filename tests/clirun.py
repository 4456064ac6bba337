"""Run the command line in-process, through ``relance.cli.main(argv)``, as a user would
see it: exit status, standard output and standard error.

Starting Python for every CLI test made them most of the suite's time for no extra
truth; tests/test_cli.py keeps a few real subprocess runs of the installed script.
"""

from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from relance.cli import main


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout_bytes: bytes
    stderr: str

    @property
    def stdout(self) -> str:
        return self.stdout_bytes.decode("utf-8")


def run(*args: str, cwd: Path | None = None, stdin: bytes = b"") -> Result:
    """``relance ARGS…`` in this process, with its own standard streams."""
    out, err = io.BytesIO(), io.BytesIO()
    streams = (sys.stdin, sys.stdout, sys.stderr)
    here = Path.cwd()
    wrappers = (
        io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"),
        io.TextIOWrapper(out, encoding="utf-8", newline="\n", write_through=True),
        io.TextIOWrapper(err, encoding="utf-8", newline="\n", write_through=True),
    )
    sys.stdin, sys.stdout, sys.stderr = wrappers
    try:
        if cwd is not None:
            os.chdir(cwd)
        try:
            status = main(list(args))
        except SystemExit as exit:
            code = exit.code
            status = code if isinstance(code, int) else (0 if code is None else 1)
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os.chdir(here)
        sys.stdin, sys.stdout, sys.stderr = streams
    result = Result(status, out.getvalue(), err.getvalue().decode("utf-8"))
    for wrapper in wrappers:
        wrapper.detach()  # closing the wrapper would close the buffer it writes to
    return result
