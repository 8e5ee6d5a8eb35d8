"""A bar chart with a dated (or labelled) x axis and a y scale with its unit."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from ...stats_charts import BarChart
from .chart import Chart, mix

BAR_SHARE = 0.72     # of each bar's slot; the rest is the gap
VALUE_ROOM = 26      # a slot at least this wide shows its bar's value above it


class BarChartView(Chart):
    height_wanted = 190

    def __init__(self, parent=None):
        super().__init__(parent)
        self.chart: BarChart | None = None

    def show_chart(self, chart: BarChart) -> None:
        self.chart = chart
        self.hovered = None
        self.update()

    # -- geometry --------------------------------------------------------------------

    def plot_rect(self) -> QRectF:
        """Where the bars stand: right of the scale, under the unit, above the dates."""
        metrics = QFontMetricsF(self.small_font())
        line = metrics.height()
        ticks = self.chart.ticks if self.chart else (0,)
        scale_width = max(metrics.horizontalAdvance(f"{t:,}") for t in ticks) + 8
        top = line * 1.5 + 4  # the unit's line, then half of the top tick's label
        return QRectF(scale_width, top, max(self.width() - scale_width - 4, 1),
                      max(self.height() - top - line - 8, 1))

    def bar_rect(self, plot: QRectF, index: int) -> QRectF:
        slot = plot.width() / len(self.chart.bars)
        height = plot.height() * self.chart.bars[index].value / self.chart.top
        return QRectF(plot.left() + slot * (index + (1 - BAR_SHARE) / 2), plot.bottom() - height,
                      slot * BAR_SHARE, height)

    def item_at(self, point: QPointF) -> int | None:
        if not self.chart or not self.chart.bars:
            return None
        plot = self.plot_rect()
        if not plot.left() <= point.x() < plot.right() or point.y() > self.height():
            return None
        return min(int((point.x() - plot.left()) / (plot.width() / len(self.chart.bars))),
                   len(self.chart.bars) - 1)

    def tip(self, item: int) -> str:
        return self.chart.bars[item].tip

    # -- painting --------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        if not self.chart:
            return
        painter = QPainter(self)
        painter.setFont(self.small_font())
        plot = self.plot_rect()
        line = QFontMetricsF(painter.font()).height()
        self._paint_scale(painter, plot, line)
        if any(self.chart.values):
            self._paint_bars(painter, plot, line)
        else:
            painter.setPen(QColor(self.colors.muted))
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.chart.empty)
        self._paint_labels(painter, plot, line)
        painter.end()

    def _paint_scale(self, painter: QPainter, plot: QRectF, line: float) -> None:
        """Grid lines at each tick, their values at the left, and the unit above them."""
        for tick in self.chart.ticks:
            y = plot.bottom() - plot.height() * tick / self.chart.top
            painter.setPen(QPen(QColor(self.colors.border), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor(self.colors.muted))
            painter.drawText(QRectF(0, y - line / 2, plot.left() - 6, line),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             f"{tick:,}")
        painter.drawText(QRectF(0, 0, plot.width() + plot.left(), line),
                         Qt.AlignmentFlag.AlignLeft, self.chart.unit)

    def _paint_bars(self, painter: QPainter, plot: QRectF, line: float) -> None:
        show_values = plot.width() / len(self.chart.bars) >= VALUE_ROOM
        for index, bar in enumerate(self.chart.bars):
            if not bar.value:
                continue
            rect = self.bar_rect(plot, index)
            color = (mix(self.colors.accent, self.colors.base, 0.35) if index == self.hovered
                     else QColor(self.colors.accent))
            painter.fillRect(rect, color)
            if show_values:
                painter.setPen(QColor(self.colors.text))
                painter.drawText(QRectF(rect.left() - 10, rect.top() - line - 1,
                                        rect.width() + 20, line),
                                 Qt.AlignmentFlag.AlignCenter, f"{bar.value:,}")

    def _paint_labels(self, painter: QPainter, plot: QRectF, line: float) -> None:
        """The x axis: a tick under each labelled bar and its label, today's in bold."""
        slot = plot.width() / len(self.chart.bars)
        for index, bar in enumerate(self.chart.bars):
            if not bar.label:
                continue
            center = plot.left() + slot * (index + 0.5)
            painter.setPen(QColor(self.colors.muted))
            painter.drawLine(QPointF(center, plot.bottom()), QPointF(center, plot.bottom() + 3))
            font = painter.font()
            font.setBold(bar.today)
            painter.setFont(font)
            painter.setPen(QColor(self.colors.text if bar.today else self.colors.muted))
            width = max(slot, 70)
            left = min(max(center - width / 2, 0), self.width() - width)
            painter.drawText(QRectF(left, plot.bottom() + 4, width, line),
                             Qt.AlignmentFlag.AlignCenter, bar.label)
            font.setBold(False)
            painter.setFont(font)
