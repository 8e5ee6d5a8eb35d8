"""The desktop app, driven as a user would: keys, clicks, and what the window then shows."""
from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest
from conftest import CARDS_YAML, NOW
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from briefing.gui.actions import ACTIONS
from briefing.gui.app import PROGRESS_FILE, create_window


@pytest.fixture
def open_window(qtbot):
    """Open the app on a folder, as `briefing PATH` does; windows close after the test."""
    opened = []

    def opener(*paths):
        window = create_window(list(paths), clock=lambda: NOW)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # shortcuts need focus
        qtbot.waitUntil(lambda: window.started)  # the counts and sidebar follow the first card
        opened.append(window)
        return window
    yield opener
    for window in opened:
        window.store.close()


def card_text(window) -> str:
    return window.study.card_view.browser.toPlainText()


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(window, key, modifier)


def reviews(data_dir):
    with sqlite3.connect(data_dir / PROGRESS_FILE) as db:
        return db.execute("SELECT card, rating FROM review ORDER BY id").fetchall()


def test_space_flips_the_card_to_its_answer_and_source(qtbot, workspace, open_window):
    window = open_window(workspace.topic())
    assert "Who called for patience?" in card_text(window)
    assert "named three keys" not in card_text(window)
    press(qtbot, window, Qt.Key.Key_Space)
    text = card_text(window)
    assert "The Premier, who named three keys to progress." in text
    assert "“patience, sincerity, and pragmatism” are keys" in text
    assert "Example Article On Trade, Example Brief, Volume 1, 2006" in text
    assert window.study.card_view.grade_buttons[3].isVisible()


def test_grading_saves_at_once_and_ctrl_z_undoes(qtbot, workspace, open_window, data_dir):
    window = open_window(workspace.topic())
    press(qtbot, window, Qt.Key.Key_Space)
    assert window.study.card_view.grade_buttons[3].text() == "Good · 10m"
    press(qtbot, window, Qt.Key.Key_3)
    assert reviews(data_dir) == [("premier", 3)]
    assert "What keys to progress did the Premier name?" in card_text(window)
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert reviews(data_dir) == []
    assert "Who called for patience?" in card_text(window)


def test_grade_buttons_work_by_click_too(qtbot, workspace, open_window, data_dir):
    window = open_window(workspace.topic())
    qtbot.mouseClick(window.study.card_view.reveal_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.study.card_view.grade_buttons[4], Qt.MouseButton.LeftButton)
    assert reviews(data_dir) == [("premier", 4)]


def test_kind_filter_tag_filter_and_search(qtbot, workspace, open_window):
    window = open_window(workspace.topic())
    qtbot.mouseClick(window.sidebar.kind_buttons["figure"], Qt.MouseButton.LeftButton)
    assert [c.id for c in window.controller.session.cards] == ["trade-2004", "trade-2005"]
    qtbot.mouseClick(window.sidebar.kind_buttons[""], Qt.MouseButton.LeftButton)
    window.sidebar.tags.setCurrentIndex(window.sidebar.tags.findData("leaders"))
    assert [c.id for c in window.controller.session.cards] == ["premier"]
    window.sidebar.tags.setCurrentIndex(0)
    qtbot.keyClicks(window.search, "sincerity")  # in quotes and backs
    qtbot.waitUntil(lambda: [c.id for c in window.controller.session.cards] == ["premier", "patience"])
    assert window.study.card_list.isVisible() and window.study.card_list.model().rowCount() == 2
    assert "2 of 4 cards shown" in window.status.text()
    window.search.clear()
    qtbot.keyClicks(window.search, "1.5 billion")
    qtbot.waitUntil(lambda: [c.id for c in window.controller.session.cards] == ["trade-2005"])


