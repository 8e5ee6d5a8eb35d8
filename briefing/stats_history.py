"""What the review history says: reviews per local day over the last year, today's
reviews, and true retention over the last week, month and year.

One grouped query over the year's reviews gives every figure: SQLite counts them by
day, so a year of 30,000 reviews comes back as a few hundred rows. Reviews of a
card that is gone from its topic do not count.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .local_days import end_of_day, local_midnight, today
from .progress import ProgressStore
from .stats_queries import prompts_reviewed, review_days

CALENDAR_DAYS = 365
RETENTION_WINDOWS = (7, 30, 365)  # days, today included


@dataclass(frozen=True)
class Retention:
    """True retention: the share of reviews of prompts in spaced review that were recalled
    (Hard, Good or Easy rather than Again), over the last `days` days."""

    days: int
    share: float | None  # None: no such review in that time
    reviews: int         # how many reviews the share rests on

    @property
    def text(self) -> str:
        return "–" if self.share is None else f"{self.share:.0%}"


@dataclass(frozen=True)
class History:
    by_day: dict[date, int]  # reviews per local day, last CALENDAR_DAYS days; days with some
    reviews_today: int
    studied_today: int       # distinct prompts graded today
    retention: tuple[Retention, ...]  # one per RETENTION_WINDOWS

    def retention_over(self, days: int) -> Retention:
        return next(r for r in self.retention if r.days == days)

    def daily(self, days: tuple[date, ...]) -> tuple[tuple[date, int], ...]:
        return tuple((day, self.by_day.get(day, 0)) for day in days)


def review_history(store: ProgressStore, topics, now: datetime,
                   removed_cards: dict[str, frozenset[str]]) -> History:
    """`removed_cards` (PromptStates.removed_cards) names, by topic, the cards whose
    reviews are left out: every card with reviews has a stored state, so it is found there."""
    ids = [topic.id for topic in topics]
    last = today(now)
    first = last - timedelta(days=CALENDAR_DAYS - 1)
    by_day: dict[date, int] = {}
    spaced = {days: [0, 0] for days in RETENTION_WINDOWS}  # reviews, recalled
    for day_text, was_spaced, reviews, recalled in review_days(
            store, local_midnight(first), end_of_day(now), ids, removed_cards):
        day = date.fromisoformat(day_text)
        by_day[day] = by_day.get(day, 0) + reviews
        for days, tally in spaced.items():
            if was_spaced and (last - day).days < days:
                tally[0] += reviews
                tally[1] += recalled
    studied = prompts_reviewed(store, local_midnight(last), end_of_day(now), ids, removed_cards)
    return History(
        by_day=by_day, reviews_today=by_day.get(last, 0), studied_today=studied,
        retention=tuple(Retention(days, recalled / reviews if reviews else None, reviews)
                        for days, (reviews, recalled) in spaced.items()))
