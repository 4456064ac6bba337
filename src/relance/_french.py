"""The French language layer: elision, contraction, agreement, dates, times, typography.

Templates never hard-code these rules; they call the functions below through the
filters of the same name (see :mod:`relance._render`). Every function is pure and
takes the locale as an explicit argument.

>>> de("Ubisoft"), de("Hachette"), de("Hydro-Québec"), de("Le Devoir"), de("La Presse")
('d’Ubisoft', 'de Hachette', 'd’Hydro-Québec', 'du Devoir', 'de La Presse')
>>> a("Le Devoir"), a("Les Affaires"), que("IBM")
('au Devoir', 'aux Affaires', 'qu’IBM')
>>> from datetime import date, time
>>> long_date(date(2026, 12, 1), "fr_CA")
'mardi 1er décembre 2026'
>>> clock_time(time(14, 30)), clock_time(time(9, 0))
('14\\xa0h\\xa030', '9\\xa0h')
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, time
from functools import cache, lru_cache, partial
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from babel import Locale

__all__ = [
    "Gender",
    "Typography",
    "a",
    "agree",
    "clock_time",
    "de",
    "elides",
    "join",
    "long_date",
    "que",
    "relative_day",
    "the_day",
    "typography",
    "units",
]

Gender = Literal["f", "m"]

# Words that begin with an aspirated h (« le hockey », « de Hachette ») or that refuse
# elision for another reason (« le onze », « de Yamaha » is handled by the y rule).
# French common words from the Grand Robert's list of h aspiré, and company and
# brand names whose h is sounded or aspirated in Quebec and European usage.
_NO_ELISION = frozenset(
    """
    hache hachette hachis haie haillon haine haïr hall halle halte hamac hamburger hameau
    hampe hanche handball handicap hangar hanneton hanter happer harangue harcèlement
    harceler hardi hareng hargne haricot harnais harpe hasard hâte hausse haut hautbois
    hauteur havre hennissement héraut hérisson hernie héron héros herse hêtre heurt hibou
    hideux hiérarchie hippie hisser hobby hockey hold hollandais hollande homard hongrie
    hongrois honte hoquet horde hors hotte houblon houle houppe housse hublot huée huit
    huitième hululement humer hurlement hurler hussard hutte hyène harlequin harvard hasbro
    heineken heinz hermès hertz hewlett hitachi honda honeywell huawei hyundai hilton holt
    harley hudson husky hp hsbc h&m haute onze onzième oui ouistiti
    """.split()  # noqa: SIM905 - a word list reads best as text
)

_VOWELS = frozenset("aeiouyàâäéèêëîïôöùûüœæ")
_FIRST_WORD = re.compile(r"[\w&]+")
_ARTICLE = re.compile(r"^(?:(les|le|la)\s+(?=\S)|(l['’])(?=\w))", re.IGNORECASE)


@lru_cache(maxsize=1024)  # the same names and positions, in every message of an interview
def elides(text: str) -> bool:
    """Whether a word before ``text`` elides (``de`` → ``d’``, ``que`` → ``qu’``).

    Vowels and mute h elide; aspirated h (word list), a consonantal y (« Yahoo »),
    digits and lone initials (« A. Tremblay ») do not.

    >>> [elides(w) for w in ("IBM", "Hachette", "Hydro-Québec", "Yahoo", "Yves", "3M", "A. Roy")]
    [True, False, True, False, True, False, False]
    """
    match = _FIRST_WORD.match(text.lstrip("«“\"'‘ \u00a0\u202f"))
    if match is None:
        return False
    word = match.group().lower()
    if word in _NO_ELISION:
        return False
    first = word[0]
    if first.isdigit():
        return False
    if len(word) == 1 and text.lstrip()[1:2] == ".":
        return False  # a lone initial: « de A. Tremblay »
    if first == "y":
        return len(word) == 1 or word[1] not in _VOWELS
    if first == "h":
        return True  # mute h unless listed above
    return first in _VOWELS


@lru_cache(maxsize=1024)  # a position, a company, a day: in every message
def de(text: str, *, contract: bool = True) -> str:
    """``de`` before ``text``: elided, or contracted with a leading article.

    With ``contract=False`` (family names: « de Le Gardeur ») only elision applies.
    """
    if contract:
        match = _ARTICLE.match(text)
        if match is not None:
            article = (match.group(1) or "").lower()
            rest = text[match.end() :]
            if article == "le":
                return f"du {rest}"
            if article == "les":
                return f"des {rest}"
            return f"de {text}"  # « de La Presse », « de L’Oréal »
    return f"d’{text}" if elides(text) else f"de {text}"


@lru_cache(maxsize=1024)  # a position, a company, a day: in every message
def a(text: str) -> str:
    """``à`` before ``text``, contracted with a leading ``le``/``les``: « au Devoir »."""
    match = _ARTICLE.match(text)
    if match is not None:
        article = (match.group(1) or "").lower()
        rest = text[match.end() :]
        if article == "le":
            return f"au {rest}"
        if article == "les":
            return f"aux {rest}"
    return f"à {text}"


def que(text: str) -> str:
    """``que`` before ``text``, elided before a vowel or mute h."""
    return f"qu’{text}" if elides(text) else f"que {text}"


# Feminine forms the regular rules below would get wrong.
_FEMININE = {
    "heureux": "heureuse",
    "favorable": "favorable",
    "disponible": "disponible",
    "enthousiaste": "enthousiaste",
    "prêt": "prête",
    "ravi": "ravie",
    "reconnaissant": "reconnaissante",
}


@lru_cache(maxsize=256)  # a few adjectives, in every note
def agree(word: str, gender: Gender | None) -> str:
    """An adjective, participle or noun in agreement with the sender's gender.

    relance writes wording that needs no agreement when the gender is unknown;
    asking for agreement then is a template bug, and raises :class:`ValueError`.

    >>> agree("convaincu", "f"), agree("intéressé", "f"), agree("candidat", "m")
    ('convaincue', 'intéressée', 'candidat')
    """
    if gender is None:
        raise ValueError(
            f"agree({word!r}) needs the candidate's gender; "
            "without it, use wording that needs no agreement"
        )
    if gender == "m":
        return word
    if word in _FEMININE:
        return _FEMININE[word]
    for masculine, feminine in (
        ("eux", "euse"),
        ("if", "ive"),
        ("ier", "ière"),
        ("er", "ère"),
        ("ien", "ienne"),
        ("on", "onne"),
        ("el", "elle"),
    ):
        if word.endswith(masculine):
            return word[: -len(masculine)] + feminine
    if word.endswith("e"):
        return word
    return word + "e"


@lru_cache(maxsize=16)
def _names(locale: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    from babel.dates import get_day_names, get_month_names

    days = get_day_names("wide", "format", locale)
    months = get_month_names("wide", "format", locale)
    return (
        tuple(days[i].lower() for i in range(7)),
        tuple(months[i].lower() for i in range(1, 13)),
    )


def day_name(day: date, locale: str) -> str:
    """The day of the week, lower case: « mardi »."""
    return _names(locale)[0][day.weekday()]


def long_date(day: date, locale: str, *, weekday: bool = True, year: bool = True) -> str:
    """A date written in full, with « 1er » on the first of a month.

    Day and month names come from Babel's locale data; Babel never writes « 1er »,
    so the day number is ours (OQLF/21242).

    >>> long_date(date(2026, 6, 24), "fr_CA", weekday=False, year=False)
    '24 juin'
    """
    days, months = _names(locale)
    number = "1er" if day.day == 1 else str(day.day)
    parts = [days[day.weekday()]] if weekday else []
    parts += [number, months[day.month - 1]]
    if year:
        parts.append(str(day.year))
    return " ".join(parts)


def clock_time(moment: time) -> str:
    """A time of day as written in running text: « 14 h 30 », « 9 h » (no-break spaces)."""
    if moment.minute:
        return f"{moment.hour}\u00a0h\u00a0{moment.minute:02d}"
    return f"{moment.hour}\u00a0h"


def relative_day(day: date, today: date, locale: str) -> str:
    """``day`` said from ``today``'s point of view: « hier », « lundi » (same week),
    « vendredi dernier », the date; never « avant-hier », which reads as spoken.

    The result reads after a preposition through :func:`de`: « d’hier »,
    « de vendredi dernier », « du mardi 1er décembre ».

    >>> relative_day(date(2026, 12, 4), date(2026, 12, 7), "fr_CA")
    'vendredi dernier'
    """
    delta = (today - day).days
    if delta < 0:
        raise ValueError("relative_day() is for days in the past")
    if delta == 0:
        return "aujourd’hui"
    if delta == 1:
        return "hier"
    if delta < 7 and day.isocalendar()[:2] == today.isocalendar()[:2]:
        return day_name(day, locale)  # « lundi », said on the Wednesday of that week
    if delta < 7:
        return f"{day_name(day, locale)} dernier"
    return the_day(day, today, locale)


def the_day(day: date, today: date, locale: str) -> str:
    """A day named in full with its article, as a subject or a later message says it:
    « le mardi 1er décembre », with the year when it is not ``today``'s.

    Never « avant-hier »: a subject is read on other days than the one it was written.

    >>> the_day(date(2026, 12, 1), date(2026, 12, 2), "fr_FR")
    'le mardi 1er décembre'
    """
    return "le " + long_date(day, locale, year=day.year != today.year)


def join(items: Iterable[str], locale: str) -> str:
    """A list in running text, with the region's list patterns from Babel: « A, B et C ».

    What ``babel.lists.format_list`` writes, with the patterns looked up once per
    region rather than at every call, where the look-up was most of its time.
    """
    words = list(items)
    if len(words) < 2:
        return words[0] if words else ""
    patterns = _list_patterns(locale)
    if len(words) == 2 and "2" in patterns:
        return patterns["2"].format(*words)
    result = patterns["start"].format(words[0], words[1])
    for word in words[2:-1]:
        result = patterns["middle"].format(result, word)
    return patterns["end"].format(result, words[-1])


@lru_cache(maxsize=16)
def _list_patterns(locale: str) -> Mapping[str, str]:
    """The region's patterns of a list of items (CLDR's « standard » style)."""
    return dict(_babel_locale(locale).list_patterns["standard"])


@lru_cache(maxsize=16)
def _babel_locale(locale: str) -> Locale:
    """Babel's locale object, parsed once rather than at every call."""
    from babel import Locale

    return Locale.parse(locale)


