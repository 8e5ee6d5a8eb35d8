"""A seed article, with a card's quote highlighted and scrolled into view."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QTextEdit, QVBoxLayout,
                               QWidget)

from ..model import Seed
from ..quotes import locate
from .theme import Colors


class ArticleView(QWidget):
    back_requested = Signal()
    new_card_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel(objectName="articleTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.back = QPushButton("◀  Back to card", objectName="backToCard")
        self.back.setToolTip("Back to card (Esc)")
        self.back.clicked.connect(self.back_requested)
        self.back.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.new_card = QPushButton("New card from selection…", objectName="newCardFromSelection")
        self.new_card.setToolTip("Select a passage, then make a card that quotes it (Ctrl+Shift+N)")
        self.new_card.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.new_card.setEnabled(False)
        self.new_card.clicked.connect(self.new_card_requested)
        header = QHBoxLayout()
        header.addWidget(self.back)
        header.addWidget(self.title, 1)
        header.addWidget(self.new_card)
        self.text = QTextEdit(objectName="articleText")
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.selectionChanged.connect(
            lambda: self.new_card.setEnabled(self.text.textCursor().hasSelection()))
        self.text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.text.customContextMenuRequested.connect(self._context_menu)
        self.status = QLabel(objectName="articleStatus")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.addLayout(header)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.status)
        self.seed: Seed | None = None
        self.span: tuple[int, int] | None = None
        self._colors: Colors | None = None

    def apply_colors(self, colors: Colors, point_size: float) -> None:
        self._colors = colors
        font = self.text.font()
        font.setPointSizeF(point_size)
        self.text.document().setDefaultFont(font)
        self.title.setStyleSheet("font-weight: 600; font-size: 12pt;")
        if self.span:
            self._highlight()

    def show_quote(self, seed: Seed, article: str, quote: str) -> bool:
        """Show the article with the quote highlighted; False when the quote is not in it."""
        self.seed = seed
        self.title.setText(seed.label)
        self.text.setPlainText(article)
        self.span = locate(article, quote)
        if self.span is None:
            self.text.setExtraSelections([])
            self.status.setText("This quote is not in the article as it is now; "
                                "run briefing check to see why.")
            return False
        self._highlight()
        start, end = self.span
        self.status.setText(f"Quote highlighted: characters {start}–{end} of {len(article)}.")
        return True

    def _highlight(self) -> None:
        start, end = self.span
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        colors = self._colors
        fmt.setBackground(QColor(colors.highlight if colors else "#ffe27a"))
        if colors:
            fmt.setForeground(QColor(colors.text))
        selection.cursor = cursor
        selection.format = fmt
        self.text.setExtraSelections([selection])
        self._scroll_to(start)
        # Once the page is laid out (it may have just been switched to), place
        # the quote properly: before that the viewport's height is not known.
        QTimer.singleShot(0, lambda: self.span and self._scroll_to(self.span[0]))

    def _scroll_to(self, position: int) -> None:
        """Bring the quote to the upper third of the view, not the bottom edge."""
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(position)
        self.text.setTextCursor(cursor)
        bar = self.text.verticalScrollBar()
        top = self.text.cursorRect(cursor).top() + bar.value()
        bar.setValue(max(0, top - self.text.viewport().height() // 3))

    def _context_menu(self, position) -> None:
        menu = self.text.createStandardContextMenu()
        menu.addSeparator()
        action = menu.addAction("New card from selection…")
        action.setEnabled(self.text.textCursor().hasSelection())
        action.triggered.connect(self.new_card_requested)
        menu.exec(self.text.viewport().mapToGlobal(position))

    def selected_text(self) -> str:
        return self.text.textCursor().selectedText().replace("\u2029", "\n")
