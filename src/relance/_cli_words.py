"""The command line's own words, in the user's language: English, or French when the
environment asks for it. The messages relance drafts are French whatever this says.

``_cli_language`` reads the environment as gettext does; it is kept trivial so that
the error-code work's own helper can replace it with no other change.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal

__all__ = ["Language", "Words", "_cli_language", "words_for"]

Language = Literal["en", "fr"]

_ENVIRONMENT: Final = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def _cli_language(environ: Mapping[str, str]) -> Language:
    """French when the first of ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``
    that is set asks for it (``LANGUAGE`` may list several: ``de:fr``); else English.

    >>> _cli_language({"LANG": "fr_CA.UTF-8"}), _cli_language({"LANGUAGE": "de:fr"})
    ('fr', 'fr')
    >>> _cli_language({"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}), _cli_language({})
    ('en', 'en')
    """
    for name in _ENVIRONMENT:
        value = environ.get(name)
        if value:
            for tag in value.split(":"):
                primary = tag.replace("-", "_").split(".")[0].split("@")[0].split("_")[0]
                if primary.lower() == "fr":
                    return "fr"
                if primary.lower() in ("en", "c", "posix"):
                    return "en"
            return "en"
    return "en"


class Words:
    """The sentences of the command line in one language; ``{}`` fields filled by name."""

    def __init__(self, language: Language) -> None:
        self.language: Language = language
        """The language of these sentences."""
        self._table = TABLES[language]

    def __call__(self, key: str, **values: object) -> str:
        return self._table[key].format(**values)


# Typeset as French is: a no-break space before « : », a narrow one before ; ! ?
_EN: Final[Mapping[str, str]] = {
    "error": "relance: error: {message}",
    "invalid": "relance: error: invalid input ({count}):",
    "interrupted": "relance: interrupted",
    "late": "relance: the usual send day ({planned}) has passed: drafted for {day}, "
    "the first business day from today.",
    "html_text": "relance: --html applies to .eml and JSON output only; the text shows none.",
    "calendar": "Calendar: {path}",
    "demo_intro": "relance demo: the messages for the built-in example interview\n"
    "(`relance example` prints its input file).",
    "demo.thank_you": "The thank-you notes: one email to each interviewer, the next business day",
    "demo.follow_up": "The follow-up a week later: the email, the call, the voicemail",
    "demo.rejection_reply": "After a rejection: the reply in the employer's thread, "
    "and a handwritten note",
    "demo.plan": "The plan: every step, dated (`relance plan FILE --ics plan.ics` for a calendar)",
    "no_french": "French not checked: Grammalecte is not installed ({install}).",
    "checked": "{directory}: every template rendered over {count} sample interviews",
    "checked_french": ", Grammalecte included",
    "no_problem": ": no problem.",
    "problems": ": {count} problem(s).",
}

_FR: Final[Mapping[str, str]] = {
    "error": "relance\u00a0: erreur\u00a0: {message}",
    "invalid": "relance\u00a0: erreur\u00a0: données non valables ({count})\u00a0:",
    "interrupted": "relance\u00a0: interrompu",
    "late": "relance\u00a0: le jour d’envoi prévu ({planned}) est passé\u00a0: brouillons "
    "datés du {day}, premier jour ouvrable à partir d’aujourd’hui.",
    "html_text": "relance\u00a0: --html ne vaut que pour les sorties .eml et JSON\u00a0; "
    "le texte n’en montre rien.",
    "calendar": "Calendrier\u00a0: {path}",
    "demo_intro": "relance demo\u00a0: les messages de l’entrevue d’exemple\n"
    "(`relance example` affiche son fichier).",
    "demo.thank_you": "Les remerciements\u00a0: un courriel à chaque personne rencontrée, "
    "le jour ouvrable suivant",
    "demo.follow_up": "La relance une semaine après\u00a0: le courriel, l’appel, le message vocal",
    "demo.rejection_reply": "Après un refus\u00a0: la réponse dans le fil de l’employeur, "
    "et une carte manuscrite",
    "demo.plan": "Le plan\u00a0: chaque étape, datée (`relance plan FICHIER --ics plan.ics` "
    "pour un calendrier)",
    "no_french": "Français non vérifié\u00a0: Grammalecte n’est pas installé ({install}).",
    "checked": "{directory}\u00a0: chaque modèle rendu sur {count} entrevues d’exemple",
    "checked_french": ", Grammalecte compris",
    "no_problem": "\u00a0: aucun problème.",
    "problems": "\u00a0: {count} problème(s).",
}

TABLES: Final[Mapping[Language, Mapping[str, str]]] = {"en": _EN, "fr": _FR}
"""Every sentence of the command line, in each language (the same keys)."""


def words_for(environ: Mapping[str, str]) -> Words:
    """The command line's sentences in the language the environment asks for."""
    return Words(_cli_language(environ))
