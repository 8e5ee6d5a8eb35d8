"""The pack's Chronology: a drawn timeline and a table of the dated entries, in time order,
each linked to its card (or key judgment) and citing its article."""
from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine
from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, Spacer

from .. import chronology
from .diagram import DiagramText, LinkedDrawing, flip
from .long_table import long_table
from .markup import link
from .paragraph import Paragraph
from .styles import INK, KIND_COLORS, MUTED, PACK, RULE, grid

JUDGMENT_COLOR = colors.HexColor("#7a5c00")
COLUMNS = (0.06, 0.15, 0.57, 0.22)   # No., Date, Event, Source


def color_of(entry) -> colors.Color:
    return KIND_COLORS.get(entry.kind, JUDGMENT_COLOR)


def target(story, entry) -> str | None:
    """The link key of what an entry comes from: its card (if exported) or key judgment."""
    if entry.card_id is not None:
        card = story.part.topic.card(entry.card_id)
        return story.part.card_key(card) if card is not None else None
    return story.judgment_key(entry.judgment)


def section(story) -> list:
    rows = chronology.entries(story.part.topic, story.part.cards)
    if not rows:
        return []
    flow = [story.section_mark("chronology", "Chronology"), Paragraph("Chronology", PACK["h1"]),
            Paragraph(f"{len(rows)} dated entries, earliest first. "
                      + ("Numbers match the table below; each links to its card. "
                         if len(rows) <= chronology.MAX_LABELS else
                         "Too many to name on the timeline, which marks each; the table below "
                         "names them and links each to its card. ")
                      + "The axis is squeezed where nothing happens for years (≈) and widened "
                      "where much happens at once.", PACK["body"]),
            Spacer(1, 4)]
    text = DiagramText(story.mk.fonts, f"{story.where} chronology")
    timeline = chronology.layout_timeline(rows, story.width, text.measure)
    # The table may start below the timeline: a heading that keeps with it would send
    # the whole table to the next page, so the heading is only kept off the page foot.
    flow += [timeline_drawing(timeline, rows, text, story), Spacer(1, 10), CondPageBreak(90),
             Paragraph("Dated entries", PACK["h2-flow"]), table(story, rows)]
    flow += story.source_legend([seed for row in rows for seed in row.seeds])
    return flow


def timeline_drawing(timeline, rows, text: DiagramText, story) -> LinkedDrawing:
    height = timeline.height
    drawing = Drawing(timeline.width, height)
    x = timeline.axis_x
    top, bottom = timeline.axis
    drawing.add(Line(x, flip(height, top), x, flip(height, bottom), strokeColor=INK,
                     strokeWidth=0.8))
    for y in timeline.breaks:  # a gap in the axis with two slanted strokes: time left out
        drawing.add(Line(x, flip(height, y - 3), x, flip(height, y + 3),
                         strokeColor=colors.white, strokeWidth=2.5))
        for dy in (-3, 1):
            drawing.add(Line(x - 4, flip(height, y + dy + 2), x + 4, flip(height, y + dy),
                             strokeColor=INK, strokeWidth=0.7))
    for y, year in timeline.ticks:
        drawing.add(Line(x - 3, flip(height, y), x, flip(height, y), strokeColor=INK,
                         strokeWidth=0.6))
        drawing.add(text.string(x - 9, flip(height, y) - 2.5, year, timeline.font_size,
                                color=MUTED, anchor="end"))
    by_number = {row.number: row for row in rows}
    for marker in timeline.markers:
        color = color_of(by_number[marker.number])
        if marker.y1 > marker.y0:  # a span: a bar beside the axis, a dot where it starts
            drawing.add(Line(x - 5, flip(height, marker.y0), x - 5, flip(height, marker.y1),
                             strokeColor=color, strokeWidth=3, strokeLineCap=1))
            drawing.add(Line(x - 5, flip(height, marker.y0), x, flip(height, marker.y0),
                             strokeColor=color, strokeWidth=0.8))
        drawing.add(Circle(x, flip(height, marker.y0), 2.6, fillColor=color,
                           strokeColor=colors.white, strokeWidth=0.6))
    links = []
    size = timeline.font_size
    for label in timeline.labels:
        row = by_number[label.number]
        points = [v for px, py in label.leader for v in (px, flip(height, py))]
        drawing.add(PolyLine(points, strokeColor=RULE, strokeWidth=0.6))
        baseline = label.box.y + size * chronology.LINE - size * 0.25
        drawing.add(text.string(label.box.x, flip(height, baseline), label.head, size,
                                bold=True, color=color_of(row)))
        for line in label.lines:
            drawing.add(text.string(label.text_x, flip(height, baseline), line, size, color=INK))
            baseline += size * chronology.LINE
        key = target(story, row)
        if key:
            links.append((label.box, key))
    return LinkedDrawing(drawing, links, story.height)


def table(story, rows):
    head = [Paragraph(h, PACK["cell-head"]) for h in ("No.", "Date", "Event", "Source")]
    body = [head]
    for row in rows:
        where = f"{story.where} chronology {row.number}"
        event = story.mk.text(row.event, where)
        key = target(story, row)
        cell = link(event, key) if key else event
        if row.card_id and row.event != row.title:
            cell += f'<br/><font size="7.5" color="#{MUTED.hexval()[2:]}">' \
                    f'{story.mk.text(row.title, where)}</font>'
        cites = "; ".join(dict.fromkeys(s.short_label for s in row.seeds))
        body.append([Paragraph(str(row.number), PACK["cell"]),
                     story.para(story.mk.text(row.when.label, where), "cell", row.when.label),
                     story.para(cell, "cell", row.event),
                     story.para(story.mk.text(cites, where), "cell", cites)])
    return long_table(body, [w * story.width for w in COLUMNS], grid(KIND_COLORS["actor"]))
