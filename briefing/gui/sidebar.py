"""The sidebar: topics with card and due counts, and the kind and tag filters."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..model import KIND_LABELS, KINDS, Topic
from ..stats import Counts
from ..wording import plural
from .theme import LIGHT, Colors

ALL_TOPICS = ""  # the item that shows every topic at once
TOPIC_ROLE = Qt.ItemDataRole.UserRole


class Sidebar(QWidget):
    topic_changed = Signal(str)
    kinds_changed = Signal(object)   # frozenset of kinds; empty means all
    tag_changed = Signal(object)     # a tag, or None

    def __init__(self, parent=None):
        super().__init__(parent)
        self.colors = LIGHT
        self.topics = QListWidget(objectName="topicList")
        self.topics.setWordWrap(True)
        self.topics.currentItemChanged.connect(self._on_topic)
        self.kind_group = QButtonGroup(self)
        self.kind_group.setExclusive(True)
        self.kind_buttons = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 6, 10)
        layout.addWidget(self._heading("Topics"))
        layout.addWidget(self.topics, 1)
        layout.addWidget(self._heading("Kind"))
        for kind, label in [("", "All kinds"), *((k, KIND_LABELS[k]) for k in KINDS)]:
            button = QPushButton(label, objectName=f"kind_{kind or 'all'}")
            button.setCheckable(True)
            button.setFlat(True)
            self.kind_group.addButton(button)
            self.kind_buttons[kind] = button
            layout.addWidget(button)
        self.kind_buttons[""].setChecked(True)
        self.kind_group.buttonClicked.connect(self._on_kind)
        layout.addWidget(self._heading("Tag"))
        self.tags = QComboBox(objectName="tagFilter")
        self.tags.currentIndexChanged.connect(self._on_tag)
        layout.addWidget(self.tags)

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text.upper(), objectName="sidebarHeading")
        self.headings = [*getattr(self, "headings", []), label]
        return label

    def restyle(self, colors: Colors, scale: float = 1.0) -> None:
        """Colours from the theme, set on each widget: a style sheet keeps the palette it was
        first polished with, so the headings and kind buttons stayed dark on dark."""
        self.colors = colors
        selected = "#ffffff" if not colors.dark else "#10131a"
        for label in self.headings:
            label.setStyleSheet(f"color: {colors.muted}; font-size: {8 * scale:.1f}pt; "
                                "font-weight: 700; letter-spacing: 1px; padding-top: 8px;")
        for button in self.kind_buttons.values():
            button.setStyleSheet(
                f"QPushButton {{ color: {colors.text}; text-align: left; padding: 4px 8px; "
                f"border: 2px solid transparent; border-radius: 4px; }}"
                f"QPushButton:hover {{ background: {colors.quote}; }}"
                f"QPushButton:checked {{ background: {colors.accent}; color: {selected}; }}"
                f"QPushButton:focus {{ border: 2px solid {colors.accent}; }}"
                f"QPushButton:checked:focus {{ border: 2px solid {colors.text}; }}"
                # While a first start reads the topics the buttons wait: say so.
                f"QPushButton:disabled {{ color: {colors.muted}; }}"
                f"QPushButton:checked:disabled {{ background: {colors.border}; "
                f"color: {colors.muted}; }}")

    def set_topics(self, topics: list[Topic], counts: dict[str, Counts], current: str | None):
        """Fill the list; current: the topic id to select, "" for all, None for the default."""
        self.topics.blockSignals(True)
        self.topics.clear()
        for topic_id, title, detail, broken in self._rows(topics, counts):
            self._add_item(topic_id, title, detail, broken)
        if current is not None:
            wanted = current
        else:
            wanted = topics[0].id if len(topics) == 1 else ALL_TOPICS
        for row in range(self.topics.count()):
            if self.topics.item(row).data(TOPIC_ROLE) == wanted:
                self.topics.setCurrentRow(row)
                break
        else:
            if self.topics.count():
                self.topics.setCurrentRow(0)
        self.topics.blockSignals(False)

    def update_counts(self, topics: list[Topic], counts: dict[str, Counts]) -> None:
        """New counts for the same topics, keeping the selection."""
        rows = self._rows(topics, counts)
        if len(rows) != self.topics.count():
            return
        for row, (_topic_id, title, detail, _broken) in enumerate(rows):
            self.topics.item(row).setText(f"{title}\n{detail}")

    @staticmethod
    def _rows(topics: list[Topic], counts: dict[str, Counts]) -> list[tuple[str, str, str, bool]]:
        none = Counts(0, 0, 0)
        rows = []
        if len(topics) > 1:
            total = sum(len(t.cards) for t in topics)
            due = sum(counts.get(t.id, none).due for t in topics)
            rows.append((ALL_TOPICS, "All topics", f"{plural(total, 'card')} · {due} due", False))
        for topic in topics:
            found = counts.get(topic.id, none)
            detail = f"{plural(len(topic.cards), 'card')} · {found.due} due · {found.new} new"
            if topic.problems:
                detail = f"⚠ {plural(len(topic.problems), 'problem')} · " + detail
            rows.append((topic.id, topic.title, detail, bool(topic.problems)))
        return rows

    def _add_item(self, topic_id: str, title: str, detail: str, broken: bool) -> None:
        item = QListWidgetItem(f"{title}\n{detail}")
        item.setData(TOPIC_ROLE, topic_id)
        if broken:
            item.setToolTip("This topic has problems; select it to see them.")
            item.setForeground(QColor(self.colors.warning))
        self.topics.addItem(item)

    def current_topic(self) -> str | None:
        item = self.topics.currentItem()
        return item.data(TOPIC_ROLE) if item else None

    def set_tags(self, tags: list[str], current: str | None) -> None:
        self.tags.blockSignals(True)
        self.tags.clear()
        self.tags.addItem("All tags", None)
        for tag in tags:
            self.tags.addItem(f"#{tag}", tag)
        index = self.tags.findData(current) if current else 0
        self.tags.setCurrentIndex(max(index, 0))
        self.tags.blockSignals(False)

    def choose_tag(self) -> None:
        """Ctrl+G: the tag list, open, to pick with the arrow keys."""
        self.tags.setFocus()
        self.tags.showPopup()

    def current_kinds(self) -> frozenset[str]:
        for kind, button in self.kind_buttons.items():
            if button.isChecked():
                return frozenset([kind]) if kind else frozenset()
        return frozenset()

    def show_filter(self, topic_id: str | None, kinds: frozenset[str]) -> None:
        """Select a topic and a kind without announcing it (the window set them)."""
        self.topics.blockSignals(True)
        for row in range(self.topics.count()):
            if self.topics.item(row).data(TOPIC_ROLE) == (topic_id or ALL_TOPICS):
                self.topics.setCurrentRow(row)
        self.topics.blockSignals(False)
        kind = next(iter(kinds)) if len(kinds) == 1 else ""
        self.kind_buttons.get(kind, self.kind_buttons[""]).setChecked(True)

    def _on_topic(self, item, _previous) -> None:
        if item is not None:
            self.topic_changed.emit(item.data(TOPIC_ROLE))

    def _on_kind(self, _button) -> None:
        self.kinds_changed.emit(self.current_kinds())

    def _on_tag(self, _index) -> None:
        self.tag_changed.emit(self.tags.currentData())
