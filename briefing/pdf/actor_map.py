"""The pack's Actor map: the actors in their groups and the arrows of their relations,
drawn from the core's layout, each actor linking to its card."""
from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Path, Polygon, Rect
from reportlab.lib import colors
from reportlab.platypus import Spacer

from .. import actor_map
from .diagram import DiagramText, LinkedDrawing, flip
from .markup import link
from .paragraph import Paragraph
from .styles import INK, PACK

GROUP_COLORS = {"state": ("#1f4e8c", "#e8eef7"), "leader": ("#2e7d4f", "#e8f3ec"),
                "institution": ("#a0522d", "#f6ece5"), "school": ("#6a4c93", "#efeaf5"),
                "other": ("#5f6368", "#eef1f4")}
TYPE_COLORS = {"supports": "#2e7d4f", "depends-on": "#a07800", "presses": "#d35400",
               "courts": "#6a4c93", "opposes": "#b03a2e", "works-with": "#1f4e8c",
               "relation": "#5f6368", "related": "#b8bec5"}
TYPE_WORDS = {"supports": "supports", "depends-on": "depends on", "presses": "presses",
              "courts": "courts", "opposes": "opposes", "works-with": "works with",
              "relation": "other relation", "related": "related (no relation given)"}


def section(story) -> list:
    graph = actor_map.graph(story.part.topic, story.part.cards)
    if len(graph.nodes) < 2:
        return []
    text = DiagramText(story.mk.fonts, f"{story.where} actor map")
    # The drawing takes the page below the heading and intro, above the key.
    layout = actor_map.layout(graph, story.width, text.measure, height=story.height - 190)
    flow = [story.section_mark("actor-map", "Actor map"), Paragraph("Actor map", PACK["h1"]),
            Paragraph("Who depends on, presses, courts or opposes whom, as the articles say. "
                      "Arrows carry the relation (the year names the article); a grey line "
                      "links actors whose cards name each other but give no relation. Each "
                      "actor links to its card.", PACK["body"]),
            Spacer(1, 4), drawing(layout, text, story), Spacer(1, 6), *key(layout, story)]
    if graph.left_out:
        flow.append(Paragraph(f"The map shows the {len(graph.nodes)} most connected actors; "
                              f"{graph.left_out} more are in the Actors section.", PACK["cite"]))
    return flow


def drawing(layout, text: DiagramText, story) -> LinkedDrawing:
    height = layout.height
    canvas = Drawing(layout.width, height)
    for band in layout.bands:
        canvas.add(text.string(band.heading.x, flip(height, band.heading.bottom) + 1,
                               band.label.upper(), actor_map.HEADING_FONT, bold=True,
                               color=colors.HexColor(GROUP_COLORS[band.group][0])))
    for placed in layout.edges:  # under the nodes and labels
        color = colors.HexColor(TYPE_COLORS.get(placed.edge.type, TYPE_COLORS["relation"]))
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = placed.path
        path = Path(strokeColor=color, strokeWidth=0.9 if placed.edge.label else 0.7,
                    fillColor=None, strokeDashArray=None if placed.edge.directed else (2, 2))
        path.moveTo(x0, flip(height, y0))
        path.curveTo(x1, flip(height, y1), x2, flip(height, y2), x3, flip(height, y3))
        canvas.add(path)
        if placed.arrow:
            canvas.add(Polygon([v for px, py in placed.arrow for v in (px, flip(height, py))],
                               fillColor=color, strokeColor=color, strokeWidth=0.3))
    links = []
    for placed in layout.nodes:
        stroke, fill = (colors.HexColor(c) for c in GROUP_COLORS[placed.node.group])
        box = placed.box
        canvas.add(Rect(box.x, flip(height, box.bottom), box.w, box.h, rx=3, ry=3,
                        fillColor=fill, strokeColor=stroke, strokeWidth=0.8))
        _lines(canvas, text, placed.lines, box, actor_map.NODE_FONT, height, bold=True,
               color=INK)
        card = story.part.topic.card(placed.node.id)
        key = story.part.card_key(card) if card is not None else None
        if key:
            links.append((box, key))
    for placed in layout.edges:
        if placed.label_box is None:
            continue
        box = placed.label_box
        color = colors.HexColor(TYPE_COLORS.get(placed.edge.type, TYPE_COLORS["relation"]))
        canvas.add(Rect(box.x, flip(height, box.bottom), box.w, box.h, rx=2, ry=2,
                        fillColor=colors.white, strokeColor=color, strokeWidth=0.4))
        _lines(canvas, text, placed.label_lines, box, actor_map.LABEL_FONT, height,
               bold=bool(placed.legend_number), color=INK)
    return LinkedDrawing(canvas, links, story.height)


def _lines(canvas, text, lines, box, size, height, *, bold, color) -> None:
    """Lines centred in their box."""
    leading = size * 1.2
    first = box.y + (box.h - leading * len(lines)) / 2 + size * 0.95
    for i, line in enumerate(lines):
        canvas.add(text.string(box.x + box.w / 2, flip(height, first + i * leading), line, size,
                               bold=bold, color=color, anchor="middle"))


def key(layout, story) -> list:
    """Colours of the groups and relation types used, and labels that did not fit."""
    used = list(dict.fromkeys(e.edge.type for e in layout.edges))
    swatch = '<font color="{}">\u25a0</font> {}'
    groups = " \u2003".join(swatch.format(GROUP_COLORS[b.group][0], b.label) for b in layout.bands)
    types = " \u2003".join(swatch.format(TYPE_COLORS.get(t, TYPE_COLORS["relation"]),
                                         TYPE_WORDS.get(t, t)) for t in used)
    flow = [Paragraph(f"<b>Groups</b> \u2003{groups}", PACK["cite"]),
            Paragraph(f"<b>Arrows</b> \u2003{types}", PACK["cite"])]
    for number, placed in layout.legend:
        source = story.part.topic.card(placed.edge.source)
        target = story.part.topic.card(placed.edge.target)
        names = " \u2192 ".join(
            link(story.mk.text(c.title), story.part.card_key(c)) if story.part.card_key(c)
            else story.mk.text(c.title) for c in (source, target))
        relation = story.mk.text(placed.edge.label, f"{story.where} actor map")
        flow.append(story.para(f"<b>{number}</b> \u2002{names}: {relation}", "cite",
                               placed.edge.label))
    return flow
