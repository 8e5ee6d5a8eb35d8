"""A seed article: the card's quote highlighted and scrolled into view, the passages every
card quotes, the paragraphs none does (marked, and on a bar beside the scroll bar), the
coverage figure, and the Suggestions panel beside it."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from ..model import Seed
from ..quotes import locate
from ..reading import ArticleMap
from .article_text import ArticleText
from .coverage_bar import CoverageBar
from .suggestions_panel import SuggestionsPanel
from .theme import Colors


class ArticleView(QWidget):
    back_requested = Signal()
    new_card_requested = Signal()
    quote_clicked = Signal(object)            # the QuoteSpan of a click on a quoted passage
    suggestions_toggled = Signal(bool)        # the header's Suggestions button

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel(objectName="articleTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.coverage = QLabel(objectName="articleCoverage")
        self.coverage.setTextFormat(Qt.TextFormat.PlainText)
        self.back = QPushButton("◀  Back to card", objectName="backToCard")
        self.back.setToolTip("Back to card (Esc)")
        self.back.clicked.connect(self.back_requested)
        self.back.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.suggest = QPushButton("Suggestions", objectName="toggleSuggestions", checkable=True)
        self.suggest.setToolTip("Show or hide draft cards for what no card quotes yet")
        self.suggest.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.suggest.toggled.connect(self.suggestions_toggled)
        self.new_card = QPushButton("New card from selection…", objectName="newCardFromSelection")
        self.new_card.setToolTip("Select a passage, then make a card that quotes it (Ctrl+Shift+N)")
        self.new_card.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.new_card.setEnabled(False)
        self.new_card.clicked.connect(self.new_card_requested)
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.title)
        heading.addWidget(self.coverage)
        header = QHBoxLayout()
        header.addWidget(self.back, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(heading, 1)
        header.addWidget(self.suggest, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.new_card, 0, Qt.AlignmentFlag.AlignTop)

        self.text = ArticleText()
        self.text.selectionChanged.connect(
            lambda: self.new_card.setEnabled(self.text.textCursor().hasSelection()))
        self.text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.text.customContextMenuRequested.connect(self._context_menu)
        self.text.passage_clicked.connect(self._clicked)
        self.bar = CoverageBar()
        self.bar.jump_requested.connect(self.text.scroll_to)
        reading = QWidget()
        beside = QHBoxLayout(reading)
        beside.setContentsMargins(0, 0, 0, 0)
        beside.setSpacing(2)
        beside.addWidget(self.text, 1)
        beside.addWidget(self.bar)
        self.panel = SuggestionsPanel()
        self.panel.previewed.connect(self.preview)
        self.panel.setVisible(False)
        self.split = QSplitter(Qt.Orientation.Horizontal, objectName="articleSplitter")
        self.split.addWidget(reading)
        self.split.addWidget(self.panel)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([700, 320])
        self.panel.setMinimumWidth(220)
        self.status = QLabel(objectName="articleStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.addLayout(header)
        layout.addWidget(self.split, 1)
        layout.addWidget(self.status)
        self.topic_id: str | None = None
        self.seed: Seed | None = None
        self.article = ""
        self.span: tuple[int, int] | None = None     # the card's quote, in code points
        self.map: ArticleMap | None = None

    def apply_colors(self, colors: Colors, point_size: float) -> None:
        font = self.text.font()
        font.setPointSizeF(point_size)
        self.text.document().setDefaultFont(font)
        self.title.setStyleSheet("font-weight: 600; font-size: 12pt;")
        self.coverage.setStyleSheet(f"color: {colors.muted};")
        self.text.set_colors(colors)

    # -- what is shown -----------------------------------------------------------

    def show_article(self, topic_id: str, seed: Seed, article: str, quote: str = "") -> bool:
        """Show the article, with the quote (if any) highlighted and in view; False when
        the quote is not in it."""
        same = (topic_id, seed, article) == (self.topic_id, self.seed, self.article)
        self.topic_id, self.seed = topic_id, seed
        self.title.setText(seed.label)
        if not same:
            self.article = article
            self.text.set_article(article)
            self.set_map(None, "Measuring coverage…")
        self.span = locate(article, quote) if quote else None
        self.text.set_quote(self.span)
        if quote and self.span is None:
            self.status.setText("This quote is not in the article as it is now; "
                                "run briefing check to see why.")
            return False
        if self.span is None:
            self.status.setText("Select a passage to make a card of it; click a highlighted "
                                "passage to open its card.")
            return True
        start, end = self.span
        self.text.scroll_to(start)
        # Once the page is laid out (it may have just been switched to), place the quote
        # properly: before that the viewport's height is not known.
        QTimer.singleShot(0, lambda: self.span and self.text.scroll_to(self.span[0]))
        self.status.setText(f"The card's quote is highlighted: {self._place(start)}. "
                            "Click any highlighted passage to open its card.")
        return True

    def _place(self, offset: int) -> str:
        share = round(100 * offset / max(1, len(self.article)))
        return f"{share}% of the way into the article"

    def set_map(self, article_map: ArticleMap | None, note: str = "") -> None:
        """The quotes of every card and the unquoted paragraphs (None while measuring)."""
        self.map = article_map
        self.text.set_map(article_map)
        self.bar.set_map(article_map)
        self.coverage.setText(article_map.summary if article_map is not None else note)

    def preview(self, suggestion) -> None:
        """Show a suggestion's quote in the article (None: stop showing one)."""
        span = (suggestion.start, suggestion.end) if suggestion is not None else None
        self.text.set_preview(span)
        if span is not None:
            self.text.scroll_to(span[0])

    def show_suggestions(self, shown: bool) -> None:
        self.panel.setVisible(shown)
        self.suggest.blockSignals(True)
        self.suggest.setChecked(shown)
        self.suggest.blockSignals(False)
        if not shown:
            self.text.set_preview(None)

    # -- the user's actions --------------------------------------------------------

    def _clicked(self, offset: int) -> None:
        quotes = self.map.quotes_at(offset) if self.map is not None else []
        if quotes:
            self.quote_clicked.emit(quotes[0])

    def _context_menu(self, position) -> None:
        menu = self.text.createStandardContextMenu()
        menu.addSeparator()
        action = menu.addAction("New card from selection…")
        action.setEnabled(self.text.textCursor().hasSelection())
        action.triggered.connect(self.new_card_requested)
        menu.exec(self.text.viewport().mapToGlobal(position))

    def selected_text(self) -> str:
        return self.text.selected_text()
