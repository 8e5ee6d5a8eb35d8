"""What an Anki user expects of the study screen, driven through the window."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
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

    seen = {}

    def accept(dialog):
        # the title bar may cut a long topic name: the dialog itself names the topic
        seen["heading"] = dialog.findChild(QLabel, "optionsTopic").text()
        dialog.new_per_day.setValue(1)
        return True
    monkeypatch.setattr(study_dialogs.TopicOptionsDialog, "exec", accept)
    window.actions_by_name["topic_options"].trigger()
    assert "1 new" in window.status.text()
    assert window.controller.session.counts().new == 1
    assert window.controller.store.options("example").new_per_day == 1
    assert seen["heading"] == "Example topic"


def _luminance(color) -> float:
    def channel(c):
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) \
        + 0.0722 * channel(color.blueF())


def rendered_contrast(widget) -> float:
    """WCAG contrast between a widget's background (its commonest colour) and the colour
    farthest from it (its text, antialiased edges aside), as it is drawn in its window, over
    whatever its parents paint under it."""
    from PySide6.QtCore import QPoint, QRect
    window = widget.window()
    image = window.grab(QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())).toImage()
    counts: dict[int, int] = {}
    for y in range(0, image.height(), 1):
        for x in range(0, image.width(), 1):
            rgb = image.pixel(x, y)
            counts[rgb] = counts.get(rgb, 0) + 1
    from PySide6.QtGui import QColor
    background = QColor.fromRgb(max(counts, key=counts.get))
    lb = _luminance(background)
    best = 1.0
    for rgb in counts:
        lf = _luminance(QColor.fromRgb(rgb))
        high, low = max(lb, lf), min(lb, lf)
        best = max(best, (high + 0.05) / (low + 0.05))
    return best


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_text_of_the_window_has_aa_contrast(qtbot, workspace, open_window, data_dir, theme):
    (data_dir / "settings.ini").write_text(f"[view]\ntheme={theme}\n")  # as a restart finds it
    window = open_window(workspace.topic())
    for switch in (theme, "light" if theme == "dark" else "dark", theme):
        window.actions_by_name[f"theme_{switch}"].trigger()
        qtbot.wait(50)
        view = window.study.card_view
        widgets = {**{f"heading {label.text()}": label for label in window.sidebar.headings},
                   **{f"kind {k or 'all'}": b for k, b in window.sidebar.kind_buttons.items()},
                   "tag filter": window.sidebar.tags, "topic list": window.sidebar.topics,
                   "card header": view.progress, "reveal button": view.reveal_button,
                   "status counts": window.status, "card text": view.browser.viewport()}
        for name, widget in widgets.items():
            ratio = rendered_contrast(widget)
            assert ratio >= 4.5, f"{switch}: {name} has contrast {ratio:.2f}"


def test_tab_reaches_every_control_with_a_visible_focus_frame(qtbot, workspace, open_window):
    from PySide6.QtWidgets import QApplication
    window = open_window(workspace.topic())
    reached = set()
    for _ in range(40):
        press(qtbot, window, Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        reached.add(widget.objectName() if widget else None)
    wanted = {"topicList", "kind_all", "tagFilter", "search", "revealButton"}
    assert wanted <= reached, wanted - reached
    window.sidebar.kind_buttons[""].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # within the kinds, as radios
    assert QApplication.focusWidget().objectName() == "kind_actor"
    button = window.sidebar.kind_buttons["actor"]
    window.search.setFocus()
    before = button.grab().toImage()
    button.setFocus(Qt.FocusReason.TabFocusReason)
    assert button.grab().toImage() != before  # focused, it is drawn differently


def test_escape_in_the_search_clears_it_and_space_flips_the_card_again(qtbot, workspace,
                                                                       open_window):
    window = open_window(workspace.topic())
    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search, "trade")
    qtbot.waitUntil(lambda: len(window.controller.session.cards) == 2)
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.search.text() == "" and not window.search.hasFocus()
    assert len(window.controller.session.cards) == 4
    press(qtbot, window, Qt.Key.Key_Space)
    assert window.controller.session.revealed and window.search.text() == ""


def test_enter_in_the_search_box_applies_the_search_and_does_not_flip_the_card(
        qtbot, workspace, open_window):
    window = open_window(workspace.topic())
    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search, "trade")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert len(window.controller.session.cards) == 2
    assert not window.controller.session.revealed


def test_keys_pick_a_kind_a_topic_and_a_tag(qtbot, workspace, open_window):
    window = open_window(workspace.topic())
    press(qtbot, window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert window.controller.filter.kinds == frozenset({"figure"})
    press(qtbot, window, Qt.Key.Key_0, Qt.KeyboardModifier.AltModifier)
    assert window.controller.filter.kinds == frozenset()
    press(qtbot, window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.sidebar.topics.hasFocus()


def test_a_topic_with_a_problem_studies_the_cards_that_loaded_with_a_notice(qtbot, workspace,
                                                                            open_window):
    from conftest import CARDS_YAML
    broken = CARDS_YAML + "  - id: stray\n    kind: actr\n"  # one bad card among good ones
    window = open_window(workspace.topic(files={"cards.yaml": broken}))
    assert window.pages.showing("study")
    assert "Example topic has 1 problem; the 4 cards that loaded can be studied" in \
        window.notice.text().replace("<b>", "").replace("</b>", "")
    press(qtbot, window, Qt.Key.Key_Space)
    assert window.controller.session.revealed  # Space works: the card is on screen
    window.notice.linkActivated.emit("list")
    assert window.pages.showing("problems")
    press(qtbot, window, Qt.Key.Key_Escape)
    assert window.pages.showing("study")
    window.notice.linkActivated.emit("edit")
    assert window.pages.showing("editor")
    editor = window.authoring.editor.current().editor
    assert editor.textCursor().blockNumber() + 1 == broken.splitlines().index("    kind: actr") + 1
    window.authoring.close_topic()


def test_a_second_topic_of_the_same_name_is_said_in_the_app(qtbot, workspace, open_window,
                                                           tmp_path):
    from conftest import Workspace
    first = workspace.topic("same")
    (tmp_path / "elsewhere").mkdir()
    other = Workspace(tmp_path / "elsewhere")
    second = other.topic("same")
    window = open_window(first, second)
    assert not window.notice.isHidden() and "problem" in window.notice.text()
    window.notice.linkActivated.emit("list")
    listed = window.pages.page("problems").list.item(0).text()
    assert str(second) in listed or str(first) in listed


def test_ctrl_e_on_a_topic_with_a_problem_opens_the_editor_at_it(qtbot, workspace, open_window):
    from conftest import CARDS_YAML
    broken = CARDS_YAML + "  - id: stray\n    kind: actr\n"
    window = open_window(workspace.topic(files={"cards.yaml": broken}))
    press(qtbot, window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    editor = window.authoring.editor.current()
    assert editor.path.name == "cards.yaml"
    assert editor.editor.textCursor().blockNumber() + 1 == \
        broken.splitlines().index("    kind: actr") + 1
    window.authoring.close_topic()
