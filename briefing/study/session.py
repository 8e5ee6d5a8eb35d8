"""What every way of going through cards offers the window."""
from __future__ import annotations

from ..model import Card
from ..scheduling import RATINGS
from .modes import Mode


class Session:
    """A pass through some cards. The window calls the actions, then draws `current`
    (None when the pass is over) with its front, or its back once `revealed`."""

    mode: Mode
    grades = False  # whether grade() does anything
    steps = False   # whether next() and previous() move through the cards

    def __init__(self, cards: list[Card]):
        self.cards = cards
        self.current: Card | None = None
        self.revealed = False

    @property
    def finished(self) -> bool:
        return self.current is None

    def reveal(self) -> None:
        if self.current is not None:
            self.revealed = True

    def flip(self) -> None:
        """Space: show the answer (Browse also turns the card back over)."""
        self.reveal()

    def grade(self, rating: int) -> None:
        """Only sessions that grade do anything."""

    def next(self) -> None:
        """Only sessions that step do anything."""

    def previous(self) -> None:
        """Only sessions that step do anything."""

    def go_to(self, card: Card) -> bool:
        """Show a given card now (a related link, a click in the list)."""
        if card not in self.cards:
            return False
        self._show(card)
        return True

    def button_labels(self) -> dict[int, str]:
        return dict(RATINGS)

    def progress_text(self) -> str:
        raise NotImplementedError

    def _show(self, card: Card | None) -> None:
        self.current = card
        self.revealed = False


class QueuedSession(Session):
    """A session that takes its cards from a queue (Study, Quiz)."""

    _queue: list[Card]

    def go_to(self, card: Card) -> bool:
        """Show the card now; the one it replaces goes back to the front of the queue."""
        if card not in self.cards:
            return False
        if self.current is not None and self.current != card:
            if card in self._queue:
                self._queue.remove(card)
            self._queue.insert(0, self.current)
        self._show(card)
        return True
