"""The window's size, place and splitter widths, kept between runs."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter


def restore(window: QMainWindow, settings: QSettings, splitters: list[QSplitter]) -> None:
    """Size, place and maximized state from last time, kept on a visible screen.

    Called once the window is shown: some platforms resize a hidden window to its
    size hint when it first appears, restoreGeometry() clamps to the screen first,
    and splitters restored before the window has its size stretch it instead."""
    # Minimum sizes cached before the children were shown are stale (too wide);
    # recompute them so the saved size is not overruled.
    window.layout().invalidate()
    window.layout().activate()
    size, pos = settings.value("window/size"), settings.value("window/pos")
    if isinstance(size, QSize) and size.isValid():
        window.resize(size)
    if isinstance(pos, QPoint):
        screens = [s.availableGeometry() for s in QGuiApplication.screens()]
        if any(area.intersects(QRect(pos, window.size())) for area in screens):
            window.move(pos)
    if settings.value("window/maximized") in (True, "true"):
        window.showMaximized()
    for splitter in splitters:
        sizes = settings.value(f"window/{splitter.objectName()}")
        if isinstance(sizes, list) and all(str(n).isdigit() for n in sizes):
            splitter.setSizes([int(n) for n in sizes])  # scaled to fit, unlike restoreState


def save(window: QMainWindow, settings: QSettings, splitters: list[QSplitter]) -> None:
    settings.setValue("window/maximized", window.isMaximized())
    if not window.isMaximized():
        settings.setValue("window/size", window.size())
        settings.setValue("window/pos", window.pos())
    for splitter in splitters:
        settings.setValue(f"window/{splitter.objectName()}", splitter.sizes())
