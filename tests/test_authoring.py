"""Editing topics in the app: live validation, exact saves, outside changes, new topics and cards."""
from __future__ import annotations

import sqlite3

import pytest
from conftest import CARDS_YAML
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from test_app import NOW, card_text, press

from briefing.authoring import read_file_text, save_file_text
from briefing.gui.app import PROGRESS_FILE, create_window
from briefing.gui.conflict_dialog import ConflictDialog
from briefing.gui.new_topic_dialog import NewTopicDialog


@pytest.fixture
def window(qtbot, workspace):
    opened = []

    def opener(folder):
        # Not given to qtbot: it closes widgets before fixtures tear down, and a
        # window with unsaved edits would then wait for an answer to "Save?".
        w = create_window([folder], clock=lambda: NOW)
        w.show()
        qtbot.waitExposed(w)
        w.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
        qtbot.waitUntil(lambda: w.started)  # the counts and sidebar follow the first card
        opened.append(w)
        return w
    yield opener
    for w in opened:
        w.authoring.close_topic()  # discard unsaved edits: no prompt at teardown
        w.close()
        w.store.close()
        w.deleteLater()


def checked(qtbot, w):
    """Wait until the editor's live check (and the draft it writes) has caught up."""
    qtbot.waitUntil(lambda: not w.authoring.editor.checking, timeout=10000)


def editor_of(w, name="cards.yaml"):
    return w.authoring.editor.entry_for(w.authoring.editor.folder / name).editor


def replace_in_editor(editor, old, new):
    """Edit as a user would: an undoable change to the document, not a reload."""
    text = editor.plain_text()
    assert old in text
    start = text.index(old)
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(old), QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(new)


# -- the text round trip, without Qt -------------------------------------------

def test_saving_writes_the_text_exactly_in_the_files_own_style(tmp_path):
    path = tmp_path / "cards.yaml"
    original = "\ufeff# comment\tkept  \r\ncards:\r\n  - id: a   # no\u00a0break\r\n"
    path.write_bytes(original.encode("utf-8"))
    loaded = read_file_text(path)
    assert loaded.text == "# comment\tkept  \ncards:\n  - id: a   # no\u00a0break\n"
    save_file_text(path, loaded, loaded.text)
    assert path.read_bytes() == original.encode("utf-8")
    save_file_text(path, loaded, loaded.text + "  - id: b\n")
    assert path.read_bytes().endswith(b"\r\n  - id: b\r\n")


# -- in the app ---------------------------------------------------------------

