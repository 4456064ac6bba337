"""relance at scale: every message of many interviews, .eml bytes, --help, relance batch.

Run it from the repository root, in the environment where relance is installed::

    python benchmarks/bench_scale.py            # print every target with its ratio, exit 0
    python benchmarks/bench_scale.py --check    # exit 1 if a target is missed
    python benchmarks/bench_scale.py --quick    # the CI run: fewer rounds, a shorter stream

Each figure is the median of interleaved rounds (the sides of a comparison take turns,
so a busy machine slows both alike), in one run on one machine; the targets are ratios
(issue 12), so they compare across machines:

1. Every message of one interview (``Interview.from_dict``, the thank-you notes, the
   follow-up, the reply to a rejection read from an .eml, the plan built from the notes
   and follow-up already drafted) against a floor written by hand that does the same
   raw work: as many renders of a precompiled note-sized Jinja2 template and as many
   Babel dates as relance makes, one email-validator call per new address, and one
   compat32 parse of the employer's mail (the counts are taken by cProfile from one
   interview). Target ≤ 2.5; the time of 10,000 interviews is the median x 10,000.
2. ``.eml`` bytes of a draft (``relance._eml.eml_bytes``, read-back check included,
   and the read of its addresses, which a draft relance composed makes when its first
   message is built) against a bare stdlib ``EmailMessage`` (policy SMTP) with the
   same headers and body, flattened. Target ≤ 0.6.
3. ``relance --help`` against ``python -c pass``, fresh processes. Target ≤ 4.
4. ``relance batch`` streaming JSON Lines to JSON Lines: its resident memory, read
   from /proc at five points of the stream. Target: under 200 MB at every point, and
   flat (the last point at most 10 % over the first). 100,000 interviews, or 2,000
   with ``--quick`` (then say so: the CI runs the short stream).
5. ``relance batch`` over 300 interview files (a folder each) against one Python
   process running the same loop over the public functions, each run into a new,
   empty folder. Target ≤ 1.5.
6. ``relance batch --jobs 2`` against ``--jobs 1`` over the same files: the time ratio,
   target ≤ 0.67 (a speed-up of 1.5 or more; it needs two idle cores).
"""

from __future__ import annotations

import argparse
import cProfile
import itertools
import json
import os
import platform
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import babel.dates
import email_validator
import jinja2
from bench_thank_you import (
    RAW_CONTEXT,
    RAW_TEMPLATE,
    Figure,
    Verdict,
    calibrate,
    interleaved,
    print_section,
)
from workload import interview_dict, json_line, rejection_for

from relance import Draft, Interview, follow_up, rejection_reply, thank_you_notes
from relance._eml import eml_bytes
from relance._plan import _plan_from

EVERY_MESSAGE_TARGET = 2.5
EML_TARGET = 0.6
HELP_TARGET = 4.0
RSS_LIMIT = 200 * 1024 * 1024
RSS_GROWTH = 1.10
BATCH_TARGET = 1.5
JOBS_TARGET = 1 / 1.5
FILES = 300
ROUND_SECONDS = 0.3


@dataclass(frozen=True)
class Amount(Figure):
    """A figure in its own unit (seconds, megabytes), not per call."""

    def shown(self) -> str:
        return f"{self.median:9.1f} {self.unit}"


# ---------------------------------------------------------------------------
# 1. Every message of one interview, against the hand-written floor
# ---------------------------------------------------------------------------


def every_message(data: dict[str, Any], rejection: bytes) -> object:
    """What a backend does for one interview: every message, the plan from the drafts."""
    interview = Interview.from_dict(data)
    notes = thank_you_notes(interview)
    later = follow_up(interview)
    reply = rejection_reply(interview, rejection=rejection)
    return notes, later, reply, _plan_from(interview, notes, later)


def raw_work(data: dict[str, Any], rejection: bytes) -> dict[str, int]:
    """What relance calls of Jinja2, Babel and email-validator for one new interview:
    with every cache of relance emptied first, so that a date or an address relance
    keeps still counts as the work a hand-written program would do for it."""
    for module in [m for name, m in sys.modules.items() if name.startswith("relance.")]:
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()
    profile = cProfile.Profile()
    profile.runcall(every_message, data, rejection)
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    counts = {"renders": 0, "dates": 0, "addresses": 0}
    for (path, _, function), (calls, *_) in stats.items():
        # Each render makes one context, however the template is rendered.
        if function == "new_context" and path.endswith(os.path.join("jinja2", "environment.py")):
            counts["renders"] += calls
        elif function in ("long_date", "clock_time") and path.endswith("_french.py"):
            counts["dates"] += calls
        elif function == "validate_email" and path.endswith("validate_email.py"):
            counts["addresses"] += calls
    return counts


