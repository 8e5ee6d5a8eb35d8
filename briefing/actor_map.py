"""The actor map: actor cards grouped in bands, and arrows for their relations.

`graph(topic, cards)` gives the nodes and edges; `layout(graph, width, measure)`
places them: each group a band of rows, nodes ordered to sit near the actors
they link to, each arrow bent until it clears the other actors, and each label
set on its arrow where it overlaps nothing. The PDF draws the result; the app's
QGraphicsView can draw the same `ActorMap` (y grows downward).
"""
from __future__ import annotations

from dataclasses import dataclass

from .actor_routing import BENDS, PAD, arrow, between, hits, point, region, spots
from .geometry import Box, Measure, estimate_width, wrap
from .model import Card, Topic

GROUPS = (("state", "States"), ("leader", "Leaders and officials"),
          ("institution", "Institutions"), ("school", "Schools of thought"),
          ("other", "Other actors"))
GROUP_LABELS = dict(GROUPS)
# A group without the `group` field comes from the tags, checked in this order.
GROUP_TAGS = (("schools-of-thought", "school"), ("leaders", "leader"),
              ("institutions", "institution"), ("states", "state"))
BAND_ORDER = ("school", "institution", "state", "leader", "other")  # top to bottom
MAX_NODES = 40  # beyond this the map shows the most connected actors and says so


def group_of(card: Card) -> str:
    """The actor's group: its `group` field, else the first group tag, else "other"."""
    if card.group:
        return card.group
    for tag, group in GROUP_TAGS:
        if tag in card.tags:
            return group
    return "other"


@dataclass(frozen=True)
class Node:
    id: str
    title: str
    group: str


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str          # "" for a link drawn from `related`
    type: str           # the relation's type, "related" for a fallback link
    directed: bool
    index: int = -1     # the relation's index on its card (-1 for a related link)


@dataclass(frozen=True)
class Graph:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    left_out: int = 0   # actors not drawn (past MAX_NODES)


def graph(topic: Topic, cards: tuple[Card, ...] | None = None) -> Graph:
    """The actors (all, or those among `cards`) and the edges between them: their relations,
    and for an actor without any, its related links to other actors (drawn once per pair)."""
    actors = [c for c in (topic.cards if cards is None else cards) if c.kind == "actor"]
    ids = {c.id for c in actors}
    edges: list[Edge] = []
    linked: set[frozenset] = set()
    for card in actors:
        for index, relation in enumerate(card.relations):
            if relation.to in ids and relation.to != card.id:
                edges.append(Edge(card.id, relation.to, relation.label,
                                  relation.type or "relation", True, index))
                linked.add(frozenset((card.id, relation.to)))
    for card in actors:
        if card.relations:
            continue
        for other in card.related:
            pair = frozenset((card.id, other))
            if other in ids and other != card.id and pair not in linked:
                linked.add(pair)
                edges.append(Edge(card.id, other, "", "related", False))
    left_out = 0
    if len(actors) > MAX_NODES:
        degree = {c.id: 0 for c in actors}
        for edge in edges:
            degree[edge.source] += 1
            degree[edge.target] += 1
        order = sorted(range(len(actors)), key=lambda i: (-degree[actors[i].id], i))
        keep = {actors[i].id for i in order[:MAX_NODES]}
        left_out = len(actors) - MAX_NODES
        actors = [c for c in actors if c.id in keep]
        edges = [e for e in edges if e.source in keep and e.target in keep]
    nodes = tuple(Node(c.id, c.title, group_of(c)) for c in actors)
    return Graph(nodes, tuple(edges), left_out)


# --- layout ---------------------------------------------------------------------------

NODE_FONT = 7.2
LABEL_FONT = 6.5
HEADING_FONT = 6.5
NODE_WIDTH = 84.0       # the widest a node's name may wrap to
GAP = 14.0              # between nodes in a row
ROW_GAP = 58.0          # between rows: room for arrows to bend and labels to sit
MAX_ROW_GAP = 120.0
HEADING = 14.0          # a band's heading above its first row


@dataclass(frozen=True)
class PlacedNode:
    node: Node
    box: Box
    lines: tuple[str, ...]


