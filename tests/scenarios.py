"""The interviews the golden files and the French checks are rendered from.

Together they cover: a vowel-initial company, an aspirated-h company, a mute-h
company, companies whose names start with Le, La, Les and L’, a vowel-initial
position, an interview on the first of a month drafted late enough for the full
date (« 1er »), a Friday interview, holidays on the next day, each gender
setting, one to three interviewers, an interviewer without civility, no optional
field at all, and every optional field.

Then interviews typed as job seekers type them: capitals and final periods on list
items, a lead-in before what was forgotten, numbers with units typed without their
space, institutions named without their article (and the article forced either
way), an international phone number, an HR follow-up recipient who was not at the
interview, a thank-you delayed by a holiday, three co-interviewers; and rejections
sent from a recruiting mailbox and from a hiring platform's no-reply address.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone

from relance import Candidate, Contact, Draft, Interview, Plan, Script
from relance._catalogue import Kind, every_message
from relance._check import proper_nouns
from relance._samples import HOMES

MONTREAL = timezone(timedelta(hours=-5))


@dataclass(frozen=True)
class Scenario:
    name: str
    interview: Interview
    send_on: date | None = None
    expected_send_on: date | None = None
    expected_follow_up: date | None = None
    rejection: bytes | None = None
    """The employer's rejection (an .eml), for a scenario about who the reply is for."""

    @property
    def proper_nouns(self) -> frozenset[str]:
        return proper_nouns(self.interview)


CAMILLE = Candidate(
    "Camille Roy", "camille.roy@example.com", phone="514 555-0199", gender="f", city="Montréal"
)
ALEXIS = Candidate("Alexis Gagnon", "alexis.gagnon@example.org", phone="438 555-0142", gender="m")
SACHA = Candidate("Sacha Morin", "sacha.morin@example.net")

