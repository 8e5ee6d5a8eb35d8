"""Progress by kind: one bar per kind, split into known, learning and new prompts."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter

from ...model import KIND_LABELS
from ...stats import KindProgress
from .chart import Chart, mix

ROW, ROW_GAP = 30, 8
SHADES = (("known", 0.0), ("learning", 0.45), ("new", 0.8))  # toward the background


class KindBars(Chart):
    height_wanted = 3 * (ROW + ROW_GAP) + 8

    def __init__(self, parent=None):
        super().__init__(parent)
        self.per_kind: tuple[KindProgress, ...] = ()

    def show_kinds(self, per_kind: tuple[KindProgress, ...]) -> None:
        self.per_kind = per_kind
        self.setMinimumHeight(max(len(per_kind), 1) * (ROW + ROW_GAP) + 8)
        self.update()

    def _columns(self) -> tuple[float, float]:
        """(where the bars start, how wide they are): names at the left, counts at the right."""
        metrics = QFontMetricsF(self.font())
        names = max((metrics.horizontalAdvance(KIND_LABELS.get(k.kind, k.kind))
                     for k in self.per_kind), default=0) + 12
        counts = metrics.horizontalAdvance("00,000 known of 00,000") + 12
        return names, max(self.width() - names - counts, 20)

    def item_at(self, point: QPointF) -> int | None:
        row = int((point.y() - 8) // (ROW + ROW_GAP))
        return row if 0 <= row < len(self.per_kind) else None

    def tip(self, item: int) -> str:
        kind = self.per_kind[item]
        return (f"{KIND_LABELS.get(kind.kind, kind.kind)}: {kind.known} known, "
                f"{kind.learning} learning, {kind.new} new, of {kind.total} prompts")

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        left, width = self._columns()
        for row, kind in enumerate(self.per_kind):
            y = 8 + row * (ROW + ROW_GAP)
            painter.setPen(QColor(self.colors.text))
            painter.drawText(QRectF(0, y, left, ROW), Qt.AlignmentFlag.AlignVCenter,
                             KIND_LABELS.get(kind.kind, kind.kind))
            painter.fillRect(QRectF(left, y + 4, width, ROW - 8), QColor(self.colors.border))
            x = left
            base = self.colors.kind(kind.kind)
            for part, shade in SHADES:
                count = getattr(kind, part)
                if kind.total and count:
                    w = width * count / kind.total
                    painter.fillRect(QRectF(x, y + 4, w, ROW - 8),
                                     mix(base, self.colors.base, shade))
                    x += w
            painter.setPen(QColor(self.colors.muted))
            painter.drawText(QRectF(left + width + 12, y, self.width() - left - width - 12, ROW),
                             Qt.AlignmentFlag.AlignVCenter,
                             f"{kind.known:,} known of {kind.total:,}")
        painter.end()
