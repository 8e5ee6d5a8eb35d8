"""The main window: sidebar, card list, the card, and the article and statistics pages.

Authoring (AuthoringSlots) and view settings (ViewSlots) live in their own modules."""
from __future__ import annotations

from functools import cached_property
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QActionGroup, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import (QFileDialog, QLabel, QLineEdit, QMainWindow, QSizePolicy,
                               QSplitter, QStackedWidget, QToolBar, QVBoxLayout, QWidget)

from ..library import CardFilter, Library
from ..model import Card, Topic
from ..progress import ProgressError, ProgressStore
from ..stats import compute, due_summary
from ..study import MODES, StudySession, utc_now
from . import settings as settings_module
from .actions import ACTIONS, MENUS, make_action
from .authoring_slots import AuthoringSlots
from .card_list import CardList
from .card_view import CardView
from .file_watch import TopicWatcher
from .sidebar import Sidebar
from .theme import colors_for
from .view_slots import ViewSlots

ICON = Path(__file__).with_name("icon.svg")


class MainWindow(AuthoringSlots, ViewSlots, QMainWindow):
    def __init__(self, library: Library, store: ProgressStore, clock=utc_now):
        super().__init__()
        self.library = library
        self.store = store
        self.clock = clock
        self.settings = settings_module.open_settings()
        self.point_size = float(self.settings.value("view/pointSize",
                                                    settings_module.DEFAULT_POINT_SIZE))
        self.theme = str(self.settings.value("view/theme", "system"))
        self.mode = str(self.settings.value("view/mode", "study"))
        if self.mode not in MODES:
            self.mode = "study"
        self.filter = CardFilter()
        self.session: StudySession | None = None
        self._layout_restored = False  # saved size and splitters are applied on first show
        self.graded: list[tuple[int, Card]] = []  # (review id, card) of this run's grades
        self.counts: dict[str, tuple[int, int]] = {}  # topic id -> (due, new), filled lazily
        self.colors = colors_for(self.theme)

        self.setWindowIcon(QIcon(str(ICON)))
        self.setObjectName("mainWindow")
        self._build_widgets()
        self._build_actions()
        self._restore_layout()
        self.apply_theme(self.theme)
        self.show_warning(store.warning)
        self.refresh_topics(first=True)

    # -- construction --------------------------------------------------------

    def _build_widgets(self) -> None:
        self.sidebar = Sidebar()
        self.sidebar.topic_changed.connect(self.on_topic_changed)
        self.sidebar.kinds_changed.connect(self.on_kinds_changed)
        self.sidebar.tag_changed.connect(self.on_tag_changed)
        self.card_list = CardList()
        self.card_list.card_chosen.connect(self.show_card)
        self.card_view = CardView()
        self.card_view.reveal_requested.connect(self.on_reveal)
        self.card_view.grade_requested.connect(self.on_grade)
        self.card_view.next_requested.connect(self.on_next)
        self.card_view.previous_requested.connect(self.on_previous)
        self.card_view.card_link.connect(self.on_card_link)
        self.card_view.source_link.connect(self.show_source)
        self.card_view.mode_requested.connect(self.set_mode)
        self.watcher = TopicWatcher(self)
        self.watcher.changed.connect(self.on_files_changed)

        self.card_splitter = QSplitter(Qt.Orientation.Horizontal, objectName="cardSplitter")
        self.card_splitter.addWidget(self.card_list)
        self.card_splitter.addWidget(self.card_view)
        self.card_splitter.setStretchFactor(1, 1)
        self.card_splitter.setSizes([240, 760])

        self.pages = QStackedWidget(objectName="pages")
        self.pages.addWidget(self.card_splitter)  # the other pages are made on first use

        self.banner = QLabel(objectName="banner")
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()
        center = QWidget()
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        center_layout.setSpacing(0)
        center_layout.addWidget(self.banner)
        center_layout.addWidget(self.pages, 1)

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter")
        self.main_splitter.addWidget(self.sidebar)
        self.main_splitter.addWidget(center)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setSizes([250, 950])
        self.setCentralWidget(self.main_splitter)

        self.search = QLineEdit(objectName="search")
        self.search.setPlaceholderText("Search cards: title, front, back, quotes  (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(320)
        self.search.textChanged.connect(self.on_search)
        self.search_timer = QTimer(self, singleShot=True, interval=150)
        self.search_timer.timeout.connect(self._apply_search)
        self.search.returnPressed.connect(self._apply_search)
        self.search.returnPressed.connect(lambda: self.card_view.setFocus())
        self.status = QLabel(objectName="statusCounts")
        self.statusBar().addPermanentWidget(self.status)

    def _build_actions(self) -> None:
        self.actions_by_name = {}
        menus = {name: self.menuBar().addMenu(f"&{name}") for name in MENUS}
        for spec in ACTIONS:
            action = make_action(spec, self)
            action.triggered.connect(getattr(self, f"on_{spec.name}"))
            self.actions_by_name[spec.name] = action
            menus[spec.menu].addAction(action)
            self.addAction(action)  # shortcuts work even with the menu bar hidden
            if spec.name in ("save_all", "reload", "export_anki", "clear_filters", "statistics",
                             "grade_4", "back_to_card", "zoom_reset"):
                menus[spec.menu].addSeparator()
        modes = QActionGroup(self)
        themes = QActionGroup(self)
        for name in ("study", "browse", "quiz", "statistics"):
            modes.addAction(self.actions_by_name[name])
        for name in ("theme_system", "theme_light", "theme_dark"):
            themes.addAction(self.actions_by_name[name])
        self.actions_by_name[f"theme_{self.theme}"].setChecked(True)

        toolbar = QToolBar("Modes", objectName="modesToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for name in ("study", "browse", "quiz", "statistics"):
            action = self.actions_by_name[name]
            toolbar.addAction(action)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{action.text().replace('&', '')} ({keys})")
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.search)
        self.addToolBar(toolbar)

    def _restore_layout(self) -> None:
        self.resize(1240, 800)  # the first time; later, the saved geometry (on show)

    def showEvent(self, event) -> None:
        # Splitters are restored once the window has its size; restoreState
        # before that stretched the window to the saved widths instead.
        if not self._layout_restored:
            self._layout_restored = True
            # Minimum sizes cached before the children were shown are stale (too
            # wide); recompute them so the saved size is not overruled.
            self.layout().invalidate()
            self.layout().activate()
            self._restore_geometry()
            for splitter in (self.main_splitter, self.card_splitter):
                sizes = self.settings.value(f"window/{splitter.objectName()}")
                if isinstance(sizes, list) and all(str(n).isdigit() for n in sizes):
                    splitter.setSizes([int(n) for n in sizes])  # scaled to fit, unlike restoreState
        super().showEvent(event)

    def _restore_geometry(self) -> None:
        """Size, place and maximized state from last time, kept on a visible screen.

        Done after show(): some platforms resize a hidden window to its size hint
        when it first appears, and restoreGeometry() clamps to the screen first."""
        size, pos = self.settings.value("window/size"), self.settings.value("window/pos")
        if isinstance(size, QSize) and size.isValid():
            self.resize(size)
        if isinstance(pos, QPoint):
            screens = [s.availableGeometry() for s in QGuiApplication.screens()]
            if any(area.intersects(QRect(pos, self.size())) for area in screens):
                self.move(pos)
        if self.settings.value("window/maximized") in (True, "true"):
            self.showMaximized()

    def closeEvent(self, event) -> None:
        if not self.confirm_unsaved("quitting"):
            event.ignore()
            return
        self.settings.setValue("window/maximized", self.isMaximized())
        if not self.isMaximized():
            self.settings.setValue("window/size", self.size())
            self.settings.setValue("window/pos", self.pos())
        for splitter in (self.main_splitter, self.card_splitter):
            self.settings.setValue(f"window/{splitter.objectName()}", splitter.sizes())
        self.settings.setValue("view/pointSize", self.point_size)
        self.settings.setValue("view/theme", self.theme)
        self.settings.setValue("view/mode", self.mode)
        self.settings.sync()
        super().closeEvent(event)

    # -- pages made on first use (start-up shows a card, nothing more) ---------

    def _made(self, name: str) -> bool:
        return name in self.__dict__

    def _on_page(self, name: str) -> bool:
        return self._made(name) and self.pages.currentWidget() is self.__dict__[name]

    def _add_page(self, page: QWidget) -> QWidget:
        self.pages.addWidget(page)
        return page

    def _color_pages(self) -> None:
        for name in ("article_view", "topic_editor"):
            if self._made(name):
                getattr(self, name).apply_colors(self.colors, self.point_size)
        if self._made("stats_view"):
            self.stats_view.apply_colors(self.colors)

    @cached_property
    def article_view(self):
        from .article_view import ArticleView
        view = self._add_page(ArticleView())
        view.back_requested.connect(self.on_back_to_card)
        view.new_card_requested.connect(self.on_new_card_from_selection)
        view.apply_colors(self.colors, self.point_size)
        return view

    @cached_property
    def stats_view(self):
        from .stats_view import StatsView
        view = self._add_page(StatsView())
        view.apply_colors(self.colors)
        return view

    @cached_property
    def problems_view(self):
        from .problems_view import ProblemsView
        view = self._add_page(ProblemsView())
        view.problem_activated.connect(self.edit_at_problem)
        return view

    # -- topics and filters --------------------------------------------------

    def refresh_topics(self, first: bool = False) -> None:
        """Fill the sidebar and show the cards; at start-up, the card comes first."""
        self.counts.clear()
        if first:
            # The first card is drawn before the sidebar's counts and tags, and
            # before watching files: none of them is needed to see it.
            topics = self.library.topics
            self.filter = CardFilter(topic=topics[0].id if len(topics) == 1 else None)
            self._show_startup_problems()
            self.apply_filter()
            QTimer.singleShot(0, self._fill_sidebar)
            QTimer.singleShot(0, self.announce_drafts)
            return
        self._fill_sidebar()
        self._show_startup_problems()
        self.apply_filter()

    def _fill_sidebar(self) -> None:
        if self.store.closed:
            return  # the window was closed before start-up finished
        current = self.filter.topic if self.filter.topic is not None else ""
        if len(self.library.topics) == 1 and current == "":
            current = None
        self._refresh_sidebar_counts(current)
        self.filter = CardFilter(topic=self.sidebar.current_topic() or None,
                                 kinds=self.filter.kinds, tag=self.filter.tag,
                                 text=self.filter.text)
        self._refresh_tags()
        self.watcher.watch([t.path for t in self.library.topics])

    def _show_startup_problems(self) -> None:
        if self.library.problems and not self.library.topics:
            self.problems_view.show_problems(None, self.library.problems)

    def _topics_in_scope(self) -> list[Topic]:
        topic = self.library.topic(self.filter.topic)
        return [topic] if topic else list(self.library.topics)

    def _refresh_tags(self) -> None:
        tags = sorted({t for topic in self._topics_in_scope() for t in topic.tags})
        self.sidebar.set_tags(tags, self.filter.tag if self.filter.tag in tags else None)
        if self.filter.tag not in tags:
            self.filter = CardFilter(self.filter.topic, self.filter.kinds, None, self.filter.text)

    def on_topic_changed(self, topic_id: str) -> None:
        self.filter = CardFilter(topic_id or None, self.filter.kinds, self.filter.tag,
                                 self.filter.text)
        self._refresh_tags()
        self.apply_filter()

    def on_kinds_changed(self, kinds) -> None:
        self.filter = CardFilter(self.filter.topic, kinds, self.filter.tag, self.filter.text)
        self.apply_filter()

    def on_tag_changed(self, tag) -> None:
        self.filter = CardFilter(self.filter.topic, self.filter.kinds, tag, self.filter.text)
        self.apply_filter()

    def on_search(self, _text: str) -> None:
        self.search_timer.start()  # typing "pragmatism" should not rebuild the deck ten times

    def _apply_search(self) -> None:
        text = self.search.text()
        if text != self.filter.text:
            self.filter = CardFilter(self.filter.topic, self.filter.kinds, self.filter.tag, text)
            self.apply_filter()

    def set_filter(self, wanted: CardFilter) -> None:
        """Show these cards, with the sidebar and the search box saying so."""
        self.search_timer.stop()
        self.search.blockSignals(True)
        self.search.setText(wanted.text)
        self.search.blockSignals(False)
        self.sidebar.show_filter(wanted.topic, wanted.kinds)
        self.filter = wanted
        self._refresh_tags()
        self.apply_filter()

    def apply_filter(self) -> None:
        """Recompute the visible cards and restart the session of the current mode."""
        cards = self.library.cards(self.filter)
        self.card_list.set_cards(cards)
        self.session = StudySession(cards, self.store if self.mode == "study" else None,
                                    self.mode, self.clock)
        topic = self.library.topic(self.filter.topic)
        if self._on_page("topic_editor"):
            pass  # a save reloads the cards; the user stays in the editor
        elif topic is not None and topic.problems:
            self.problems_view.show_problems(topic, list(topic.problems))
            self.pages.setCurrentWidget(self.problems_view)
        elif not self._on_page("stats_view"):
            self.pages.setCurrentWidget(self.card_splitter)
        if self._on_page("stats_view"):
            self.update_stats()
        self.actions_by_name[self.mode].setChecked(not self._on_page("stats_view"))
        self.card_list.setVisible(self.mode == "browse" or bool(self.filter.text))
        self.counts.clear()  # cards fall due as time passes: count afresh now and then
        self._update_status()
        self.render()

    # -- the card ------------------------------------------------------------

    def render(self) -> None:
        self.card_view.render(self.session, self._topic_of, self.colors)
        if not self.card_list.isHidden():
            self.card_list.select(self.session.current if self.session else None)
        title = self.library.topic(self.filter.topic)
        self.setWindowTitle(f"Briefing Cards — {title.title}" if title else "Briefing Cards")
        self.actions_by_name["undo"].setEnabled(bool(self.session and (
            self.session.can_undo or (self.graded and self.mode == "study"))))

    def _topic_of(self, card: Card) -> Topic | None:
        return self.library.topic(card.topic)

    def _count(self, topic: Topic) -> tuple[int, int]:
        """(due, new) of a topic, from the store once until something changes it."""
        if topic.id not in self.counts:
            self.counts[topic.id] = due_summary(self.store, topic, self.clock())
        return self.counts[topic.id]

    def _update_status(self) -> None:
        scope = self._topics_in_scope()
        due = new = 0
        for topic in scope:
            d, n = self._count(topic)
            due, new = due + d, new + n
        shown = len(self.session.cards) if self.session else 0
        total = sum(len(t.cards) for t in scope)
        matching = f"{shown} of {total} cards shown" if shown != total else f"{total} cards"
        self.status.setText(f"{matching} · {due} due · {new} new")

    def show_card(self, card: Card) -> None:
        if self.session and self.session.go_to(card):
            self.pages.setCurrentWidget(self.card_splitter)
            self.render()

    def on_card_link(self, card_id: str) -> None:
        current = self.session.current if self.session else None
        topic = self.library.topic(current.topic) if current else None
        card = topic.card(card_id) if topic else None
        if card is None:
            return
        if self.session.go_to(card):
            self.render()
            return
        # The related card is filtered out: browse the whole topic to reach it.
        self.mode = "browse"
        self.set_filter(CardFilter(card.topic))
        self.show_card(card)

    def on_reveal(self) -> None:
        if self.pages.currentWidget() is not self.card_splitter or not self.session:
            return
        if self.session.mode == "browse" and self.session.revealed:
            self.session.revealed = False  # browsing flips both ways
        else:
            self.session.reveal()
        self.render()

    def on_grade(self, rating: int) -> None:
        if (self.pages.currentWidget() is not self.card_splitter or not self.session
                or not self.session.revealed or self.session.mode == "browse"):
            return
        card = self.session.current
        try:
            self.session.grade(rating)
        except ProgressError as error:
            self.show_warning(str(error))  # the card stays, to be graded again
            self.render()
            return
        if self.session.last_review_id is not None:
            # Kept by the window: the session is rebuilt whenever the filters change.
            self.graded.append((self.session.last_review_id, card))
        self.show_warning(self.store.warning)
        self.render()
        if self.session.mode == "study":
            self._counts_changed(card.topic)

    def _refresh_sidebar_counts(self, current: str | None = ...) -> None:
        counts = {t.id: self._count(t) for t in self.library.topics}
        keep = self.sidebar.current_topic() if current is ... else current
        self.sidebar.set_topics(self.library.topics, counts, keep)

    def _counts_changed(self, topic_id: str) -> None:
        self.counts.pop(topic_id, None)
        self._refresh_sidebar_counts()
        self._update_status()

    def on_grade_1(self): self.on_grade(1)
    def on_grade_2(self): self.on_grade(2)
    def on_grade_3(self): self.on_grade(3)
    def on_grade_4(self): self.on_grade(4)

    def on_undo(self) -> None:
        """Take back the last grade, even one given before the filters changed."""
        if self.session is None:
            return
        try:
            if self.session.can_undo:
                review_id = self.session.last_review_id
                undone = self.session.undo()
            elif self.graded and self.mode == "study":
                review_id, card = self.graded[-1]
                self.session.take_back(review_id, card)
                undone = True
            else:
                review_id, undone = None, False
        except ProgressError as error:
            self.show_warning(str(error))
            return
        if self.graded and review_id is not None and self.graded[-1][0] == review_id:
            self.graded.pop()
        if undone:
            self.pages.setCurrentWidget(self.card_splitter)
            self.render()
            self._counts_changed(self.session.current.topic)
            self.statusBar().showMessage("Grade undone", 3000)

    def on_next(self) -> None:
        if self.session and self.pages.currentWidget() is self.card_splitter:
            self.session.next()
            self.render()

    def on_previous(self) -> None:
        if self.session and self.pages.currentWidget() is self.card_splitter:
            self.session.previous()
            self.render()

    # -- modes and pages -----------------------------------------------------

    def set_mode(self, mode: str) -> None:
        if mode == "statistics":
            self.on_statistics()
            return
        self.mode = mode
        if not self._on_page("problems_view"):
            self.pages.setCurrentWidget(self.card_splitter)
        self.apply_filter()
        if self._on_page("problems_view"):
            self.pages.setCurrentWidget(self.card_splitter)  # study a broken topic's good cards

    def on_study(self): self.set_mode("study")
    def on_browse(self): self.set_mode("browse")
    def on_quiz(self): self.set_mode("quiz")

    def on_statistics(self) -> None:
        self.update_stats()
        self.pages.setCurrentWidget(self.stats_view)
        self.actions_by_name["statistics"].setChecked(True)

    def update_stats(self) -> None:
        scope = self._topics_in_scope()
        name = scope[0].title if len(scope) == 1 else "all topics"
        self.stats_view.show_stats(compute(self.store, scope, self.clock()), name)

    def show_source(self, index: int = 0) -> None:
        card = self.session.current if self.session else None
        if card is None or not 0 <= index < len(card.sources):
            return
        source = card.sources[index]
        try:
            article = self.library.seeds.text(source.seed.path)
        except (OSError, UnicodeDecodeError) as error:
            self.show_warning(f"Cannot open the article {source.seed.path}: {error}")
            return
        self.article_view.show_quote(source.seed, article, source.quote)
        self.pages.setCurrentWidget(self.article_view)

    def on_show_in_article(self) -> None:
        self.show_source(0)

    def on_back_to_card(self) -> None:
        if any(self._on_page(name) for name in ("article_view", "stats_view", "topic_editor")):
            self.pages.setCurrentWidget(self.card_splitter)
            self.actions_by_name[self.mode].setChecked(True)
            self.render()
        elif self.search.hasFocus() and self.search.text():
            self.search.clear()

    # -- files ---------------------------------------------------------------

    def on_open_folder(self) -> None:
        start = str(self.library.paths[0]) if self.library.paths else str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, "Open a topic folder or a folder of topics",
                                                  start)
        if folder:
            self.open_paths([Path(folder)])

    def open_paths(self, paths: list[Path]) -> None:
        if not self.confirm_unsaved("opening another folder"):
            return
        if self._made("topic_editor"):
            self.topic_editor.close_all()
            self.topic_editor.folder = None
        self.library.paths = list(paths)
        self.on_reload()

    def on_reload(self) -> None:
        self.library.reload()
        self.refresh_topics()
        problems = sum(len(t.problems) for t in self.library.topics) + len(self.library.problems)
        self.statusBar().showMessage(
            f"Loaded {len(self.library.topics)} topic(s)"
            + (f", {problems} problem(s)" if problems else ""), 5000)

    def on_export_pdf(self) -> None:
        from .export_dialog import PdfExportDialog  # reportlab loads only when asked for
        PdfExportDialog(self, self._topics_in_scope(), self.filter).exec()

    def on_export_anki(self) -> None:
        from .export_dialog import AnkiExportDialog
        AnkiExportDialog(self, self._topics_in_scope()).exec()

    def on_quit(self) -> None:
        self.close()
