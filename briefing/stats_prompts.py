"""What the studied prompts' stored states say: progress per kind, what is due now and
today, the reviews due on each of the next days, and the current intervals.

One pass over the stored states of the topics in scope. It parses no date and no
record: due times are compared as ISO UTC text, and SQLite works out the intervals.
A stored state counts for a prompt the topic has now; one from before prompts (the
unassigned prompt) counts for its card's first prompt, unless that has its own. What is
due is what Study will ask: a suspended prompt is never due, a buried one is due once its
burial ends.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import datetime, timedelta

from .local_days import local_midnight, today
from .model import DEFAULT_PROMPT, KINDS, Topic
from .progress import ProgressStore, utc_text
from .progress_schema import UNASSIGNED_PROMPT
from .scheduling import CardState
from .stats_queries import schedule_rows

FORECAST_DAYS = 30
# Interval buckets: a label and the longest interval (days) it holds; the last has no end.
INTERVAL_BUCKETS = (("1d", 1), ("2–3d", 3), ("4–7d", 7), ("1–2w", 14), ("2–4w", 30),
                    ("1–3mo", 90), ("3mo+", None))
_INTERVAL_ENDS = tuple(days for _label, days in INTERVAL_BUCKETS[:-1])


@dataclass(frozen=True)
class KindProgress:
    kind: str
    total: int
    new: int       # never studied
    learning: int  # studied, still in (re)learning steps
    known: int     # graduated to spaced reviews


@dataclass(frozen=True)
class PromptStates:
    per_kind: tuple[KindProgress, ...]
    due_now: int    # studied prompts due at this moment (none suspended or buried)
    due_today: int  # studied prompts due by the end of today (none suspended or buried)
    forecast: tuple[int, ...]   # prompts due on each of the next FORECAST_DAYS local days;
    #                             day 0 is today, with every overdue one
    intervals: tuple[int, ...]  # prompts in spaced review, per INTERVAL_BUCKETS
    removed_cards: dict[str, frozenset[str]]  # by topic: cards gone that still have progress

    def overall(self, part: str) -> int:
        """One of KindProgress's counts ("total", "new", "learning", "known") over all kinds."""
        return sum(getattr(kind, part) for kind in self.per_kind)


def _has_prompt(card, prompt: str) -> bool:
    for each in card.prompts:  # noqa: SIM110 (any() with a generator is slower, per prompt)
        if each.id == prompt:
            return True
    return False


def _as_study_sees(store: ProgressStore, topics: list[Topic]):
    """The stored states, each due when Study will ask it: never (None) when suspended,
    when its burial ends when buried."""
    rows = schedule_rows(store, [topic.id for topic in topics])
    marks = {topic.id: store.marks(topic.id) for topic in topics}
    if not any(marks.values()):
        return rows  # as most of the time: nothing to look up for every prompt
    shifted = []
    for topic_id, card_id, prompt, state, due, interval in rows:
        mark = marks[topic_id].get((card_id, prompt))
        if mark is not None and mark.suspended:
            due = None
        elif mark is not None and mark.buried_until is not None:
            due = max(due, utc_text(mark.buried_until))
        shifted.append((topic_id, card_id, prompt, state, due, interval))
    return shifted


def _counted(store: ProgressStore, topics: list[Topic], removed: dict[str, set[str]]):
    """(kind, state, due, interval) of each stored state that counts for a prompt the topics
    have; the cards gone from their topics are added to `removed`."""
    cards_of = {topic.id: topic.card for topic in topics}
    unassigned, own_first = [], set()
    for topic_id, card_id, prompt, state, due, interval in _as_study_sees(store, topics):
        card = cards_of[topic_id](card_id)
        if card is None:
            removed.setdefault(topic_id, set()).add(card_id)
        elif prompt == UNASSIGNED_PROMPT:
            unassigned.append((topic_id, card, state, due, interval))
        elif not card.prompts:
            if prompt == DEFAULT_PROMPT:
                yield card.kind, state, due, interval
        elif card.prompts[0].id == prompt:
            own_first.add((topic_id, card_id))
            yield card.kind, state, due, interval
        elif _has_prompt(card, prompt):  # not a prompt since removed
            yield card.kind, state, due, interval
    for topic_id, card, state, due, interval in unassigned:
        if (topic_id, card.id) not in own_first:
            yield card.kind, state, due, interval


def prompt_states(store: ProgressStore, topics: list[Topic], now: datetime) -> PromptStates:
    now_text, day = utc_text(now), today(now)
    day_ends = [utc_text(local_midnight(day + timedelta(days=n)))
                for n in range(1, FORECAST_DAYS + 1)]
    horizon, in_review = day_ends[-1], int(CardState.REVIEW)
    forecast = [0] * FORECAST_DAYS
    intervals = [0] * len(INTERVAL_BUCKETS)
    kinds = {kind: [0, 0, 0] for kind in KINDS}  # prompts, learning, known
    for topic in topics:
        for kind, prompts in topic.prompts_by_kind.items():
            kinds.setdefault(kind, [0, 0, 0])[0] += prompts
    due_now = 0
    removed: dict[str, set[str]] = {}
    for kind, state, due, interval in _counted(store, topics, removed):
        if state == in_review:
            kinds[kind][2] += 1
            if interval is not None:
                intervals[bisect_left(_INTERVAL_ENDS, interval)] += 1
        else:
            kinds[kind][1] += 1
        if due is not None and due < horizon:
            forecast[bisect_right(day_ends, due)] += 1
            due_now += due <= now_text
    return PromptStates(
        per_kind=tuple(KindProgress(kind, total, total - learning - known, learning, known)
                       for kind, (total, learning, known) in kinds.items()),
        due_now=due_now, due_today=forecast[0], forecast=tuple(forecast),
        intervals=tuple(intervals),
        removed_cards={topic: frozenset(cards) for topic, cards in removed.items()})
