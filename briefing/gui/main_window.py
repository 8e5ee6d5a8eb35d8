"""The main window: sidebar, card list, the card, and the article and statistics pages."""
from __future__ import annotations

from functools import cached_property
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QActionGroup, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import (QApplication, QFileDialog, QInputDialog, QLabel, QLineEdit,
                               QMainWindow, QMessageBox, QSizePolicy, QSplitter, QStackedWidget,
                               QToolBar, QVBoxLayout, QWidget)

from .. import __version__
from ..library import CardFilter, Library
from ..topics import TOPIC_FILE
from ..model import KIND_LABELS, Card, Problem, Topic
from ..progress import ProgressError, ProgressStore
from ..stats import compute, due_summary
from ..study import StudySession, utc_now
from . import settings as settings_module
from .actions import ACTIONS, MENUS, make_action
from .card_list import CardList
from .card_view import CardView
from .file_watch import TopicWatcher
from .shortcuts_dialog import ShortcutsDialog
from .sidebar import Sidebar
from .theme import colors_for, palette_for

ICON = Path(__file__).with_name("icon.svg")
MODES = ("study", "browse", "quiz")
MIN_POINT, MAX_POINT = 8.0, 32.0


class MainWindow(QMainWindow):
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
        if not getattr(self, "_layout_restored", False):
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

    @cached_property
    def topic_editor(self):
        from .topic_editor import TopicEditor
        editor = self._add_page(TopicEditor(self.library.seeds))
        editor.saved.connect(self.on_topic_saved)
        editor.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        editor.back_requested.connect(self.on_back_to_card)
        editor.apply_colors(self.colors, self.point_size)
        return editor

    # -- topics and filters --------------------------------------------------

    def refresh_topics(self, first: bool = False) -> None:
        """Fill the sidebar and show the cards; at start-up, the card comes first."""
        if first:
            # The first card is drawn before the sidebar's counts and tags, and
            # before watching files: none of them is needed to see it.
            topics = self.library.topics
            self.filter = CardFilter(topic=topics[0].id if len(topics) == 1 else None)
            self._show_startup_problems()
            self.apply_filter()
            QTimer.singleShot(0, self._fill_sidebar)
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

    def on_search(self, text: str) -> None:
        self.filter = CardFilter(self.filter.topic, self.filter.kinds, self.filter.tag, text)
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
        self.render()

    # -- the card ------------------------------------------------------------

    def render(self) -> None:
        self.card_view.render(self.session, self._topic_of, self.colors)
        if not self.card_list.isHidden():
            self.card_list.select(self.session.current if self.session else None)
        title = self.library.topic(self.filter.topic)
        self.setWindowTitle(f"Briefing Cards — {title.title}" if title else "Briefing Cards")
        self.actions_by_name["undo"].setEnabled(bool(self.session and self.session.can_undo))
        self._update_status()

    def _topic_of(self, card: Card) -> Topic | None:
        return self.library.topic(card.topic)

    def _update_status(self) -> None:
        scope = self._topics_in_scope()
        now = self.clock()
        due = new = 0
        for topic in scope:
            d, n = due_summary(self.store, topic, now)
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
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.sidebar.reset_filters()
        self.filter = CardFilter(card.topic)
        self.mode = "browse"
        self.apply_filter()
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
        try:
            self.session.grade(rating)
        except ProgressError as error:
            self.show_warning(str(error))  # the card stays, to be graded again
            self.render()
            return
        self.show_warning(self.store.warning)
        self.render()
        if self.session.mode == "study":
            self._refresh_sidebar_counts()

    def _refresh_sidebar_counts(self, current: str | None = ...) -> None:
        now = self.clock()
        counts = {t.id: due_summary(self.store, t, now) for t in self.library.topics}
        keep = self.sidebar.current_topic() if current is ... else current
        self.sidebar.set_topics(self.library.topics, counts, keep)

    def on_grade_1(self): self.on_grade(1)
    def on_grade_2(self): self.on_grade(2)
    def on_grade_3(self): self.on_grade(3)
    def on_grade_4(self): self.on_grade(4)

    def on_undo(self) -> None:
        try:
            undone = bool(self.session and self.session.undo())
        except ProgressError as error:
            self.show_warning(str(error))
            return
        if undone:
            self.pages.setCurrentWidget(self.card_splitter)
            self.render()
            self._refresh_sidebar_counts()
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

    # -- authoring -----------------------------------------------------------

    def confirm_unsaved(self, doing: str) -> bool:
        """Ask before unsaved editor text could be lost; True when it is safe to go on."""
        if not self._made("topic_editor") or not self.topic_editor.has_unsaved():
            return True
        answer = QMessageBox.question(
            self, "Unsaved changes", f"You have unsaved changes to topic files. Save them before "
            f"{doing}?", QMessageBox.StandardButton.SaveAll | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.SaveAll)
        if answer == QMessageBox.StandardButton.SaveAll:
            return self.topic_editor.save_all()
        return answer == QMessageBox.StandardButton.Discard

    def topic_to_edit(self) -> Topic | None:
        topic = self.library.topic(self.filter.topic)
        if topic is None and self.session and self.session.current:
            topic = self.library.topic(self.session.current.topic)
        return topic or (self.library.topics[0] if self.library.topics else None)

    def open_editor(self, topic: Topic) -> bool:
        if self.topic_editor.folder not in (None, topic.path):
            if not self.confirm_unsaved("opening another topic"):
                return False
            self.topic_editor.close_all()
            self.topic_editor.folder = None
        self.topic_editor.apply_colors(self.colors, self.point_size)
        self.topic_editor.open_topic(topic)
        self.pages.setCurrentWidget(self.topic_editor)
        return True

    def on_edit_topic(self) -> None:
        topic = self.topic_to_edit()
        if topic is not None:
            self.open_editor(topic)
            card = self.session.current if self.session else None
            if card is not None and card.topic == topic.id and card.file is not None:
                self.topic_editor.go_to_problem(Problem(str(card.file), card.line, 1, ""))

    def edit_at_problem(self, problem: Problem) -> None:
        topic = next((t for t in self.library.topics
                      if Path(problem.path).parent == t.path), self.topic_to_edit())
        if topic is not None and self.open_editor(topic):
            self.topic_editor.go_to_problem(problem)

    def on_save(self) -> None:
        if self._on_page("topic_editor"):
            self.topic_editor.save_current()

    def on_save_all(self) -> None:
        if self._made("topic_editor"):
            self.topic_editor.save_all()

    def on_topic_saved(self, folder: Path) -> None:
        self.reload_topic(Path(folder))

    def reload_topic(self, folder: Path) -> None:
        """Load one topic again from disk; study progress is keyed by id, so it stays."""
        current = self.session.current if self.session else None
        self.library.reload_topic(folder)
        self.refresh_topics()
        if current is not None:
            topic = self.library.topic(current.topic)
            again = topic.card(current.id) if topic else None
            if again is not None and self.session.go_to(again):
                self.render()

    def on_files_changed(self, folders) -> None:
        """Other programs changed topic files: reload them; the editor asks about conflicts."""
        for folder in folders:
            if self._made("topic_editor") and self.topic_editor.folder == folder:
                for entry in list(self.topic_editor.files):
                    self.topic_editor.on_disk_changed(entry.path)
                self.topic_editor.validate()
            if folder.exists():
                self.reload_topic(folder)
            else:
                self.on_reload()

    def on_new_topic(self) -> None:
        from .new_topic_dialog import NewTopicDialog
        dialog = NewTopicDialog(self, self.cards_folder())
        if dialog.exec() and dialog.created is not None:
            self.create_topic_done(dialog.created)

    def cards_folder(self) -> Path:
        """Where new topics go: the open folder of topics (a topic folder's parent)."""
        first = self.library.paths[0] if self.library.paths else Path("cards")
        return first.parent if (first / TOPIC_FILE).is_file() else first

    def create_topic_done(self, folder: Path) -> None:
        if not any(folder.parent == p or folder == p for p in self.library.paths):
            self.library.paths.append(folder.parent)
        self.on_reload()
        topic = next((t for t in self.library.topics if t.path == folder), None)
        if topic is not None:
            self.sidebar.set_topics(self.library.topics, {}, topic.id)
            self.on_topic_changed(topic.id)
            self.open_editor(topic)

    def on_new_card_from_selection(self, kind: str | None = None) -> None:
        kind = kind if isinstance(kind, str) else None  # a menu action passes `checked`
        if not self._on_page("article_view"):
            self.statusBar().showMessage("Open a card's article and select a passage first", 4000)
            return
        quote = self.article_view.selected_text().strip()
        seed = self.article_view.seed
        if not quote or seed is None:
            self.statusBar().showMessage("Select a passage in the article first", 4000)
            return
        topic = next((t for t in self.library.topics if seed in t.seeds), None)
        if topic is None:
            return
        if kind is None:
            labels = {KIND_LABELS[k][:-1] if k != "figure" else "Key figure": k
                      for k in ("actor", "objective", "figure")}
            label, ok = QInputDialog.getItem(self, "New card from selection",
                                             "Kind of card:", list(labels), 0, False)
            if not ok:
                return
            kind = labels[label]
        if not self.open_editor(topic):
            return
        from ..authoring import slug, unique_id
        taken = {c.id for c in topic.cards}
        card_id = unique_id(slug(quote), taken)
        target = self._file_for_kind(topic, kind)
        if not self.topic_editor.add_card(target, kind, card_id, seed.id, quote):
            target = topic.path / "new-cards.yaml"
            if not target.exists():
                from ..atomic import write_text
                write_text(target, "cards:\n")
            self.topic_editor.add_card(target, kind, card_id, seed.id, quote)
        self.statusBar().showMessage(f"Added card '{card_id}' to {target.name}: fill in the "
                                     "empty fields", 8000)

    @staticmethod
    def _file_for_kind(topic: Topic, kind: str) -> Path:
        """The file that already holds this kind of card, by name or by content."""
        by_name = [f for f in topic.files if kind in f.name]
        if by_name:
            return by_name[0]
        counts: dict[Path, int] = {}
        for card in topic.cards:
            if card.kind == kind and card.file is not None:
                counts[card.file] = counts.get(card.file, 0) + 1
        if counts:
            return max(counts, key=counts.get)
        others = [f for f in topic.files if f.name != TOPIC_FILE]
        return others[-1] if others else topic.path / TOPIC_FILE

    def on_export_pdf(self) -> None:
        from .export_dialog import PdfExportDialog  # reportlab loads only when asked for
        PdfExportDialog(self, self._topics_in_scope(), self.filter).exec()

    def on_export_anki(self) -> None:
        from .export_dialog import AnkiExportDialog
        AnkiExportDialog(self, self._topics_in_scope()).exec()

    def on_quit(self) -> None:
        self.close()

    # -- find, zoom, theme, help ---------------------------------------------

    def on_find(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def on_clear_filters(self) -> None:
        self.search.clear()
        self.sidebar.reset_filters()
        self.filter = CardFilter(self.filter.topic)
        self.apply_filter()

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
        ShortcutsDialog(self).exec()

    def on_about(self) -> None:
        QMessageBox.about(self, "About Briefing Cards",
                          f"<b>Briefing Cards {__version__}</b><p>Flashcard briefings on a "
                          "policy topic's actors, objectives and key figures. Every card cites "
                          "its source article with a verbatim quote.</p>")
