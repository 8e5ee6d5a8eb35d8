"""The New card form: a card quoting a passage of an article, checked as `briefing check`
would check it while it is filled in, and written only once it is valid.

The form only draws: what goes in the YAML, which file takes it and what is
wrong with it are new_card.py's; the checks run off the GUI thread.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from .. import new_card
from ..atomic import WriteError
from ..authoring import CardDraft
from ..model import KIND_NAMES, KINDS, Seed, Topic
from ..quotes import SeedTexts, locate
from ..reading import context
from ..text_offsets import Utf16Offsets
from .background import Background

PAUSE_MS = 250          # check this long after the last keystroke
# In the form's order, which is also the order its problems are listed in.
LABELS = {"quote": "Quote", "kind": "Kind", "title": "Title", "card_id": "Id", "id": "Id",
          "role": "Role", "value": "Value", "unit": "Unit", "as_of": "As of", "front": "Front",
          "back": "Back", "why": "Why it matters", "prompts": "Prompts"}
PROMPT_CHOICES = ("Front and back only", "Questions", "Cloze")
ERROR = {False: "#b3261e", True: "#ff8a80"}  # on a light or a dark window: 4.5:1 or more


def _text_box(name: str, lines: int, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit(objectName=name)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class NewCardDialog(QDialog):
    written = Signal(object, str)   # the file the card went in, and the card's id

    def __init__(self, parent, topic: Topic, seed: Seed, article: str, draft: CardDraft,
                 seeds: SeedTexts, avoid: Callable[[], set[Path]] = set):
        super().__init__(parent)
        self.setObjectName("newCardDialog")
        self.setWindowTitle("New card")
        self.topic, self.seed, self.article, self.seeds, self.avoid = \
            topic, seed, article, seeds, avoid
        self.quote = draft.quote
        self.problems: list[new_card.CardProblem] = []
        self.checked_draft: CardDraft | None = None  # what the shown problems are of
        self.checks = Background(self)
        self.timer = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self.timer.timeout.connect(self.check_now)

        self.kind = QComboBox(objectName="cardKind")
        for kind in KINDS:
            self.kind.addItem(KIND_NAMES[kind], kind)
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {
            "card_id": QLineEdit(objectName="cardId"),
            "title": QLineEdit(objectName="cardTitle"),
            "role": QLineEdit(objectName="cardRole", placeholderText="e.g. Premier of China"),
            "value": QLineEdit(objectName="cardValue", placeholderText="e.g. 1.4, or text"),
            "unit": QLineEdit(objectName="cardUnit", placeholderText="e.g. US$ billion"),
            "as_of": QLineEdit(objectName="cardAsOf", placeholderText="e.g. 2004 or 2003-10"),
            "front": _text_box("cardFront", 2, "What a student is asked"),
            "back": _text_box("cardBack", 3, "The answer in your own words, two to four "
                              "sentences"),
            "why": _text_box("cardWhy", 2, "Why it matters, where the article says (optional)"),
        }
        self.prompt_kind = QComboBox(objectName="promptKind")
        self.prompt_kind.addItems(PROMPT_CHOICES)
        self.questions = _text_box("cardQuestions", 3, "One a line:  question | answer")
        self.cloze = QLineEdit(objectName="cardCloze",
                               placeholderText="A passage with {{c1::the hidden words}}")
        self.hide_words = QPushButton("Hide selected words", objectName="clozeHide")
        self.hide_words.clicked.connect(self._hide_selected_words)
        self.summary = QLabel(objectName="cardProblems")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)  # see setDefault
        self.add_button = buttons.addButton("Add card", QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setObjectName("addCard")
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self.save)
        self.add_button.setToolTip("Write the card once it passes briefing check (Ctrl+Enter)")
        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # from any field, a text box's too
            QShortcut(QKeySequence(keys), self, activated=self.save)
        buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.rows: dict[str, QWidget] = {}
        self._build_form()
        self._fill(draft)

        layout = QVBoxLayout(self)
        layout.addWidget(self._quote_box())
        layout.addLayout(self.form)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self._kind_changed()
        self.resize(660, self.sizeHint().height() + 40)
        self.check_now()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.fields["title"].setFocus()  # the first thing to write; the quote is given

    # -- building ----------------------------------------------------------------

    def _quote_box(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        source = QLabel(f"Quote from {self.seed.label}", objectName="quoteSource")
        source.setWordWrap(True)
        source.setTextFormat(Qt.TextFormat.PlainText)
        self.quote_view = _text_box("cardQuote", 3, "")
        self.quote_view.setReadOnly(True)
        self.quote_view.setPlainText(self.quote)
        self.context_button = QPushButton("Show in article", objectName="quoteContext",
                                          checkable=True)
        self.context_button.setToolTip("Show the passage around the quote")
        self.context_view = QTextEdit(objectName="quoteContextText", readOnly=True)
        self.context_view.setFixedHeight(self.context_view.fontMetrics().lineSpacing() * 7 + 14)
        self.context_view.setVisible(False)
        self.context_button.toggled.connect(self._show_context)
        top = QHBoxLayout()
        top.addWidget(source, 1)
        top.addWidget(self.context_button)
        layout.addLayout(top)
        layout.addWidget(self.quote_view)
        layout.addWidget(self.context_view)
        return box

    def _build_form(self) -> None:
        self.form.addRow("Kind", self.kind)
        for name in ("title", "card_id", "role", "value", "unit", "as_of", "front", "back",
                     "why"):
            label = QLabel(LABELS[name])
            self.form.addRow(label, self.fields[name])
            self.rows[name] = label
        cloze_row = QHBoxLayout()
        cloze_row.addWidget(self.cloze, 1)
        cloze_row.addWidget(self.hide_words)
        self.cloze_box = QWidget()
        self.cloze_box.setLayout(cloze_row)
        cloze_row.setContentsMargins(0, 0, 0, 0)
        self.rows["prompts"] = QLabel(LABELS["prompts"])
        self.form.addRow(self.rows["prompts"], self.prompt_kind)
        self.form.addRow("", self.questions)
        self.form.addRow("", self.cloze_box)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.prompt_kind.currentIndexChanged.connect(self._prompts_changed)
        self.fields["card_id"].textEdited.connect(lambda: setattr(self, "_id_typed", True))
        self.fields["title"].textChanged.connect(self._title_changed)
        for widget in (*self.fields.values(), self.questions, self.cloze):
            widget.textChanged.connect(self._changed)

    def _fill(self, draft: CardDraft) -> None:
        self._id_typed = False
        self.kind.setCurrentIndex(max(0, KINDS.index(draft.kind) if draft.kind in KINDS else 0))
        for name, widget in self.fields.items():
            value = str(getattr(draft, name) or "")
            widget.setText(value) if isinstance(widget, QLineEdit) else widget.setPlainText(value)
        if draft.questions:
            self.questions.setPlainText("\n".join(f"{q} | {a}" for q, a in draft.questions))
            self.prompt_kind.setCurrentIndex(1)
        elif draft.cloze:
            self.cloze.setText(draft.cloze)
            self.prompt_kind.setCurrentIndex(2)
        self._prompts_changed()

    # -- what is filled in -------------------------------------------------------

    def _value(self, name: str) -> str:
        widget = self.fields[name]
        return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()

    def draft(self) -> CardDraft:
        kind = self.kind.currentData()
        shown = {name for name in self.fields if not self.fields[name].isHidden()}
        values = {name: self._value(name) if name in shown else "" for name in self.fields}
        prompts = self.prompt_kind.currentIndex()
        asked, _bad = new_card.questions(self.questions.toPlainText()) if prompts == 1 else ((), [])
        cloze = self.cloze.text() if prompts == 2 else ""
        return CardDraft(kind, values.pop("card_id"), self.seed.id, self.quote, **values,
                         questions=asked, cloze=cloze,
                         cloze_seed=new_card.cloze_quotes_seed(cloze, self.quote))

    def _form_problems(self) -> list[new_card.CardProblem]:
        """What the form itself can tell before `check`: question lines it cannot read."""
        if self.prompt_kind.currentIndex() != 1:
            return []
        _asked, bad = new_card.questions(self.questions.toPlainText())
        if not bad and not _asked:
            bad = ["write at least one question | answer, or choose Front and back only"]
        return [new_card.CardProblem("prompts", message) for message in bad]

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        for name, kinds in (("role", ("actor",)), ("value", ("figure",)), ("unit", ("figure",)),
                            ("as_of", ("figure",))):
            self.fields[name].setVisible(kind in kinds)
            self.rows[name].setVisible(kind in kinds)
        self._changed()

    def _prompts_changed(self) -> None:
        choice = self.prompt_kind.currentIndex()
        self.questions.setVisible(choice == 1)
        self.cloze_box.setVisible(choice == 2)
        if choice == 2 and not self.cloze.text():
            self.cloze.setText(" ".join(self.quote.split()))  # to hide words of
        self._changed()

    def _title_changed(self) -> None:
        if not self._id_typed:
            self.fields["card_id"].setText(new_card.new_id(
                self.fields["title"].text(), self.quote, self.topic.card_ids))

    def _hide_selected_words(self) -> None:
        if self.cloze.hasSelectedText():
            start, text = self.cloze.selectionStart(), self.cloze.selectedText()
            whole = self.cloze.text()
            self.cloze.setText(whole[:start] + "{{c1::" + text + "}}" + whole[start + len(text):])
        self.cloze.setFocus()

    def _show_context(self, shown: bool) -> None:
        self.context_view.setVisible(shown)
        self.resize(self.width(), self.sizeHint().height() + 40)
        span = locate(self.article, self.quote) if shown else None
        if span is None:
            self.context_view.setPlainText("" if not shown else
                                           "The quote is not in the article as it is now.")
            return
        left, right = context(self.article, *span)
        piece, article = self.article[left:right], self.article
        cut_before = left > 0 and not article[left - 1].isspace()  # "…" only inside a paragraph
        cut_after = right < len(article) and not article[right].isspace()
        self.context_view.setPlainText(("… " if cut_before else "") + piece
                                       + (" …" if cut_after else ""))
        offsets = Utf16Offsets(piece)
        lead = 2 if cut_before else 0
        cursor = QTextCursor(self.context_view.document())
        cursor.setPosition(lead + offsets.to_utf16(span[0] - left))
        cursor.setPosition(lead + offsets.to_utf16(span[1] - left), QTextCursor.MoveMode.KeepAnchor)
        marked = QTextCharFormat()
        marked.setBackground(QColor("#ffe27a"))
        marked.setForeground(QColor("#1d2330"))
        cursor.mergeCharFormat(marked)

    # -- checking and saving ------------------------------------------------------

    def _changed(self) -> None:
        self.add_button.setEnabled(False)  # until the check of this text says it is valid
        self.timer.start()

    def check_now(self) -> None:
        """Check what is filled in now, off the GUI thread."""
        draft, topic, seeds, avoid = self.draft(), self.topic, self.seeds, set(self.avoid())
        early = self._form_problems()

        def work():
            return early + new_card.check(topic, new_card.place(topic, draft, avoid), seeds)
        self.checks.run(work, lambda found: self._show_problems(draft, found),
                        lambda error: self._show_problems(draft, [new_card.CardProblem(
                            None, str(error))]))

    def _show_problems(self, draft: CardDraft, problems: list[new_card.CardProblem]) -> None:
        self.checked_draft, self.problems = draft, problems
        fresh = draft == self.draft()
        error = ERROR[self.palette().window().color().lightness() < 128]
        self.add_button.setEnabled(fresh and not problems)
        bad = {p.field for p in problems}
        for name, label in self.rows.items():
            label.setStyleSheet(f"color: {error}; font-weight: 600;" if name in bad or
                                (name == "card_id" and "id" in bad) else "")
        if not problems:
            self.summary.setStyleSheet("")
            self.summary.setText("Ready: the card passes briefing check.")
            return
        self.summary.setStyleSheet(f"color: {error};")
        order = list(LABELS)
        problems = sorted(problems, key=lambda p: order.index(p.field) if p.field in order else -1)
        empty = [LABELS.get(p.field, p.field) for p in problems if p.message == "fill this in"]
        lines = [f"• {LABELS.get(p.field, p.field)}: {p.message}" if p.field else f"• {p.message}"
                 for p in problems if p.message != "fill this in"]
        if empty:
            lines.insert(0, f"• Fill in: {', '.join(empty)}")
        self.summary.setText("Not added yet:\n" + "\n".join(lines))

    def save(self) -> None:
        """Write the card if, checked again now, it is valid; else say why and stay open."""
        self.timer.stop()
        self.checks.cancel()
        draft = self.draft()
        try:
            placement = new_card.place(self.topic, draft, set(self.avoid()))
            problems = self._form_problems() + new_card.check(self.topic, placement, self.seeds)
            if not problems:
                new_card.write(placement)
        except (new_card.PlacementError, WriteError, OSError) as error:
            problems = [new_card.CardProblem(None, str(error))]
        if problems:
            self._show_problems(draft, problems)
            return
        self.written.emit(placement.path, draft.card_id)
        self.accept()

    def set_field(self, name: str, value: str) -> None:
        """Fill in a field as typing would (for the window's callers and tests)."""
        widget = self.fields[name]
        widget.setText(value) if isinstance(widget, QLineEdit) else widget.setPlainText(value)

