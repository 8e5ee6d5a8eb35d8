"""Importing articles in the app: File > Import Article… and files dropped on the window go
into the current topic or a new one, the dialog says what each step did (or why not),
the topic reloads and the article opens. A bad file writes nothing."""
from __future__ import annotations

import article_files as af
import pytest
from conftest import TOPIC_YAML
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog
from test_authoring import window  # noqa: F401  (the fixture)
from test_import import encrypted_pdf, page_without_article, scanned_pdf, snapshot

from briefing.cli import main

TEXT = """\
Harbour Power

The council voted to build a barrage across the estuary. It will cost about €310 million.

The wildlife trust opposes the plan and wants a survey before any work begins.
"""


def imported(qtbot, w, dialog):
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.results), timeout=30000)
    return dialog.report.toPlainText()


def test_import_article_from_the_file_menu_into_the_current_topic(qtbot, workspace, window,
                                                                   tmp_path, monkeypatch):
    folder = workspace.topic()
    page = tmp_path / "downloads" / "tidal.html"
    page.parent.mkdir()
    page.write_bytes(af.web_page())
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args, **kwargs: ([str(page)], "Articles"))
    w = window(folder)
    w.actions_by_name["import_article"].trigger()
    dialog = w.importer.dialog
    assert dialog.isVisible() and dialog.into_topic.isChecked()
    assert dialog.target() == folder
    report = imported(qtbot, w, dialog)
    assert report.startswith("tidal.html -> seed 'harbour-towns-bet-2024'\n  kept 6 paragraphs")
    assert "added seed 'harbour-towns-bet-2024' to topic.yaml at line 9" in report
    assert "kept the original as seeds/originals/tidal.html" in report
    assert "Imported 1 article into" in report
    topic = w.library.topic("example")
    seed = next(s for s in topic.seeds if s.title == af.WEB_TITLE)  # reloaded
    assert (folder / "topic.yaml").read_text(encoding="utf-8").startswith(TOPIC_YAML)
    assert w.pages.showing("article")
    view = w.pages.page("article")
    assert view.seed == seed and af.WEB_ARTICLE[0] in view.text.toPlainText()
    assert af.WEB_FURNITURE[0] not in view.text.toPlainText()
    assert main(["check", str(folder)]) == 0


def drop(w, *paths) -> bool:
    """Drag files over the window and drop them, as a file manager does."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(200, 200), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(w, enter)
    if not enter.isAccepted():
        return False
    dropped = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime,
                         Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(w, dropped)
    return dropped.isAccepted()


def test_a_text_file_dropped_on_the_window_makes_a_new_topic_and_opens_it(
        qtbot, workspace, window, tmp_path):
    article = tmp_path / "harbour-power.txt"
    article.write_text(TEXT, encoding="utf-8")
    w = window(workspace.topic())
    assert drop(w, article)
    dialog = w.importer.dialog
    assert dialog.isVisible()
    type_name = dialog.name
    type_name.setFocus()
    qtbot.keyClicks(type_name, "harbour")
    assert dialog.into_new.isChecked()
    report = imported(qtbot, w, dialog)
    assert "harbour-power.txt -> seed '" in report
    assert "Made the new topic harbour" in report
    new = dialog.new_topics / "harbour"
    assert (new / "topic.yaml").is_file() and main(["check", str(new)]) == 0
    topic = w.library.topic("harbour")
    assert topic is not None and w.controller.filter.topic == "harbour"
    view = w.pages.page("article")
    assert w.pages.showing("article") and view.text.toPlainText() == TEXT
    qtbot.waitUntil(lambda: view.map is not None, timeout=10000)
    assert "% of sentences quoted" in view.coverage.text()


def test_dragging_text_rather_than_files_is_not_taken(qtbot, workspace, window):
    w = window(workspace.topic())
    mime = QMimeData()
    mime.setText("just some words")
    enter = QDragEnterEvent(QPoint(200, 200), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(w, enter)
    assert not enter.isAccepted() and w.importer.dialog is None


@pytest.mark.parametrize("make, message", [
    (encrypted_pdf, "locked.pdf is encrypted with a password"),
    (scanned_pdf, "scan.pdf has no text to read"),
    (page_without_article, "menu.html: no article text found"),
])
def test_a_bad_file_says_why_in_the_dialog_and_writes_nothing(qtbot, workspace, window,
                                                               tmp_path, make, message):
    folder = workspace.topic()
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    bad = make(downloads)
    before = snapshot(workspace.root)
    w = window(folder)
    assert drop(w, bad)
    report = imported(qtbot, w, w.importer.dialog)
    assert message in report and "not imported, nothing written" in report
    assert "Traceback" not in report and report.endswith("Nothing was imported.")
    assert snapshot(workspace.root) == before
    assert not w.pages.showing("article")
