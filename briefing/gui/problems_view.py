"""The problems of a topic that failed validation, each as file:line:col: message."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..model import Problem, Topic
from ..wording import plural

PROBLEM_ROLE = Qt.ItemDataRole.UserRole


class ProblemsView(QWidget):
    problem_activated = Signal(object)  # a Problem: the editor jumps to it

    def __init__(self, parent=None):
        super().__init__(parent)
        self.heading = QLabel(objectName="problemsHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # a title is text, never markup
        self.explain = QLabel(objectName="problemsExplain")
        self.explain.setWordWrap(True)
        self.list = QListWidget(objectName="problemList")
        self.list.itemActivated.connect(self._activated)
        self.list.itemDoubleClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.heading)
        layout.addWidget(self.explain)
        layout.addWidget(self.list, 1)

    def show_problems(self, topic: Topic | None, problems: list[Problem]) -> None:
        name = topic.title if topic else "The folder"
        count = len(problems)
        self.heading.setText(f"⚠ {name}: {plural(count, 'problem')}")
        self.heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        cards = (f" The {plural(len(topic.cards), 'card')} that loaded can still be studied."
                 if topic and topic.cards else "")
        self.explain.setText("Fix these in the topic's YAML files, then reload (F5). Other topics "
                             "are not affected." + cards)
        self.list.clear()
        for problem in problems:
            item = QListWidgetItem(str(problem))
            item.setData(PROBLEM_ROLE, problem)
            self.list.addItem(item)

    def _activated(self, item) -> None:
        self.problem_activated.emit(item.data(PROBLEM_ROLE))
