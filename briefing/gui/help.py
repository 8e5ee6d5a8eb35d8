"""Help: the keyboard shortcuts sheet and About."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from .. import __version__


def show_shortcuts(parent: QWidget) -> None:
    from .shortcuts_dialog import ShortcutsDialog
    ShortcutsDialog(parent).exec()


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, "About Briefing Cards",
                      f"<b>Briefing Cards {__version__}</b><p>Flashcard briefings on a "
                      "policy topic's actors, objectives and key figures. Every card cites "
                      "its source article with a verbatim quote.</p>")
