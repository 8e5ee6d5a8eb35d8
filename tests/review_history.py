"""Reviews written straight through ProgressStore.record, for statistics tests: each one
says when it was, its rating, and the state and due time it leaves the prompt in."""
from __future__ import annotations

import json
from datetime import timedelta

from briefing.progress import Review, utc_text
from briefing.scheduling import CardState, Memory

LEARNING, REVIEW, RELEARNING = CardState.LEARNING, CardState.REVIEW, CardState.RELEARNING


def memory(state: CardState, due, last=None) -> Memory:
    """A stored record as fsrs writes one (json.dumps of its fields)."""
    return Memory(state, due, json.dumps({
        "card_id": 1, "state": int(state), "step": None if state == REVIEW else 0,
        "stability": 4.0, "difficulty": 5.0, "due": utc_text(due),
        "last_review": utc_text(last) if last else None}))


def grade(store, card, at, rating=3, state=REVIEW, due=None, before=None, prompt="card",
          topic="example") -> None:
    """One review at `at`, from state `before` (None: a new prompt), leaving the prompt in
    `state`, due at `due` (a day later unless given)."""
    due = due or at + timedelta(days=1)
    before_memory = memory(before, at) if before else None
    store.record(Review(topic, card, prompt, rating, at, memory(state, due, at), before_memory))
