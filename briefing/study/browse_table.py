"""The Browse table with no Qt: its columns, the text of each cell, and the order of its
rows (deck order, or sorted by any column: numbers and times as such, not as text).

The Qt model (gui/card_table.py) only asks this for `cards`, `text` and `sort`.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import Enum

from ..card_figures import CardFigures
from ..model import KIND_NAMES, Card
from ..scheduling import interval_text

# Cards never studied have no due date or interval: they go last whichever way a column is
# sorted, as they have nothing to compare.
UNSET = object()


class Column(Enum):
    KIND = "Kind"
    TITLE = "Title"
    TOPIC = "Topic"
    DUE = "Due"
    INTERVAL = "Interval"
    REVIEWS = "Reviews"
    LAPSES = "Lapses"

    @property
    def numeric(self) -> bool:
        """Right-aligned, as numbers are."""
        return self in (Column.INTERVAL, Column.REVIEWS, Column.LAPSES)

    @property
    def studied(self) -> bool:
        """Drawn from the progress file, not the cards."""
        return self in (Column.DUE, Column.INTERVAL, Column.REVIEWS, Column.LAPSES)


COLUMNS = tuple(Column)


def due_text(due: datetime | None, now: datetime) -> str:
    """'new', a time for today ('today 09:10'), else the date ('27 Nov 2026'), local."""
    if due is None:
        return "new"
    local, today = due.astimezone(), now.astimezone().date()
    if local.date() == today:
        return f"today {local:%H:%M}"
    return f"{local.day} {local:%b %Y}"


class BrowseTable:
    def __init__(self, figures: Callable[[Card], CardFigures],
                 topic_title: Callable[[str], str], now: Callable[[], datetime],
                 read_all: Callable[[list[Card]], None] = lambda cards: None):
        self.figures = figures        # one card's figures, read when its row is drawn
        self.read_all = read_all      # read every card's figures at once, before a sort
        self.topic_title = topic_title
        self.now = now
        self.cards: list[Card] = []   # in the order shown
        self._deck: list[Card] = []   # in the order given
        self.sort_column: Column | None = None  # None: deck order
        self.descending = False

    def set_cards(self, cards: list[Card]) -> list[Card]:
        """Show these cards, in the order of the sort chosen; returns that order."""
        self._deck = list(cards)
        return self._order()

    def sort(self, column: Column | None, descending: bool = False) -> list[Card]:
        """Order the rows by a column (None: deck order); returns the new order."""
        self.sort_column, self.descending = column, descending
        return self._order()

    def _order(self) -> list[Card]:
        column, deck = self.sort_column, self._deck
        if column is None:
            self.cards = deck
            return self.cards
        if column.studied:
            self.read_all(deck)
        values = list(map(self._key(column), deck))
        rows = [row for row, value in enumerate(values) if value is not UNSET]
        rows.sort(key=values.__getitem__, reverse=self.descending)  # stable both ways
        if len(rows) < len(deck):
            rows += [row for row, value in enumerate(values) if value is UNSET]
        self.cards = [deck[row] for row in rows]
        return self.cards

    def _key(self, column: Column) -> Callable[[Card], object]:
        figures = self.figures
        if column is Column.KIND:
            return lambda card: KIND_NAMES.get(card.kind, card.kind)
        if column is Column.TITLE:
            return lambda card: card.title.casefold()
        if column is Column.TOPIC:
            titles: dict[str, str] = {}
            return lambda card: titles.get(card.topic) or titles.setdefault(
                card.topic, self.topic_title(card.topic).casefold())
        if column is Column.DUE:
            return lambda card: _or_unset(figures(card).due)
        if column is Column.INTERVAL:
            return lambda card: _or_unset(figures(card).interval)
        if column is Column.REVIEWS:
            return lambda card: figures(card).reviews
        return lambda card: figures(card).lapses

    def text(self, row: int, column: Column) -> str:
        card = self.cards[row]
        if column is Column.KIND:
            return KIND_NAMES.get(card.kind, card.kind)
        if column is Column.TITLE:
            return card.title
        if column is Column.TOPIC:
            return self.topic_title(card.topic)
        figures = self.figures(card)
        if column is Column.DUE:
            return due_text(figures.due, self.now())
        if column is Column.INTERVAL:
            return interval_text(figures.interval) if figures.interval is not None else ""
        return str(figures.reviews if column is Column.REVIEWS else figures.lapses)

    def row_of(self, card: Card, hint: int | None = None) -> int | None:
        """The row showing this card; hint: where it probably is (Browse's position)."""
        cards = self.cards
        if hint is not None and 0 <= hint < len(cards) and cards[hint] is card:
            return hint
        row = next((row for row, shown in enumerate(cards) if shown is card), None)
        if row is None:  # an equal card from a reload, not the same object
            row = next((row for row, shown in enumerate(cards) if shown.key == card.key), None)
        return row


def _or_unset(value):
    return UNSET if value is None else value
