"""The built-in example interview and rejection, and the sample interviews that
``relance templates check`` renders every template over."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from importlib.resources import files

from ._locales import LOCALES, TONES
from ._model import Contact, Interview

__all__ = [
    "HOMES",
    "example_interview",
    "example_rejection",
    "example_text",
    "sample_interviews",
]

HOMES = {
    "fr_CA": ("Montréal", "514 555-0199"),
    "fr_FR": ("Lyon", "06 12 34 56 78"),
    "fr_BE": ("Bruxelles", "0470 12 34 56"),
    "fr_CH": ("Lausanne", "079 123 45 67"),
}
"""A candidate's city and phone number as written in each region, for the docs and tests."""


def example_text() -> str:
    """The commented example interview file that ``relance example`` prints."""
    return files("relance").joinpath("example.toml").read_text(encoding="utf-8")


def example_interview() -> Interview:
    """The built-in example, as an :class:`~relance.Interview`."""
    import tomllib

    return Interview.from_dict(tomllib.loads(example_text()))


def example_rejection() -> bytes:
    """The employer's rejection the demo replies to (an .eml file)."""
    return files("relance").joinpath("example-rejection.eml").read_bytes()


def sample_interviews() -> Iterator[tuple[str, Interview]]:
    """The example, and two variants, in every region and register.

    The variants cover each gender setting, an interviewer without civility or
    address, no phone and no optional field, so a template is rendered through
    every branch the package's templates have.
    """
    example = example_interview()
    plain = replace(
        example,
        candidate=replace(example.candidate, gender="m", phone=None, city=None),
        interviewers=[replace(c, topic=None) for c in example.interviewers],
        forgot_to_mention=None,
    )
    bare = replace(
        example,
        candidate=replace(example.candidate, gender=None, phone=None, city=None, availability=None),
        interviewers=[Contact("Dominique Bélanger")],
        hiring_contact=None,
        strengths=(),
        forgot_to_mention=None,
    )
    for locale in LOCALES:
        for tone in TONES:
            for name, interview in (("example", example), ("plain", plain), ("bare", bare)):
                yield f"{locale}-{tone}-{name}", replace(interview, locale=locale, tone=tone)
