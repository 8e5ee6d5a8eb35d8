"""What the loader keeps of each card for the checks across files, once every file is read:
the built card with its own problems, and its links to other cards with their places."""
from __future__ import annotations

from .model import Card, Problem
from .validator import Located


class Built:
    """A card as built from its file, with the problems found building it: whether it is
    a duplicate depends on the files before it, so that is decided when it is taken."""

    __slots__ = ("card", "links", "id_at", "problems")

    def __init__(self, card: Card, links: Links, id_at: tuple[int, int],
                 problems: list[Problem]):
        self.card, self.links, self.id_at, self.problems = card, links, id_at, problems


class Marked(list):
    """Ids gathered from several mappings, each with the place it was written."""

    def __init__(self, items, marks):
        super().__init__(items)
        self.marks = marks


class Links:
    """A card's ids of other cards and the places the checks across files report at,
    kept instead of its whole checked mapping."""

    __slots__ = ("shown", "related", "relations", "value_at", "unit_at")

    @classmethod
    def of(cls, shown: str, raw: Located) -> Links:
        links = cls()
        links.shown = shown
        links.related = raw.get("related")
        entries = [e for e in raw.get("relations", ()) if "to" in e]
        links.relations = Marked([e["to"] for e in entries], [e.at("to") for e in entries]) \
            if entries else None
        charted = "series" in raw  # only a figure in a series has its value and unit checked
        links.value_at = raw.at("value") if charted and "value" in raw else None
        links.unit_at = raw.at("unit") if charted else None
        return links
