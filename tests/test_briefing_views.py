"""The Timeline, Actor map and Compare pages, driven as a user would: each opens from its
action and draws the sidebar's topic; a click opens the card it names; the pointer on an
actor lights its relations; every text reads at 4.5:1 in both themes."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QGraphicsSimpleTextItem
from test_app import card_text, open_window, press  # noqa: F401  (open_window: a fixture)
from test_app_anki import _luminance, rendered_contrast
from test_pdf_support import card, valid_topic, write_topic

from briefing import actor_map, chronology
from briefing.paths import bundled_cards

BUNDLED = bundled_cards() / "china-north-korea"


def go(qtbot, window, key):
    press(qtbot, window, key, Qt.KeyboardModifier.ControlModifier)


def click(qtbot, view, item):
    """A click on a drawn item, where it is on screen."""
    at = view.mapFromScene(item.sceneBoundingRect().center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)


def texts_of(item) -> list[str]:
    return [c.text() for c in item.childItems() if isinstance(c, QGraphicsSimpleTextItem)]


def joined(lines) -> str:
    """Wrapped lines as one text again: the layout breaks a compound after its dash."""
    text = ""
    for line in lines:
        text += ("" if not text or text.endswith(("-", "–", "—")) else " ") + line
    return text


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def shown_card(window):
    assert window.pages.showing("study")
    return window.controller.session.current_card.id


# -- Timeline -------------------------------------------------------------------------

def test_the_timeline_draws_every_dated_entry_in_time_order_beside_its_table(qtbot,
                                                                              open_window):
    window = open_window(BUNDLED)
    go(qtbot, window, Qt.Key.Key_5)
    page = window.pages.page("timeline")
    assert window.pages.showing("timeline") and window.actions_by_name["timeline"].isChecked()
    assert page.heading.text() == "Timeline · China's policy toward North Korea"
    rows = chronology.entries(window.library.topics[0])
    table = page.table
    assert table.rowCount() == len(rows) == 18
    dates = [table.item(r, 1).text() for r in range(table.rowCount())]
    assert dates[:3] == ["1950–53", "1953", "1990s"] and dates[-1] == "December 2007"
    assert [r.when.sort_key for r in rows] == sorted(r.when.sort_key for r in rows)
    # Drawn in the same order, top to bottom, each label naming its card.
    labels = [(item.sceneBoundingRect().top(), number) for number, items in
              page.canvas.hits.items() for item in items if texts_of(item)]
    assert [n for _y, n in sorted(labels)] == list(range(1, 19))
    wu = next(items[-1] for n, items in page.canvas.hits.items() if rows[n - 1].card_id
              == "wu-bangguo")
    assert texts_of(wu) == ["9  25 Sep 2003", "Wu Bangguo"]
    assert "China Brief 4:5, 2004" in table.item(8, 3).text()


def test_a_click_on_a_timeline_label_or_row_opens_its_card(qtbot, open_window):
    window = open_window(BUNDLED)
    go(qtbot, window, Qt.Key.Key_5)
    page = window.pages.page("timeline")
    label = page.canvas.hits[9][-1]  # 25 September 2003, Wu Bangguo
    click(qtbot, page.canvas, label)
    assert shown_card(window) == "wu-bangguo"
    assert window.actions_by_name["study"].isChecked()
    go(qtbot, window, Qt.Key.Key_5)
    row = page.rows.index(next(r for r in page.rows if r.card_id == "talks-established-2003"))
    cell = page.table.visualItemRect(page.table.item(row, 2)).center()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert shown_card(window) == "talks-established-2003"
    assert "Six-Party Talks" in card_text(window)


def test_a_card_the_filter_hides_opens_in_browse_of_its_topic(qtbot, open_window):
    window = open_window(BUNDLED)
    press(qtbot, window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # only key figures
    go(qtbot, window, Qt.Key.Key_5)
    page = window.pages.page("timeline")
    marker = page.canvas.hits[9][0]  # Wu Bangguo is an actor
    click(qtbot, page.canvas, marker)
    assert shown_card(window) == "wu-bangguo"
    assert window.controller.mode.value == "browse" and not window.controller.filter.kinds
    assert window.actions_by_name["browse"].isChecked()


JUDGED = """\
key_judgments:
  - text: Trade kept growing while the talks went on.
    date: "2005"
    sources:
      - seed: art
        quote: to U.S. $1.5 billion in 2005
