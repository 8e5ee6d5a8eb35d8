"""The Actor map page: the core's `actor_map.layout` drawn in a QGraphicsView. The pointer
on an actor lights its relations and dims the rest; a click opens its card; Ctrl+wheel
zooms, and a resize fits the map to the view again."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QFrame, QGraphicsItem, QGraphicsPathItem, QTextBrowser

from .. import actor_map
from ..actor_map import ActorMap, Graph
from ..model import Topic
from ..topic_views import focus, map_width
from ..wording import plural
from .diagram_theme import group_fill, group_stroke, measure, relation_color, zoom_for
from .diagram_view import DiagramView, clickable, text_item
from .look import Look
from .theme import Colors
from .topic_page import TopicPage

DIM = 0.16            # the opacity of what the hovered actor has nothing to do with
MIN_WIDTH = 360.0     # layout units: narrower, and rows of actors crowd
RELATION_WORDS = {"supports": "supports", "depends-on": "depends on", "presses": "presses",
                  "courts": "courts", "opposes": "opposes", "works-with": "works with",
                  "relation": "other relation", "related": "related (no relation given)"}


class ActorMapCanvas(DiagramView):
    drawn = Signal()   # laid out again (a resize): the legend's numbers may have changed

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setDragMode(DiagramView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(DiagramView.ViewportAnchor.AnchorUnderMouse)
        # Fitted, it needs none; zoomed, dragging moves it. Bars that come and go would
        # change the viewport under fitInView and leave the map off-centre.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.graph: Graph | None = None
        self.colors: Colors | None = None
        self.zoom = 2.0
        self.map: ActorMap | None = None
        self.nodes: dict[str, QGraphicsPathItem] = {}
        self.edges: list[list[QGraphicsItem]] = []   # per edge: its curve, arrowhead, label
        self.kept += [self.nodes, self.edges]
        self.hovered: str | None = None
        self._refit = QTimer(self, singleShot=True, interval=80)
        self._refit.timeout.connect(self.draw)

    def show_graph(self, graph: Graph, colors: Colors, zoom: float) -> None:
        self.graph, self.colors, self.zoom = graph, colors, zoom
        self.draw()

    # -- laying out for the view ------------------------------------------------------

    def _layout(self) -> ActorMap:
        """Laid out for the view's shape: rows spread to its height, at the app's text
        size where the whole map fits at it, else as wide as reads best once fitted."""
        view_w = max(self.viewport().width(), 200)
        view_h = max(self.viewport().height(), 150)
        width = max(MIN_WIDTH, map_width(self.graph, view_w, view_h, self.zoom, measure))
        return actor_map.layout(self.graph, width, measure, height=width * view_h / view_w)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.map is not None:
            self._refit.start()

    def fit(self) -> None:
        if self.map is not None:
            self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            factor = 1.15 ** (event.angleDelta().y() / 120)
            self.scale(factor, factor)
            event.accept()
        else:
            super().wheelEvent(event)

    # -- drawing ----------------------------------------------------------------------

    def draw(self) -> None:
        scene = self.scene()
        self.hovered = None
        self.clear_scene()
        if self.graph is None or self.colors is None or len(self.graph.nodes) < 2:
            self.map = None
            return
        self.set_background(self.colors.base)
        self.map = laid = self._layout()
        for band in laid.bands:
            text_item(scene, band.label.upper(), actor_map.HEADING_FONT,
                      group_stroke(band.group, self.colors), x=band.heading.x,
                      baseline=band.heading.bottom - 1, bold=True)
        for placed in laid.edges:  # under the actors and the labels
            self.edges.append(self._edge(placed))
        for placed in laid.nodes:
            self.nodes[placed.node.id] = self._node(placed)
        for items, placed in zip(self.edges, laid.edges, strict=True):
            if placed.label_box is not None:
                items.append(self._label(placed))
        scene.setSceneRect(QRectF(0, 0, laid.width, laid.height))
        self.fit()
        self.drawn.emit()

    def _edge(self, placed) -> list[QGraphicsItem]:
        color = relation_color(placed.edge.type, self.colors)
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = placed.path
        path = QPainterPath(QPointF(x0, y0))
        path.cubicTo(x1, y1, x2, y2, x3, y3)
        curve = QGraphicsPathItem(path)
        pen = QPen(color, 0.9 if placed.edge.label else 0.7)
        if not placed.edge.directed:
            pen.setDashPattern([2 / pen.widthF(), 2 / pen.widthF()])
        curve.setPen(pen)
        self.scene().addItem(curve)
        items: list[QGraphicsItem] = [curve]
        if placed.arrow:
            head = self.scene().addPolygon(QPolygonF([QPointF(*p) for p in placed.arrow]),
                                           QPen(color, 0.3), color)
            items.append(head)
        return items

    def _node(self, placed) -> QGraphicsPathItem:
        box, group = placed.box, placed.node.group
        item = self._box(box, group_fill(group, self.colors), group_stroke(group, self.colors),
                         0.8, 3)
        self._lines(item, placed.lines, box, actor_map.NODE_FONT, bold=True)
        card_words = f"{placed.node.title}\n{actor_map.GROUP_LABELS[group]}"
        clickable(item, placed.node.id, f"{card_words}\nClick to open the card.")
        return item

    def _label(self, placed) -> QGraphicsPathItem:
        color = relation_color(placed.edge.type, self.colors)
        item = self._box(placed.label_box, QColor(self.colors.base), color, 0.4, 2)
        self._lines(item, placed.label_lines, placed.label_box, actor_map.LABEL_FONT,
                    bold=bool(placed.legend_number))
        item.setToolTip(placed.edge.label)
        return item

    def _box(self, box, fill: QColor, stroke: QColor, width: float, radius: float):
        path = QPainterPath()
        path.addRoundedRect(QRectF(box.x, box.y, box.w, box.h), radius, radius)
        item = QGraphicsPathItem(path)
        item.setBrush(fill)
        item.setPen(QPen(stroke, width))
        self.scene().addItem(item)
        return item

    def _lines(self, parent, lines, box, size: float, *, bold: bool) -> None:
        """Lines centred in their box, as the pack sets them."""
        leading = size * 1.2
        first = box.y + (box.h - leading * len(lines)) / 2 + size * 0.95
        for i, line in enumerate(lines):
            text_item(parent, line, size, QColor(self.colors.text), x=box.x + box.w / 2,
                      baseline=first + i * leading, bold=bold, anchor="middle")

    # -- the pointer on an actor ------------------------------------------------------

    def mouseMoveEvent(self, event) -> None:
        super().mouseMoveEvent(event)
        self.highlight(self.key_at(event.position().toPoint()))

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.Leave:
            self.highlight(None)
        return super().viewportEvent(event)

    def highlight(self, node_id: str | None) -> None:
        """Light an actor, its relations and the actors at their other ends; dim the rest.
        None lights everything again."""
        if node_id == self.hovered or self.map is None:
            return
        self.hovered = node_id
        lit = focus(self.map, node_id) if node_id is not None else None
        for item_id, item in self.nodes.items():
            item.setOpacity(1.0 if lit is None or item_id in lit.nodes else DIM)
            pen = item.pen()
            pen.setWidthF(2.0 if item_id == node_id else 0.8)
            item.setPen(pen)
        for index, items in enumerate(self.edges):
            on = lit is not None and index in lit.edges
            for item in items:
                item.setOpacity(1.0 if lit is None or on else DIM)
            curve = items[0]
            pen = curve.pen()
            pen.setWidthF((1.8 if on else 1.0) * (0.9 if self.map.edges[index].edge.label
                                                  else 0.7))
            curve.setPen(pen)


class ActorMapView(TopicPage):
    title = "Actor map"
    what = "actor map"

    def __init__(self, look: Look, parent=None):
        super().__init__(look, parent)
        self.canvas = ActorMapCanvas()
        self.key = QTextBrowser(objectName="mapKey")  # beside the map: it keeps its height
        self.key.setFrameShape(QFrame.Shape.NoFrame)
        self.set_content(self.canvas, self.key, sizes=(760, 240))
        self.graph: Graph | None = None
        self.canvas.clicked.connect(self.open_card)
        self.canvas.drawn.connect(self._show_key)

    def draw(self, topic: Topic) -> str:
        graph = actor_map.graph(topic)
        if len(graph.nodes) < 2:
            return (f"This topic has {plural(len(graph.nodes), 'actor card')}: the map needs "
                    "two or more, and draws their relations.")
        self.note.setText("Who depends on, presses, courts or opposes whom, as the articles say. "
                          "Point at an actor to light its relations; click it to open its card; "
                          "Ctrl+wheel zooms, dragging moves the map.")
        self.graph = graph
        self.canvas.show_graph(graph, self.look.colors, zoom_for(actor_map.NODE_FONT))
        return ""

    def _show_key(self) -> None:
        """The colours of the groups and relations drawn, labels that did not fit, and the
        actors left out."""
        topic, graph = self.topic, self.graph
        colors, laid = self.look.colors, self.canvas.map
        swatch = '<span style="color:{}">\u25a0</span>&nbsp;{}'
        groups = "<br>".join(swatch.format(group_stroke(b.group, colors).name(),
                                              escape(b.label)) for b in laid.bands)
        kinds = dict.fromkeys(e.edge.type for e in laid.edges)
        arrows = "<br>".join(swatch.format(relation_color(k, colors).name(),
                                              escape(RELATION_WORDS.get(k, k))) for k in kinds)
        lines = [f"<b>Groups</b><br>{groups}", f"<b>Arrows</b><br>{arrows}"]
        if laid.legend:
            lines.append("<b>Relations numbered on the map</b>")
        for number, placed in laid.legend:
            names = " → ".join(escape(topic.card(i).title)
                               for i in (placed.edge.source, placed.edge.target))
            lines.append(f"<b>{number}</b>&ensp;{names}: {escape(placed.edge.label)}")
        if graph.left_out:
            lines.append(f"The map shows the {len(graph.nodes)} most connected actors; "
                         f"{graph.left_out} more are among the cards (Browse, Alt+1).")
        self.key.setStyleSheet(f"QTextBrowser {{ background: {colors.window}; "
                               f"color: {colors.text}; }}")
        self.key.setHtml("".join(f"<p>{line}</p>" for line in lines))