@dataclass(frozen=True)
class PlacedEdge:
    edge: Edge
    path: tuple[tuple[float, float], ...]   # a cubic Bezier: start, control, control, end
    arrow: tuple[tuple[float, float], ...]  # the arrowhead's triangle ((): none)
    label_box: Box | None                   # None: no label, or none that fits (see legend)
    label_lines: tuple[str, ...] = ()
    legend_number: int = 0                  # > 0: the label is in the legend, by this number


@dataclass(frozen=True)
class Band:
    group: str
    label: str
    heading: Box


@dataclass(frozen=True)
class ActorMap:
    width: float
    height: float
    nodes: tuple[PlacedNode, ...]
    edges: tuple[PlacedEdge, ...]
    bands: tuple[Band, ...]
    left_out: int = 0

    def node(self, node_id: str) -> PlacedNode:
        return next(n for n in self.nodes if n.node.id == node_id)

    def edges_of(self, node_id: str) -> tuple[PlacedEdge, ...]:
        """What the app highlights when the pointer is on an actor."""
        return tuple(e for e in self.edges if node_id in (e.edge.source, e.edge.target))

    @property
    def label_boxes(self) -> tuple[Box, ...]:
        return tuple(e.label_box for e in self.edges if e.label_box is not None)

    @property
    def legend(self) -> tuple[tuple[int, PlacedEdge], ...]:
        return tuple((e.legend_number, e) for e in self.edges if e.legend_number)


def layout(g: Graph, width: float, measure: Measure = estimate_width,
           height: float | None = None) -> ActorMap:
    """Place nodes, route edges and set labels; deterministic for a given graph and size.

    With `height`, rows spread out to use it (more room for arrows and their labels)."""
    sized, rows_of, row_count, fixed = _banded(g, width, measure)
    gap = ROW_GAP
    if height is not None and row_count > 1:
        gap = min(MAX_ROW_GAP, max(ROW_GAP, (height - fixed - 8) / (row_count - 1)))
    nodes: dict[str, PlacedNode] = {}
    headings: list[Band] = []
    y = 0.0
    for group, rows in rows_of:
        label = GROUP_LABELS[group]
        heading_w = measure(label.upper(), HEADING_FONT, True) + 4
        headings.append(Band(group, label, Box(0, y, heading_w, HEADING - 3)))
        y += HEADING
        for row in rows:
            row_h = max(sized[n.id][1][1] for n in row)
            used = sum(sized[n.id][1][0] for n in row)
            spare = (width - used) / len(row)
            x = spare / 2
            for n in row:
                (w, h) = sized[n.id][1]
                nodes[n.id] = PlacedNode(n, Box(x, y + (row_h - h) / 2, w, h),
                                         tuple(sized[n.id][0]))
                x += w + spare
            y += row_h + gap
    total = y - gap + 8
    placed = _Router(nodes, headings, width, total, measure).run(g.edges)
    return ActorMap(width, total, tuple(nodes[n.id] for n in g.nodes), tuple(placed),
                    tuple(headings), g.left_out)


def natural_height(g: Graph, width: float, measure: Measure = estimate_width) -> float:
    """How tall the map comes out at this width without a `height` to spread to; cheap
    (no arrow is routed), for choosing a width that fits a view."""
    _sized, rows_of, row_count, fixed = _banded(g, width, measure)
    return fixed + ROW_GAP * max(row_count - 1, 0) + 8 if rows_of else 0.0


def _banded(g: Graph, width: float, measure: Measure):
    """The nodes' sizes and each band's rows, with how many rows and the height of the
    rows and headings without the gaps between rows."""
    sized = {n.id: _node_lines(n, measure) for n in g.nodes}
    bands = [(group, [n for n in g.nodes if n.group == group]) for group in BAND_ORDER]
    bands = [(group, members) for group, members in bands if members]
    x_of = _order(bands, g.edges)
    core = _core_band(bands, g.edges) if bands else 0
    rows_of = []
    for index, (group, members) in enumerate(bands):
        rows = _rows(members, sized, width, g.edges, x_of, near_top=index > core)
        rows_of.append((group, rows))
    row_count = sum(len(rows) for _g, rows in rows_of)
    fixed = sum(max(sized[n.id][1][1] for n in row) for _g, rows in rows_of for row in rows)
    return sized, rows_of, row_count, fixed + HEADING * len(bands)


