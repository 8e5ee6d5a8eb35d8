"""Finding cards by the words typed in the search box, at 50,000 cards between keystrokes.

Each card's search text (title, front, back, quotes, ... lowercased) is kept, and a
word is tested against all of them with map() and compress(), so the loop over
50,000 cards runs in C: a few milliseconds whether the word is rare or on every
card. (Jumping from match to match in one long string was as fast for a rare word,
but seven times slower for one on most cards.)
"""
from __future__ import annotations

from collections.abc import Iterator
from itertools import compress, count, repeat
from operator import contains

from .model import Topic


class SearchIndex:
    def __init__(self, topic: Topic):
        self.texts = [card.search_text() for card in topic.cards]
        self._found: dict[str, frozenset[int]] = {}

    @classmethod
    def in_steps(cls, topic: Topic, chunk: int = 1000) -> Iterator[SearchIndex | None]:
        """The index made `chunk` cards at a time: None after each step, then the index.
        At 50,000 cards the whole takes a fifth of a second, too long to block a window."""
        texts: list[str] = []
        cards = topic.cards
        for start in range(0, len(cards), chunk):
            texts.extend(card.search_text() for card in cards[start:start + chunk])
            yield None
        index = cls.__new__(cls)
        index.texts, index._found = texts, {}
        yield index

    def matching(self, words: list[str]) -> frozenset[int]:
        """The positions (in topic.cards) of the cards holding every word."""
        result: frozenset[int] | None = None
        for word in sorted(set(words), key=len, reverse=True):  # the rarest first, likely
            found = self._cards_with(word)
            result = found if result is None else result & found
            if not result:
                break
        return result if result is not None else frozenset(range(len(self.texts)))

    def _cards_with(self, word: str) -> frozenset[int]:
        if word not in self._found:
            if len(self._found) > 256:  # typing many words: keep the memory bounded
                self._found.clear()
            self._found[word] = frozenset(
                compress(count(), map(contains, self.texts, repeat(word))))
        return self._found[word]
