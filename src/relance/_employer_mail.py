"""The employer's message as relance reads it: its header block under caps, and the
few headers a reply needs (``From``, ``Reply-To``, ``Subject``, ``Date``, the thread's
identifiers), each decoded when asked for.

Only the header block is read: the body, its parts and their nesting never are, so a
message of any shape costs the size of its header block, which is capped first. A
header is decoded as the stdlib's modern policy decodes it (``message[name]``), with
raw UTF-8 read as text (RFC 6532). The usual shapes, a plain or encoded name before an
address and a plain or encoded subject, are decoded here directly: the stdlib's
header parser builds a class and a token tree for each header, and was a fifth of
the time of drafting every message of an interview. What is decoded here is exactly
what the stdlib gives (tests/test_fast_paths.py compares the two on generated
headers, on every Python relance supports); anything else goes to the stdlib.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
from datetime import datetime
from email.message import EmailMessage, Message
from email.policy import EmailPolicy
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._headers import MAX_HEADER_BYTES, MAX_HEADER_FIELD_BYTES, MAX_HEADERS, MAX_MESSAGE_BYTES
from .errors import InvalidInput

__all__ = ["Headers", "Rejection", "read"]

Rejection = Message | bytes | str | os.PathLike[str]
"""The employer's message: a parsed message, the bytes or text of an ``.eml``, or its path."""

if TYPE_CHECKING:  # typeshed's policies are generic in the message class they make
    _ModernPolicy = EmailPolicy[EmailMessage]
else:
    _ModernPolicy = EmailPolicy


class _RawUTF8Headers(_ModernPolicy):
    """The modern policy, reading 8-bit header bytes as UTF-8 (RFC 6532).

    The stdlib's parser keeps a header's non-ASCII bytes as lone surrogates, which the
    address parser then leaves in the display name, which the checks refuse. Mail
    written with SMTPUTF8 (and much 8-bit mail) holds raw UTF-8 there, and older
    clients Windows-1252; undecodable bytes stay as they are and are refused later.
    """

    def header_source_parse(self, sourcelines: list[str]) -> tuple[str, str]:
        name, value = super().header_source_parse(sourcelines)
        if value.isascii():
            return name, value
        try:
            raw = value.encode("ascii", "surrogateescape")
        except UnicodeEncodeError:  # already text: nothing to decode
            return name, value
        for charset in ("utf-8", "cp1252"):
            try:
                return name, raw.decode(charset)
            except UnicodeDecodeError:
                continue
        return name, value


POLICY = _RawUTF8Headers()
"""The policy the employer's headers are read with."""

# RFC 2047 encoded words as mail clients write them; a language tag (``*fr``), an
# unknown charset or a defect of any kind leaves the word to the stdlib.
_ENCODED_WORD = r"=\?[A-Za-z0-9_.:+-]+\?(?:[Qq]\?[!->@-~]*|[Bb]\?[A-Za-z0-9+/]*={0,2})\?="
# atext without "=" and "?", which may start an encoded word.
_ATEXT = r"[A-Za-z0-9!#$%&'*+/^_`{|}~-]+"
_ADDRESS = rf"{_ATEXT}(?:\.{_ATEXT})*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
_ONE_ADDRESS = re.compile(
    rf"[ \t]*(?:(?:(?P<word>{_ENCODED_WORD})|(?P<name>{_ATEXT}(?: {_ATEXT})*))[ \t]+)?"
    rf"<(?P<address>{_ADDRESS})>[ \t]*"
    rf"|[ \t]*(?P<bare>{_ADDRESS})[ \t]*"
)
_ENCODED_WORDS = re.compile(rf"{_ENCODED_WORD}(?:[ \t]+{_ENCODED_WORD})*")
_WORD = re.compile(_ENCODED_WORD)
_Q_ESCAPE = re.compile(rb"=([a-fA-F0-9]{2})")
_LINE_BREAKS = str.maketrans("", "", "\r\n")


def _decoded(word: str) -> str | None:
    """The text of one encoded word, or None when the stdlib would note a defect."""
    _, charset, cte, text, _ = word.split("?")
    data = text.encode("ascii")
    if cte in "Qq":
        data = _Q_ESCAPE.sub(lambda m: bytes.fromhex(m[1].decode()), data.replace(b"_", b" "))
    else:
        if len(data) % 4:
            return None
        try:
            data = base64.b64decode(data, validate=True)
        except binascii.Error:
            return None
    try:
        return data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return None


