"""The card table shown while browsing or searching: kind, title, topic and study figures,
sortable by any column. A model over the Qt-free BrowseTable, so 50,000 cards open at once:
rows have one fixed height, cells are asked for only when drawn, no row has a widget."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QTextEdit,
)

from ..card_figures import StudyFigures
from ..model import KINDS, Card
from ..study import Mode, StudyController
from ..study.browse_table import COLUMNS, BrowseTable, Column
from .theme import Colors
from .title_delegate import TitleDelegate

CARD_ROLE = Qt.ItemDataRole.UserRole
_ROOT = QModelIndex()
_DISPLAY, _TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_COLOR = Qt.ItemDataRole.ForegroundRole
# What the columns that do not stretch must have room for, beside their headings.
SAMPLES = {Column.KIND: "Key figure", Column.DUE: "30 Nov 2026",
           Column.INTERVAL: "11.5mo", Column.REVIEWS: "000", Column.LAPSES: "00"}
ROOM = 26  # the cell's margins and the sort arrow
TOPIC_CHARACTERS = 22  # the topic column at its widest, in digits: the title needs the room more


class CardTableModel(QAbstractTableModel):
    def __init__(self, table: BrowseTable, parent=None):
        super().__init__(parent)
        self.table = table
        self.kind_colors: dict[str, QColor] = {}

    def set_cards(self, cards: list[Card]) -> list[Card]:
        self.beginResetModel()
        order = self.table.set_cards(cards)
        self.endResetModel()
        return order

    def figures_changed(self) -> None:
        if self.table.cards:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.table.cards) - 1,
                                                                len(COLUMNS) - 1))

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.table.cards)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index, role=_DISPLAY):
        if role == _DISPLAY:
            return self.table.text(index.row(), COLUMNS[index.column()])
        if role == _TOOLTIP:  # the whole text, however narrow the column
            column = COLUMNS[index.column()]
            if column is Column.TOPIC:
                return self.table.text(index.row(), column)
            card = self.table.cards[index.row()]
            return f"{card.title}\n{card.front}"
        if role == _ALIGN and COLUMNS[index.column()].numeric:
            return _RIGHT
        if role == _COLOR and COLUMNS[index.column()] is Column.KIND:  # as on the card
            return self.kind_colors.get(self.table.cards[index.row()].kind)
        if role == CARD_ROLE:
            return self.table.cards[index.row()]
        return None

    def headerData(self, section, orientation, role=_DISPLAY):
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section].value
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        kept = [(index, index.data(CARD_ROLE)) for index in self.persistentIndexList()]
        self.table.sort(COLUMNS[column] if 0 <= column < len(COLUMNS) else None,
                        order == Qt.SortOrder.DescendingOrder)
        for index, card in kept:
            row = self.table.row_of(card)
            self.changePersistentIndex(index, QModelIndex() if row is None
                                       else self.index(row, index.column()))
        self.layoutChanged.emit()


class CardTable(QTableView):
    card_chosen = Signal(object)
    order_changed = Signal()  # sorted by a column: the session steps in the new order

    def __init__(self, controller: StudyController, parent=None):
        super().__init__(parent)
        self.setObjectName("cardList")
        self.controller = controller
        library = controller.library
        self.figures = StudyFigures(controller.store, library.topic)
        self.words: list[str] = []
        self.table = BrowseTable(self.figures.of, lambda topic_id: (
            library.topic(topic_id).title if library.topic(topic_id) else topic_id),
            controller.clock, self.figures.read_all)
        self.table_model = CardTableModel(self.table, self)
        self.setModel(self.table_model)
        self._topic_titles: list[str] = []  # of the topics in scope, as the column fits them
        self.title_delegate = TitleDelegate(lambda: self.words, self)
        self.setItemDelegateForColumn(COLUMNS.index(Column.TITLE), self.title_delegate)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # two long titles stay apart
        rows = self.verticalHeader()
        rows.hide()
        # One fixed height: Qt never measures a row, so opening 50,000 costs as much as 50.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSortIndicatorClearable(True)  # a third click: back to deck order
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSectionResizeMode(COLUMNS.index(Column.TITLE), QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("Kind") + 16)
        self.fit_columns()
        self.setSortingEnabled(True)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._selecting = False  # select() moves the highlight to the card already shown
        # Every way the highlight moves (keys, a click, a search) shows its card.
        self.selectionModel().currentRowChanged.connect(self._on_current)
        header.sortIndicatorChanged.connect(lambda *_: self._sorted())

    def fit_columns(self) -> None:
        """Row height and widths from the font, so text size and screen scale keep every
        figure readable; the title takes what is left."""
        metrics = self.fontMetrics()
        self.verticalHeader().setDefaultSectionSize(metrics.height() + 8)
        for column, sample in SAMPLES.items():
            self.setColumnWidth(COLUMNS.index(column), ROOM + max(
                metrics.horizontalAdvance(sample), metrics.horizontalAdvance(column.value)))
        titles, self._topic_titles = self._topic_titles, []
        self._fit_topics(titles)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # zoom: the rows and columns grow with it
            self.fit_columns()

    def refill(self) -> None:
        """The controller has a new session: list its cards, in the order chosen, with the
        search words marked; Browse steps through them in that order."""
        controller = self.controller
        if not (controller.mode is Mode.BROWSE or controller.filter.text
                or controller.session.steps):
            # Study and Quiz with no search hide the list and keep their own order: it is
            # filled when a session shows it (each new session refills it), not for the
            # 50,000 cards of every start.
            self.table_model.set_cards([])
            self.setVisible(False)
            return
        self.figures.check()
        self.words = controller.filter.words
        order = self.table_model.set_cards(controller.session.cards)
        if self.table.sort_column is not None:
            controller.session.reorder(order)
        self._fit_topics([topic.title for topic in controller.topics_in_scope()])
        browsing = controller.mode is Mode.BROWSE
        self.setVisible(browsing or bool(controller.filter.text))
        self.show_current()  # first: taking focus with no current row would pick row 0
        if browsing and self.isVisible() and not isinstance(
                QApplication.focusWidget(), (QLineEdit, QPlainTextEdit, QTextEdit)):
            self.setFocus()  # Up and Down go through the cards at once; never steal typing

    def _fit_topics(self, titles: list[str]) -> None:
        """The topic column says something only when more than one topic is in scope; it is
        as wide as their longest title, up to a limit (the rest is cut in the middle)."""
        column = COLUMNS.index(Column.TOPIC)
        self.setColumnHidden(column, len(titles) < 2)
        if len(titles) >= 2 and titles != self._topic_titles:
            metrics = self.fontMetrics()
            self.setColumnWidth(column, ROOM + min(
                max(map(metrics.horizontalAdvance, titles)),
                metrics.horizontalAdvance("0") * TOPIC_CHARACTERS))
        self._topic_titles = titles

    def moveCursor(self, action, modifiers):
        # The table moves by rows: Home and End go to the first and last card, as Ctrl+Home
        # and Ctrl+End do, not to the first and last column.
        if action in (QAbstractItemView.CursorAction.MoveHome,
                      QAbstractItemView.CursorAction.MoveEnd):
            modifiers |= Qt.KeyboardModifier.ControlModifier
        return super().moveCursor(action, modifiers)

    def _sorted(self) -> None:
        self.controller.session.reorder(self.table.cards)
        self.order_changed.emit()

    def grades_changed(self) -> None:
        self.figures.forget()
        self.table_model.figures_changed()

    def apply_colors(self, colors: Colors) -> None:
        self.title_delegate.highlight = colors.highlight
        self.table_model.kind_colors = {kind: QColor(colors.kind(kind)) for kind in KINDS}
        self.fit_columns()

    def show_current(self) -> None:
        """Highlight the card the session shows."""
        session = self.controller.session
        card = session.current_card
        if card is None:
            self.clearSelection()
            return
        row = self.table.row_of(card, getattr(session, "position", None))
        if row is None:
            return
        index = self.table_model.index(row, 0)  # column 0: scrolling keeps the kinds in view
        self._selecting = True
        try:
            self.setCurrentIndex(index)
        finally:
            self._selecting = False
        self.scrollTo(index)

    def _on_current(self, index, _previous) -> None:
        if index.isValid() and not self._selecting:
            self.card_chosen.emit(index.data(CARD_ROLE))
