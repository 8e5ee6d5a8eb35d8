"""The first start with a big topic (nothing cached yet): the window shows at once with
a progress page while a process of its own reads the YAML into the topic cache
(briefing.first_load); the window then takes the topics from the cache.

The window only reads a pipe, watched by a socket notifier: no thread of this process
touches a widget. If the process cannot start, dies or cannot write the cache, the
window reads the topics itself, as any start did before.
"""
from __future__ import annotations

import gc
import multiprocessing
from pathlib import Path

from PySide6.QtCore import QObject, QSocketNotifier, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from .. import first_load
from ..collector import paused_collection
from ..wording import plural

LOADING = "loading"
# What works with no topic yet; every other action waits for the topics.
STILL_ON = {"quit", "about", "shortcuts", "zoom_in", "zoom_out", "zoom_reset", "theme_system",
            "theme_light", "theme_dark"}
# What works on the first cards while the rest of the topic is read: studying them.
# Search, filters, the editor, exports and statistics wait for the whole topic.
ON_EARLY = {"reveal", "grade_1", "grade_2", "grade_3", "grade_4", "undo", "previous", "next",
            "card_info", "bury", "suspend", "flag"}


class TopicLoader(QObject):
    progressed = Signal(str, int, int)   # topic folder's name, files read, files
    early = Signal(object)               # the first topic with its first card file's cards
    finished = Signal()                  # the cache is filled, or the process failed

    def __init__(self, paths: list[Path], cache_dir: Path, parent=None):
        super().__init__(parent)
        self._process = self._receive = self._notifier = None
        try:
            context = multiprocessing.get_context("spawn")  # no fork of a running Qt app
            self._receive, replies = context.Pipe(duplex=False)
            self._process = context.Process(
                target=first_load.fill, args=([str(p) for p in paths], str(cache_dir), replies),
                name="briefing-first-load", daemon=True)
            self._process.start()
            replies.close()
        except (OSError, ValueError, RuntimeError):
            self._process = None
            return
        self._notifier = QSocketNotifier(self._receive.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._heard)

    @property
    def running(self) -> bool:
        return self._notifier is not None

    def _heard(self, *_args) -> None:
        try:
            while self._receive.poll():
                message = self._receive.recv()
                if message[0] == "progress":
                    self.progressed.emit(*message[1:])
                elif message[0] == "early":
                    self.early.emit(message[1])
                else:
                    self._end()
                    return
        except (EOFError, OSError):  # it died: the window reads the topics itself
            self._end()

    def _end(self) -> None:
        self.stop()
        self.finished.emit()

    def stop(self) -> None:
        """Let the process go (the window closed, or it is done)."""
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier = None
        if self._process is not None:
            if self._process.is_alive():
                self._process.terminate()
            self._process.join(5)
            self._process = None
        if self._receive is not None:
            self._receive.close()
            self._receive = None


class LoadingPage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("loadingPage")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = QLabel("Reading the topics for the first time…",
                            alignment=Qt.AlignmentFlag.AlignCenter, objectName="loadingTitle")
        self.detail = QLabel("Later starts use what is read now and take a moment.",
                             alignment=Qt.AlignmentFlag.AlignCenter)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the first file is counted
        self.bar.setMaximumWidth(420)
        layout.addWidget(self.title)
        layout.addWidget(self.bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.detail)
        layout.addStretch(2)

    def show_step(self, text: str) -> None:
        self.bar.setValue(self.bar.maximum())
        self.detail.setText(text)

    def show_progress(self, topic: str, done: int, files: int) -> None:
        self.bar.setRange(0, files)
        self.bar.setValue(done)
        self.detail.setText(f"{topic}: {done} of {plural(files, 'file')} read")


def load_in_background(window, cache_dir: Path) -> TopicLoader:
    """Show the progress page on the window, which stays still (its actions off) until the
    cache is filled; then the first card is drawn as at any start."""
    page = window.pages.add(LOADING, LoadingPage())
    window.pages.show_page(LOADING)
    still = {name: a for name, a in window.actions_by_name.items() if name not in STILL_ON}
    for action in still.values():
        action.setEnabled(False)
    window.sidebar.setEnabled(False)
    window.search.setEnabled(False)
    loader = TopicLoader(window.library.paths, cache_dir, window)
    loader.progressed.connect(page.show_progress)

    def early(topic) -> None:
        """The first cards: study them while the rest is read."""
        if window.store.closed:
            return
        window.library.show_early(topic)
        window.partial = True
        for name, action in still.items():
            action.setEnabled(name in ON_EARLY)
        window.refresh_topics(first=True)
        say_progress(topic.title, 0, 0)
        loader.progressed.connect(say_progress)

    def say_progress(_topic: str, done: int, files: int) -> None:
        if not window.store.closed:
            counted = f": {done} of {plural(files, 'file')}" if files else ""
            window.statusBar().showMessage(f"Reading the rest of the cards{counted}… Search, "
                                           "filters and the editor open once all are read.")

    def loaded() -> None:
        if window.store.closed:
            return
        if window.partial:  # the first cards are on screen
            QTimer.singleShot(0, window, take_whole)
            return
        # Two steps of a quarter of a second each at 50,000 cards, the page redrawn
        # before each: the cards from the cache, then the first session.
        page.show_step("Opening the cards…")
        QTimer.singleShot(0, window, take_topics)

    def take_all() -> None:
        library = window.library
        with paused_collection():
            if library.load_cached():  # not all cached (unwritable, or the process died)
                library.reload()
            gc.freeze()  # the cards live as long as the window (see create_window)

    def take_topics(at_once: bool = False) -> None:
        take_all()
        if at_once:
            show_first_card()
            return
        page.show_step("Choosing the first card…")
        QTimer.singleShot(0, window, show_first_card)

    def take_whole() -> None:
        """After the first cards: the whole topic, the card on screen kept."""
        if window.store.closed:
            return
        switch_on()
        window.partial = False
        window.topic_files.keep_card(take_all)
        window.statusBar().showMessage("Every card is read: search, filters and the editor "
                                       "are on", 5000)

    def switch_on() -> None:
        for action in still.values():
            action.setEnabled(True)
        window.sidebar.setEnabled(True)
        window.search.setEnabled(True)

    def show_first_card() -> None:
        if window.store.closed:
            return
        switch_on()
        window.refresh_topics(first=True)  # the study page (or problems) replaces this one

    loader.early.connect(early)
    loader.finished.connect(loaded)
    if not loader.running:  # no process: read them here, now
        take_topics(at_once=True)
    return loader
