"""Every action of the app in one table: it builds the menus, the shortcuts and the
shortcuts sheet. The window hands `install` a handler for each action by name."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QActionGroup, QKeySequence


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    menu: str
    shortcuts: tuple[str, ...] = ()
    checkable: bool = False
    group: str = ""             # checkable actions of one group exclude each other
    separator_after: bool = False


ACTIONS = (
    ActionSpec("new_topic", "&New Topic…", "File", ("Ctrl+N",)),
    ActionSpec("import_article", "&Import Article…", "File", ("Ctrl+I",)),
    ActionSpec("open_folder", "&Open Folder…", "File", ("Ctrl+O",)),
    ActionSpec("save", "&Save", "File", ("Ctrl+S",)),
    ActionSpec("save_all", "Save A&ll", "File", ("Ctrl+Shift+S",), separator_after=True),
    ActionSpec("reload", "&Reload Topics", "File", ("F5",), separator_after=True),
    ActionSpec("export_pdf", "Export &PDF…", "File", ("Ctrl+P",)),
    ActionSpec("export_anki", "Export to &Anki…", "File", ("Ctrl+Shift+E",), separator_after=True),
    ActionSpec("quit", "&Quit", "File", ("Ctrl+Q",)),
    ActionSpec("undo", "&Undo Grade", "Edit", ("Ctrl+Z",)),
    ActionSpec("find", "&Find Cards", "Edit", ("Ctrl+F",)),
    ActionSpec("clear_filters", "&Clear Filters", "Edit", ("Ctrl+Shift+F",)),
    ActionSpec("choose_topic", "Choose &Topic", "Edit", ("Ctrl+T",)),
    ActionSpec("kind_all", "All &Kinds", "Edit", ("Alt+0",)),
    ActionSpec("kind_actor", "Only Act&ors", "Edit", ("Alt+1",)),
    ActionSpec("kind_objective", "Only Ob&jectives", "Edit", ("Alt+2",)),
    ActionSpec("kind_figure", "Only Key Fi&gures", "Edit", ("Alt+3",)),
    ActionSpec("choose_tag", "Choose T&ag", "Edit", ("Ctrl+G",), separator_after=True),
    ActionSpec("edit_topic", "&Edit Topic", "Edit", ("Ctrl+E",)),
    ActionSpec("topic_options", "Topic &Options…", "Edit", ("Ctrl+Shift+O",)),
    ActionSpec("study", "&Study", "Go", ("Ctrl+1",), checkable=True, group="modes"),
    ActionSpec("browse", "&Browse", "Go", ("Ctrl+2",), checkable=True, group="modes"),
    ActionSpec("quiz", "&Quiz", "Go", ("Ctrl+3",), checkable=True, group="modes"),
    ActionSpec("statistics", "S&tatistics", "Go", ("Ctrl+4",), checkable=True, group="modes",
               separator_after=True),
    ActionSpec("timeline", "T&imeline", "Go", ("Ctrl+5",), checkable=True, group="modes"),
    ActionSpec("actor_map", "Actor &Map", "Go", ("Ctrl+6",), checkable=True, group="modes"),
    ActionSpec("compare", "Compare &Articles", "Go", ("Ctrl+7",), checkable=True, group="modes",
               separator_after=True),
    ActionSpec("custom_study", "&Custom Study…", "Go", ("Ctrl+Shift+C",)),
    ActionSpec("go_back", "Back from a &Link", "Go", ("Alt+Left",)),
    ActionSpec("reveal", "Show &Answer", "Card", ("Space", "Return")),
    ActionSpec("grade_1", "Again", "Card", ("1",)),
    ActionSpec("grade_2", "Hard", "Card", ("2",)),
    ActionSpec("grade_3", "Good", "Card", ("3",)),
    ActionSpec("grade_4", "Easy", "Card", ("4",), separator_after=True),
    ActionSpec("bury", "&Bury Until Tomorrow", "Card", ("-",)),
    ActionSpec("suspend", "S&uspend", "Card", ("@",)),
    ActionSpec("flag", "&Flag", "Card", ("*",), separator_after=True),
    ActionSpec("previous", "&Previous Card", "Card", ("Left",)),
    ActionSpec("next", "&Next Card", "Card", ("Right",)),
    ActionSpec("card_info", "Card &Info…", "Card", ("I", "Ctrl+Shift+I")),
    ActionSpec("show_in_article", "Show in &Article", "Card", ("Ctrl+L",)),
    ActionSpec("new_card_from_selection", "New Card from &Selection…", "Card", ("Ctrl+Shift+N",)),
    ActionSpec("back_to_card", "&Back to Card", "Card", ("Esc",), separator_after=True),
    ActionSpec("zoom_in", "Zoom &In", "View", ("Ctrl+=", "Ctrl++")),
    ActionSpec("zoom_out", "Zoom &Out", "View", ("Ctrl+-",)),
    ActionSpec("zoom_reset", "&Actual Size", "View", ("Ctrl+0",), separator_after=True),
    ActionSpec("theme_system", "Follow &System Theme", "View", (), checkable=True, group="themes"),
    ActionSpec("theme_light", "&Light Theme", "View", (), checkable=True, group="themes"),
    ActionSpec("theme_dark", "&Dark Theme", "View", (), checkable=True, group="themes",
               separator_after=True),
    ActionSpec("suggestions", "S&uggestions Beside the Article", "View", ("Ctrl+Shift+G",),
               checkable=True),
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


def install(window, handlers: dict[str, Callable[[], None]]) -> dict[str, QAction]:
    """Make every action with its handler, in its menu and on the window (so shortcuts
    work with the menu bar hidden); returns them by name."""
    missing = sorted({spec.name for spec in ACTIONS} ^ set(handlers))
    if missing:
        raise ValueError(f"actions and handlers differ: {', '.join(missing)}")
    menus = {name: window.menuBar().addMenu(f"&{name}") for name in MENUS}
    groups: dict[str, QActionGroup] = {}
    actions = {}
    for spec in ACTIONS:
        action = make_action(spec, window)
        handler = handlers[spec.name]
        action.triggered.connect(lambda _checked=False, run=handler: run())
        if spec.group:
            groups.setdefault(spec.group, QActionGroup(window)).addAction(action)
        menus[spec.menu].addAction(action)
        if spec.separator_after:
            menus[spec.menu].addSeparator()
        window.addAction(action)
        actions[spec.name] = action
    return actions


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
