"""Study statistics, and the one definition of what is due.

A card is new until first graded. It is due today when it is in its learning
steps and falls due before the end of the local day (learning), or when a
spaced review falls before the end of the day (review). The sidebar, the
study header, Statistics and `briefing stats` all count with `Counts`.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from .model import KINDS, Topic
from .progress import ProgressStore, utc_text
from .scheduling import CardState, state_in

RETENTION_DAYS = 30
HISTORY_DAYS = 14


@dataclass(frozen=True)
class Counts:
    new: int       # never studied
    learning: int  # in (re)learning steps, due today
    review: int    # spaced reviews due today

    @property
    def due(self) -> int:
        return self.learning + self.review


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


def end_of_day(now: datetime) -> datetime:
    """The end of the local day `now` falls in: what "due today" is measured against."""
    return local_midnight(now.astimezone().date() + timedelta(days=1))


def topic_counts(store: ProgressStore, topic: Topic, now: datetime) -> Counts:
    """New, learning and review cards due today among a topic's current cards.

    Walks the studied cards, not every card: it runs after each grade."""
    end = utc_text(end_of_day(now))
    ids = topic.card_ids
    learning = review = studied = 0
    for card_id, state, due_at in store.due_times(topic.id):
        if card_id in ids:  # a removed card's progress is ignored
            studied += 1
            if due_at < end:
                if state == CardState.REVIEW:
                    review += 1
                else:
                    learning += 1
    return Counts(len(ids) - studied, learning, review)


def compute(store: ProgressStore, topics: list[Topic], now: datetime) -> Stats:
    today = now.astimezone().date()
    end_of_today = end_of_day(now)
    per_kind = {kind: [0, 0, 0, 0] for kind in KINDS}  # total, new, learning, known
    due = 0
    for topic in topics:
        scheduled = store.scheduled(topic.id)
        for card in topic.cards:
            counts = per_kind.setdefault(card.kind, [0, 0, 0, 0])
            counts[0] += 1
            memory = scheduled.get(card.id)
            if memory is None:
                counts[1] += 1
                continue
            counts[2 if memory.learning else 3] += 1
            due += memory.due < end_of_today

    ids = [t.id for t in topics]
    live = {(t.id, c.id) for t in topics for c in t.cards}
    first_day = today - timedelta(days=max(HISTORY_DAYS, RETENTION_DAYS) - 1)
    reviews = [r for r in store.reviews_between(local_midnight(first_day), end_of_today, ids)
               if (r.topic, r.card) in live]
    daily_counts: dict[date, int] = {}
    recalled = spaced = 0
    for review in reviews:
        day = datetime.fromisoformat(review.reviewed_at).astimezone().date()
        daily_counts[day] = daily_counts.get(day, 0) + 1
        if state_in(review.state_before) == CardState.REVIEW:
            spaced += 1
            recalled += review.rating > 1
    todays = [r for r in reviews
              if datetime.fromisoformat(r.reviewed_at).astimezone().date() == today]
    history = tuple((today - timedelta(days=n), daily_counts.get(today - timedelta(days=n), 0))
                    for n in range(HISTORY_DAYS - 1, -1, -1))
    return Stats(
        total=sum(v[0] for v in per_kind.values()),
        due=due,
        new=sum(v[1] for v in per_kind.values()),
        studied_today=len({(r.topic, r.card) for r in todays}),
        reviews_today=len(todays),
        retention=(recalled / spaced) if spaced else None,
        retention_reviews=spaced,
        per_kind=tuple(KindProgress(k, *v) for k, v in per_kind.items()),
        daily=history,
    )
