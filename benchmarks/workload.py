"""The interviews the scale benchmarks and the profile draft: the built-in example,
varied so that every interview is new to every cache (names, addresses, days, regions).
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


def interview_dict(index: int) -> dict[str, Any]:
    """The example interview, number ``index``: fresh addresses, its own day and region."""
    data: dict[str, Any] = json.loads(_EXAMPLE)
    data["locale"] = LOCALES[index % len(LOCALES)]
    data["tone"] = TONES[(index // len(LOCALES)) % len(TONES)]
    data["held_at"] = (FIRST + timedelta(days=index % 40)).isoformat()
    data["candidate"]["email"] = f"camille.roy{index}@example.com"
    for person in (*data["interviewers"], data["hiring_contact"]):
        local, _, domain = person["email"].partition("@")
        person["email"] = f"{local}{index}@{domain}"
    return data


def interview_dicts(count: int) -> Iterator[dict[str, Any]]:
    return (interview_dict(index) for index in range(count))


def rejection_for(data: dict[str, Any]) -> bytes:
    """The example rejection, from this interview's hiring contact, dated after it."""
    raw = _REJECTION
    hiring = data["hiring_contact"]["email"]
    day = date.fromisoformat(data["held_at"][:10]) + timedelta(days=9)
    raw = raw.replace(b"marie.tremblay@example.com", hiring.encode())
    return raw.replace(b"Thu, 10 Dec 2026", day.strftime("%a, %d %b %Y").encode())


def json_line(index: int, *, rejection: bool = True) -> str:
    data = interview_dict(index)
    if rejection:
        data["rejection_eml"] = rejection_for(data).decode("utf-8")
    return json.dumps(data, ensure_ascii=False)