@dataclass(frozen=True, slots=True)
class Typography:
    """The spaces a region puts around punctuation (docs/regions.md, « Typography »)."""

    before_colon: str
    """Before « : »: a no-break space (U+00A0), or a narrow one (U+202F) in Switzerland."""
    before_high_punctuation: str
    """Before « ; », « ! » and « ? »: a narrow no-break space (U+202F)."""
    inside_guillemets: str
    """After « and before »."""


# Spans typography must never touch: phone numbers, URLs and email addresses. Each
# pattern starts with a character set, which the regular expression engine can skip
# to; URLs and addresses are only looked for when the text has their sign.
_PHONE = r"[+(0-9][0-9 \u00a0().\-]{5,}[0-9]"
_URL = r"(?:https?://|www\.)[^\s<>«»\"]*[^\s<>«»\".,;:!?)]"
_EMAIL = r"[^\s<>«»\"@]+@[^\s<>«»\"@]+\.[^\s<>«»\"@.,;:!?)]+"
_PROTECTED = {
    (url, email): re.compile(
        "|".join(p for p, on in ((_URL, url), (_EMAIL, email), (_PHONE, True)) if on)
    )
    for url in (False, True)
    for email in (False, True)
}
_PHONE_SPAN = re.compile(_PHONE)
_ADDRESSES = {
    (url, email): re.compile("|".join(p for p, on in ((_URL, url), (_EMAIL, email)) if on))
    for url, email in ((True, False), (False, True), (True, True))
}
_PLACEHOLDER = re.compile("\x00([0-9]+)\x00")  # the model forbids NUL in every field
_SPACES = "[ \u00a0\u202f\u2009]"
_SPACE_CHARS = " \u00a0\u202f\u2009"
# A pattern the engine can skip through starts with one character or set: not a
# repeat (« [;!?]+ ») nor a group of alternatives, which it tries at every position.
_HIGH = re.compile(r"[;!?][;!?]*")
_COLON = re.compile(r":(?=\s|$)")
_OPEN_GUILLEMET = re.compile(rf"«{_SPACES}*")
_CLOSE_GUILLEMET = re.compile(rf"{_SPACES}*»")
_STRAIGHT_QUOTES = re.compile(r'"([^"\n]*)"')
_DASH = re.compile(r" - ")
_MULTIPLE_SPACES = re.compile(r"(?<=\S) {2,}(?=\S)")
# A number and its unit never part at the end of a line (OQLF/22039): « 5 ans »,
# « 20 % », « 3 M$ », « 10 000 $ ». Symbols get their space even when typed without
# (« 20% »); words keep the space they were typed with, made unbreakable; the groups
# of a number in thousands are joined, and a bare amount of five digits or more
# before a symbol is grouped.
_UNIT_SYMBOLS = r"%|\$|€|£|[kMG]\$|[kMG]€|Md\$|Md€|CHF"
_UNIT_WORDS = (
    r"ans?|mois|semaines?|jours?|heures?|minutes?|millions?|milliards?|km|kg|cm|mm|m²|m2"
    r"|Go|Mo|To|employés|employées|personnes|clients|projets|gestionnaires|dollars|euros|francs"
)
_NUMBER_UNIT = re.compile(  # a digit first, for the engine to skip to (not a group of two)
    r"([0-9](?:[0-9]{0,2}(?:[ \u00a0\u202f][0-9]{3})+|[0-9]*))((?:[.,][0-9]+)?)"
    rf"(?:[ \u00a0\u202f]?({_UNIT_SYMBOLS})|[ \u00a0\u202f]({_UNIT_WORDS}))(?!\w)"
)
"""A number and its unit, from the first digit of the number."""
_MAYBE_UNIT = re.compile(
    rf"[0-9][ \u00a0\u202f]?(?=[%$€£kMGCamsjhcTepgdf])(?:{_UNIT_SYMBOLS}|{_UNIT_WORDS})"
)
"""A digit and a unit after it: what every number and unit ends with. Much cheaper to
search than :data:`_NUMBER_UNIT`, which tries every way to group a number's digits at
every digit (6 us on a line with a phone number said twice). The look-ahead holds the
first letter of every unit: at a digit followed by none, the alternatives are not tried."""
_NOT_BEFORE_NUMBER = re.compile(r"[\w.,\u00a0\u202f+]")
"""What may not come just before a number's first digit (« 1,5 » is one number)."""
_MAYBE_HOURS = re.compile(r"[0-9][ \u00a0\u202f]?h")  # cheap to search: a literal set first
_HOURS = re.compile(r"([0-9][0-9]?)[ \u00a0\u202f]?h(?:[ \u00a0\u202f]?([0-5][0-9]))?\b")
"""A time, « 16h30 », from its first digit: the hour is checked (0 to 23) where found."""


