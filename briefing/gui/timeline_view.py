"""The Timeline page: the topic's chronology drawn as the pack draws it (the core's
`layout_timeline`), beside the table of its dated entries; a click on a marker, a label
or a row opens that entry's card. Key judgments have no card: they show their text."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
)

from .. import chronology
from ..chronology import Entry, Timeline
from ..model import Topic
from ..topic_views import cited, entry_hint
from ..wording import plural
from .diagram_theme import entry_color, measure, zoom_for
from .diagram_view import DiagramView, clickable, text_item
from .look import Look
from .theme import Colors
from .topic_page import TopicPage

FONT = 7.5        # the layout's text size, as in the pack; the view scales it to the app's
MIN_WIDTH = 200   # layout units: narrower, and the labels have no room
COLUMNS = ("No.", "Date", "Event", "Article")


class TimelineCanvas(DiagramView):
    """The drawn timeline, laid out again for its width whenever that changes."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.rows: list[Entry] = []
        self.colors: Colors | None = None
        self.zoom = 2.0
        self.timeline: Timeline | None = None
        self.hits: dict[int, list] = {}           # entry number -> its clickable items
        self.kept.append(self.hits)
        self._relayout = QTimer(self, singleShot=True, interval=60)
        self._relayout.timeout.connect(self.draw)

    def show_rows(self, rows: list[Entry], colors: Colors, zoom: float) -> None:
        self.rows, self.colors, self.zoom = rows, colors, zoom
        self.resetTransform()
        self.scale(zoom, zoom)
        self.draw()

    def layout_width(self) -> float:
        return max(MIN_WIDTH, (self.viewport().width() - 8) / self.zoom)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.timeline is not None and abs(self.layout_width() - self.timeline.width) > 4:
            self._relayout.start()

    def draw(self) -> None:
        scene = self.scene()
        self.clear_scene()
        if not self.rows or self.colors is None:
            self.timeline = None
            return
        colors = self.colors
        self.set_background(colors.base)
        timeline = chronology.layout_timeline(self.rows, self.layout_width(), measure,
                                              font_size=FONT)
        self.timeline = timeline
        ink, muted = QColor(colors.text), QColor(colors.muted)
        x, (top, bottom) = timeline.axis_x, timeline.axis
        scene.addLine(x, top, x, bottom, QPen(ink, 0.8))
        for y in timeline.breaks:  # a gap in the axis with two slanted strokes: years left out
            scene.addLine(x, y - 3, x, y + 3, QPen(QColor(colors.base), 2.5))
            for dy in (-3, 1):
                scene.addLine(x - 4, y + dy + 2, x + 4, y + dy, QPen(ink, 0.7))
        for y, year in timeline.ticks:
            scene.addLine(x - 3, y, x, y, QPen(ink, 0.6))
            text_item(scene, year, FONT, muted, x=x - 9, baseline=y + 2.5, anchor="end")
        by_number = {row.number: row for row in self.rows}
        starts = sorted(m.y0 for m in timeline.markers)
        for marker in timeline.markers:
            self._marker(marker, by_number[marker.number], x, _between(starts, marker))
        for label in timeline.labels:
            self._label(label, by_number[label.number])
        scene.setSceneRect(QRectF(0, 0, timeline.width, timeline.height))

    def _marker(self, marker, row: Entry, x: float, reach: tuple[float, float]) -> None:
        scene, color = self.scene(), entry_color(row.kind, self.colors)
        if marker.y1 > marker.y0:  # a span: a bar beside the axis, a dot where it starts
            bar = QPen(color, 3)
            bar.setCapStyle(Qt.PenCapStyle.RoundCap)
            scene.addLine(x - 5, marker.y0, x - 5, marker.y1, bar)
            scene.addLine(x - 5, marker.y0, x, marker.y0, QPen(color, 0.8))
        scene.addEllipse(x - 2.6, marker.y0 - 2.6, 5.2, 5.2, QPen(QColor(self.colors.base), 0.6),
                         color)
        hit = QRectF(x - 8, reach[0], 12, reach[1] - reach[0])
        self._hit(row, scene.addRect(hit, QPen(Qt.PenStyle.NoPen)))

    def _label(self, label, row: Entry) -> None:
        scene, size = self.scene(), FONT
        path = QPainterPath(QPointF(*label.leader[0]))
        for point in label.leader[1:]:
            path.lineTo(QPointF(*point))
        scene.addItem(_stroked(path, QColor(self.colors.border), 0.6))
        baseline = label.box.y + size * chronology.LINE - size * 0.25
        box = label.box
        area = scene.addRect(QRectF(box.x, box.y, box.w, box.h), QPen(Qt.PenStyle.NoPen))
        text_item(area, label.head, size, entry_color(row.kind, self.colors), x=box.x,
                  baseline=baseline, bold=True)
        for line in label.lines:
            text_item(area, line, size, QColor(self.colors.text), x=label.text_x,
                      baseline=baseline)
            baseline += size * chronology.LINE
        self._hit(row, area)

    def _hit(self, row: Entry, item: QGraphicsRectItem) -> None:
        if row.card_id is not None:
            clickable(item, row.number, entry_hint(row))
        else:
            item.setToolTip(entry_hint(row))  # a key judgment: its text, nothing to open
        self.hits.setdefault(row.number, []).append(item)


