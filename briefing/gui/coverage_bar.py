"""A thin bar beside the article's scroll bar with a mark where each paragraph no card
quotes is; a click on a mark goes there. Where the marks go is reading.bar_marks'."""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from ..reading import ArticleMap, BarMark, bar_marks, mark_at
from .article_text import UNQUOTED

WIDTH = 9
REACH = 5  # pixels a click may miss a mark by


class CoverageBar(QWidget):
    jump_requested = Signal(int)   # the offset of the unquoted paragraph clicked

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("coverageBar")
        self.setFixedWidth(WIDTH)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("Paragraphs no card quotes: click a mark to go there")
        self.map: ArticleMap | None = None
        self.marks: list[BarMark] = []
        self._for_height = -1

    def set_map(self, article_map: ArticleMap | None) -> None:
        self.map = article_map
        self._for_height = -1
        self.update()

    def current_marks(self) -> list[BarMark]:
        """The marks for the bar's height now (one pixel at the least)."""
        height = max(1, self.height())
        if self._for_height != height:
            self.marks = bar_marks(self.map.uncovered, self.map.length, 1 / height) \
                if self.map is not None else []
            self._for_height = height
        return self.marks

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        color, height = QColor(UNQUOTED), self.height()
        for mark in self.current_marks():
            painter.fillRect(QRectF(1, mark.top * height, WIDTH - 2,
                                    (mark.bottom - mark.top) * height), color)
        painter.end()

    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        height = max(1, self.height())
        fraction = event.position().y() / height
        mark = mark_at(self.current_marks(), fraction, REACH / height)
        if mark is not None:
            self.jump_requested.emit(mark.target(fraction, self.map.length))
