"""Going through cards: Study (scheduled), Browse (in order) and Quiz (shuffled).

A session is a plain object with no Qt: the window calls reveal(), grade(),
undo(), next() and previous(), then draws `current`. Only Study writes to the
progress store; Browse and Quiz leave the schedule alone.
"""
from __future__ import annotations

import bisect
import random
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Callable

from . import clock
from .model import Card
from .progress import ProgressStore
from .scheduling import RATINGS, interval_text, make_scheduler, outcomes

MODES = ("study", "browse", "quiz")
# A card failed or still in its learning steps comes back in the same sitting
# when it falls due within this window, as in Anki.
LEARN_AHEAD = timedelta(minutes=20)


def utc_now() -> datetime:
    return clock.now()


@dataclass
class _Snapshot:
    """Everything a grade changes in the session, so Ctrl+Z can put it back."""

    queue: list[Card]
    learning: list[tuple[datetime, int, Card]]
    current: Card | None
    known: int
    seen: int
    review_id: int | None


@dataclass
class Tally:
    """Quiz score: how many were answered, how many known (Good or Easy)."""

    seen: int = 0
    known: int = 0


@dataclass
class StudySession:
    cards: list[Card]
    store: ProgressStore | None = None
    mode: str = "study"
    clock: Callable[[], datetime] = utc_now
    scheduler: object = None
    rng: random.Random = field(default_factory=random.Random)

    def __post_init__(self):
        if self.mode not in MODES:
            raise ValueError(f"unknown mode {self.mode!r}")
        self.revealed = False
        self.tally = Tally()
        self._undo: list[_Snapshot] = []
        self._learning: list[tuple[datetime, int, Card]] = []  # (due, order, card), sorted
        self._order = 0
        self._outcomes: dict = {}
        self._revealed_at = self.clock()
        self._shown_at = time.monotonic()
        self.position = 0
        self._states = self._load_states()
        if self.mode == "study":
            self._queue = self._due_queue()
        elif self.mode == "quiz":
            self._queue = list(self.cards)
            self.rng.shuffle(self._queue)
        else:
            self._queue = list(self.cards)
        self.current: Card | None = None
        self._advance()

    # -- what is shown -----------------------------------------------------

    @property
    def finished(self) -> bool:
        return self.current is None

    @property
    def remaining(self) -> int:
        """Cards still to go in this sitting, the current one included."""
        if self.mode == "browse":
            return len(self._queue) - self.position
        return len(self._queue) + len(self._learning) + (self.current is not None)

    def counts(self) -> tuple[int, int, int]:
        """Study mode: (new, learning, due) left, the current card included."""
        states = self._states
        pending = len(self._queue) + (self.current is not None)
        new = sum(1 for c in self._queue if (c.topic, c.id) not in states) if states else \
            len(self._queue)
        if self.current is not None and self.current.key not in states:
            new += 1
        return new, len(self._learning), pending - new

    def button_labels(self) -> dict[int, str]:
        """Each rating with the interval it would give, e.g. {3: 'Good · 4d'}."""
        if self.mode != "study" or not self._outcomes:
            return dict(RATINGS)
        now = self._revealed_at  # the moment the outcomes were computed for
        return {r: f"{RATINGS[r]} · {interval_text(c.due - now)}" for r, c in self._outcomes.items()}

    # -- actions -------------------------------------------------------------

    def reveal(self) -> None:
        if self.current is None or self.revealed:
            return
        self.revealed = True
        if self.mode == "study":
            entry = self._states.get(self.current.key)
            self.scheduler = self.scheduler or make_scheduler()
            self._revealed_at = self.clock()
            self._outcomes = outcomes(self.scheduler, entry.fsrs_json if entry else None,
                                      self._revealed_at)

    def grade(self, rating: int) -> None:
        """Study: schedule and save the card. Quiz: count it. Browse: ignored."""
        if self.current is None or rating not in RATINGS or self.mode == "browse":
            return
        if not self.revealed:
            self.reveal()
        snapshot = _Snapshot(list(self._queue), list(self._learning), self.current,
                             self.tally.known, self.tally.seen, None)
        if self.mode == "study":
            snapshot.review_id = self._save(self.current, rating)
        self.tally.seen += 1
        self.tally.known += rating >= 3
        self._undo.append(snapshot)
        self._advance()

    def undo(self) -> bool:
        """Take back the last grade of this session; the card is shown again."""
        if not self._undo:
            return False
        snapshot = self._undo[-1]
        if snapshot.review_id is not None and self.store is not None:
            self.store.undo(snapshot.review_id)  # may raise ProgressError: keep the snapshot
            self._refresh_state(snapshot.current)
        self._undo.pop()
        self._queue, self._learning = snapshot.queue, snapshot.learning
        self.tally.known, self.tally.seen = snapshot.known, snapshot.seen
        self._show(snapshot.current)
        return True

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def last_review_id(self) -> int | None:
        """The review saved by the latest grade of this session, for undo after a rebuild."""
        return self._undo[-1].review_id if self._undo else None

    def take_back(self, review_id: int, card: Card) -> None:
        """Undo a grade given in an earlier session (before a filter or mode change)."""
        if self.store is None:
            return
        self.store.undo(review_id)
        self._refresh_state(card)
        if card in self._queue:
            self._queue.remove(card)
        if self.current is not None and self.current != card:
            self._queue.insert(0, self.current)
        self._show(card)

    def next(self) -> None:
        """Browse and Quiz: move on without grading."""
        if self.mode == "browse":
            if self.position + 1 < len(self._queue):
                self.position += 1
                self._show(self._queue[self.position])
        elif self.mode == "quiz" and self.current is not None:
            self._advance()

    def previous(self) -> None:
        if self.mode == "browse" and self.position > 0:
            self.position -= 1
            self._show(self._queue[self.position])

    def go_to(self, card: Card) -> bool:
        """Show a given card now (a related link, a click in the list)."""
        if card not in self.cards:
            return False
        if self.mode == "browse":
            self.position = self._queue.index(card)
        elif self.current is not None and self.current != card:
            if card in self._queue:
                self._queue.remove(card)
            self._queue.insert(0, self.current)
        self._show(card)
        return True

    # -- internals -----------------------------------------------------------

    def _load_states(self) -> dict:
        """Scheduled state of each studied card, by (topic, card id); Study mode only."""
        states = {}
        if self.store is not None and self.mode == "study":
            for topic in {c.topic for c in self.cards}:
                states.update(((topic, card_id), entry)
                              for card_id, entry in self.store.scheduled(topic).items())
        return states

    def _refresh_state(self, card: Card) -> None:
        entry = self.store.one(card.topic, card.id) if self.store else None
        if entry is None:
            self._states.pop(card.key, None)
        else:
            self._states[card.key] = entry

    def _due_queue(self) -> list[Card]:
        now = self.clock()
        states = self._states
        if not states:
            return list(self.cards)
        due = sorted((c for c in self.cards if (c.topic, c.id) in states
                      and states[c.topic, c.id].due <= now), key=lambda c: states[c.key].due)
        # A card still in its learning steps from an earlier sitting (failed a minute
        # ago, then the app restarted) comes back in this one, as within a sitting.
        soon = sorted((c for c in self.cards if c.key in states
                       and now < states[c.key].due <= now + LEARN_AHEAD),
                      key=lambda c: states[c.key].due)
        for card in soon:
            self._order += 1
            self._learning.append((states[card.key].due, self._order, card))
        new = [c for c in self.cards if (c.topic, c.id) not in states]
        return due + new

    def _save(self, card: Card, rating: int) -> int | None:
        after = self._outcomes[rating]
        before = self._states.get(card.key)
        now = self._revealed_at
        duration = int((time.monotonic() - self._shown_at) * 1000)
        review_id = None
        if self.store is not None:
            review_id = self.store.record(card.topic, card.id, rating,
                                          before.fsrs_json if before else None,
                                          int(after.state), after.due, after.to_json(), now, duration)
            self._refresh_state(card)
        if after.due - now <= LEARN_AHEAD:
            self._order += 1
            bisect.insort(self._learning, (after.due, self._order, card),
                          key=lambda entry: (entry[0], entry[1]))
        return review_id

    def _advance(self) -> None:
        if self.mode == "browse":
            self._show(self._queue[self.position] if self._queue else None)
            return
        now = self.clock()
        if self._learning and (self._learning[0][0] <= now or not self._queue):
            self._show(self._learning.pop(0)[2])
        elif self._queue:
            self._show(self._queue.pop(0))
        else:
            self._show(None)

    def _show(self, card: Card | None) -> None:
        self.current = card
        self.revealed = False
        self._outcomes = {}
        self._shown_at = time.monotonic()
