"""Numbers drawn before they are known: "page 3 of N" and the contents' page numbers.

A PDF page may use a form XObject that is defined later in the file, so each such number
is drawn as a reference to a form, and the forms are written once the last page is laid
out. The pack is then laid out once: multiBuild took a second pass only to learn these
numbers, and kept every card's laid-out lines in memory from one pass to the next.
"""
from __future__ import annotations

from collections.abc import Callable

from reportlab.pdfbase.pdfmetrics import stringWidth


class Forward:
    """Forms placed now and drawn at the end, each by a function of the canvas."""

    def __init__(self, prefix: str = "BCfwd"):
        self.prefix = prefix
        self._pending: list[Callable] = []

    def place(self, canvas, draw: Callable) -> None:
        """Use a form here; `draw(canvas)` draws its content when `finish` is called."""
        canvas.doForm(f"{self.prefix}{len(self._pending)}")
        self._pending.append(draw)

    def finish(self, canvas) -> None:
        width, height = canvas._pagesize
        for number, draw in enumerate(self._pending):
            # content may sit left of or below the origin (see toc_number)
            canvas.beginForm(f"{self.prefix}{number}", -width, -height, width, height)
            draw(canvas)
            canvas.endForm()
        self._pending.clear()


def toc_number(canvas, style, page: int, room: float, dot: str) -> None:
    """Dots and a page number filling `room` points from the origin, the number at the
    right, as reportlab's drawPageNumbers draws them (smaller if the number is too long)."""
    text = str(page)
    size = style.fontSize
    width = stringWidth(text, style.fontName, size)
    while width > room and size >= 1.0:
        size *= 0.9
        width = stringWidth(text, style.fontName, size)
    dot_width = stringWidth(dot, style.fontName, size) if dot else 0
    dots = int((room - width) / dot_width) if dot else 0
    tx = canvas.beginText(room - dots * dot_width - width, 0)
    tx.setFont(style.fontName, size)
    tx.setFillColor(style.textColor)
    tx.textLine(dots * dot + text)
    canvas.drawText(tx)
