"""What differs between francophone regions: vocabulary, typography, calendar.

One table row per locale; templates are shared and read their words from here,
so a region is data, not a copy of every template.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from ._french import Gender, Typography, elides

__all__ = ["LOCALES", "LocaleInfo", "Noun", "locale_info"]


@dataclass(frozen=True, slots=True)
class Noun:
    """A common noun with its grammatical gender, so templates get the article right."""

    word: str
    gender: Gender

    @property
    def the(self) -> str:
        """With the definite article: « l’entrevue », « le courriel »."""
        if elides(self.word):
            return f"l’{self.word}"
        return ("la " if self.gender == "f" else "le ") + self.word

    @property
    def a(self) -> str:
        """With the indefinite article: « une entrevue », « un courriel »."""
        return ("une " if self.gender == "f" else "un ") + self.word

    def __str__(self) -> str:
        return self.word


@dataclass(frozen=True, slots=True)
class LocaleInfo:
    """Everything relance needs to know about one region."""

    code: str
    """The locale, as Babel spells it: ``fr_CA``."""
    language_tag: str
    """The BCP 47 tag for the ``Content-Language`` header: ``fr-CA``."""
    country: str
    """The ISO 3166 country code for the holiday calendar: ``CA``."""
    subdivision: str | None
    """The default subdivision for the holiday calendar: ``QC``."""
    typography: Typography
    """The spaces around punctuation."""
    words: Mapping[str, Noun]
    """The region's word for each concept the messages use."""


def _words(**words: Noun) -> Mapping[str, Noun]:
    return MappingProxyType(words)


LOCALES: Mapping[str, LocaleInfo] = MappingProxyType(
    {
        "fr_CA": LocaleInfo(
            code="fr_CA",
            language_tag="fr-CA",
            country="CA",
            subdivision="QC",
            typography=Typography(
                before_colon="\u00a0",
                before_high_punctuation="\u202f",
                inside_guillemets="\u00a0",
            ),
            words=_words(
                interview=Noun("entrevue", "f"),
                email=Noun("courriel", "m"),
                voicemail=Noun("boîte vocale", "f"),
                cover_letter=Noun("lettre de présentation", "f"),
                mobile=Noun("cellulaire", "m"),
            ),
        ),
    }
)


def locale_info(locale: str) -> LocaleInfo:
    """The table row of a supported locale (the model has validated it already)."""
    return LOCALES[locale]
