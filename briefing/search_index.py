"""Finding cards by the words typed in the search box, at 50,000 cards between keystrokes.

A topic's search text (every card's title, front, back, quotes, ... lowercased)
is kept as one string, the cards end to end, so a word is found with str.find
at C speed instead of testing each card; after a match the search jumps to
the next card, so each card costs one find at most.
"""
from __future__ import annotations

from bisect import bisect_right

from .model import Topic

SEPARATOR = "\x00"  # no card text holds it, so no match spans two cards


class SearchIndex:
    def __init__(self, topic: Topic):
        texts = [card.search_text().replace(SEPARATOR, " ") for card in topic.cards]
        self.starts: list[int] = []
        position = 0
        for text in texts:
            self.starts.append(position)
            position += len(text) + 1
        self.text = SEPARATOR.join(texts)
        self._found: dict[str, frozenset[int]] = {}

    def matching(self, words: list[str]) -> frozenset[int]:
        """The positions (in topic.cards) of the cards holding every word."""
        result: frozenset[int] | None = None
        for word in sorted(set(words), key=len, reverse=True):  # the rarest first, likely
            found = self._cards_with(word)
            result = found if result is None else result & found
            if not result:
                break
        return result if result is not None else frozenset(range(len(self.starts)))

    def _cards_with(self, word: str) -> frozenset[int]:
        if word not in self._found:
            if len(self._found) > 256:  # typing many words: keep the memory bounded
                self._found.clear()
            found = []
            starts, find = self.starts, self.text.find
            at = find(word)
            while at != -1:
                card = bisect_right(starts, at) - 1
                found.append(card)
                following = card + 1
                if following >= len(starts):
                    break
                at = find(word, starts[following])
            self._found[word] = frozenset(found)
        return self._found[word]
