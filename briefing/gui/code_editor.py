"""A plain-text YAML editor: line numbers, syntax colours, and problems underlined."""
from __future__ import annotations

import re

from PySide6.QtCore import QRect, QSize, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPainter,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from .theme import LIGHT, Colors


def _format(color: str, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontItalic(italic)
    return fmt


class YamlHighlighter(QSyntaxHighlighter):
    """Colours a line's key, its value when it is quoted or a number or constant,
    list dashes, anchors and tags, and comments. Plain text (a card's prose,
    apostrophes and years included) stays plain, as YAML reads it."""

    KEY = re.compile(r"^(\s*(?:-\s+)*)([^\s#:'\"\-][^#:]*?|\"[^\"]*\"|'[^']*')\s*:(?=\s|$)")
    DASH = re.compile(r"^\s*(-)(?=\s|$)")
    QUOTED = re.compile(r"\"(?:[^\"\\]|\\.)*\"?|'(?:[^']|'')*'?")
    NUMBER = re.compile(r"[-+]?(?:\d[\d_]*)(?:\.\d+)?$")
    CONSTANT = re.compile(r"(?:true|false|null|yes|no|~)$", re.IGNORECASE)
    SPECIAL = re.compile(r"(?:[&*][\w-]+|!!?[\w/:.-]*)\s*")
    COMMENT = re.compile(r"(?:^|\s)(#.*)$")

    CHUNK = 300  # blocks coloured per idle step: each step stays well under a frame

    def __init__(self, document, colors: Colors = LIGHT):
        super().__init__(document)
        self.colors: Colors | None = None
        self.skip = False       # while a whole file is loaded: colour it later, in steps
        self._next = None       # the next block the background pass colours
        self._first = None      # the block the pass started from (the first visible one)
        self._wrapped = False   # the pass went on from the top after the end
        self._steps = QTimer(self, interval=0)
        self._steps.timeout.connect(self._step)
        self.set_colors(colors)

    def set_colors(self, colors: Colors) -> None:
        if colors == self.colors:
            return  # the same look: nothing to redo (a whole file took seconds)
        self.colors = colors
        self.formats = {
            "key": _format(colors.kind("actor"), bold=True),
            "string": _format(colors.kind("objective")),
            "number": _format(colors.kind("figure")),
            "constant": _format(colors.kind("figure"), italic=True),
            "special": _format(colors.accent, italic=True),
            "comment": _format(colors.muted, italic=True),
            "dash": _format(colors.muted, bold=True),
        }
        self.colour_in_background()

    def colour_in_background(self, first=None) -> None:
        """Colour every block in idle steps, starting where the user looks (first), so a
        10,000-card file opens at once instead of after seconds of colouring."""
        document = self.document()
        if document is None:
            return
        self._first = first if first is not None and first.isValid() else document.begin()
        self._next = self._first
        self._wrapped = self._first == document.begin()
        self._steps.start()

    @property
    def colouring(self) -> bool:
        return self._steps.isActive()

    def _step(self) -> None:
        document = self.document()
        for _ in range(self.CHUNK):
            if self._next is None or not self._next.isValid():
                if self._wrapped or document is None:
                    self._steps.stop()
                    return
                self._wrapped, self._next = True, document.begin()
            if self._wrapped and self._next == self._first and self._first != document.begin():
                self._steps.stop()
                return
            self.rehighlightBlock(self._next)
            self._next = self._next.next()

    # A value that opens a block scalar (`back: >-`, `text: |`): the lines below it, indented
    # deeper, are its text, even where they hold ": ".
    BLOCK_SCALAR = re.compile(r"[|>][-+0-9]*\s*(?:#.*)?$")

    def highlightBlock(self, text: str) -> None:
        if self.skip:
            return  # loading: the background pass colours it
        indent = len(text) - len(text.lstrip(" "))
        inside = self.previousBlockState()  # the indentation of the key that opened it, or -1
        if inside >= 0 and (not text.strip() or indent > inside):
            self.setCurrentBlockState(inside)
            return  # prose: plain, as YAML reads it
        self.setCurrentBlockState(-1)
        start = 0
        dash = self.DASH.match(text)
        if dash:
            self.setFormat(dash.start(1), 1, self.formats["dash"])
            start = dash.end()
        key = self.KEY.match(text)
        if key:
            self.setFormat(key.start(2), key.end(2) - key.start(2), self.formats["key"])
            start = key.end()
            if self.BLOCK_SCALAR.match(text[start:].strip()):
                self.setCurrentBlockState(key.start(2))
        value_start = len(text) - len(text[start:].lstrip())
        special = self.SPECIAL.match(text, value_start)
        if special and special.end() > value_start:
            self.setFormat(value_start, special.end() - value_start, self.formats["special"])
            value_start = special.end()
        comment_from = self._comment_start(text, value_start)
        value = text[value_start:comment_from].rstrip()
        if value and value[0] in "\"'":
            quoted = self.QUOTED.match(text, value_start)
            self.setFormat(value_start, quoted.end() - value_start, self.formats["string"])
        elif self.NUMBER.match(value):
            self.setFormat(value_start, len(value), self.formats["number"])
        elif self.CONSTANT.match(value):
            self.setFormat(value_start, len(value), self.formats["constant"])
        if comment_from < len(text):
            self.setFormat(comment_from, len(text) - comment_from, self.formats["comment"])

    def _comment_start(self, text: str, value_start: int) -> int:
        """Where a # comment begins, skipping a quoted value that may contain #."""
        search_from = value_start
        if text[value_start:value_start + 1] in ("\"", "'"):
            quoted = self.QUOTED.match(text, value_start)
            search_from = quoted.end()
        match = self.COMMENT.search(text, search_from)
        if match is None and search_from == 0 and text.lstrip().startswith("#"):
            return len(text) - len(text.lstrip())
        return match.start(1) if match else len(text)


class _Gutter(QWidget):
    def __init__(self, editor: CodeEditor):
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:
        return QSize(self.editor.gutter_width(), 0)

    def paintEvent(self, event) -> None:
        self.editor.paint_gutter(event)


class CodeEditor(QPlainTextEdit):
    """QPlainTextEdit with a line-number gutter and problem underlines."""

    def __init__(self, parent=None):
        super().__init__(parent)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.setFont(font)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTabChangesFocus(False)
        self.colors = LIGHT
        self.problem_lines: dict[int, str] = {}  # 1-based line -> message
        self._columns: dict[int, int] = {}
        self.gutter = _Gutter(self)
        self.highlighter = YamlHighlighter(self.document())
        self.blockCountChanged.connect(lambda _: self._fit_gutter())
        self.updateRequest.connect(self._scroll_gutter)
        self._fit_gutter()

    def load_text(self, text: str, later: bool = False) -> None:
        """Show a file's text: at once, its colours following in the background. later:
        in a coming turn of the event loop, or when first needed (shown, read, gone to),
        so a topic of many big files shows its first one at once."""
        if later:
            self._pending = text
            QTimer.singleShot(0, self.ensure_loaded)
            return
        self._pending = None
        self.highlighter.skip = True
        self._loading = True  # the gutter is redrawn once, not once per block
        try:
            self.setPlainText(text)
        finally:
            self.highlighter.skip = False
            self._loading = False
        self.gutter.update()
        self.highlighter.colour_in_background(self.firstVisibleBlock())

    _loading = False
    _pending: str | None = None

    def ensure_loaded(self) -> None:
        if self._pending is not None:
            self.load_text(self._pending)
            self.show_problems(self.problem_lines, self._columns)

    def showEvent(self, event) -> None:
        self.ensure_loaded()
        super().showEvent(event)

    def set_colors(self, colors: Colors, point_size: float) -> None:
        self.colors = colors
        self.highlighter.set_colors(colors)
        font = self.font()
        font.setPointSizeF(max(point_size - 1, 7))
        self.setFont(font)
        self._fit_gutter()
        self.show_problems(self.problem_lines, self._columns)

    # Tabs are not indentation in YAML: the Tab key types two spaces instead.
    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Tab and not event.modifiers():
            self.insertPlainText("  ")
            return
        super().keyPressEvent(event)

    def gutter_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        return 14 + self.fontMetrics().horizontalAdvance("9") * max(digits, 3)

    def _fit_gutter(self) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _scroll_gutter(self, rect, dy) -> None:
        if self._loading:
            return
        if dy:
            self.gutter.scroll(0, dy)
        else:
            self.gutter.update(0, rect.y(), self.gutter.width(), rect.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        area = self.contentsRect()
        self.gutter.setGeometry(QRect(area.left(), area.top(), self.gutter_width(), area.height()))

    def paint_gutter(self, event) -> None:
        painter = QPainter(self.gutter)
        painter.fillRect(event.rect(), QColor(self.colors.quote))
        block = self.firstVisibleBlock()
        number = block.blockNumber() + 1
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():
            if block.isVisible():
                problem = number in self.problem_lines
                painter.setPen(QColor("#d9443a" if problem else self.colors.muted))
                painter.drawText(0, top, self.gutter.width() - 6, height,
                                 Qt.AlignmentFlag.AlignRight, str(number))
            top += round(self.blockBoundingRect(block).height())
            block = block.next()
            number += 1
        painter.end()

    def show_problems(self, lines: dict[int, str], columns: dict[int, int] | None = None) -> None:
        """Underline each problem line from its column to the end, with a wavy red line."""
        self.problem_lines = dict(lines)
        self._columns = dict(columns or {})
        selections = []
        for line in sorted(lines):
            block = self.document().findBlockByNumber(line - 1)
            if not block.isValid():
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(block)
            column = max(self._columns.get(line, 1) - 1, 0)
            cursor.setPosition(block.position() + min(column, max(block.length() - 1, 0)))
            cursor.setPosition(block.position() + max(block.length() - 1, 0),
                               QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor("#d9443a"))
            fmt.setToolTip(lines[line])
            if block.length() <= 1:  # an empty line: mark the whole line instead
                fmt.setBackground(QColor(255, 80, 60, 40))
                fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)
        self.gutter.update()

    def go_to(self, line: int, col: int = 1) -> None:
        self.ensure_loaded()
        block = self.document().findBlockByNumber(max(line - 1, 0))
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + min(max(col - 1, 0), max(block.length() - 1, 0)))
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus()

    def plain_text(self) -> str:
        """The text exactly as typed: no-break spaces kept, paragraph marks as newlines."""
        if self._pending is not None:
            return self._pending
        raw = self.document().toRawText()
        return raw.replace("\u2029", "\n").replace("\u2028", "\n")
