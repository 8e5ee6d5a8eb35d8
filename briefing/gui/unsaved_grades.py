"""Quitting while grades still wait for a progress file another program holds: wait
for it a few seconds, saying so, and when it stays busy ask before they are lost."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..study import StudyController
from ..wording import plural

RETRY, QUIT, CANCEL = "retry", "quit", "cancel"


def ready_to_quit(parent: QWidget, controller: StudyController,
                  say: Callable[[str], None]) -> bool:
    """True: nothing is left unsaved, or the user chose to lose it."""
    while waiting := len(controller.log.waiting):
        say(f"Saving {plural(waiting, 'grade')}: waiting for your progress file to be free")
        # the message is painted before the window waits on the file
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            waiting = controller.flush(patient=True)
        finally:
            QApplication.restoreOverrideCursor()
        if not waiting:
            return True
        answer = ask(parent, waiting, controller.store.path if controller.store else None)
        if answer == QUIT:
            controller.log.waiting.clear()  # lost, as the user chose: not asked again
            return True
        if answer == CANCEL:
            return False
    return True


def ask(parent: QWidget, waiting: int, path: Path | None) -> str:
    """RETRY, QUIT or CANCEL (also Escape)."""
    where = f" ({path})" if path else ""
    box = QMessageBox(QMessageBox.Icon.Warning, "Grades not saved",
                      f"{plural(waiting, 'grade')} could not be saved: another program is "
                      f"using your progress file{where}. Try again once it lets go of the "
                      "file, or quit and lose them.", parent=parent)
    retry = box.addButton("Try again", QMessageBox.ButtonRole.AcceptRole)
    lose = box.addButton("Quit without saving", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(retry)
    box.exec()
    clicked = box.clickedButton()
    return RETRY if clicked is retry else QUIT if clicked is lose else CANCEL
