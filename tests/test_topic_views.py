"""What the Timeline, Actor map and Compare views decide, without Qt: the topic they draw,
what a hovered actor lights, the width the map is laid out at, and what Compare says
when a topic has nothing to compare."""
from __future__ import annotations

import dataclasses

import pytest

from briefing import actor_map, chronology
from briefing.loader import load_topic
from briefing.paths import bundled_cards
from briefing.topic_views import choose_note, compare_note, entry_hint, focus, map_width, topic_of


@pytest.fixture(scope="module")
def bundled():
    topic = load_topic(bundled_cards() / "china-north-korea")
    assert topic.ok, topic.problems
    return topic


def test_a_view_draws_the_one_topic_in_scope_and_asks_for_one_among_several(bundled):
    other = dataclasses.replace(bundled, id="other")
    assert topic_of([bundled]) is bundled
    assert topic_of([bundled, other]) is None and topic_of([]) is None
    note = choose_note([bundled, other], "timeline")
    assert note.startswith("Choose a topic in the sidebar to see its timeline")
    assert "2 topics" in note
    assert choose_note([], "actor map") == "No topic is open, so there is no actor map to show."


def test_the_pointer_on_an_actor_lights_its_relations_and_the_actors_at_their_ends(bundled):
    laid = actor_map.layout(actor_map.graph(bundled), 500)
    lit = focus(laid, "kim-jong-il")
    touching = [i for i, e in enumerate(laid.edges) if "kim-jong-il" in (e.edge.source,
                                                                         e.edge.target)]
    assert lit.edges == frozenset(touching) and touching
    assert [laid.edges[i] for i in sorted(lit.edges)] == list(laid.edges_of("kim-jong-il"))
    assert "kim-jong-il" in lit.nodes and "china" in lit.nodes
    assert "chen-shui-bian" not in lit.nodes  # no relation of Kim Jong-Il's reaches him


def test_natural_height_is_the_height_the_layout_comes_out_at(bundled):
    graph = actor_map.graph(bundled)
    for width in (380, 500, 760):
        assert actor_map.natural_height(graph, width) == pytest.approx(
            actor_map.layout(graph, width).height)


def test_the_map_is_laid_out_wider_for_a_short_wide_view_and_at_text_size_when_it_fits(
        bundled):
    graph = actor_map.graph(bundled)
    zoom = 1.6
    # A tall view: the map fits at the app's text size, as narrow as that asks.
    assert map_width(graph, 800, 4000, zoom, actor_map.estimate_width) == pytest.approx(800 / zoom)
    # A short wide view: wider, so fewer rows, and the fitted map shrinks less.
    wide = map_width(graph, 640, 300, zoom, actor_map.estimate_width)
    assert wide > 640 / zoom * 1.1

    def fitted(width):
        return min(640 / width, 300 / actor_map.natural_height(graph, width))
    assert fitted(wide) > fitted(640 / zoom) * 1.2


def test_a_key_judgment_on_the_timeline_shows_its_text_and_a_card_says_it_opens(bundled,
                                                                                 workspace):
    rows = chronology.entries(bundled)
    wu = next(r for r in rows if r.card_id == "wu-bangguo")
    assert entry_hint(wu).startswith("25 September 2003: ")
    assert "Click to open the card “Wu Bangguo”." in entry_hint(wu)
    judgment = chronology.Entry(1, wu.when, "Key judgment 1", "Beijing handled it well.",
                                "judgment", ())
    assert entry_hint(judgment) == "Key judgment 1 (25 September 2003): Beijing handled it well."


def test_compare_says_why_a_topic_has_nothing_to_set_side_by_side(bundled, workspace):
    assert compare_note(bundled) == ""
    one = load_topic(workspace.topic())
    assert compare_note(one).startswith("This topic draws on one article, “Example Article On "
                                        "Trade” (2006).")
    seeds = (one.seeds[0], dataclasses.replace(one.seeds[0], id="b", title="Another"))
    assert "are all from 2006" in compare_note(dataclasses.replace(one, seeds=seeds))
    undated = tuple(dataclasses.replace(s, year=None) for s in seeds)
    assert compare_note(dataclasses.replace(one, seeds=undated)).startswith(
        "None of this topic's articles has a year")
    later = (seeds[0], dataclasses.replace(seeds[1], year=2009))
    assert compare_note(dataclasses.replace(one, seeds=later)).startswith("Nothing is compared")
