"""Who wrote the employer's mail: a person, a mailbox, or an address that takes no reply.

A rejection often comes from a recruiting mailbox (« Recrutement Desjardins
<recrutement@desjardins.example> ») or a hiring platform (« Acme via Workday
<no-reply@myworkday.example> »). Greeting such a sender by name reads like a mail
merge gone wrong, and a reply to a no-reply address is lost. The rules, and the
French usage behind « Madame, Monsieur, », are in docs/rejection.md and docs/french.md.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "is_mailbox", "person_name", "same_name", "takes_replies"]

NO_REPLY = ("noreply", "donotreply", "nepasrepondre", "nepasrepondez", "norepondre")
"""Local parts, separators removed, that say no one reads the replies: ``no-reply``,
``do_not_reply``, ``ne-pas-repondre``."""

MAILBOX_WORDS = frozenset(
    {
        "candidature",
        "candidatures",
        "career",
        "careers",
        "carriere",
        "carrieres",
        "contact",
        "drh",
        "embauche",
        "emploi",
        "emplois",
        "hiring",
        "hr",
        "info",
        "job",
        "jobs",
        "recrutement",
        "recruiting",
        "recruitment",
        "rh",
        "talent",
        "talents",
    }
)
"""Words of a local part that name a shared mailbox, not a person: ``rh@``,
``careers@``, ``recrutement.montreal@``, ``info@``."""

DEPARTMENT_WORDS = MAILBOX_WORDS | {
    "acquisition",
    "admin",
    "departement",
    "department",
    "direction",
    "equipe",
    "human",
    "humaines",
    "notification",
    "notifications",
    "people",
    "recruteur",
    "recruteurs",
    "reply",
    "repondre",
    "resources",
    "ressources",
    "service",
    "services",
    "team",
}
"""Words of a display name that make it a department or a team (« Ressources
humaines », « Talent Acquisition », « Équipe recrutement »)."""

PLATFORMS = frozenset(
    {
        "bamboohr",
        "greenhouse",
        "icims",
        "indeed",
        "jobvite",
        "linkedin",
        "personio",
        "recruitee",
        "smartrecruiters",
        "successfactors",
        "taleo",
        "teamtailor",
        "workable",
        "workday",
    }
)
"""Hiring platforms that send mail for employers (a display name « Workday »)."""

ORGANIZATION_WORDS = frozenset(
    {
        "ag",
        "agence",
        "banque",
        "caisse",
        "cegep",
        "centre",
        "cie",
        "college",
        "commission",
        "co",
        "company",
        "compagnie",
        "corp",
        "corporation",
        "fondation",
        "gmbh",
        "group",
        "groupe",
        "hopital",
        "inc",
        "institut",
        "llc",
        "ltd",
        "ltee",
        "ministere",
        "mouvement",
        "musee",
        "sa",
        "sarl",
        "sas",
        "societe",
        "sprl",
        "srl",
        "universite",
        "ville",
    }
)
"""Legal forms, and the heads of institutions' names, that only an organization's name
holds (« Acme Corp », « Caisse Desjardins », « Ville de Québec »)."""

_LINKS = frozenset({"d", "de", "des", "du", "et", "l", "la", "le", "les", "of", "the", "&"})
_NOT_NAMES = DEPARTMENT_WORDS | PLATFORMS | ORGANIZATION_WORDS
# What may follow a name: « (Ubisoft) », « | RH », « – Ubisoft », « , Ubisoft ».
# Each with the signs it needs: a name without them is not searched (a pattern that
# starts with « \s* » is tried at every position).
_AFFILIATIONS = tuple(
    (re.compile(pattern), signs)
    for pattern, signs in (
        (r"\s*\(([^()]*)\)$", (")",)),
        (r"\s+[|–—-]\s+([^|–—]+)$", (" | ", " – ", " — ", " - ")),
        (r"\s*[|,]\s*([^|,]+)$", ("|", ",")),
    )
)
_VIA = re.compile(r"\s*[(\[]?\s*\bvia\s+[^()\[\]]+[)\]]?\s*$", re.IGNORECASE)
_VIA_WORD = re.compile(r"via", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*|&")


@lru_cache(maxsize=1024)  # a name is compared many times while a reply is addressed
def fold(text: str) -> str:
    """Text compared as people read it: case and accents set aside.

    >>> fold("Côté"), fold("CÔTÉ") == fold("cote"), fold("D’Amours")
    ('cote', True, "d'amours")
    """
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    if decomposed.isascii():  # no accent to drop: combining marks are not ASCII
        return decomposed.casefold()
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def _local_part(address: str) -> str:
    """The local part of an address, folded, without its ``+tag``."""
    local = address.rpartition("@")[0] or address
    return fold(local.split("+", 1)[0])


_NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]")
_SEPARATORS = re.compile(r"[^a-z0-9]+")
_LONG_MAILBOX_WORDS = tuple(sorted(word for word in MAILBOX_WORDS if len(word) >= 5))


@lru_cache(maxsize=1024)
def takes_replies(address: str) -> bool:
    """False for an address that says no one reads what is sent to it.

    >>> takes_replies("no-reply@myworkday.example"), takes_replies("rh@acme.example")
    (False, True)
    """
    squashed = _NOT_ALPHANUMERIC.sub("", _local_part(address))
    return not any(word in squashed for word in NO_REPLY)


@lru_cache(maxsize=1024)
def is_mailbox(address: str) -> bool:
    """Whether the local part names a shared mailbox rather than a person.

    >>> [is_mailbox(a) for a in ("rh@acme.example", "talent-acquisition@acme.example",
    ...     "ne-pas-repondre@acme.example", "marie.tremblay@acme.example")]
    [True, True, True, False]
    """
    if not takes_replies(address):
        return True
    local = _local_part(address)
    words = _SEPARATORS.split(local)
    if any(word in MAILBOX_WORDS for word in words):
        return True
    # « talentacquisition », « careersca »: a long mailbox word run into another one.
    return _NOT_ALPHANUMERIC.sub("", local).startswith(_LONG_MAILBOX_WORDS)


_LABEL_SEPARATORS = re.compile(r"[.-]")


@lru_cache(maxsize=256)  # one company, one or two domains, for a whole interview
def _organization(company: str, domain: str) -> frozenset[str]:
    """The words that name the company itself: its name, and its domain's labels."""
    return frozenset({*_words(company), *_LABEL_SEPARATORS.split(fold(domain))} - _LINKS)


