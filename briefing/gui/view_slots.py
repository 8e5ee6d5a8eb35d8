"""The main window's view actions: find, filters, zoom, theme, warnings and help.
A mixin of MainWindow."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from .. import __version__
from ..library import CardFilter
from . import settings as settings_module
from .theme import colors_for, palette_for

MIN_POINT, MAX_POINT = 8.0, 32.0  # text zoom limits


class ViewSlots:
    def on_find(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def on_clear_filters(self) -> None:
        self.set_filter(CardFilter(self.filter.topic))

    def set_point_size(self, size: float) -> None:
        self.point_size = max(MIN_POINT, min(MAX_POINT, size))
        self.apply_theme(self.theme)
        self.statusBar().showMessage(f"Text size {self.point_size:g} pt", 2000)

    def on_zoom_in(self): self.set_point_size(self.point_size + 1)
    def on_zoom_out(self): self.set_point_size(self.point_size - 1)
    def on_zoom_reset(self): self.set_point_size(settings_module.DEFAULT_POINT_SIZE)

    def apply_theme(self, choice: str) -> None:
        self.theme = choice
        self.colors = colors_for(choice)
        QApplication.instance().setPalette(palette_for(self.colors))
        self.card_view.apply_colors(self.colors, self.point_size)
        self._color_pages()
        self.banner.setStyleSheet(f"background: {self.colors.highlight}; color: #1d2330; "
                                  "padding: 8px 14px;")
        if self.session is not None:
            self.render()

    def on_theme_system(self): self.apply_theme("system")
    def on_theme_light(self): self.apply_theme("light")
    def on_theme_dark(self): self.apply_theme("dark")

    def on_system_theme_changed(self, *_args) -> None:
        if self.theme == "system":
            self.apply_theme("system")

    def show_warning(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def on_shortcuts(self) -> None:
        from .shortcuts_dialog import ShortcutsDialog
        ShortcutsDialog(self).exec()

    def on_about(self) -> None:
        QMessageBox.about(self, "About Briefing Cards",
                          f"<b>Briefing Cards {__version__}</b><p>Flashcard briefings on a "
                          "policy topic's actors, objectives and key figures. Every card cites "
                          "its source article with a verbatim quote.</p>")
