"""What the app's Timeline, Actor map and Compare views decide, without Qt: which topic
they draw (or why none), what a hovered actor lights up, what each side of a comparison
cites, and what Compare says when a topic has nothing to set side by side."""
from __future__ import annotations

from dataclasses import dataclass

from .actor_map import ActorMap, Graph, natural_height
from .chronology import Entry
from .compare import articles, changes
from .geometry import Measure
from .model import Seed, Side, Topic
from .wording import plural


def topic_of(scope: list[Topic]) -> Topic | None:
    """The one topic a view draws: the sidebar's; None with all (or no) topics in scope."""
    return scope[0] if len(scope) == 1 else None


def choose_note(scope: list[Topic], what: str) -> str:
    """Why there is no `what` (a timeline, an actor map) to draw for this scope."""
    if not scope:
        return f"No topic is open, so there is no {what} to show."
    return (f"Choose a topic in the sidebar to see its {what}; with all "
            f"{plural(len(scope), 'topic')} selected they would mix.")


def cited(seeds) -> str:
    """The short citations of articles, each once: "China Brief 4:5, 2004; ...\""""
    return "; ".join(dict.fromkeys(seed.short_label for seed in seeds))


def entry_hint(entry: Entry) -> str:
    """What the pointer on a timeline entry shows: a key judgment's text (it has no card
    to open), or the card the click opens."""
    if entry.card_id is None:
        return f"{entry.title} ({entry.when.label}): {entry.event}"
    return f"{entry.when.label}: {entry.event}\nClick to open the card “{entry.title}”."


# --- the actor map ------------------------------------------------------------------


@dataclass(frozen=True)
class Focus:
    """What stays lit while the pointer is on an actor: it, its relations and their ends."""

    node: str
    nodes: frozenset[str]
    edges: frozenset[int]   # indexes into ActorMap.edges


def focus(actor_map: ActorMap, node_id: str) -> Focus:
    edges = [i for i, placed in enumerate(actor_map.edges)
             if node_id in (placed.edge.source, placed.edge.target)]
    ends = {end for i in edges for end in (actor_map.edges[i].edge.source,
                                           actor_map.edges[i].edge.target)}
    return Focus(node_id, frozenset(ends | {node_id}), frozenset(edges))


WIDER = (1.0, 1.15, 1.3, 1.5, 1.75, 2.0, 2.3)    # widths tried, as multiples of the narrowest


def map_width(g: Graph, view_w: float, view_h: float, zoom: float, measure: Measure) -> float:
    """The width to lay the actor map out at for a view of view_w x view_h pixels that
    shows all of it: at `zoom` (the app's text size) where it fits so, else the width at
    which it shrinks least to fit. Widths are tried by the map's height before its arrows
    are routed, which is what costs."""
    narrowest = view_w / zoom

    def fitted(width: float) -> float:
        return min(zoom, view_w / width, view_h / max(natural_height(g, width, measure), 1.0))
    return max((narrowest * k for k in WIDER), key=lambda w: (round(fitted(w), 3), -w))


# --- comparing the articles -----------------------------------------------------------


def side_cites(side: Side) -> str:
    """The articles one side of a change quotes."""
    return cited(s.seed for s in side.sources)


def compare_note(topic: Topic) -> str:
    """Why Compare has nothing to set side by side for this topic, or "" when it has."""
    seeds = topic.seeds
    dated = [s for s in seeds if s.year is not None]
    if not seeds:
        return "This topic has no articles, so there is nothing to compare."
    if len(seeds) == 1:
        return (f"This topic draws on one article, {_named(seeds[0])}. Compare sets what an "
                "earlier article says beside what a later one says.")
    if not dated:
        return ("None of this topic's articles has a year (year: in topic.yaml), so Compare "
                "cannot tell the earlier from the later.")
    if articles(topic) is None:
        undated = len(seeds) - len(dated)
        more = (f"; {plural(undated, 'other article')} {'has' if undated == 1 else 'have'} "
                "no year in topic.yaml") if undated else ""
        return (f"This topic's dated articles are all from {dated[0].year}{more}. Compare sets "
                "an earlier article beside a later one.")
    if not changes(topic):
        return ("Nothing is compared yet: write comparisons in topic.yaml, or give a card "
                "quotes from both the earlier and the later article.")
    return ""


def _named(seed: Seed) -> str:
    return f"“{seed.title}”" + (f" ({seed.year})" if seed.year else "")
