"""Articles into a topic from the app: File > Import Article…, or files dropped on the
window. After an import the topic is read again and the first new article opens."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from ..library import Library
from ..model import Topic
from .reading import Reading
from .topic_files import TopicFiles


def _file_filter() -> str:
    from ..importing import SUFFIXES  # the readers' package: only when a file is chosen
    return f"Articles ({' '.join('*' + s for s in sorted(SUFFIXES))});;All files (*)"


class Importer(QObject):
    def __init__(self, window: QWidget, library: Library, topic_files: TopicFiles,
                 reading: Reading, current_topic: Callable[[], Topic | None],
                 new_topics_folder: Callable[[], Path]):
        super().__init__(window)
        self.window, self.library, self.topic_files, self.reading = \
            window, library, topic_files, reading
        self.current_topic, self.new_topics_folder = current_topic, new_topics_folder
        self.dialog = None   # the import dialog last opened
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self.window, "Import articles",
                                                str(Path.home()), _file_filter())
        if files:
            self.import_files([Path(f) for f in files])

    def import_files(self, sources: list[Path]):
        """Ask which topic the files go in, then import them; returns the dialog."""
        from .import_dialog import ImportDialog
        dialog = ImportDialog(self.window, sources, list(self.library.topics),
                              self.current_topic(), self.new_topics_folder())
        dialog.imported.connect(self._imported)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _imported(self, folder: Path, reports) -> None:
        known = self.library.topic_at(folder) is not None
        topic = self.topic_files.add_topic(folder) if not known else None
        if known:
            self.topic_files.reload_topic(folder)
            topic = self.library.topic_at(folder)
        first = next((r for r in reports if r.seed_id), None)  # new, or already there
        seed = next((s for s in topic.seeds if first and s.id == first.seed_id), None) \
            if topic is not None else None
        if seed is not None:
            self.reading.show_seed(topic, seed)

    # -- files dropped on the window ----------------------------------------------

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if _files(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            files = _files(event.mimeData())
            if files:
                event.acceptProposedAction()
                self.import_files(files)
                return True
        return False


def _files(mime) -> list[Path]:
    """The local files being dragged (links and text are not articles to import)."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
