"""What an Anki user expects of the study screen, driven through the window."""
from __future__ import annotations

from PySide6.QtCore import Qt

from test_app import card_text, open_window, press, reviews  # noqa: F401  (fixtures)


def test_space_on_the_answer_side_grades_good(qtbot, workspace, open_window, data_dir):
    window = open_window(workspace.topic())
    press(qtbot, window, Qt.Key.Key_Space)
    press(qtbot, window, Qt.Key.Key_Space)
    assert reviews(data_dir) == [("premier", 3)]
    press(qtbot, window, Qt.Key.Key_Space)
    press(qtbot, window, Qt.Key.Key_Return)
    assert reviews(data_dir) == [("premier", 3), ("patience", 3)]


def test_the_done_screen_names_the_filter_what_it_hides_and_when_the_next_is_due(
        qtbot, workspace, open_window):
    window = open_window(workspace.topic())
    window.sidebar.tags.setCurrentIndex(window.sidebar.tags.findData("leaders"))
    press(qtbot, window, Qt.Key.Key_Space)
    press(qtbot, window, Qt.Key.Key_4)  # Easy: out for days
    done = window.study.card_view.done.text()
    assert "Nothing is due with the filter tag: #leaders." in done
    assert "The filter hides 0 due prompts and 3 new prompts" in done


def test_a_quiz_ends_with_a_quiz_of_the_ones_missed(qtbot, workspace, open_window, data_dir):
    window = open_window(workspace.topic())
    press(qtbot, window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    for rating in (Qt.Key.Key_1, Qt.Key.Key_4, Qt.Key.Key_4, Qt.Key.Key_2):
        press(qtbot, window, Qt.Key.Key_Space)
        press(qtbot, window, rating)
    assert "Quiz the 2 you missed" in window.study.card_view.done.text()
    window.study.card_view.done.linkActivated.emit("missed")
    assert window.controller.session.progress_text().startswith("Quiz of the ones missed · 0 of 2")
    assert reviews(data_dir) == []


def test_suspend_bury_and_flag_from_the_keyboard(qtbot, workspace, open_window):
    window = open_window(workspace.topic())
    press(qtbot, window, Qt.Key.Key_Asterisk)
    assert "⚑ flagged" in window.study.card_view.progress.text()
    press(qtbot, window, Qt.Key.Key_At)
    assert window.controller.session.current_card.id == "patience"
    assert "Suspended 'The Premier'" in window.statusBar().currentMessage()
    press(qtbot, window, Qt.Key.Key_Minus)
    assert window.controller.session.current_card.id == "trade-2004"
    assert "2 new" in window.status.text()  # the suspended and the buried are not counted


def test_topic_options_set_new_prompts_per_day(qtbot, workspace, open_window, monkeypatch):
    from briefing.gui import study_dialogs
    window = open_window(workspace.topic())

    def accept(dialog):
        dialog.new_per_day.setValue(1)
        return True
    monkeypatch.setattr(study_dialogs.TopicOptionsDialog, "exec", accept)
    window.actions_by_name["topic_options"].trigger()
    assert "1 new" in window.status.text()
    assert window.controller.session.counts().new == 1
    assert window.controller.store.options("example").new_per_day == 1
