"""The sidebar and the search box, kept in step with the study controller's filter.

Either side may change the filter: the user (a topic, a kind, a tag, typed
words) or the controller (following a link out of the filter). `changed`
fires once the controller has the new filter and a new session to draw.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLineEdit

from ..library import CardFilter
from ..study import StudyController
from .sidebar import Sidebar

SEARCH_PAUSE_MS = 150  # typing "pragmatism" should not rebuild the deck ten times


class Filters(QObject):
    changed = Signal()

    def __init__(self, controller: StudyController, sidebar: Sidebar, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.sidebar = sidebar
        self.search = QLineEdit(objectName="search")
        self.search.setPlaceholderText("Search cards: title, front, back, quotes  (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(320)
        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_PAUSE_MS)
        self.search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _text: self.search_timer.start())
        self.search.returnPressed.connect(self.apply_search)
        sidebar.topic_changed.connect(lambda topic: self.set_filter(
            controller.filter.but(topic=topic or None), sidebar=False))
        sidebar.kinds_changed.connect(lambda kinds: self.set_filter(
            controller.filter.but(kinds=kinds), sidebar=False))
        sidebar.tag_changed.connect(lambda tag: self.set_filter(
            controller.filter.but(tag=tag), sidebar=False))
        # The search index is made in idle steps once the topics are in (see fill).
        self._index_steps = None
        self._indexing = QTimer(self, interval=0)
        self._indexing.timeout.connect(self._index_step)

    def set_filter(self, wanted: CardFilter, sidebar: bool = True) -> None:
        """Show these cards, with the sidebar (unless it asked) and search box saying so."""
        self.search_timer.stop()
        self.search.blockSignals(True)
        self.search.setText(wanted.text)
        self.search.blockSignals(False)
        if sidebar:
            self.sidebar.show_filter(wanted.topic, wanted.kinds)
        topic_before = self.controller.filter.topic
        self.controller.set_filter(wanted)
        if wanted.topic != topic_before or sidebar:
            self.sidebar.set_tags(self.controller.tags_in_scope(), self.controller.filter.tag)
        self.changed.emit()

    def apply_search(self) -> None:
        text = self.search.text()
        if text != self.controller.filter.text:
            self.set_filter(self.controller.filter.but(text=text), sidebar=False)

    def follow_controller(self) -> None:
        """The controller changed the filter itself: the sidebar shows it."""
        wanted = self.controller.filter
        self.sidebar.show_filter(wanted.topic, wanted.kinds)
        self.sidebar.set_tags(self.controller.tags_in_scope(), wanted.tag)

    def fill(self) -> None:
        """The topics, their counts and the tags in scope, after the topics (re)loaded."""
        library, wanted = self.controller.library, self.controller.filter
        self.sidebar.set_topics(library.topics, self.controller.all_counts(), wanted.topic
                                if wanted.topic or len(library.topics) == 1 else "")
        self.sidebar.set_tags(self.controller.tags_in_scope(), wanted.tag)
        self._index_steps = library.index_steps()
        self._indexing.start()

    def _index_step(self) -> None:
        if self._index_steps is None or next(self._index_steps, False) is False:
            self._indexing.stop()
            self._index_steps = None

    def update_counts(self) -> None:
        if self.sidebar.topics.count():
            self.sidebar.update_counts(self.controller.library.topics,
                                       self.controller.all_counts())

    def find(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
