"""Which cards go into a PDF (kind and tag filters), and the link keys they get.

Keys are built from positions, never from ids or folder names: they go into
markup and PDF names, and must be the same on every reportlab pass.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..model import KINDS, Card, Topic


@dataclass(frozen=True)
class Part:
    """One topic's share of the export."""

    number: int
    topic: Topic
    cards: tuple[Card, ...]

    @property
    def key(self) -> str:
        return f"t{self.number}"

    @cached_property
    def _keys(self) -> dict[str, str]:
        chosen = {c.id for c in self.cards}
        return {c.id: f"t{self.number}-c{index}"
                for index, c in enumerate(self.topic.cards) if c.id in chosen}

    def card_key(self, card: Card) -> str | None:
        """The anchor of a card, or None when the card is not in this export."""
        return self._keys.get(card.id)

    def related(self, card: Card) -> list[tuple[Card, str | None]]:
        """The card's related cards, each with its key when it is in this export."""
        found = []
        for other_id in card.related:
            other = self.topic.card(other_id)
            if other is not None:
                found.append((other, self.card_key(other)))
        return found

    def of_kind(self, kind: str) -> tuple[Card, ...]:
        return tuple(c for c in self.cards if c.kind == kind)

    def series(self) -> dict[str, tuple[Card, ...]]:
        """Chartable series among the chosen figures (numbers only)."""
        groups: dict[str, list[Card]] = {}
        for card in self.of_kind("figure"):
            if card.series and isinstance(card.value, (int, float)) \
                    and not isinstance(card.value, bool):
                groups.setdefault(card.series, []).append(card)
        return {name: tuple(cards) for name, cards in groups.items()}


def select(topics, kinds=(), tags=()) -> list[Part]:
    """The topics with at least one card passing the filters, in order."""
    kinds = set(kinds) or set(KINDS)
    tags = set(tags)
    parts = []
    for topic in topics:
        cards = tuple(c for c in topic.cards
                      if c.kind in kinds and (not tags or tags & set(c.tags)))
        if cards:
            parts.append(Part(len(parts), topic, cards))
    return parts


def describe_filters(kinds=(), tags=()) -> str:
    """A line for the cover, so a reader knows the pack is partial."""
    bits = []
    if kinds and set(kinds) != set(KINDS):
        bits.append("kinds: " + ", ".join(k for k in KINDS if k in kinds))
    if tags:
        bits.append("tags: " + ", ".join(sorted(tags)))
    return "; ".join(bits)
