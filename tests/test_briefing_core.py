"""The Qt-free data behind the pack's pictures: chronology, actor map, what changed, glossary.

The app draws the same layouts, so these tests hold them to what a reader needs: rows in
time order, no label over another, no leader or arrow through the wrong place."""
from __future__ import annotations

import itertools

import pytest
from test_pdf_support import card, valid_topic, write_topic

from briefing import actor_map, chronology, compare
from briefing.geometry import Box, segments_cross, wrap
from briefing.glossary import Glossary, entries_sorted
from briefing.loader import load_topic
from briefing.model import GlossaryEntry


def dated_topic(tmp_path, dates):
    cards = [card(i, "objective", title=f"Event {i}", date=d) for i, d in enumerate(dates)]
    return valid_topic(write_topic(tmp_path, "dated", cards))


def test_chronology_lists_dated_cards_earliest_first_and_skips_the_undated(tmp_path):
    topic = dated_topic(tmp_path, ["2007-11-20", "1950–53", "2003-10", "2003", "1990s",
                                   "2003-09-25"])
    undated = valid_topic(write_topic(tmp_path, "plain", [card(0, "actor")]))
    rows = chronology.entries(topic)
    assert [r.when.text for r in rows] == ["1950–53", "1990s", "2003", "2003-09-25", "2003-10",
                                           "2007-11-20"]
    assert [r.number for r in rows] == [1, 2, 3, 4, 5, 6]
    assert rows[0].card_id == "card-1" and rows[0].title == "Event 1"
    assert chronology.entries(undated) == []


def test_an_event_is_cited_only_to_articles_that_could_report_it(tmp_path):
    (tmp_path / "old.txt").write_text("An old article about 2003.\n", encoding="utf-8")
    folder = write_topic(tmp_path, "two", [card(0, "actor", date="2007-10", sources=[
        {"seed": "art", "quote": "Fact number 0:"}, {"seed": "old", "quote": "An old article"}])])
    topic_yaml = folder / "topic.yaml"
    topic_yaml.write_text(topic_yaml.read_text(encoding="utf-8") + (
        "- id: old\n  file: ../old.txt\n  title: Old\n  year: 2004\n"), encoding="utf-8")
    [row] = chronology.entries(valid_topic(folder))
    assert [s.seed.id for s in row.sources] == ["art"]  # 2009: the 2004 article cannot know


def test_timeline_labels_never_overlap_and_leaders_never_cross(tmp_path):
    dates = ["1950–53", "1953", "1990s", "1992", "2000", "2001", "2003", "2003", "2003-09-25",
             "2003-10", "2005-12"] + ["2007-10"] * 4 + ["2007-10-09", "2007-11-20", "2007-12"]
    rows = chronology.entries(dated_topic(tmp_path, dates))
    timeline = chronology.layout_timeline(rows, 480)
    assert len(timeline.labels) == len(rows)
    boxes = [label.box for label in timeline.labels]
    assert not any(a.overlaps(b) for a, b in itertools.combinations(boxes, 2))
    for a, b in itertools.combinations(timeline.labels, 2):
        for s, t in itertools.product(zip(a.leader, a.leader[1:], strict=False),
                                      zip(b.leader, b.leader[1:], strict=False)):
            assert not segments_cross(s, t), (a.number, b.number)
    assert all(box.right <= 480 for box in boxes)
    tops = [label.box.y for label in timeline.labels]
    assert tops == sorted(tops)  # the labels read in time order, top to bottom
    assert [y for y, _year in timeline.ticks] == sorted(y for y, _year in timeline.ticks)
    assert timeline.breaks  # 1953 to 1990 is squeezed
    assert timeline.markers[0].y1 > timeline.markers[0].y0  # 1950–53 is drawn as a span


def test_a_long_timeline_grows_instead_of_overlapping(tmp_path):
    count = chronology.MAX_LABELS
    rows = chronology.entries(dated_topic(tmp_path, ["2003-10"] * count))
    timeline = chronology.layout_timeline(rows, 300)
    boxes = [label.box for label in timeline.labels]
    assert len(boxes) == count
    assert not any(a.overlaps(b) for a, b in itertools.combinations(boxes, 2))
    assert timeline.height >= sum(b.h for b in boxes)


def test_past_the_label_limit_the_timeline_marks_every_entry_and_names_none(tmp_path):
    rows = chronology.entries(dated_topic(tmp_path, ["2003-10"] * (chronology.MAX_LABELS + 1)))
    timeline = chronology.layout_timeline(rows, 300)
    assert timeline.labels == () and len(timeline.markers) == len(rows)


