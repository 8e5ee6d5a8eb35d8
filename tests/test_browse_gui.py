"""Browse in the app: the card table and the card pane always show the same card."""
from __future__ import annotations

from PySide6.QtCore import Qt

from test_app import card_text, open_window, press  # noqa: F401 (open_window is a fixture)


def browse(qtbot, window):
    press(qtbot, window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    return window.study.card_list


def test_up_and_down_in_the_card_list_show_the_card_they_highlight(qtbot, workspace, open_window):
    window = open_window(workspace.topic())
    table = browse(qtbot, window)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().row() == 2
    assert "card 3 of 4" in window.study.card_view.progress.text()
    assert "How large was bilateral trade in 2004?" in card_text(window)
    qtbot.keyClick(table, Qt.Key.Key_Return)  # flips the card highlighted, not another
    assert "About 1.4 billion US dollars." in card_text(window)
    qtbot.keyClick(table, Qt.Key.Key_Up)
    assert "card 2 of 4" in window.study.card_view.progress.text()
    assert "What keys to progress did the Premier name?" in card_text(window)


def test_a_click_and_a_search_keep_the_list_and_the_card_in_step(qtbot, workspace, open_window):
    window = open_window(workspace.topic())
    table = browse(qtbot, window)
    rect = table.visualRect(table.model().index(3, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert "How large was bilateral trade in 2005?" in card_text(window)
    qtbot.keyClicks(window.search, "premier")
    qtbot.waitUntil(lambda: table.model().rowCount() == 2)
    assert table.currentIndex().row() == 0
    assert "Who called for patience?" in card_text(window)
