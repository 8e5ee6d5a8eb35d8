"""What every Statistics chart shares: the theme's colours, a smaller font for axes, and a
hover text for the bar or day under the mouse."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ..theme import LIGHT, Colors


def mix(color: str, toward: str, amount: float) -> QColor:
    """`color` moved `amount` (0 to 1) of the way to `toward`."""
    a, b = QColor(color), QColor(toward)
    return QColor.fromRgbF(*(a.getRgbF()[i] * (1 - amount) + b.getRgbF()[i] * amount
                             for i in range(3)))


class Chart(QWidget):
    """A chart drawn on the panel's background (the theme's `base`); text in `text` or
    `muted`, which both read at 4.5:1 or better on it in either theme."""

    height_wanted = 120

    def __init__(self, parent=None):
        super().__init__(parent)
        self.colors: Colors = LIGHT
        self.hovered: int | None = None  # the bar or day under the mouse, drawn lighter
        self.setMinimumHeight(self.height_wanted)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def sizeHint(self):
        hint = super().sizeHint()
        hint.setHeight(self.height_wanted)
        return hint

    def set_colors(self, colors: Colors) -> None:
        self.colors = colors
        self.update()

    def small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() - 1.5, 7))
        return font

    # -- hovering: subclasses say what is at a point -----------------------------------

    def item_at(self, point: QPointF) -> int | None:
        return None

    def tip(self, item: int) -> str:
        return ""

    def mouseMoveEvent(self, event) -> None:
        item = self.item_at(event.position())
        if item != self.hovered:
            self.hovered = item
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:
        self.hovered = None
        self.update()
        super().leaveEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            item = self.item_at(QPointF(event.pos()))
            if item is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.tip(item), self)
            return True
        return super().event(event)
