"""The chronology of a topic: its dated cards and key judgments in time order, and the
layout of a timeline of them that the PDF draws and the app can draw the same way.

The app calls `entries(topic)` for the rows (each knows its card) and
`layout_timeline(entries, width, measure)` for the drawing.
"""
from __future__ import annotations

from dataclasses import dataclass

from .dates import When
from .geometry import Box, Measure, estimate_width, wrap
from .model import Card, Seed, Source, Topic


@dataclass(frozen=True)
class Entry:
    """One dated row: a card's event, or a key judgment."""

    number: int                 # 1-based, in time order: the timeline's labels use it
    when: When
    title: str                  # short: the card's title, or "Key judgment 2"
    event: str                  # what happened: the card's event (or title), the judgment's text
    kind: str                   # actor, objective, figure or judgment
    sources: tuple[Source, ...]
    card_id: str | None = None
    judgment: int | None = None  # 1-based number of the key judgment

    @property
    def seeds(self) -> tuple[Seed, ...]:
        return tuple(dict.fromkeys(s.seed for s in self.sources))


def entries(topic: Topic, cards: tuple[Card, ...] | None = None) -> list[Entry]:
    """Dated cards (all, or the given ones) and dated key judgments, earliest first.

    Equal dates keep the order of the deck, key judgments after the cards."""
    found = []
    for card in topic.cards if cards is None else cards:
        if card.date is not None:
            found.append((card.date, card.title, card.event or card.title, card.kind,
                          _reporting(card.sources, card.date), card.id, None))
    for number, judgment in enumerate(topic.key_judgments, 1):
        if judgment.date is not None:
            found.append((judgment.date, f"Key judgment {number}", judgment.text, "judgment",
                          judgment.sources, None, number))
    ordered = sorted(enumerate(found), key=lambda item: (item[1][0].sort_key, item[0]))
    return [Entry(number, *row) for number, (_index, row) in enumerate(ordered, 1)]


def _reporting(sources: tuple[Source, ...], when: When) -> tuple[Source, ...]:
    """The sources from articles that can report the event: none published before it."""
    able = tuple(s for s in sources if s.seed.year is None or s.seed.year >= when.start[0])
    return able or sources


# --- the timeline drawing -------------------------------------------------------------
# Time runs down a vertical axis, squeezed across long empty stretches, so clusters
# (2003, 2007) and gaps (1953-1990) show at a glance. Labels sit to the right in time
# order, each as near its marker as the ones above it allow; leaders join them without
# crossing, because markers and labels are in the same order.

GAP_YEARS = 3         # empty stretches longer than this are squeezed to a break mark
BREAK = 14.0          # points: the height of a squeezed stretch
YEAR = 12.0           # points: the height of a year without many events
YEAR_COLUMN = 38.0    # room left of the axis for the year labels and the span bars
LEADER_RUN = 34.0     # from the axis to the labels
LINE = 1.25           # line height, in font sizes
GAP = 3.0             # between labels
MAX_LABELS = 45       # beyond this the timeline shows markers only; the table has every entry


@dataclass(frozen=True)
class Marker:
    number: int
    y0: float       # a point where y0 == y1, else a bar over the span
    y1: float

    @property
    def y(self) -> float:
        """Where its leader starts: the first day it covers, so leaders never cross."""
        return self.y0


@dataclass(frozen=True)
class Label:
    number: int
    box: Box
    head: str                                 # "12  Oct 2007", in bold at the box's left
    lines: tuple[str, ...]                    # the title, from text_x on
    text_x: float
    leader: tuple[tuple[float, float], ...]   # a polyline from the marker to the label


@dataclass(frozen=True)
class Timeline:
    width: float
    height: float
    axis_x: float
    axis: tuple[float, float]                # top and bottom of the axis
    ticks: tuple[tuple[float, str], ...]     # (y at the start of the year, year)
    breaks: tuple[float, ...]                # y of each squeezed stretch
    markers: tuple[Marker, ...]
    labels: tuple[Label, ...]
    font_size: float


def _year_fraction(day: tuple[int, int, int], end: bool = False) -> float:
    year, month, number = day
    value = year + (month - 1) / 12 + (number - 1) / (12 * 31)
    return value + (1 / (12 * 31) if end else 0.0)


class _Scale:
    """Time to points down the axis: a month with events gets room for their labels, a
    quiet year YEAR points, and a long empty stretch is squeezed to a break mark."""

    def __init__(self, spans: list[tuple[float, float]], need: dict[tuple[int, int], float]):
        first = int(min(s for s, _e in spans))
        last = int(max(e for _s, e in spans) - 1e-9) + 1
        occupied = set()
        for start, end in spans:
            # A long span (a decade) marks only its ends, so its middle may be squeezed.
            occupied.update({int(start), int(end - 1e-9)} if end - start > GAP_YEARS
                            else range(int(start), int(end - 1e-9) + 1))
        self.points = [(float(first), 0.0)]
        self.breaks: list[float] = []
        length, year = 0.0, first
        while year < last:
            run = year
            while run < last and run not in occupied:
                run += 1
            if run - year > GAP_YEARS:
                self.breaks.append(length + BREAK / 2)
                length += BREAK
                year = run
                self.points.append((float(year), length))
                continue
            for month in range(1, 13):
                length += max(YEAR / 12, need.get((year, month), 0.0))
                self.points.append((year + month / 12, length))
            year += 1
        self.length = length

    def at(self, year: float) -> float:
        """Points from the top of the axis."""
        for (y0, u0), (y1, u1) in zip(self.points, self.points[1:], strict=False):
            if year <= y1:
                return u0 + (u1 - u0) * (year - y0) / ((y1 - y0) or 1)
        return self.length


