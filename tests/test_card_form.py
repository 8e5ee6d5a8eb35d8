"""The New card form in the app: a selected passage becomes a card only once the form is
valid; until then nothing is written and nothing new can be studied."""
from __future__ import annotations

from conftest import ARTICLE, CARDS_YAML
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from test_app import press
from test_authoring import window  # noqa: F401  (the fixture)

from briefing.cli import main

PASSAGE = "Bilateral trade grew to U.S. $1.4 billion in 2004"


def select_in_article(w, passage: str) -> None:
    """Open the card's article and select a passage, as with the mouse."""
    press_show = w.study.show_in_article
    press_show(0)
    text = w.pages.page("article").text
    plain = text.toPlainText()
    start = plain.index(passage)
    cursor = text.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(passage), QTextCursor.MoveMode.KeepAnchor)
    text.setTextCursor(cursor)


def open_form(qtbot, w, passage: str = PASSAGE):
    press(qtbot, w, Qt.Key.Key_Space)
    select_in_article(w, passage)
    assert w.pages.page("article").new_card.isEnabled()
    press(qtbot, w, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
          | Qt.KeyboardModifier.ShiftModifier)
    form = w.authoring.card_form
    assert form is not None and form.isVisible()
    qtbot.waitUntil(lambda: not form.checks.busy and form.checked_draft is not None, timeout=10000)
    return form


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def settled(qtbot, form):
    qtbot.waitUntil(lambda: not form.timer.isActive() and not form.checks.busy
                    and form.checked_draft == form.draft(), timeout=10000)


def choose_kind(form, kind: str) -> None:
    form.kind.setCurrentIndex(form.kind.findData(kind))


def fill(qtbot, form, kind: str, **fields) -> None:
    """Choose the kind, then type each field, in the form's order."""
    choose_kind(form, kind)
    for name, text in fields.items():
        type_into(qtbot, form.fields[name], text)


def test_the_form_shows_the_quote_and_refuses_to_add_an_unfinished_card(qtbot, workspace, window):
    folder = workspace.topic()
    w = window(folder)
    form = open_form(qtbot, w)
    assert form.quote_view.toPlainText() == PASSAGE and form.quote_view.isReadOnly()
    assert "Example Article On Trade" in form.findChild(type(form.summary), "quoteSource").text()
    choose_kind(form, "figure")
    settled(qtbot, form)
    assert not form.add_button.isEnabled()
    summary = form.summary.text()
    assert summary == "Not added yet:\n• Fill in: Title, Value, As of, Front, Back"
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)  # disabled: nothing happens
    form.save()                                                    # and even when forced
    assert form.isVisible()
    assert (folder / "cards.yaml").read_text(encoding="utf-8") == CARDS_YAML
    assert w.library.topic("example").card_ids == {"premier", "patience", "trade-2004",
                                                    "trade-2005"}


def test_a_valid_card_is_added_with_its_quote_verbatim_and_check_passes(qtbot, workspace, window):
    folder = workspace.topic()
    w = window(folder)
    form = open_form(qtbot, w)
    fill(qtbot, form, "figure", title="Trade in 2004, again")
    assert form.fields["card_id"].text() == "trade-in-2004-again"
    assert form.fields["role"].isHidden() and not form.fields["value"].isHidden()
    fill(qtbot, form, "figure", front="How large was trade in 2004?", back="U.S. $1.4 billion.",
         value="1.4", unit="US$ billion", as_of="2004")
    form.prompt_kind.setCurrentIndex(1)
    type_into(qtbot, form.questions, "Trade in 2004? | U.S. $1.4 billion")
    settled(qtbot, form)
    assert form.summary.text() == "Ready: the card passes briefing check."
    assert form.add_button.isEnabled()
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    text = (folder / "cards.yaml").read_text(encoding="utf-8")
    assert text.startswith(CARDS_YAML)  # the file's own text, the card after it
    assert text[len(CARDS_YAML):] == (
        "  - id: trade-in-2004-again\n    kind: figure\n    title: \"Trade in 2004, again\"\n"
        "    front: \"How large was trade in 2004?\"\n    back: \"U.S. $1.4 billion.\"\n"
        "    value: 1.4\n    unit: \"US$ billion\"\n    as_of: \"2004\"\n    prompts:\n"
        "      - q: \"Trade in 2004?\"\n        a: \"U.S. $1.4 billion\"\n    sources:\n"
        f"      - seed: art\n        quote: \"{PASSAGE}\"\n")
    assert PASSAGE in ARTICLE
    assert main(["check", str(folder)]) == 0
    card = w.library.topic("example").card("trade-in-2004-again")  # reloaded at once
    assert card is not None and card.sources[0].quote == PASSAGE
    assert "Added card 'trade-in-2004-again' to cards.yaml" in w.statusBar().currentMessage()