def typography(text: str, rules: Typography) -> str:
    """French typography over a whole text, user-supplied phrases included.

    Apostrophes become ’, straight double quotes become « », « ... » becomes « … »,
    times are written « 16 h 30 » with no-break spaces, and the region's no-break
    spaces go before « : ; ! ? » and inside guillemets.
    URLs, email addresses and phone numbers are left exactly as they are.

    >>> rules = Typography("\\u00a0", "\\u202f", "\\u00a0")
    >>> typography("L'équipe: merci! Écrivez à l'adresse o'neil@example.com", rules)
    "L’équipe\\xa0: merci\\u202f! Écrivez à l’adresse o'neil@example.com"
    """
    # The rules' three strings key the cache: their hash is the tuple's, computed in C,
    # where the dataclass's own __hash__ is a Python call at every text.
    typeset = _line_cache(
        rules.before_colon, rules.before_high_punctuation, rules.inside_guillemets
    )
    if "\n" not in text:
        return typeset(text)
    return "\n".join([typeset(line) if line else "" for line in text.split("\n")])


@cache  # one per set of rules: a region's
def _line_cache(before_colon: str, before_high: str, inside: str) -> Callable[[str], str]:
    """:func:`_typeset` for one set of rules, line by line, cached: a letter's set
    phrases (« Je vous prie d’agréer, Madame, mes salutations distinguées. ») come back
    in every letter of a batch."""
    rules = Typography(before_colon, before_high, inside)
    return lru_cache(maxsize=4096)(partial(_typeset_line, rules=rules))