def _node_lines(node: Node, measure: Measure) -> tuple[list[str], tuple[float, float]]:
    lines = wrap(node.title, NODE_WIDTH - 2 * PAD, NODE_FONT, measure, bold=True, max_lines=3)
    w = max(measure(line, NODE_FONT, True) for line in lines) + 2 * PAD + 4
    return lines, (max(w, 40.0), len(lines) * NODE_FONT * 1.2 + 2 * PAD + 2)


def _neighbours(edges) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for e in edges:
        found.setdefault(e.source, []).append(e.target)
        found.setdefault(e.target, []).append(e.source)
    return found


def _core_band(bands, edges) -> int:
    """The band with the most edges: the others are stacked around it."""
    band_of = {n.id: i for i, (_g, members) in enumerate(bands) for n in members}
    counts = [0] * len(bands)
    for e in edges:
        counts[band_of[e.source]] += 1
        counts[band_of[e.target]] += 1
    return max(range(len(bands)), key=lambda i: (counts[i], -i))


def _order(bands, edges, sweeps: int = 8) -> dict[str, float]:
    """A preferred x (0 to 1) for every node: the mean x of everything it links to,
    its own band included, so that linked actors sit side by side or one above the other.
    Starts from deck order; ties keep the previous order, so the result is deterministic."""
    neighbours = _neighbours(edges)
    x_of = {}
    for _group, members in bands:
        for i, n in enumerate(members):
            x_of[n.id] = (i + 0.5) / len(members)
    for _sweep in range(sweeps):
        for _group, members in bands:
            wanted = {}
            for n in members:
                near = [x_of[o] for o in neighbours.get(n.id, ()) if o in x_of]
                wanted[n.id] = (sum(near) + x_of[n.id]) / (len(near) + 1)
            ranked = sorted(members, key=lambda n: (round(wanted[n.id], 9), x_of[n.id]))
            for i, n in enumerate(ranked):
                x_of[n.id] = (i + 0.5) / len(ranked)
    return x_of


