"""Where the time of every message goes: cProfile over many interviews.

    python benchmarks/profile_every_message.py [COUNT] [--eml] [--sort tottime]

Each interview is built with ``Interview.from_dict`` and drafted whole: its thank-you
notes, its follow-up, the reply to a rejection read from an .eml, and its plan; with
``--eml``, every email is also written as .eml bytes.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time

from workload import interview_dicts, rejection_for

import relance


def every_message(count: int, *, eml: bool) -> None:
    for data in interview_dicts(count):
        rejection = rejection_for(data)
        interview = relance.Interview.from_dict(data)
        notes = relance.thank_you_notes(interview)
        later = relance.follow_up(interview)
        reply = relance.rejection_reply(interview, rejection=rejection)
        relance.plan(interview)
        if eml:
            for draft in (*notes, later.email, reply.email):
                draft.to_eml()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int, nargs="?", default=1000)
    parser.add_argument("--eml", action="store_true")
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--lines", type=int, default=45)
    args = parser.parse_args()
    every_message(20, eml=args.eml)  # warm: compiled templates, locale data
    profile = cProfile.Profile()
    start = time.perf_counter()
    profile.runcall(every_message, args.count, eml=args.eml)
    elapsed = time.perf_counter() - start
    print(f"{args.count} interviews: {elapsed:.2f} s under the profiler", file=sys.stderr)
    pstats.Stats(profile).sort_stats(args.sort).print_stats(args.lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