def person_name(display_name: str, address: str, company: str) -> str | None:
    """The person's name a display name gives, or None when it names no one.

    A platform's « via » is dropped (« Marie Tremblay via Workday »), so is an
    affiliation after the name (« Marie Tremblay (RH) », « Marie Tremblay | Ubisoft »),
    and Outlook's « Tremblay, Marie » is put back in reading order. A display name names no one
    when it is empty, holds an address or digits, holds a department's, a platform's
    or a legal form's word, or is the company's own name or its domain's. From a
    mailbox's address (``recrutement@``), none of its words may be the company's:
    « Recrutement Desjardins » is the mailbox's own name. A single word (« Marie »)
    names no one a reply can greet: « Bonjour Marie, » is too familiar for a letter,
    and relance cannot tell « Madame » from « Monsieur ».

    >>> company = "Desjardins"
    >>> person_name("Recrutement Desjardins", "recrutement@desjardins.example", company)
    >>> person_name("Desjardins via Workday", "no-reply@myworkday.example", company)
    >>> person_name("Tremblay, Marie", "marie.tremblay@desjardins.example", company)
    'Marie Tremblay'
    >>> person_name("Alphonse Desjardins", "a.desjardins@desjardins.example", company)
    'Alphonse Desjardins'
    >>> person_name("Marie", "marie@desjardins.example", company)
    """
    own = _organization(company, address.rpartition("@")[2])
    name = " ".join(display_name.split())  # one space between words, nothing else
    if _VIA_WORD.search(name):
        name = _VIA.sub("", name)
    name = name.strip(" ,\"'")
    name = _without_affiliation(name, own)
    if name.count(",") == 1:
        last, first = (part.strip() for part in name.split(","))
        if last and first:
            name = f"{first} {last}"
    words = _words(name)
    if not words or "@" in name or any(map(str.isdigit, name)):
        return None
    if any(w in _NOT_NAMES for w in words):
        return None
    named = [w for w in words if w not in _LINKS]
    if not named or all(w in own for w in named):
        return None
    if len(named) < 2:  # « Marie »: a first name alone is no way to address a letter
        return None
    if is_mailbox(address) and any(w in own for w in named):
        return None
    return name


def _without_affiliation(name: str, own: frozenset[str]) -> str:
    """The name without what follows it when that names only the organization."""
    for pattern, signs in _AFFILIATIONS:
        found = pattern.search(name) if any(sign in name for sign in signs) else None
        if found is None:
            continue
        after = _words(found.group(1))
        if after and all(w in own or w in _NOT_NAMES or w in _LINKS for w in after):
            return _without_affiliation(name[: found.start()], own)
    return name


def same_name(one: str, other: str) -> bool:
    """Whether two names are one person's, whatever their order, case and accents.

    >>> same_name("Tremblay, Marie", "Marie Tremblay")
    True
    >>> same_name("CÔTÉ Geneviève", "Geneviève Cote"), same_name("Marie Côté", "Marie Tremblay")
    (True, False)
    """
    return sorted(_words(one)) == sorted(_words(other)) != []
