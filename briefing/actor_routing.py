"""Arrows of the actor map: curves between two actors' borders, bent by a given amount,
and the places where a label may sit on one. Curves are cubic Beziers (start, control,
control, end), which both reportlab and Qt's QPainterPath draw as they are."""
from __future__ import annotations

import math

from .geometry import Box

PAD = 3.0
BENDS = (0, 14, -14, 28, -28, 44, -44, 62, -62, 84, -84, 110, -110, 140, -140)
SAMPLES = 40


def point(path, t: float) -> tuple[float, float]:
    p0, c1, c2, p1 = path
    u = 1 - t
    return (u ** 3 * p0[0] + 3 * u * u * t * c1[0] + 3 * u * t * t * c2[0] + t ** 3 * p1[0],
            u ** 3 * p0[1] + 3 * u * u * t * c1[1] + 3 * u * t * t * c2[1] + t ** 3 * p1[1])


def normal(path, t: float) -> tuple[float, float]:
    """A unit vector at right angles to the curve at t."""
    (x0, y0), (x1, y1) = point(path, max(0.0, t - 0.01)), point(path, min(1.0, t + 0.01))
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    return -(y1 - y0) / length, (x1 - x0) / length


def _lerp(a, b, t):
    return a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t


def _from(points, t):
    """The part of a cubic from t to 1, as a cubic (de Casteljau)."""
    p0, c1, c2, p1 = points
    a, b, c = _lerp(p0, c1, t), _lerp(c1, c2, t), _lerp(c2, p1, t)
    d, e = _lerp(a, b, t), _lerp(b, c, t)
    return _lerp(d, e, t), e, c, p1


def split(points, t0: float, t1: float):
    """The part of a cubic between t0 and t1, as a cubic."""
    tail = _from(points, t0)
    rest = (t1 - t0) / (1 - t0) if t0 < 1 else 1.0
    return tuple(reversed(_from(tuple(reversed(tail)), 1 - rest)))


def curve(a: Box, b: Box, bend: float):
    """A cubic from centre to centre, bowed `bend` points to the left of a -> b."""
    (ax, ay), (bx, by) = a.center, b.center
    length = math.hypot(bx - ax, by - ay) or 1.0
    nx, ny = -(by - ay) / length, (bx - ax) / length
    mx, my = (ax + bx) / 2 + nx * bend, (ay + by) / 2 + ny * bend
    c1 = (ax + (mx - ax) * 2 / 3, ay + (my - ay) * 2 / 3)
    c2 = (bx + (mx - bx) * 2 / 3, by + (my - by) * 2 / 3)
    return (ax, ay), c1, c2, (bx, by)


def _leaves(points, box: Box, from_start: bool) -> float:
    """Where the curve leaves the box (from t=0) or enters it (towards t=1)."""
    inside, outside = (0.0, 1.0) if from_start else (1.0, 0.0)
    for _ in range(30):
        mid = (inside + outside) / 2
        if box.contains(point(points, mid)):
            inside = mid
        else:
            outside = mid
    return outside


def between(a: Box, b: Box, bend: float):
    """The curve from a's border to b's, bowed `bend` points to the left of a -> b."""
    path = curve(a, b, bend)
    return split(path, _leaves(path, a, True), _leaves(path, b, False))


def region(path) -> Box:
    """A box around the whole curve: a cubic stays within its control points."""
    xs, ys = [p[0] for p in path], [p[1] for p in path]
    return Box(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def hits(path, obstacles) -> int:
    """How many of the curve's sample points fall inside the obstacles."""
    # The layout's hot loop: each sample computed once, against the obstacles near the curve.
    around = region(path).grown(0.5)
    near = [(o.x, o.y, o.right, o.bottom) for o in obstacles if o.overlaps(around)]
    if not near:
        return 0
    samples = [point(path, i / SAMPLES) for i in range(SAMPLES + 1)]
    return sum(any(x0 <= x <= x1 and y0 <= y <= y1 for x0, y0, x1, y1 in near)  # Box.contains
               for x, y in samples)


def arrow(path, size: float = 5.5):
    """The arrowhead at the curve's end, as a triangle."""
    (c2x, c2y), (ex, ey) = path[2], path[3]
    dx, dy = ex - c2x, ey - c2y
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    bx, by = ex - ux * size, ey - uy * size
    return ((ex, ey), (bx - uy * size * 0.45, by + ux * size * 0.45),
            (bx + uy * size * 0.45, by - ux * size * 0.45))


ALONG = (0.5, 0.42, 0.58, 0.34, 0.66, 0.27, 0.73, 0.2, 0.8, 0.14, 0.86)


def spots(path, w: float, h: float, dense: bool = False):
    """Boxes of w x h where a label may sit: centred on the curve, nearest the middle
    first, then beside it (touching the line) on either side."""
    along = [i / 40 for i in range(4, 37)] if dense else ALONG
    points, normals = {}, {}  # each t's point and normal once, for the three offsets
    for offset in (0.0, 1.0, -1.0):
        for t in along:
            x, y = points[t] if t in points else points.setdefault(t, point(path, t))
            if offset:
                nx, ny = normals[t] if t in normals else normals.setdefault(t, normal(path, t))
                # just far enough that the box's edge meets the line
                reach = (abs(nx) * w + abs(ny) * h) / 2 - 1.5
                x, y = x + nx * reach * offset, y + ny * reach * offset
            yield Box(x - w / 2, y - h / 2, w, h)
