"""Card > Card Info: a window beside the card with each prompt's schedule and reviews. It
follows the card on screen while open, as Anki's does; the values come from card_info."""
from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ..card_info import REVIEW_HEADINGS, PromptInfo, card_info, review_rows, summary
from ..library import Library
from ..model import KIND_NAMES, Card
from ..progress import ProgressStore
from ..wording import clip

QUESTION_CHARACTERS = 90  # a prompt is named by its question, cut to this length


def info_html(card: Card, topic_title: str, infos: tuple[PromptInfo, ...]) -> str:
    parts = [f"<h2>{escape(card.title)}</h2>",
             f"<p>{escape(KIND_NAMES.get(card.kind, card.kind))} · {escape(topic_title)} · "
             f"id <code>{escape(card.id)}</code></p>"]
    for number, info in enumerate(infos, 1):
        if len(infos) > 1:
            parts.append(f"<h3>Prompt {number}: "
                         f"{escape(clip(info.prompt.question, QUESTION_CHARACTERS))}</h3>")
        parts.append('<table cellpadding="3">' + "".join(
            f"<tr><td><b>{escape(label)}</b></td><td>{escape(value)}</td></tr>"
            for label, value in summary(info)) + "</table>")
        rows = review_rows(info)
        if rows:
            head = "".join(f"<th align='left'>{escape(h)}</th>" for h in REVIEW_HEADINGS)
            body = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>"
                           for row in rows)
            parts.append(f'<p><b>Reviews</b></p><table cellpadding="3" cellspacing="0">'
                         f"<tr>{head}</tr>{body}</table>")
    return "".join(parts)


class CardInfoDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("cardInfo")
        self.setWindowTitle("Card Info")
        self.text = QTextBrowser(objectName="cardInfoText")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(560, 640)

    def show_card(self, card: Card, topic_title: str, infos: tuple[PromptInfo, ...]) -> None:
        scroll = self.text.verticalScrollBar().value()
        self.text.setHtml(info_html(card, topic_title, infos))
        self.text.verticalScrollBar().setValue(scroll)


class CardInfo:
    """The window, made on first use, kept in step with the card on screen."""

    def __init__(self, store: ProgressStore, library: Library, parent: QWidget):
        self.store, self.library, self.parent = store, library, parent
        self.dialog: CardInfoDialog | None = None

    def _show(self, card: Card) -> None:
        topic = self.library.topic(card.topic)
        self.dialog.show_card(card, topic.title if topic else card.topic,
                              card_info(self.store, card))

    def open(self, card: Card | None) -> bool:
        """Show the card's info; False when there is no card on screen."""
        if card is None:
            return False
        if self.dialog is None:
            self.dialog = CardInfoDialog(self.parent)
        self._show(card)
        self.dialog.show()
        self.dialog.raise_()
        return True

    def follow(self, card: Card | None) -> None:
        """The card on screen changed or was graded: say so, if the window is open."""
        if self.dialog is not None and self.dialog.isVisible() and card is not None:
            self._show(card)
