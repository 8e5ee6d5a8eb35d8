"""The FSRS scheduler (the `fsrs` package) behind types of our own.

Only this module knows fsrs: the rest of the app sees a Memory (what the
scheduler remembers of a studied card: its state, when it is due, and the
scheduler's own record, stored and handed back untouched) and the outcome of
each grade. fsrs is imported when a card is first revealed, not at start-up.
"""
from __future__ import annotations

import hashlib
import json
import random
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import IntEnum

RATINGS = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
DESIRED_RETENTION = 0.9


class CardState(IntEnum):
    """Where a studied card stands; the numbers are those the progress file stores."""

    LEARNING = 1    # in its first learning steps
    REVIEW = 2      # graduated to spaced reviews
    RELEARNING = 3  # failed a review, back in short steps


@dataclass(frozen=True)
class Memory:
    """What the scheduler remembers of one studied card."""

    state: CardState
    due: datetime
    data: str  # the scheduler's own record (JSON); only this module reads it

    @property
    def learning(self) -> bool:
        """In (re)learning steps: due again within the day, not in days."""
        return self.state != CardState.REVIEW


@dataclass(frozen=True)
class Outcomes:
    """The memory each rating would give, computed once so a button shows exactly the
    interval that grading gives. `reset` says the stored memory could not be read (a
    newer or damaged record) and the card starts again as new."""

    by_rating: dict[int, Memory]
    reset: bool = False

    def interval_text(self, rating: int, now: datetime) -> str:
        return interval_text(self.by_rating[rating].due - now)


class UnreadableMemory(ValueError):
    """A stored record this fsrs cannot read."""


def read(data: str) -> Memory:
    """A Memory from a stored record (e.g. the state before a grade, for undo)."""
    card = _card(data)
    return Memory(CardState(int(card.state)), card.due, data)


def _card(data: str | None):
    from fsrs import Card
    if not data:
        return Card(card_id=0)
    try:
        return Card.from_json(data)
    except (KeyError, ValueError, TypeError, AttributeError) as error:
        raise UnreadableMemory(str(error)) from error


class Scheduler:
    def __init__(self, desired_retention: float = DESIRED_RETENTION, fuzz: bool = True):
        from fsrs import Scheduler as Fsrs
        # Fuzzing spreads cards learned together over nearby days, as Anki does.
        self._fsrs = Fsrs(desired_retention=desired_retention, enable_fuzzing=fuzz)

    def outcomes(self, memory: Memory | None, now: datetime, seed: str = "") -> Outcomes:
        """What each rating gives a card with this memory (None: a new card) at `now`.

        The fuzz is drawn from `seed` (the card's key) and the memory, as Anki
        seeds it by card: revealing the same card twice shows the same intervals."""
        from fsrs import Rating
        reset = False
        try:
            card = _card(memory.data if memory else None)
        except UnreadableMemory:
            card, reset = _card(None), True
        result = {}
        for rating in RATINGS:
            with _fuzz_from(f"{seed}|{memory.data if memory and not reset else ''}|{rating}"):
                after, _log = self._fsrs.review_card(card, Rating(rating), now)
            result[rating] = Memory(CardState(int(after.state)), after.due, after.to_json())
        return Outcomes(result, reset)


@contextmanager
def _fuzz_from(seed: str):
    """fsrs draws its fuzz from the module-level random(); draw it from the seed instead."""
    import fsrs.scheduler as module
    drawn = random.Random(int.from_bytes(hashlib.sha256(seed.encode()).digest()[:8], "big"))
    original = module.random
    module.random = drawn.random
    try:
        yield
    finally:
        module.random = original


def difficulty_of(memory: Memory) -> float | None:
    """How hard the scheduler judges the prompt, 1 (easy) to 10 (hard); None before it knows."""
    try:
        value = json.loads(memory.data).get("difficulty")
    except (ValueError, AttributeError):
        return None
    return float(value) if isinstance(value, (int, float)) else None


def state_in(data: str | None) -> CardState | None:
    """The state a stored record gives, without building the scheduler's objects
    (statistics read thousands of them); None for a new card or an unreadable record."""
    if not data:
        return None
    try:
        return CardState(json.loads(data)["state"])
    except (ValueError, KeyError, TypeError):
        return None


@dataclass(frozen=True)
class MemoryFigures:
    """What Card Info shows of a stored record, read without the scheduler's objects."""

    state: CardState
    due: datetime
    stability: float | None   # days until recall falls to 90%
    difficulty: float | None  # 1 (easy) to 10 (hard)


def figures_in(data: str | None) -> MemoryFigures | None:
    """The figures of a stored record; None for a new prompt or a record we cannot read."""
    if not data:
        return None
    try:
        record = json.loads(data)
        return MemoryFigures(CardState(record["state"]), datetime.fromisoformat(record["due"]),
                             record.get("stability"), record.get("difficulty"))
    except (ValueError, KeyError, TypeError):
        return None


def in_state_sql(column: str, state: CardState) -> str:
    """SQL that is 1 where the record in `column` is in `state` and 0 elsewhere (no record,
    or one that cannot be read), as `state_in(record) == state`: statistics test the state
    of thousands of reviews in SQLite. fsrs writes records with json.dumps, so `"state": 2`
    is found as text, several times faster than parsing; a record written otherwise is
    parsed."""
    return (f"CASE WHEN instr({column}, '\"state\": {int(state)}') THEN 1 "
            f"WHEN instr({column}, '\"state\": ') THEN 0 "
            f"WHEN json_valid({column}) THEN json_extract({column}, '$.state') IS {int(state)} "
            "ELSE 0 END")


def last_review_sql(column: str) -> str:
    """SQL for the time (ISO text) of the last review the record in `column` remembers;
    NULL when it has none. fsrs writes it last, so it is read from the end of the record
    (with or without microseconds); a record written otherwise is searched, then parsed."""
    key = "'\"last_review\": \"'"
    found = f"instr({column}, {key})"
    rest = f"substr({column}, {found} + 16)"  # from the time on
    return (f"CASE WHEN substr({column}, -50, 16) = {key} THEN substr({column}, -34, 32) "
            f"WHEN substr({column}, -43, 16) = {key} THEN substr({column}, -27, 25) "
            f"WHEN {found} THEN substr({rest}, 1, instr({rest}, '\"') - 1) "
            f"WHEN json_valid({column}) THEN json_extract({column}, '$.last_review') END")


def interval_text(delta: timedelta) -> str:
    """A compact interval such as 10m, 3h, 4d, 2mo, 1.5y."""
    seconds = max(delta.total_seconds(), 0)
    minutes = seconds / 60
    if minutes < 1:
        return "<1m"
    if minutes < 60:
        return f"{round(minutes)}m"
    hours = minutes / 60
    if hours < 24:
        return f"{round(hours)}h"
    days = hours / 24
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        months = days / 30.4
        return f"{months:.1f}mo".replace(".0mo", "mo")
    years = days / 365
    return f"{years:.1f}y".replace(".0y", "y")