def layout_timeline(rows: list[Entry], width: float, measure: Measure = estimate_width, *,
                    font_size: float = 7.5, min_height: float = 240.0) -> Timeline:
    """The axis, markers and labels of a timeline `width` points wide; its height grows
    with the number of labels, so they always fit without overlapping."""
    if not rows:
        return Timeline(width, 0.0, YEAR_COLUMN, (0.0, 0.0), (), (), (), (), font_size)
    spans = [(_year_fraction(r.when.start), _year_fraction(r.when.end, end=True)) for r in rows]
    label_x = YEAR_COLUMN + LEADER_RUN
    heads = [f"{r.number}  {r.when.short_label}" for r in rows]
    head_w = max(measure(h, font_size, True) for h in heads) + font_size
    room = width - label_x - head_w
    texts = [wrap(r.title, room - 2, font_size, measure, max_lines=2) for r in rows] \
        if len(rows) <= MAX_LABELS else []
    heights = [len(t) * font_size * LINE + 2 for t in texts]
    need: dict[tuple[int, int], float] = {}
    for row, h in zip(rows, heights, strict=False):  # no heights past MAX_LABELS
        month = row.when.start[:2]
        need[month] = need.get(month, 0.0) + h + GAP
    scale = _Scale(spans, need)
    top = font_size  # room for the first year label
    stretch = max(1.0, min_height / max(scale.length, 1.0))
    length = scale.length * stretch
    markers = []
    for row, (start, end) in zip(rows, spans, strict=True):
        y0, y1 = top + scale.at(start) * stretch, top + scale.at(end) * stretch
        if y1 - y0 < 4 or not (row.when.is_range or row.when.precision == "decade"):
            y1 = y0  # a point at the first day it covers, as the rows are sorted
        markers.append(Marker(row.number, y0, y1))
    wanted = [m.y - h / 2 for m, h in zip(markers, heights, strict=False)]
    tops = _spread(wanted, heights, top - font_size / 2, top + length + font_size / 2)
    labels = []
    for row, marker, head, lines, y, h in zip(rows, markers, heads, texts, tops, heights,
                                              strict=False):
        w = head_w + max(measure(line, font_size, False) for line in lines) + 2
        box = Box(label_x, y, w, h)
        leader = ((YEAR_COLUMN + 3, marker.y), (YEAR_COLUMN + 10, marker.y),
                  (label_x - 6, y + font_size * LINE / 2 + 1),
                  (label_x - 1, y + font_size * LINE / 2 + 1))
        labels.append(Label(row.number, box, head, tuple(lines), label_x + head_w, leader))
    years = {r.when.start[0] for r in rows} | {r.when.end[0] for r in rows if r.when.is_range}
    ticks = _ticks(years, scale, stretch, top, font_size)
    bottom = max([top + length] + [label.box.bottom for label in labels])
    return Timeline(width, bottom + font_size, YEAR_COLUMN, (top, top + length), tuple(ticks),
                    tuple(top + b * stretch for b in scale.breaks), tuple(markers),
                    tuple(labels), font_size)


def _spread(wanted: list[float], heights: list[float], low: float, high: float) -> list[float]:
    """Tops as near the wanted ones as possible, in order, never overlapping, within
    [low, high] where they fit (else running on below it)."""
    tops = []
    floor = low
    for want, h in zip(wanted, heights, strict=True):
        top = max(want, floor)
        tops.append(top)
        floor = top + h + GAP
    ceiling = high
    for i in range(len(tops) - 1, -1, -1):  # then push back up from the foot
        tops[i] = max(min(tops[i], ceiling - heights[i]), low if i == 0 else -1e9)
        ceiling = tops[i] - GAP
    for i in range(1, len(tops)):  # and keep the order and the gaps if pushing up crowded
        tops[i] = max(tops[i], tops[i - 1] + heights[i - 1] + GAP)
    return tops


def _ticks(years, scale: _Scale, factor: float, top: float,
           size: float) -> list[tuple[float, str]]:
    """A year label where an event starts (or a range ends), where it does not crowd the last."""
    ticks: list[tuple[float, str]] = []
    last = -1e9
    for year in sorted(years):
        y = top + scale.at(year) * factor
        if y - last >= size * 1.2:
            ticks.append((y, str(year)))
            last = y
    return ticks
