"""Business days: weekends and each region's public holidays (the ``holidays`` package)."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

__all__ = ["is_business_day", "next_business_day"]


@lru_cache(maxsize=256)
def _holidays(country: str, subdivision: str | None, year: int) -> frozenset[date]:
    """One region's public holidays for one year, computed once and kept.

    A frozenset rather than the ``holidays`` object itself: that object fills
    itself in lazily as it is queried, which is not safe to share between threads.
    """
    import holidays  # imported on first use: it is the slowest of relance's imports

    calendar = holidays.country_holidays(country, subdiv=subdivision, years=year)
    return frozenset(calendar.keys())


def is_business_day(day: date, country: str, subdivision: str | None) -> bool:
    """Whether ``day`` is neither a Saturday, a Sunday nor a public holiday there."""
    return day.weekday() < 5 and day not in _holidays(country, subdivision, day.year)


def next_business_day(day: date, country: str, subdivision: str | None) -> date:
    """The first business day strictly after ``day``."""
    day += timedelta(days=1)
    while not is_business_day(day, country, subdivision):
        day += timedelta(days=1)
    return day
