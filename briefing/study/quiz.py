"""Quiz: the cards shuffled, each answered once and scored; the schedule is left alone."""
from __future__ import annotations

import random
from dataclasses import dataclass

from ..model import Card
from .items import Item, prompts_of
from .modes import Mode
from .session import QueuedSession


@dataclass
class Tally:
    """How many were answered, and how many known (Good or Easy)."""

    seen: int = 0
    known: int = 0


class QuizSession(QueuedSession):
    mode = Mode.QUIZ
    grades = True

    def __init__(self, cards: list[Card], rng: random.Random | None = None,
                 items: list[Item] | None = None, label: str = "Quiz"):
        """Every prompt of the cards, shuffled (or the items given: those missed, or a
        custom study's); label names it in the header."""
        super().__init__(items if items is not None else prompts_of(cards))
        self.label = label
        self.tally = Tally()
        self.missed: list[Item] = []  # answered Again or Hard, for a second round
        self._queue = list(self.items)
        (rng or random.Random()).shuffle(self._queue)
        self._undo: list[tuple[Item, Tally, int]] = []
        self._advance()

    def grade(self, rating: int) -> None:
        if self.current is None:
            return
        self._undo.append((self.current, Tally(self.tally.seen, self.tally.known),
                           len(self.missed)))
        self.tally.seen += 1
        self.tally.known += rating >= 3
        if rating < 3:
            self.missed.append(self.current)
        self._advance()

    def next(self) -> None:
        """Skip a card without answering it."""
        if self.current is not None:
            self._advance()

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo(self) -> bool:
        if not self._undo:
            return False
        card, self.tally, missed = self._undo.pop()
        del self.missed[missed:]
        if self.current is not None:
            self._queue.insert(0, self.current)
        self._show(card)
        return True

    def progress_text(self) -> str:
        return (f"{self.label} · {self.tally.seen} of {len(self.items)} answered · "
                f"{self.tally.known} known")

    def skip(self) -> None:
        if self.current is not None:
            self._advance()

    def _advance(self) -> None:
        self._show(self._queue.pop(0) if self._queue else None)
