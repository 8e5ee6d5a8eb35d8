"""Light and dark looks, following the system unless the user picks one."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette


@dataclass(frozen=True)
class Colors:
    dark: bool
    window: str
    base: str        # the card sheet
    text: str
    muted: str
    border: str
    accent: str
    quote: str       # background of a quoted source
    highlight: str   # the quote in the article view
    kinds: dict
    warning: str = "#8a5300"  # a topic with problems, as text on the window

    def kind(self, kind: str) -> str:
        return self.kinds.get(kind, self.accent)


LIGHT = Colors(False, window="#eef0f3", base="#ffffff", text="#1d2330", muted="#5d6675",
               border="#d3d8e0", accent="#2c5fb3", quote="#f3f5f8", highlight="#ffe27a",
               kinds={"actor": "#2c5fb3", "objective": "#2f7d4f", "figure": "#a35a12"})
DARK = Colors(True, window="#1b1e24", base="#252a32", text="#e6e9ef", muted="#a0a8b6",
              border="#3a414d", accent="#7fa8ff", quote="#2e343e", highlight="#7a6212",
              kinds={"actor": "#7fa8ff", "objective": "#6fcf97", "figure": "#f2a65a"},
              warning="#f2c14e")

THEMES = ("system", "light", "dark")


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    return scheme is not None and scheme() == Qt.ColorScheme.Dark


def colors_for(choice: str) -> Colors:
    if choice == "dark" or (choice == "system" and system_is_dark()):
        return DARK
    return LIGHT


def palette_for(colors: Colors) -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    pairs = {
        role.Window: colors.window, role.WindowText: colors.text, role.Base: colors.base,
        role.AlternateBase: colors.quote, role.Text: colors.text, role.Button: colors.base,
        role.ButtonText: colors.text, role.ToolTipBase: colors.base, role.ToolTipText: colors.text,
        role.Highlight: colors.accent,
        role.HighlightedText: "#ffffff" if not colors.dark else "#10131a",
        role.Link: colors.accent, role.PlaceholderText: colors.muted, role.Mid: colors.border,
    }
    for name, value in pairs.items():
        palette.setColor(name, QColor(value))
    palette.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor(colors.muted))
    palette.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor(colors.muted))
    palette.setColor(QPalette.ColorGroup.Disabled, role.WindowText, QColor(colors.muted))
    return palette