def actors_topic(tmp_path, count, relations=True):
    cards = []
    for i in range(count):
        extra = {"group": ("state", "leader", "institution", "school")[i % 4]}
        if relations and i:
            extra["relations"] = [{"to": f"card-{j}", "label": f"presses hard on actor {j} for "
                                   f"reasons of state (20{j:02d})", "type": "presses",
                                   "sources": [{"seed": "art", "quote": f"Fact number {i}:"}]}
                                  for j in range(max(0, i - 3), i)]
        cards.append(card(i, "actor", title=f"Actor number {i} of the map", **extra))
    return valid_topic(write_topic(tmp_path, f"actors{count}", cards, facts=count))


@pytest.mark.parametrize("count", [6, 23, 45])
def test_actor_map_label_boxes_never_overlap_each_other_or_any_actor(tmp_path, count):
    topic = actors_topic(tmp_path, count)
    graph = actor_map.graph(topic)
    layout = actor_map.layout(graph, 487, height=520)
    labels = list(layout.label_boxes)
    nodes = [n.box for n in layout.nodes]
    assert labels
    assert not any(a.overlaps(b) for a, b in itertools.combinations(labels, 2))
    assert not any(a.overlaps(b) for a, b in itertools.combinations(nodes, 2))
    assert not any(label.overlaps(node) for label in labels for node in nodes)
    assert all(box.inside(layout.width, layout.height) for box in labels + nodes)
    # every labelled arrow carries its words, or a number the legend explains (the legend
    # names both actors, for the rare arrow too crowded even for a number)
    for placed in layout.edges:
        if placed.edge.label and not placed.legend_number:
            assert placed.label_box is not None and placed.label_lines[0] in placed.edge.label
    numbered = [p for p in layout.edges if p.legend_number]
    assert sum(p.label_box is None for p in numbered) <= len(layout.edges) // 20


def test_actor_map_groups_actors_into_bands_and_arrows_join_their_actors(tmp_path):
    topic = actors_topic(tmp_path, 8)
    layout = actor_map.layout(actor_map.graph(topic), 487)
    assert [b.label for b in layout.bands] == ["Schools of thought", "Institutions", "States",
                                               "Leaders and officials"]
    band_top = {b.group: b.heading.y for b in layout.bands}
    for placed in layout.nodes:
        assert placed.box.y > band_top[placed.node.group]
    for placed in layout.edges:
        start, end = placed.path[0], placed.path[-1]
        source = layout.node(placed.edge.source).box.grown(1)
        target = layout.node(placed.edge.target).box.grown(1)
        assert source.contains(start) and target.contains(end)  # from border to border
        assert placed.arrow and placed.arrow[0] == end


def test_actors_without_relations_are_joined_by_their_related_links_once(tmp_path):
    cards = [card(0, "actor", related=["card-1"]), card(1, "actor", related=["card-0"]),
             card(2, "actor", related=["card-0", "card-3"]), card(3, "objective")]
    graph = actor_map.graph(valid_topic(write_topic(tmp_path, "related", cards)))
    pairs = sorted((e.source, e.target, e.type, e.directed) for e in graph.edges)
    assert pairs == [("card-0", "card-1", "related", False),
                     ("card-2", "card-0", "related", False)]


def test_group_comes_from_the_field_then_the_tags():
    from briefing.model import Card
    def actor(**kw):
        return Card("t", "a", "actor", "A", "f", "b", (), **kw)
    assert actor_map.group_of(actor(group="institution", tags=("leaders",))) == "institution"
    assert actor_map.group_of(actor(tags=("trade", "schools-of-thought"))) == "school"
    assert actor_map.group_of(actor(tags=("leaders",))) == "leader"
    assert actor_map.group_of(actor()) == "other"


def test_a_crowded_map_keeps_the_most_connected_actors_and_says_how_many_are_left(tmp_path):
    topic = actors_topic(tmp_path, actor_map.MAX_NODES + 5)
    graph = actor_map.graph(topic)
    assert len(graph.nodes) == actor_map.MAX_NODES and graph.left_out == 5


