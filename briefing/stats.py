"""Study statistics, and the one definition of what is due.

What is studied is a prompt (a card without prompts is one). A prompt is new
until first graded. It is due today when it is in its learning steps and falls
due before the end of the local day (learning), or when a spaced review falls
before the end of the day (review). The sidebar, the study header, Statistics
and `briefing stats` all count with `Counts`.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .local_days import days_back, end_of_day, local_midnight, today
from .model import Topic
from .progress import ProgressStore, utc_text
from .progress_schema import UNASSIGNED_PROMPT
from .scheduling import CardState
from .stats_history import Retention, review_history
from .stats_prompts import INTERVAL_BUCKETS, KindProgress, prompt_states

__all__ = ["Counts", "KindProgress", "Stats", "TopicStats", "compute", "end_of_day",
           "local_midnight", "topic_counts", "topic_stats"]

RETENTION_DAYS = 30  # the window of `retention`, the figure shown first
HISTORY_DAYS = 30    # the days of `daily`


@dataclass(frozen=True)
class Counts:
    new: int       # never studied
    learning: int  # in (re)learning steps, due today
    review: int    # spaced reviews due today

    @property
    def due(self) -> int:
        return self.learning + self.review


@dataclass(frozen=True)
class Stats:
    total: int           # prompts
    due: int             # studied prompts due by the end of today
    new: int             # prompts never studied
    studied_today: int   # distinct prompts graded today
    reviews_today: int
    retention: float | None  # share of spaced reviews recalled (not Again), last 30 days
    retention_reviews: int
    per_kind: tuple[KindProgress, ...]
    daily: tuple[tuple[date, int], ...]  # reviews per day, last HISTORY_DAYS, oldest first
    today: date
    learning: int        # studied prompts in (re)learning steps
    known: int           # studied prompts in spaced review
    due_now: int
    forecast: tuple[int, ...]   # prompts due per day, next FORECAST_DAYS, today (and overdue) first
    intervals: tuple[int, ...]  # prompts in spaced review per INTERVAL_BUCKETS
    by_day: dict[date, int]     # reviews per day, last 365 days; only days with some
    retentions: tuple[Retention, ...]  # one per RETENTION_WINDOWS


def prompt_keys(topic: Topic) -> tuple[frozenset[tuple[str, str]], dict[str, str]]:
    """The (card id, prompt id) of every prompt of the topic, and each card's first prompt
    (which an unassigned record from before prompts belongs to)."""
    return topic.prompt_keys


def _live(card: str, prompt: str, keys, firsts) -> tuple[str, str] | None:
    """The prompt a stored record counts for, or None when its card or prompt is gone."""
    key = (card, firsts.get(card, prompt) if prompt == UNASSIGNED_PROMPT else prompt)
    return key if key in keys else None


def counted_prompt(topic: Topic, card: str, prompt: str) -> tuple[str, str] | None:
    """The (card id, prompt id) of `topic` a stored record counts for; None when gone."""
    keys, firsts = prompt_keys(topic)
    return _live(card, prompt, keys, firsts)


def topic_counts(store: ProgressStore, topic: Topic, now: datetime) -> Counts:
    """New, learning and review prompts Study will ask today among a topic's prompts:
    suspended and buried ones left out, new ones up to the topic's daily limit.

    Walks the studied prompts, not every one: it runs after each grade."""
    end = utc_text(end_of_day(now))
    keys, firsts = prompt_keys(topic)
    hidden = {key for key, mark in store.marks(topic.id).items() if mark.hides(now)}
    learning = review = 0
    studied: set[tuple[str, str]] = set()
    for card_id, prompt_id, state, due_at in store.due_times(topic.id):
        key = _live(card_id, prompt_id, keys, firsts)
        if key is None or key in studied:  # a removed card's progress is ignored
            continue
        studied.add(key)
        if due_at < end and key not in hidden:
            if state == CardState.REVIEW:
                review += 1
            else:
                learning += 1
    unstudied = len(keys - studied - hidden)
    start = local_midnight(now.astimezone().date())
    left = max(store.options(topic.id).new_per_day - store.new_today(topic.id, start,
                                                                     end_of_day(now)), 0)
    return Counts(min(unstudied, left), learning, review)


def compute(store: ProgressStore, topics: list[Topic], now: datetime) -> Stats:
    """Every figure of Statistics for these topics: the app's page and `briefing stats`
    (through topic_stats) both read this."""
    states = prompt_states(store, topics, now)
    history = review_history(store, topics, now, states.removed_cards)
    recent = history.retention_over(RETENTION_DAYS)
    return Stats(
        total=states.overall("total"), due=states.due_today, new=states.overall("new"),
        studied_today=history.studied_today, reviews_today=history.reviews_today,
        retention=recent.share, retention_reviews=recent.reviews, per_kind=states.per_kind,
        daily=history.daily(days_back(now, HISTORY_DAYS)), today=today(now),
        learning=states.overall("learning"), known=states.overall("known"),
        due_now=states.due_now,
        forecast=states.forecast, intervals=states.intervals, by_day=history.by_day,
        retentions=history.retention)


@dataclass(frozen=True)
class TopicStats:
    """One topic's numbers, as `briefing stats` prints them; the same as Statistics shows
    for that topic, read from compute. New keys are added, never renamed: scripts read them."""

    topic: str
    title: str
    cards: int
    prompts: int
    new: int            # prompts never studied
    learning: int       # prompts in (re)learning steps
    known: int          # prompts graduated to spaced reviews
    due_now: int        # studied prompts due at this moment
    due_today: int      # studied prompts due by the end of today
    reviews: int        # grades given, all time
    reviews_today: int
    retention: float | None  # share of spaced reviews recalled, last RETENTION_DAYS days
    retention_reviews: int
    retention_7: float | None
    retention_7_reviews: int
    retention_30: float | None
    retention_30_reviews: int
    retention_365: float | None
    retention_365_reviews: int
    forecast_30: list[int]     # prompts due on each of the next 30 days, today (and overdue) first
    intervals: dict[str, int]  # prompts in spaced review by interval, e.g. {"1d": 3, "2–3d": 5}
    reviews_by_day: dict[str, int]  # reviews per day (YYYY-MM-DD), last 365 days, days with some

    def as_json(self) -> dict:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


def topic_stats(store: ProgressStore, topic: Topic, now: datetime) -> TopicStats:
    shown = compute(store, [topic], now)
    windows = {f"retention_{r.days}": r.share for r in shown.retentions}
    windows.update({f"retention_{r.days}_reviews": r.reviews for r in shown.retentions})
    return TopicStats(
        topic=topic.id, title=topic.title, cards=len(topic.cards), prompts=shown.total,
        new=shown.new, learning=shown.learning, known=shown.known, due_now=shown.due_now,
        due_today=shown.due, reviews=store.review_count(topic.id),
        reviews_today=shown.reviews_today, retention=shown.retention,
        retention_reviews=shown.retention_reviews, **windows, forecast_30=list(shown.forecast),
        intervals={label: n for (label, _), n in zip(INTERVAL_BUCKETS, shown.intervals,
                                                               strict=True)},
        reviews_by_day={day.isoformat(): n for day, n in sorted(shown.by_day.items())})
