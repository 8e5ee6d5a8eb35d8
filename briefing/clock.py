"""The one clock: every "now" of the app, the exports and the stats comes from here.

BRIEFING_NOW (an ISO 8601 time, e.g. 2026-11-25T09:00:00+00:00) fixes it. The
tests set it, and a child process inherits it, so no test depends on the date
it runs on. Durations (how long a card was shown, lock patience) use the
monotonic clock, not this one.
"""
from __future__ import annotations

import os
from datetime import UTC, date, datetime

ENV = "BRIEFING_NOW"


class ClockError(ValueError):
    """BRIEFING_NOW is set but is not a time."""


def fixed() -> datetime | None:
    """The fixed time BRIEFING_NOW gives, or None for the real clock."""
    text = os.environ.get(ENV, "").strip()
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ClockError(f"{ENV}={text!r} is not an ISO 8601 time such as "
                         "2026-11-25T09:00:00+00:00") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def now() -> datetime:
    """The current time, timezone-aware, in UTC."""
    moment = fixed()
    return moment.astimezone(UTC) if moment else datetime.now(UTC)


def timestamp() -> float:
    """Seconds since the epoch, as time.time() gives them."""
    return now().timestamp()


def today() -> date:
    """The local date."""
    return now().astimezone().date()


def stamp() -> str:
    """The local time for a file name, e.g. 20261125-090000."""
    return now().astimezone().strftime("%Y%m%d-%H%M%S")
