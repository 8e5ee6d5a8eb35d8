"""The Statistics page as a user sees it: the numbers `briefing stats` prints, bars and
days drawn where the values are, hover texts, both themes, and a layout that scrolls."""
from __future__ import annotations

import json
from datetime import timedelta

import pytest
import test_app
from conftest import NOW, PROMPTED
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from review_history import LEARNING, REVIEW, grade
from test_app import press

from briefing.cli import main
from briefing.datafolder import DataFolder
from briefing.gui.stats_view import StatsView
from briefing.gui.theme import DARK, LIGHT
from briefing.library import CardFilter
from briefing.loader import load_topic
from briefing.progress import ProgressStore
from briefing.stats import compute

open_window = test_app.open_window  # the fixture that opens the app, for these tests too


def history(store) -> None:
    """A little of everything: overdue, due later, learning, reviews on several days."""
    grade(store, "premier", NOW - timedelta(days=12), due=NOW - timedelta(days=2))
    grade(store, "trade-2004", NOW - timedelta(days=12), due=NOW - timedelta(days=2),
          prompt="growth")  # overdue
    grade(store, "premier", NOW - timedelta(days=2), rating=1, before=REVIEW,
          due=NOW + timedelta(days=3))
    grade(store, "patience", NOW - timedelta(days=1), before=REVIEW, due=NOW + timedelta(days=9))
    grade(store, "trade-2004", NOW, rating=1, state=LEARNING, due=NOW + timedelta(minutes=10),
          prompt="p1")
    grade(store, "trade-2005", NOW - timedelta(days=40), due=NOW + timedelta(days=50))


@pytest.fixture
def studied(workspace, data_dir):
    folder = workspace.topic(files={"cards.yaml": PROMPTED})
    store = ProgressStore(data_dir / "progress.sqlite3")
    history(store)
    store.close()
    return folder


