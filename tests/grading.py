"""Grades written as the app writes them: through the scheduler and ProgressStore.record,
at times the test chooses, so figures drawn from them are exact."""
from __future__ import annotations

from datetime import datetime

from briefing.progress import ProgressStore, Review
from briefing.scheduling import Memory, Scheduler


class Grader:
    def __init__(self, store: ProgressStore, topic: str):
        self.store, self.topic = store, topic
        self.scheduler = Scheduler(fuzz=False)
        self.memories: dict[tuple[str, str], Memory] = {}

    def grade(self, card: str, prompt: str, rating: int, at: datetime,
              duration_ms: int | None = 4000) -> Memory:
        """Grade one prompt at `at`; returns its memory after."""
        before = self.memories.get((card, prompt))
        after = self.scheduler.outcomes(before, at).by_rating[rating]
        self.store.record(Review(self.topic, card, prompt, rating, at, after, before,
                                 duration_ms))
        self.memories[(card, prompt)] = after
        return after