POOL = 8192
"""Interviews made before the timing starts, and drafted in turn: more than any cache of
relance holds, so that each is new to it."""


def measure_every_message(rounds: int) -> tuple[list[Figure], list[Verdict]]:
    # The inputs are made before the timing starts: making the interview's data and the
    # employer's mail is the benchmark's work, not relance's.
    made = [(d, rejection_for(d)) for d in map(interview_dict, range(POOL))]
    pool = itertools.cycle(made)
    counts = raw_work(*next(pool))
    template = jinja2.Environment().from_string(RAW_TEMPLATE)  # noqa: S701 - plain text
    context = dict(RAW_CONTEXT)
    day = datetime(2026, 12, 1).date()
    fresh = itertools.count()
    mail = next(pool)[1]

    def relance_side() -> object:
        return every_message(*next(pool))

    def floor() -> object:
        for _ in range(counts["renders"]):
            template.render(context)
        for _ in range(counts["dates"]):
            babel.dates.format_date(day, format="full", locale="fr_CA")
        for _ in range(counts["addresses"]):
            email_validator.validate_email(
                f"prenom.nom{next(fresh)}@exemple.ca", check_deliverability=False
            )
        return message_from_bytes(mail)

    calls = {"relance": relance_side, "floor": floor}
    numbers = {name: calibrate(call, ROUND_SECONDS) for name, call in calls.items()}
    s = interleaved(calls, numbers, rounds)
    own = Figure("every message of one interview (relance)", s["relance"], "ms")
    base = Figure(
        f"floor: {counts['renders']} Jinja2 renders, {counts['dates']} Babel dates, "
        f"{counts['addresses']} email-validator calls, 1 compat32 parse",
        s["floor"],
        "ms",
    )
    ten_thousand = Amount("  10,000 interviews on one core (median x 10,000)", s["relance"], "s",
                          10_000)  # fmt: skip
    return [own, base, ten_thousand], [
        Verdict("ratio: every message / floor", own.median / base.median, EVERY_MESSAGE_TARGET)
    ]


# ---------------------------------------------------------------------------
# 2. .eml bytes, against a bare stdlib EmailMessage
# ---------------------------------------------------------------------------


def measure_eml(rounds: int) -> tuple[list[Figure], list[Verdict]]:
    data = interview_dict(0)
    interview = Interview.from_dict(data)
    reply = rejection_reply(interview, rejection=rejection_for(data))
    drafts: list[Draft] = [*thank_you_notes(interview), follow_up(interview).email, reply.email]
    when = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
    stamp = format_datetime(when)

    def unread(draft: Draft) -> Draft:
        """The draft as relance hands it over: a draft relance composed reads its
        addresses when its message is first built, and that read is part of the figure."""
        draft.__dict__.pop("_addresses", None)
        return draft

    def fast() -> object:
        return [eml_bytes(unread(d), message_id="<bench.1@example.com>", date=when) for d in drafts]

    def stdlib() -> object:
        out = []
        for d in drafts:
            message = EmailMessage(policy=SMTP)
            message["From"] = d.sender
            message["To"] = d.to
            message["Subject"] = d.subject
            message["Date"] = stamp
            message["Message-ID"] = "<bench.1@example.com>"
            if d.in_reply_to:
                message["In-Reply-To"] = d.in_reply_to
            if d.references:
                message["References"] = " ".join(d.references)
            message.set_content(d.body + "\n", charset="utf-8", cte="quoted-printable")
            message["Content-Language"] = "fr-CA"
            out.append(message.as_bytes())
        return out

    def to_eml() -> object:
        return [unread(d).to_eml(message_id="<bench.1@example.com>", date=when) for d in drafts]

    calls = {"fast": fast, "stdlib": stdlib, "to_eml": to_eml}
    numbers = {name: calibrate(call, ROUND_SECONDS / 2) for name, call in calls.items()}
    s = interleaved(calls, numbers, rounds)
    per = 1 / len(drafts)
    own = Figure(".eml bytes of a draft (eml_bytes, read-back included)", s["fast"], "us", per)
    bare = Figure("bare stdlib EmailMessage(policy=SMTP), same headers and body", s["stdlib"],
                  "us", per)  # fmt: skip
    plain = Figure("Draft.to_eml() (the stdlib path)", s["to_eml"], "us", per)
    return [own, bare, plain], [
        Verdict("ratio: eml_bytes / bare EmailMessage", own.median / bare.median, EML_TARGET),
        Verdict("ratio: Draft.to_eml / bare EmailMessage", plain.median / bare.median, None),
    ]


