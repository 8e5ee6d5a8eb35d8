"""Every action of the app in one table: it builds the menus and the shortcuts sheet."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence


@dataclass(frozen=True)
class ActionSpec:
    name: str          # the MainWindow slot is on_<name>
    text: str
    menu: str
    shortcuts: tuple[str, ...] = ()
    checkable: bool = False


ACTIONS = (
    ActionSpec("new_topic", "&New Topic…", "File", ("Ctrl+N",)),
    ActionSpec("open_folder", "&Open Folder…", "File", ("Ctrl+O",)),
    ActionSpec("save", "&Save", "File", ("Ctrl+S",)),
    ActionSpec("save_all", "Save A&ll", "File", ("Ctrl+Shift+S",)),
    ActionSpec("reload", "&Reload Topics", "File", ("F5",)),
    ActionSpec("export_pdf", "Export &PDF…", "File", ("Ctrl+P",)),
    ActionSpec("export_anki", "Export to &Anki…", "File", ("Ctrl+Shift+E",)),
    ActionSpec("quit", "&Quit", "File", ("Ctrl+Q",)),
    ActionSpec("undo", "&Undo Grade", "Edit", ("Ctrl+Z",)),
    ActionSpec("find", "&Find Cards", "Edit", ("Ctrl+F",)),
    ActionSpec("clear_filters", "&Clear Filters", "Edit", ("Ctrl+Shift+F",)),
    ActionSpec("edit_topic", "&Edit Topic", "Edit", ("Ctrl+E",)),
    ActionSpec("study", "&Study", "Go", ("Ctrl+1",), checkable=True),
    ActionSpec("browse", "&Browse", "Go", ("Ctrl+2",), checkable=True),
    ActionSpec("quiz", "&Quiz", "Go", ("Ctrl+3",), checkable=True),
    ActionSpec("statistics", "S&tatistics", "Go", ("Ctrl+4",), checkable=True),
    ActionSpec("reveal", "Show &Answer", "Card", ("Space", "Return")),
    ActionSpec("grade_1", "Again", "Card", ("1",)),
    ActionSpec("grade_2", "Hard", "Card", ("2",)),
    ActionSpec("grade_3", "Good", "Card", ("3",)),
    ActionSpec("grade_4", "Easy", "Card", ("4",)),
    ActionSpec("previous", "&Previous Card", "Card", ("Left",)),
    ActionSpec("next", "&Next Card", "Card", ("Right",)),
    ActionSpec("show_in_article", "Show in &Article", "Card", ("Ctrl+L",)),
    ActionSpec("new_card_from_selection", "New Card from &Selection…", "Card", ("Ctrl+Shift+N",)),
    ActionSpec("back_to_card", "&Back to Card", "Card", ("Esc",)),
    ActionSpec("zoom_in", "Zoom &In", "View", ("Ctrl+=", "Ctrl++")),
    ActionSpec("zoom_out", "Zoom &Out", "View", ("Ctrl+-",)),
    ActionSpec("zoom_reset", "&Actual Size", "View", ("Ctrl+0",)),
    ActionSpec("theme_system", "Follow &System Theme", "View", (), checkable=True),
    ActionSpec("theme_light", "&Light Theme", "View", (), checkable=True),
    ActionSpec("theme_dark", "&Dark Theme", "View", (), checkable=True),
    ActionSpec("shortcuts", "&Keyboard Shortcuts", "Help", ("F1",)),
    ActionSpec("about", "&About Briefing Cards", "Help", ()),
)

MENUS = ("File", "Edit", "Go", "Card", "View", "Help")


def make_action(spec: ActionSpec, parent) -> QAction:
    action = QAction(spec.text, parent)
    action.setObjectName(spec.name)
    if spec.shortcuts:
        action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
    action.setCheckable(spec.checkable)
    return action


def shortcut_rows() -> list[tuple[str, str, str]]:
    """(menu, action, keys) for the shortcuts sheet, in menu order."""
    rows = []
    for menu in MENUS:
        for spec in ACTIONS:
            if spec.menu == menu and spec.shortcuts:
                keys = " or ".join(QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText)
                                   for s in spec.shortcuts)
                rows.append((menu, spec.text.replace("&", "").rstrip("…"), keys))
    return rows
