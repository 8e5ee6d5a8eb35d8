"""The window's pages, made on first use: start-up shows a card and builds nothing else."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QStackedWidget, QWidget


class PageStack(QStackedWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("pages")
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._made: dict[str, QWidget] = {}

    def add(self, name: str, page: QWidget) -> QWidget:
        """A page made now."""
        self._made[name] = page
        self.addWidget(page)
        return page

    def lazy(self, name: str, factory: Callable[[], QWidget]) -> None:
        """A page made by factory() the first time it is asked for."""
        self._factories[name] = factory

    def page(self, name: str) -> QWidget:
        if name not in self._made:
            self.add(name, self._factories[name]())
        return self._made[name]

    def made(self, name: str) -> QWidget | None:
        """The page if it exists yet; None rather than making it."""
        return self._made.get(name)

    def show_page(self, name: str) -> QWidget:
        page = self.page(name)
        self.setCurrentWidget(page)
        return page

    def showing(self, name: str) -> bool:
        page = self._made.get(name)
        return page is not None and self.currentWidget() is page

    @property
    def current_name(self) -> str | None:
        current = self.currentWidget()
        return next((name for name, page in self._made.items() if page is current), None)
