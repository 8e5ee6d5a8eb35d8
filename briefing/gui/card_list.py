"""The list of cards that pass the filters, as a model so 10,000 cards stay instant."""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QListView

from ..model import Card

KIND_MARKS = {"actor": "A", "objective": "O", "figure": "F"}
CARD_ROLE = Qt.ItemDataRole.UserRole


class CardListModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.cards: list[Card] = []
        self._rows: dict[tuple[str, str], int] | None = None

    def set_cards(self, cards: list[Card]) -> None:
        self.beginResetModel()
        self.cards = cards
        self._rows = None  # built when a row is first looked up
        self.endResetModel()

    def row_of(self, card: Card) -> int | None:
        if self._rows is None:
            self._rows = {(c.topic, c.id): row for row, c in enumerate(self.cards)}
        return self._rows.get((card.topic, card.id))

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.cards)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        card = self.cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{KIND_MARKS.get(card.kind, '?')}  {card.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return card.front
        if role == CARD_ROLE:
            return card
        return None


class CardList(QListView):
    card_chosen = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("cardList")
        self.list_model = CardListModel(self)
        self.setModel(self.list_model)
        self.setUniformItemSizes(True)  # lets Qt skip measuring every row
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._selecting = False  # select() moves the highlight to the card already shown
        # Every way the highlight moves (keys, a click, a search) shows its card.
        self.selectionModel().currentChanged.connect(self._on_current)

    def _on_current(self, index, _previous) -> None:
        if index.isValid() and not self._selecting:
            self.card_chosen.emit(index.data(CARD_ROLE))

    def set_cards(self, cards: list[Card]) -> None:
        self.list_model.set_cards(cards)

    def select(self, card: Card | None) -> None:
        if card is None:
            self.clearSelection()
            return
        row = self.list_model.row_of(card)
        if row is None:
            return
        index = self.list_model.index(row)
        self._selecting = True
        try:
            self.setCurrentIndex(index)
        finally:
            self._selecting = False
        self.scrollTo(index)
