"""Local days: what "today", "due today" and "reviews per day" are measured in.

A day starts at local midnight; times are stored in UTC, so a day is the span
between two of these moments (23 or 25 hours long when the clocks change).
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta


def local_midnight(day: date) -> datetime:
    return datetime.combine(day, time.min).astimezone()


def end_of_day(now: datetime) -> datetime:
    """The end of the local day `now` falls in: what "due today" is measured against."""
    return local_midnight(now.astimezone().date() + timedelta(days=1))


def today(now: datetime) -> date:
    return now.astimezone().date()


def days_back(now: datetime, count: int) -> tuple[date, ...]:
    """The last `count` local days, oldest first, ending with today."""
    last = today(now)
    return tuple(last - timedelta(days=n) for n in range(count - 1, -1, -1))
