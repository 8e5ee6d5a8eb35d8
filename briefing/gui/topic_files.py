"""Topics on disk as the window sees them: open another folder, reload, and follow
saves, new topics and changes made by other programs, keeping the card on screen."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from ..library import CardFilter
from ..study import StudyController
from ..wording import plural
from .authoring import Authoring


class TopicFiles(QObject):
    reloaded = Signal()     # the topics were read again: fill the sidebar, show the cards
    card_kept = Signal()    # the card on screen was found again after a reload: redraw it
    message = Signal(str)   # for the status bar

    def __init__(self, window: QWidget, controller: StudyController, authoring: Authoring,
                 set_filter: Callable[[CardFilter], None]):
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.library = controller.library
        self.authoring = authoring
        self.set_filter = set_filter

    def open_folder(self) -> None:
        start = str(self.library.paths[0]) if self.library.paths else str(Path.home())
        folder = QFileDialog.getExistingDirectory(
            self.window, "Open a topic folder or a folder of topics", start)
        if folder:
            self.open_paths([Path(folder)])

    def open_paths(self, paths: list[Path]) -> None:
        if not self.authoring.confirm_unsaved("opening another folder"):
            return
        self.authoring.close_topic()
        self.library.paths = list(paths)
        self.reload()

    def reload(self) -> None:
        self.library.reload()
        self.controller.reload()
        self.reloaded.emit()
        topics = len(self.library.topics)
        problems = sum(len(t.problems) for t in self.library.topics) + len(self.library.problems)
        self.message.emit(f"Loaded {plural(topics, 'topic')}"
                          + (f", {plural(problems, 'problem')}" if problems else ""))

    def reload_topic(self, folder: Path) -> None:
        """Load one topic again from disk; study progress is keyed by id, so it stays."""
        self.keep_card(lambda: self.library.reload_topic(Path(folder)))

    def keep_card(self, change: Callable[[], object]) -> None:
        """Change the library's topics, and show the card on screen again if it is still
        there (a topic read again, or read whole after its first cards)."""
        current, revealed = self.controller.session.current_card, self.controller.session.revealed
        change()
        self.reloaded.emit()
        topic = self.library.topic(current.topic) if current else None
        again = topic.card(current.id) if topic else None
        if again is not None and self.controller.go_to(again):
            if revealed:  # the answer being read stays on screen
                self.controller.session.reveal()
            self.card_kept.emit()

    def files_changed(self, folders) -> None:
        for folder in folders:
            if Path(folder).exists():
                self.reload_topic(folder)
            else:
                self.reload()

    def topic_created(self, folder: Path) -> None:
        topic = self.add_topic(folder)
        if topic is not None:
            self.authoring.open_editor(topic)

    def add_topic(self, folder: Path):
        """Open a topic made just now (beside the others when its folder is new to the
        library) and show its cards; the topic, or None when it did not load."""
        if not any(folder.parent == p or folder == p for p in self.library.paths):
            self.library.paths.append(folder.parent)
        self.reload()
        topic = self.library.topic_at(folder)
        if topic is not None:
            self.set_filter(CardFilter(topic.id))
        return topic
