"""A file changed on disk while the user has unsaved edits to it: keep mine, take theirs, or compare."""
from __future__ import annotations

import difflib
from pathlib import Path

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPlainTextEdit,
                               QPushButton, QVBoxLayout)


class ConflictDialog(QDialog):
    MINE, THEIRS = "mine", "theirs"

    def __init__(self, parent, path: Path, mine: str, theirs: str):
        super().__init__(parent)
        self.setWindowTitle(f"{path.name} changed on disk")
        self.choice = self.MINE
        question = QLabel(f"<b>{path.name}</b> was changed by another program, and you have unsaved "
                          "edits to it here. Which version do you want?<br>If you take the disk "
                          "version, your edits are kept in a file in the data folder.")
        question.setWordWrap(True)
        self.mine_view = self._pane(mine, "mineText")
        self.theirs_view = self._pane(theirs, "theirsText")
        self.diff = QLabel(self._diff_summary(mine, theirs), objectName="diffSummary")
        self.compare = QHBoxLayout()
        for caption, view in (("Your edits (unsaved)", self.mine_view),
                              ("On disk (the other program's)", self.theirs_view)):
            column = QVBoxLayout()
            column.addWidget(QLabel(f"<b>{caption}</b>"))
            column.addWidget(view)
            self.compare.addLayout(column)
        self.buttons = QDialogButtonBox()
        keep = self.buttons.addButton("Keep mine", QDialogButtonBox.ButtonRole.AcceptRole)
        take = self.buttons.addButton("Take theirs", QDialogButtonBox.ButtonRole.DestructiveRole)
        self.show_both = QPushButton("Show both", objectName="showBoth")
        self.buttons.addButton(self.show_both, QDialogButtonBox.ButtonRole.ActionRole)
        keep.setObjectName("keepMine")
        take.setObjectName("takeTheirs")
        keep.clicked.connect(lambda: self._choose(self.MINE))
        take.clicked.connect(lambda: self._choose(self.THEIRS))
        self.show_both.clicked.connect(self.reveal_both)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addLayout(self.compare, 1)
        layout.addWidget(self.diff)
        layout.addWidget(self.buttons)
        self._set_compare_visible(False)
        self.resize(560, 180)

    @staticmethod
    def _pane(text: str, name: str) -> QPlainTextEdit:
        view = QPlainTextEdit(text, objectName=name)
        view.setReadOnly(True)  # selectable: copy a passage across before choosing
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        return view

    @staticmethod
    def _diff_summary(mine: str, theirs: str) -> str:
        diff = [line for line in difflib.unified_diff(theirs.splitlines(), mine.splitlines(),
                                                      lineterm="", n=0)
                if line[:1] in "+-" and not line.startswith(("+++", "---"))]
        added = sum(1 for line in diff if line.startswith("+"))
        return f"Your version differs from the disk version in {len(diff)} lines ({added} yours only)."

    def _set_compare_visible(self, visible: bool) -> None:
        for view in (self.mine_view, self.theirs_view):
            view.setVisible(visible)
        for index in range(self.compare.count()):
            column = self.compare.itemAt(index).layout()
            column.itemAt(0).widget().setVisible(visible)
        self.show_both.setEnabled(not visible)

    def reveal_both(self) -> None:
        self._set_compare_visible(True)
        self.resize(1000, 620)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    @classmethod
    def ask(cls, parent, path: Path, mine: str, theirs: str) -> str:
        dialog = cls(parent, path, mine, theirs)
        dialog.exec()
        return dialog.choice  # closing the dialog keeps the user's own text
