"""What the Timeline, Actor map and Compare pages share: a heading, a line under it, and
either the drawing of one topic or a message saying why there is none."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QStackedLayout, QVBoxLayout, QWidget

from ..model import Card, Topic
from .look import Look


class TopicPage(QWidget):
    """A page that draws one topic, the sidebar's; subclasses give its `title`, `what` it
    shows of a topic, its content (`set_content`) and `draw(topic)`, which returns "" or
    why the topic has nothing to show."""

    card_requested = Signal(object)     # a Card to open on the study page
    title = "Topic"
    what = "cards"

    def __init__(self, look: Look, parent=None):
        super().__init__(parent)
        self.look = look
        self.scope: list[Topic] = []
        self.topic: Topic | None = None
        self.heading = QLabel(objectName="pageHeading")
        self.note = QLabel(objectName="pageNote")
        self.note.setWordWrap(True)
        self.message = QLabel(objectName="pageMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the keys stay with the window
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 14, 24, 14)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        self.stack = QStackedLayout()
        layout.addLayout(self.stack, 1)
        # Only now, in a layout of the page: added to a layout with no widget yet, the
        # label would show as a window of its own and take the focus from the app.
        self.stack.addWidget(self.message)
        look.changed.connect(self.redraw)

    def set_content(self, *parts: QWidget, sizes: tuple[int, ...] = ()) -> None:
        """The drawing (and what goes beside it, in a splitter): shown in place of the
        message when there is something to draw."""
        content = parts[0]
        if len(parts) > 1:
            content = QSplitter(Qt.Orientation.Horizontal)
            for part in parts:
                content.addWidget(part)
            content.setStretchFactor(0, 1)
            content.setSizes(list(sizes))
        self.stack.insertWidget(0, content)

    def show_scope(self, scope: list[Topic]) -> None:
        """Draw the one topic in scope, or say to choose one."""
        from ..topic_views import topic_of  # the views' geometry: when a page is first drawn
        self.scope = list(scope)
        self.topic = topic_of(self.scope)
        self.heading.setText(self.title + (f" · {self.topic.title}" if self.topic else ""))
        self.redraw()

    def redraw(self) -> None:
        """Draw again, in the look's colours and size."""
        colors, size = self.look.colors, self.look.point_size
        self.heading.setStyleSheet(f"color: {colors.text}; font-size: {size + 5:g}pt; "
                                   "font-weight: 600;")
        self.note.setStyleSheet(f"color: {colors.muted};")
        self.message.setStyleSheet(f"color: {colors.muted}; font-size: {size + 1:g}pt;")
        from ..topic_views import choose_note
        self.say(self.draw(self.topic) if self.topic else choose_note(self.scope, self.what))

    def take_focus(self) -> None:
        """Focus the drawing (its keys scroll it), or the page when it shows a message:
        the page the keyboard left must not leave the window without a focus."""
        shown = self.stack.currentWidget()
        target = shown.widget(0) if isinstance(shown, QSplitter) else shown
        (target if target.focusPolicy() != Qt.FocusPolicy.NoFocus else self).setFocus()

    def say(self, why: str) -> None:
        self.message.setText(why)
        self.stack.setCurrentWidget(self.message if why else self.stack.widget(0))
        self.note.setVisible(not why)

    def draw(self, topic: Topic) -> str:
        raise NotImplementedError

    def open_card(self, card_id: str) -> None:
        card: Card | None = self.topic.card(card_id) if self.topic else None
        if card is not None:
            self.card_requested.emit(card)