_PROSE_SIGNS = re.compile(r"['\"«»;!?:]")
"""A character some rule of prose starts from (one set, for the engine to skip to);
the rules' other signs are « ... », two spaces and « - » between spaces."""
_SIGNS = re.compile(r"['\"«»;!?:0-9]")
"""The same, or a digit."""


def _quiet(text: str) -> bool:
    """Whether no rule of typography applies to ``text``: it has none of their signs,
    and its digits (« le lundi 16 novembre ») make no amount, no time and no phone
    number (which typography sets aside, and what is left may then read as a time)."""
    if "..." in text or "  " in text or " - " in text:
        return False
    sign = _SIGNS.search(text)  # one search for most lines, which hold no sign at all
    if sign is None:
        return True
    if sign.group() not in _DIGITS:
        return False
    digit = sign.start()  # the first digit, with no sign of prose before it
    if (
        _PROSE_SIGNS.search(text, digit) is not None
        or _MAYBE_UNIT.search(text, digit) is not None
        or _HOURS.search(text, digit) is not None
    ):
        return False
    # A phone number is set aside, and what is left may then read as a time; but a
    # line that is one phone number alone (a signature's) has nothing left.
    phone = _PHONE_SPAN.search(text, _phone_start(text, digit))
    return phone is None or (phone.start() == 0 and phone.end() == len(text))