"""


def test_a_key_judgment_shows_its_text_and_a_click_on_it_stays_on_the_timeline(
        qtbot, open_window, workspace):
    from conftest import TOPIC_YAML
    window = open_window(workspace.topic(topic_yaml=TOPIC_YAML + JUDGED))
    go(qtbot, window, Qt.Key.Key_5)
    page = window.pages.page("timeline")
    judgment = next(r for r in page.rows if r.kind == "judgment")
    label = page.canvas.hits[judgment.number][-1]
    assert label.toolTip() == "Key judgment 1 (2005): Trade kept growing while the talks went on."
    assert label.cursor().shape() != Qt.CursorShape.PointingHandCursor
    click(qtbot, page.canvas, label)
    assert window.pages.showing("timeline")


def test_with_all_topics_selected_a_view_asks_for_one(qtbot, open_window, workspace):
    workspace.topic("one")
    workspace.topic("two")
    window = open_window(workspace.cards)
    go(qtbot, window, Qt.Key.Key_6)
    page = window.pages.page("actor_map")
    assert page.stack.currentWidget() is page.message
    assert page.message.text().startswith("Choose a topic in the sidebar to see its actor map")
    window.sidebar.topics.setCurrentRow(1)  # a topic: the page stays and draws it
    assert window.pages.showing("actor_map")
    assert page.heading.text() == "Actor map · Example topic"
    assert page.message.text().startswith("This topic has 1 actor card: the map needs two")
    press(qtbot, window, Qt.Key.Key_Escape)
    assert window.pages.showing("study")


# -- Actor map ------------------------------------------------------------------------

def test_the_actor_map_names_every_actor_and_a_click_opens_its_card(qtbot, open_window):
    window = open_window(BUNDLED)
    go(qtbot, window, Qt.Key.Key_6)
    page = window.pages.page("actor_map")
    canvas = page.canvas
    topic = window.library.topics[0]
    actors = [c for c in topic.cards if c.kind == "actor"]
    assert set(canvas.nodes) == {c.id for c in actors}
    for actor in actors:
        assert joined(texts_of(canvas.nodes[actor.id])) == actor.title
    bands = {c.text() for c in canvas.scene().items() if isinstance(c, QGraphicsSimpleTextItem)
             and c.parentItem() is None}
    assert {"STATES", "LEADERS AND OFFICIALS", "SCHOOLS OF THOUGHT"} <= bands
    labels = [e.label_box for e in canvas.map.edges if e.label_box is not None]
    assert all(not a.overlaps(b) for i, a in enumerate(labels) for b in labels[i + 1:])
    assert "provides 70–90% of its energy supplies (2007)" in joined(
        texts_of(next(items[-1] for items, e in zip(canvas.edges, canvas.map.edges,
                                                    strict=True)
                      if e.edge.label.startswith("provides 70"))))
    click(qtbot, canvas, canvas.nodes["kim-jong-il"])
    assert shown_card(window) == "kim-jong-il"


def test_the_pointer_on_an_actor_lights_its_relations_and_dims_the_rest(qtbot, open_window):
    window = open_window(BUNDLED)
    go(qtbot, window, Qt.Key.Key_6)
    canvas = window.pages.page("actor_map").canvas
    assert all(item.opacity() == 1.0 for item in canvas.nodes.values())
    at = canvas.mapFromScene(canvas.nodes["wu-bangguo"].sceneBoundingRect().center())
    qtbot.mouseMove(canvas.viewport(), at)
    qtbot.waitUntil(lambda: canvas.hovered == "wu-bangguo")
    assert canvas.nodes["wu-bangguo"].opacity() == 1.0
    assert canvas.nodes["wu-bangguo"].pen().widthF() == 2.0
    assert canvas.nodes["north-korea"].opacity() == 1.0   # at the other end of a relation
    assert canvas.nodes["chen-shui-bian"].opacity() < 0.5
    lit = [i for i, e in enumerate(canvas.map.edges) if "wu-bangguo" in (e.edge.source,
                                                                          e.edge.target)]
    assert lit and all(canvas.edges[i][0].opacity() == 1.0 for i in lit)
    others = [items for i, items in enumerate(canvas.edges) if i not in lit]
    assert all(items[0].opacity() < 0.5 for items in others)
    assert canvas.edges[lit[0]][0].pen().widthF() > others[0][0].pen().widthF()
    qtbot.mouseMove(canvas.viewport(), QPoint(2, 2))  # off every actor: all lit again
    qtbot.waitUntil(lambda: canvas.hovered is None)
    assert all(item.opacity() == 1.0 for item in canvas.nodes.values())


def test_ctrl_wheel_zooms_the_map_and_a_resize_fits_it_again(qtbot, open_window):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    window = open_window(BUNDLED)
    go(qtbot, window, Qt.Key.Key_6)
    canvas = window.pages.page("actor_map").canvas
    fitted = canvas.transform().m11()
    visible = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    assert visible.contains(canvas.sceneRect().adjusted(1, 1, -1, -1))  # all of it in view
    middle = QPointF(canvas.viewport().rect().center())
    wheel = QWheelEvent(middle, canvas.mapToGlobal(middle.toPoint()).toPointF(), QPoint(),
                        QPoint(0, 240), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(canvas.viewport(), wheel)
    assert canvas.transform().m11() == pytest.approx(fitted * 1.15 ** 2)
    window.resize(window.width() - 200, window.height() - 100)
    qtbot.waitUntil(lambda: canvas.transform().m11() < fitted and not canvas._refit.isActive())
    visible = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    assert visible.contains(canvas.sceneRect().adjusted(1, 1, -1, -1))


def test_a_150_actor_topic_opens_its_map_in_under_a_second(qtbot, open_window, tmp_path):
    # Three relations each, all to the 40 actors the map keeps: 120 labelled arrows.
    cards = [card(i, "actor", title=f"Actor number {i}", relations=[
        {"to": f"card-{(i * k + 3) % 40}", "label": f"presses actor {(i * k + 3) % 40} on trade",
         "type": "presses", "sources": [{"seed": "art", "quote": f"Fact number {i}:"}]}
        for k in (7, 11, 13) if (i * k + 3) % 40 != i]) for i in range(150)]
    folder = write_topic(tmp_path, "stress", cards, facts=150)
    valid_topic(folder)
    window = open_window(folder)
    started, cpu = time.perf_counter(), time.thread_time()
    go(qtbot, window, Qt.Key.Key_6)
    QApplication.processEvents()
    wall, used = time.perf_counter() - started, time.thread_time() - cpu
    print(f"150-actor map: {wall:.3f} s on the clock, {used:.3f} s of the GUI thread")
    page = window.pages.page("actor_map")
    assert len(page.canvas.nodes) == actor_map.MAX_NODES
    assert len(page.canvas.edges) == 120
    assert "110 more are among the cards" in page.key.toPlainText()
    assert used < 1.0


# -- Compare --------------------------------------------------------------------------

def test_compare_sets_the_earlier_article_beside_the_later_and_a_card_name_opens_it(
        qtbot, open_window):
    window = open_window(BUNDLED)
    go(qtbot, window, Qt.Key.Key_7)
    page = window.pages.page("compare")
    document = page.browser.document()
    early = document.find("most important power")
    late = document.find("largely procedural")
    assert not early.isNull() and not late.isNull()
    table = early.currentTable()
    assert table is not None and table is late.currentTable()
    here, there = table.cellAt(early), table.cellAt(late)
    assert here.row() == there.row() and (here.column(), there.column()) == (0, 1)
    header = page.browser.toPlainText()
    assert "Earlier: Understanding China’s North Korea Policy" in header
    assert "Later: Beijing Keeps a Wary Eye on the Korean Peace Process" in header
    assert "China Brief 4:5, 2004" in table.cellAt(here.row(), 0).firstCursorPosition().block(
        ).text()
    link = document.find("The limits of China's influence")
    rect = page.browser.cursorRect(link)
    qtbot.mouseClick(page.browser.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center() - QPoint(rect.width() // 2 + 8, 0))
    assert shown_card(window) == "procedural-role"


def test_compare_says_so_when_a_topic_has_one_article(qtbot, open_window, workspace):
    window = open_window(workspace.topic())
    go(qtbot, window, Qt.Key.Key_7)
    page = window.pages.page("compare")
    assert page.stack.currentWidget() is page.message
    assert page.message.text().startswith("This topic draws on one article")


# -- both themes ------------------------------------------------------------------------

@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_text_of_the_views_reads_at_aa_contrast(qtbot, open_window, theme):
    window = open_window(BUNDLED)
    window.actions_by_name[f"theme_{theme}"].trigger()
    for key, name in ((Qt.Key.Key_5, "timeline"), (Qt.Key.Key_6, "actor_map")):
        go(qtbot, window, key)
        qtbot.wait(50)  # laid out and painted
        page = window.pages.page(name)
        canvas = page.canvas
        sheet = canvas.backgroundBrush().color()
        texts = [i for i in canvas.scene().items() if isinstance(i, QGraphicsSimpleTextItem)]
        assert texts
        for text in texts:
            under = text.parentItem()
            ground = under.brush().color() if under is not None and \
                under.brush().style() != Qt.BrushStyle.NoBrush else sheet
            ratio = contrast(text.brush().color(), ground)
            assert ratio >= 4.5, f"{theme} {name}: {text.text()!r} at {ratio:.2f}"
        for widget in (page.heading, page.note):
            assert rendered_contrast(widget) >= 4.5, f"{theme} {name}: {widget.objectName()}"
    assert rendered_contrast(window.pages.page("timeline").table.viewport()) >= 4.5
    go(qtbot, window, Qt.Key.Key_7)
    qtbot.wait(50)
    assert rendered_contrast(window.pages.page("compare").browser.viewport()) >= 4.5


CLOSED_AFTER_A_CLICK = """
import gc, sys, tempfile
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from conftest import TOPIC_YAML, Workspace
from test_briefing_views import JUDGED
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from briefing.gui.app import create_app, create_window

