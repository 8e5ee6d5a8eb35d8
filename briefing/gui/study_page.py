"""The study page: the card (Study, Browse or Quiz) and, while searching or browsing,
the list of cards. It draws what its StudyController decides and forwards the
user's actions to it; it owns no study logic of its own."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QSplitter

from ..model import Card, Source
from ..progress import ProgressError
from ..study import StudyController
from ..study.history import LinkHistory
from ..wording import plural
from . import unsaved_grades
from .card_info_dialog import CardInfo
from .card_table import CardTable
from .card_view import CardView
from .look import Look

RETRY_MS = 2000  # how often grades that waited for a busy progress file are tried again
WAKE_MS = 15_000  # how often the done screen looks for a prompt that has fallen due


class StudyPage(QSplitter):
    article_requested = Signal(object)   # a Source to show in its article
    counts_changed = Signal()            # grades changed what is due: redraw the counts
    filter_changed = Signal()            # the controller changed the filter (a link)
    mode_requested = Signal(str)         # a link on the "done" screen
    mode_changed = Signal()              # the page switched the controller's mode itself
    warning = Signal(str)                # for the window's banner ("" clears it)
    message = Signal(str)                # for the status bar

    def __init__(self, controller: StudyController, look: Look, parent=None):
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setObjectName("cardSplitter")
        self.controller = controller
        self.look = look
        self.history = LinkHistory(controller)
        self.card_info = CardInfo(controller.store, controller.library, self)
        self.card_list = CardTable(controller)
        self.card_list.card_chosen.connect(self.show_card)
        self.card_list.order_changed.connect(self.render)
        self.counts_changed.connect(self.card_list.grades_changed)
        self.card_view = CardView()
        self.card_view.reveal_requested.connect(self.flip)
        self.card_view.grade_requested.connect(self.grade)
        self.card_view.next_requested.connect(self.next)
        self.card_view.previous_requested.connect(self.previous)
        self.card_view.card_link.connect(self.follow_link)
        self.card_view.tag_link.connect(self.show_tag)
        self.card_view.source_link.connect(self.show_in_article)
        self.card_view.mode_requested.connect(self._link)
        self.addWidget(self.card_list)
        self.addWidget(self.card_view)
        self.setStretchFactor(1, 1)
        self.setSizes([300, 500])  # the table, then the card
        self.retry = QTimer(self, interval=RETRY_MS)
        self.retry.timeout.connect(self.save_waiting)
        self.waking = QTimer(self, interval=WAKE_MS)  # a prompt still learning falls due
        self.waking.timeout.connect(self._wake)
        self.waking.start()
        look.changed.connect(self.restyle)
        self.restyle()

    @property
    def session(self):
        return self.controller.session

    def restyle(self) -> None:
        self.card_view.apply_colors(self.look.colors, self.look.point_size)
        self.card_list.apply_colors(self.look.colors)
        self.render()

    def refill(self) -> None:
        """The controller has a new session: list its cards and draw the first."""
        self.card_list.refill()
        self.render()

    def render(self) -> None:
        session = self.session
        card = session.current_card
        topic = self.controller.library.topic(card.topic) if card else None
        mark = self.controller.mark_shown() if card else None
        self.card_view.render(session, topic, self.look.colors,
                              self.controller.done_lines() if card is None else [],
                              bool(mark and mark.flagged), self.controller.filter.words)
        if not self.card_list.isHidden():
            self.card_list.show_current()
        self.card_info.follow(card)

    # -- the user's actions ------------------------------------------------------

    def flip(self) -> None:
        """Space or Enter: show the answer; on the answer side of a graded prompt, Good."""
        session = self.session
        if session.revealed and session.grades and session.current is not None:
            self.grade(3)
            return
        notice = self.controller.flip()
        if notice:
            self.warning.emit(notice)
        self.render()

    def mark(self, what: str) -> None:
        """Bury, suspend or flag what is on screen."""
        try:
            message = self.controller.mark(what)
        except ProgressError as error:
            self.warning.emit(str(error))
            return
        if message:
            self.message.emit(message)
            self.render()
            self.counts_changed.emit()

    def topic_options(self) -> None:
        from .study_dialogs import TopicOptionsDialog
        topic = self.controller.topic_to_edit()
        if topic is None:
            return
        dialog = TopicOptionsDialog(self, topic.title, self.controller.store.options(topic.id))
        if dialog.exec():
            try:
                self.controller.set_options(topic, dialog.options())
            except ProgressError as error:
                self.warning.emit(str(error))
                return
            self.refill()
            self.counts_changed.emit()

    def custom_study(self) -> None:
        from .study_dialogs import CustomStudyDialog
        scope = self.controller.topics_in_scope()
        dialog = CustomStudyDialog(self, scope[0].title if len(scope) == 1 else "all topics")
        if dialog.exec():
            count = self.controller.custom_study(dialog.choice.currentData(), dialog.limit.value())
            self.message.emit(f"Custom study: {plural(count, 'prompt')}, schedule untouched")
            self.mode_changed.emit()
            self.refill()

    def requiz_missed(self) -> None:
        if self.controller.requiz_missed():
            self.refill()

    def grade(self, rating: int) -> None:
        try:
            graded = self.controller.grade(rating)
        except ProgressError as error:
            self.warning.emit(str(error))  # the card stays, to be graded again
            self.render()
            return
        if not graded:
            return
        waiting = len(self.controller.log.waiting)
        if waiting:
            self.retry.start()
            self.warning.emit(f"Your progress file is in use by another program: "
                              f"{plural(waiting, 'grade')} will be saved as soon as it is free.")
        self.render()
        self.counts_changed.emit()

    def undo(self) -> None:
        try:
            item = self.controller.undo()
        except ProgressError as error:
            self.warning.emit(str(error))
            return
        if item is None:
            return
        self.render()
        self.counts_changed.emit()
        self.message.emit("Grade undone")

    def next(self) -> None:
        self.controller.next()
        self.render()

    def previous(self) -> None:
        self.controller.previous()
        self.render()

    def show_card(self, card: Card) -> None:
        if self.controller.go_to(card):
            self.render()

    def follow_link(self, card_id: str) -> None:
        self._jump(lambda: self.history.follow(card_id))

    def back(self) -> None:
        """Back to the card the last related-card link was followed from."""
        self._jump(self.history.back)

    def _jump(self, go) -> None:
        """Go to another card; when that changed the filter or mode, list the new cards."""
        before = self.controller.filter, self.controller.mode
        if not go():
            return
        if (self.controller.filter, self.controller.mode) != before:
            self.filter_changed.emit()
            self.refill()
        else:
            self.render()

    def show_card_info(self) -> None:
        if not self.card_info.open(self.session.current_card):
            self.message.emit("No card on screen")

    def show_tag(self, tag: str) -> None:
        """A tag on the card: show the cards that have it."""
        self.controller.set_filter(self.controller.filter.but(tag=tag))
        self.filter_changed.emit()
        self.refill()

    def show_in_article(self, index: int = 0) -> None:
        card = self.session.current_card
        if card is not None and 0 <= index < len(card.sources):
            source: Source = card.sources[index]
            self.article_requested.emit(source)

    def _wake(self) -> None:
        session = self.session
        if session.current is None and hasattr(session, "wake") and session.wake():
            self.render()

    def _link(self, target: str) -> None:
        """A link on the done screen: a mode, or the quiz of the ones missed."""
        if target == "missed":
            self.requiz_missed()
        else:
            self.mode_requested.emit(target)

    def ready_to_quit(self) -> bool:
        """Save the grades still waiting for a busy progress file, or ask (see
        unsaved_grades); True: quit."""
        return unsaved_grades.ready_to_quit(self, self.controller, self.message.emit)

    def save_waiting(self) -> None:
        """Try again to save grades that found the progress file busy."""
        if self.controller.flush() == 0:
            self.retry.stop()
            self.warning.emit("")
            self.message.emit("Every grade is saved")
