"""What every way of going through cards offers the window."""
from __future__ import annotations

from collections.abc import Sequence

from ..model import Card
from ..scheduling import RATINGS
from .items import Item
from .modes import Mode


class Session:
    """A pass through some items (prompts, or whole cards). The window calls the actions,
    then draws `current` (None when the pass is over): its question, or its answer once
    `revealed`."""

    mode: Mode
    grades = False  # whether grade() does anything
    steps = False   # whether next() and previous() move through the items

    def __init__(self, items: Sequence[Item], cards: list[Card] | None = None):
        """cards: the items' cards in order, when the caller knows them (saves hashing
        every card)."""
        self.items = items
        self._cards = cards
        self.current: Item | None = None
        self.revealed = False

    @property
    def cards(self) -> list[Card]:
        """Made when first asked for: hashing 50,000 cards is not needed to show one."""
        if self._cards is None:
            self._cards = list(dict.fromkeys(item.card for item in self.items))
        return self._cards

    @cards.setter
    def cards(self, cards: list[Card]) -> None:
        self._cards = cards

    @property
    def current_card(self) -> Card | None:
        return self.current.card if self.current else None

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

    def skip(self) -> None:
        """The item on screen was suspended or buried; sessions that queue move on."""

    def previous(self) -> None:
        """Only sessions that step do anything."""

    def reorder(self, cards: list[Card]) -> None:
        """Only sessions that step go through their cards in the list's order."""

    def go_to(self, card: Card) -> bool:
        """Show a given card now (a related link, a click in the list)."""
        item = next((i for i in self.items if i.card == card), None)
        if item is None:
            return False
        self._show(item)
        return True

    def button_labels(self) -> dict[int, str]:
        return dict(RATINGS)

    def progress_text(self) -> str:
        raise NotImplementedError

    def _show(self, item: Item | None) -> None:
        self.current = item
        self.revealed = False


class QueuedSession(Session):
    """A session that takes its items from a queue (Study, Quiz)."""

    _queue: list[Item]

    def go_to(self, card: Card) -> bool:
        """Show the card now (its next prompt); the item it replaces goes back to the front
        of the queue."""
        if self.current is not None and self.current.card == card:
            return True
        item = next((i for i in self._queue if i.card == card), None) or next(
            (i for i in self.items if i.card == card), None)
        if item is None:
            return False
        if item in self._queue:
            self._queue.remove(item)
        if self.current is not None:
            self._queue.insert(0, self.current)
        self._show(item)
        return True
