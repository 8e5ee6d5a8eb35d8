"""What a session goes through: one prompt of a card (Study, Quiz), or a whole card (Browse)."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Card, Prompt


@dataclass(frozen=True)
class Item:
    card: Card
    prompt: Prompt | None = None  # None: the whole card, front and back

    @property
    def key(self) -> tuple[str, str, str]:
        """Progress is stored under this: topic, card id, prompt id."""
        return (self.card.topic, self.card.id, self.prompt.id if self.prompt else "")

    @property
    def topic(self) -> str:
        return self.card.topic


def prompts_of(cards: list[Card]) -> list[Item]:
    """Every prompt of the cards, card by card, in order."""
    return [Item(card, prompt) for card in cards for prompt in card.studied_prompts]


def whole(cards: list[Card]) -> list[Item]:
    return [Item(card) for card in cards]