# ---------------------------------------------------------------------------
# 3. relance --help, against python -c pass
# ---------------------------------------------------------------------------


def wall(command: Sequence[str], **kwargs: Any) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, **kwargs)
    return time.perf_counter() - start


def measure_help(rounds: int) -> tuple[list[Figure], list[Verdict]]:
    relance = shutil.which("relance") or sys.exit("relance is not installed (pip install .)")
    commands = {"pass": [sys.executable, "-c", "pass"], "help": [relance, "--help"]}
    for command in [*commands.values()] * 2:  # warm the OS file cache and the bytecode
        wall(command)
    s: dict[str, list[float]] = {name: [] for name in commands}
    for index in range(rounds):
        order = list(commands) if index % 2 else list(reversed(commands))
        for name in order:
            s[name].append(wall(commands[name]))
    own = Figure("relance --help", s["help"], "ms")
    start = Figure('python -c "pass"', s["pass"], "ms")
    return [own, start], [Verdict("ratio: --help / pass", own.median / start.median, HELP_TARGET)]


# ---------------------------------------------------------------------------
# 4. A batch's memory over a long stream
# ---------------------------------------------------------------------------


def rss(pid: int) -> int:
    """Resident memory of a process, in bytes (Linux /proc)."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def measure_memory(count: int) -> tuple[list[Figure], list[Verdict]]:
    relance = shutil.which("relance") or sys.exit("relance is not installed (pip install .)")
    points = [count * k // 5 for k in range(1, 6)]
    child = subprocess.Popen(
        [relance, "batch", "-", "--kinds", "thank-you,follow-up,rejection,plan"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    if child.stdin is None:
        raise RuntimeError("no pipe to the batch")
    samples: list[int] = []
    started = time.perf_counter()
    for number in range(1, count + 1):
        child.stdin.write(json_line(number).encode() + b"\n")
        if number in points:
            child.stdin.flush()
            samples.append(rss(child.pid))  # the pipe holds at most ~15 lines ahead
    child.stdin.close()
    child.wait()
    seconds = time.perf_counter() - started
    figures: list[Figure] = [
        Amount(f"RSS after {point:,} interviews", [sample / 1e6], "MB")
        for point, sample in zip(points, samples, strict=True)
    ]
    figures.append(Amount(f"{count:,} interviews streamed through, wall time", [seconds], "s"))
    first = samples[0]
    return figures, [
        Verdict("ratio: highest RSS / 200 MB", max(samples) / RSS_LIMIT, 1.0),
        Verdict("ratio: last RSS / first RSS (flat: ≤ 1.1)", samples[-1] / first, RSS_GROWTH),
    ]


# ---------------------------------------------------------------------------
# 5, 6. relance batch over 300 files, against a loop; --jobs 2 against --jobs 1
# ---------------------------------------------------------------------------

LOOP = """
import sys
from pathlib import Path
from relance import Interview, follow_up, plan, thank_you_notes

source, out = Path(sys.argv[1]), Path(sys.argv[2])
for path in sorted(source.glob("*.json")):
    interview = Interview.load(path)
    folder = out / path.stem
    folder.mkdir(parents=True, exist_ok=True)
    for number, note in enumerate(thank_you_notes(interview), 1):
        (folder / f"thank-you-{number}.txt").write_bytes(note.as_text().encode())
    later = follow_up(interview)
    (folder / "follow-up.txt").write_bytes(later.email.as_text().encode())
    (folder / "call.txt").write_bytes(later.call.as_text().encode())
    (folder / "voicemail.txt").write_bytes(later.voicemail.as_text().encode())
    steps = plan(interview)
    (folder / "plan.txt").write_bytes(steps.as_text().encode())
    (folder / "plan.ics").write_bytes(steps.to_ics())
