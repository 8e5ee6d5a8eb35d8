"""The main window: it assembles the sidebar and the pages and routes menus and keys.

What to study lives in the StudyController, writing topics in Authoring, the look
in Look; each page draws itself. The window only connects them.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from .. import clock as default_clock
from ..datafolder import DataFolder
from ..library import CardFilter, Library
from ..model import Card
from ..progress import ProgressStore
from ..study import Mode, StudyController
from . import actions as action_table
from . import window_actions, window_layout
from .authoring import EDITOR, Authoring
from .banner import Banner
from .briefing_pages import BriefingPages
from .file_watch import TopicWatcher
from .filters import Filters
from .first_frame import after_first_frame
from .importer import Importer
from .look import Look
from .pages import PageStack
from .reading import ARTICLE, Reading
from .report_pages import PROBLEMS, STATS, ReportPages
from .settings import DEFAULT_POINT_SIZE, open_settings
from .sidebar import Sidebar
from .study_page import StudyPage
from .toolbar import mode_toolbar
from .topic_files import TopicFiles
from .topic_notice import TopicNotice

ICON = Path(__file__).with_name("icon.svg")
STUDY = "study"


class MainWindow(QMainWindow):
    def __init__(self, library: Library, store: ProgressStore, folder: DataFolder,
                 clock: Callable[[], datetime] = default_clock.now, start: bool = True):
        """start False: the topics are still being read; refresh_topics(first=True) once
        they are (see topic_loading)."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowIcon(QIcon(str(ICON)))
        self.library, self.store, self.clock = library, store, clock
        self.settings = open_settings(folder)
        mode = str(self.settings.value("view/mode", Mode.STUDY.value))
        self.controller = StudyController(library, store, clock,
                                          Mode(mode) if mode in {m.value for m in Mode}
                                          else Mode.STUDY)
        self.look = Look(str(self.settings.value("view/theme", "system")),
                         float(self.settings.value("view/pointSize", DEFAULT_POINT_SIZE)), self)
        self._layout_restored = False
        self._size_said: float | None = None  # the text size the status bar last named
        self._counting = True
        self.started = False  # True once what follows the first frame is done
        # Only the first cards of a topic are read yet (a first start, see topic_loading):
        # the sidebar and the counts, which would be those of a part, wait for the rest.
        self.partial = False

        self.sidebar = Sidebar()
        self.filters = Filters(self.controller, self.sidebar, self)
        self.filters.changed.connect(self._show_cards)
        self.search = self.filters.search
        self.pages = PageStack()
        self.study = self.pages.add(STUDY, StudyPage(self.controller, self.look))
        self.study.counts_changed.connect(self.refresh_counts)
        self.study.filter_changed.connect(self._filter_changed_by_page)
        self.study.mode_requested.connect(lambda name: self.handlers[name]())
        self.study.mode_changed.connect(lambda: self.actions_by_name[
            self.controller.mode.value].setChecked(True))
        self.study.warning.connect(lambda text: self.banner.say("grades", text))
        self.study.message.connect(lambda text: self.statusBar().showMessage(text, 3000))
        self.reports = ReportPages(self.pages, self.controller, self.look, self)
        self.reports.edit_problem.connect(lambda problem: self.authoring.edit_at_problem(
            problem, self.controller.topic_to_edit()))
        self.briefing = BriefingPages(self.pages, self.controller, self.look, self)
        self.briefing.card_requested.connect(self.open_card)
        self.briefing.shown.connect(lambda name: self.actions_by_name[name].setChecked(True))
        self.authoring = Authoring(self, library, self.pages, folder, self.look)
        self.topic_files = TopicFiles(self, self.controller, self.authoring, self.set_filter)
        self.topic_files.reloaded.connect(self.refresh_topics)
        self.topic_files.card_kept.connect(self.study.render)
        self.topic_files.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.authoring.topic_saved.connect(self.topic_files.reload_topic)
        self.authoring.topic_created.connect(self.topic_files.topic_created)
        self.authoring.files_changed.connect(self.topic_files.files_changed)
        self.authoring.back_requested.connect(self.back_to_card)
        self.authoring.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.authoring.warning.connect(lambda text: self.banner.say("authoring", text))
        self.reading = Reading(self, library, self.pages, self.look, self.authoring, self.settings)
        self.study.article_requested.connect(self.reading.show_source)
        self.reading.card_requested.connect(self.open_card)
        self.reading.back_requested.connect(self.back_to_card)
        self.reading.warning.connect(lambda text: self.banner.say("article", text))
        self.reading.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.topic_files.reloaded.connect(self.reading.refresh)
        self.importer = Importer(self, library, self.topic_files, self.reading,
                                 self.controller.topic_to_edit, self.authoring.new_topics_folder)
        self.watcher = TopicWatcher(self)
        self.watcher.changed.connect(self.authoring.disk_changed)
        self.banner = Banner()
        self.notice = TopicNotice()
        self.notice.show_problems.connect(self.show_problems)
        self.notice.edit_problem.connect(lambda problem: self.authoring.edit_at_problem(
            problem, self.controller.topic_to_edit()))
        self._assemble()

        self.handlers = window_actions.handlers(self)
        self.actions_by_name = action_table.install(self, self.handlers)
        self.search.returnPressed.connect(self.study.card_view.setFocus)
        self.addToolBar(mode_toolbar(self.actions_by_name, self.search))
        self.actions_by_name[f"theme_{self.look.theme}"].setChecked(True)
        self.actions_by_name["suggestions"].setChecked(self.reading.panel_shown)
        self.reading.suggestions_shown.connect(self.actions_by_name["suggestions"].setChecked)
        self.look.changed.connect(self._restyle)
        self.look.apply()
        self.banner.say("store", store.warning)
        if start:
            self.refresh_topics(first=True)

    def _assemble(self) -> None:
        center = QWidget()
        layout = QVBoxLayout(center)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.notice)
        layout.addWidget(self.pages, 1)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter")
        self.main_splitter.addWidget(self.sidebar)
        self.main_splitter.addWidget(center)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setSizes([250, 950])
        self.setCentralWidget(self.main_splitter)
        self.status = QLabel(objectName="statusCounts")
        self.statusBar().addPermanentWidget(self.status)
        self.resize(1240, 800)  # the first time; later, the saved geometry (on show)

    # -- pages made on first use ---------------------------------------------------

    def _restyle(self) -> None:
        colors, size = self.look.colors, self.look.point_size
        self.banner.restyle(colors)
        self.notice.restyle(colors)
        self.sidebar.restyle(colors, self.look.scale)
        if self._size_said is not None and size != self._size_said:  # zoomed, not started
            self.statusBar().showMessage(f"Text size {size:g} pt", 2000)
        self._size_said = size

    # -- showing and closing -------------------------------------------------------

    def showEvent(self, event) -> None:
        if not self._layout_restored:
            self._layout_restored = True
            window_layout.restore(self, self.settings, [self.main_splitter, self.study])
        super().showEvent(event)

    def closeEvent(self, event) -> None:
        if not self.authoring.confirm_unsaved("quitting") or not self.study.ready_to_quit():
            event.ignore()
            return
        window_layout.save(self, self.settings, [self.main_splitter, self.study])
        self.settings.setValue("view/pointSize", self.look.point_size)
        self.settings.setValue("view/theme", self.look.theme)
        self.settings.setValue("view/mode", self.controller.mode.value)
        self.settings.sync()
        super().closeEvent(event)

    # -- topics and filters --------------------------------------------------------

    def refresh_topics(self, first: bool = False) -> None:
        """Fill the sidebar and show the cards; at start-up, the card comes first."""
        topics = self.library.topics
        if first:
            # The first card is drawn before the counts, the sidebar's topics and tags, and
            # before watching files: none of them is needed to see it.
            self.controller.set_filter(CardFilter(topics[0].id if len(topics) == 1 else None))
            self._counting = False
            self._show_cards()
            self._counting = True
            after_first_frame(self, self._after_first_frame)
            return
        wanted = self.controller.filter
        if self.library.topic(wanted.topic) is None:  # that topic is gone, or never was
            wanted = wanted.but(topic=topics[0].id if len(topics) == 1 else None)
        self.controller.filter = wanted
        self._fill_sidebar()
        reading = self.pages.showing(ARTICLE)
        self.set_filter(wanted)
        if reading:  # a card added from the article: go on reading
            self.pages.show_page(ARTICLE)

    def _after_first_frame(self) -> None:
        if self.store.closed:
            return  # the window was closed before start-up finished
        self.refresh_counts()
        self._fill_sidebar()
        self.authoring.announce_drafts()
        self.started = True

    def _fill_sidebar(self) -> None:
        if self.store.closed or self.partial:
            return  # the window was closed before start-up finished, or is not done
        self.filters.fill()
        self.watcher.watch([t.path for t in self.library.topics])

    def set_filter(self, wanted: CardFilter) -> None:
        self.filters.set_filter(wanted)

    def _filter_changed_by_page(self) -> None:
        self.filters.follow_controller()
        self.actions_by_name[self.controller.mode.value].setChecked(True)
        self.refresh_counts()

    def _show_cards(self) -> None:
        """Draw the new session on the page the filter calls for."""
        self.study.refill()
        scope = self.controller.topics_in_scope()
        self.notice.say(scope, self.library.problems)
        if self.library.problems and not self.library.topics:
            self.reports.show_problems(None, self.library.problems)
        elif self.pages.showing(EDITOR):
            pass  # a save reloads the cards; the user stays in the editor
        elif len(scope) == 1 and scope[0].problems and not scope[0].cards:
            self.reports.show_problems(scope[0], list(scope[0].problems))
        elif self.briefing.showing():
            self.briefing.follow_scope()  # the timeline (map, comparison) of the topic chosen
        elif not self.pages.showing(STATS):
            self.pages.show_page(STUDY)  # a topic with problems: its good cards, and the notice
        if self.pages.showing(STATS):
            self.reports.update_statistics()
        self.actions_by_name[self.controller.mode.value].setChecked(
            not self.pages.showing(STATS) and not self.briefing.showing())
        self.refresh_counts()

    def refresh_counts(self) -> None:
        title = self.library.topic(self.controller.filter.topic)
        self.setWindowTitle(f"Briefing Cards — {title.title}" if title else "Briefing Cards")
        self.actions_by_name["undo"].setEnabled(self.controller.can_undo)
        # counting 50,000 prompts waits for the first frame, and a part for the whole
        if self._counting and not self.partial:
            self.status.setText(self.controller.status_text())
            self.filters.update_counts()

    # -- modes and pages -----------------------------------------------------------

    def set_mode(self, mode: Mode) -> None:
        was_problems = self.pages.showing(PROBLEMS)
        if not was_problems:
            self.pages.show_page(STUDY)
        self.controller.set_mode(mode)
        self._show_cards()
        if was_problems:
            self.pages.show_page(STUDY)  # study a broken topic's good cards

    def show_problems(self) -> None:
        self.reports.show_scope_problems(self.library.problems)

    def show_statistics(self) -> None:
        self.reports.show_statistics()
        self.actions_by_name["statistics"].setChecked(True)

    def open_card(self, card: Card) -> None:
        """Show a card on the study page (its quote was clicked in the article, or it was
        clicked on a timeline, the actor map or a comparison)."""
        before = (self.controller.filter, self.controller.mode)
        self.controller.open(card)
        self.pages.show_page(STUDY)
        self.actions_by_name[self.controller.mode.value].setChecked(True)
        if (self.controller.filter, self.controller.mode) != before:
            self._filter_changed_by_page()
            self.study.refill()
        else:
            self.study.render()

    def back_to_card(self) -> None:
        """Escape: from another page back to the card; from the search box, the search
        cleared and the keys back on the card (Space flips it again, not types)."""
        if self.search.hasFocus():
            if self.search.text():
                self.filters.set_filter(self.controller.filter.but(text=""), sidebar=False)
            self.study.card_view.setFocus()
        elif (self.pages.current_name in (ARTICLE, STATS, EDITOR, PROBLEMS)
              or self.briefing.showing()):
            self.pages.show_page(STUDY)
            self.actions_by_name[self.controller.mode.value].setChecked(True)
            self.study.render()
            self.study.card_view.setFocus()

    def _enter(self) -> None:
        """Space or Enter. The window's shortcut takes Enter before the search box sees it:
        there it applies the search (and gives the keys back to the card), never a flip."""
        if self.search.hasFocus():
            self.filters.apply_search()
            self.study.card_view.setFocus()
        else:
            self.study.flip()

    def edit_topic(self) -> None:
        self.authoring.edit_topic(self.controller.topic_to_edit(),
                                  self.controller.session.current_card)

    def export_pdf(self) -> None:
        from .export_dialog import PdfExportDialog  # reportlab loads only when asked for
        PdfExportDialog(self, self.controller.topics_in_scope(), self.controller.filter).exec()

    def export_anki(self) -> None:
        from .export_dialog import AnkiExportDialog
        AnkiExportDialog(self, self.controller.topics_in_scope()).exec()
