"""Suggestions beside the article: draft cards for what no card quotes yet, by kind. A
chosen one has its quote shown in the article; Accept opens the New card form filled
in, Reject keeps it away for good. The suggestions themselves are briefing.suggestions'."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..reading import by_kind
from ..wording import clip

ROLE = Qt.ItemDataRole.UserRole
KEYS = {Qt.Key.Key_Return: "accepted", Qt.Key.Key_Enter: "accepted",
        Qt.Key.Key_Delete: "rejected", Qt.Key.Key_Backspace: "rejected"}


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold


class SuggestionsPanel(QWidget):
    previewed = Signal(object)    # the Suggestion chosen, or None
    accepted = Signal(object)     # make a card of it
    rejected = Signal(object)     # never suggest it again

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("suggestionsPanel")
        # Bold by font, not a style sheet: a style sheet would keep the colours of the
        # theme it was first drawn in.
        self.heading = QLabel("Suggestions", objectName="suggestionsHeading")
        self.heading.setFont(_bold(self.heading.font()))
        self.note = QLabel(objectName="suggestionsNote")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.tree = QTreeWidget(objectName="suggestionsTree")
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(8)
        self.tree.setWordWrap(True)
        self.tree.currentItemChanged.connect(self._chosen)
        self.tree.itemActivated.connect(lambda item: self._act(self.accepted, item))
        self.quote = QLabel(objectName="suggestionQuote")
        self.quote.setWordWrap(True)
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason = QLabel(objectName="suggestionReason")
        self.reason.setFont(_bold(self.reason.font()))
        self.reason.setWordWrap(True)
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        self.accept_button = QPushButton("Accept…", objectName="acceptSuggestion")
        self.accept_button.setToolTip("Open the New card form filled in with this suggestion "
                                      "(Enter)")
        self.accept_button.clicked.connect(lambda: self._act(self.accepted))
        self.reject_button = QPushButton("Reject", objectName="rejectSuggestion")
        self.reject_button.setToolTip("Never suggest this again in this topic (Delete)")
        self.reject_button.clicked.connect(lambda: self._act(self.rejected))
        self.tree.installEventFilter(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.reason)
        layout.addWidget(self.quote)
        layout.addLayout(buttons)
        self.suggestions: list = []
        self.set_suggestions([], "")

    def set_busy(self, text: str) -> None:
        self.tree.clear()
        self.suggestions = []
        self.note.setText(text)
        self.note.setVisible(True)
        self._chosen(None)

    def set_suggestions(self, suggestions, note: str = "") -> None:
        """Show these suggestions, keeping the one chosen when it is still among them."""
        kept = self.current()
        self.suggestions = list(suggestions)
        self.tree.blockSignals(True)
        self.tree.clear()
        bold = _bold(self.tree.font())
        again = None
        for _kind, heading, items in by_kind(self.suggestions):
            group = QTreeWidgetItem([f"{heading} ({len(items)})"])
            group.setFont(0, bold)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(group)
            for suggestion in items:
                item = QTreeWidgetItem([clip(suggestion.title, 80)])
                item.setData(0, ROLE, suggestion)
                item.setToolTip(0, f"{suggestion.reason}\n\n“{clip(suggestion.quote, 400)}”")
                group.addChild(item)
                if kept is not None and suggestion.id == kept.id:
                    again = item
            group.setExpanded(True)
        self.tree.blockSignals(False)
        count = len(self.suggestions)
        self.heading.setText(f"Suggestions ({count})" if count else "Suggestions")
        self.note.setText(note or ("" if count else "Nothing to suggest: the cards quote what "
                                   "this article's figures, actors and aims say."))
        self.note.setVisible(bool(self.note.text()))
        if again is not None:
            self.tree.setCurrentItem(again)
        else:
            self._chosen(None)

    def current(self):
        item = self.tree.currentItem()
        return item.data(0, ROLE) if item is not None else None

    def choose(self, suggestion) -> None:
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            for child in range(group.childCount()):
                if group.child(child).data(0, ROLE) == suggestion:
                    self.tree.setCurrentItem(group.child(child))
                    return

    def following(self, suggestion):
        """The suggestion shown after this one (or, for the last, before it), or None."""
        order = [s for _k, _h, items in by_kind(self.suggestions) for s in items]
        if suggestion not in order:
            return None
        at = order.index(suggestion)
        rest = order[at + 1:] + order[:at][::-1]
        return rest[0] if rest else None

    def remove(self, suggestion) -> None:
        """Take a suggestion out (rejected), choosing the next one."""
        after = self.following(suggestion)
        self.set_suggestions([s for s in self.suggestions if s != suggestion])
        if after is not None:
            self.choose(after)

    def _chosen(self, item, _previous=None) -> None:
        suggestion = item.data(0, ROLE) if item is not None else None
        self.quote.setText(f"“{clip(suggestion.quote, 600)}”" if suggestion else "")
        self.reason.setText(suggestion.reason.capitalize() if suggestion else "")
        self.accept_button.setEnabled(suggestion is not None)
        self.reject_button.setEnabled(suggestion is not None)
        self.previewed.emit(suggestion)

    def _act(self, signal, item=None) -> None:
        suggestion = item.data(0, ROLE) if item is not None else self.current()
        if suggestion is not None:
            signal.emit(suggestion)

    def eventFilter(self, watched, event) -> bool:
        # Enter and Delete act on the chosen suggestion: claimed before the window's own
        # shortcuts (Enter shows a card's answer) can take them.
        if watched is self.tree and event.type() in (QEvent.Type.ShortcutOverride,
                                                     QEvent.Type.KeyPress):
            signal = KEYS.get(event.key())
            if signal is not None and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    self._act(getattr(self, signal))
                return True
        return False
