"""A year of reviews as a calendar: a column per week, a square per day shaded by how many
reviews it had, month names above, and today outlined."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from ...stats_charts import CALENDAR_LEVELS, WEEKDAYS, Calendar
from .chart import Chart, mix

GAP = 2
LARGEST_CELL = 15
ROW_LABELS = (0, 2, 4)  # Mon, Wed, Fri, as GitHub shows them


class CalendarView(Chart):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.calendar: Calendar | None = None
        self._cells: list = []  # the days in column order, for hovering
        line = QFontMetricsF(self.small_font()).height()
        self.height_wanted = int(line + 4 + 7 * (LARGEST_CELL + GAP) + line + 8)
        self.setMinimumHeight(self.height_wanted)

    def show_calendar(self, calendar: Calendar) -> None:
        self.calendar = calendar
        self._cells = [cell for week in calendar.weeks for cell in week]
        self.hovered = None
        self.update()

    # -- geometry --------------------------------------------------------------------

    def _grid(self) -> tuple[float, float, float]:
        """(left, top, cell size): the cells fill the width up to LARGEST_CELL."""
        metrics = QFontMetricsF(self.small_font())
        left = max(metrics.horizontalAdvance(WEEKDAYS[i]) for i in ROW_LABELS) + 6
        top = metrics.height() + 4
        weeks = max(len(self.calendar.weeks), 1)
        legend = metrics.height() + 8
        room = min((self.width() - left) / weeks, (self.height() - top - legend) / 7)
        return left, top, max(min(room - GAP, LARGEST_CELL), 3)

    def cell_rect(self, column: int, row: int, grid=None) -> QRectF:
        left, top, cell = grid or self._grid()
        return QRectF(left + column * (cell + GAP), top + row * (cell + GAP), cell, cell)

    def item_at(self, point: QPointF) -> int | None:
        if not self.calendar:
            return None
        left, top, cell = self._grid()
        column = int((point.x() - left) // (cell + GAP))
        row = int((point.y() - top) // (cell + GAP))
        if not (0 <= column < len(self.calendar.weeks) and 0 <= row < 7):
            return None
        index = column * 7 + row
        return index if self._cells[index] is not None else None

    def tip(self, item: int) -> str:
        return self._cells[item].tip

    def shade(self, level: int) -> QColor:
        """No reviews: the border colour; then the accent, lightest for the fewest."""
        if level == 0:
            return QColor(self.colors.border)
        return mix(self.colors.accent, self.colors.base,
                   0.75 * (CALENDAR_LEVELS - level) / CALENDAR_LEVELS)

    # -- painting --------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        if not self.calendar:
            return
        painter = QPainter(self)
        painter.setFont(self.small_font())
        line = QFontMetricsF(painter.font()).height()
        grid = left, top, cell = self._grid()  # once: a year is 365 squares
        painter.setPen(QColor(self.colors.muted))
        for row in ROW_LABELS:
            rect = self.cell_rect(0, row, grid)
            painter.drawText(QRectF(0, rect.center().y() - line / 2, left - 6, line),
                             Qt.AlignmentFlag.AlignRight, WEEKDAYS[row])
        for column, month in self.calendar.months:
            painter.drawText(QPointF(self.cell_rect(column, 0, grid).left(), top - 4), month)
        shades = [self.shade(level) for level in range(CALENDAR_LEVELS + 1)]
        for index, day in enumerate(self._cells):
            if day is None:
                continue
            rect = self.cell_rect(index // 7, index % 7, grid)
            color = shades[day.level]
            painter.fillRect(rect, mix(color.name(), self.colors.text, 0.3)
                             if index == self.hovered else color)
            if day.day == self.calendar.today:
                painter.setPen(QPen(QColor(self.colors.text), 1.5))
                painter.drawRect(rect.adjusted(-1, -1, 1, 1))
        self._paint_legend(painter, grid, line, shades)
        painter.end()

    def _paint_legend(self, painter: QPainter, grid, line: float, shades) -> None:
        """Less ▪▪▪▪▪ More, under the grid at the right."""
        metrics = QFontMetricsF(painter.font())
        cell = grid[2]
        y = self.cell_rect(0, 6, grid).bottom() + 6
        right = self.cell_rect(len(self.calendar.weeks) - 1, 0, grid).right()
        x = right - metrics.horizontalAdvance("More")
        painter.setPen(QColor(self.colors.muted))
        painter.drawText(QPointF(x, y + line * 0.8), "More")
        for level in range(CALENDAR_LEVELS, -1, -1):
            x -= cell + GAP
            painter.fillRect(QRectF(x, y + (line - cell) / 2, cell, cell), shades[level])
        x -= metrics.horizontalAdvance("Less ") + GAP
        painter.drawText(QPointF(x, y + line * 0.8), "Less")