def test_typing_in_search_does_not_flip_or_grade(qtbot, workspace, open_window, data_dir):
    window = open_window(workspace.topic())
    window.search.setFocus()
    qtbot.keyClicks(window.search, "trade 3")
    assert window.search.text() == "trade 3"
    assert not window.controller.session.revealed and reviews(data_dir) == []


def test_quiz_is_shuffled_and_leaves_the_schedule_alone(qtbot, workspace, open_window, data_dir):
    window = open_window(workspace.topic())
    press(qtbot, window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.session.mode == "quiz"
    seen = set()
    for _ in range(4):
        seen.add(window.controller.session.current_card.id)
        press(qtbot, window, Qt.Key.Key_Space)
        press(qtbot, window, Qt.Key.Key_4)
    assert seen == {"premier", "patience", "trade-2004", "trade-2005"}
    assert reviews(data_dir) == []
    assert "you knew 4 of 4" in window.study.card_view.done.text()


def test_browse_goes_through_every_card_with_the_arrow_keys(qtbot, workspace, open_window):
    window = open_window(workspace.topic())
    press(qtbot, window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    titles = []
    for _ in range(5):
        titles.append(window.controller.session.current_card.id)
        press(qtbot, window, Qt.Key.Key_Right)
    assert titles == ["premier", "patience", "trade-2004", "trade-2005", "trade-2005"]
    press(qtbot, window, Qt.Key.Key_Left)
    assert window.controller.session.current_card.id == "trade-2004"
    assert "card 3 of 4" in window.study.card_view.progress.text()


def test_show_in_article_highlights_the_quote(qtbot, workspace, open_window):
    window = open_window(workspace.topic())
    press(qtbot, window, Qt.Key.Key_Space)
    press(qtbot, window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.showing("article")
    view = window.pages.page("article")
    start, end = view.span
    assert view.text.toPlainText()[start:end] == "“patience, sincerity, and pragmatism” are keys"
    highlight = view.text.extraSelections()[-1]  # the card's quote, over the others
    selection = highlight.cursor
    assert (selection.selectionStart(), selection.selectionEnd()) == (start, end)
    assert view.text.cursorRect(view.text.textCursor()).intersects(view.text.viewport().rect())
    press(qtbot, window, Qt.Key.Key_Escape)
    assert window.pages.showing("study")


def test_source_link_on_the_card_opens_the_article(qtbot, workspace, open_window):
    window = open_window(workspace.topic())
    press(qtbot, window, Qt.Key.Key_Space)
    window.study.card_view.browser.anchorClicked.emit(__import__("PySide6.QtCore").QtCore.QUrl("source:0"))
    assert window.pages.showing("article")


def test_related_link_opens_the_related_card(qtbot, workspace, open_window):
    window = open_window(workspace.topic())
    press(qtbot, window, Qt.Key.Key_Space)
    assert "Trade in 2004" in card_text(window)  # related cards are listed by title
    from PySide6.QtCore import QUrl
    window.study.card_view.browser.anchorClicked.emit(QUrl("card:trade-2004"))
    assert window.controller.session.current_card.id == "trade-2004"
    assert "How large was bilateral trade in 2004?" in card_text(window)


def test_broken_topic_is_marked_with_its_problems_and_the_others_work(qtbot, workspace, open_window):
    workspace.topic("good")
    workspace.topic("broken", files={"cards.yaml": "cards:\n  - id: x\n    kind: actr\n"})
    window = open_window(workspace.cards)
    items = [window.sidebar.topics.item(i).text() for i in range(window.sidebar.topics.count())]
    assert items[0].startswith("All topics")
    broken_row = next(i for i, text in enumerate(items) if "⚠ 1 problem" in text)
    window.sidebar.topics.setCurrentRow(broken_row)
    assert window.pages.showing("problems")
    message = window.pages.page("problems").list.item(0).text()
    assert message.endswith("broken/cards.yaml:3:11: unknown kind 'actr' (did you mean 'actor'?); "
                            "expected one of: actor, objective, figure")
    good_row = next(i for i, text in enumerate(items)
                    if text.startswith("Example topic") and "⚠" not in text)
    window.sidebar.topics.setCurrentRow(good_row)
    assert window.pages.showing("study")
    assert "Who called for patience?" in card_text(window)


def test_progress_survives_a_restart_of_the_app(qtbot, workspace, open_window):
    folder = workspace.topic()
    first = open_window(folder)
    press(qtbot, first, Qt.Key.Key_Space)
    press(qtbot, first, Qt.Key.Key_4)  # premier: Easy, due in days
    first.close()
    first.store.close()
    second = open_window(folder)
    assert second.controller.session.current_card.id == "patience"
    assert "3 new" in second.status.text()


def test_statistics_show_studied_today_and_a_chart(qtbot, workspace, open_window):
    window = open_window(workspace.topic())
    press(qtbot, window, Qt.Key.Key_Space)
    press(qtbot, window, Qt.Key.Key_4)
    press(qtbot, window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.showing("stats")
    assert window.pages.page("stats").tiles["studied"].number.text() == "1"
    assert window.pages.page("stats").tiles["new"].number.text() == "3"
    known = {k.kind: k.known for k in window.pages.page("stats").kind_bars.per_kind}
    assert known == {"actor": 1, "objective": 0, "figure": 0}
    image = window.pages.page("stats").daily.grab().toImage()
    accent = window.look.colors.accent.lower()
    assert any(image.pixelColor(x, y).name() == accent
               for x in range(image.width() - 40, image.width()) for y in range(image.height()))


def test_every_action_is_in_a_menu_and_the_shortcuts_sheet(qtbot, workspace, open_window):
    from briefing.gui.shortcuts_dialog import ShortcutsDialog
    window = open_window(workspace.topic())
    menu_actions = {a.objectName() for m in window.menuBar().actions() for a in m.menu().actions()}
    assert {spec.name for spec in ACTIONS} <= menu_actions
    sheet = ShortcutsDialog(window)
    qtbot.addWidget(sheet)
    rows = {sheet.table.item(r, 1).text(): sheet.table.item(r, 2).text()
            for r in range(sheet.table.rowCount())}
    assert rows["Undo Grade"] == "Ctrl+Z" and rows["Show Answer"] == "Space or Return"
    assert len(rows) == sum(1 for spec in ACTIONS if spec.shortcuts)


def test_zoom_theme_and_layout_are_remembered(qtbot, workspace, open_window):
    folder = workspace.topic()
    window = open_window(folder)
    press(qtbot, window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    window.actions_by_name["theme_dark"].trigger()
    window.resize(1100, 580)
    window.close()
    again = open_window(folder)
    assert again.look.point_size == 15
    assert again.study.card_view.browser.document().defaultFont().pointSizeF() == 15
    assert again.look.theme == "dark" and again.look.colors.dark
    assert QApplication.instance().palette().window().color().name() == again.look.colors.window
    assert (again.width(), again.height()) == (1100, 580)
    again.actions_by_name["theme_light"].trigger()


def test_a_damaged_progress_file_is_reported_and_study_goes_on(qtbot, workspace, open_window, data_dir):
    (data_dir / PROGRESS_FILE).write_bytes(b"garbage" * 50)
    window = open_window(workspace.topic())
    assert "damaged" in window.banner.text() and not window.banner.isHidden()
    press(qtbot, window, Qt.Key.Key_Space)
    press(qtbot, window, Qt.Key.Key_3)
    assert reviews(data_dir) == [("premier", 3)]


def test_open_folder_switches_to_another_folder(qtbot, workspace, open_window, tmp_path):
    window = open_window(workspace.topic())
    other = tmp_path / "other"
    other.mkdir()
    (other / "topic.yaml").write_text("title: Elsewhere\nbottom_line: b\nseeds:\n"
                                      f"  - id: art\n    file: {workspace.seeds / 'article.txt'}\n"
                                      "    title: Art\n" + CARDS_YAML,
                                      encoding="utf-8")
    window.topic_files.open_paths([other])
    assert window.windowTitle() == "Briefing Cards — Elsewhere"


def test_startup_shows_a_card_without_importing_reportlab(workspace):
    folder = workspace.topic()
    code = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from briefing.gui.app import create_app, create_window\n"
        "app = create_app()\n"
        f"w = create_window([{str(folder)!r}])\n"
        "w.show()\n"
        "QTimer.singleShot(0, app.quit)\n"
        "app.exec()\n"
        "print(w.study.card_view.browser.toPlainText().splitlines()[-1])\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'reportlab', 'genanki', 'anki'}))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.stdout.splitlines() == ["Who called for patience?", "[]"], result.stderr


def _run_export(qtbot, dialog, target, monkeypatch):
    opened = []
    monkeypatch.setattr("briefing.gui.export_dialog.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toLocalFile()))
    dialog.output.setText(str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None or dialog.message.text().startswith("Export failed"),
                    timeout=30000)
    return opened


def test_export_pdf_dialog_writes_the_pack_shows_progress_and_opens_it(qtbot, workspace, open_window,
                                                                       tmp_path, monkeypatch):
    from pypdf import PdfReader

    from briefing.gui.export_dialog import PdfExportDialog
    window = open_window(workspace.topic())
    qtbot.mouseClick(window.sidebar.kind_buttons["figure"], Qt.MouseButton.LeftButton)
    dialog = PdfExportDialog(window, window.controller.topics_in_scope(), window.controller.filter)
    qtbot.addWidget(dialog)
    assert dialog.only_shown.isChecked()  # the kind filter shown now carries over
    opened = _run_export(qtbot, dialog, tmp_path / "pack.pdf", monkeypatch)
    assert dialog.message.text().startswith(f"Saved {dialog.report.pages} pages to"), dialog.message.text()
    assert opened == [str(tmp_path / "pack.pdf")]
    assert dialog.progress.value() == dialog.progress.maximum()
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "pack.pdf").pages)
    assert "Trade in 2004" in text and "Who called for patience?" not in text


def test_export_to_anki_dialog_writes_a_package(qtbot, workspace, open_window, tmp_path, monkeypatch):
    import zipfile

    from briefing.gui.export_dialog import AnkiExportDialog
    window = open_window(workspace.topic())
    dialog = AnkiExportDialog(window, window.controller.topics_in_scope())
    qtbot.addWidget(dialog)
    opened = _run_export(qtbot, dialog, tmp_path / "deck.apkg", monkeypatch)
    assert "Saved 4 notes in 1 deck" in dialog.message.text()
    assert opened == []  # opening hands the deck to Anki: off unless asked for
    assert "collection.anki2" in zipfile.ZipFile(tmp_path / "deck.apkg").namelist()


def test_export_skips_a_broken_topic_and_says_so(qtbot, workspace, open_window):
    from briefing.gui.export_dialog import PdfExportDialog
    workspace.topic("good")
    workspace.topic("broken", files={"cards.yaml": "cards: [\n"})
    window = open_window(workspace.cards)
    dialog = PdfExportDialog(window, list(window.library.topics), window.controller.filter)
    qtbot.addWidget(dialog)
    assert [t.id for t in dialog.topics] == ["good"]
    assert "Skipped 'Example topic': 1 problem, the first " in dialog.message.text()
    assert "broken/cards.yaml:" in dialog.message.text()


def test_after_an_export_the_dialog_still_names_the_skipped_topic(qtbot, workspace, open_window,
                                                                 tmp_path, monkeypatch):
    from briefing.gui.export_dialog import AnkiExportDialog
    workspace.topic("good")
    workspace.topic("broken", files={"cards.yaml": "cards: [\n"})
    window = open_window(workspace.cards)
    dialog = AnkiExportDialog(window, list(window.library.topics))
    qtbot.addWidget(dialog)
    dialog.open_when_done.setChecked(True)
    monkeypatch.setattr("briefing.gui.export_dialog.QDesktopServices.openUrl", lambda url: False)
    dialog.output.setText(str(tmp_path / "deck.apkg"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=30000)
    text = dialog.message.text()
    assert text.startswith("Saved 4 notes in 1 deck") and "Skipped 'Example topic'" in text
    assert "could not be opened here" in text
    assert dialog.output.height() >= dialog.output.sizeHint().height()  # the row is not squashed


def test_following_a_link_out_of_the_filter_updates_the_sidebar(qtbot, workspace, open_window):
    workspace.topic("one")
    workspace.topic("two")
    window = open_window(workspace.cards)
    qtbot.waitUntil(lambda: window.sidebar.topics.count() == 3)
    qtbot.mouseClick(window.sidebar.kind_buttons["actor"], Qt.MouseButton.LeftButton)
    press(qtbot, window, Qt.Key.Key_Space)
    from PySide6.QtCore import QUrl
    window.study.card_view.browser.anchorClicked.emit(QUrl("card:patience"))  # an objective
    assert window.controller.session.current_card.id == "patience"
    assert window.sidebar.current_topic() == window.controller.filter.topic == window.controller.session.current_card.topic
    assert window.sidebar.kind_buttons[""].isChecked() and window.controller.filter.kinds == frozenset()
    # The sidebar can take the user back to every topic from here.
    window.sidebar.topics.setCurrentRow(0)
    assert len(window.controller.session.cards) == 8


def test_undo_still_works_after_the_filter_changed(qtbot, workspace, open_window, data_dir):
    window = open_window(workspace.topic())
    press(qtbot, window, Qt.Key.Key_Space)
    press(qtbot, window, Qt.Key.Key_4)
    qtbot.keyClicks(window.search, "trade")
    qtbot.waitUntil(lambda: len(window.controller.session.cards) == 2)
    window.search.clear()
    qtbot.waitUntil(lambda: len(window.controller.session.cards) == 4)
    assert window.actions_by_name["undo"].isEnabled()
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert reviews(data_dir) == []
    assert window.controller.session.current_card.id == "premier" and "4 new" in window.status.text()


def test_export_dialog_holds_its_options_while_it_runs(qtbot, workspace, open_window, tmp_path):
    from briefing.gui.export_dialog import AnkiExportDialog
    window = open_window(workspace.topic())
    dialog = AnkiExportDialog(window, window.controller.topics_in_scope())
    qtbot.addWidget(dialog)
    dialog._set_running(True)
    assert not dialog.close_button.isEnabled() and not dialog.output.isEnabled()
    dialog.reject()  # Esc while exporting: ignored
    assert dialog.result() == 0 and not dialog.export_button.isEnabled()
    dialog._set_running(False)
    assert dialog.close_button.isEnabled() and dialog.output.isEnabled()


def test_the_search_index_is_made_while_the_window_is_idle(qtbot, workspace, open_window):
    """At 50,000 cards the index takes a fifth of a second: made on the first keystroke,
    that keystroke would block the window; made in idle steps, it is ready."""
    window = open_window(workspace.topic())
    library = window.controller.library
    qtbot.waitUntil(lambda: "example" in library._indexes)
    assert not window.filters._indexing.isActive()


def test_the_status_bar_names_the_text_size_on_a_zoom_not_at_start(qtbot, workspace,
                                                                     open_window):
    window = open_window(workspace.topic())
    assert "Text size" not in window.statusBar().currentMessage()
    window.actions_by_name["theme_dark"].trigger()
    assert "Text size" not in window.statusBar().currentMessage()
    press(qtbot, window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == f"Text size {window.look.point_size:g} pt"
    window.actions_by_name["theme_light"].trigger()
