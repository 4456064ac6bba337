"""What differs between francophone regions: vocabulary, typography, calendar.

One table row per locale; templates are shared and read their words from here,
so a region is data, not a copy of every template.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal, cast

from ._french import Gender, Typography, elides

__all__ = ["LOCALES", "TONES", "LocaleInfo", "Noun", "Tone", "Vocabulary", "locale_info"]


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
    """Everything relance needs to know about one region (see docs/regions.md)."""

    code: str
    """The locale, as Babel spells it: ``fr_CA``."""
    name: str
    """The region, in French: « Québec »."""
    language_tag: str
    """The BCP 47 tag for the ``Content-Language`` header: ``fr-CA``."""
    country: str
    """The ISO 3166 country code for the holiday calendar: ``CA``."""
    subdivision: str | None
    """The default subdivision for the holiday calendar: ``QC``; ``None`` for the
    country's own holidays (metropolitan France, Belgium, Switzerland's federal ones)."""
    typography: Typography
    """The spaces around punctuation."""
    words: Mapping[str, Noun]
    """The region's word for each concept the messages use."""
    formal_appel_with_name: bool
    """Whether the formal appel of an email names the person (« Bonjour Madame
    Tremblay, », Quebec) or not (« Madame, », France, Belgium, Switzerland)."""
    short_closing: str
    """The region's short closing for the cordial register, with its comma."""


class Vocabulary(Mapping[str, Noun]):
    """A region's words: a read-only mapping, whose words are also its attributes.

    Templates read them as attributes (``words.email``): Jinja2 tries an attribute
    before an item, and an attribute found costs no raised and caught AttributeError,
    as a plain mapping's would on every word of every render.
    """

    def __init__(self, **words: Noun) -> None:
        taken = set(words) & set(dir(Mapping))
        if taken:
            raise ValueError(f"a word may not be named like a mapping's method: {taken}")
        self.__dict__.update(words)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a region's vocabulary cannot be changed")

    def __getitem__(self, key: str) -> Noun:
        return cast(Noun, self.__dict__[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self.__dict__)

    def __len__(self) -> int:
        return len(self.__dict__)

    def __repr__(self) -> str:
        return f"Vocabulary({self.__dict__!r})"


def _words(**words: Noun) -> Mapping[str, Noun]:
    return Vocabulary(**words)


_EUROPE = Typography(
    before_colon="\u00a0",
    before_high_punctuation="\u202f",
    inside_guillemets="\u00a0",
)

# France, Belgium and Switzerland share these words (docs/regions.md, « Vocabulary »).
_EUROPE_WORDS = {
    "interview": Noun("entretien", "m"),
    "email": Noun("e-mail", "m"),
    "voicemail": Noun("messagerie vocale", "f"),
    "cover_letter": Noun("lettre de motivation", "f"),
}

LOCALES: Mapping[str, LocaleInfo] = MappingProxyType(
    {
        "fr_CA": LocaleInfo(
            code="fr_CA",
            name="Québec",
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
            formal_appel_with_name=True,
            short_closing="Cordialement,",
        ),
        "fr_FR": LocaleInfo(
            code="fr_FR",
            name="France",
            language_tag="fr-FR",
            country="FR",
            subdivision=None,
            typography=_EUROPE,
            words=_words(**_EUROPE_WORDS, mobile=Noun("portable", "m")),
            formal_appel_with_name=False,
            short_closing="Bien cordialement,",
        ),
        "fr_BE": LocaleInfo(
            code="fr_BE",
            name="Belgique",
            language_tag="fr-BE",
            country="BE",
            subdivision=None,
            typography=_EUROPE,
            words=_words(**_EUROPE_WORDS, mobile=Noun("GSM", "m")),
            formal_appel_with_name=False,
            short_closing="Bien à vous,",
        ),
        "fr_CH": LocaleInfo(
            code="fr_CH",
            name="Suisse",
            language_tag="fr-CH",
            country="CH",
            subdivision=None,
            typography=Typography(
                before_colon="\u202f",
                before_high_punctuation="\u202f",
                inside_guillemets="\u202f",
            ),
            words=_words(**_EUROPE_WORDS, mobile=Noun("natel", "m")),
            formal_appel_with_name=False,
            short_closing="Meilleures salutations,",
        ),
    }
)

Tone = Literal["formal", "cordial"]
"""A register: formal (the default) or cordial."""

TONES: tuple[Tone, ...] = ("formal", "cordial")
"""The registers: ``"formal"`` (the default) and ``"cordial"``."""


def locale_info(locale: str) -> LocaleInfo:
    """The table row of a supported locale (the model has validated it already)."""
    return LOCALES[locale]
