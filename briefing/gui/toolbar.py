"""The toolbar: the four modes as buttons, and the search box."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QSizePolicy, QToolBar, QWidget

MODE_ACTIONS = ("study", "browse", "quiz", "statistics")
SEARCH_PAUSE_MS = 150  # typing "pragmatism" should not rebuild the deck ten times


def mode_toolbar(actions: dict[str, QAction], search: QLineEdit) -> QToolBar:
    toolbar = QToolBar("Modes", objectName="modesToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for name in MODE_ACTIONS:
        action = actions[name]
        toolbar.addAction(action)
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{action.text().replace('&', '')} ({keys})")
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    toolbar.addWidget(spacer)
    toolbar.addWidget(search)
    return toolbar


def search_box(window) -> tuple[QLineEdit, QTimer]:
    """The search box, which asks window.apply_search() once typing pauses or on Enter."""
    search = QLineEdit(objectName="search")
    search.setPlaceholderText("Search cards: title, front, back, quotes  (Ctrl+F)")
    search.setClearButtonEnabled(True)
    search.setMinimumWidth(320)
    timer = QTimer(window, singleShot=True, interval=SEARCH_PAUSE_MS)
    timer.timeout.connect(window.apply_search)
    search.textChanged.connect(lambda _text: timer.start())
    search.returnPressed.connect(window.apply_search)
    return search, timer
