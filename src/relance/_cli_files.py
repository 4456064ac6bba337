"""What the command line reads and writes: ``-`` for standard input and output, an
interview from either, file names that say for whom, files with the umask's mode,
written all or none, never over a file unless asked."""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InvalidInput, Problem, Unwritable

if TYPE_CHECKING:
    from ._catalogue import Output
    from ._model import Interview

__all__ = [
    "STDIO",
    "day",
    "file_names",
    "is_stdio",
    "load_interview",
    "read_bytes",
    "slug",
    "write_all",
]

STDIO = "-"
"""The name that means standard input, or standard output, wherever a file is named."""


def day(value: str | None, option: str) -> date | None:
    """The day an option gives (``YYYY-MM-DD``), or None when it is not given.

    Raises:
        InvalidInput: the value is no such day, named by the option as typed.
    """
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput.of(option, "date.invalid", value=value) from None


_CONTACT = re.compile(r"^(interviewers\[(\d+)\]|hiring_contact)\.email$")


def is_stdio(path: str | os.PathLike[str] | None) -> bool:
    """Whether the user named ``-``."""
    return path is not None and os.fspath(path) == STDIO


def read_bytes(path: str | os.PathLike[str], option: str) -> bytes:
    """A file's bytes, or standard input's for ``-``."""
    if is_stdio(path):
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InvalidInput.of(option, "file.not_found_at", path=str(path)) from None
    except OSError as err:
        raise InvalidInput.of(
            option, "file.unreadable_at", path=str(path), reason=err.strerror
        ) from None


def load_interview(path: Path) -> Interview:
    """The interview of a ``.toml`` or ``.json`` file, or of standard input for ``-``:
    JSON when its first character is ``{`` (a TOML file cannot start so), else TOML."""
    from ._model import Interview, _parse_json, _parse_toml

    if not is_stdio(path):
        return Interview.load(path)
    try:
        text = sys.stdin.buffer.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput.of(STDIO, "stdin.not_utf8") from None
    parse = _parse_json if text.lstrip().startswith("{") else _parse_toml
    return Interview.from_dict(parse(text, STDIO))


def slug(name: str) -> str:
    """A name as ASCII for a file name: « Marie-Ève Bélanger » gives ``marie-eve-belanger``.

    >>> slug("Marie-Ève Bélanger"), slug("Œdipe L’Heureux"), slug("李")
    ('marie-eve-belanger', 'oedipe-l-heureux', '')
    """
    name = name.replace("Œ", "Oe").replace("œ", "oe").replace("Æ", "Ae").replace("æ", "ae")
    name = name.replace("ß", "ss")
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def file_names(interview: Interview, messages: Sequence[Output]) -> list[str]:
    """Each message's file name, without extension, followed by for whom it is:
    ``thank-you-1-marie-tremblay``. A script takes the name of its kind's email."""
    names = [_recipient_name(interview, message) for message in messages]
    fallback = next((n for n in names if n), "")
    return [
        f"{message.name}-{slug(name or fallback)}".rstrip("-")
        for message, name in zip(messages, names, strict=True)
    ]


def _recipient_name(interview: Interview, message: Output) -> str:
    found = _CONTACT.match(message.field)
    if found is not None:
        index = found.group(2)
        contact = (
            interview.interviewers[int(index)] if index is not None else interview.hiring_contact
        )
        return contact.name if contact is not None else ""
    to = getattr(message.text, "to", "")
    from email.utils import getaddresses

    for name, address in getaddresses([to]) if to else []:
        return name or address.partition("@")[0]
    return ""


def _umask() -> int:
    mask = os.umask(0o022)  # the only way to read it: set it, then set it back
    os.umask(mask)
    return mask


def write_all(
    directory: Path, contents: Mapping[str, bytes], *, option: str, force: bool = False
) -> None:
    """Write every file or none, with the mode the umask gives a new file.

    Existing files are replaced only with ``force``; without it, nothing is written
    and the error names them. Everything goes first into a new directory beside
    ``directory``; then that directory becomes ``directory`` (when it did not exist)
    or its files are moved into it, once nothing stands in their way.

    Raises:
        InvalidInput: files exist and ``force`` is not given (exit status 2).
        Unwritable: something is in the way or the disk refuses (exit status 1).
    """
    for name in contents:
        target = directory / name
        if target.is_dir() or (target.exists() and not target.is_file()):
            raise Unwritable(Problem.of(option, "file.in_the_way", path=str(target)))
    if not force:
        existing = sorted(name for name in contents if (directory / name).exists())
        if existing:
            raise InvalidInput.of(
                option, "file.exists_force", directory=str(directory), names=", ".join(existing)
            )
    mode = 0o666 & ~_umask()
    import tempfile  # loaded when something is written, not for `relance --help`

    try:
        directory.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=directory.parent, prefix=f".{directory.name}."))
    except OSError as err:
        raise Unwritable(
            Problem.of(option, "file.cannot_create", directory=str(directory), reason=err.strerror)
        ) from None
    try:
        for name, data in contents.items():
            (staging / name).write_bytes(data)
            os.chmod(staging / name, mode)
        if not directory.exists():
            os.chmod(staging, 0o777 & ~_umask())
            staging.rename(directory)
            return
        for name in contents:
            os.replace(staging / name, directory / name)
    except OSError as err:
        raise Unwritable(
            Problem.of(option, "file.cannot_write", directory=str(directory), reason=err.strerror)
        ) from None
    finally:
        if staging.exists():
            for leftover in staging.iterdir():
                leftover.unlink()
            staging.rmdir()