app = create_app([])
folder = Workspace(Path(tempfile.mkdtemp())).topic(topic_yaml=TOPIC_YAML + JUDGED)
window = create_window([folder])
window.show()
for view in ("actor_map", "timeline"):
    window.actions_by_name[view].trigger()
    QApplication.processEvents()
page = window.pages.page("timeline")
judgment = next(r for r in page.rows if r.kind == "judgment")
label = page.canvas.hits[judgment.number][-1]
at = page.canvas.mapFromScene(label.sceneBoundingRect().center())
QTest.mouseClick(page.canvas.viewport(), Qt.MouseButton.LeftButton, pos=at)
del label, page
window.store.close()
window.close()
window.deleteLater()  # as a test's teardown does: Qt deletes it, the wrapper lives on
QTest.qWait(50)
gc.collect()
print("collected")
"""


def test_a_window_deleted_by_qt_after_a_click_on_the_timeline_leaves_nothing_to_crash_on(
        tmp_path):
    """The views kept Python wrappers of their scene's items; once Qt deleted the window,
    the collector met them and the process died (a segfault, in the test run)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BRIEFING_DATA_DIR=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", CLOSED_AFTER_A_CLICK,
                           str(Path(__file__).parent)], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0 and "collected" in done.stdout, done.stderr[-2000:]