"""


def measure_batch(rounds: int) -> tuple[list[Figure], list[Verdict]]:
    relance = shutil.which("relance") or sys.exit("relance is not installed (pip install .)")
    work = Path(tempfile.mkdtemp(prefix="relance-bench-batch-"))
    try:
        source = work / "cohort"
        source.mkdir()
        for number in range(FILES):
            path = source / f"interview-{number:03}.json"
            path.write_text(json.dumps(interview_dict(number), ensure_ascii=False))
        pattern = str(source / "*.json")
        out = work / "out"

        # Each run writes into a new, empty folder, removed after it is timed: the
        # batch replaces an earlier run's folders where the loop would overwrite
        # their files, and the file system's cost of either is not the drafting's.
        commands = {
            "batch": [relance, "batch", pattern, "--out", str(out)],
            "loop": [sys.executable, "-c", LOOP, str(source), str(out)],
            "jobs2": [relance, "batch", pattern, "--jobs", "2", "--out", str(out)],
        }
        written: dict[str, list[str]] = {}
        for name, command in commands.items():  # warm-up, and a check that they all work
            wall(command, stderr=subprocess.DEVNULL)
            written[name] = sorted(p.name for p in (out / "interview-000").iterdir())
            shutil.rmtree(out)
        if written["batch"] != written["loop"]:
            raise RuntimeError(f"the loop should write what batch writes: {written['loop']}")
        s: dict[str, list[float]] = {name: [] for name in commands}
        for index in range(rounds):
            names = list(commands)
            shift = index % len(names)
            for name in names[shift:] + names[:shift]:
                s[name].append(wall(commands[name], stderr=subprocess.DEVNULL))
                shutil.rmtree(out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    batch = Figure(f"relance batch, {FILES} files (--jobs 1)", s["batch"], "ms")
    loop = Figure(f"one Python process looping over the {FILES} files", s["loop"], "ms")
    jobs2 = Figure(f"relance batch, {FILES} files, --jobs 2", s["jobs2"], "ms")
    return [batch, loop, jobs2], [
        Verdict("ratio: batch / loop", batch.median / loop.median, BATCH_TARGET),
        Verdict("ratio: --jobs 2 / --jobs 1 (≤ 0.67: speed-up ≥ 1.5)",
                jobs2.median / batch.median, JOBS_TARGET),
    ]  # fmt: skip


# ---------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument(
        "--quick",
        action="store_true",
        default=bool(os.environ.get("RELANCE_BENCH_QUICK")),
        help="fewer rounds and a stream of 2,000 interviews instead of 100,000 "
        "(also with RELANCE_BENCH_QUICK=1); the CI runs this",
    )
    parser.add_argument("--stream", type=int, help="interviews in the memory stream")
    args = parser.parse_args(argv)
    rounds = 7 if args.quick else 15
    stream = args.stream or (2_000 if args.quick else 100_000)

    started = time.perf_counter()
    print(f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs")
    print(f"{'quick run (--quick)' if args.quick else 'full run'}: {rounds} rounds per figure")
    sections: list[tuple[str, Callable[[], tuple[list[Figure], list[Verdict]]]]] = [
        (f"1. Every message of one interview ({rounds} rounds)",
         lambda: measure_every_message(rounds)),
        (f"2. .eml bytes, per draft ({rounds} rounds)", lambda: measure_eml(rounds)),
        (f"3. relance --help, fresh processes ({rounds * 3} rounds)",
         lambda: measure_help(rounds * 3)),
        (f"4. relance batch memory, {stream:,} interviews streamed as JSON Lines"
         + (" (the quick run's short stream)" if stream < 100_000 else ""),
         lambda: measure_memory(stream)),
        (f"5-6. relance batch over {FILES} files ({max(3, rounds // 2)} rounds)",
         lambda: measure_batch(max(3, rounds // 2))),
    ]  # fmt: skip
    missed: list[str] = []
    for title, measure in sections:
        figures, verdicts = measure()
        print_section(title, figures, verdicts)
        missed += [v.label for v in verdicts if not v.passed]
    print(f"\n{len(missed)} target(s) missed; run took {time.perf_counter() - started:.0f} s.")
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