def _typeset_line(text: str, rules: Typography) -> str:
    """:func:`_typeset` for a line not in the cache. Most lines that name a person, a
    company or a position hold none of the rules' signs (« Bonjour Dominique
    Bélanger, »): a few scans tell, where typesetting would look for every rule."""
    return text if _quiet(text) else _typeset(text, rules)


def _typeset(text: str, rules: Typography) -> str:
    """:func:`typography` for one line, or for a whole text: no rule reaches across a
    line break."""
    kept: list[str] = []

    def keep(match: re.Match[str]) -> str:
        kept.append(match.group())
        return f"\x00{len(kept) - 1}\x00"

    url, email = "http" in text or "www." in text, "@" in text
    if url or email:  # addresses first: a URL may hold « 20% » that is no amount
        text = _ADDRESSES[url, email].sub(keep, text)
    # Amounts, phone numbers and times all hold a digit: their patterns run from the
    # first one on (a note's only digits are often its signature's phone number).
    digit = start = _first_digit(text)
    if digit >= 0:
        if _MAYBE_UNIT.search(text, digit):
            text = units(text, digit)
        start = _phone_start(text, digit)
        text = text[:start] + _PROTECTED[False, False].sub(keep, text[start:])
    # Nothing before ``start`` has changed, nor holds a digit: times are found after it.
    text = _prose(text, rules, start)
    return _PLACEHOLDER.sub(lambda m: kept[int(m.group(1))], text) if kept else text


_DIGITS = "0123456789"
_PHONE_LEAD = frozenset(" \u00a0().-")


_DIGIT = re.compile("[0-9]")


def _first_digit(text: str) -> int:
    """The index of the first digit (0-9) in ``text``, or -1: one search for a set,
    which stops at the first digit, where ten finds each read the whole text."""
    found = _DIGIT.search(text)
    return -1 if found is None else found.start()


def _phone_start(text: str, digit: int) -> int:
    """Where a phone number may start, given the first digit: a phone number starts with
    « + », « ( » or a digit, and holds only spaces, parentheses, dots and hyphens
    before its first digit."""
    start = digit
    while start and text[start - 1] in _PHONE_LEAD:
        start -= 1
    return start - 1 if start and text[start - 1] == "+" else start


def _unit(match: re.Match[str]) -> str:
    number, decimals, symbol, word = match.groups()
    digits = re.sub("[ \u00a0\u202f]", "", number)
    if symbol and len(digits) > 4 and digits == number:
        number = f"{int(digits):,}".replace(",", "\u00a0")
    else:
        number = re.sub("[ \u00a0\u202f]", "\u00a0", number)
    return f"{number}{decimals}\u00a0{symbol or word}"


