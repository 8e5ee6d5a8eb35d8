"""What the pack's drawn diagrams share: text measured and drawn in a font that has its
glyphs, and a drawing flowable whose parts link to the cards they show."""
from __future__ import annotations

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.fonts import tt2ps
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.flowables import Flowable

from ..geometry import Box
from .fonts import BASE, BASE_BOLD, Fonts


class DiagramText:
    """Measures and draws diagram text: one font per string (a graphics String cannot
    switch fonts), the one that can draw it; what none can is recorded as missing."""

    def __init__(self, fonts: Fonts, where: str):
        self.fonts, self.where = fonts, where

    def font(self, text: str, bold: bool = False) -> str:
        family = self.fonts.single(text, self.where)
        if family == BASE:
            return BASE_BOLD if bold else BASE
        return tt2ps(family, int(bold), 0)

    def measure(self, text: str, size: float, bold: bool = False) -> float:
        return stringWidth(text, self.font(text, bold), size)

    def string(self, x: float, y: float, text: str, size: float, *, bold: bool = False,
               color=None, anchor: str = "start") -> String:
        return String(x, y, text, fontName=self.font(text, bold), fontSize=size,
                      fillColor=color, textAnchor=anchor)


class LinkedDrawing(Flowable):
    """A drawing laid out with y growing downward (as the core does), flipped onto the page,
    scaled down to fit the frame if it must, with link areas over the parts that have cards."""

    def __init__(self, drawing: Drawing, links: list[tuple[Box, str]], max_height: float):
        super().__init__()
        self.drawing, self.links, self.max_height = drawing, links, max_height
        self.scale = 1.0

    def wrap(self, avail_width, avail_height):
        # Scaled to fit a whole frame, never the rest of one: a drawing that does not fit
        # below the text before it goes to the next page, at its size.
        width, height = self.drawing.width, self.drawing.height
        self.scale = min(1.0, avail_width / width, self.max_height / height) if height else 1.0
        return width * self.scale, height * self.scale

    def draw(self):
        canvas = self.canv
        canvas.saveState()
        canvas.scale(self.scale, self.scale)
        renderPDF.draw(self.drawing, canvas, 0, 0)
        height = self.drawing.height
        for box, key in self.links:
            canvas.linkRect("", key, (box.x, height - box.bottom, box.right, height - box.y),
                            relative=1, thickness=0)
        canvas.restoreState()


def flip(height: float, y: float) -> float:
    """A y of the layout (downward) as a y of the drawing (upward)."""
    return height - y
