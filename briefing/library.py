"""The topics the app has open, and the filters a student applies to them."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .loader import load_all
from .model import Card, Problem, Topic
from .quotes import SeedTexts


@dataclass(frozen=True)
class CardFilter:
    """Which cards to show: one topic (or all), kinds, a tag, and search text."""

    topic: str | None = None
    kinds: frozenset[str] = frozenset()
    tag: str | None = None
    text: str = ""

    def matches(self, card: Card, search_text: str) -> bool:
        if self.kinds and card.kind not in self.kinds:
            return False
        if self.tag and self.tag not in card.tags:
            return False
        words = self.text.lower().split()
        return all(word in search_text for word in words)


@dataclass
class Library:
    paths: list[Path]
    topics: list[Topic] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # with the paths themselves
    seeds: SeedTexts = field(default_factory=SeedTexts)

    def __post_init__(self):
        self._search: dict[tuple[str, str], str] = {}
        if not self.topics and not self.problems:
            self.reload()

    def reload(self) -> None:
        self.topics, self.problems = load_all(self.paths, self.seeds)
        self._search = {}

    def replace_topic(self, topic: Topic) -> None:
        """Swap in a freshly loaded topic (after an edit), keeping the order."""
        for index, old in enumerate(self.topics):
            if old.path == topic.path:
                self.topics[index] = topic
                break
        else:
            self.topics.append(topic)
        self._search = {k: v for k, v in self._search.items() if k[0] != topic.id}

    def topic(self, topic_id: str | None) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)

    def cards(self, wanted: CardFilter) -> list[Card]:
        topics = [self.topic(wanted.topic)] if wanted.topic else self.topics
        result = []
        for topic in topics:
            if topic is None:
                continue
            for card in topic.cards:
                if wanted.matches(card, self._search_text(card)):
                    result.append(card)
        return result

    def _search_text(self, card: Card) -> str:
        text = self._search.get(card.key)
        if text is None:
            text = self._search[card.key] = card.search_text()
        return text
