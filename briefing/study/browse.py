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
        super().__init__(whole(cards))
        self.position = 0
        self._rows = {card.key: row for row, card in enumerate(self.cards)}
        self._show(self.items[0] if self.items else None)

    def flip(self) -> None:
        if self.revealed:
            self.revealed = False  # browsing turns a card both ways
        else:
            self.reveal()

    def next(self) -> None:
        if self.position + 1 < len(self.items):
            self.position += 1
            self._show(self.items[self.position])

    def previous(self) -> None:
        if self.position > 0:
            self.position -= 1
            self._show(self.items[self.position])

    def go_to(self, card: Card) -> bool:
        row = self._rows.get(card.key)
        if row is None or self.cards[row] != card:
            return False
        self.position = row
        self._show(self.items[row])
        return True

    def progress_text(self) -> str:
        return f"Browse · card {self.position + 1} of {len(self.items)}"
