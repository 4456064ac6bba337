"""The user's words made clean: phrases typed as people type, set into running text.

People type a strength as a line of a CV (« Solide expérience en gestion de projet. »),
a sentence without its capital or its period, a lead-in that the note already says
(« j’ai oublié de mentionner que… »), an institution without its article
(« Université Laval »). The functions below turn these into what a careful writer
puts in a letter; templates call them through filters (see :mod:`relance._render`).
Every function is pure. The sources of each rule are in docs/french.md.

>>> element("Solide expérience en gestion de projet.")
'solide expérience en gestion de projet'
>>> enumeration(["Maîtrise de SQL et de Python.", "Sens de l’écoute"], "fr_CA")
'maîtrise de SQL et de Python ainsi que sens de l’écoute'
>>> phrase("j’ai oublié de mentionner que je parle espagnol")
'Je parle espagnol.'
>>> with_article("Université Laval"), chez("Ubisoft"), chez("l’Université Laval")
('l’Université Laval', 'chez Ubisoft', 'à l’Université Laval')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Final

from ._french import Gender, a, elides, join

__all__ = [
    "INSTITUTIONS",
    "article_for",
    "chez",
    "element",
    "enumeration",
    "national_number",
    "phrase",
    "with_article",
]

# Words a user may start a list item with that are names, not common nouns: tools,
# languages of programming, places. A word with a capital after its first letter
# (« SQL », « PowerBI », « iOS ») or with a digit is a name whatever the list says.
_NAMES: Final = frozenset(
    """
    python java javascript typescript excel word outlook powerpoint office salesforce
    sap oracle google microsoft linux windows azure amazon docker kubernetes tableau
    power photoshop illustrator figma jira confluence scrum agile autocad revit matlab
    québec montréal canada france europe suisse belgique paris lyon genève bruxelles
    lausanne ottawa toronto laval sherbrooke gatineau wallonie flandre
    """.split()  # noqa: SIM905 - a word list reads best as text
)

_FINAL_MARKS = ".;,:!?…"
_ABBREVIATION_END = re.compile(r"(?:\betc|\b(?:[A-Za-z]\.)+[A-Za-z])\.$")
_AND = re.compile(r"\bet\b", re.IGNORECASE)
_LEADING_QUOTE = "«“\"‘'( \u00a0\u202f"


def _is_name(word: str, known: frozenset[str]) -> bool:
    """Whether a capitalised first word is a name rather than a common noun."""
    bare = word.strip(_FINAL_MARKS + "’'-")
    if not bare:
        return True
    if any(c.isdigit() for c in bare) or any(c.isupper() for c in bare[1:]):
        return True
    lowered = bare.lower()
    return lowered in _NAMES or lowered in known


def element(text: str, *, names: Iterable[str] = ()) -> str:
    """A user's phrase set inside a sentence: one item of a list, a topic.

    The first letter is lowered unless the first word is an acronym or a name
    (the two capitalised words of « Power BI », or one of ``names``); the final
    punctuation goes (an abbreviation's period stays: « etc. »). Apostrophes are left
    to the typography of the whole text, which knows an address from a word.

    >>> element("Maîtrise de l’anglais."), element("SQL avancé;"), element("Power BI")
    ('maîtrise de l’anglais', 'SQL avancé', 'Power BI')
    """
    return _element(text, tuple(names))


@lru_cache(maxsize=1024)  # a position, a topic or a strength, in every message
def _element(text: str, names: tuple[str, ...]) -> str:
    text = " ".join(text.split())
    while text and text[-1] in _FINAL_MARKS and not _ABBREVIATION_END.search(text):
        text = text[:-1].rstrip()
    words = text.split(" ")
    first = words[0] if words else ""
    if not first or not first[0].isupper():
        return text
    known = frozenset(w.lower() for name in names for w in name.split())
    second = words[1] if len(words) > 1 else ""
    if _is_name(first, known) or (second[:1].isupper() and not second.isupper()):
        return text
    return first[0].lower() + text[1:]


def enumeration(items: Iterable[str], locale: str, *, names: Iterable[str] = ()) -> str:
    """The user's list in running text, each item made an :func:`element`.

    When an item already holds « et », the last item comes after « ainsi que »,
    so that two « et » never follow each other (« A, B et C et D »).

    >>> enumeration(["cinq ans d’expérience", "SQL", "Python"], "fr_FR")
    'cinq ans d’expérience, SQL et Python'
    """
    return _enumeration(tuple(items), locale, tuple(names))


@lru_cache(maxsize=256)  # the strengths of an interview, in each note
def _enumeration(items: tuple[str, ...], locale: str, names: tuple[str, ...]) -> str:
    cleaned = [element(item, names=names) for item in items]
    if len(cleaned) > 1 and any(_AND.search(item) for item in cleaned):
        return ", ".join(cleaned[:-1]) + " ainsi que " + cleaned[-1]
    return join(cleaned, locale)


# Lead-ins a user types before what they forgot to say, which the note says already
# (« …un point que je n’ai pas eu l’occasion de mentionner. »). Folded only when a
# clause follows (« que », « qu’ » or a colon), so the rest is a sentence of its own.
_LEAD_IN = re.compile(
    r"""^(?:(?:et|aussi|enfin|par\s+ailleurs)\s*,?\s+)?
    (?:j[’']ai\s+oublié\s+de\s+(?:vous\s+)?(?:dire|mentionner|préciser|signaler|parler\s+du\s+fait)
      |je\s+voulais\s+(?:aussi\s+|également\s+)?(?:vous\s+)?(?:ajouter|dire|mentionner|préciser)
      |j[’']aimerais\s+(?:aussi\s+|également\s+)?(?:vous\s+)?(?:ajouter|dire|mentionner|préciser)
      |je\s+tiens\s+(?:aussi\s+|également\s+)?à\s+(?:vous\s+)?(?:ajouter|dire|mentionner|préciser)
      |(?:petit\s+)?oubli\s+de\s+ma\s+part)
    (?:\s+aussi|\s+également)?
    (?:\s*,?\s*que\s+|\s*,?\s*qu[’']|\s*:\s*)""",
    re.IGNORECASE | re.VERBOSE,
)


@lru_cache(maxsize=256)  # the afterthought of an interview, in each note
def phrase(text: str) -> str:
    """A user's sentence, clean: lead-in folded, capital first, period last.

    >>> phrase("Je voulais ajouter qu’en plus, je suis bilingue")
    'En plus, je suis bilingue.'
    >>> phrase("disponible dès janvier !")
    'Disponible dès janvier !'
    """
    text = " ".join(text.split())
    folded = _LEAD_IN.sub("", text, count=1)
    if folded.strip():
        text = folded
    start = len(text) - len(text.lstrip(_LEADING_QUOTE))
    first_word = text[start:].split(" ", 1)[0]
    if text[start : start + 1].islower() and not any(c.isupper() for c in first_word[1:]):
        text = text[:start] + text[start].upper() + text[start + 1 :]
    text = text.rstrip(" ,;:")
    if text and text[-1] not in ".!?…":
        text += "."
    return text


# The heads of institutions' names, with the article's gender: a name that starts
# with one is said with its article (« l’Université Laval », « la Banque Nationale »,
# « le Centre hospitalier de Gatineau »: Guide du rédacteur 3.3.44, OQLF/21303).
INSTITUTIONS: Final[dict[str, Gender]] = {
    "université": "f",
    "hôpital": "m",
    "centre": "m",
    "banque": "f",
    "caisse": "f",
    "ville": "f",
    "ministère": "m",
    "collège": "m",
    "cégep": "m",
    "institut": "m",
    "musée": "m",
    "société": "f",
    "commission": "f",
    "office": "m",
    "agence": "f",
    "bibliothèque": "f",
    "clinique": "f",
    "commune": "f",
    "conseil": "m",
    "école": "f",
    "fondation": "f",
    "haute": "f",  # la Haute école de gestion: an aspirated h
    "hôtel": "m",
    "municipalité": "f",
    "régie": "f",
    "chu": "m",
    "chum": "m",
    "clsc": "m",
    "cisss": "m",
    "ciusss": "m",
}

_STARTS_WITH_ARTICLE = re.compile(r"^(?:(?:le|la|les)\s|l[’'])", re.IGNORECASE)
_FIRST_WORD = re.compile(r"[\w]+")


def article_for(name: str, *, force: bool | None = None) -> str | None:
    """The article ``name`` takes in running text: « l’ », « la », « le », or None.

    ``force`` says whether the name takes an article at all (``Interview.company_article``);
    left unset, it does when it starts with a known head (:data:`INSTITUTIONS`).
    Raises :class:`ValueError` when forced on a head of unknown gender that does not
    elide (« Groupe … »): the user must then write the article in the name.
    """
    if force is False or _STARTS_WITH_ARTICLE.match(name):
        return None
    match = _FIRST_WORD.match(name)
    head = match.group().lower() if match else ""
    gender = INSTITUTIONS.get(head)
    if gender is None and not force:
        return None
    if elides(name):
        return "l’"
    if gender is None:
        raise ValueError(
            f"relance cannot tell whether « {name} » takes « le » or « la »; "
            "write the article in the name, such as « le Groupe Conseil Roy »."
        )
    return "la " if gender == "f" else "le "


@lru_cache(maxsize=256)  # a company is named in every message of an interview
def with_article(name: str, *, force: bool | None = None) -> str:
    """An institution's name as said in running text: « l’Université Laval ».

    >>> with_article("Banque Nationale"), with_article("Office Depot", force=False)
    ('la Banque Nationale', 'Office Depot')
    """
    article = article_for(name, force=force)
    return f"{article}{name}" if article else name


def chez(name: str) -> str:
    """« chez » before a company, « à » before a name with its article (OQLF/21593).

    A name said with an article of its own (« l’Université Laval », « le Cirque du
    Soleil », « Le Devoir ») takes « à », contracted: « au Devoir »; a brand whose
    article is glued to it is a company like any other: « chez L’Oréal ».

    >>> chez("L’Oréal"), chez("Le Devoir"), chez("la Banque Nationale"), chez("IBM")
    ('chez L’Oréal', 'au Devoir', 'à la Banque Nationale', 'chez IBM')
    """
    if re.match(r"^(?:le|la|les)\s", name, re.IGNORECASE) or re.match(r"^l[’']", name):
        return a(name)
    return f"chez {name}"


# Each region's calling code, and whether its national numbers start with a 0 that
# the international form drops (France, Belgium, Switzerland) or not (North America).
_CALLING: Final = {
    "fr_CA": ("1", False),
    "fr_FR": ("33", True),
    "fr_BE": ("32", True),
    "fr_CH": ("41", True),
}
_INTERNATIONAL = re.compile(r"^\s*(?:\+|00)\s*")
_TRUNK_ZERO = re.compile(r"^[\s.\-]*(?:\(0\)\s*)?")
# How a number typed without spaces is grouped when said, by its length.
_GROUPS: Final = {
    ("fr_CA", 10): (3, 3, 4),
    ("fr_FR", 10): (2, 2, 2, 2, 2),
    ("fr_BE", 10): (4, 2, 2, 2),
    ("fr_BE", 9): (2, 3, 2, 2),
    ("fr_CH", 10): (3, 3, 2, 2),
}


def national_number(phone: str, locale: str) -> str:
    """A number of the region's own country as dialled at home: +33 6 … → 06 ….

    Numbers of other countries keep their international form; a number typed in
    one block is grouped as the region says it.

    >>> national_number("+33 6 98 12 34 56", "fr_FR"), national_number("+1 514 555-0199", "fr_CA")
    ('06 98 12 34 56', '514 555-0199')
    >>> national_number("+41 79 123 45 67", "fr_FR"), national_number("+32470123456", "fr_BE")
    ('+41 79 123 45 67', '0470 12 34 56')
    """
    code, trunk = _CALLING[locale]
    match = _INTERNATIONAL.match(phone)
    if match is None:
        return _grouped(phone, locale)
    rest = phone[match.end() :]
    if not rest.startswith(code):
        return phone
    rest = _TRUNK_ZERO.sub("", rest[len(code) :], count=1)
    return _grouped(f"0{rest}" if trunk else rest, locale)


def _grouped(number: str, locale: str) -> str:
    groups = _GROUPS.get((locale, len(number))) if number.isdigit() else None
    if groups is None:
        return number
    out, start = [], 0
    for size in groups:
        out.append(number[start : start + size])
        start += size
    return " ".join(out)
