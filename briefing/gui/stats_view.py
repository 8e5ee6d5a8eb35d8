"""Statistics: what is due and studied today, true retention over a week, a month and a
year, the reviews due over the next 30 days, the last year of reviews, intervals, and
progress by kind. Every figure comes from `stats.compute`, as `briefing stats` does; the
charts' bars and labels from `stats_charts`. The page only lays them out."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..stats import Stats
from ..stats_charts import calendar, daily_chart, forecast_chart, interval_chart
from ..wording import plural
from .charts.bar_chart import BarChartView
from .charts.calendar_chart import CalendarView
from .charts.chart import Chart
from .charts.kind_bars import KindBars
from .theme import LIGHT, Colors

TWO_COLUMNS_FROM = 860  # page width (px) from which the charts stand in pairs
COUNT_TILES = (("due", "due today"), ("new", "not yet studied"), ("studied", "studied today"),
               ("reviews", "reviews today"))


class Panel(QFrame):
    """A chart on a sheet of its own, under its title and above a line of notes."""

    def __init__(self, title: str, chart: Chart, parent=None):
        super().__init__(parent, objectName="statsPanel")
        self.title = QLabel(title, objectName="panelTitle")
        self.title.setWordWrap(True)
        self.chart = chart
        self.note = QLabel(objectName="panelNote")
        self.note.setWordWrap(True)
        self.note.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.title)
        layout.addWidget(chart)
        layout.addWidget(self.note)
        layout.addStretch(1)  # beside a taller panel, the chart stays under its title

    def say(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))


class Tile(QFrame):
    """One figure, large, with what it is under it."""

    def __init__(self, key: str, caption: str, parent=None):
        super().__init__(parent, objectName="statsTile")
        self.number = QLabel("–", objectName=f"stat_{key}")
        self.caption = QLabel(caption, objectName="tileCaption")
        for label in (self.number, self.caption):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)  # a narrow page wraps it rather than scrolling sideways
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)


class StatsView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.colors = LIGHT
        self.stats: Stats | None = None  # what the page shows
        self.heading = QLabel("Statistics", objectName="statsHeading")
        self.heading.setWordWrap(True)  # a long topic title
        self.tiles = {key: Tile(key, caption) for key, caption in COUNT_TILES}
        for days in (7, 30, 365):
            self.tiles[f"retention_{days}"] = Tile(f"retention_{days}", f"last {days} days")
        self.forecast = BarChartView()
        self.daily = BarChartView()
        self.calendar = CalendarView()
        self.intervals = BarChartView()
        self.kind_bars = KindBars()
        self.panels = [Panel("Due per day, next 30 days", self.forecast),
                       Panel("Reviews per day, last 30 days", self.daily),
                       Panel("Reviews in the last year", self.calendar),
                       Panel("Intervals of prompts in spaced review", self.intervals),
                       Panel("Progress by kind (known · learning · new)", self.kind_bars)]
        self._columns = 0

        content = QWidget(objectName="statsContent")
        self.content_layout = layout = QVBoxLayout(content)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addLayout(self._row([self.tiles[key] for key, _ in COUNT_TILES]))
        self.retention_title = QLabel("True retention: spaced reviews answered Hard, Good or "
                                      "Easy rather than Again", objectName="retentionTitle")
        self.retention_title.setWordWrap(True)
        layout.addWidget(self.retention_title)
        layout.addLayout(self._row([self.tiles[f"retention_{d}"] for d in (7, 30, 365)]))
        self.grid = QGridLayout()
        self.grid.setSpacing(12)
        layout.addLayout(self.grid)
        self.note = QLabel(objectName="statsNote")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.scroll = QScrollArea(objectName="statsScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)
        self._arrange(2)

    @staticmethod
    def _row(widgets) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(12)
        for widget in widgets:
            row.addWidget(widget, 1)
        return row

    def _arrange(self, columns: int) -> None:
        """Charts in pairs on a wide page, one under another on a narrow one; the
        calendar always spans the page."""
        if columns == self._columns:
            return
        self._columns = columns
        side = 36 if columns > 1 else 14
        self.content_layout.setContentsMargins(side, 20, side, 20)
        for panel in self.panels:
            self.grid.removeWidget(panel)
        row = column = 0
        for panel in self.panels:
            span = columns if panel.chart is self.calendar else 1
            if column + span > columns:
                row, column = row + 1, 0
            self.grid.addWidget(panel, row, column, 1, span)
            column += span
            if column >= columns:
                row, column = row + 1, 0
        for index in range(2):
            self.grid.setColumnStretch(index, 1 if index < columns else 0)

    def resizeEvent(self, event) -> None:
        self._arrange(2 if event.size().width() >= TWO_COLUMNS_FROM else 1)
        super().resizeEvent(event)

    def apply_colors(self, colors: Colors) -> None:
        self.colors = colors
        for panel in self.panels:
            panel.chart.set_colors(colors)
        self.setStyleSheet(
            f"#statsContent {{ background: {colors.window}; }}"
            f"#statsHeading {{ font-size: 18pt; font-weight: 600; color: {colors.text}; }}"
            f"#statsPanel, #statsTile {{ background: {colors.base}; "
            f"border: 1px solid {colors.border}; border-radius: 8px; }}"
            f"#panelTitle {{ font-weight: 600; color: {colors.text}; }}"
            f"#panelNote, #tileCaption, #statsNote, #retentionTitle {{ color: {colors.muted}; }}"
            f"#statsTile QLabel {{ font-size: 22pt; font-weight: 700; color: {colors.accent}; }}"
            f"#statsTile QLabel#tileCaption {{ font-size: 10pt; font-weight: 400; "
            f"color: {colors.muted}; }}")

    def show_stats(self, stats: Stats, scope: str) -> None:
        self.stats = stats
        self.heading.setText(f"Statistics · {scope}")
        counts = {"due": stats.due, "new": stats.new, "studied": stats.studied_today,
                  "reviews": stats.reviews_today}
        for key, value in counts.items():
            self.tiles[key].number.setText(f"{value:,}")
        for retention in stats.retentions:
            tile = self.tiles[f"retention_{retention.days}"]
            tile.number.setText(retention.text)
            tile.caption.setText(f"last {retention.days} days · "
                                 f"{plural(retention.reviews, 'review')}")
        self.forecast.show_chart(forecast_chart(stats.forecast, stats.today))
        self.daily.show_chart(daily_chart(stats.daily))
        year = calendar(stats.by_day, stats.today)
        self.calendar.show_calendar(year)
        self.panels[2].say(year.summary)
        self.intervals.show_chart(interval_chart(stats.intervals))
        self.kind_bars.show_kinds(stats.per_kind)
        self.panels[0].say(f"{stats.due_now:,} due now; the bar for today holds every "
                           "overdue prompt." if stats.due_now else "")
        self.note.setText(
            f"{plural(stats.total, 'prompt')}: {stats.new:,} new, {stats.learning:,} learning, "
            f"{stats.known:,} in spaced review. Intervals run from a prompt's last review to "
            "when it is due.")
