"""Study: the cards due today, then the new ones, scheduled by FSRS; every grade is saved.

A card counts as due when a review falls before the end of the local day, or
when it is in its learning steps and due now; a card still learning that falls
due later today waits in a short queue and comes back when due (or, when
nothing else is left, up to LEARN_AHEAD early), as in Anki.
"""
from __future__ import annotations

import bisect
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable

from .. import clock as default_clock
from ..model import Card
from ..progress import ProgressStore, Review
from ..scheduling import RATINGS, Memory, Outcomes, Scheduler
from ..stats import Counts, end_of_day
from .grade_log import GradeLog, Saved
from .modes import Mode
from .session import QueuedSession

LEARN_AHEAD = timedelta(minutes=20)


@dataclass
class _Snapshot:
    """Everything a grade changes in the session, so Ctrl+Z can put it back."""

    queue: list[Card]
    learning: list[tuple[datetime, int, Card]]
    current: Card
    memory: Memory | None
    saved: Saved | None = None


class StudySession(QueuedSession):
    mode = Mode.STUDY
    grades = True

    def __init__(self, cards: list[Card], memories: dict[tuple[str, str], Memory],
                 log: GradeLog | None = None, clock: Callable[[], datetime] = default_clock.now,
                 scheduler: Scheduler | None = None):
        """memories: what the store knows of each studied card, by card key."""
        super().__init__(cards)
        self.memories = memories
        self.log = log or GradeLog(None)
        self.clock = clock
        self.scheduler = scheduler
        self.outcomes: Outcomes | None = None
        self._undo: list[_Snapshot] = []
        self._learning: list[tuple[datetime, int, Card]] = []  # (due, order, card), sorted
        self._order = 0
        self._revealed_at = clock()
        self._shown_at = time.monotonic()
        self._queue = self._due_queue()
        self._advance()

    # -- what is shown -----------------------------------------------------

    @property
    def remaining(self) -> int:
        """Cards still to go in this sitting, the current one included."""
        return len(self._queue) + len(self._learning) + (self.current is not None)

    def counts(self) -> Counts:
        """New, learning and review cards left today, the current one included."""
        new = learning = review = 0
        waiting = [self.current] if self.current is not None else []
        for card in waiting + self._queue:
            memory = self.memories.get(card.key)
            if memory is None:
                new += 1
            elif memory.learning:
                learning += 1
            else:
                review += 1
        return Counts(new, learning + len(self._learning), review)

    @property
    def next_due(self) -> datetime | None:
        """When the next card still learning today falls due (for "next in 8 minutes")."""
        return self._learning[0][0] if self._learning else None

    def button_labels(self) -> dict[int, str]:
        """Each rating with the interval it would give, e.g. {3: 'Good · 4d'}."""
        if self.outcomes is None:
            return dict(RATINGS)
        now = self._revealed_at  # the moment the outcomes were computed for
        return {r: f"{RATINGS[r]} · {self.outcomes.interval_text(r, now)}" for r in RATINGS}

    def progress_text(self) -> str:
        counts = self.counts()
        return (f"Study · {counts.new} new · {counts.learning} learning · "
                f"{counts.review} to review")

    # -- actions -------------------------------------------------------------

    def reveal(self) -> None:
        if self.current is None or self.revealed:
            return
        self.revealed = True
        self.scheduler = self.scheduler or Scheduler()
        self._revealed_at = self.clock()
        self.outcomes = self.scheduler.outcomes(self.memories.get(self.current.key),
                                                self._revealed_at, seed="/".join(self.current.key))

    def grade(self, rating: int) -> None:
        """Schedule and save the card. Raises ProgressError (the card stays on screen,
        nothing is kept) when the grade cannot be saved."""
        if self.current is None or rating not in RATINGS:
            return
        if not self.revealed:
            self.reveal()
        card = self.current
        before = self.memories.get(card.key)
        after = self.outcomes.by_rating[rating]
        snapshot = _Snapshot(list(self._queue), list(self._learning), card, before)
        snapshot.saved = self.log.save(Review(
            card.topic, card.id, rating, self._revealed_at, after,
            None if self.outcomes.reset else before,
            int((time.monotonic() - self._shown_at) * 1000)))
        self.memories[card.key] = after
        if after.due - self._revealed_at <= LEARN_AHEAD or (
                after.learning and after.due < end_of_day(self._revealed_at)):
            self._order += 1
            bisect.insort(self._learning, (after.due, self._order, card),
                          key=lambda entry: (entry[0], entry[1]))
        self._undo.append(snapshot)
        self._advance()

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def last_saved(self) -> Saved | None:
        """The latest grade of this session, for undo after the session is rebuilt."""
        return self._undo[-1].saved if self._undo else None

    def undo(self) -> bool:
        """Take back the last grade of this session; the card is shown again."""
        if not self._undo:
            return False
        snapshot = self._undo[-1]
        if snapshot.saved is not None:
            self.log.take_back(snapshot.saved)  # may raise ProgressError: keep the snapshot
        self._undo.pop()
        self._restore(snapshot.current, snapshot.memory)
        self._queue, self._learning = snapshot.queue, snapshot.learning
        self._show(snapshot.current)
        return True

    def take_back(self, saved: Saved, card: Card, memory: Memory | None) -> None:
        """Undo a grade given in an earlier session (before a filter or mode change)."""
        self.log.take_back(saved)
        self._restore(card, memory)
        self._learning = [entry for entry in self._learning if entry[2] != card]
        if card in self._queue:
            self._queue.remove(card)
        if self.current is not None and self.current != card:
            self._queue.insert(0, self.current)
        self._show(card)

    # -- internals -----------------------------------------------------------

    def _restore(self, card: Card, memory: Memory | None) -> None:
        if memory is None:
            self.memories.pop(card.key, None)
        else:
            self.memories[card.key] = memory

    def _due_queue(self) -> list[Card]:
        now = self.clock()
        day_end = end_of_day(now)
        due: list[tuple[datetime, Card]] = []
        new: list[Card] = []
        for card in self.cards:
            memory = self.memories.get(card.key)
            if memory is None:
                new.append(card)
            elif memory.due <= now or (not memory.learning and memory.due < day_end):
                due.append((memory.due, card))
            elif memory.learning and memory.due < day_end:
                # Still in its learning steps from an earlier sitting (failed a minute
                # ago, then the app restarted): it comes back in this one.
                self._order += 1
                self._learning.append((memory.due, self._order, card))
        self._learning.sort(key=lambda entry: (entry[0], entry[1]))
        due.sort(key=lambda entry: entry[0])
        return [card for _due, card in due] + new

    def _advance(self) -> None:
        now = self.clock()
        if self._learning and (self._learning[0][0] <= now or (
                not self._queue and self._learning[0][0] <= now + LEARN_AHEAD)):
            self._show(self._learning.pop(0)[2])
        elif self._queue:
            self._show(self._queue.pop(0))
        else:
            self._show(None)

    def _show(self, card: Card | None) -> None:
        super()._show(card)
        self.outcomes = None
        self._shown_at = time.monotonic()


def open_study(cards: list[Card], store: ProgressStore | None,
               clock: Callable[[], datetime] = default_clock.now,
               scheduler: Scheduler | None = None) -> StudySession:
    """A study session over these cards with what the store knows of them."""
    memories = {}
    if store is not None:
        for topic in {c.topic for c in cards}:
            memories.update(((topic, card_id), memory)
                            for card_id, memory in store.scheduled(topic).items())
    return StudySession(cards, memories, GradeLog(store), clock, scheduler)
