"""The toolbar: the four modes as buttons, then the search box at the right."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QSizePolicy, QToolBar, QWidget

MODE_ACTIONS = ("study", "browse", "quiz", "statistics")


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
