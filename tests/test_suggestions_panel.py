"""The Suggestions panel beside the article: suggestions by kind, the chosen one's quote
shown in the article, Accept fills in the New card form, Reject keeps it away for good."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from test_app import press
from test_authoring import window  # noqa: F401  (the fixture)
from test_coverage_and_suggestions import ARTICLE, CARDS, TOPIC

from briefing.cli import main


def harbour(workspace):
    folder = workspace.topic("harbour", TOPIC, {"cards.yaml": CARDS})
    (folder / "seeds").mkdir()
    (folder / "seeds" / "harbour.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def open_panel(qtbot, w):
    press(qtbot, w, Qt.Key.Key_Space)
    press(qtbot, w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    if not w.actions_by_name["suggestions"].isChecked():  # remembered from the last window
        w.actions_by_name["suggestions"].trigger()  # View > Suggestions Beside the Article
    view = w.pages.page("article")
    assert view.panel.isVisible() and w.actions_by_name["suggestions"].isChecked()
    qtbot.waitUntil(lambda: bool(view.panel.suggestions), timeout=10000)
    return view


def rows(panel) -> list[str]:
    """The panel's lines as shown: group headings, then their suggestions' titles."""
    shown = []
    for index in range(panel.tree.topLevelItemCount()):
        group = panel.tree.topLevelItem(index)
        shown.append(group.text(0))
        shown += ["  " + group.child(n).text(0) for n in range(group.childCount())]
    return shown


def find(panel, quote: str):
    return next(s for s in panel.suggestions if s.quote == quote)


def test_suggestions_come_by_kind_and_the_chosen_ones_quote_is_shown_in_the_article(
        qtbot, workspace, window):
    w = window(harbour(workspace))
    view = open_panel(qtbot, w)
    shown = rows(view.panel)
    assert shown == ["Objectives (1)", "  Critics fear for the birds",
                     "Key figures (1)", "  Construction may begin in spring 2026."]
    assert view.panel.heading.text() == "Suggestions (2)"
    birds = find(view.panel, "Critics fear for the birds.")
    view.panel.choose(birds)
    assert view.panel.quote.text() == "“Critics fear for the birds.”"
    assert view.text.preview == (birds.start, birds.end)
    previewed = [s for s in view.text.extraSelections()
                 if s.cursor.selectedText() == "Critics fear for the birds."]
    assert previewed and previewed[0].format.underlineStyle() != 0


def test_accept_fills_in_the_form_and_adding_the_card_refreshes_the_panel(qtbot, workspace,
                                                                           window):
    folder = harbour(workspace)
    w = window(folder)
    view = open_panel(qtbot, w)
    spring = find(view.panel, "Construction may begin in spring 2026.")
    before = view.coverage.text()
    view.panel.choose(spring)
    qtbot.mouseClick(view.panel.accept_button, Qt.MouseButton.LeftButton)
    form = w.authoring.card_form
    assert form.isVisible()
    assert form.kind.currentData() == "figure"
    assert form.quote_view.toPlainText() == "Construction may begin in spring 2026."
    assert form.fields["title"].text() == spring.title
    assert (form.fields["value"].text(), form.fields["as_of"].text()) == ("2026", "2026")
    form.set_field("front", "When may construction begin?")
    form.set_field("back", "In spring 2026.")
    qtbot.waitUntil(lambda: form.add_button.isEnabled(), timeout=10000)
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    text = (folder / "cards.yaml").read_text(encoding="utf-8")
    assert text.startswith(CARDS)
    assert '        quote: "Construction may begin in spring 2026."\n' in text
    assert main(["check", str(folder)]) == 0
    assert w.pages.showing("article")  # the user goes on reading
    qtbot.waitUntil(lambda: spring not in view.panel.suggestions, timeout=10000)
    assert view.coverage.text() != before  # one more sentence quoted
    assert view.panel.current() is not None  # the next suggestion is chosen
    quoted = [s.cursor.selectedText() for s in view.text.extraSelections()]
    assert "Construction may begin in spring 2026." in quoted


def test_reject_takes_a_suggestion_away_for_good(qtbot, workspace, window):
    folder = harbour(workspace)
    w = window(folder)
    view = open_panel(qtbot, w)
    birds = find(view.panel, "Critics fear for the birds.")
    count = len(view.panel.suggestions)
    view.panel.choose(birds)
    qtbot.mouseClick(view.panel.reject_button, Qt.MouseButton.LeftButton)
    assert birds not in view.panel.suggestions and len(view.panel.suggestions) == count - 1
    assert "Critics fear for the birds" not in "\n".join(rows(view.panel))
    assert view.panel.current() is not None  # the next one is chosen
    assert "Critics fear for the birds." in (folder / ".briefing" /
                                             "rejected-suggestions.yaml").read_text("utf-8")
    press(qtbot, w, Qt.Key.Key_F5)  # reload the topics: it stays away
    qtbot.waitUntil(lambda: not w.reading.analysis.busy, timeout=10000)
    assert all(s.quote != birds.quote for s in view.panel.suggestions)
    assert len(view.panel.suggestions) == count - 1
    again = window(folder)  # and after a restart
    view = open_panel(qtbot, again)
    assert all(s.quote != birds.quote for s in view.panel.suggestions)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_article_and_the_panel_read_at_aa_contrast_in_both_themes(qtbot, workspace, window,
                                                                      data_dir, theme):
    from test_app_anki import rendered_contrast
    w = window(harbour(workspace))
    view = open_panel(qtbot, w)
    qtbot.waitUntil(lambda: view.map is not None, timeout=10000)
    view.panel.choose(find(view.panel, "Critics fear for the birds."))
    for switch in (theme, "light" if theme == "dark" else "dark", theme):
        w.actions_by_name[f"theme_{switch}"].trigger()
        qtbot.wait(50)
        widgets = {"title": view.title, "coverage": view.coverage, "status": view.status,
                   "panel heading": view.panel.heading, "reason": view.panel.reason,
                   "quote": view.panel.quote, "list": view.panel.tree.viewport(),
                   "article": view.text.viewport()}
        for name, widget in widgets.items():
            ratio = rendered_contrast(widget)
            assert ratio >= 4.5, f"{switch}: {name} has contrast {ratio:.2f}"
