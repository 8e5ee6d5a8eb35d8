"""Study options per topic (new prompts a day, desired retention) and custom study."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
)

from ..progress import TopicOptions
from ..study import custom


class TopicOptionsDialog(QDialog):
    """Edit > Topic Options: kept in the progress file, so the topic's YAML stays the author's."""

    def __init__(self, parent, title: str, options: TopicOptions):
        super().__init__(parent)
        # The topic goes in the dialog, not only its title bar, which cuts a long name.
        self.setWindowTitle("Study options")
        heading = QLabel(title, objectName="optionsTopic", wordWrap=True)
        heading.setStyleSheet("font-weight: bold")
        self.new_per_day = QSpinBox(objectName="newPerDay")
        self.new_per_day.setRange(0, 9999)
        self.new_per_day.setValue(options.new_per_day)
        self.retention = QDoubleSpinBox(objectName="desiredRetention")
        self.retention.setRange(0.70, 0.99)
        self.retention.setSingleStep(0.01)
        self.retention.setDecimals(2)
        self.retention.setValue(options.desired_retention)
        form = QFormLayout()
        form.addRow("New prompts per day", self.new_per_day)
        form.addRow("Desired retention", self.retention)
        hint = QLabel("Retention is the share of reviews you aim to recall: higher means "
                      "more frequent reviews. Anki's default is 0.90.")
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def options(self) -> TopicOptions:
        return TopicOptions(self.new_per_day.value(), round(self.retention.value(), 2))


class CustomStudyDialog(QDialog):
    """Go > Custom Study: a quiz over chosen prompts that leaves the schedule alone."""

    def __init__(self, parent, scope: str):
        super().__init__(parent)
        self.setWindowTitle("Custom study")
        self.choice = QComboBox(objectName="customChoice")
        for key, label in custom.CHOICES.items():
            self.choice.addItem(label, key)
        self.limit = QSpinBox(objectName="customLimit")
        self.limit.setRange(1, 9999)
        self.limit.setValue(50)
        form = QFormLayout()
        form.addRow("Study", self.choice)
        form.addRow("At most", self.limit)
        note = QLabel(f"From {scope}. Custom study is a quiz: your schedule is left as it is.")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        start = buttons.addButton("Start", QDialogButtonBox.ButtonRole.AcceptRole)
        start.setObjectName("startCustom")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
