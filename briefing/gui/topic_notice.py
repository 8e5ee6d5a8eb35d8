"""The band above the card that says a topic has problems while its good cards are studied:
how many, and links to the list of problems and to the editor at the first one."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel

from ..model import Problem, Topic
from ..wording import plural
from .theme import Colors


class TopicNotice(QLabel):
    show_problems = Signal()    # the problems page
    edit_problem = Signal(object)  # a Problem: the editor at its line

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("topicNotice")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.linkActivated.connect(self._link)
        self.problems: list[Problem] = []
        self.colors: Colors | None = None
        self.hide()

    def restyle(self, colors: Colors) -> None:
        self.colors = colors
        self.setStyleSheet(f"background: {colors.quote}; color: {colors.text}; "
                           f"padding: 6px 14px; border-bottom: 1px solid {colors.border};")

    def say(self, topics: list[Topic], problems: list[Problem]) -> None:
        """The topics shown, and problems of the folders themselves (a topic left out)."""
        self.problems = [p for t in topics for p in t.problems] + list(problems)
        if not self.problems:
            self.hide()
            return
        link = f'style="color:{self.colors.accent if self.colors else "#2c5fb3"}"'
        broken = [t for t in topics if t.problems]
        if len(topics) == 1 and broken:
            topic = broken[0]
            what = (f"⚠ <b>{escape(topic.title)}</b> has "
                    f"{plural(len(topic.problems), 'problem')}; the "
                    f"{plural(len(topic.cards), 'card')} that loaded can be studied.")
        else:
            what = (f"⚠ {plural(len(self.problems), 'problem')} in "
                    f"{plural(len(broken), 'topic') if broken else 'the folders opened'}; "
                    "the cards that loaded can be studied.")
        self.setText(f"{what} &nbsp;<a href='list' {link}>Show the problems</a> · "
                     f"<a href='edit' {link}>Edit at the first one</a>")
        self.show()

    def _link(self, target: str) -> None:
        if target == "list":
            self.show_problems.emit()
        elif self.problems:
            self.edit_problem.emit(self.problems[0])
