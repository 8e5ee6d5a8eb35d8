"""The article's text: the card's quote, every passage a card quotes, a suggestion being
looked at, and a mark beside each paragraph no card quotes.

A QPlainTextEdit lays out only what is shown, so a 16 MB seed opens in a
fraction of a second (QTextEdit laid out all of it: 10 s). Highlights are made
only for the part on screen and a margin around it, never more than a few
hundred. Offsets from the core are code points; Qt's are UTF-16 units.
"""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from ..reading import ArticleMap
from ..text_offsets import Utf16Offsets
from .theme import LIGHT, Colors

MARGIN = 4000       # characters either side of the screen that get their highlights made
MOST_QUOTES = 400   # highlights made at once, at most
UNQUOTED = "#d9822b"  # the mark beside a paragraph no card quotes, in either theme
STRIPE = 4          # its width in pixels
CLICK_SLOP = 4      # pixels the mouse may move and still click rather than select


class ArticleText(QPlainTextEdit):
    passage_clicked = Signal(int)   # the offset (code points) of a plain click in the text

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("articleText")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(STRIPE + 8)
        self.offsets = Utf16Offsets("")
        self.map: ArticleMap | None = None
        self.quote: tuple[int, int] | None = None      # the card's quote
        self.preview: tuple[int, int] | None = None    # the suggestion being looked at
        self.colors: Colors = LIGHT
        self._made_for: tuple[int, int] | None = None   # the range the highlights cover
        self._pressed: QPoint | None = None
        self._update = QTimer(self, singleShot=True, interval=0)
        self._update.timeout.connect(self._highlight_visible)
        self.verticalScrollBar().valueChanged.connect(lambda _value: self._follow_scroll())

    # -- what is shown -------------------------------------------------------------

    def set_article(self, text: str) -> None:
        self.offsets = Utf16Offsets(text)
        self.map, self.quote, self.preview = None, None, None
        self.setPlainText(text)
        self.redraw()

    def set_map(self, article_map: ArticleMap | None) -> None:
        self.map = article_map
        self.redraw()

    def set_quote(self, span: tuple[int, int] | None) -> None:
        self.quote = span
        self.redraw()

    def set_preview(self, span: tuple[int, int] | None) -> None:
        self.preview = span
        self.redraw()

    def set_colors(self, colors: Colors) -> None:
        self.colors = colors
        self.redraw()

    def redraw(self) -> None:
        self._made_for = None
        self._highlight_visible()
        self.viewport().update()

    def cursor_for(self, start: int, end: int | None = None) -> QTextCursor:
        """A cursor at a code point offset, or selecting start..end."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_utf16(start))
        if end is not None:
            cursor.setPosition(self.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def scroll_to(self, offset: int) -> None:
        """Bring the offset to the upper third of the view, not the bottom edge."""
        self.setTextCursor(self.cursor_for(offset))
        self.ensureCursorVisible()
        # The scroll bar counts lines: move it by the lines between here and a third down.
        line = max(1, self.cursorRect().height())  # the document's font, not the widget's
        lines = (self.cursorRect().top() - self.viewport().height() // 3) // line
        bar = self.verticalScrollBar()
        bar.setValue(max(0, bar.value() + lines))

    def selected_text(self) -> str:
        return self.textCursor().selectedText().replace("\u2029", "\n")

    def visible_range(self) -> tuple[int, int]:
        """The code point offsets of the first and past the last character on screen."""
        first = self.firstVisibleBlock().position()
        corner = QPoint(self.viewport().width(), self.viewport().height())
        last = self.cursorForPosition(corner).position()
        return self.offsets.from_utf16(first), self.offsets.from_utf16(last) + 1

    # -- highlights -------------------------------------------------------------------

    def _follow_scroll(self) -> None:
        if self._made_for is None:
            return
        start, end = self.visible_range()
        if not (self._made_for[0] <= start and end <= self._made_for[1]):
            self._update.start()

    def resizeEvent(self, event) -> None:
        # A new width wraps the lines anew; keep the text that was at the top there (the
        # scroll bar counts lines, so it alone would land somewhere else).
        top = self.cursorForPosition(QPoint(0, 0))
        super().resizeEvent(event)
        if self.document().characterCount() > 1:
            rect = self.cursorRect(top)
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + rect.top() // max(1, rect.height()))
        self._made_for = None
        self._update.start()

    def _highlight_visible(self) -> None:
        start, end = self.visible_range()
        around = (max(0, start - MARGIN), end + MARGIN)
        selections = []
        if self.map is not None:
            for left, right, span in self.map.segments_in(*around, MOST_QUOTES):
                selections.append(self._selection(left, right, self._tint(span.kind)))
        if self.preview is not None:
            selections.append(self._selection(*self.preview, self._preview_format()))
        if self.quote is not None:
            selections.append(self._selection(*self.quote, self._quote_format()))
        self.setExtraSelections(selections)
        self._made_for = around

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = self.cursor_for(start, end)
        selection.format = fmt
        return selection

    def _tint(self, kind: str) -> QTextCharFormat:
        color = QColor(self.colors.kind(kind) if kind != "judgment" else self.colors.muted)
        color.setAlpha(70 if self.colors.dark else 45)
        fmt = QTextCharFormat()
        fmt.setBackground(color)
        return fmt

    def _quote_format(self) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(self.colors.highlight))
        fmt.setForeground(QColor(self.colors.text))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor(self.colors.text))
        return fmt

    def _preview_format(self) -> QTextCharFormat:
        color = QColor(self.colors.accent)
        color.setAlpha(60)
        fmt = QTextCharFormat()
        fmt.setBackground(color)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor(self.colors.accent))
        return fmt

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.map is None or not self.map.uncovered:
            return
        painter = QPainter(self.viewport())
        offset, height = self.contentOffset(), self.viewport().height()
        block = self.firstVisibleBlock()
        while block.isValid():
            box = self.blockBoundingGeometry(block).translated(offset)
            if box.top() > height:
                break
            start = self.offsets.from_utf16(block.position())
            end = self.offsets.from_utf16(block.position() + block.length())
            if block.length() > 1 and self.map.uncovered_in(start, end, 1):
                painter.fillRect(0, int(box.top()), STRIPE, int(box.height()) + 1,
                                 QColor(UNQUOTED))
            block = block.next()
        painter.end()

    # -- clicks -----------------------------------------------------------------------

    def mousePressEvent(self, event) -> None:
        self._pressed = event.position().toPoint() \
            if event.button() == Qt.MouseButton.LeftButton else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        pressed, self._pressed = self._pressed, None
        at = event.position().toPoint()
        if pressed is None or (at - pressed).manhattanLength() > CLICK_SLOP \
                or self.textCursor().hasSelection():
            return  # a drag: the user is selecting a passage
        self.passage_clicked.emit(self.offsets.from_utf16(self.cursorForPosition(at).position()))

    def mouseMoveEvent(self, event) -> None:
        super().mouseMoveEvent(event)
        if event.buttons() != Qt.MouseButton.NoButton or self.map is None:
            return
        at = self.offsets.from_utf16(self.cursorForPosition(event.position().toPoint()).position())
        over = bool(self.map.quotes_at(at))
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if over
                                  else Qt.CursorShape.IBeamCursor)
