"""What the Browse table shows of each card's study, summed over the card's prompts: when it
is next due (the earliest prompt), its interval (the shortest), its reviews and its lapses.

A lapse is an Again given to a prompt in the Review state, as Anki counts them. Records of
cards or prompts no longer in the topic are left out, as the due counts leave them out.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from .model import Card, Topic
from .progress import ProgressStore
from .scheduling import CardState, state_in
from .stats import counted_prompt


@dataclass(frozen=True)
class CardFigures:
    due: datetime | None = None         # None: every prompt is new
    interval: timedelta | None = None   # from a prompt's last review to its due
    reviews: int = 0
    lapses: int = 0


NEW = CardFigures()


def tally(topic: Topic, states: list[tuple], reviews: list[tuple],
          agains: list[tuple]) -> dict[str, CardFigures]:
    """The figures of a topic's cards, by card id, from ProgressStore.tallies's rows; a card
    with no record is left out (it is NEW)."""
    last: dict[tuple[str, str], str] = {}
    counts: dict[str, list[int]] = {}  # card id: [reviews, lapses]
    for card_id, prompt_id, reviewed, reviewed_at in reviews:
        key = counted_prompt(topic, card_id, prompt_id)
        if key is not None:
            last[key] = max(reviewed_at, last.get(key, ""))  # ISO text in UTC sorts as time
            counts.setdefault(card_id, [0, 0])[0] += reviewed
    for card_id, prompt_id, before in agains:
        if counted_prompt(topic, card_id, prompt_id) and state_in(before) == CardState.REVIEW:
            counts.setdefault(card_id, [0, 0])[1] += 1
    due: dict[str, datetime] = {}
    interval: dict[str, timedelta] = {}
    for card_id, prompt_id, _state, due_at in states:
        key = counted_prompt(topic, card_id, prompt_id)
        if key is None:
            continue
        moment = datetime.fromisoformat(due_at)
        if card_id not in due or moment < due[card_id]:
            due[card_id] = moment
        if key in last:
            gap = moment - datetime.fromisoformat(last[key])
            if card_id not in interval or gap < interval[card_id]:
                interval[card_id] = gap
    return {card_id: CardFigures(due.get(card_id), interval.get(card_id),
                                 *counts.get(card_id, (0, 0)))
            for card_id in due.keys() | counts.keys()}


class StudyFigures:
    """The figures of the cards on show, read when first asked for: one card's when its row
    is drawn (a few indexed lookups), a whole topic's at once when a column is sorted."""

    def __init__(self, store: ProgressStore, topic_of):
        self.store = store
        self.topic_of = topic_of  # topic id -> Topic | None (the library's)
        self._known: dict[tuple[str, str], CardFigures] = {}  # cards read one by one
        self._whole: dict[str, dict[str, CardFigures]] = {}  # topics read at once, by card id
        self._read: dict[str, Topic] = {}  # the topics as they were when read
        self._version = store.outside_changes()

    def of(self, card: Card) -> CardFigures:
        whole = self._whole.get(card.topic)
        if whole is not None:
            return whole.get(card.id, NEW)
        found = self._known.get(card.key)
        if found is None:
            topic = self.topic_of(card.topic)
            if topic is None:
                return NEW
            found = tally(topic, *self.store.tallies(card.topic, card.id)).get(card.id, NEW)
            self._known[card.key] = found
            self._read[card.topic] = topic
        return found

    def read_all(self, cards: list[Card]) -> None:
        """Read the topics of these cards whole, before a sort asks for every card."""
        for topic_id in {card.topic for card in cards} - self._whole.keys():
            topic = self.topic_of(topic_id)
            if topic is not None:
                self._whole[topic_id] = tally(topic, *self.store.tallies(topic_id))
                self._read[topic_id] = topic

    def forget(self) -> None:
        """Grades changed them: read them again when next asked for."""
        self._known.clear()
        self._whole.clear()
        self._read.clear()

    def check(self) -> None:
        """Forget them if another program graded since they were read, or a topic was read
        again (an edit may have removed a prompt)."""
        version = self.store.outside_changes()
        if version != self._version or any(
                self.topic_of(topic_id) is not topic for topic_id, topic in self._read.items()):
            self._version = version
            self.forget()
