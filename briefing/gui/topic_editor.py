"""Edit a topic's YAML files in the app: live validation, exact saves, external changes.

Validation runs on a worker thread a moment after typing stops, over the
whole topic with the unsaved text in place of the files, so cross-file
problems (duplicate ids, related links) show up too.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import clock
from ..atomic import WriteError
from ..authoring import FileText, NotText, read_file_text, save_file_text
from ..drafts import Drafts
from ..model import Problem, Topic
from ..quotes import SeedTexts
from ..wording import plural
from .code_editor import CodeEditor
from .conflict_dialog import ConflictDialog
from .live_check import LiveCheck
from .theme import LIGHT, Colors

# Check this long after the last keystroke: a check re-reads only the changed file, in
# a process of its own, so a short pause costs typing nothing.
PAUSE_MS = 200
PROBLEM_ROLE = Qt.ItemDataRole.UserRole


@dataclass
class OpenFile:
    path: Path
    editor: CodeEditor
    on_disk: FileText  # what the file held when last loaded or saved

    drafted: str | None = None  # the text last written as a draft
    revision: int = 0  # the document's revision when last seen: colouring is no edit

    @property
    def modified(self) -> bool:
        # Qt tracks this against the undo history: typing, then undoing back to
        # the saved text, is not a change. No copy of the text per keystroke.
        return self.editor.document().isModified()


class TopicEditor(QWidget):
    saved = Signal(object)        # the topic folder, after a file was written
    message = Signal(str)         # for the status bar
    back_requested = Signal()

    def __init__(self, seeds: SeedTexts, drafts: Drafts, recovered: Path, parent=None):
        super().__init__(parent)
        self.seeds = seeds
        self.drafts = drafts
        self.recovered = recovered  # where edits set aside for another program's go
        self.folder: Path | None = None
        self.files: list[OpenFile] = []
        self.colors: Colors = LIGHT
        self.point_size = 13.0
        self.problems: list[Problem] = []
        self._generation = 0
        # Checks asked for and not yet answered, by generation.
        self._jobs: set[int] = set()
        self.live = LiveCheck(self)
        self.live.finished.connect(self._on_validated)

        self.title = QLabel(objectName="editorTitle")
        self.title.setStyleSheet("font-weight: 600; font-size: 12pt;")
        back = QPushButton("◀  Back to cards", objectName="editorBack")
        back.setToolTip("Back to cards (Esc); unsaved changes stay here")
        back.clicked.connect(self.back_requested)
        back.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.save_button = QPushButton("Save", objectName="editorSave")
        self.save_button.setToolTip("Save this file (Ctrl+S)")
        self.save_button.clicked.connect(self.save_current)
        header = QHBoxLayout()
        header.addWidget(back)
        header.addWidget(self.title, 1)
        header.addWidget(self.save_button)

        self.tabs = QTabWidget(objectName="editorTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(lambda _: self._update_title())
        self.summary = QLabel(objectName="problemSummary")
        self.problem_list = QListWidget(objectName="editorProblems")
        self.problem_list.itemClicked.connect(self._on_problem_clicked)
        self.problem_list.itemActivated.connect(self._on_problem_clicked)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 4, 0, 0)
        bottom_layout.addWidget(self.summary)
        bottom_layout.addWidget(self.problem_list)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tabs)
        split.addWidget(bottom)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(header)
        layout.addWidget(split, 1)

        self.timer = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self.timer.timeout.connect(self.validate)

    # -- opening -------------------------------------------------------------

    def open_topic(self, topic: Topic) -> None:
        """Show the topic's files; files already open keep their unsaved text."""
        if self.folder != topic.path:
            if self.has_unsaved():
                raise RuntimeError("close the open topic's unsaved changes first")
            self.close_topic()
            self.folder = topic.path
        for path in topic.files:
            self.open_file(path, later=True)
        current = self.current()
        if current is not None:
            current.editor.ensure_loaded()  # the tab on screen now; the others just after
        self._update_title()
        self.validate()

    def open_file(self, path: Path, later: bool = False) -> OpenFile | None:
        path = Path(path)
        for index, entry in enumerate(self.files):
            if entry.path == path:
                self.tabs.setCurrentIndex(index)
                return entry
        try:
            on_disk = read_file_text(path)
        except (OSError, NotText) as error:
            self.message.emit(f"Cannot open {path}: {error}")
            return None
        editor = CodeEditor()
        editor.setObjectName(f"editor:{path.name}")
        editor.set_colors(self.colors, self.point_size)
        editor.load_text(on_disk.text, later=later)
        entry = OpenFile(path, editor, on_disk)
        draft = self.drafts.get(path)
        editor.textChanged.connect(lambda e=entry: self._on_edit(e))
        self.files.append(entry)
        self.tabs.addTab(editor, path.name)
        self.tabs.setCurrentWidget(editor)
        if on_disk.mixed:
            self.message.emit(f"{path.name} mixes line endings; saving writes "
                              f"{'CRLF' if on_disk.newline == chr(13) + chr(10) else 'LF'} "
                              "for every line.")
        draft = self.drafts.get(path)
        if draft is not None and draft.text != on_disk.text:
            # Edits that were never saved (the app was closed or crashed): put them back.
            editor.load_text(draft.text)
            editor.document().setModified(True)
            self._on_edit(entry)
            when = datetime.fromtimestamp(draft.saved_at).strftime("%d %b %H:%M")
            note = "" if draft.started_from(on_disk.text) else \
                " The file has changed since; compare before you save."
            self.message.emit(f"Restored unsaved edits to {path.name} from {when}.{note}")
        return entry

    def close_topic(self, keep_drafts: bool = False) -> None:
        """Close every file of the topic; their unsaved edits are dropped unless keep_drafts."""
        if not keep_drafts:
            for entry in self.files:
                self.drafts.drop(entry.path)
        self.tabs.clear()
        for entry in self.files:
            entry.editor.deleteLater()
        self.files = []
        self.problems = []
        self.problem_list.clear()
        self.folder = None

    def current(self) -> OpenFile | None:
        index = self.tabs.currentIndex()
        return self.files[index] if 0 <= index < len(self.files) else None

    def entry_for(self, path: Path) -> OpenFile | None:
        return next((e for e in self.files if e.path == Path(path)), None)

    def has_unsaved(self) -> bool:
        return any(entry.modified for entry in self.files)

    def apply_colors(self, colors: Colors, point_size: float) -> None:
        self.colors, self.point_size = colors, point_size
        for entry in self.files:
            entry.editor.set_colors(colors, point_size)

    # -- editing and validation ----------------------------------------------

    def _on_edit(self, entry: OpenFile) -> None:
        if not any(open_file is entry for open_file in self.files):
            return  # a late load of a file closed since
        revision = entry.editor.document().revision()
        if revision == entry.revision and not entry.modified:
            return  # only colours changed (the highlighter's background pass)
        entry.revision = revision
        index = self.files.index(entry)
        self.tabs.setTabText(index, entry.path.name + (" •" if entry.modified else ""))
        self._update_title()
        self.timer.start()

    def _update_title(self) -> None:
        entry = self.current()
        if entry is None:
            self.title.setText("")
            return
        state = "unsaved changes" if entry.modified else "saved"
        self.title.setText(f"{entry.path}  ·  {state}")
        self.save_button.setEnabled(entry.modified)

    def unsaved_texts(self) -> dict[Path, str]:
        return {e.path: e.editor.plain_text() for e in self.files if e.modified}

    def validate(self) -> None:
        """Check the topic as it stands in the editor, off the GUI thread."""
        if self.folder is None:
            return
        texts = self.unsaved_texts()
        self._generation += 1
        # Older checks still pending are dropped by the checker: only the newest answers.
        self._jobs = {self._generation}
        current = self.current()
        self.live.request(self._generation, self.folder, texts,
                          current.path if current else None)
        self._keep_drafts(texts)  # while the check runs: writing drafts took 15 ms at 10k

    def _keep_drafts(self, texts: dict[Path, str]) -> None:
        for entry in self.files:
            if entry.modified:
                text = texts[entry.path]
                if text != entry.drafted:
                    self.drafts.keep(entry.path, text, entry.on_disk.text)
                    entry.drafted = text
            elif entry.drafted is not None:
                self.drafts.drop(entry.path)
                entry.drafted = None

    @property
    def checking(self) -> bool:
        """A check is due (typing paused) or under way and has not reported yet."""
        return self.timer.isActive() or bool(self._jobs)

    def _on_validated(self, generation: int, problems: list[Problem]) -> None:
        self._jobs.discard(generation)
        if generation != self._generation:
            return  # the text changed since; a newer check is coming
        self.show_problems(list(problems))

    def show_problems(self, problems: list[Problem]) -> None:
        self.problems = problems
        self.problem_list.clear()
        count = len(problems)
        self.summary.setText("No problems: the topic is valid." if not count else
                             f"{plural(count, 'problem')}: click one to go to it")
        by_file: dict[str, tuple[dict[int, str], dict[int, int]]] = {}
        for problem in problems:
            item = QListWidgetItem(str(problem))
            item.setData(PROBLEM_ROLE, problem)
            self.problem_list.addItem(item)
            lines, columns = by_file.setdefault(problem.path, ({}, {}))
            lines.setdefault(problem.line, problem.message)
            columns.setdefault(problem.line, problem.col)
        for entry in self.files:
            lines, columns = by_file.get(str(entry.path), ({}, {}))
            entry.editor.show_problems(lines, columns)

    def _on_problem_clicked(self, item) -> None:
        self.go_to_problem(item.data(PROBLEM_ROLE))

    def go_to_problem(self, problem: Problem) -> None:
        entry = self.entry_for(Path(problem.path)) or self.open_file(Path(problem.path))
        if entry is None:
            return
        self.tabs.setCurrentWidget(entry.editor)
        entry.editor.go_to(problem.line, problem.col)

    # -- saving --------------------------------------------------------------

    def save_current(self) -> bool:
        entry = self.current()
        return self.save(entry) if entry else False

    def save_all(self) -> bool:
        return all(self.save(entry) for entry in self.files if entry.modified)

    def save(self, entry: OpenFile) -> bool:
        try:
            entry.on_disk = save_file_text(entry.path, entry.on_disk, entry.editor.plain_text())
        except WriteError as error:
            QMessageBox.warning(self, "Not saved", f"{error}\n\nYour text is still here, unsaved.")
            return False
        entry.editor.document().setModified(False)
        self.drafts.drop(entry.path)
        entry.drafted = None
        self._on_edit(entry)
        self.message.emit(f"Saved {entry.path.name}")
        self.saved.emit(self.folder)
        return True

    # -- changes made by another program -------------------------------------

    def on_disk_changed(self, path: Path) -> None:
        """Another program changed a file: reload it, or ask when the user has edits too."""
        entry = self.entry_for(path)
        if entry is None:
            return
        try:
            theirs = read_file_text(path)
        except FileNotFoundError:
            self.message.emit(f"{path.name} was deleted on disk; your text is still open here. "
                              "Save to write it back.")
            return
        except (OSError, NotText) as error:
            self.message.emit(f"{path.name} changed on disk but cannot be read: {error}")
            return
        if theirs.to_bytes() == entry.on_disk.to_bytes():
            return  # our own save, or a touch
        if not entry.modified:
            self._replace_text(entry, theirs)
            self.message.emit(f"{path.name} changed on disk and was reloaded")
            return
        choice = ConflictDialog.ask(self, path, entry.editor.plain_text(), theirs.text)
        if choice == ConflictDialog.THEIRS:
            try:
                kept = self._keep_copy(entry)
            except OSError as error:
                self.message.emit(f"Kept your edits: they could not be copied aside ({error}), "
                                  "so the disk version was not taken")
                return
            self._replace_text(entry, theirs)
            self.message.emit(f"Took the version on disk; your edits were kept in {kept}")
        else:
            # Mine stays in the editor; the disk now holds theirs, so mine is unsaved.
            entry.on_disk = theirs
            self._on_edit(entry)
            self.message.emit(f"Kept your edits to {path.name}; save to overwrite the disk version")

    def _replace_text(self, entry: OpenFile, text: FileText) -> None:
        cursor = entry.editor.textCursor().position()
        scroll = entry.editor.verticalScrollBar().value()
        entry.on_disk = text
        entry.editor.load_text(text.text)
        cursor_after = entry.editor.textCursor()
        cursor_after.setPosition(min(cursor, len(text.text)))
        entry.editor.setTextCursor(cursor_after)
        entry.editor.verticalScrollBar().setValue(scroll)
        self._on_edit(entry)

    def _keep_copy(self, entry: OpenFile) -> Path:
        """Nothing typed is lost: the discarded edits go to the data folder."""
        folder = self.recovered
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{entry.path.stem}-{clock.stamp()}{entry.path.suffix}"
        from ..atomic import write_text
        write_text(target, entry.editor.plain_text())
        return target
