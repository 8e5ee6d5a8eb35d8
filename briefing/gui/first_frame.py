"""Work that waits until the window's first frame is on screen (sidebar counts, file
watching): start-up shows the card first, then fills in the rest."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# A window shown but never painted (minimised, on a screen that is off) still gets the
# rest this long after start-up.
LATEST_MS = 1000


class _FirstFrame(QObject):
    def __init__(self, window: QWidget, work: Callable[[], None]):
        super().__init__(window)
        self.window, self.work, self.done = window, work, False
        window.installEventFilter(self)
        # A zero timer runs before the first paint; a window not shown by then (a test,
        # a script) never paints, so its work runs at once.
        QTimer.singleShot(0, self, self._unless_shown)
        QTimer.singleShot(LATEST_MS, self, self._run)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            # The children paint in the same pass: a zero timer runs after the frame.
            QTimer.singleShot(0, self, self._run)
        return False

    def _unless_shown(self) -> None:
        if not self.window.isVisible():
            self._run()

    def _run(self) -> None:
        if self.done:
            return
        self.done = True
        self.window.removeEventFilter(self)
        self.work()


def after_first_frame(window: QWidget, work: Callable[[], None]) -> None:
    """Run work once, after the window's first frame is painted."""
    _FirstFrame(window, work)