def _between(starts: list[float], marker) -> tuple[float, float]:
    """Where a click means this marker: up to halfway to the markers above and below
    (days apart, they are a few points apart), never more than 4 beyond its ends."""
    above = max((y for y in starts if y < marker.y0), default=marker.y0 - 8)
    below = min((y for y in starts if y > marker.y0), default=marker.y1 + 8)
    return (max(marker.y0 - 4, (above + marker.y0) / 2),
            min(marker.y1 + 4, max((marker.y0 + below) / 2, marker.y0 + 1)))


def _stroked(path: QPainterPath, color: QColor, width: float) -> QGraphicsPathItem:
    item = QGraphicsPathItem(path)
    item.setPen(QPen(color, width))
    return item


class TimelineView(TopicPage):
    title = "Timeline"
    what = "timeline"

    def __init__(self, look: Look, parent=None):
        super().__init__(look, parent)
        self.canvas = TimelineCanvas()
        self.table = QTableWidget(0, len(COLUMNS), objectName="timelineTable")
        self.set_content(self.canvas, self.table, sizes=(480, 520))
        self.rows: list[Entry] = []
        self.canvas.clicked.connect(self.open_entry)
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        # Wrapped rows take the height their text needs at the columns' widths of now.
        self._rows_fit = QTimer(self, singleShot=True, interval=0)
        self._rows_fit.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._rows_fit.start())
        self.table.cellClicked.connect(lambda row, _column: self.open_entry(row + 1))
        self.table.cellActivated.connect(lambda row, _column: self.open_entry(row + 1))

    def draw(self, topic: Topic) -> str:
        self.rows = chronology.entries(topic)
        if not self.rows:
            self.canvas.show_rows([], self.look.colors, 1.0)
            self.table.setRowCount(0)
            return ("No card or key judgment of this topic has a date yet: give one a "
                    "`date:` (a figure, `as_of:`) and it goes on the timeline.")
        self.note.setText(f"{plural(len(self.rows), 'dated entry', 'dated entries')}, earliest "
                          "first. Click one to open its card; the pointer on a key judgment "
                          "shows its text. The axis is squeezed where nothing happens for years.")
        self.canvas.show_rows(self.rows, self.look.colors, zoom_for(FONT))
        self._fill_table()
        return ""

    def _fill_table(self) -> None:
        colors = self.look.colors
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            cells = (str(row.number), row.when.label, row.event,
                     cited(row.seeds).replace("; ", "\n"))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(entry_hint(row))
                if column < 2:
                    item.setForeground(entry_color(row.kind, colors))
                self.table.setItem(index, column, item)
        self.table.resizeRowsToContents()

    def open_entry(self, number: int) -> None:
        """Open the card of entry `number` (1-based, in time order); a key judgment has none."""
        if 1 <= number <= len(self.rows) and self.rows[number - 1].card_id is not None:
            self.open_card(self.rows[number - 1].card_id)
