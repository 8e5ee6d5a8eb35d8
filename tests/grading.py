"""Grades written as the app writes them: through the scheduler and ProgressStore.record,
at times the test chooses, so figures drawn from them are exact; and the fixtures of the
tests that read them (a topic whose card has two prompts, a progress file)."""
from __future__ import annotations

from datetime import datetime

import pytest
from conftest import PROMPTED

from briefing.loader import load_topic
from briefing.progress import ProgressStore, Review
from briefing.scheduling import Memory, Scheduler


@pytest.fixture
def topic(workspace):
    return load_topic(workspace.topic(files={"cards.yaml": PROMPTED}))


@pytest.fixture
def store(tmp_path):
    store = ProgressStore(tmp_path / "progress.sqlite3")
    yield store
    store.close()


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