def _plain(text: str) -> bool:
    """Text the stdlib gives back as it is: no line break, tab, doubled or edge space."""
    return (
        "\r" not in text
        and "\n" not in text
        and "\t" not in text
        and "  " not in text
        and text == text.strip(" ")
    )


class Headers:
    """The header fields of the employer's message, in order; each decoded on demand.

    Names compare without case, and the first field of a name is the one read, as
    ``email.message.Message`` does.
    """

    __slots__ = ("_fields", "_first")

    def __init__(self, fields: list[tuple[str, str]]) -> None:
        self._fields = fields
        """(name, value): the value as the policy's source parse gives it, folds kept."""
        self._first: dict[str, str] = {}
        """The first value of each name, by its lower case."""
        for name, value in fields:
            self._first.setdefault(name.lower(), value)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.raw(name) is not None

    def raw(self, name: str) -> str | None:
        """The value of the first field ``name`` as written, folds kept; None if absent."""
        return self._first.get(name.lower())

    def _parsed(self, name: str, value: str) -> Any:
        """The stdlib's header object, as ``message[name]`` gives it."""
        return POLICY.header_fetch_parse(name, value)

    def addresses(self, name: str) -> tuple[tuple[str, str], ...]:
        """(display name, address) for each address of the field ``name``; ``()`` if absent.

        Raises what the stdlib raises on a value it cannot take (a decoded line break
        in a name: ``ValueError``).
        """
        value = self.raw(name)
        if value is None:
            return ()
        unfolded = value.translate(_LINE_BREAKS)
        match = _ONE_ADDRESS.fullmatch(unfolded) if unfolded.isascii() else None
        if match is not None:
            if match["bare"]:
                return (("", match["bare"]),)
            display = match["name"] or ""
            if match["word"]:
                decoded = _decoded(match["word"])
                display = decoded if decoded and _plain(decoded) else None
            if display is not None:
                return ((display, match["address"]),)
        header = self._parsed(name, value)
        return tuple((a.display_name, a.addr_spec) for a in header.addresses)

    def text(self, name: str) -> str:
        """The decoded text of an unstructured field (``Subject``); ``""`` if absent or
        unreadable."""
        value = self.raw(name)
        if value is None:
            return ""
        unfolded = value.translate(_LINE_BREAKS)
        if unfolded.isascii():
            if "=?" not in unfolded:
                return unfolded
            if _ENCODED_WORDS.fullmatch(unfolded):
                # Adjacent encoded words join without the space between them.
                words = [_decoded(word) for word in _WORD.findall(unfolded)]
                if all(word is not None for word in words):
                    return "".join(word for word in words if word is not None)
        try:
            return str(self._parsed(name, value))
        except Exception:  # a hostile value: as if there were none
            return ""

    def date(self, name: str) -> datetime | None:
        """The date of the field ``name``; None if absent or unreadable."""
        value = self.raw(name)
        if not value:
            return None
        try:  # what the stdlib's Date header does with the same text
            when: object = parsedate_to_datetime(value.translate(_LINE_BREAKS))
        except Exception:  # a hostile Date header: as if it were missing
            return None
        return when if isinstance(when, datetime) else None

    def items(self) -> list[tuple[str, str]]:
        """Every (name, value) as written, folds kept."""
        return list(self._fields)


def read(rejection: Rejection) -> Headers:
    """The header fields of the employer's message, checked: sizes first, then syntax.

    Raises:
        InvalidInput: the message is too large, has a line that is not a header in its
            header block, or has no header at all.
    """
    field = "rejection"
    if isinstance(rejection, Message):
        fields = _fields(_header_bytes(rejection))
    elif isinstance(rejection, bytes):
        fields = _fields(rejection)
    elif isinstance(rejection, str) and ("\n" in rejection or "\r" in rejection):
        fields = _fields(rejection.encode("utf-8", "surrogateescape"))
    elif isinstance(rejection, str | os.PathLike):
        fields = _fields(_read_file(Path(rejection)))
    else:
        raise InvalidInput.of(field, "type.rejection")
    if not fields:
        raise InvalidInput.of(field, "rejection.no_headers")
    return Headers([_source_parse(lines) for lines in fields])


