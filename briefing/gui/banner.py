"""The band above the pages that says what the user must know: a damaged progress
file, a grade that could not be saved, drafts from a crash. Each part has a key,
so clearing one message leaves the others."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from .theme import Colors


class Banner(QLabel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("banner")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._parts: dict[str, str] = {}
        self.hide()

    def say(self, key: str, text: str) -> None:
        """Show text under key; "" takes that message away."""
        if text:
            self._parts[key] = text
        else:
            self._parts.pop(key, None)
        self.setText("\n".join(self._parts.values()))
        self.setVisible(bool(self._parts))

    def restyle(self, colors: Colors) -> None:
        self.setStyleSheet(f"background: {colors.highlight}; color: "
                           f"{'#f4f6fa' if colors.dark else '#1d2330'}; padding: 8px 14px;")