SCENARIOS = (
    Scenario(
        "every-field",
        Interview(
            candidate=CAMILLE,
            company="Ubisoft",
            position="analyste de données",
            held_at=datetime(2026, 12, 1, 14, 30, tzinfo=MONTREAL),
            interviewers=[
                Contact(
                    "Marie Tremblay",
                    "Madame",
                    "marie.tremblay@ubisoft.example",
                    role="directrice des ressources humaines",
                    topic="la migration de nos données vers le nuage",
                ),
                Contact(
                    "Dominique Bélanger",
                    email="dominique.belanger@ubisoft.example",
                    role="chef d'équipe",
                    topic="les tableaux de bord de l'équipe de production",
                ),
                Contact("Jean-Paul Le Gardeur", "Monsieur", "jp.legardeur@ubisoft.example"),
            ],
            hiring_contact=Contact(
                "Marie Tremblay", "Madame", "marie.tremblay@ubisoft.example", phone="514 555-0100"
            ),
            strengths=[
                "cinq ans d'expérience en analyse de données",
                "une solide maîtrise de SQL et de Python",
                "l'habitude de vulgariser des résultats complexes",
            ],
            forgot_to_mention=(
                "J'ai aussi dirigé la refonte du tableau de bord des ventes, "
                "utilisé chaque semaine par quarante gestionnaires"
            ),
        ),
        expected_send_on=date(2026, 12, 2),
    ),
    Scenario(
        "aspirated-h-company",
        Interview(
            candidate=ALEXIS,
            company="Hachette Canada",
            position="développeur Python",
            held_at=date(2026, 9, 8),
            interviewers=[
                Contact("Sophie Lavoie", "Madame", "s.lavoie@hachette.example"),
                Contact(
                    "Marc Ouellet",
                    "Monsieur",
                    "m.ouellet@hachette.example",
                    topic="le catalogue numérique",
                ),
            ],
            strengths=["dix ans de développement Web", "le goût du travail bien fait"],
        ),
        expected_send_on=date(2026, 9, 9),
    ),
    Scenario(
        "mute-h-company",
        Interview(
            candidate=CAMILLE,
            company="Hydro-Québec",
            position="ingénieure en fiabilité",
            held_at=date(2026, 10, 14),
            interviewers=[
                Contact(
                    "Nathalie Côté",
                    "Madame",
                    "nathalie.cote@hydro.example",
                    topic="l'entretien préventif des postes",
                )
            ],
            strengths=["un diplôme en génie électrique"],
        ),
        expected_send_on=date(2026, 10, 15),
    ),
    Scenario(
        "company-le",
        Interview(
            candidate=SACHA,
            company="Le Devoir",
            position="journaliste aux affaires municipales",
            held_at=date(2026, 11, 17),
            interviewers=[
                Contact("Luc Bergeron", "Monsieur", "lbergeron@ledevoir.example"),
                Contact("Julie Fortin", "Madame", "jfortin@ledevoir.example"),
            ],
        ),
        expected_send_on=date(2026, 11, 18),
    ),
    Scenario(
        "company-la",
        Interview(
            candidate=ALEXIS,
            company="La Presse",
            position="éditeur Web",
            held_at=date(2026, 11, 14),  # a Saturday
            interviewers=[Contact("Karine Dubé", "Madame", "k.dube@lapresse.example")],
            forgot_to_mention="Je suis disponible dès le début du mois de janvier.",
        ),
        expected_send_on=date(2026, 11, 16),
        expected_follow_up=date(2026, 11, 23),  # a week later is a Saturday
    ),
    Scenario(
        "company-les",
        Interview(
            candidate=SACHA,
            company="Les Affaires",
            position="rédacteur en chef adjoint",
            held_at=date(2026, 12, 18),
            interviewers=[Contact("Pierre Simard", "Monsieur", "p.simard@lesaffaires.example")],
            strengths=["quinze ans de journalisme économique"],
        ),
        expected_send_on=date(2026, 12, 21),
        expected_follow_up=date(2026, 12, 28),  # a week later is Christmas Day
    ),
    Scenario(
        "company-l-apostrophe",
        Interview(
            candidate=CAMILLE,
            company="L'Oréal Canada",
            position="chargée de projets marketing",
            held_at=date(2026, 11, 24),
            interviewers=[
                Contact("Isabelle Girard", "Madame", "isabelle.girard@loreal.example"),
                Contact("Olivier Martin", "Monsieur"),
            ],
        ),
        expected_send_on=date(2026, 11, 25),
    ),
    Scenario(
        "first-of-month-sent-late",
        Interview(
            candidate=ALEXIS,
            company="Desjardins",
            position="conseiller en sécurité financière",
            held_at=datetime(2027, 2, 1, 9, 0),
            interviewers=[Contact("Annie Pelletier", "Madame", "annie.pelletier@example.com")],
        ),
        send_on=date(2027, 2, 10),
        expected_send_on=date(2027, 2, 10),
    ),
    Scenario(
        "friday-interview",
        Interview(
            candidate=SACHA,
            company="le Cirque du Soleil",
            position="coordonnateur de tournée",
            held_at=date(2026, 11, 27),
            interviewers=[
                Contact("Geneviève Paquette", "Madame", "g.paquette@cirque.example"),
                Contact("Éric Boucher", "Monsieur", "e.boucher@cirque.example"),
            ],
            strengths=["l'expérience de trois tournées internationales"],
        ),
        expected_send_on=date(2026, 11, 30),
    ),
    Scenario(
        "holiday-next-day",
        Interview(
            candidate=CAMILLE,
            company="Aéroports de Montréal",
            position="agente des relations avec la communauté",
            held_at=date(2026, 6, 23),
            interviewers=[Contact("Sylvie Caron", "Madame", "s.caron@adm.example")],
        ),
        expected_send_on=date(2026, 6, 25),  # 24 June: Fête nationale du Québec
        expected_follow_up=date(
            2026, 7, 2
        ),  # four business days after the notes: 1 July, Fête du Canada
    ),
    Scenario(
        "good-friday",
        Interview(
            candidate=ALEXIS,
            company="Ivanhoé Cambridge",
            position="analyste immobilier",
            held_at=date(2026, 4, 2),
            interviewers=[Contact("Martin Roy", "Monsieur", "martin.roy@ivanhoe.example")],
        ),
        expected_send_on=date(2026, 4, 6),  # Good Friday, then the weekend
        expected_follow_up=date(
            2026, 4, 10
        ),  # four business days after the notes of Monday 6 April
    ),
    Scenario(
        "no-optional-field",
        Interview(
            candidate=Candidate("Sacha Morin", "sacha.morin@example.net"),
            company="Vidéotron",
            position="technicien réseau",
            held_at=date(2026, 12, 31),
            interviewers=[Contact("Dominique Bélanger")],
        ),
        expected_send_on=date(2027, 1, 4),  # New Year's Day, then the weekend
        expected_follow_up=date(
            2027, 1, 8
        ),  # four business days after the notes of Monday 4 January
    ),
)


