"""File > Export PDF and Export to Anki: options, a progress bar, then open the result.

The export runs on a worker thread so the window stays responsive; reportlab
and genanki are imported there, only when the user asks for an export.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..exports import exportable
from ..library import CardFilter
from ..model import Topic
from ..pdf.options import CardSize, Duplex, Each, Layout, Paper
from ..wording import plural


class ExportThread(QThread):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, job, parent=None):
        super().__init__(parent)
        self.job = job  # job(progress) -> report; raises with a user-facing message

    def run(self) -> None:
        try:
            self.succeeded.emit(self.job(lambda done, total: self.progressed.emit(done, total)))
        except Exception as error:  # noqa: BLE001 - shown to the user, never a traceback
            self.failed.emit(str(error) or error.__class__.__name__)


def default_output(topics: list[Topic], suffix: str) -> Path:
    name = topics[0].id if len(topics) == 1 else "briefing-cards"
    return Path.home() / f"{name}{suffix}"


class _ExportDialog(QDialog):
    """Shared frame: options on top, output file, progress, Export and Close."""

    suffix = ""
    file_filter = ""

    def __init__(self, parent, topics: list[Topic], title: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.topics, self.skipped = exportable(topics)
        self.output = QLineEdit(str(default_output(topics, self.suffix)), objectName="outputPath")
        choose = QPushButton("Choose…")
        choose.clicked.connect(self.choose_output)
        row = QHBoxLayout()
        row.addWidget(self.output, 1)
        row.addWidget(choose)
        self.form = QFormLayout()
        self.open_when_done = QCheckBox("Open the file when done", objectName="openWhenDone")
        self.open_when_done.setChecked(True)
        self.progress = QProgressBar(objectName="exportProgress")
        self.progress.setValue(0)
        self.message = QLabel(objectName="exportMessage")
        self.message.setWordWrap(True)
        self.message.setText(self.skipped_text())
        self.buttons = QDialogButtonBox()
        accept = QDialogButtonBox.ButtonRole.AcceptRole
        self.export_button = self.buttons.addButton("Export", accept)
        self.export_button.setObjectName("exportButton")
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        self.export_button.setEnabled(bool(self.topics))
        row.setContentsMargins(0, 0, 0, 0)
        output_row = QWidget()
        output_row.setLayout(row)
        # A long result message must grow the dialog, not squash the rows above it.
        self.message.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.form.addRow("Save as", output_row)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.open_when_done)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.thread: ExportThread | None = None
        self.report = None
        self.resize(560, 0)

    def skipped_text(self) -> str:
        """Which topics stay out and why, said before and after the export."""
        return " ".join(
            f"Skipped '{t.title}': {plural(len(t.problems), 'problem')}, the first "
            f"{t.problems[0]} (Edit > Edit Topic shows them)." for t in self.skipped)

    def choose_output(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), self.output.text(),
                                              self.file_filter)
        if path:
            self.output.setText(path if path.endswith(self.suffix) else path + self.suffix)

    def job(self):
        raise NotImplementedError

    def describe(self, report) -> str:
        raise NotImplementedError

    def _set_running(self, running: bool) -> None:
        """While an export runs, its options and Close wait: nothing can change under it."""
        for index in range(self.form.rowCount()):
            item = self.form.itemAt(index, QFormLayout.ItemRole.FieldRole)
            if item is not None and item.widget() is not None:
                item.widget().setEnabled(not running)
        self.open_when_done.setEnabled(not running)
        self.close_button.setEnabled(not running)
        self.export_button.setEnabled(not running and bool(self.topics))
        if not running:
            self._enable_options()

    def _enable_options(self) -> None:
        """Subclasses re-apply options that depend on other options."""

    def reject(self) -> None:
        if self.thread is not None and self.thread.isRunning():
            return  # Esc during an export: it finishes first (Close is disabled too)
        super().reject()

    def start(self) -> None:
        self._set_running(True)
        self.message.setText("Exporting…")
        self.progress.setRange(0, 0)  # busy until the first progress report
        self.thread = ExportThread(self.job(), self)
        self.thread.progressed.connect(self.on_progress)
        self.thread.succeeded.connect(self.on_done)
        self.thread.failed.connect(self.on_failed)
        self.thread.start()

    def on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def on_done(self, report) -> None:
        self.report = report
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        said = " ".join(filter(None, [self.describe(report), self.skipped_text()]))
        self._set_running(False)
        if self.open_when_done.isChecked() and not QDesktopServices.openUrl(
                QUrl.fromLocalFile(str(report.output))):
            said += (f" It could not be opened here: no program is set to open "
                     f"{self.suffix} files; open it from your file manager.")
        self.message.setText(said)
        self.adjustSize()

    def on_failed(self, text: str) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.message.setText(f"Export failed: {text}")
        self._set_running(False)


class PdfExportDialog(_ExportDialog):
    suffix = ".pdf"
    file_filter = "PDF (*.pdf)"

    def __init__(self, parent, topics: list[Topic], card_filter: CardFilter):
        super().__init__(parent, topics, "Export PDF")
        self.card_filter = card_filter
        self.layout_choice = self._combo("layoutChoice", Layout)
        self.paper = self._combo("paperChoice", Paper)
        self.card_size = self._combo("cardSizeChoice", CardSize)
        self.duplex = self._combo("duplexChoice", Duplex)
        self.each = self._combo("eachChoice", Each)
        self.only_shown = QCheckBox("Only the kind and tag shown now", objectName="onlyShown")
        self.only_shown.setEnabled(bool(card_filter.kinds or card_filter.tag))
        self.only_shown.setChecked(self.only_shown.isEnabled())
        for label, widget in [("Layout", self.layout_choice), ("Paper", self.paper),
                              ("Card size", self.card_size), ("Printing", self.duplex),
                              ("Each card", self.each),
                              ("", self.only_shown)]:
            self.form.insertRow(self.form.rowCount() - 1, label, widget)
        self.layout_choice.currentIndexChanged.connect(self._on_layout)
        self._on_layout()

    def _enable_options(self) -> None:
        self._on_layout()
        self.only_shown.setEnabled(bool(self.card_filter.kinds or self.card_filter.tag))

    @staticmethod
    def _combo(name: str, choice) -> QComboBox:
        combo = QComboBox(objectName=name)
        for member in choice:
            combo.addItem(member.label, member.value)
        return combo

    def _on_layout(self) -> None:
        cards = self.layout_choice.currentData() == Layout.CARDS
        self.card_size.setEnabled(cards)
        self.duplex.setEnabled(cards)
        self.each.setEnabled(cards)

    def job(self):
        from ..pdf import export_pdf
        topics, output = list(self.topics), Path(self.output.text())
        options = {"layout": self.layout_choice.currentData(), "paper": self.paper.currentData(),
                   "card_size": self.card_size.currentData(), "duplex": self.duplex.currentData(),
                   "each": self.each.currentData()}
        if self.only_shown.isChecked():
            options["kinds"] = tuple(self.card_filter.kinds)
            options["tags"] = (self.card_filter.tag,) if self.card_filter.tag else ()
        return lambda progress: export_pdf(topics, output, progress=progress, **options)

    def describe(self, report) -> str:
        text = f"Saved {report.pages} pages to {report.output}."
        if report.missing:
            missing = "; ".join(map(str, report.missing))
            text += f" Some text could not be drawn (no font): {missing}"
        if report.shortened:
            text += " Cut to fit: " + ", ".join(report.shortened) + "."
        return text


class AnkiExportDialog(_ExportDialog):
    suffix = ".apkg"
    file_filter = "Anki package (*.apkg)"

    def __init__(self, parent, topics: list[Topic]):
        super().__init__(parent, topics, "Export to Anki")
        self.open_when_done.setText("Open the package when done (imports it into Anki)")
        self.open_when_done.setChecked(False)

    def job(self):
        from ..anki import export_anki
        topics, output = list(self.topics), Path(self.output.text())

        def run(progress):
            progress(0, 1)
            report = export_anki(topics, output)
            progress(1, 1)
            return report
        return run

    def describe(self, report) -> str:
        return (f"Saved {report.summary} to {report.output}. Open it with Anki on your "
                "computer or phone; importing a newer export updates the notes.")
