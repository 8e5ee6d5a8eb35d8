"""Start the desktop app: `briefing [PATH ...]`."""
from __future__ import annotations

import gc
import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from ..library import Library
from ..paths import data_dir, default_topic_paths
from ..progress import ProgressStore
from . import qt_health
from .main_window import ICON, MainWindow

PROGRESS_FILE = "progress.sqlite3"


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Briefing Cards")
    app.setOrganizationName("Briefing Cards")
    app.setDesktopFileName("briefing-cards")
    app.setWindowIcon(QIcon(str(ICON)))
    # Fusion looks the same everywhere and takes our light and dark palettes.
    app.setStyle("Fusion")
    return app


def create_window(paths: list[Path], clock=None) -> MainWindow:
    library = Library([Path(p) for p in paths] or default_topic_paths(), cache_dir=data_dir() / "cache")
    # The cards loaded at start-up live as long as the window: move them out of
    # the collector's way, or every later collection rescans them. Once only:
    # a freeze pins whatever garbage exists at that moment.
    gc.freeze()
    store = ProgressStore(data_dir() / PROGRESS_FILE)
    window = MainWindow(library, store, **({"clock": clock} if clock else {}))
    hints = QGuiApplication.styleHints()
    if hasattr(hints, "colorSchemeChanged"):
        hints.colorSchemeChanged.connect(window.on_system_theme_changed)
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
    window.store.close()
    return code
