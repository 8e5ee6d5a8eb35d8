"""A file changed on disk while the user has unsaved edits to it: keep mine, take theirs,
or compare."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
)

from ..textdiff import CHANGED, ONLY_LEFT, ONLY_RIGHT, side_by_side, summary

# Marks that read on light and dark: translucent, over the pane's own background.
MARKS = {CHANGED: QColor(255, 196, 0, 70), ONLY_LEFT: QColor(60, 180, 90, 70),
         ONLY_RIGHT: QColor(60, 130, 230, 70), "gap": QColor(128, 128, 128, 45)}


class ConflictDialog(QDialog):
    MINE, THEIRS = "mine", "theirs"

    def __init__(self, parent, path: Path, mine: str, theirs: str):
        super().__init__(parent)
        self.setWindowTitle(f"{path.name} changed on disk")
        self.choice = self.MINE
        question = QLabel(f"<b>{path.name}</b> was changed by another program, and you have "
                          "unsaved edits to it here. Which version do you want?<br>If you take "
                          "the disk version, your edits are kept in a file in the data folder.")
        question.setWordWrap(True)
        rows = side_by_side(mine, theirs)
        self.mine_view = self._pane([(r.left, r.kind) for r in rows], "mineText")
        self.theirs_view = self._pane([(r.right, r.kind) for r in rows], "theirsText")
        self.diff = QLabel(summary(rows), objectName="diffSummary")
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
    def _pane(lines: list[tuple[str | None, str]], name: str) -> QPlainTextEdit:
        """One side, row for row with the other (an empty row where it lacks a line), the
        rows that differ marked, long lines wrapped rather than cut."""
        view = QPlainTextEdit("\n".join(line or "" for line, _kind in lines), objectName=name)
        view.setReadOnly(True)  # selectable: copy a passage across before choosing
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        selections = []
        for number, (line, kind) in enumerate(lines):
            colour = MARKS["gap"] if line is None else MARKS.get(kind)
            if colour is None:
                continue
            selection = QTextEdit.ExtraSelection()
            selection.cursor = QTextCursor(view.document().findBlockByNumber(number))
            selection.format.setBackground(colour)
            selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            selections.append(selection)
        view.setExtraSelections(selections)
        return view

    def marked_rows(self, view: QPlainTextEdit) -> list[int]:
        """The rows a pane marks as differing (for tests and screen readers alike)."""
        return sorted(s.cursor.blockNumber() for s in view.extraSelections())

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