def test_what_changed_sets_each_card_drawing_on_both_articles_side_by_side(tmp_path):
    (tmp_path / "new.txt").write_text("A later fact, in 2012.\n", encoding="utf-8")
    folder = write_topic(tmp_path, "both", [
        card(0, "actor", title="Both", tags=["trade"], sources=[
            {"seed": "art", "quote": "Fact number 0:"}, {"seed": "new", "quote": "A later fact"}]),
        card(1, "objective", title="Old only", tags=["trade"]),
        card(2, "objective", title="New only", tags=["trade", "2012-article"],
             sources=[{"seed": "new", "quote": "A later fact, in 2012"}])])
    topic_yaml = folder / "topic.yaml"
    topic_yaml.write_text(topic_yaml.read_text(encoding="utf-8") + (
        "- id: new\n  file: ../new.txt\n  title: New\n  year: 2012\n"), encoding="utf-8")
    topic = valid_topic(folder)
    first, last = compare.articles(topic)
    assert (first.id, last.id) == ("art", "new")
    [change] = compare.changes(topic)
    assert (change.theme, change.written, change.cards) == ("Both", False, ("card-0",))
    assert [s.quote for s in change.earlier.sources] == ["Fact number 0:"]
    assert [s.quote for s in change.later.sources] == ["A later fact"]
    [theme] = compare.shared_themes(topic)  # "2012-article" names an article, not a theme
    assert theme.tag == "trade"
    assert [c.title for c in theme.earlier] == ["Both", "Old only"]
    assert [c.title for c in theme.later] == ["Both", "New only"]


def test_glossary_finds_terms_whole_word_acronyms_in_capitals_only():
    entries = [GlossaryEntry("DPRK", "North Korea", ()),
               GlossaryEntry("Six-Party Talks", "The talks", ()),
               GlossaryEntry('"buffer zone" school', "A school", (), also=("buffer zone school",)),
               GlossaryEntry("peace regime", "A peace", ())]
    text = ("The DPRK, not the dprk nor DPRKs; the six-party talks; the “buffer zone” school "
            "and the buffer zone school; a Peace Regime; the PRC-DPRK relationship.")
    found = [(m.text(text), m.entry.term) for m in Glossary(entries).find(text)]
    assert found == [("DPRK", "DPRK"), ("six-party talks", "Six-Party Talks"),
                     ("“buffer zone” school", '"buffer zone" school'),
                     ("buffer zone school", '"buffer zone" school'),
                     ("Peace Regime", "peace regime"), ("DPRK", "DPRK")]
    assert [e.term for e in entries_sorted(entries)] == ['"buffer zone" school', "DPRK",
                                                         "peace regime", "Six-Party Talks"]
    assert Glossary([]).find(text) == []


def test_the_longest_term_wins_where_two_overlap():
    entries = [GlossaryEntry("Armistice", "a", ()),
               GlossaryEntry("1953 Armistice Agreement", "b", ())]
    [match] = Glossary(entries).find("the 1953 Armistice Agreement was signed")
    assert match.entry.term == "1953 Armistice Agreement"


def test_wrapped_labels_fit_their_width_and_end_with_an_ellipsis_when_cut():
    lines = wrap("Advocates of a China–North Korea–Russia alignment", 60, 7.5, max_lines=2)
    assert lines[0] == "Advocates of a"
    assert lines[-1].endswith("…") and len(lines) == 2
    assert Box(0, 0, 10, 10).overlaps(Box(9, 9, 5, 5))
    assert not Box(0, 0, 10, 10).overlaps(Box(10, 0, 5, 5))


def test_the_bundled_deck_maps_every_actor_and_dates_its_events():
    from briefing.paths import bundled_cards
    topic = load_topic(bundled_cards() / "china-north-korea")
    assert topic.ok
    graph = actor_map.graph(topic)
    assert len(graph.nodes) == len(topic.cards_of("actor")) and graph.left_out == 0
    layout = actor_map.layout(graph, 487, height=520)
    labels = layout.label_boxes
    assert not any(a.overlaps(b) for a, b in itertools.combinations(labels, 2))
    assert len(layout.legend) <= 4  # nearly every label sits on its arrow
    assert all(p.label_box is not None for p in layout.edges if p.edge.label)


def test_a_figure_shows_its_as_of_date_only_where_its_value_does_not_say_it():
    from briefing.model import Card

    def figure(value, as_of):
        return Card("t", "f", "figure", "F", "q", "a", (), value=value, as_of=as_of)
    assert figure("1950–53", "1950–53").as_of_text == ""
    assert figure("1953 Armistice Agreement", "1953").as_of_text == ""
    assert figure("end of 2007", "2007").as_of_text == ""
    assert figure("Second-Phase Actions", "2007-10").as_of_text == "as of October 2007"
    assert figure(1.4, "2004").as_of_text == "as of 2004"
    assert figure(2004, "2004").as_of_text == ""
    assert figure("about 33", "as reported in 2007").as_of_text == "as reported in 2007"
