"""The pages that report rather than study: Statistics and a topic's problems, made on
first use and drawn for the topics in the sidebar's scope."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..model import Problem, Topic
from ..stats import compute
from ..study import StudyController
from .look import Look
from .pages import PageStack

STATS, PROBLEMS = "stats", "problems"


class ReportPages(QObject):
    edit_problem = Signal(object)  # a Problem: the editor at its line

    def __init__(self, pages: PageStack, controller: StudyController, look: Look, parent=None):
        super().__init__(parent)
        self.pages, self.controller, self.look = pages, controller, look
        pages.lazy(STATS, self._make_stats)
        pages.lazy(PROBLEMS, self._make_problems)
        look.changed.connect(self._restyle)

    def _make_stats(self):
        from .stats_view import StatsView
        view = StatsView()
        view.apply_colors(self.look.colors)
        return view

    def _make_problems(self):
        from .problems_view import ProblemsView
        view = ProblemsView()
        view.problem_activated.connect(self.edit_problem)
        return view

    def _restyle(self) -> None:
        if self.pages.made(STATS):
            self.pages.page(STATS).apply_colors(self.look.colors)

    def show_statistics(self) -> None:
        self.update_statistics()
        self.pages.show_page(STATS)

    def update_statistics(self) -> None:
        scope = self.controller.topics_in_scope()
        name = scope[0].title if len(scope) == 1 else "all topics"
        self.pages.page(STATS).show_stats(
            compute(self.controller.store, scope, self.controller.clock()), name)

    def show_problems(self, topic: Topic | None, problems: list[Problem]) -> None:
        self.pages.show_page(PROBLEMS).show_problems(topic, problems)

    def show_scope_problems(self, library_problems: list[Problem]) -> None:
        """Every problem of the topics in scope, and of the folders themselves."""
        scope = self.controller.topics_in_scope()
        topic = scope[0] if len(scope) == 1 else None
        self.show_problems(topic, [p for t in scope for p in t.problems] + list(library_problems))
