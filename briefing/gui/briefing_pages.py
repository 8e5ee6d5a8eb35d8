"""The briefing pages, Timeline, Actor map and Compare articles: made on first use, each
drawing the sidebar's topic, and asking the window to open the card a click names."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from ..study import StudyController
from .look import Look
from .pages import PageStack
from .topic_page import TopicPage

TIMELINE, ACTOR_MAP, COMPARE = "timeline", "actor_map", "compare"
PAGES = (TIMELINE, ACTOR_MAP, COMPARE)   # also the names of the actions that show them


class BriefingPages(QObject):
    card_requested = Signal(object)   # a Card to open on the study page
    shown = Signal(str)               # the page now on screen

    def __init__(self, pages: PageStack, controller: StudyController, look: Look, parent=None):
        super().__init__(parent)
        self.pages, self.controller, self.look = pages, controller, look
        pages.lazy(TIMELINE, lambda: self._made(_timeline(look)))
        pages.lazy(ACTOR_MAP, lambda: self._made(_actor_map(look)))
        pages.lazy(COMPARE, lambda: self._made(_compare(look)))

    def _made(self, page: TopicPage) -> TopicPage:
        page.card_requested.connect(self.card_requested)
        return page

    def handlers(self) -> dict[str, Callable[[], None]]:
        return {name: (lambda name=name: self.show(name)) for name in PAGES}

    def show(self, name: str) -> None:
        page = self.pages.show_page(name)
        page.show_scope(self.controller.topics_in_scope())
        page.take_focus()
        self.shown.emit(name)

    def showing(self) -> str | None:
        """The briefing page on screen, if one is."""
        return next((name for name in PAGES if self.pages.showing(name)), None)

    def follow_scope(self) -> None:
        """The sidebar chose another topic (or all): the page on screen draws it."""
        name = self.showing()
        if name is not None:
            self.pages.page(name).show_scope(self.controller.topics_in_scope())


# The pages' modules load when first shown, so start-up does not pay for them.

def _timeline(look: Look) -> TopicPage:
    from .timeline_view import TimelineView
    return TimelineView(look)


def _actor_map(look: Look) -> TopicPage:
    from .actor_map_view import ActorMapView
    return ActorMapView(look)


def _compare(look: Look) -> TopicPage:
    from .compare_view import CompareView
    return CompareView(look)
