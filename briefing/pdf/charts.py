"""A bar chart of a figure series (e.g. trade by year), drawn with reportlab graphics."""
from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.platypus.flowables import Flowable

from ..model import Card, number_text
from ..wording import clip
from .fonts import BASE, Fonts
from .styles import KIND_COLORS, MUTED

MAX_LABELLED_BARS = 16  # above this, value labels on bars overlap


def series_chart(name: str, cards: tuple[Card, ...], width: float, fonts: Fonts,
                 height: float = 190) -> Drawing:
    """Bars in deck order, one per figure, labelled with as_of (or the title)."""
    labels = [c.as_of or c.title for c in cards]
    values = [float(c.value) for c in cards]
    unit = cards[0].unit if cards else ""
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    bottom = 34 if len(cards) <= 8 else 62  # room for slanted labels
    chart.x, chart.y = 46, bottom
    # a few bars stay slim rather than filling the page width
    chart.width = min(width - 60, 70.0 * len(cards) + 40)
    chart.height = height - bottom - 22
    chart.data = [values]
    chart.bars[0].fillColor = KIND_COLORS["figure"]
    chart.bars[0].strokeColor = None
    chart.valueAxis.valueMin = min(0.0, min(values, default=0.0))
    top = max(values, default=0.0)
    if top > 0:
        chart.valueAxis.valueMax = top * 1.15  # headroom for the labels above the bars
    chart.valueAxis.labels.fontName = BASE
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.labelTextFormat = number_text
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = MUTED
    chart.valueAxis.gridStrokeDashArray = (1, 2)
    axis = chart.categoryAxis
    step = -(-len(labels) // 24)  # at most ~24 category labels fit side by side
    axis.categoryNames = [_fit(label, 40) if i % step == 0 else ""
                          for i, label in enumerate(labels)]
    # A chart label is a single string in a single font: pick one that draws it.
    axis.labels.fontName = fonts.single(" ".join(labels), f"chart '{name}' labels")
    axis.labels.fontSize = 8 if len(cards) <= 12 else 6.5
    if len(cards) > 8:
        axis.labels.angle = 45
        axis.labels.boxAnchor = "ne"
    if len(cards) <= MAX_LABELLED_BARS:
        chart.barLabelFormat = number_text
        chart.barLabels.nudge = 7
        chart.barLabels.fontName = BASE
        chart.barLabels.fontSize = 8
        chart.barLabels.boxFillColor = colors.white  # keeps grid lines off the numbers
    drawing.add(chart)
    if unit:
        drawing.add(String(4, height - 12, _fit(unit, 60), fontSize=8, fillColor=MUTED,
                           fontName=fonts.single(unit, f"chart '{name}' unit")))
    return drawing


def _fit(text: str, limit: int) -> str:
    return clip(" ".join(str(text).split()), limit)


class Captioned(Flowable):
    """A chart and its source line as one flowable, so a page break never parts them."""

    def __init__(self, drawing: Drawing, caption, gap: float = 4):
        super().__init__()
        self.drawing, self.caption, self.gap = drawing, caption, gap

    def wrap(self, avail_width, avail_height):
        _w, self.caption_height = self.caption.wrap(avail_width, avail_height)
        self.width = avail_width
        self.height = self.drawing.height + self.gap + self.caption_height
        return self.width, self.height

    def draw(self):
        self.caption.drawOn(self.canv, 0, 0)
        self.drawing.drawOn(self.canv, 0, self.caption_height + self.gap)
