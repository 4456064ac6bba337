"""Every rule a header value follows, in one place, and the proof a message keeps them.

The model, :class:`~relance.Draft` and the reading of an employer's message all check
their values with these rules, so one rule cannot drift into two. Before a message
leaves relance, :func:`verify_headers` reads its header block back with the stdlib's
parser: it must hold exactly the headers relance wrote, with exactly the recipients
relance meant.

>>> bool(ENCODED_WORD.search("Camille =? x?q?=0D=0ABcc:_x@evil.example?="))
True
>>> message_id("abc@example.com"), message_id("<abc@example.com>"), message_id("<>")
('<abc@example.com>', '<abc@example.com>', None)
>>> message_ids("<a@x.example> b@y.example <<>@acme.example>")
['<a@x.example>', '<b@y.example>']
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from email import policy
from email.parser import BytesHeaderParser
from email.utils import getaddresses
from typing import Final

from .errors import RelanceError

__all__ = [
    "ENCODED_WORD",
    "FORBIDDEN",
    "MAX_HEADERS",
    "MAX_HEADER_BYTES",
    "MAX_HEADER_FIELD_BYTES",
    "MAX_MESSAGE_BYTES",
    "MAX_RECIPIENTS",
    "MAX_REFERENCES",
    "MESSAGE_ID",
    "SURROGATE",
    "UNSAFE",
    "HeaderMismatch",
    "message_id",
    "message_ids",
    "verify_headers",
]

_CONTROLS = r"\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff"

FORBIDDEN: Final = re.compile(f"[{_CONTROLS}]")
"""Control characters (CR and LF among them), line and paragraph separators, and the
bidirectional overrides that can make a text display other than it reads."""

SURROGATE: Final = re.compile(r"[\ud800-\udfff]")
"""A lone surrogate: text that cannot be encoded, so cannot be sent."""

ENCODED_WORD: Final = re.compile(r"=\?")
"""The start of an RFC 2047 encoded word, whatever follows it.

The stdlib decodes ``=?charset?q?…?=`` wherever it finds one, even with spaces in the
charset (``=? x?q?``, ``=?utf-8 ?q?``, ``=?a b?b?``), and a decoded line break then
becomes a header of its own (CVE-2024-6923 on Python before 3.11.10, and the same
shape on later versions). No name, subject or header field relance writes needs the two
characters ``=?`` together, so any value that holds them is refused where it enters."""

_BAD = f"{_CONTROLS}\\ud800-\\udfff"  # FORBIDDEN's characters and SURROGATE's
UNSAFE: Final = re.compile(f"[{_BAD}=](?:(?<=[{_BAD}])|\\?)")
"""Any of the three above, in one search: what no value relance writes may hold. When
it finds something, the three say which rule it breaks.

It finds what ``FORBIDDEN|SURROGATE|ENCODED_WORD`` finds, written to start with one
set of characters: the regular expression engine skips to those, where it would try
three alternatives at every position (three times slower on a subject line)."""

# RFC 5322 msg-id: atext and dots on each side of the @ (a domain literal on the right),
# printable ASCII only, never "=?". Without brackets, an id stands between spaces.
_LEFT = r"(?:[A-Za-z0-9!#$%&'*+\-/?^_`{|}~.]|=(?!\?))+"
_RIGHT = r"(?:[A-Za-z0-9!#$%&'*+\-/?^_`{|}~.\[\]]|=(?!\?))+"
MESSAGE_ID: Final = re.compile(f"<({_LEFT}@{_RIGHT})>|(?<![^\\s,])({_LEFT}@{_RIGHT})(?![^\\s,])")
"""A ``Message-ID`` (``<left@right>``), read with or without its angle brackets."""

MAX_MESSAGE_BYTES: Final = 25 * 1024 * 1024
"""The largest employer's message read: the size most mail servers accept."""
MAX_HEADER_BYTES: Final = 64 * 1024
"""The largest header block read; the stdlib's header parser is quadratic past it."""
MAX_HEADER_FIELD_BYTES: Final = 8 * 1024
"""The largest single header field read (unfolded), such as a ``References`` chain."""
MAX_HEADERS: Final = 300
"""The most header fields a message may have."""
MAX_RECIPIENTS: Final = 50
"""The most addresses in one address header: a reply goes to a person, not a list."""
MAX_REFERENCES: Final = 100
"""The most ``Message-ID`` a ``References`` header carries (the oldest and the latest)."""
_MAX_ID_LENGTH: Final = 250


def message_id(value: str) -> str | None:
    """The ``Message-ID`` in ``value`` with its angle brackets, or None when it is not one."""
    value = value.strip()
    match = MESSAGE_ID.fullmatch(value)
    if match is None or len(value) > _MAX_ID_LENGTH:
        return None
    return f"<{match.group(1) or match.group(2)}>"


def message_ids(text: str) -> list[str]:
    """Every ``Message-ID`` in a header's text, in order, each with its angle brackets."""
    found = (m.group(1) or m.group(2) for m in MESSAGE_ID.finditer(text))
    return [f"<{mid}>" for mid in found if len(mid) + 2 <= _MAX_ID_LENGTH]


class HeaderMismatch(RelanceError):
    """A message's headers, read back, are not the ones relance wrote: it is not sent."""


def verify_headers(
    block: bytes, names: Sequence[str], addresses: Mapping[str, Sequence[str]]
) -> None:
    """Read a header block back as a mail server would, and check it is the one meant.

    Args:
        block: the header block as written, CRLF line ends, without the blank line.
        names: the header names relance set, in order.
        addresses: for each address header, the addr-specs it must hold, in order.

    Raises:
        HeaderMismatch: a header was added, lost, renamed or reordered, the block ends
            early, or an address header holds other recipients.
    """
    # compat32 decodes nothing, so what is compared is what a server sees on the wire.
    parsed = BytesHeaderParser(policy=policy.compat32).parsebytes(block + b"\r\n\r\n")
    found = parsed.keys()
    if [name.lower() for name in found] != [name.lower() for name in names]:
        raise HeaderMismatch(
            "The message's headers, read back, are not the ones relance wrote "
            f"({', '.join(found)}); it was not built. Please report this."
        )
    if parsed.defects or parsed.get_payload():
        raise HeaderMismatch(
            "The message's header block, read back, does not end where relance ended it; "
            "it was not built. Please report this."
        )
    for name, expected in addresses.items():
        written = [addr for _, addr in getaddresses(parsed.get_all(name, []))]
        if written != list(expected):
            raise HeaderMismatch(
                f"The {name} header, read back, holds other addresses than relance wrote "
                f"({', '.join(written)}); the message was not built. Please report this."
            )
