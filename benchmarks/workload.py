"""The interviews the scale benchmarks and the profile draft: the built-in example,
varied so that every interview is new to every cache: names, addresses, phone numbers,
days, regions, companies, positions, strengths, topics and afterthoughts.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from relance._samples import example_rejection, example_text

LOCALES = ("fr_CA", "fr_FR", "fr_BE", "fr_CH")
TONES = ("formal", "cordial")
FIRST = date(2026, 11, 2)
_EXAMPLE = json.dumps(tomllib.loads(example_text()), default=str)
_REJECTION = example_rejection()


# Names, companies and positions vary too, so that no text relance writes for one
# interview is the text of another: a cache of finished lines or names would else
# answer from the interviews before. Double family names give thousands of people.
_FIRST = ("Camille", "Léa", "Maxime", "Noémie", "Olivier", "Sophie", "Thomas", "Zoé", "Émilie")
_FAMILY = (
    "Roy", "Gagnon", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "Gagné",
    "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc", "Paquette",
    "Girard", "Simard", "Boucher", "Caron", "Beaulieu", "Cloutier", "Dubé", "Poirier",
    "Fournier", "Lapointe", "Leclerc", "Lefebvre", "Poulin", "Thibault", "Nadeau",
    "Martin", "Landry", "Martel", "Bédard", "Grenier", "Lessard", "Bernier", "Richard",
    "Michaud", "Hébert", "Couture", "Turcotte", "Lachance", "Parent", "Blais",
)  # fmt: skip
_INTERVIEWER = ("Marie", "Nathalie", "Isabelle", "Julie", "Chantal", "Geneviève", "Annie")
_COLLEAGUE = ("Dominique", "Alex", "Claude", "Sacha", "Frédéric", "Maxime", "Jean")
_COMPANIES = (
    "Ubisoft", "Desjardins", "Hydro-Québec", "CGI", "Coveo", "Lightspeed", "Vidéotron",
    "Bombardier", "Le Devoir", "Banque Nationale", "Air Transat", "Cirque du Soleil",
)  # fmt: skip
_POSITIONS = (
    "analyste de données", "développeuse Web", "chargée de projet", "conseillère RH",
    "technicienne comptable", "gestionnaire de produit",
    "ingénieure logicielle", "coordonnatrice des communications", "analyste financière",
)  # fmt: skip


# What a candidate brings and what they talked about vary too: each candidate has their
# own strengths, topic, afterthought, city and phone number.
_STRENGTHS = (
    "cinq ans d'expérience en analyse de données", "une solide maîtrise de SQL et de Python",
    "l'habitude de vulgariser des résultats complexes", "trois ans en gestion de projets Agile",
    "une excellente connaissance de la paie", "la gestion d'une équipe de six personnes",
    "un baccalauréat en communication", "une expérience en service à la clientèle",
    "la maîtrise d'Excel et de Power BI", "un sens aigu de l'organisation",
    "deux ans de développement React", "le bilinguisme français-anglais",
    "une certification CPA", "l'animation d'ateliers de formation",
)  # fmt: skip
_TOPICS = (
    "la migration des données vers le nuage", "le lancement du nouveau portail client",
    "la refonte du processus d'accueil", "les outils de suivi budgétaire",
    "la stratégie sur les réseaux sociaux", "l'automatisation des rapports mensuels",
    "la formation des nouveaux employés", "la sécurité des applications mobiles",
)  # fmt: skip
_AFTERTHOUGHTS = (
    (
        "J'ai aussi dirigé la refonte du tableau de bord des ventes, utilisé chaque semaine "
        "par quarante gestionnaires."
    ),
    "Je suis disponible dès le mois prochain.",
    "J'ai donné une conférence sur l'analyse prédictive l'an dernier.",
    "Je parle couramment l'espagnol.",
    "J'ai coordonné le déménagement de nos bureaux sans interruption de service.",
    "Mon portfolio en ligne présente mes projets récents.",
)
_CITIES = ("Montréal", "Québec", "Laval", "Gatineau", "Sherbrooke", "Lyon", "Liège", "Lausanne")


def _family(index: int, salt: int) -> str:
    one = _FAMILY[(index + salt) % len(_FAMILY)]
    two = _FAMILY[(index // len(_FAMILY) + 7 * salt) % len(_FAMILY)]
    return one if one == two else f"{one}-{two}"


def interview_dict(index: int) -> dict[str, Any]:
    """The example interview, number ``index``: new names, company, position and
    addresses, its own day and region."""
    data: dict[str, Any] = json.loads(_EXAMPLE)
    data["locale"] = LOCALES[index % len(LOCALES)]
    data["tone"] = TONES[(index // len(LOCALES)) % len(TONES)]
    data["held_at"] = (FIRST + timedelta(days=index % 40)).isoformat()
    data["company"] = _COMPANIES[index % len(_COMPANIES)]
    data["position"] = _POSITIONS[index % len(_POSITIONS)]
    candidate = data["candidate"]
    candidate["name"] = f"{_FIRST[index % len(_FIRST)]} {_family(index, 0)}"
    candidate["email"] = f"candidat{index}@example.com"
    candidate["phone"] = f"{514 + index % 300} 555-{index % 10_000:04d}"
    candidate["city"] = _CITIES[index % len(_CITIES)]
    step = (1, 3, 5, 9, 11, 13)[index // len(_STRENGTHS) % 6]  # prime to 14: three apart
    data["strengths"] = [_STRENGTHS[(index + k * step) % len(_STRENGTHS)] for k in range(3)]
    data["forgot_to_mention"] = _AFTERTHOUGHTS[index % len(_AFTERTHOUGHTS)]
    first, second = data["interviewers"]
    first["name"] = f"{_INTERVIEWER[index % len(_INTERVIEWER)]} {_family(index, 1)}"
    second["name"] = f"{_COLLEAGUE[index % len(_COLLEAGUE)]} {_family(index, 2)}"
    first["topic"] = _TOPICS[index % len(_TOPICS)]
    data["hiring_contact"]["name"] = first["name"]
    for number, person in enumerate((first, second)):
        person["email"] = f"personne{number}.{index}@example.com"
    data["hiring_contact"]["email"] = first["email"]
    return data


def interview_dicts(count: int) -> Iterator[dict[str, Any]]:
    return (interview_dict(index) for index in range(count))


def rejection_for(data: dict[str, Any]) -> bytes:
    """The example rejection, from this interview's hiring contact, dated after it."""
    raw = _REJECTION
    hiring = data["hiring_contact"]
    day = date.fromisoformat(data["held_at"][:10]) + timedelta(days=9)
    raw = raw.replace(b"marie.tremblay@example.com", hiring["email"].encode())
    raw = raw.replace(b"=?utf-8?q?Marie_Tremblay?=", _encoded(hiring["name"]).encode())
    mailbox = f"Recrutement {data['company']}"
    mailbox = mailbox if mailbox.isascii() else _encoded(mailbox)
    local = hiring["email"].partition("@")[0]
    raw = raw.replace(
        b"Recrutement Ubisoft <recrutement@example.com>",
        f"{mailbox} <recrutement.{local}@example.com>".encode(),
    )
    return raw.replace(b"Thu, 10 Dec 2026", day.strftime("%a, %d %b %Y").encode())


def _encoded(name: str) -> str:
    """A name as a mail client writes it in a header: an RFC 2047 encoded word."""
    return (
        "=?utf-8?q?"
        + "".join(
            "_"
            if c == " "
            else c
            if c.isascii() and c.isalnum()
            else "".join(f"={b:02X}" for b in c.encode())
            for c in name
        )
        + "?="
    )


def json_line(index: int, *, rejection: bool = True) -> str:
    data = interview_dict(index)
    if rejection:
        data["rejection_eml"] = rejection_for(data).decode("utf-8")
    return json.dumps(data, ensure_ascii=False)
