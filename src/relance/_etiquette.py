"""Etiquette: how a message greets, closes and signs, and how a person is named aloud.

The rules and their sources are in docs/french.md and docs/regions.md.
"""

from __future__ import annotations

from functools import lru_cache

from ._locales import locale_info
from ._model import Contact, Interview

__all__ = [
    "appel",
    "closing",
    "courtesy",
    "formal_closing",
    "greeting",
    "sign_off",
    "spoken_name",
]


def greeting(contact: Contact | None, interview: Interview) -> str:
    """The appel of an email, by region and register.

    Someone unknown: « Madame, Monsieur, » (OQLF/22099). No civility: the full name
    (« Bonjour Dominique Bélanger, », OQLF/25370). Formal: « Bonjour Madame Tremblay, »
    in Quebec, « Madame, » in Europe; cordial: « Bonjour Madame Dupont, » everywhere.
    """
    if contact is None:
        return "Madame, Monsieur,"
    if contact.civility is None:
        return f"Bonjour {contact.name},"
    if interview.tone == "formal" and not locale_info(interview.locale).formal_appel_with_name:
        return f"{contact.civility},"
    return f"Bonjour {contact.civility} {contact.family_name},"


def closing(contact: Contact | None, interview: Interview) -> str:
    """The salutation: formal, a full sentence that repeats the appel's civility exactly
    (OQLF/22101); cordial, the region's short closing followed by a comma."""
    if interview.tone == "cordial":
        return locale_info(interview.locale).short_closing
    return formal_closing(contact)


def formal_closing(contact: Contact | None) -> str:
    """« Je vous prie d’agréer, Madame, mes salutations distinguées. »

    « Salutations », never « sentiments » (which depend on who writes to whom) and
    never « l’expression de mes salutations » (Guide du rédacteur 8.1.10).
    """
    if contact is None:
        return "Je vous prie d’agréer, Madame, Monsieur, mes salutations distinguées."
    if contact.civility:
        return f"Je vous prie d’agréer, {contact.civility}, mes salutations distinguées."
    return "Je vous prie d’agréer mes salutations distinguées."


def appel(contact: Contact | None) -> str:
    """The appel of a letter or a card: « Madame, », without the surname (BDL 4944)."""
    if contact is None:
        return "Madame, Monsieur,"
    if contact.civility:
        return f"{contact.civility},"
    return f"Bonjour {contact.name},"


@lru_cache(maxsize=256)  # one signature, under every message of an interview
def sign_off(closing: str, *lines: str | None) -> str:
    """The closing, then the signature: after a short closing (« Cordialement, ») the
    name follows on the next line; after a full sentence, after a blank line."""
    signature = "\n".join([line for line in lines if line])
    return f"{closing}\n{signature}" if closing.endswith(",") else f"{closing}\n\n{signature}"


def _unbreakable(phone: str | None) -> str | None:
    """A phone number whose groups never break across lines (no-break spaces)."""
    return phone.replace(" ", "\u00a0") if phone else None


def courtesy(contact: Contact | None, interview: Interview) -> dict[str, str]:
    """Every greeting and closing form a template may need, for one recipient."""
    candidate = interview.candidate
    # A card closes like an email of the same register; only its appel differs.
    salutation = closing(contact, interview)
    return {
        "greeting": greeting(contact, interview),
        "closing": salutation,
        "sign_off": sign_off(salutation, candidate.name, _unbreakable(candidate.phone)),
        "appel": appel(contact),
        "letter_closing": salutation,
        "letter_sign_off": sign_off(salutation, candidate.name),
    }


def spoken_name(contact: Contact) -> str:
    """How the contact is named aloud or in running text: « madame Tremblay »."""
    if contact.civility:
        return f"{contact.civility.lower()} {contact.family_name}"
    return contact.name
