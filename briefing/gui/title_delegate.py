"""Draws a title cell with the search words marked, cut in the middle when it does not fit
(two long titles that differ at the end stay apart)."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ..matches import pieces

_ALIGN = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class TitleDelegate(QStyledItemDelegate):
    def __init__(self, words: Callable[[], list[str]], parent=None):
        super().__init__(parent)
        self.words = words
        self.highlight = "#ffe27a"  # the theme's, set by the table

    def paint(self, painter, option, index) -> None:
        words = self.words()
        if not words:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        text, item.text = item.text, ""
        widget = item.widget
        style = widget.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, widget)
        area = area.adjusted(margin, 0, -margin, 0)
        metrics = item.fontMetrics
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, area.width())
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        plain = item.palette.color(QPalette.ColorRole.HighlightedText if selected
                                   else QPalette.ColorRole.Text)
        marked = item.palette.color(QPalette.ColorRole.Text)  # on the highlight, as on a card
        painter.save()
        painter.setFont(item.font)
        x = area.left()
        for run, hit in pieces(shown, words):
            width = metrics.horizontalAdvance(run)
            cell = QRect(x, area.top(), width, area.height())
            if hit:
                painter.fillRect(cell.adjusted(0, 3, 0, -3), QColor(self.highlight))
            painter.setPen(marked if hit else plain)
            painter.drawText(cell, _ALIGN, run)
            x += width
        painter.restore()
