"""What every test runs under: a fixed « today » for the command line, and English for
its own words, whatever the day and the developer's locale."""

from __future__ import annotations

from datetime import date

import pytest

TODAY = date(2026, 11, 27)
"""The day the command line takes for today in the tests (a Friday, before the
example interview of Tuesday 1 December 2026)."""


@pytest.fixture(autouse=True)
def _fixed_today_and_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RELANCE_TODAY", TODAY.isoformat())
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
