"""The main window's authoring actions: edit a topic, save, new topic, card from a
selection, and files changed by other programs. A mixin of MainWindow."""
from __future__ import annotations

from functools import cached_property
from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QMessageBox

from ..library import CardFilter
from ..model import KIND_NAMES, KINDS, Problem, Topic
from ..topics import TOPIC_FILE


class AuthoringSlots:
    @cached_property
    def topic_editor(self):
        """The editor page, made on first use."""
        from .topic_editor import TopicEditor
        editor = self._add_page(TopicEditor(self.library.seeds))
        editor.saved.connect(self.on_topic_saved)
        editor.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        editor.back_requested.connect(self.on_back_to_card)
        editor.apply_colors(self.colors, self.point_size)
        return editor

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
        if answer == QMessageBox.StandardButton.Discard:
            self.topic_editor.close_all()  # and their drafts: discarded means discarded
            self.topic_editor.folder = None
            return True
        return False

    def announce_drafts(self) -> None:
        """Say so when the last session left unsaved edits (a crash, a killed app)."""
        from ..drafts import Drafts
        from ..paths import data_dir
        drafts = Drafts(data_dir() / "drafts").pending(t.path for t in self.library.topics)
        if self._made("topic_editor"):  # edits open in the editor are this session's
            open_now = {e.path.resolve() for e in self.topic_editor.files}
            drafts = [d for d in drafts if d.path not in open_now]
        if drafts:
            names = ", ".join(sorted({d.path.name for d in drafts}))
            text = (f"Unsaved edits to {names} from your last session are kept: open the topic "
                    "with Edit > Edit Topic (Ctrl+E) to get them back.")
            self.show_warning("\n".join(filter(None, [self.store.warning, text])))

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
        """Where new topics go: the open folder of topics (a topic folder's parent), or the
        user's topics folder when only the bundled topic is open."""
        from ..paths import bundled_cards, topics_home
        paths = [p for p in self.library.paths if Path(p).resolve() != bundled_cards().resolve()]
        if not paths:
            return topics_home()
        first = Path(paths[0])
        return first.parent if (first / TOPIC_FILE).is_file() else first

    def create_topic_done(self, folder: Path) -> None:
        if not any(folder.parent == p or folder == p for p in self.library.paths):
            self.library.paths.append(folder.parent)
        self.on_reload()
        topic = next((t for t in self.library.topics if t.path == folder), None)
        if topic is not None:
            self.set_filter(CardFilter(topic.id))
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
            labels = {KIND_NAMES[k]: k for k in KINDS}
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
            # That file's cards are written as a [flow] list: the card gets a file of its own.
            target = topic.path / "new-cards.yaml"
            try:
                if not target.exists():
                    from ..atomic import write_text
                    write_text(target, "cards:\n")
                added = self.topic_editor.add_card(target, kind, card_id, seed.id, quote)
            except OSError as error:
                added, reason = False, str(error)
            else:
                reason = f"{target.name} cannot take it"
            if not added:
                self.show_warning(f"The new card could not be added: {reason}. Your selection "
                                  "is still selected; copy it into a card by hand.")
                return
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
