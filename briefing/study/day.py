"""What shapes today's study besides each prompt's schedule: siblings already studied,
prompts the student suspended or buried, the daily limit on new prompts, and each
topic's desired retention. Read from the progress store once per session."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from ..model import Card
from ..progress import ProgressStore
from ..stats import end_of_day, local_midnight


@dataclass
class StudyDay:
    studied_cards: set[tuple[str, str]] = field(default_factory=set)  # (topic, card id)
    hidden: set[tuple[str, str, str]] = field(default_factory=set)    # item keys not asked today
    new_left: dict[str, int] | None = None  # new prompts still allowed today, by topic
    retention: dict[str, float] = field(default_factory=dict)        # desired, by topic

    def copy(self) -> StudyDay:
        """A day whose count of new prompts can go down without changing this one's."""
        return replace(self, new_left=None if self.new_left is None else dict(self.new_left))

    def allows_any_new(self) -> bool:
        return self.new_left is None or any(left > 0 for left in self.new_left.values())

    def allows_new(self, topic: str) -> bool:
        return self.new_left is None or self.new_left.get(topic, 0) > 0

    def took_new(self, topic: str) -> None:
        if self.new_left is not None and topic in self.new_left:
            self.new_left[topic] -= 1


def study_day(store: ProgressStore, cards: list[Card], now: datetime) -> StudyDay:
    topics = sorted({card.topic for card in cards})
    start, end = local_midnight(now.astimezone().date()), end_of_day(now)
    day = StudyDay(new_left={})
    day.studied_cards = {(row.topic, row.card)
                         for row in store.reviews_between(start, end, topics)}
    for topic in topics:
        options = store.options(topic)
        day.new_left[topic] = max(options.new_per_day - store.new_today(topic, start, end), 0)
        day.retention[topic] = options.desired_retention
        day.hidden.update((topic, card, prompt) for (card, prompt), mark
                          in store.marks(topic).items() if mark.hides(now))
    return day
