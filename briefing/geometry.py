"""Boxes, segments and wrapped labels for the diagrams the core lays out (timeline, actor map).

Coordinates are points with y growing downward, as in Qt; the PDF flips them.
Text is measured by a function the caller passes (reportlab's stringWidth in
the PDF, QFontMetrics in the app), so both draw from the same layout; the
default estimates Helvetica, which is close enough for tests.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

Measure = Callable[[str, float, bool], float]  # (text, font size, bold) -> width in points

# Helvetica advance widths (thousandths of an em) of the common narrow and wide
# characters; the rest are about half an em.
_NARROW = dict.fromkeys("il.,;:'!|ijtf ()[]-/", 300)
_WIDE = dict.fromkeys("mwMW@", 850) | dict.fromkeys("ABCDEFGHKNOPQRSUVXYZ&%", 680)


def estimate_width(text: str, size: float, bold: bool = False) -> float:
    """About what Helvetica needs for text; a little generous, so labels never come out short."""
    units = sum(_NARROW.get(c, _WIDE.get(c, 560)) for c in text)
    return units * size / 1000 * (1.06 if bold else 1.0)


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def center(self) -> tuple[float, float]:
        return self.x + self.w / 2, self.y + self.h / 2

    def grown(self, pad: float) -> Box:
        return Box(self.x - pad, self.y - pad, self.w + 2 * pad, self.h + 2 * pad)

    def overlaps(self, other: Box) -> bool:
        return (self.x < other.right and other.x < self.right
                and self.y < other.bottom and other.y < self.bottom)

    def contains(self, point: tuple[float, float]) -> bool:
        x, y = point
        return self.x <= x <= self.right and self.y <= y <= self.bottom

    def inside(self, width: float, height: float) -> bool:
        return self.x >= 0 and self.y >= 0 and self.right <= width and self.bottom <= height


Point = tuple[float, float]
Segment = tuple[Point, Point]


def _cross(o: Point, a: Point, b: Point) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def segments_cross(s: Segment, t: Segment) -> bool:
    """Whether two segments cross at a point inside both (touching ends do not count)."""
    (p, q), (r, u) = s, t
    d1, d2 = _cross(r, u, p), _cross(r, u, q)
    d3, d4 = _cross(p, q, r), _cross(p, q, u)
    return d1 * d2 < 0 and d3 * d4 < 0


def segment_hits_box(segment: Segment, box: Box) -> bool:
    """Whether a segment passes through (or into) a box: Liang–Barsky clipping."""
    (x0, y0), (x1, y1) = segment
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    for p, q in ((-dx, x0 - box.x), (dx, box.right - x0), (-dy, y0 - box.y), (dy, box.bottom - y0)):
        if p == 0:
            if q < 0:
                return False  # parallel to this edge and outside it
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True


_DASHES = ("-", "\u2013", "\u2014")
_AFTER_DASH = re.compile(r"(?<=[\u2013\u2014-])(?=\w)")


def _words(text: str) -> list[str]:
    """Words, with a compound such as China–North split after its dashes (a place to break)."""
    return [part for word in str(text).split() for part in _AFTER_DASH.split(word)]


def wrap(text: str, width: float, size: float, measure: Measure = estimate_width, *,
         bold: bool = False, max_lines: int = 3) -> list[str]:
    """Greedy word wrap into at most max_lines lines of `width`; the last is cut with "…"."""
    lines: list[str] = []
    current = ""
    for word in _words(text):
        glue = "" if not current or current.endswith(_DASHES) else " "
        trial = current + glue + word
        if measure(trial, size, bold) <= width or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    lines = [_cut(line, width, size, measure, bold) for line in lines]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _cut(lines[-1] + "\u2026", width, size, measure, bold)
    return lines


def _cut(line: str, width: float, size: float, measure: Measure, bold: bool) -> str:
    """The line, cut with "…" where it is wider than width."""
    if measure(line, size, bold) <= width:
        return line
    body = line.removesuffix("\u2026")
    while body and measure(body.rstrip() + "\u2026", size, bold) > width:
        body = body[:-1]
    return body.rstrip() + "\u2026"


def text_block(lines: list[str], size: float, measure: Measure, *, bold_first: bool = False,
               leading: float = 1.2) -> tuple[float, float]:
    """Width and height of lines of text, the first bold where asked."""
    widths = [measure(line, size, bold_first and i == 0) for i, line in enumerate(lines)]
    return max(widths, default=0.0), len(lines) * size * leading
