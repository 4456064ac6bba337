"""Business days: weekends and each region's public holidays (the ``holidays`` package)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from ._locales import locale_info
from .errors import InvalidInput

if TYPE_CHECKING:
    from ._model import Interview

__all__ = [
    "business_day_after",
    "calendar_of",
    "check_day",
    "is_business_day",
    "next_business_day",
    "send_date",
]


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


@lru_cache(maxsize=4096)  # a few months of days in a few regions: every batch's dates
def next_business_day(day: date, country: str, subdivision: str | None) -> date:
    """The first business day strictly after ``day``."""
    day += timedelta(days=1)
    while not is_business_day(day, country, subdivision):
        day += timedelta(days=1)
    return day


def calendar_of(interview: Interview) -> tuple[str, str | None]:
    """The holiday calendar of the interview: its country, and its ``region`` or the
    locale's default subdivision (Quebec for fr_CA; none elsewhere)."""
    info = locale_info(interview.locale)
    return info.country, interview.region or info.subdivision


def business_day_after(interview: Interview, day: date) -> date:
    """The first business day after ``day`` in the interview's region."""
    return next_business_day(day, *calendar_of(interview))


def check_day(value: object, field: str, interview: Interview) -> date:
    """A date argument, checked: a ``date`` (a ``datetime`` counts by its day), not
    before the interview."""
    if not isinstance(value, date):
        raise InvalidInput.of(field, "type.date", example="date(2026, 12, 2)")
    day = value.date() if isinstance(value, datetime) else value
    held = interview.held_on
    if day < held:
        raise InvalidInput.of(
            field, "date.before_interview", day=day.isoformat(), held=held.isoformat()
        )
    return day


def send_date(interview: Interview, send_on: date | None, *, days_after: int) -> date:
    """``send_on`` if given (checked), else the first business day at least
    ``days_after`` days after the interview, in the interview's region."""
    if send_on is not None:
        return check_day(send_on, "send_on", interview)
    return business_day_after(interview, interview.held_on + timedelta(days=days_after - 1))
