"""Back after following a related-card link: where the user was (the card, the filter and
the mode), so Back (Alt+Left) returns there even when the link left the filter."""
from __future__ import annotations

from dataclasses import dataclass

from ..library import CardFilter
from ..model import Card
from .controller import StudyController
from .modes import Mode

LIMIT = 100  # places kept; the oldest go first


@dataclass(frozen=True)
class Place:
    card: Card
    filter: CardFilter
    mode: Mode


class LinkHistory:
    def __init__(self, controller: StudyController):
        self.controller = controller
        self.places: list[Place] = []

    @property
    def can_go_back(self) -> bool:
        return bool(self.places)

    def follow(self, card_id: str) -> bool:
        """Open a related card of the one shown, remembering this one; False when there is
        no such card."""
        controller = self.controller
        card = controller.session.current_card
        here = Place(card, controller.filter, controller.mode) if card else None
        if not controller.follow(card_id):
            return False
        if here is not None and controller.session.current_card != here.card:
            self.places = [*self.places, here][-LIMIT:]
        return True

    def back(self) -> bool:
        """Show the card the last link was followed from, in its filter and mode. A card
        that no longer exists is passed over; False when there is nothing to go back to."""
        controller = self.controller
        while self.places:
            place = self.places.pop()
            topic = controller.library.topic(place.card.topic)
            card = topic.card(place.card.id) if topic else None  # as loaded now
            if card is None:
                continue
            if (controller.filter, controller.mode) != (place.filter, place.mode):
                controller.mode = place.mode
                controller.set_filter(place.filter)
            if not controller.go_to(card):  # an edit took it out of that filter
                controller.mode = Mode.BROWSE
                controller.set_filter(CardFilter(card.topic))
                controller.go_to(card)
            return True
        return False
