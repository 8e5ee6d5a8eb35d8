"""Study statistics, and the one definition of what is due.

What is studied is a prompt (a card without prompts is one). A prompt is new
until first graded. It is due today when it is in its learning steps and falls
due before the end of the local day (learning), or when a spaced review falls
before the end of the day (review). The sidebar, the study header, Statistics
and `briefing stats` all count with `Counts`.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from .model import KINDS, Topic
from .progress import ProgressStore, utc_text
from .progress_schema import UNASSIGNED_PROMPT
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
    total: int           # prompts
    due: int             # studied prompts due by the end of today
    new: int             # prompts never studied
    studied_today: int   # distinct prompts graded today
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
    today = now.astimezone().date()
    end_of_today = end_of_day(now)
    per_kind = {kind: [0, 0, 0, 0] for kind in KINDS}  # total, new, learning, known
    due = 0
    for topic in topics:
        scheduled = store.scheduled(topic.id)
        for card in topic.cards:
            counts = per_kind.setdefault(card.kind, [0, 0, 0, 0])
            for index, prompt in enumerate(card.studied_prompts):
                counts[0] += 1
                memory = scheduled.get((card.id, prompt.id)) or (
                    scheduled.get((card.id, UNASSIGNED_PROMPT)) if index == 0 else None)
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
        studied_today=len({(r.topic, r.card, r.prompt) for r in todays}),
        reviews_today=len(todays),
        retention=(recalled / spaced) if spaced else None,
        retention_reviews=spaced,
        per_kind=tuple(KindProgress(k, *v) for k, v in per_kind.items()),
        daily=history,
    )


@dataclass(frozen=True)
class TopicStats:
    """One topic's numbers, as `briefing stats` prints them and Statistics shows them."""

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

    def as_json(self) -> dict:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


def topic_stats(store: ProgressStore, topic: Topic, now: datetime) -> TopicStats:
    keys, firsts = prompt_keys(topic)
    memories = {}
    for (card, prompt), memory in store.scheduled(topic.id).items():
        key = _live(card, prompt, keys, firsts)
        if key is not None:
            memories.setdefault(key, memory)
    day_end = end_of_day(now)
    learning = sum(1 for m in memories.values() if m.learning)
    summary = compute(store, [topic], now)
    return TopicStats(
        topic=topic.id, title=topic.title, cards=len(topic.cards), prompts=len(keys),
        new=len(keys) - len(memories), learning=learning, known=len(memories) - learning,
        due_now=sum(1 for m in memories.values() if m.due <= now),
        due_today=sum(1 for m in memories.values() if m.due < day_end),
        reviews=store.review_count(topic.id), reviews_today=summary.reviews_today,
        retention=summary.retention, retention_reviews=summary.retention_reviews)
