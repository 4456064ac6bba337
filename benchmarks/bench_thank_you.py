"""How fast relance drafts a thank-you note and imports, next to the libraries it stands on.

Run it from the repository root, in the environment where relance is installed::

    python benchmarks/bench_thank_you.py            # print the table, exit 0
    python benchmarks/bench_thank_you.py --check    # exit 1 if a target is missed

What is measured, and why
-------------------------

relance is a thin layer of French wording over Jinja2, Babel and email-validator, so
its cost is judged against theirs, measured in the same run on the same machine, and
not against absolute numbers that depend on the machine:

1. Draft speed. The time per note of ``relance.thank_you_notes(interview)`` for an
   interview with three interviewers and every optional field set (divided by 3),
   against the raw parts any implementation of such a note needs: one render of a
   note-sized Jinja2 template (about 150 words of French, ten substitutions, two
   ``{% if %}``, compiled once, plain ``Environment``), one
   ``babel.dates.format_date(..., format="full", locale="fr_CA")`` and one
   ``email_validator.validate_email(..., check_deliverability=False)`` on an address
   never seen before (so no cache answers it). Target: relance ≤ 3 x the raw parts.
   A row for information only adds the building of the ``Interview`` (whose email
   addresses relance validates) to the notes, with fresh addresses every call.

2. Import speed. The wall time of ``python -c "import relance"`` against
   ``python -c "import jinja2, babel.dates, email_validator"``, each in a fresh
   subprocess, minus the start-up of ``python -c "pass"``. Target: relance ≤ 1.3 x
   its dependencies. The subprocesses share a private bytecode cache
   (``PYTHONPYCACHEPREFIX``, filled by warm-up runs), so both sides load compiled
   bytecode as an installed wheel would; a second row, for information only, runs
   with ``PYTHONDONTWRITEBYTECODE=1``, where an editable install of relance is
   compiled from source at every import while the dependencies keep the bytecode
   pip wrote.

Shared machines are noisy: every figure is the median of several rounds, the two
sides of each comparison are measured in alternation (round-robin, the order rotating
every round) so that drift affects both alike, and a spread column gives the
interquartile range as a share of the median.
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from importlib.metadata import version

import babel.dates
import email_validator
import jinja2

import relance
from relance import Candidate, Contact, Interview

DRAFT_TARGET = 3.0
IMPORT_TARGET = 1.3
NOTES_PER_INTERVIEW = 3
ROUND_SECONDS = 0.04
"""Each timed round of the draft figures lasts about this long."""

# A note-sized template for the raw Jinja2 baseline: about 150 words of French,
# ten substitutions, two {% if %}. It mirrors relance's note without its filters.
RAW_TEMPLATE = """\
Bonjour {{ civility }} {{ family_name }},

Je vous remercie du temps que vous m’avez accordé lors de notre entrevue {{ when }} \
pour le poste {{ position }}. J’ai particulièrement apprécié notre échange sur {{ topic }}, \
qui m’a permis de mieux comprendre les défis qui attendent la personne retenue.

{% if strengths %}Je suis convaincue de pouvoir contribuer rapidement à vos projets : \
j’apporterais à votre équipe {{ strengths }}.

{% endif %}{% if forgot_to_mention %}Par ailleurs, j’aimerais ajouter un point que je \
n’ai pas eu l’occasion de mentionner pendant l’entrevue. {{ forgot_to_mention }}

{% endif %}Je demeure très intéressée par ce poste et enthousiaste à l’idée de me joindre \
à l’équipe {{ company }}.

Je vous prie d’agréer, {{ civility }}, mes salutations distinguées.

