"""Writing topics in the app: the editor page and the actions that own it (edit a topic,
save, new topic, a new card from a passage of the article, files changed by other
programs, drafts left by a crash)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ..datafolder import DataFolder
from ..drafts import Drafts
from ..library import Library
from ..model import Card, Problem, Seed, Topic
from ..topics import TOPIC_FILE
from .look import Look
from .pages import PageStack

if TYPE_CHECKING:  # the YAML and loader machinery waits for the first new card
    from ..authoring import CardDraft

EDITOR = "editor"


class Authoring(QObject):
    topic_saved = Signal(object)     # a topic folder whose files were written
    topic_created = Signal(object)   # the folder of a new topic
    files_changed = Signal(object)   # topic folders changed by another program
    card_added = Signal(str, str)    # topic id, card id: a card the New card form wrote
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
        self.last_kind = "actor"   # the New card form starts with the kind last added
        self.card_form = None      # the New card form last opened
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
                          "topic with Edit > Edit Topic (Ctrl+E) to get them back."
                          if drafts else "")

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

    def new_card_from_selection(self, article) -> None:
        """The New card form, quoting the passage selected in the article view."""
        quote = article.selected_text().strip() if article is not None else ""
        seed = article.seed if article is not None else None
        if not quote or seed is None:
            self.message.emit("Open a card's article and select a passage first")
            return
        from ..authoring import CardDraft
        self.new_card(seed, CardDraft(self.last_kind, "", seed.id, quote))

    def new_card(self, seed: Seed, draft: CardDraft):
        """Open the New card form filled in with the draft; the card is written when the
        form is valid and the user adds it. Returns the form (None when it cannot open)."""
        topic = next((t for t in self.library.topics if seed in t.seeds), None)
        if topic is None:
            self.message.emit("That article belongs to no open topic")
            return None
        try:
            article = self.library.seeds.text(seed.path)
        except (OSError, UnicodeDecodeError) as error:
            self.warning.emit(f"Cannot open the article {seed.path}: {error}")
            return None
        from ..new_card import new_id
        from .new_card_dialog import NewCardDialog
        if not draft.card_id:
            draft = replace(draft, card_id=new_id(draft.title, draft.quote, topic.card_ids))
        form = NewCardDialog(self.window, topic, seed, article, draft, self.library.seeds,
                             avoid=self._unsaved_files)
        form.written.connect(lambda path, card_id: self._card_written(topic, form, path,
                                                                      card_id))
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.card_form = form
        form.open()  # window-modal, without a nested event loop
        return form

    def _unsaved_files(self) -> set[Path]:
        editor = self._open_editor()
        return {e.path for e in editor.files if e.modified} if editor is not None else set()

    def _card_written(self, topic: Topic, form, path: Path, card_id: str) -> None:
        self.last_kind = form.draft().kind
        editor = self._open_editor()
        if editor is not None and editor.entry_for(path) is not None:
            editor.on_disk_changed(path)  # it had no unsaved edits (those files are avoided)
        self.topic_saved.emit(topic.path)
        self.card_added.emit(topic.id, card_id)
        self.message.emit(f"Added card '{card_id}' to {path.name}")