def page_of(qtbot, window):
    press(qtbot, window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.showing("stats")
    return window.pages.page("stats")


def test_the_page_shows_what_briefing_stats_prints(qtbot, studied, open_window, capsys):
    assert main(["stats", "--json", str(studied)]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    page = page_of(qtbot, open_window(studied))
    shown = {key: tile.number.text() for key, tile in page.tiles.items()}
    assert shown == {"due": str(row["due_today"]), "new": str(row["new"]), "studied": "1",
                     "reviews": str(row["reviews_today"]), "retention_7": "50%",
                     "retention_30": "50%", "retention_365": "50%"}
    assert [row[f"retention_{d}"] for d in (7, 30, 365)] == [0.5] * 3
    assert page.tiles["retention_7"].caption.text() == "last 7 days · 2 reviews"
    assert row["retention_7_reviews"] == 2
    assert list(page.forecast.chart.values) == row["forecast_30"]
    assert row["forecast_30"][:4] == [2, 0, 0, 1] and row["forecast_30"][9] == 1
    assert list(page.intervals.chart.values) == list(row["intervals"].values())
    days = {cell.day.isoformat(): cell.reviews for week in page.calendar.calendar.weeks
            for cell in week if cell is not None and cell.reviews}
    assert days == row["reviews_by_day"] == {"2026-10-16": 1, "2026-11-13": 2,
                                             "2026-11-23": 1, "2026-11-24": 1, "2026-11-25": 1}


def accent_columns(view, colors) -> set[int]:
    """The x of every pixel column the chart painted in the accent colour."""
    image = view.grab().toImage()
    accent = QColor(colors.accent).name()
    return {x for x in range(image.width()) for y in range(image.height())
            if image.pixelColor(x, y).name() == accent}


@pytest.mark.parametrize("colors", [LIGHT, DARK], ids=["light", "dark"])
def test_bars_are_drawn_where_prompts_are_due_and_nowhere_else(qtbot, studied, colors):
    view = shown_page(qtbot, studied, colors)
    chart = view.forecast
    painted = accent_columns(chart, colors)
    plot = chart.plot_rect()
    for index, bar in enumerate(chart.chart.bars):
        rect = chart.bar_rect(plot, index)
        middle = int(plot.left() + plot.width() / len(chart.chart.bars) * (index + 0.5))
        assert (middle in painted) == (bar.value > 0), (index, bar)
        if bar.value:
            assert rect.height() == pytest.approx(plot.height() * bar.value / chart.chart.top)


def test_the_calendar_shades_days_with_reviews_and_leaves_the_rest_plain(qtbot, studied):
    view = shown_page(qtbot, studied, LIGHT)
    image = view.calendar.grab().toImage()
    cells = view.calendar._cells
    today = next(i for i, cell in enumerate(cells) if cell and cell.day == NOW.date())
    busiest = next(i for i, cell in enumerate(cells) if cell and cell.reviews == 2)
    quiet = next(i for i, cell in enumerate(cells) if cell and not cell.reviews)
    for index, level in ((today, 2), (busiest, 4), (quiet, 0)):
        assert cells[index].level == level
        center = view.calendar.cell_rect(index // 7, index % 7).center().toPoint()
        assert image.pixelColor(center).name() == view.calendar.shade(level).name()
    assert view.calendar.shade(0).name() == LIGHT.border


def test_hovering_a_bar_or_a_day_tells_its_value(qtbot, studied):
    view = shown_page(qtbot, studied, LIGHT)
    plot = view.forecast.plot_rect()
    over_today = view.forecast.bar_rect(plot, 0).center()
    assert tip_at(view.forecast, over_today) == "Today (with overdue): 2 prompts due"
    cells = view.calendar._cells
    index = next(i for i, cell in enumerate(cells) if cell and cell.day == NOW.date())
    assert tip_at(view.calendar, view.calendar.cell_rect(index // 7, index % 7).center()) == (
        "Wed 25 Nov 2026: 1 review")


def tip_at(chart, point: QPointF) -> str:
    where = point.toPoint()
    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, where, chart.mapToGlobal(where)))
    return QToolTip.text()


def contrast(a: QColor, b: QColor) -> float:
    """WCAG's contrast ratio of two colours."""
    def luminance(color: QColor) -> float:
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
                  for c in (color.redF(), color.greenF(), color.blueF())]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("colors", [LIGHT, DARK], ids=["light", "dark"])
def test_axis_text_reads_at_4_5_to_1_in_both_themes(qtbot, studied, colors):
    view = shown_page(qtbot, studied, colors)
    panel = view.panels[0]
    image = panel.grab().toImage()
    background = QColor(colors.base)
    scale = view.forecast.plot_rect()  # the tick labels stand left of it
    origin = view.forecast.mapTo(panel, QPoint(0, 0))
    best = max(contrast(image.pixelColor(origin.x() + x, origin.y() + y), background)
               for x in range(int(scale.left())) for y in range(int(scale.bottom())))
    assert best >= 4.5
    for ink in (colors.text, colors.muted, colors.accent):  # the tiles, notes and charts
        assert contrast(QColor(ink), background) >= 4.5
        assert contrast(QColor(ink), QColor(colors.window)) >= 4.5


def test_a_small_window_scrolls_and_a_narrow_one_stacks_the_charts(qtbot, studied):
    view = shown_page(qtbot, studied, LIGHT, size=(1000, 500))
    forecast, daily = view.panels[0], view.panels[1]
    assert view.scroll.verticalScrollBar().maximum() > 0
    assert forecast.y() == daily.y() and forecast.x() < daily.x()
    view.resize(480, 500)
    qtbot.waitUntil(lambda: daily.y() > forecast.y())
    assert daily.x() == forecast.x()
    view.show_stats(view.stats, "A topic with a title long enough to need two lines here")
    qtbot.wait(10)
    assert view.scroll.horizontalScrollBar().maximum() == 0  # it wraps, not scrolls sideways


def test_statistics_follow_the_topic_chosen_in_the_sidebar(qtbot, workspace, data_dir,
                                                           open_window):
    store = ProgressStore(data_dir / "progress.sqlite3")
    grade(store, "premier", NOW, topic="example")
    grade(store, "premier", NOW, topic="other")
    grade(store, "patience", NOW, topic="other")
    store.close()
    window = open_window(workspace.topic(), workspace.topic("other"))
    page = page_of(qtbot, window)
    assert page.tiles["reviews"].number.text() == "3" and "all topics" in page.heading.text()
    assert page.forecast.chart.values[:2] == (0, 3)  # each due a day after its review
    window.set_filter(CardFilter("other"))
    assert page.tiles["reviews"].number.text() == "2" and page.daily.chart.values[-1] == 2
    assert page.forecast.chart.values[:2] == (0, 2) and "Example topic" in page.heading.text()


def shown_page(qtbot, folder, colors, size=(1000, 1400)) -> StatsView:
    """The page alone, filled as the window fills it, in these colours."""
    view = StatsView()
    qtbot.addWidget(view)
    view.apply_colors(colors)
    view.resize(*size)
    store = ProgressStore(DataFolder.default().progress)
    view.show_stats(compute(store, [load_topic(folder)], NOW), "Example topic")
    store.close()
    view.show()
    qtbot.waitExposed(view)
    return view
