"""Writing topics in the app: the editor page and the actions that own it (edit a topic,
save, new topic, a new card from a passage of the article, files changed by other
programs, drafts left by a crash)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from ..authoring import file_for_kind, slug, spare_card_file, unique_id
from ..datafolder import DataFolder
from ..drafts import Drafts
from ..library import Library
from ..model import KIND_NAMES, KINDS, Card, Problem, Topic
from ..topics import TOPIC_FILE
from .look import Look
from .pages import PageStack

EDITOR = "editor"


class Authoring(QObject):
    topic_saved = Signal(object)     # a topic folder whose files were written
    topic_created = Signal(object)   # the folder of a new topic
    files_changed = Signal(object)   # topic folders changed by another program
    back_requested = Signal()
    message = Signal(str)            # for the status bar
    warning = Signal(str)            # for the banner ("" clears it)

    def __init__(self, window: QWidget, library: Library, pages: PageStack, folder: DataFolder,
                 look: Look):
        super().__init__(window)
        self.window = window
        self.library = library
        self.pages = pages
        self.drafts = Drafts(folder.drafts)
        self.recovered = folder.recovered
        self.look = look
        pages.lazy(EDITOR, self._make_editor)

    def _make_editor(self):
        from .topic_editor import TopicEditor
        editor = TopicEditor(self.library.seeds, self.drafts, self.recovered)
        editor.saved.connect(self.topic_saved)
        editor.message.connect(self.message)
        editor.back_requested.connect(self.back_requested)
        editor.apply_colors(self.look.colors, self.look.point_size)
        self.look.changed.connect(lambda: editor.apply_colors(self.look.colors,
                                                              self.look.point_size))
        return editor

    @property
    def editor(self):
        """The editor page, made on first use."""
        return self.pages.page(EDITOR)

    def _open_editor(self):
        return self.pages.made(EDITOR)

    # -- unsaved work ------------------------------------------------------------

    def confirm_unsaved(self, doing: str) -> bool:
        """Ask before unsaved editor text could be lost; True when it is safe to go on."""
        editor = self._open_editor()
        if editor is None or not editor.has_unsaved():
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.window, "Unsaved changes", "You have unsaved changes to topic files. Save them "
            f"before {doing}?", buttons.SaveAll | buttons.Discard | buttons.Cancel, buttons.SaveAll)
        if answer == buttons.SaveAll:
            return editor.save_all()
        if answer == buttons.Discard:
            editor.close_topic()  # and its drafts: discarded means discarded
            return True
        return False

    def close_topic(self) -> None:
        editor = self._open_editor()
        if editor is not None:
            editor.close_topic()

    def announce_drafts(self) -> None:
        """Say so when the last session left unsaved edits (a crash, a killed app)."""
        drafts = self.drafts.pending(t.path for t in self.library.topics)
        editor = self._open_editor()
        if editor is not None:  # edits open in the editor are this session's
            open_now = {e.path.resolve() for e in editor.files}
            drafts = [d for d in drafts if d.path not in open_now]
        names = ", ".join(sorted({d.path.name for d in drafts}))
        self.warning.emit(f"Unsaved edits to {names} from your last session are kept: open the "
                          "topic with Edit > Edit Topic (Ctrl+E) to get them back." if drafts else "")

    # -- editing -------------------------------------------------------------------

    def open_editor(self, topic: Topic) -> bool:
        editor = self.editor
        if editor.folder not in (None, topic.path):
            if not self.confirm_unsaved("opening another topic"):
                return False
            editor.close_topic(keep_drafts=False)
        editor.open_topic(topic)
        self.pages.setCurrentWidget(editor)
        if editor.current() is not None:
            editor.current().editor.setFocus()  # typing goes to the file, as after a click
        self.warning.emit("")  # the drafts, if any, are open now
        return True

    def edit_topic(self, topic: Topic | None, card: Card | None = None) -> None:
        """Open a topic's files at its first problem, or at the card on screen."""
        if topic is None or not self.open_editor(topic):
            return
        if topic.problems:
            self.editor.go_to_problem(topic.problems[0])
        elif card is not None and card.topic == topic.id and card.file is not None:
            self.editor.go_to_problem(Problem(str(card.file), card.line, 1, ""))

    def edit_at_problem(self, problem: Problem, fallback: Topic | None) -> None:
        topic = next((t for t in self.library.topics if Path(problem.path).parent == t.path),
                     fallback)
        if topic is not None and self.open_editor(topic):
            self.editor.go_to_problem(problem)

    def save(self) -> None:
        if self.pages.showing(EDITOR):
            self.editor.save_current()

    def save_all(self) -> None:
        editor = self._open_editor()
        if editor is not None:
            editor.save_all()

    def disk_changed(self, folders) -> None:
        """Other programs changed topic files: the editor asks about its open files, then
        the topics reload."""
        editor = self._open_editor()
        for folder in folders:
            if editor is not None and editor.folder == folder:
                for entry in list(editor.files):
                    editor.on_disk_changed(entry.path)
                editor.validate()
        self.files_changed.emit(set(folders))

    # -- new topics and cards ------------------------------------------------------

    def new_topic(self) -> None:
        from .new_topic_dialog import NewTopicDialog
        dialog = NewTopicDialog(self.window, self.new_topics_folder())
        if dialog.exec() and dialog.created is not None:
            self.topic_created.emit(dialog.created)

    def new_topics_folder(self) -> Path:
        """Where new topics go: the open folder of topics (a topic folder's parent), or the
        user's topics folder when only the bundled topic is open."""
        from ..paths import bundled_cards, topics_home
        paths = [p for p in self.library.paths if Path(p).resolve() != bundled_cards().resolve()]
        if not paths:
            return topics_home()
        first = Path(paths[0])
        return first.parent if (first / TOPIC_FILE).is_file() else first

    def new_card_from_selection(self, article, kind: str | None = None) -> None:
        """A card quoting the passage selected in the article view."""
        quote = article.selected_text().strip() if article is not None else ""
        seed = article.seed if article is not None else None
        if not quote or seed is None:
            self.message.emit("Open a card's article and select a passage first")
            return
        topic = next((t for t in self.library.topics if seed in t.seeds), None)
        if topic is None:
            return
        if kind is None:
            labels = {KIND_NAMES[k]: k for k in KINDS}
            label, ok = QInputDialog.getItem(self.window, "New card from selection",
                                             "Kind of card:", list(labels), 0, False)
            if not ok:
                return
            kind = labels[label]
        if not self.open_editor(topic):
            return
        card_id = unique_id(slug(quote), {c.id for c in topic.cards})
        target = file_for_kind(topic, kind)
        if not self.editor.add_card(target, kind, card_id, seed.id, quote):
            try:
                target = spare_card_file(topic.path)
                added = self.editor.add_card(target, kind, card_id, seed.id, quote)
                reason = f"{target.name} cannot take it"
            except OSError as error:
                added, reason = False, str(error)
            if not added:
                self.warning.emit(f"The new card could not be added: {reason}. Your selection is "
                                  "still selected; copy it into a card by hand.")
                return
        self.message.emit(f"Added card '{card_id}' to {target.name}: fill in the empty fields")
