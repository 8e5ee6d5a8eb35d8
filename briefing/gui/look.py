"""How the window looks: the theme (light, dark or the system's) and the text size.

One object, owned by the window and handed to every page; pages redraw when
`changed` fires instead of reading settings off the window.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from .settings import DEFAULT_POINT_SIZE
from .theme import THEMES, Colors, colors_for, palette_for

MIN_POINT, MAX_POINT = 8.0, 32.0  # text zoom limits


class Look(QObject):
    changed = Signal()

    def __init__(self, theme: str = "system", point_size: float = DEFAULT_POINT_SIZE,
                 parent=None):
        super().__init__(parent)
        self.theme = theme if theme in THEMES else "system"
        self.point_size = max(MIN_POINT, min(MAX_POINT, point_size))
        self.colors: Colors = colors_for(self.theme)
        self._base_font = QApplication.font()  # the window's own text, at actual size

    @property
    def scale(self) -> float:
        """How much the text is zoomed: the window's own text follows the card's."""
        return self.point_size / DEFAULT_POINT_SIZE

    def apply(self) -> None:
        """Give the application this look's palette and tell the pages."""
        self.colors = colors_for(self.theme)
        QApplication.instance().setPalette(palette_for(self.colors))
        # Zoom scales the whole window (menus, sidebar, buttons), not only the card text.
        font = QFont(self._base_font)
        font.setPointSizeF(max(self._base_font.pointSizeF(), 1.0) * self.scale)
        QApplication.setFont(font)
        self.changed.emit()

    def set_theme(self, choice: str) -> None:
        self.theme = choice
        self.apply()

    def system_theme_changed(self, *_args) -> None:
        if self.theme == "system":
            self.apply()

    def set_point_size(self, size: float) -> None:
        self.point_size = max(MIN_POINT, min(MAX_POINT, size))
        self.apply()

    def zoom(self, steps: int) -> None:
        self.set_point_size(self.point_size + steps)

    def reset_zoom(self) -> None:
        self.set_point_size(DEFAULT_POINT_SIZE)
