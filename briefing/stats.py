"""Study statistics: due today, studied today, retention, progress per kind."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from .model import KINDS, Topic
from .progress import ProgressStore
from .progress import utc_text
from .scheduling import REVIEW_STATE

RETENTION_DAYS = 30
HISTORY_DAYS = 14


@dataclass(frozen=True)
class KindProgress:
    kind: str
    total: int
    new: int       # never studied
    learning: int  # studied, still in (re)learning steps
    known: int     # graduated to spaced reviews


@dataclass(frozen=True)
class Stats:
    total: int
    due: int             # studied cards due by the end of today
    new: int             # cards never studied
    studied_today: int   # distinct cards graded today
    reviews_today: int
    retention: float | None  # share of spaced reviews recalled (not Again), last 30 days
    retention_reviews: int
    per_kind: tuple[KindProgress, ...]
    daily: tuple[tuple[date, int], ...]  # reviews per day, oldest first


def local_midnight(day: date) -> datetime:
    return datetime.combine(day, time.min).astimezone()


def due_summary(store: ProgressStore, topic: Topic, now: datetime) -> tuple[int, int]:
    """(due by the end of today, never studied) for a topic's current cards.

    Walks the studied cards, not every card: it runs after each grade."""
    end = utc_text(local_midnight(now.astimezone().date() + timedelta(days=1)))
    ids = topic.card_ids
    due = studied = 0
    for card_id, due_at in store.due_times(topic.id):
        if card_id in ids:  # a removed card's progress is ignored
            studied += 1
            due += due_at < end
    return due, len(ids) - studied


def compute(store: ProgressStore, topics: list[Topic], now: datetime) -> Stats:
    today = now.astimezone().date()
    end_of_today = local_midnight(today + timedelta(days=1))
    per_kind = {kind: [0, 0, 0, 0] for kind in KINDS}  # total, new, learning, known
    due = 0
    for topic in topics:
        scheduled = store.scheduled(topic.id)
        for card in topic.cards:
            counts = per_kind.setdefault(card.kind, [0, 0, 0, 0])
            counts[0] += 1
            entry = scheduled.get(card.id)
            if entry is None:
                counts[1] += 1
                continue
            counts[3 if entry.state == REVIEW_STATE else 2] += 1
            due += entry.due < end_of_today

    ids = [t.id for t in topics]
    live = {(t.id, c.id) for t in topics for c in t.cards}
    first_day = today - timedelta(days=max(HISTORY_DAYS, RETENTION_DAYS) - 1)
    reviews = [r for r in store.reviews_between(local_midnight(first_day), end_of_today, ids)
               if (r[0], r[1]) in live]
    daily_counts: dict[date, int] = {}
    recalled = spaced = 0
    for topic_id, card_id, rating, reviewed_at, before in reviews:
        day = datetime.fromisoformat(reviewed_at).astimezone().date()
        daily_counts[day] = daily_counts.get(day, 0) + 1
        if before and json.loads(before).get("state") == REVIEW_STATE:
            spaced += 1
            recalled += rating > 1
    todays = [r for r in reviews if datetime.fromisoformat(r[3]).astimezone().date() == today]
    history = tuple((today - timedelta(days=n), daily_counts.get(today - timedelta(days=n), 0))
                    for n in range(HISTORY_DAYS - 1, -1, -1))
    return Stats(
        total=sum(v[0] for v in per_kind.values()),
        due=due,
        new=sum(v[1] for v in per_kind.values()),
        studied_today=len({(r[0], r[1]) for r in todays}),
        reviews_today=len(todays),
        retention=(recalled / spaced) if spaced else None,
        retention_reviews=spaced,
        per_kind=tuple(KindProgress(k, *v) for k, v in per_kind.items()),
        daily=history,
    )