def test_live_validation_lists_a_problem_and_clicking_it_jumps_there(qtbot, workspace, window):
    w = window(workspace.topic())
    press(qtbot, w, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert w.pages.showing("editor")
    editor = editor_of(w)
    replace_in_editor(editor, "kind: objective", "kind: objectiv")
    qtbot.waitUntil(lambda: w.authoring.editor.problem_list.count() > 0, timeout=10000)
    texts = [w.authoring.editor.problem_list.item(i).text() for i in range(w.authoring.editor.problem_list.count())]
    assert any(t.endswith("cards.yaml:14:11: unknown kind 'objectiv' (did you mean 'objective'?); "
                          "expected one of: actor, objective, figure") for t in texts)
    assert 14 in editor.problem_lines
    item = next(w.authoring.editor.problem_list.item(i) for i in range(len(texts)) if ":14:11:" in texts[i])
    rect = w.authoring.editor.problem_list.visualItemRect(item)
    qtbot.mouseClick(w.authoring.editor.problem_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    cursor = editor.textCursor()
    assert (cursor.blockNumber() + 1, cursor.positionInBlock() + 1) == (14, 11)
    # the file itself is untouched until saved
    assert "kind: objective\n" in (w.authoring.editor.folder / "cards.yaml").read_text()


def test_save_writes_atomically_reloads_the_cards_and_keeps_progress(qtbot, workspace, window, data_dir):
    folder = workspace.topic()
    w = window(folder)
    press(qtbot, w, Qt.Key.Key_Space)
    press(qtbot, w, Qt.Key.Key_4)               # premier studied
    press(qtbot, w, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    editor = editor_of(w)
    replace_in_editor(editor, "The Premier, who named three keys", "The head of government, who named three keys")
    assert "unsaved changes" in w.authoring.editor.title.text()
    press(qtbot, w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert (folder / "cards.yaml").read_text(encoding="utf-8") == editor.plain_text()
    assert sorted(p.name for p in folder.iterdir()) == ["cards.yaml", "topic.yaml"]  # no temp left
    assert "head of government" in w.library.topic("example").card("premier").back
    press(qtbot, w, Qt.Key.Key_Escape)
    assert w.pages.showing("study")
    assert "3 new" in w.status.text()           # premier kept its progress
    with sqlite3.connect(data_dir / PROGRESS_FILE) as db:
        assert db.execute("SELECT card FROM card_state").fetchall() == [("premier",)]


def test_an_outside_change_reloads_on_its_own(qtbot, workspace, window):
    folder = workspace.topic()
    w = window(folder)
    (folder / "cards.yaml").write_text(CARDS_YAML.replace("Who called for patience?", "Who asked for patience?"),
                                       encoding="utf-8")
    qtbot.waitUntil(lambda: "Who asked for patience?" in card_text(w), timeout=5000)


def test_outside_change_with_unsaved_edits_asks_and_take_theirs_keeps_mine_in_a_copy(
        qtbot, workspace, window, monkeypatch, data_dir):
    folder = workspace.topic()
    w = window(folder)
    w.edit_topic()
    editor = editor_of(w)
    replace_in_editor(editor, "Who called for patience?", "MY EDIT?")
    asked = []
    monkeypatch.setattr(ConflictDialog, "ask",
                        classmethod(lambda cls, parent, path, mine, theirs: asked.append((mine, theirs)) or cls.THEIRS))
    theirs = CARDS_YAML.replace("Who called for patience?", "THEIR EDIT?")
    (folder / "cards.yaml").write_text(theirs, encoding="utf-8")
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    assert "MY EDIT?" in asked[0][0] and "THEIR EDIT?" in asked[0][1]
    assert editor.plain_text() == theirs
    kept = list((data_dir / "recovered").iterdir())
    assert len(kept) == 1 and "MY EDIT?" in kept[0].read_text()


def test_outside_change_with_unsaved_edits_keep_mine(qtbot, workspace, window, monkeypatch):
    folder = workspace.topic()
    w = window(folder)
    w.edit_topic()
    editor = editor_of(w)
    replace_in_editor(editor, "Who called for patience?", "MY EDIT?")
    monkeypatch.setattr(ConflictDialog, "ask", classmethod(lambda cls, *a: cls.MINE))
    (folder / "cards.yaml").write_text(CARDS_YAML.replace("Who called", "THEIRS called"), encoding="utf-8")
    w.authoring.disk_changed({folder})
    assert "MY EDIT?" in editor.plain_text()
    assert w.authoring.editor.has_unsaved()
    w.authoring.editor.save_all()
    assert "MY EDIT?" in (folder / "cards.yaml").read_text()


def test_show_both_puts_the_two_versions_side_by_side(qtbot, tmp_path):
    dialog = ConflictDialog(None, tmp_path / "cards.yaml", "mine\nA\n", "mine\nB\n")
    qtbot.addWidget(dialog)
    assert dialog.mine_view.isHidden()
    qtbot.mouseClick(dialog.show_both, Qt.MouseButton.LeftButton)
    assert not dialog.mine_view.isHidden() and not dialog.theirs_view.isHidden()
    assert dialog.theirs_view.toPlainText() == "mine\nB"
    assert dialog.diff.text() == "Lines that differ: 1 changed, 0 only in yours, 0 only on disk."
    assert dialog.marked_rows(dialog.mine_view) == dialog.marked_rows(dialog.theirs_view) == [1]


def test_show_both_aligns_added_lines_marks_them_and_wraps_long_ones(qtbot, tmp_path):
    from PySide6.QtWidgets import QPlainTextEdit
    long_line = "quote: " + "a very long quoted passage " * 20
    mine = f"title: T\n{long_line}\nadded by me\nend\n"
    theirs = "title: T\nchanged there\nend\n"
    dialog = ConflictDialog(None, tmp_path / "cards.yaml", mine, theirs)
    qtbot.addWidget(dialog)
    mine_rows = dialog.mine_view.toPlainText().split("\n")
    theirs_rows = dialog.theirs_view.toPlainText().split("\n")
    assert len(mine_rows) == len(theirs_rows)  # row for row
    assert mine_rows.index("end") == theirs_rows.index("end")
    assert dialog.marked_rows(dialog.mine_view) == [1, 2]
    assert dialog.mine_view.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth


def test_new_topic_copies_the_article_and_opens_the_starter_files(qtbot, workspace, window, tmp_path):
    workspace.topic()
    w = window(workspace.cards)
    article = tmp_path / "summit.txt"
    article.write_text("Summit Report\nThe leaders met in Singapore for the summit.\n", encoding="utf-8")
    dialog = NewTopicDialog(w, w.authoring.new_topics_folder())
    qtbot.addWidget(dialog)
    dialog.name.setText("summit")
    dialog.title.setText("The summit")
    dialog.articles.addItem(str(article))
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.created == workspace.cards / "summit"
    assert (dialog.created / "seeds" / "summit.txt").read_bytes() == article.read_bytes()
    w.topic_files.topic_created(dialog.created)
    assert w.pages.showing("editor")
    assert {e.path.name for e in w.authoring.editor.files} == {"topic.yaml", "cards.yaml"}
    topic = w.library.topic("summit")
    assert topic.title == "The summit" and topic.ok and len(topic.cards) == 3


def test_new_topic_dialog_refuses_a_bad_name(qtbot, workspace, window):
    w = window(workspace.topic())
    dialog = NewTopicDialog(w, workspace.cards)
    qtbot.addWidget(dialog)
    dialog.name.setText("Bad Name")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.created is None and "lowercase" in dialog.error.text()
    qtbot.keyClicks(dialog.name, "x")  # the name is being fixed: the old message goes
    assert dialog.error.text() == ""


def test_unsaved_edits_survive_a_crash_and_come_back_in_the_editor(qtbot, workspace, window):
    folder = workspace.topic()
    first = window(folder)
    first.edit_topic()
    replace_in_editor(editor_of(first), "Who called for patience?", "DRAFT TEXT?")
    checked(qtbot, first)  # the draft is written when typing pauses
    # The app dies here: no save, no prompt. A new session starts on the same data folder.
    second = window(folder)
    qtbot.waitUntil(lambda: "Unsaved edits to cards.yaml" in second.banner.text())
    second.edit_topic()
    restored = editor_of(second)
    assert "DRAFT TEXT?" in restored.plain_text()
    assert second.authoring.editor.has_unsaved()
    assert "DRAFT TEXT?" not in (folder / "cards.yaml").read_text()  # not saved behind your back
    second.authoring.editor.save_all()
    assert "DRAFT TEXT?" in (folder / "cards.yaml").read_text()
    assert second.authoring.editor.drafts.get(folder / "cards.yaml") is None


def test_discarded_edits_do_not_come_back(qtbot, workspace, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    folder = workspace.topic()
    first = window(folder)
    first.edit_topic()
    replace_in_editor(editor_of(first), "Who called for patience?", "THROWN AWAY?")
    checked(qtbot, first)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert first.authoring.confirm_unsaved("quitting")
    second = window(folder)
    second.edit_topic()
    assert "THROWN AWAY?" not in editor_of(second).plain_text()


def test_a_file_with_mixed_line_endings_is_saved_with_its_majority_and_says_so(tmp_path):
    path = tmp_path / "cards.yaml"
    path.write_bytes(b"a: 1\r\nb: 2\r\nc: 3\n")
    loaded = read_file_text(path)
    assert (loaded.text, loaded.newline, loaded.mixed) == ("a: 1\nb: 2\nc: 3\n", "\r\n", True)
    save_file_text(path, loaded, loaded.text)
    assert path.read_bytes() == b"a: 1\r\nb: 2\r\nc: 3\r\n"


def test_a_restored_draft_is_marked_unsaved_and_saving_elsewhere_says_nothing_of_it(
        qtbot, workspace, window):
    folder = workspace.topic()
    first = window(folder)
    first.edit_topic()
    replace_in_editor(editor_of(first), "Who called for patience?", "DRAFT?")
    checked(qtbot, first)
    replace_in_editor(editor_of(first, "topic.yaml"), "Example topic", "Renamed topic")
    first.authoring.editor.save(first.authoring.editor.entry_for(folder / "topic.yaml"))
    assert "from your last session" not in first.banner.text()  # this session's own edits
    second = window(folder)
    second.edit_topic()
    tabs = second.authoring.editor.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["topic.yaml", "cards.yaml •"]


def test_a_file_that_is_not_utf8_is_refused_with_the_place_of_the_bad_byte(tmp_path):
    from briefing.authoring import NotText
    path = tmp_path / "cards.yaml"
    path.write_bytes("cards:\n  - id: caf\xe9\n".encode("latin-1"))
    with pytest.raises(NotText, match=r"cards.yaml:2:12: not UTF-8 text \(byte 0xe9\)"):
        read_file_text(path)


def test_the_editor_colours_folded_text_as_text_even_where_it_holds_a_colon(qtbot):
    from PySide6.QtGui import QTextDocument

    from briefing.gui.code_editor import YamlHighlighter
    document = QTextDocument()
    document.setPlainText("cards:\n  - id: a\n    back: >-\n      Washington: the power China\n"
                          "      works with.\n    why: Because: it matters.\n")
    highlighter = YamlHighlighter(document)
    qtbot.waitUntil(lambda: not highlighter.colouring)  # coloured in idle steps
    key_colour = highlighter.formats["key"].foreground().color()

    def coloured_as_key(line: int) -> bool:
        block = document.findBlockByNumber(line)
        return any(f.format.foreground().color() == key_colour for f in block.layout().formats())
    assert coloured_as_key(2)      # back:
    assert not coloured_as_key(3)  # "Washington: the power China", inside the folded text
    assert coloured_as_key(5)      # why: the next key, after the folded text
