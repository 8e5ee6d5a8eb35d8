"""Browse in the app: the card table and the card pane always show the same card."""
from __future__ import annotations

from conftest import TOPIC_YAML
from PySide6.QtCore import QPoint, Qt
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


def click_heading(qtbot, table, column):
    header = table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(column) + 5, 5))


def cells(table, column):
    model = table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_the_table_names_kinds_and_sorts_by_a_column_the_card_following(qtbot, workspace,
                                                                        open_window):
    window = open_window(workspace.topic())
    table = browse(qtbot, window)
    header = [table.model().headerData(c, Qt.Orientation.Horizontal)
              for c in range(table.model().columnCount())]
    assert header == ["Kind", "Title", "Topic", "Due", "Interval", "Reviews", "Lapses"]
    assert table.isColumnHidden(2)  # one topic: no topic column
    assert cells(table, 0) == ["Actor", "Objective", "Key figure", "Key figure"]
    press(qtbot, window, Qt.Key.Key_Right)  # on patience
    click_heading(qtbot, table, 1)  # Title
    assert cells(table, 1) == ["Patient talks", "The Premier", "Trade in 2004", "Trade in 2005"]
    assert table.currentIndex().row() == 0 and "card 1 of 4" in window.study.card_view.progress.text()
    assert "What keys to progress did the Premier name?" in card_text(window)
    press(qtbot, window, Qt.Key.Key_Right)  # stepping follows the rows
    assert table.currentIndex().row() == 1 and "Who called for patience?" in card_text(window)


def test_a_tag_chip_on_the_card_filters_by_its_tag(qtbot, workspace, open_window):
    from PySide6.QtCore import QUrl
    window = open_window(workspace.topic())
    table = browse(qtbot, window)
    press(qtbot, window, Qt.Key.Key_Right)
    press(qtbot, window, Qt.Key.Key_Right)  # trade-2004, tagged trade
    press(qtbot, window, Qt.Key.Key_Space)
    assert "#trade" in card_text(window)
    assert 'href="tag:trade"' in window.study.card_view.browser.toHtml()
    window.study.card_view.browser.anchorClicked.emit(QUrl("tag:trade"))
    assert cells(table, 1) == ["Trade in 2004", "Trade in 2005"]
    assert window.sidebar.tags.currentText() == "#trade"
    assert "2 of 4 cards shown" in window.status.text()


def test_search_words_are_marked_in_the_title_cell_and_on_the_card(qtbot, workspace, open_window):
    window = open_window(workspace.topic())
    table = browse(qtbot, window)
    qtbot.keyClicks(window.search, "premier")
    qtbot.waitUntil(lambda: table.model().rowCount() == 2)
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    press(qtbot, window, Qt.Key.Key_Space)  # the title is on the answer side
    highlight = window.look.colors.highlight
    cursor = window.study.card_view.browser.document().find("Premier")
    assert not cursor.isNull()
    assert cursor.charFormat().background().color().name() == highlight
    image = table.viewport().grab().toImage()
    title = table.visualRect(table.model().index(0, 1))  # "The Premier": marked
    other = table.visualRect(table.model().index(1, 1))  # "Patient talks": matched in its back
    ratio = image.devicePixelRatio()

    def marked(rect):
        return any(image.pixelColor(int(x * ratio), int(y * ratio)).name() == highlight
                   for x in range(rect.left(), rect.right()) for y in range(rect.top(), rect.bottom()))
    assert marked(title) and not marked(other)


def test_alt_left_goes_back_to_the_card_a_link_was_followed_from(qtbot, workspace, open_window):
    from PySide6.QtCore import QUrl
    window = open_window(workspace.topic())
    table = browse(qtbot, window)
    window.study.card_view.browser.anchorClicked.emit(QUrl("card:trade-2004"))
    assert table.currentIndex().row() == 2 and "bilateral trade in 2004" in card_text(window)
    press(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert table.currentIndex().row() == 0 and "Who called for patience?" in card_text(window)
    assert "card 1 of 4" in window.study.card_view.progress.text()


def test_card_info_shows_each_review_and_follows_the_card(qtbot, workspace, open_window):
    window = open_window(workspace.topic())
    press(qtbot, window, Qt.Key.Key_Space)
    press(qtbot, window, Qt.Key.Key_3)  # premier: Good, 10 minutes
    press(qtbot, window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, window, Qt.Key.Key_I)
    dialog = window.study.card_info.dialog
    assert dialog.isVisible() and dialog.windowTitle() == "Card Info"
    text = dialog.text.toPlainText()
    assert text.startswith("The Premier\nActor · Example topic · id premier\n")
    assert "State\nLearning\n" in text and "Reviews\n1\nLapses\n0\n" in text
    review = text.splitlines()[-4:]  # the one review: date, rating, time taken, interval
    assert review[1] == "Good" and review[3] == "10m"
    press(qtbot, window, Qt.Key.Key_Right)  # the window follows the card on screen
    text = dialog.text.toPlainText()
    assert "Patient talks" in text and "New: not studied yet" in text


def test_home_and_end_go_to_the_first_and_last_card(qtbot, workspace, open_window):
    window = open_window(workspace.topic())
    table = browse(qtbot, window)
    qtbot.keyClick(table, Qt.Key.Key_End)
    assert table.currentIndex().row() == 3 and "card 4 of 4" in window.study.card_view.progress.text()
    qtbot.keyClick(table, Qt.Key.Key_Home)
    assert table.currentIndex().row() == 0 and "Who called for patience?" in card_text(window)


def test_with_two_topics_the_table_names_each_cards_topic_in_full(qtbot, workspace, open_window):
    workspace.topic("one")
    workspace.topic("two", topic_yaml=TOPIC_YAML.replace(
        "title: Example topic", "title: A second topic, longer"))
    window = open_window(workspace.cards)
    table = browse(qtbot, window)
    assert not table.isColumnHidden(2)
    topics = cells(table, 2)
    assert set(topics) == {"Example topic", "A second topic, longer"}
    longest = table.fontMetrics().horizontalAdvance("A second topic, longer")
    assert table.columnWidth(2) > longest  # not cut
    assert table.model().index(0, 2).data(Qt.ItemDataRole.ToolTipRole) == topics[0]


def test_zooming_in_makes_the_rows_taller_so_no_text_is_clipped(qtbot, workspace, open_window):
    window = open_window(workspace.topic())
    table = browse(qtbot, window)
    before = table.rowHeight(0)
    for _ in range(4):
        press(qtbot, window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: table.rowHeight(0) > before)  # the font changes on the next loop
    assert table.rowHeight(0) >= table.fontMetrics().height() + 8
    window.look.reset_zoom()