def test_an_actor_without_a_role_is_valid_and_cancel_writes_nothing(qtbot, workspace, window):
    folder = workspace.topic()
    w = window(folder)
    form = open_form(qtbot, w, "The two countries signed a “joint agreement” in 2005")
    fill(qtbot, form, "actor", title="The two countries",
         front="Who signed a joint agreement in 2005?", back="The two countries.")
    settled(qtbot, form)
    assert form.add_button.isEnabled()  # role is optional: no "not nothing (null)"
    press(qtbot, form, Qt.Key.Key_Escape)
    assert not form.isVisible()
    assert (folder / "cards.yaml").read_text(encoding="utf-8") == CARDS_YAML
    assert sorted(p.name for p in folder.iterdir()) == ["cards.yaml", "topic.yaml"]


def test_a_cloze_over_the_quote_names_its_seed_and_a_bad_one_is_refused(qtbot, workspace, window):
    folder = workspace.topic()
    w = window(folder)
    form = open_form(qtbot, w)
    fill(qtbot, form, "objective", title="Trade growth", front="How did trade grow?",
         back="To 1.4 billion.")
    form.prompt_kind.setCurrentIndex(2)
    assert form.cloze.text() == PASSAGE  # the quote, to hide words of
    form.cloze.setSelection(PASSAGE.index("U.S."), len("U.S. $1.4 billion"))
    qtbot.mouseClick(form.hide_words, Qt.MouseButton.LeftButton)
    assert form.cloze.text() == "Bilateral trade grew to {{c1::U.S. $1.4 billion}} in 2004"
    settled(qtbot, form)
    assert form.add_button.isEnabled()
    form.cloze.setText("Bilateral trade grew to {{c2::U.S. $1.4 billion}} in 2004")
    settled(qtbot, form)
    assert not form.add_button.isEnabled() and "Prompts: " in form.summary.text()
    form.cloze.setText("Bilateral trade grew to {{c1::U.S. $1.4 billion}} in 2004")
    settled(qtbot, form)
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    assert "        seed: art\n" in (folder / "cards.yaml").read_text(encoding="utf-8")
    assert main(["check", str(folder)]) == 0


def test_show_in_article_shows_the_passage_around_the_quote(qtbot, workspace, window):
    w = window(workspace.topic())
    form = open_form(qtbot, w)
    assert form.context_view.isHidden()
    qtbot.mouseClick(form.context_button, Qt.MouseButton.LeftButton)
    assert not form.context_view.isHidden()
    shown = form.context_view.toPlainText()
    assert PASSAGE in shown and "Example Article On Trade" not in shown


def test_a_file_with_unsaved_edits_is_left_alone_and_the_card_gets_a_file_of_its_own(
        qtbot, workspace, window):
    from test_authoring import editor_of, replace_in_editor
    folder = workspace.topic()
    w = window(folder)
    w.edit_topic()
    replace_in_editor(editor_of(w), "Who called for patience?", "Who asked for patience?")
    press(qtbot, w, Qt.Key.Key_Escape)  # back to the card; the edit stays unsaved
    form = open_form(qtbot, w)
    fill(qtbot, form, "objective", title="Trade growth", front="How did trade grow?",
         back="To 1.4 billion.")
    settled(qtbot, form)
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    assert (folder / "cards.yaml").read_text(encoding="utf-8") == CARDS_YAML
    assert "Who asked for patience?" in editor_of(w).plain_text()  # the edit is still there
    assert "id: trade-growth" in (folder / "new-cards.yaml").read_text(encoding="utf-8")
    assert "Added card 'trade-growth' to new-cards.yaml" in w.statusBar().currentMessage()
