"""The card on screen: front, then back, with the buttons of the current mode."""
from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedLayout,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..model import Topic
from ..scheduling import RATINGS
from ..study import Mode, QuizSession, Session
from .card_html import back_html, front_html
from .theme import Colors

SHEET_WIDTH = 760


class CardView(QWidget):
    reveal_requested = Signal()
    grade_requested = Signal(int)
    next_requested = Signal()
    previous_requested = Signal()
    card_link = Signal(str)
    tag_link = Signal(str)
    source_link = Signal(int)
    mode_requested = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("cardView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # where Escape from the search returns
        self.progress = QLabel(objectName="progressLabel")
        self.progress.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.browser = QTextBrowser(objectName="cardText")
        self.browser.setOpenLinks(False)
        self.browser.setFrameShape(QFrame.Shape.NoFrame)
        # Keys belong to the window's shortcuts (Space flips, arrows move), not to scrolling.
        self.browser.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.browser.anchorClicked.connect(self._on_link)
        self.sheet = QFrame(objectName="cardSheet")
        sheet_layout = QVBoxLayout(self.sheet)
        sheet_layout.setContentsMargins(28, 22, 28, 22)
        sheet_layout.addWidget(self.browser)
        self.sheet.setMaximumWidth(SHEET_WIDTH)

        self.done = QLabel(objectName="doneLabel")
        self.done.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.done.setWordWrap(True)
        self.done.setTextFormat(Qt.TextFormat.RichText)
        self.done.linkActivated.connect(lambda mode: self.mode_requested.emit(mode))

        self.pages = QStackedLayout()
        sheet_row = QWidget()
        row = QHBoxLayout(sheet_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        row.addWidget(self.sheet, 100)
        row.addStretch(1)
        self.pages.addWidget(sheet_row)
        self.pages.addWidget(self.done)

        self.reveal_button = QPushButton("Show answer  (Space)", objectName="revealButton")
        self.reveal_button.clicked.connect(self.reveal_requested)
        self.previous_button = QPushButton("◀  Previous", objectName="previousButton")
        self.previous_button.clicked.connect(self.previous_requested)
        self.next_button = QPushButton("Next  ▶", objectName="nextButton")
        self.next_button.clicked.connect(self.next_requested)
        self.grade_buttons = {}
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.previous_button)
        buttons.addWidget(self.reveal_button)
        for rating, name in RATINGS.items():
            button = QPushButton(name, objectName=f"grade{rating}")
            button.setToolTip(f"{name} (key {rating})")
            button.clicked.connect(lambda _=False, r=rating: self.grade_requested.emit(r))
            self.grade_buttons[rating] = button
            buttons.addWidget(button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        for button in [self.reveal_button, self.previous_button, self.next_button,
                       *self.grade_buttons.values()]:
            button.setMinimumHeight(38)
            button.setMinimumWidth(110)
            # Tab reaches them; a click does not take focus from the card, whose keys
            # (Space, 1-4) belong to the window's shortcuts.
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.reveal_button.setMinimumWidth(190)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 18)
        layout.addWidget(self.progress)
        layout.addLayout(self.pages, 1)
        layout.addLayout(buttons)

    def _on_link(self, url) -> None:
        scheme, _, rest = url.toString().partition(":")
        if scheme == "card":
            self.card_link.emit(rest)
        elif scheme == "source" and rest.isdigit():
            self.source_link.emit(int(rest))
        elif scheme == "tag":
            self.tag_link.emit(rest)

    def apply_colors(self, colors: Colors, point_size: float) -> None:
        self.sheet.setStyleSheet(
            f"#cardSheet {{ background: {colors.base}; border: 1px solid {colors.border};"
            f" border-radius: 14px; }}"
            f"#cardText {{ background: {colors.base}; color: {colors.text}; }}")
        font = self.browser.font()
        font.setPointSizeF(point_size)
        self.browser.document().setDefaultFont(font)

        self.done.setStyleSheet(f"color: {colors.muted}; font-size: {point_size + 2}pt;")

    def render(self, session: Session, topic: Topic | None, colors: Colors,
               done_lines: list[str] = (), flagged: bool = False,
               words: Sequence[str] = ()) -> None:
        """Draw the session's current card (topic: the card's topic), the search words
        marked; when the session is over, done_lines say what is left and when."""
        item = session.current
        if item is None:
            self.pages.setCurrentIndex(1)
            self.done.setText(self._done_text(session, colors, done_lines))
            for button in [self.reveal_button, self.previous_button, self.next_button,
                           *self.grade_buttons.values()]:
                button.hide()
            self.progress.setText("")
            return
        self.pages.setCurrentIndex(0)
        html = (back_html if session.revealed else front_html)(item, colors, topic, words)
        scroll = self.browser.verticalScrollBar().value() if session.revealed else 0
        self.browser.setHtml(html)
        self.browser.verticalScrollBar().setValue(scroll)
        self.progress.setText(session.progress_text() + ("  ·  ⚑ flagged" if flagged else ""))
        grading = session.revealed and session.grades
        self.reveal_button.setVisible(not session.revealed)
        self.previous_button.setVisible(session.steps)
        self.next_button.setVisible(session.steps or (session.mode is Mode.QUIZ
                                                       and not session.revealed))
        if session.steps:
            self.previous_button.setEnabled(session.position > 0)
            self.next_button.setEnabled(session.position + 1 < len(session.cards))
        else:
            self.next_button.setEnabled(True)
        labels = session.button_labels()
        for rating, button in self.grade_buttons.items():
            button.setVisible(grading)
            button.setText(f"{labels[rating]}")

    @staticmethod
    def _done_text(session: Session, colors: Colors, lines: list[str] = ()) -> str:
        link = f'style="color:{colors.accent}"'
        if not session.items and not lines:
            return ("No cards match.<br><span style='font-size:small'>Change the topic, the "
                    "kind or tag filters, or the search.</span>")
        if isinstance(session, QuizSession):
            missed = len(session.missed)
            again = (f"<a href='missed' {link}>Quiz the {missed} you missed</a> · "
                     if missed else "")
            return (f"{escape(session.label)} finished: you knew {session.tally.known} of "
                    f"{session.tally.seen}.<br><br>{again}<a href='quiz' {link}>Quiz again</a> · "
                    f"<a href='browse' {link}>Browse the cards</a>")
        said = "<br>".join(escape(line) for line in lines) or "All done for now: nothing is due."
        return (f"{said}<br><br>"
                f"<a href='quiz' {link}>Quiz yourself</a> (leaves the schedule alone) · "
                f"<a href='browse' {link}>Browse the cards</a> · "
                f"<a href='statistics' {link}>See statistics</a>")