def _rows(members, sized, width, edges, x_of, near_top: bool) -> list[list[Node]]:
    """A band's nodes in as few rows as fit the width; the most linked go in the row
    nearest the core band, and each row runs left to right by preferred x."""
    degree = {n.id: 0 for n in members}
    for e in edges:
        for end in (e.source, e.target):
            if end in degree:
                degree[end] += 1
    ranked = sorted(members, key=lambda n: (-degree[n.id], x_of[n.id]))

    def fits(row):
        return sum(sized[m.id][1][0] for m in row) + GAP * (len(row) + 1) <= width
    # As few rows as fit, evenly filled (4 and 3, not 6 and 1), most linked first.
    for count in range(1, len(ranked) + 1):
        per = -(-len(ranked) // count)
        rows = [ranked[i:i + per] for i in range(0, len(ranked), per)]
        if all(fits(row) for row in rows) or per == 1:
            break
    rows = [sorted(row, key=lambda n: x_of[n.id]) for row in rows]
    return rows if near_top else list(reversed(rows))


# Shapes a label may take: (width, most lines), widest first, so a label on a long
# level arrow stays on two lines and one squeezed between rows may stand taller.
LABEL_SHAPES = ((128.0, 2), (96.0, 3), (72.0, 4))
CELL = 40.0  # points: the side of the squares the router files the arrows' samples by


class _Router:
    """Routes every edge and sets its label together: an edge takes the least bend that
    clears the other actors *and* leaves a free place on it for its label; a label with
    no such place on any bend becomes a number on the arrow, its words in the legend."""

    def __init__(self, nodes, headings, width, height, measure):
        self.nodes, self.width, self.height, self.measure = nodes, width, height, measure
        self.headings = [h.heading for h in headings]  # arrows and labels keep off them too
        self.taken = [p.box.grown(PAD) for p in nodes.values()] + self.headings
        # Samples of the arrows drawn so far, by square of CELL points: a label's spot
        # looks only at the squares around its curve.
        self.cells: dict[tuple[int, int], list[tuple[float, float]]] = {}
        self.used: dict[tuple[str, str], list[float]] = {}
        self.legend = 0

    def run(self, edges) -> list[PlacedEdge]:
        # Labelled edges first: they need the room; plain links go where they can.
        order = sorted(range(len(edges)), key=lambda i: (not edges[i].label, i))
        placed = {}
        for i in order:
            placed[i] = self.edge(edges[i])
        return [placed[i] for i in range(len(edges))]

    def edge(self, edge) -> PlacedEdge:
        pair = tuple(sorted((edge.source, edge.target)))
        a, b = self.nodes[pair[0]].box, self.nodes[pair[1]].box
        others = [p.box.grown(PAD) for p in self.nodes.values()
                  if p.box is not a and p.box is not b] + self.headings
        taken = self.used.setdefault(pair, [])
        tried = []
        for bend in BENDS:
            if any(abs(bend - t) < 10 for t in taken):
                continue
            path = between(a, b, bend)
            count = hits(path, others)
            tried.append((count, len(tried), bend, path))
            if count:
                continue
            label = self.label(edge, self.oriented(path, pair, edge)) if edge.label else None
            if label is not None or not edge.label:
                return self.accept(edge, pair, bend, path, label)
        tried.sort()  # clearest first
        if not edge.label:
            return self.accept(edge, pair, tried[0][2], tried[0][3], None)
        # No bend leaves room for the words: a number on the clearest bend with room for
        # one, the words in the legend (which names both actors, should even that fail).
        for _count, _i, bend, path in tried:
            badge = self.badge(self.oriented(path, pair, edge))
            if badge is not None:
                return self.accept(edge, pair, bend, path, badge, numbered=True)
        return self.accept(edge, pair, tried[0][2], tried[0][3], None, numbered=True)

    @staticmethod
    def oriented(path, pair, edge):
        return path if pair[0] == edge.source else tuple(reversed(path))

    def accept(self, edge, pair, bend, path, label, numbered=False) -> PlacedEdge:
        self.used[pair].append(bend)
        path = self.oriented(path, pair, edge)
        number = 0
        if numbered and edge.label:
            self.legend += 1
            number = self.legend
            if label is not None:
                label = (label[0], (str(number),))
        if label is not None:
            self.taken.append(label[0].grown(1.0))
        for x, y in (point(path, i / 30) for i in range(31)):
            self.cells.setdefault((int(x // CELL), int(y // CELL)), []).append((x, y))
        head = arrow(path) if edge.directed else ()
        box, lines = label if label is not None else (None, (str(number),) if number else ())
        return PlacedEdge(edge, path, head, box, tuple(lines), number)

    def badge(self, path):
        """Room on the arrow for a legend number (its digits are set when it is accepted)."""
        w = self.measure(str(self.legend + 1), LABEL_FONT, True) + 2 * PAD + 2
        box = self.spot(path, w, LABEL_FONT * 1.2 + 2 * PAD, dense=True)
        return (box, ()) if box is not None else None

    def label(self, edge, path):
        for shape_width, most in LABEL_SHAPES:
            lines = wrap(edge.label, shape_width - 2 * PAD, LABEL_FONT, self.measure,
                         max_lines=most)
            if lines[-1].endswith("\u2026") and most < LABEL_SHAPES[-1][1]:
                continue  # cut short in this shape: try a taller one
            w = max(self.measure(line, LABEL_FONT, False) for line in lines) + 2 * PAD
            box = self.spot(path, w, len(lines) * LABEL_FONT * 1.2 + 2 * PAD)
            if box is not None:
                return box, lines
        return None

    def spot(self, path, w, h, dense=False) -> Box | None:
        """The first free spot, best one that no arrow drawn so far runs under."""
        # Every spot lies within the curve's control points grown by w + h: what is
        # outside that region cannot overlap one, so it is left out up front.
        near = region(path).grown(w + h)
        taken = [(o.x, o.y, o.right, o.bottom) for o in self.taken if o.overlaps(near)]
        fallback = None
        for box in spots(path, w, h, dense):
            x0, y0, x1, y1 = box.x, box.y, box.right, box.bottom  # Box.overlaps, inlined
            if box.inside(self.width, self.height) and not any(
                    x0 < right and left < x1 and y0 < bottom and top < y1
                    for left, top, right, bottom in taken):
                if not self.runs_under(box):
                    return box
                fallback = fallback or box
        return fallback

    def runs_under(self, box: Box) -> bool:
        """Whether an arrow drawn so far has a sample inside the box."""
        x0, y0, x1, y1 = box.x, box.y, box.right, box.bottom
        return any(x0 <= x <= x1 and y0 <= y <= y1
                   for cx in range(int(x0 // CELL), int(x1 // CELL) + 1)
                   for cy in range(int(y0 // CELL), int(y1 // CELL) + 1)
                   for x, y in self.cells.get((cx, cy), ()))
