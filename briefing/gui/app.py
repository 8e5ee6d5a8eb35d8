"""Start the desktop app: `briefing [PATH ...]`."""
from __future__ import annotations

import gc
import sys
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from ..collector import paused_collection
from ..datafolder import PROGRESS_FILE, DataFolder
from ..library import Library
from ..paths import default_topic_paths
from ..progress import ProgressStore
from ..topics import yaml_bytes
from . import qt_health
from .main_window import ICON, MainWindow

__all__ = ["PROGRESS_FILE", "create_app", "create_window", "main"]

# Below this much YAML to read (about 2,500 cards, half a second) the window waits for
# it: a progress page that flashes for a moment helps nobody.
BACKGROUND_BYTES = 1 << 20


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Briefing Cards")
    app.setOrganizationName("Briefing Cards")
    app.setDesktopFileName("briefing-cards")
    app.setWindowIcon(QIcon(str(ICON)))
    # Fusion looks the same everywhere and takes our light and dark palettes.
    app.setStyle("Fusion")
    return app


def create_window(paths: list[Path], clock=None, folder: DataFolder | None = None) -> MainWindow:
    """The window over the topics: at once from the cache, or after reading YAML (a big
    topic not cached yet is read by another process while the window shows progress)."""
    folder = folder or DataFolder.default()
    paths = [Path(p) for p in paths] or default_topic_paths()
    library = Library(paths, cache_dir=folder.cache, load=False)
    # The cards loaded at start-up live as long as the window: move them out of
    # the collector's way, or every later collection rescans them. Frozen before
    # the collector is back on, or its first pass scans them all once. Once only:
    # a freeze pins whatever garbage exists at that moment.
    with paused_collection():
        missing = library.load_cached()
        in_background = bool(missing) and yaml_bytes(missing) > BACKGROUND_BYTES
        if missing and not in_background:
            library.reload()
        gc.freeze()
    store = ProgressStore(folder.progress)
    window = MainWindow(library, store, folder, **({"clock": clock} if clock else {}),
                        start=not in_background)
    window.loader = None
    if in_background:
        from .topic_loading import load_in_background  # its process: only on a first start
        window.loader = load_in_background(window, folder.cache)
    hints = QGuiApplication.styleHints()
    if hasattr(hints, "colorSchemeChanged"):
        hints.colorSchemeChanged.connect(window.look.system_theme_changed)
    return window


def main(paths: list[Path]) -> int:
    app = create_app()
    broken = qt_health.problem()
    if broken:
        print(f"briefing: {broken}", file=sys.stderr)
        QMessageBox.critical(None, "Briefing Cards cannot start", broken)
        return 1
    window = create_window(paths)
    window.show()
    code = app.exec()
    if window.loader is not None:
        window.loader.stop()  # closed while a first start read the topics
    QThreadPool.globalInstance().waitForDone(5000)  # a live check still running
    window.store.close()
    return code