LEA = Candidate(
    "Léa Fontaine", "lea.fontaine@example.com", phone="+1 418 555-0123", gender="f", city="Québec"
)

SLOPPY = (
    Scenario(
        "sloppy-typing",
        Interview(
            candidate=LEA,
            company="Université Laval",
            position="Conseillère en gestion de projets",
            held_at=datetime(2026, 10, 6, 10, 0),
            interviewers=[
                Contact(
                    "Hélène Gagnon",
                    "Madame",
                    "helene.gagnon@ulaval.example",
                    topic="La refonte du portail étudiant.",
                ),
                Contact(
                    "François Lévesque",
                    "Monsieur",
                    "francois.levesque@ulaval.example",
                    topic="le budget de 3M$ du projet",
                ),
                Contact("Alex Poirier", email="alex.poirier@ulaval.example"),
            ],
            hiring_contact=Contact(
                "Chantal Roy",
                "Madame",
                "chantal.roy@ulaval.example",
                role="conseillère en ressources humaines",
            ),
            strengths=[
                "Solide expérience en gestion de projet.",
                "Maîtrise de l'anglais et de l'espagnol.",
                "Sens de l'écoute.",
            ],
            forgot_to_mention=(
                "j'ai oublié de mentionner que j'ai dirigé une équipe de 12 personnes pendant 5 ans"
            ),
        ),
        expected_send_on=date(2026, 10, 7),
        expected_follow_up=date(
            2026, 10, 14
        ),  # four business days after the notes: Thanksgiving on the 12th
    ),
    Scenario(
        "holiday-delayed",
        Interview(
            candidate=Candidate("Noah Bouchard", "noah.bouchard@example.org", phone="438 555-0177"),
            company="Banque Nationale",
            position="analyste en crédit commercial",
            held_at=date(2026, 12, 24),
            interviewers=[
                Contact("Sophie Tremblay", "Madame", "sophie.tremblay@bnc.example"),
                Contact(
                    "Sam Ouellet", email="sam.ouellet@bnc.example", topic="les PME exportatrices"
                ),
            ],
            strengths=[
                "10 ans d'expérience en crédit commercial",
                "Un portefeuille de 20M$.",
                "un taux de rétention de 95%",
            ],
            forgot_to_mention="Je voulais ajouter que je suis disponible dès le 1er février",
        ),
        expected_send_on=date(2026, 12, 28),  # Christmas Day, then the weekend
        expected_follow_up=date(2027, 1, 4),  # four business days after the delayed notes
    ),
    Scenario(
        "company-article-false",
        Interview(
            candidate=ALEXIS,
            company="Office Depot",
            company_article=False,  # a store, though « Office » heads institutions' names
            position="Gérant adjoint",
            held_at=date(2026, 9, 15),
            interviewers=[Contact("Kim Nguyen", email="kim.nguyen@officedepot.example")],
            forgot_to_mention="J'ai oublié de dire que j'ai un permis de conduire",
        ),
        expected_send_on=date(2026, 9, 16),
    ),
    Scenario(
        "company-article-true",
        Interview(
            candidate=SACHA,
            company="Orchestre symphonique de Montréal",
            company_article=True,  # no known head: relance is told
            position="responsable des communications",
            held_at=date(2026, 5, 12),
            interviewers=[
                Contact("Isabelle Côté", "Madame", "i.cote@osm.example"),
                Contact("Yves Lambert", "Monsieur", "y.lambert@osm.example"),
            ],
            strengths=["Huit ans en relations de presse", "un réseau solide dans les médias"],
        ),
        expected_send_on=date(2026, 5, 13),
        expected_follow_up=date(
            2026, 5, 20
        ),  # four business days after the notes: Journée nationale des patriotes
    ),
)

SCENARIOS = SCENARIOS + SLOPPY


def _by_name(name: str) -> Scenario:
    return next(s for s in SCENARIOS if s.name == name)