def _source_parse(lines: list[bytes]) -> tuple[str, str]:
    """One field as the stdlib's parser stores it: its name (without the spaces some
    writers put before the colon) and its value, folds kept."""
    if len(lines) == 1 and lines[0].isascii():
        # What the policy gives for one line of ASCII, without its calls: the name up
        # to the colon, the value after it without its leading blanks.
        name, _, value = lines[0].decode("ascii").partition(":")
        return name.rstrip(" \t"), value.lstrip(" \t")
    text = [line.decode("ascii", "surrogateescape") + "\r\n" for line in lines]
    name, value = POLICY.header_source_parse(text)
    return name.rstrip(" \t"), value


def _read_file(path: Path) -> bytes:
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_MESSAGE_BYTES + 1)
    except FileNotFoundError:
        raise InvalidInput.of("rejection", "file.not_found_at", path=str(path)) from None
    except OSError as err:
        raise InvalidInput.of(
            "rejection", "file.unreadable_at", path=str(path), reason=err.strerror
        ) from None
    return raw


def _header_bytes(message: Message) -> bytes:
    """The header block of a parsed message, written again (its body is left alone)."""
    try:
        fold = message.policy.clone(linesep="\r\n").fold_binary
        return b"".join(fold(k, v) for k, v in message.raw_items()) + b"\r\n"
    except Exception as err:  # the stdlib may fail in many ways on a hostile header
        raise InvalidInput.of("rejection", "rejection.unreadable", reason=str(err)) from None


_LINE_END = re.compile(rb"\r\n|\r|\n")
# Two line ends in a row (CRLF, LF, or a lone CR), written to start with one set of
# characters for the engine to skip to: « [\r\n] », then the LF of a CRLF, kept.
_BLOCK_END = re.compile(rb"[\r\n](?:(?<=\r)\n)?+(?:\r\n|\n|\r(?!\n))")
_LAST_LINE_END = re.compile(rb"(?:\r\n|\n|\r)\Z")
_FIELD_NAME = re.compile(rb"[\x21-\x39\x3b-\x7e]+[ \t]*:")


def _fields(raw: bytes) -> list[list[bytes]]:
    """The header fields of a raw message, each as its lines, after the caps and the
    syntax.

    Sizes are checked before anything is parsed. A line that is not a header would
    stop the stdlib's parser, which then takes every header after it for the body:
    refused here, so no header is lost in silence.
    """
    field = "rejection"
    if len(raw) > MAX_MESSAGE_BYTES:
        raise InvalidInput.of(field, "rejection.too_large", max=MAX_MESSAGE_BYTES // 2**20)
    end = _BLOCK_END.search(raw, 0, MAX_HEADER_BYTES + 4)
    block = raw[: end.start()] if end else _LAST_LINE_END.sub(b"", raw)
    if len(block) > MAX_HEADER_BYTES:
        raise InvalidInput.of(field, "rejection.headers_too_long", max=MAX_HEADER_BYTES // 1024)
    lines = _LINE_END.split(block)
    if lines and lines[0].startswith(b"From "):  # an mbox separator line
        lines = lines[1:]
    fields: list[list[bytes]] = []
    for number, line in enumerate(lines, start=1):
        if line[:1] in (b" ", b"\t") and fields:
            fields[-1].append(line)
        elif _FIELD_NAME.match(line):
            fields.append([line])
        elif not fields:
            raise InvalidInput.of(field, "rejection.first_line_not_header")
        else:
            shown = line[:40].decode("ascii", "replace")
            raise InvalidInput.of(field, "rejection.line_not_header", line=number, text=shown)
    if len(fields) > MAX_HEADERS:
        raise InvalidInput.of(field, "rejection.too_many_headers", max=MAX_HEADERS)
    for lines_of_field in fields:
        if sum(map(len, lines_of_field)) > MAX_HEADER_FIELD_BYTES:
            name = lines_of_field[0].split(b":", 1)[0].strip().decode("ascii")
            raise InvalidInput.of(
                f"{field}.{name}", "rejection.header_too_long", max=MAX_HEADER_FIELD_BYTES // 1024
            )
    return fields