def units(text: str, start: int = 0) -> str:
    """No-break spaces between a number and its unit, and inside the number (from
    ``start`` on: what comes before it holds no digit).

    >>> units("5 ans, 20%, 3M$ et 10000$")
    '5\\xa0ans, 20\\xa0%, 3\\xa0M$ et 10\\xa0000\\xa0$'
    """
    # As _NUMBER_UNIT.sub with a look-behind first would, but that look-behind would
    # be tried at every position: here the engine skips to digits, and what comes
    # before a number is checked only for the numbers found.
    out: list[str] = []
    done, position = 0, start
    while (match := _NUMBER_UNIT.search(text, position)) is not None:
        start = match.start()
        if start and _NOT_BEFORE_NUMBER.match(text, start - 1):
            position = start + 1
            continue
        out += (text[done:start], _unit(match))
        done = position = match.end()
    return "".join(out) + text[done:] if out else text


def _space_before(text: str, marks: re.Pattern[str], space: str, after_marks: str) -> str:
    """Put exactly ``space`` between a word and each punctuation mark ``marks`` finds.

    A mark at the start of a line, or right after a mark of ``after_marks``
    (« ?! »), keeps what it has. Written as a loop over the marks rather than one
    pattern with a look-behind, which the engine would try at every position.
    """
    out: list[str] = []
    position = 0
    for match in marks.finditer(text):
        chunk = text[position : match.start()]
        word = chunk.rstrip(_SPACE_CHARS)
        end = position + len(word)
        previous = text[end - 1] if end else ""
        if previous and not previous.isspace() and previous not in after_marks:
            out.append(word + space)
        else:
            out.append(chunk)
        out.append(match.group())
        position = match.end()
    out.append(text[position:])
    return "".join(out)


def _hours(text: str, start: int) -> str:
    """Times written « 16 h 30 », with no-break spaces, from ``start`` on (no digit
    comes before it).

    As a pattern with a look-behind (no digit before the hour) and the hours 0 to
    23 as alternatives would, but that pattern would be tried at every position.
    """
    out: list[str] = []
    done, position = 0, start
    while (match := _HOURS.search(text, position)) is not None:
        hours, minutes = match.groups()
        begin = match.start()
        if (begin and text[begin - 1] in _DIGITS) or int(hours) > 23:
            position = begin + 1
            continue
        out += (text[done:begin], f"{int(hours)}\u00a0h")
        out += (f"\u00a0{minutes}",) if minutes else ()
        done = position = match.end()
    return "".join(out) + text[done:] if out else text


def _prose(text: str, rules: Typography, digits_from: int = 0) -> str:
    """The rules of prose; times are looked for from ``digits_from`` (-1: the text
    holds no digit)."""
    # Each rule runs only when its sign is there: most notes have no guillemet, no
    # semicolon, no double space, and a regular expression is costly to run for nothing.
    if "'" in text:
        text = text.replace("'", "’")
    if "..." in text:
        text = text.replace("...", "…")
        digits_from = min(digits_from, 0)  # the text moved: times from its start
    if '"' in text:
        text = _STRAIGHT_QUOTES.sub(r"«\1»", text)
    if "  " in text:
        text = _MULTIPLE_SPACES.sub(" ", text)
        digits_from = min(digits_from, 0)
    if " - " in text:
        text = _DASH.sub(" – ", text)
    if digits_from >= 0 and _MAYBE_HOURS.search(text, digits_from):
        text = _hours(text, digits_from)
    # Guillemets first: the space they bring may be the one a colon waits for.
    if "«" in text:
        text = _OPEN_GUILLEMET.sub("«" + rules.inside_guillemets, text)
    if "»" in text:
        text = _CLOSE_GUILLEMET.sub(rules.inside_guillemets + "»", text)
    if ";" in text or "!" in text or "?" in text:
        text = _space_before(text, _HIGH, rules.before_high_punctuation, ";!?:")
    if ":" in text:
        text = _space_before(text, _COLON, rules.before_colon, ";!?:")
    return text