MAIL_SCENARIOS = (
    # A recruiting mailbox, and an interview without a hiring contact: « Madame,
    # Monsieur, » on the email and on the card.
    replace(
        _by_name("aspirated-h-company"),
        name="mailbox-sender",
        rejection=(
            b"From: Recrutement Hachette Canada <recrutement@hachette.example>\r\n"
            b"To: Alexis Gagnon <alexis.gagnon@example.org>\r\n"
            b"Subject: [EXT] RE: =?utf-8?q?Votre_candidature_au_poste_de_d=C3=A9veloppeur?=\r\n"
            b" Python\r\n"
            b"Date: Tue, 22 Sep 2026 10:12:00 -0400\r\n"
            b"Message-ID: <refus.8841@hachette.example>\r\n\r\n"
            b"Bonjour,\r\n\r\nNous avons retenu une autre candidature.\r\n"
        ),
    ),
    # A platform's no-reply address: the reply goes to the hiring contact, in the thread.
    replace(
        _by_name("every-field"),
        name="no-reply-sender",
        rejection=(
            b"From: Ubisoft via Workday <no-reply@myworkday.example>\r\n"
            b"To: camille.roy@example.com\r\n"
            b"Subject: Votre candidature au poste d'analyste de =?UTF-8?Q?donn=C3=A9es?=\r\n"
            b"Date: Tue, 15 Dec 2026 21:05:33 +0000\r\n"
            b"Message-ID: <1866254901.77.1797023133@wd5-prod-notify.example>\r\n"
            b"Content-Type: text/html; charset=UTF-8\r\n\r\n"
            b"<p>Nous avons retenu une autre candidature.</p>\r\n"
        ),
    ),
)
"""Who a reply to a rejection is for, in every region and register."""


LOCALES = ("fr_CA", "fr_FR", "fr_BE", "fr_CH")
TONES = ("formal", "cordial")


# One scenario per gender setting: every optional field (f), an aspirated h (m), and
# no optional field at all (no gender, no phone, no civility).
# The sloppy interview and the holiday-delayed one too, in every region.
REGION_SCENARIOS = tuple(
    s
    for s in SCENARIOS
    if s.name
    in (
        "every-field",
        "aspirated-h-company",
        "no-optional-field",
        "sloppy-typing",
        "holiday-delayed",
    )
)

# The candidate's number in its international form, for candidates who type it so.
INTERNATIONAL = {
    "fr_CA": "+1 514 555-0199",
    "fr_FR": "+33 6 12 34 56 78",
    "fr_BE": "+32 470 12 34 56",
    "fr_CH": "+41 79 123 45 67",
}


def localized(scenario: Scenario, locale: str, tone: str) -> Scenario:
    """The scenario as a candidate of that region would write it, in that register
    (itself, in its own region and register)."""
    iv = scenario.interview
    if (locale, tone) == (iv.locale, iv.tone):
        return scenario
    city, phone = HOMES[locale]
    if iv.candidate.phone and iv.candidate.phone.startswith("+"):
        phone = INTERNATIONAL[locale]
    candidate = replace(
        iv.candidate,
        city=city if iv.candidate.city else None,
        phone=phone if iv.candidate.phone else None,
    )
    interview = replace(iv, candidate=candidate, locale=locale, tone=tone)
    return replace(scenario, interview=interview, expected_send_on=None)


def received(scenario: Scenario) -> date:
    """The day the scenario's rejection arrives: two weeks after the interview."""
    return scenario.interview.held_on + timedelta(days=14)


def every_rendered(scenario: Scenario) -> dict[str, tuple[Kind, Draft | Script | Plan]]:
    """Every message of every kind in the catalogue for one scenario, by the path of its
    golden file: ``<locale>-<tone>/<scenario>/<message>.txt``."""
    iv = scenario.interview
    folder = f"{iv.locale}-{iv.tone}/{scenario.name}"
    send_on = {"thank_you": scenario.send_on} if scenario.send_on else None
    messages = every_message(
        iv, send_on=send_on, rejection=scenario.rejection, received_on=received(scenario)
    )
    return {f"{folder}/{output.name}.txt": (kind, output.text) for kind, output in messages}


ALL_SCENARIOS = tuple(
    dict.fromkeys(
        (
            *SCENARIOS,
            *(
                localized(s, loc, tone)
                for loc in LOCALES
                for tone in TONES
                for s in (*REGION_SCENARIOS, *MAIL_SCENARIOS)
            ),
        )
    )
)
"""Every scenario once: the Quebec ones as written, and the regional ones in each region
and register."""
