"""Texts to say or to copy by hand: a call script, a voicemail, a handwritten note."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

from ._data import Reader

__all__ = ["KINDS", "WORDS_PER_MINUTE", "Script", "spoken_words"]

WORDS_PER_MINUTE: Final = 150
"""The speaking rate behind :attr:`Script.seconds`: a calm, clear voice on the phone."""

_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")  # str.isalnum() less the digits
_ADDRESS_PART = re.compile(r"[^.@_\-]+")
_PUNCTUATION = ".,;:!?…«»()’'\"\u00a0\u202f"
_LABELS = {"call": "Appel", "voicemail": "Message vocal", "note": "Mot manuscrit"}
KINDS: Final = tuple(_LABELS)
"""The kinds of script: a call, a voicemail, a handwritten note."""


def spoken_words(text: str) -> int:
    """How many words it takes to say ``text`` aloud.

    Each digit counts as a word, since phone numbers are read slowly, digit by digit
    or in small groups (« 514 » is « cinq un quatre »). An email address counts its
    parts and the « point » and « arobase » between them. Other tokens count one.

    >>> spoken_words("Vous pouvez me joindre au 514 555-0199.")
    15
    >>> spoken_words("camille.roy@example.com")
    7
    """
    # No word runs across a line break: the lines are counted one by one, and the set
    # phrases of a script come back from the cache in every script of a batch.
    return sum(map(_line_words, text.split("\n")))


_WORD = re.compile(r"\S*[^\W\d_]\S*")
"""A token (what str.split() gives: \\S is what str.isspace() is not) with a letter."""


@lru_cache(maxsize=1024)
def _line_words(line: str) -> int:
    """:func:`spoken_words` for one line."""
    if "@" not in line and _DIGIT.search(line) is None:
        # Without a digit or an address, a token counts one when it holds a letter
        # (a letter makes isalpha() or the letter search below true): one pass in C.
        return len(_WORD.findall(line))
    count = 0
    for token in line.split():
        # Most tokens are plain words, told apart by str.isalpha() alone, with their
        # punctuation or without; a digit is in neither. A token with a digit counts
        # its digits and nothing else.
        if token.isalpha() or token.strip(_PUNCTUATION).isalpha():
            count += 1
        elif digits := len(_DIGIT.findall(token)):
            count += digits
        elif "@" in token:
            count += 2 * len(_ADDRESS_PART.findall(token.strip(".,;:!?"))) - 1
        elif _LETTER.search(token):
            count += 1
    return count


@dataclass(frozen=True)
class Script:
    """A text to say on the phone, or to copy by hand.

    ``seconds`` is the time it takes to say the text at 150 words a minute
    (:data:`WORDS_PER_MINUTE`), counting a phone number's digits one by one.
    """

    kind: str
    """What it is: ``"call"``, ``"voicemail"``, or ``"note"`` (a handwritten note)."""
    text: str
    """The text, in paragraphs separated by one blank line."""
    words: int
    """How many words it takes to say it (see :func:`spoken_words`)."""
    seconds: float
    """How long it takes to say, at 150 words a minute."""

    @classmethod
    def of(cls, kind: str, text: str) -> Script:
        """A script for ``text``, with its word count and speaking time."""
        words = spoken_words(text)
        return cls(kind=kind, text=text, words=words, seconds=words * 60 / WORDS_PER_MINUTE)

    def as_text(self) -> str:
        """The script as a person reads it before use: what it is, how long, the text."""
        label = _LABELS.get(self.kind, self.kind)
        length = f"{self.words} mots"
        if self.kind != "note":
            length += f", environ {round(self.seconds)} secondes"
        return f"{label} – {length}\n\n{self.text}\n"

    def as_dict(self) -> dict[str, Any]:
        """The script as JSON-safe data."""
        return {"kind": self.kind, "text": self.text, "words": self.words, "seconds": self.seconds}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Script:
        """The script that :meth:`as_dict` wrote.

        Raises:
            InvalidInput: every problem of the data, with its field.
        """
        read = Reader(data, cls)
        values = {
            "kind": read.choice("kind", KINDS),
            "text": read.text("text"),
            "words": read.count("words"),
            "seconds": read.amount("seconds"),
        }
        return read.finish(lambda: cls(**values))