{{ candidate_name }}
{{ phone }}
"""

RAW_CONTEXT: Mapping[str, str] = {
    "civility": "Madame",
    "family_name": "Tremblay",
    "when": "d’hier",
    "position": "d’analyste de données",
    "topic": "la migration de l’entrepôt de données vers l’infonuagique",
    "strengths": (
        "une solide expérience en analyse de données, une bonne maîtrise de Python "
        "et de SQL et le sens du travail en équipe"
    ),
    "forgot_to_mention": (
        "L’an dernier, j’ai dirigé la migration des tableaux de bord de mon équipe "
        "vers BigQuery, en respectant l’échéancier fixé."
    ),
    "company": "d’Ubisoft",
    "candidate_name": "Camille Roy",
    "phone": "514 555-0199",
}

INTERVIEW_DAY = datetime(2026, 12, 1, 14, 30, tzinfo=timezone(timedelta(hours=-5)))


# ---------------------------------------------------------------------------
# Statistics and the table
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """One measured quantity: its samples (seconds per call) and how to show it."""

    label: str
    samples: Sequence[float]
    unit: str  # "us" or "ms"
    scale: float = 1.0  # applied to every sample first (per note: 1/3)

    @property
    def median(self) -> float:
        return statistics.median(self.samples) * self.scale

    @property
    def spread(self) -> float:
        """The interquartile range as a share of the median."""
        if len(self.samples) < 4:
            return 0.0
        q1, _, q3 = statistics.quantiles(self.samples, n=4)
        return (q3 - q1) * self.scale / self.median

    def shown(self) -> str:
        factor = 1e6 if self.unit == "us" else 1e3
        return f"{self.median * factor:9.1f} {'µs' if self.unit == 'us' else 'ms'}"


@dataclass(frozen=True)
class Verdict:
    label: str
    ratio: float
    target: float | None  # None: for information only

    @property
    def passed(self) -> bool:
        return self.target is None or self.ratio <= self.target

    def shown(self) -> tuple[str, str]:
        if self.target is None:
            return "(information)", ""
        return f"≤ {self.target:g}", "PASS" if self.passed else "FAIL"


def print_section(title: str, figures: Sequence[Figure], verdicts: Sequence[Verdict]) -> None:
    width = max(len(label) for label in [f.label for f in figures] + [v.label for v in verdicts])
    print(f"\n{title}")
    print(f"  {'figure':<{width}} {'median':>12} {'spread':>6}   {'target':<13} result")
    for figure in figures:
        print(f"  {figure.label:<{width}} {figure.shown():>12} {figure.spread:>6.0%}")
    for verdict in verdicts:
        target, result = verdict.shown()
        ratio = f"{verdict.ratio:.2f} x"
        print(f"  {verdict.label:<{width}} {ratio:>12} {'':>6}   {target:<13} {result}".rstrip())


# ---------------------------------------------------------------------------
# Draft speed
# ---------------------------------------------------------------------------


def sample_interview(addresses: Iterator[int] | None = None) -> Interview:
    """A realistic interview: three interviewers, every optional field set.

    With ``addresses``, every email address is new (numbered from it), so that
    building the interview validates them instead of finding them in a cache.
    """

    def email(local: str, domain: str) -> str:
        return f"{local}{next(addresses)}@{domain}" if addresses else f"{local}@{domain}"

    return Interview(
        candidate=Candidate(
            "Camille Roy",
            email("camille.roy", "courriel.example.com"),
            phone="514 555-0199",
            gender="f",
            city="Montréal",
        ),
        company="Ubisoft",
        position="analyste de données",
        held_at=INTERVIEW_DAY,
        interviewers=[
            Contact(
                "Marie Tremblay",
                "Madame",
                email("marie.tremblay", "ubisoft.example.com"),
                role="directrice des ressources humaines",
                phone="514 555-0100, poste 234",
                topic="la culture d’équipe et l’accueil des nouveaux employés",
            ),
            Contact(
                "Jean-Paul Le Gardeur",
                "Monsieur",
                email("jean-paul.legardeur", "ubisoft.example.com"),
                role="chef de l’équipe de données",
                phone="514 555-0101",
                topic="la migration de l’entrepôt de données vers l’infonuagique",
            ),
            Contact(
                "Dominique Bélanger",
                None,
                email("dominique.belanger", "ubisoft.example.com"),
                role="analyste principale",
                phone="514 555-0102",
                topic="les tableaux de bord de suivi des joueurs",
            ),
        ],
        hiring_contact=Contact(
            "Marie Tremblay",
            "Madame",
            email("marie.tremblay", "ubisoft.example.com"),
            role="directrice des ressources humaines",
        ),
        strengths=[
            "une solide expérience en analyse de données",
            "une bonne maîtrise de Python et SQL",
            "le sens du travail en équipe",
        ],
        forgot_to_mention=(
            "L’an dernier, j’ai dirigé la migration des tableaux de bord de mon équipe "
            "vers BigQuery, en respectant l’échéancier fixé par la direction."
        ),
        locale="fr_CA",
    )


def draft_callables() -> dict[str, Callable[[], object]]:
    """The calls to time, by name; each is run once here, so the rounds time warm code."""
    interview = sample_interview()
    fresh = itertools.count()
    template = jinja2.Environment().from_string(RAW_TEMPLATE)  # noqa: S701 - plain text
    context = dict(RAW_CONTEXT)
    day = INTERVIEW_DAY.date()

    def notes() -> object:
        return relance.thank_you_notes(interview)

    def notes_with_interview() -> object:
        return relance.thank_you_notes(sample_interview(fresh))

    def jinja_render() -> object:
        return template.render(context)

    def babel_date() -> object:
        return babel.dates.format_date(day, format="full", locale="fr_CA")

    def validate() -> object:
        # A new address every call: nothing can answer it from a cache.
        return email_validator.validate_email(
            f"prenom.nom{next(fresh)}@exemple.ca", check_deliverability=False
        )

    def raw_parts() -> object:
        return (jinja_render(), babel_date(), validate())

    calls: dict[str, Callable[[], object]] = {
        "notes": notes,
        "raw": raw_parts,
        "jinja": jinja_render,
        "babel": babel_date,
        "email": validate,
        "notes+interview": notes_with_interview,
    }
    if len(relance.thank_you_notes(interview)) != NOTES_PER_INTERVIEW:
        raise RuntimeError("the sample interview should give one note per interviewer")
    if not 130 <= len(template.render(context).split()) <= 170:
        raise RuntimeError("the raw template should render about 150 words")
    for call in calls.values():
        call()
    return calls


def calibrate(call: Callable[[], object], seconds: float) -> int:
    """How many calls make a round of about ``seconds``."""
    timer = timeit.Timer(call)
    number = 1
    while True:
        elapsed = timer.timeit(number)
        if elapsed >= seconds / 4:
            return max(1, round(number * seconds / elapsed))
        number *= 4


def interleaved(
    calls: Mapping[str, Callable[[], object]], numbers: Mapping[str, int], rounds: int
) -> dict[str, list[float]]:
    """Seconds per call, one sample per round, the calls taking turns in a rotating order."""
    timers = {name: timeit.Timer(call) for name, call in calls.items()}
    names = list(calls)
    samples: dict[str, list[float]] = {name: [] for name in names}
    for index in range(rounds):
        shift = index % len(names)
        for name in names[shift:] + names[:shift]:
            samples[name].append(timers[name].timeit(numbers[name]) / numbers[name])
    return samples


def measure_drafts(rounds: int) -> tuple[list[Figure], list[Verdict]]:
    calls = draft_callables()
    numbers = {name: calibrate(call, ROUND_SECONDS) for name, call in calls.items()}
    s = interleaved(calls, numbers, rounds)
    per_note = 1 / NOTES_PER_INTERVIEW
    notes = Figure("relance.thank_you_notes(interview), per note", s["notes"], "us", per_note)
    raw = Figure("raw parts: Jinja2 render + Babel date + email-validator", s["raw"], "us")
    built = Figure(
        "relance, building the Interview too (fresh addresses), per note",
        s["notes+interview"],
        "us",
        per_note,
    )
    figures = [
        notes,
        raw,
        Figure("  Jinja2: render a compiled ~150-word template", s["jinja"], "us"),
        Figure("  Babel: format_date(full, fr_CA)", s["babel"], "us"),
        Figure("  email-validator: validate_email(new address)", s["email"], "us"),
        built,
    ]
    verdicts = [
        Verdict("ratio: per note / raw parts", notes.median / raw.median, DRAFT_TARGET),
        Verdict("ratio: per note with the Interview / raw parts", built.median / raw.median, None),
    ]
    return figures, verdicts


# ---------------------------------------------------------------------------
# Import speed
# ---------------------------------------------------------------------------

IMPORTS = {
    "start-up": "pass",
    "relance": "import relance",
    "dependencies": "import jinja2, babel.dates, email_validator",
}


def time_imports(env: Mapping[str, str], cwd: str, rounds: int) -> dict[str, list[float]]:
    """Wall seconds of each ``python -c`` in a fresh subprocess, interleaved."""
    names = list(IMPORTS)

    def run(name: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", IMPORTS[name]], env=env, cwd=cwd, check=True)
        return time.perf_counter() - start

    for name in names * 2:  # warm-up: fills the bytecode cache and the OS file cache
        run(name)
    samples: dict[str, list[float]] = {name: [] for name in names}
    for index in range(rounds):
        shift = index % len(names)
        for name in names[shift:] + names[:shift]:
            samples[name].append(run(name))
    return samples


def import_verdict(label: str, samples: Mapping[str, list[float]], target: float | None) -> Verdict:
    start_up = statistics.median(samples["start-up"])
    own = statistics.median(samples["relance"]) - start_up
    deps = statistics.median(samples["dependencies"]) - start_up
    return Verdict(label, own / deps, target)


def import_figures(samples: Mapping[str, list[float]], *, plain: bool = False) -> list[Figure]:
    if plain:
        labels = ("pass", "import relance", "import the dependencies")
        return [
            Figure(f"  {label}, no bytecode written", samples[name], "ms")
            for name, label in zip(IMPORTS, labels, strict=True)
        ]
    return [Figure(f'python -c "{code}"', samples[name], "ms") for name, code in IMPORTS.items()]


def measure_imports(rounds: int, uncached: bool) -> tuple[list[Figure], list[Verdict]]:
    workdir = tempfile.mkdtemp(prefix="relance-bench-")
    try:
        # A private bytecode cache: every module, relance's included, loads compiled.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = os.path.join(workdir, "pycache")
        cached = time_imports(env, workdir, rounds)
        figures = import_figures(cached)
        verdicts = [
            import_verdict("ratio: (relance - start-up) / (deps - start-up)", cached, IMPORT_TARGET)
        ]
        if uncached:
            # No bytecode written: sources without a __pycache__ (an editable install of
            # relance, here) are compiled at every import.
            env = {k: v for k, v in os.environ.items() if k != "PYTHONPYCACHEPREFIX"}
            env["PYTHONDONTWRITEBYTECODE"] = "1"
            plain = time_imports(env, workdir, rounds)
            figures += import_figures(plain, plain=True)
            verdicts.append(import_verdict("ratio, no bytecode written", plain, None))
        return figures, verdicts
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


# ---------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument(
        "--rounds", type=int, default=15, help="rounds of the draft figures (default 15)"
    )
    parser.add_argument(
        "--import-rounds", type=int, default=20, help="subprocess rounds per command (default 20)"
    )
    parser.add_argument(
        "--no-uncached",
        action="store_true",
        help="skip the import figures without bytecode writing (a third of the run)",
    )
    args = parser.parse_args(argv)

    started = time.perf_counter()
    versions = ", ".join(
        f"{name} {version(name)}" for name in ("relance", "Jinja2", "Babel", "email-validator")
    )
    print(f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs")
    print(versions)

    draft_figures, draft_verdicts = measure_drafts(args.rounds)
    print_section(
        f"Draft speed (median of {args.rounds} interleaved rounds)", draft_figures, draft_verdicts
    )
    import_figures, import_verdicts = measure_imports(args.import_rounds, not args.no_uncached)
    print_section(
        f"Import speed (wall time of a fresh process, median of {args.import_rounds} rounds)",
        import_figures,
        import_verdicts,
    )

    missed = [v.label for v in draft_verdicts + import_verdicts if not v.passed]
    print(f"\n{len(missed)} target(s) missed; run took {time.perf_counter() - started:.0f} s.")
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
