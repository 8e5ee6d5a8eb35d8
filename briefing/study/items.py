"""What a session goes through: one prompt of a card (Study, Quiz), or a whole card (Browse)."""
from __future__ import annotations

from collections.abc import Sequence

from ..model import Card, Prompt


class Item:
    """A prompt of a card, or (prompt None) the whole card, front and back."""

    __slots__ = ("card", "prompt", "key")

    def __init__(self, card: Card, prompt: Prompt | None = None):
        self.card = card
        self.prompt = prompt
        # Progress is stored under this: topic, card id, prompt id. Made once: a session
        # looks it up for every item, and there may be 50,000.
        self.key = (card.topic, card.id, prompt.id if prompt else "")

    @property
    def topic(self) -> str:
        return self.card.topic

    def __eq__(self, other) -> bool:
        return isinstance(other, Item) and self.key == other.key and self.card == other.card

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        return f"Item({'/'.join(self.key)})"


def prompts_of(cards: list[Card]) -> list[Item]:
    """Every prompt of the cards, card by card, in order."""
    return [Item(card, prompt) for card in cards for prompt in card.studied_prompts]


class Whole(Sequence):
    """The whole cards as items, each made when asked for: Browse opens on 50,000 cards
    without making 50,000 items first."""

    def __init__(self, cards: list[Card]):
        self.cards = cards

    def __len__(self) -> int:
        return len(self.cards)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [Item(card) for card in self.cards[index]]
        return Item(self.cards[index])


def whole(cards: list[Card]) -> Whole:
    return Whole(cards)
