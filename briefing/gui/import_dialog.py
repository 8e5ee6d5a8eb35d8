"""File > Import Article… (or files dropped on the window): which topic the articles go
in, then what importing each did, step by step, or why it could not. The reading and
writing are briefing.importing's, off the GUI thread."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
)

from ..importing import ImportFailure, ImportReport, import_article, quiet_libraries
from ..model import Topic
from ..wording import plural
from .background import Background


def import_each(sources: list[Path], topic_dir: Path) -> list[tuple[Path, object]]:
    """Each file imported on its own: (file, its ImportReport or the core's message). A
    bad file writes nothing, and the others still go in."""
    quiet_libraries()
    done: list[tuple[Path, object]] = []
    for source in sources:
        try:
            done.append((source, import_article(source, topic_dir)))
        except ImportFailure as error:
            done.append((source, str(error)))
    return done


class ImportDialog(QDialog):
    imported = Signal(object, object)   # the topic folder, and the ImportReports of its seeds

    def __init__(self, parent, sources: list[Path], topics: list[Topic], current: Topic | None,
                 new_topics: Path):
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle("Import articles")
        self.sources, self.new_topics = list(sources), new_topics
        self.work = Background(self)
        self.results: list[tuple[Path, object]] = []
        files = QLabel("\n".join(p.name for p in self.sources), objectName="importFiles")
        files.setTextFormat(Qt.TextFormat.PlainText)
        self.into_topic = QRadioButton("Into the topic", objectName="importIntoTopic")
        self.topic = QComboBox(objectName="importTopic")
        for topic in topics:
            self.topic.addItem(f"{topic.title}  ({topic.path.name})", topic.path)
        if current is not None and current in topics:
            self.topic.setCurrentIndex(topics.index(current))
        self.into_new = QRadioButton("Into a new topic, folder", objectName="importIntoNew")
        self.name = QLineEdit(objectName="importNewName", placeholderText="e.g. harbour-power")
        self.name.textEdited.connect(lambda: self.into_new.setChecked(True))
        where = QLabel(f"made in {new_topics}")
        where.setTextFormat(Qt.TextFormat.PlainText)
        where.setWordWrap(True)
        choice = QButtonGroup(self)
        choice.addButton(self.into_topic)
        choice.addButton(self.into_new)
        (self.into_topic if topics else self.into_new).setChecked(True)
        self.into_topic.setEnabled(bool(topics))
        self.topic.setEnabled(bool(topics))
        grid = QGridLayout()
        grid.addWidget(QLabel(plural(len(self.sources), "file") + ":"), 0, 0,
                       Qt.AlignmentFlag.AlignTop)
        grid.addWidget(files, 0, 1)
        grid.addWidget(self.into_topic, 1, 0)
        grid.addWidget(self.topic, 1, 1)
        grid.addWidget(self.into_new, 2, 0)
        grid.addWidget(self.name, 2, 1)
        grid.addWidget(where, 3, 1)
        grid.setColumnStretch(1, 1)
        self.report = QPlainTextEdit(objectName="importReport", readOnly=True)
        self.report.setPlaceholderText("Each file is read whole before anything is written: the "
                                       "article's text goes into the topic's seeds/, the "
                                       "original beside it, and topic.yaml gains its entry.")
        # Made inside the dialog, so setDefault below reaches it: Enter imports.
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.import_button = self.buttons.addButton("Import",
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importStart")
        self.import_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        for changed in (self.name.textEdited, self.topic.activated, choice.buttonClicked):
            changed.connect(lambda *_: self.import_button.setDefault(True))
        self.import_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.buttons)
        self.resize(680, 460)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.import_button.setFocus()  # Enter imports; Close is for afterwards

    def target(self) -> Path:
        if self.into_topic.isChecked():
            return Path(self.topic.currentData())
        return self.new_topics / self.name.text().strip()

    def start(self) -> None:
        if self.into_new.isChecked() and not self.name.text().strip():
            self.report.setPlainText("Give the new topic's folder a name, like harbour-power.")
            return
        target, sources = self.target(), self.sources
        self.import_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setEnabled(False)
        self.report.setPlainText(f"Importing {plural(len(sources), 'file')} into {target} …")
        self.work.run(lambda: import_each(sources, target), lambda done: self._done(target, done),
                      lambda error: self._done(target, [(None, f"import failed: {error}")]))

    def _done(self, target: Path, results) -> None:
        self.results = results
        lines: list[str] = []
        for source, outcome in results:
            if isinstance(outcome, ImportReport):
                lines += outcome.lines()
            else:
                lines.append(f"{source.name if source else 'import'}: not imported, nothing "
                             f"written: {outcome}")
            lines.append("")
        written = [o for _s, o in results if isinstance(o, ImportReport) and not o.skipped]
        if any(o.created_topic for o in written):
            lines.append(f"Made the new topic {target.name}: its starter cards are examples "
                         "to replace; the Suggestions panel beside the article drafts cards.")
        lines.append(f"Imported {plural(len(written), 'article')} into {target}."
                     if written else "Nothing was imported.")
        self.report.setPlainText("\n".join(lines))
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setEnabled(True)
        close.setDefault(True)  # Enter closes now, until another topic is chosen
        close.setFocus()
        self.import_button.setEnabled(True)  # into another topic, say, after a refusal
        reports = [o for _s, o in results if isinstance(o, ImportReport)]
        if reports:  # written, or already there (skipped, with the seed it is)
            self.imported.emit(target, reports)
