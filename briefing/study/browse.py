"""Browse: every card in order, turned over and back; the schedule is left alone."""
from __future__ import annotations

from ..model import Card
from .items import whole
from .modes import Mode
from .session import Session


class BrowseSession(Session):
    mode = Mode.BROWSE
    steps = True

    def __init__(self, cards: list[Card]):
        cards = list(cards)
        super().__init__(whole(cards), cards)
        self.position = 0
        self._rows: dict[tuple[str, str], int] | None = None  # made on the first go_to
        self.moved = False  # the user has gone from the first card
        self._show(self.items[0] if self.items else None)

    def reorder(self, cards: list[Card]) -> None:
        """The same cards in the order the table shows them (sorted by a column): stepping
        follows that order. The card shown stays, unless the user has not moved yet:
        then the first card of the new order is shown."""
        current = self.current_card
        self.cards = list(cards)
        self.items = whole(self.cards)
        self._rows = None
        if not self.moved or current is None:
            self.position = 0
            self._show(self.items[0] if self.items else None)
            return
        self.position = next((row for row, card in enumerate(self.cards) if card is current), 0)
        self._show(self.items[self.position])

    def flip(self) -> None:
        if self.revealed:
            self.revealed = False  # browsing turns a card both ways
        else:
            self.reveal()

    def next(self) -> None:
        if self.position + 1 < len(self.items):
            self.moved = True
            self.position += 1
            self._show(self.items[self.position])

    def previous(self) -> None:
        if self.position > 0:
            self.moved = True
            self.position -= 1
            self._show(self.items[self.position])

    def go_to(self, card: Card) -> bool:
        if self._rows is None:
            self._rows = {c.key: row for row, c in enumerate(self.cards)}
        row = self._rows.get(card.key)
        if row is None or self.cards[row] != card:
            return False
        self.position, self.moved = row, True
        self._show(self.items[row])
        return True

    def progress_text(self) -> str:
        return f"Browse · card {self.position + 1} of {len(self.items)}"
