"""What changed between a topic's articles: themes set side by side, earlier and later.

`changes(topic, cards)` gives the hand-written comparisons of topic.yaml first, then
one for every card that cites both an earlier and a later article (its quotes
from each); `shared_themes(topic, cards)` gives the tags whose cards come from
both. The PDF prints both; the app's Compare view can show the same.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Card, Seed, Side, Topic

QUOTES_PER_SIDE = 2  # a generated side quotes at most this many passages of its card


@dataclass(frozen=True)
class Change:
    theme: str
    earlier: Side
    later: Side
    cards: tuple[str, ...]      # the card it comes from, or the comparison's related cards
    written: bool               # hand-written in topic.yaml (else generated from a card)

    @property
    def seeds(self) -> tuple[Seed, Seed]:
        return self.earlier.sources[0].seed, self.later.sources[0].seed


@dataclass(frozen=True)
class Theme:
    tag: str
    earlier: tuple[Card, ...]
    later: tuple[Card, ...]


def articles(topic: Topic) -> tuple[Seed, Seed] | None:
    """The earliest and the latest article, when the topic has articles of two years."""
    dated = sorted((s for s in topic.seeds if s.year is not None), key=lambda s: s.year)
    if len(dated) < 2 or dated[0].year == dated[-1].year:
        return None
    return dated[0], dated[-1]


def changes(topic: Topic, cards: tuple[Card, ...] | None = None) -> list[Change]:
    """Hand-written comparisons, then a change for each card citing two years' articles."""
    found = [Change(c.theme, c.earlier, c.later, c.related, True)
             for c in topic.comparisons if c.earlier.sources and c.later.sources]
    covered = {card_id for change in found for card_id in change.cards}
    for card in topic.cards if cards is None else cards:
        if card.id in covered:
            continue
        change = _from_card(card)
        if change is not None:
            found.append(change)
    return found


def _from_card(card: Card) -> Change | None:
    years = sorted({s.seed.year for s in card.sources if s.seed.year is not None})
    if len(years) < 2:
        return None

    def side(year: int) -> Side:
        quotes = [s for s in card.sources if s.seed.year == year][:QUOTES_PER_SIDE]
        return Side("", tuple(quotes))
    return Change(card.title, side(years[0]), side(years[-1]), (card.id,), False)


def shared_themes(topic: Topic, cards: tuple[Card, ...] | None = None) -> list[Theme]:
    """Tags whose cards draw on both the earliest and the latest article, with those cards.

    A tag naming an article (its id or its year, like 2004-article) marks the
    article, not a theme, and is left out."""
    pair = articles(topic)
    if pair is None:
        return []
    first, last = pair
    marks = [re.compile(rf"(?<![0-9a-z]){re.escape(str(x))}(?![0-9a-z])")
             for seed in topic.seeds for x in (seed.id, seed.year) if x is not None]
    pool = topic.cards if cards is None else cards
    tags = dict.fromkeys(t for c in pool for t in c.tags)
    themes = []
    for tag in tags:
        if any(mark.search(tag) for mark in marks):
            continue
        earlier = tuple(c for c in pool if tag in c.tags and _cites(c, first))
        later = tuple(c for c in pool if tag in c.tags and _cites(c, last))
        if earlier and later:
            themes.append(Theme(tag, earlier, later))
    return themes


def _cites(card: Card, seed: Seed) -> bool:
    return any(s.seed.id == seed.id for s in card.sources)
