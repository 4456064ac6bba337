"""When a draft goes out: 09:00 on its send day in its region's time zone, and the first
business day from a given day. Pure: the day is always an argument, never the clock."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time
from types import MappingProxyType
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from ._calendar import business_day_after, calendar_of, is_business_day

if TYPE_CHECKING:
    from ._model import Interview

__all__ = ["SEND_TIME", "TIME_ZONES", "first_business_day", "send_time"]

TIME_ZONES: Mapping[str, str] = MappingProxyType(
    {
        "fr_CA": "America/Montreal",
        "fr_FR": "Europe/Paris",
        "fr_BE": "Europe/Brussels",
        "fr_CH": "Europe/Zurich",
    }
)
"""The time zone of each region (IANA names, read through ``zoneinfo``)."""

SEND_TIME = time(9, 0)
"""The hour a drafted email is dated at on its send day: the start of a working day."""


def send_time(day: date, locale: str) -> datetime:
    """09:00 on ``day`` in the region's time zone: the ``Date`` of an unsent draft.

    >>> send_time(date(2026, 12, 2), "fr_CA").isoformat()
    '2026-12-02T09:00:00-05:00'
    >>> send_time(date(2026, 7, 2), "fr_CH").isoformat()
    '2026-07-02T09:00:00+02:00'
    """
    return datetime.combine(day, SEND_TIME, tzinfo=ZoneInfo(TIME_ZONES[locale]))


def first_business_day(interview: Interview, day: date) -> date:
    """``day`` itself when it is a business day in the interview's region, else the
    next one: when a draft that is late can go out."""
    if is_business_day(day, *calendar_of(interview)):
        return day
    return business_day_after(interview, day)
