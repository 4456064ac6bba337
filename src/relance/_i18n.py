"""The languages relance's own sentences are shown in: English, and French.

The French comes from a gettext catalogue made with Babel's tools
(``locale/fr/LC_MESSAGES/relance.po``, compiled to ``relance.mo`` beside it; see
docs/development.md). Nothing here reads the environment by itself: the command line
passes ``os.environ`` to :func:`cli_language`, a library caller names the language.
"""

from __future__ import annotations

import math
import string
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Final, Literal

if TYPE_CHECKING:
    import gettext

__all__ = [
    "LANGUAGES",
    "Language",
    "cli_language",
    "format_message",
    "json_safe",
    "language_of",
    "translate",
]

Language = Literal["en", "fr"]

LANGUAGES: Final[tuple[Language, ...]] = ("en", "fr")
"""The languages of relance's own sentences; English is the source."""

DOMAIN: Final = "relance"
"""The gettext domain: ``locale/<language>/LC_MESSAGES/relance.mo``."""

_ENVIRONMENT: Final = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def language_of(tag: object) -> Language | None:
    """The language of a tag such as ``"fr"``, ``"fr_CA"``, ``"fr-CH"`` or
    ``"en_US.UTF-8"``; ``"C"`` and ``"POSIX"`` are English; None for any other.

    >>> language_of("fr_CA.UTF-8"), language_of("C"), language_of("de_CH")
    ('fr', 'en', None)
    """
    if not isinstance(tag, str):
        return None
    primary = tag.strip().replace("-", "_").split(".")[0].split("@")[0].split("_")[0].lower()
    if primary in ("c", "posix"):
        return "en"
    return primary if primary in LANGUAGES else None


def cli_language(environ: Mapping[str, str]) -> Language:
    """The language the user's environment asks for, as gettext reads it.

    The first of ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set
    and not empty decides; ``LANGUAGE`` may list several, by preference
    (``de:fr``). English when nothing there asks for French.

    >>> cli_language({"LANG": "fr_CA.UTF-8"}), cli_language({"LANGUAGE": "de:fr", "LANG": "C"})
    ('fr', 'fr')
    >>> cli_language({"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}), cli_language({})
    ('en', 'en')
    """
    for name in _ENVIRONMENT:
        value = environ.get(name)
        if value:
            for tag in value.split(":"):
                found = language_of(tag)
                if found is not None:
                    return found
            return "en"
    return "en"


@lru_cache(maxsize=len(LANGUAGES))
def _catalogue(language: Language) -> gettext.NullTranslations:
    import gettext  # the catalogue loads when a sentence is first translated
    from importlib.resources import files

    if language == "en":
        return gettext.NullTranslations()
    path = files("relance").joinpath(f"locale/{language}/LC_MESSAGES/{DOMAIN}.mo")
    with path.open("rb") as stream:
        return gettext.GNUTranslations(stream)


def translate(message: str, language: Language) -> str:
    """The message (an English message id) in ``language``."""
    return _catalogue(language).gettext(message)


class _Formatter(string.Formatter):
    """``str.format`` with a list written as its items joined by commas, ``!l`` for
    their ``repr``, ``!q`` for each between double quotes (an English folder name),
    ``!g`` for a value, or each item, between French guillemets, and ``!n`` for a
    whole number with its thousands apart, as French writes them."""

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion == "n" and isinstance(value, int):
            return f"{value:,}".replace(",", "\u202f")
        items = value if isinstance(value, list) else [value]
        if conversion == "g":
            return ", ".join(f"«\u00a0{item}\u00a0»" for item in items)
        if conversion == "l":
            return ", ".join(repr(item) for item in items)
        if conversion == "q":
            return ", ".join(f'"{item}"' for item in items)
        if conversion is None and isinstance(value, list):
            return ", ".join(str(item) for item in items)
        return super().convert_field(value, conversion)


_FORMATTER: Final = _Formatter()


def format_message(template: str, params: Mapping[str, Any]) -> str:
    """A message template filled in with its parameters.

    >>> format_message("Use one of {choices!l}.", {"choices": ["f", "m"]})
    "Use one of 'f', 'm'."
    >>> format_message("Valeur {value!g}.", {"value": "x"})
    'Valeur «\\xa0x\\xa0».'
    >>> format_message("Au plus {max!n} ko.", {"max": 1024})
    'Au plus 1\\u202f024 ko.'
    """
    return _FORMATTER.vformat(template, (), params)


def json_safe(value: object) -> Any:
    """``value`` as JSON data: lists for sequences, ``repr`` for what JSON cannot hold."""
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, list | tuple):
        return [json_safe(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): json_safe(item) for key, item in value.items()}
    return repr(value)
