"""File > New Topic: a name, a title and source articles, then the starter files."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
)

from ..atomic import WriteError
from ..scaffold import NAME, ScaffoldError, create_topic


class NewTopicDialog(QDialog):
    def __init__(self, parent, cards_dir: Path):
        super().__init__(parent)
        self.setWindowTitle("New topic")
        self.cards_dir = cards_dir
        self.created: Path | None = None
        self.name = QLineEdit(objectName="topicName")
        self.name.setPlaceholderText("e.g. iran-nuclear-deal")
        self.title = QLineEdit(objectName="topicTitle")
        self.title.setPlaceholderText("e.g. The Iran nuclear deal")
        self.articles = QListWidget(objectName="articleList")
        add = QPushButton("Add article…")
        add.clicked.connect(self.choose_articles)
        remove = QPushButton("Remove")
        remove.clicked.connect(lambda: [self.articles.takeItem(self.articles.row(i))
                                        for i in self.articles.selectedItems()])
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        self.error = QLabel(objectName="newTopicError")
        # A message about the name goes as soon as the name changes: it may no longer apply.
        self.name.textChanged.connect(lambda _text: self.error.clear())
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #d9443a;")
        form = QFormLayout()
        form.addRow("Folder name", self.name)
        form.addRow("Title", self.title)
        form.addRow("Source articles", self.articles)
        form.addRow("", row)
        hint = QLabel(f"The topic is created in {cards_dir}, and the articles (plain text "
                      "files) are copied into its own seeds/ folder. Each card will quote them "
                      "word for word.")
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = buttons.addButton("Create", QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("createTopic")
        self.create_button.clicked.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def choose_articles(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "Source articles", str(Path.home()),
                                                "Text files (*.txt *.md);;All files (*)")
        for name in files:
            self.articles.addItem(name)

    def article_paths(self) -> list[Path]:
        return [Path(self.articles.item(i).text()) for i in range(self.articles.count())]

    def create(self) -> None:
        name = self.name.text().strip()
        if not NAME.fullmatch(name):
            self.error.setText("The folder name must be lowercase letters and digits joined by "
                               "hyphens, like iran-nuclear-deal.")
            return
        try:
            self.created = create_topic(name, self.cards_dir, self.article_paths(),
                                        self.title.text().strip())
        except (ScaffoldError, WriteError, OSError) as error:
            self.error.setText(str(error))
            return
        self.accept()
