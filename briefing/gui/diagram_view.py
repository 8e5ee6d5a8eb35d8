"""What the drawn views share: a QGraphicsView over a scene laid out by the core (y grows
downward in both), text items placed by their baseline as the layout gives it, and a
click on an item that carries a key (an entry's number, an actor's card id)."""
from __future__ import annotations

from functools import partial

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
)

from .diagram_theme import ascent, diagram_font, measure

KEY = 0          # QGraphicsItem.data slot of what a click on the item opens
CLICK_SLOP = 4   # pixels the pointer may move between press and release and still click


class DiagramView(QGraphicsView):
    clicked = Signal(object)   # the KEY data of the item clicked

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMouseTracking(True)
        self._pressed: QPointF | None = None
        # What a subclass keeps of the scene's items (by id, per edge...), emptied in
        # place before the items go, on every redraw and when the view is destroyed:
        # a Python wrapper outliving its item crashed the collector later (seen after
        # a window closed with a click on the timeline), or was handed back for a new
        # object at the same address.
        self.kept: list = []
        self.destroyed.connect(partial(_empty, self.kept))

    def clear_scene(self) -> None:
        _empty(self.kept)
        self.scene().clear()

    def key_at(self, pos) -> object | None:
        """The key of the topmost item under a viewport position that has one."""
        for item in self.items(pos):
            while item is not None:
                if item.data(KEY) is not None:
                    return item.data(KEY)
                item = item.parentItem()
        return None

    def mousePressEvent(self, event) -> None:
        self._pressed = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        start, self._pressed = self._pressed, None
        if (event.button() == Qt.MouseButton.LeftButton and start is not None
                and (event.position() - start).manhattanLength() <= CLICK_SLOP):
            key = self.key_at(event.position().toPoint())
            if key is not None:
                self.clicked.emit(key)

    def set_background(self, color: str) -> None:
        self.setBackgroundBrush(QBrush(QColor(color)))


def _empty(kept: list, *_args) -> None:
    for holder in kept:
        holder.clear()


def text_item(parent_or_scene, text: str, size: float, color: QColor, *, x: float,
              baseline: float, bold: bool = False, anchor: str = "start"
              ) -> QGraphicsSimpleTextItem:
    """Text in the diagram font, its baseline at `baseline`, starting (or centred, or
    ending) at x, as the layout measured it."""
    item = QGraphicsSimpleTextItem(text)
    item.setFont(diagram_font(size, bold))
    item.setBrush(color)
    width = measure(text, size, bold)
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    item.setPos(left, baseline - ascent(size, bold))
    if isinstance(parent_or_scene, QGraphicsScene):
        parent_or_scene.addItem(item)
    else:
        item.setParentItem(parent_or_scene)
    return item


def clickable(item: QGraphicsItem, key: object, tip: str) -> QGraphicsItem:
    item.setData(KEY, key)
    item.setToolTip(tip)
    item.setCursor(Qt.CursorShape.PointingHandCursor)
    return item
