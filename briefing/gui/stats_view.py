"""Statistics: due today, studied today, retention, progress per kind, and two small charts."""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ..model import KIND_LABELS
from ..stats import Stats
from .theme import LIGHT, Colors


def _mix(color: str, toward: str, amount: float) -> QColor:
    a, b = QColor(color), QColor(toward)
    return QColor.fromRgbF(*(a.getRgbF()[i] * (1 - amount) + b.getRgbF()[i] * amount for i in range(3)))


class _Chart(QWidget):
    """A small chart painted from Stats in the theme's colours."""

    height_wanted = 120

    def __init__(self, parent=None):
        super().__init__(parent)
        self.stats: Stats | None = None
        self.colors = LIGHT
        self.setMinimumHeight(self.height_wanted)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)


class KindBars(_Chart):
    """One horizontal bar per kind: known, learning and new, as shares of its cards."""

    def paintEvent(self, event):
        if not self.stats:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        label_width, row_height = 110, 30
        width = self.width() - label_width - 130
        for row, kind in enumerate(self.stats.per_kind):
            y = 8 + row * (row_height + 8)
            painter.setPen(QColor(self.colors.text))
            painter.drawText(QRectF(0, y, label_width, row_height),
                             Qt.AlignmentFlag.AlignVCenter, KIND_LABELS.get(kind.kind, kind.kind))
            x = label_width
            base = self.colors.kind(kind.kind)
            for count, shade in ((kind.known, 0.0), (kind.learning, 0.45), (kind.new, 0.8)):
                if kind.total and count:
                    w = width * count / kind.total
                    painter.fillRect(QRectF(x, y + 4, w, row_height - 8),
                                     _mix(base, self.colors.base, shade))
                    x += w
            painter.setPen(QColor(self.colors.muted))
            painter.drawText(QRectF(label_width + width + 10, y, 120, row_height),
                             Qt.AlignmentFlag.AlignVCenter,
                             f"{kind.known} known of {kind.total}")
        painter.end()


class DailyBars(_Chart):
    """Reviews per day over the last two weeks."""

    height_wanted = 150

    def paintEvent(self, event):
        if not self.stats:
            return
        painter = QPainter(self)
        days = self.stats.daily
        top = max((n for _, n in days), default=0) or 1
        chart_height = self.height() - 36
        slot = self.width() / max(len(days), 1)
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() - 2, 7))
        painter.setFont(small)
        for index, (day, count) in enumerate(days):
            x = index * slot
            height = chart_height * count / top
            painter.fillRect(QRectF(x + slot * 0.18, 14 + chart_height - height, slot * 0.64, height),
                             QColor(self.colors.accent))
            painter.setPen(QColor(self.colors.muted))
            painter.drawText(QRectF(x, self.height() - 20, slot, 18),
                             Qt.AlignmentFlag.AlignCenter, day.strftime("%d"))
            if count:
                painter.setPen(QColor(self.colors.text))
                painter.drawText(QRectF(x, chart_height - height - 4, slot, 16),
                                 Qt.AlignmentFlag.AlignCenter, str(count))
        painter.end()


class StatsView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.heading = QLabel("Statistics", objectName="statsHeading")
        self.tiles = {}
        grid = QGridLayout()
        for column, (key, caption) in enumerate([("due", "due today"), ("new", "not yet studied"),
                                                 ("studied", "studied today"),
                                                 ("retention", "retention (30 days)")]):
            number = QLabel("–", objectName=f"stat_{key}")
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label = QLabel(caption)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(number, 0, column)
            grid.addWidget(label, 1, column)
            self.tiles[key] = (number, label)
        self.kind_bars = KindBars()
        self.daily = DailyBars()
        self.note = QLabel(objectName="statsNote")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 20, 36, 20)
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        layout.addSpacing(16)
        layout.addWidget(QLabel("Progress by kind (known · learning · new)"))
        layout.addWidget(self.kind_bars)
        layout.addSpacing(8)
        layout.addWidget(QLabel("Reviews per day, last 14 days"))
        layout.addWidget(self.daily)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def apply_colors(self, colors: Colors) -> None:
        self.kind_bars.colors = self.daily.colors = colors
        self.heading.setStyleSheet("font-size: 18pt; font-weight: 600;")
        for number, label in self.tiles.values():
            number.setStyleSheet(f"font-size: 26pt; font-weight: 700; color: {colors.accent};")
            label.setStyleSheet(f"color: {colors.muted};")
        self.update()

    def show_stats(self, stats: Stats, scope: str) -> None:
        self.heading.setText(f"Statistics · {scope}")
        retention = "–" if stats.retention is None else f"{stats.retention:.0%}"
        values = {"due": stats.due, "new": stats.new, "studied": stats.studied_today,
                  "retention": retention}
        for key, value in values.items():
            self.tiles[key][0].setText(str(value))
        self.kind_bars.stats = self.daily.stats = stats
        self.note.setText(
            f"{stats.total} cards; {stats.reviews_today} reviews today. Retention counts spaced "
            f"reviews answered Hard, Good or Easy ({stats.retention_reviews} in the last 30 days).")
        self.kind_bars.update()
        self.daily.update()
