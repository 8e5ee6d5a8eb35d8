"""Notice topic files changed by other programs, once per burst of writes."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from ..topics import YAML_SUFFIXES

SETTLE_MS = 250  # editors often write a file in several steps


class TopicWatcher(QObject):
    changed = Signal(object)  # a set of topic folders whose YAML changed

    def __init__(self, parent=None):
        super().__init__(parent)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._on_path)
        self.watcher.directoryChanged.connect(self._on_path)
        self.timer = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self.timer.timeout.connect(self._emit)
        self.folders: set[Path] = set()
        self._dirty: set[Path] = set()

    def watch(self, folders) -> None:
        """Watch these topic folders and their YAML files, and nothing else."""
        old = self.watcher.files() + self.watcher.directories()
        if old:
            self.watcher.removePaths(old)
        self.folders = {Path(f) for f in folders}
        for folder in self.folders:
            self._add(folder)

    def _add(self, folder: Path) -> None:
        paths = [str(folder)]
        try:
            paths += [str(p) for p in folder.iterdir() if p.suffix in YAML_SUFFIXES]
        except OSError:
            pass
        current = set(self.watcher.files() + self.watcher.directories())
        missing = [p for p in paths if p not in current]
        if missing:
            self.watcher.addPaths(missing)

    def _on_path(self, path: str) -> None:
        changed = Path(path)
        folder = changed if changed in self.folders else changed.parent
        if folder in self.folders:
            self._dirty.add(folder)
            self.timer.start()

    def _emit(self) -> None:
        dirty, self._dirty = self._dirty, set()
        for folder in dirty:
            # An atomic save replaces the file, which drops it from the watch list.
            self._add(folder)
        if dirty:
            self.changed.emit(dirty)
