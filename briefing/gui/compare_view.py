"""The Compare articles page: for a topic drawn from articles of two dates, each theme
side by side, what the earlier article says beside what the later one says, each side
quoted and cited; the hand-written comparisons first, then the cards drawing on both.
A card's name opens it."""
from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QFrame, QTextBrowser

from ..compare import articles, changes, shared_themes
from ..model import Card, Side, Topic
from ..topic_views import compare_note, side_cites
from .look import Look
from .theme import Colors
from .topic_page import TopicPage

SHOWN_CARDS = 6  # per side of a shared theme: the rest are counted


def _text(value: str) -> str:
    return escape(value).replace("\n", "<br>")


def _card_link(card: Card, colors: Colors) -> str:
    return (f'<a href="card:{escape(card.id, quote=True)}" style="color:{colors.accent}">'
            f'{escape(card.title)}</a>')


def _side(side: Side, colors: Colors) -> str:
    parts = [f'<p style="color:{colors.muted}; font-size:small; font-weight:600">'
             f'{escape(side_cites(side))}</p>']
    if side.text:
        parts.append(f"<p>{_text(side.text)}</p>")
    for source in side.sources:
        parts.append(f'<p style="margin-left:10px"><i>“{_text(source.quote)}”</i></p>')
    return "".join(parts)


def compare_html(topic: Topic, colors: Colors) -> str:
    """The page as rich text: every piece of card text escaped, card names as card: links."""
    first, last = articles(topic)
    cell = f'valign="top" style="padding:8px; border: 1px solid {colors.border}"'
    rows = [f'<tr><th width="50%" {cell} align="left">Earlier: {escape(first.label)}</th>'
            f'<th width="50%" {cell} align="left">Later: {escape(last.label)}</th></tr>']
    for change in changes(topic):
        cards = [c for c in (topic.card(i) for i in change.cards) if c is not None]
        theme = f"<b>{escape(change.theme)}</b>"
        if cards:
            word = "cards" if len(cards) > 1 else "card"
            theme += (f' &emsp;<span style="font-size:small">{word}: '
                      + ", ".join(_card_link(c, colors) for c in cards) + "</span>")
        rows.append(f'<tr><td colspan="2" {cell} bgcolor="{colors.quote}">{theme}</td></tr>')
        rows.append(f"<tr><td {cell}>{_side(change.earlier, colors)}</td>"
                    f"<td {cell}>{_side(change.later, colors)}</td></tr>")
    html = [f'<table width="100%" cellspacing="0" cellpadding="6" '
            f'style="border-collapse:collapse">{"".join(rows)}</table>']
    themes = shared_themes(topic)
    if themes:
        html.append('<h3 style="margin-top:18px">Themes in both articles</h3>'
                    f'<p style="color:{colors.muted}">Tags whose cards draw on each article, '
                    "with those cards.</p>")
        lines = [f'<tr><th {cell} align="left">Tag</th><th {cell} align="left">'
                 f'{escape(first.short_label)}</th><th {cell} align="left">'
                 f'{escape(last.short_label)}</th></tr>']
        for theme in themes:
            lines.append(f"<tr><td {cell}>#{escape(theme.tag)}</td>"
                         f"<td {cell}>{_titles(theme.earlier, colors)}</td>"
                         f"<td {cell}>{_titles(theme.later, colors)}</td></tr>")
        html.append(f'<table width="100%" cellspacing="0" cellpadding="6" '
                    f'style="border-collapse:collapse">{"".join(lines)}</table>')
    return "".join(html)


def _titles(cards, colors: Colors) -> str:
    shown = ", ".join(_card_link(c, colors) for c in cards[:SHOWN_CARDS])
    more = len(cards) - SHOWN_CARDS
    return shown + (f", and {more} more" if more > 0 else "")


class CompareView(TopicPage):
    title = "Compare articles"
    what = "articles side by side"

    def __init__(self, look: Look, parent=None):
        super().__init__(look, parent)
        self.browser = QTextBrowser(objectName="compareText")
        self.browser.setOpenLinks(False)
        self.browser.setFrameShape(QFrame.Shape.NoFrame)
        self.browser.anchorClicked.connect(self._link)
        self.set_content(self.browser)
        self._drawn: str | None = None   # the topic drawn last

    def draw(self, topic: Topic) -> str:
        why = compare_note(topic)
        if why:
            return why
        first, last = articles(topic)
        self.note.setText(f"What the earlier article ({first.short_label}) says beside what the "
                          f"later one ({last.short_label}) says, theme by theme: first the themes "
                          "written for this topic, then every card that draws on both. Click a "
                          "card's name to open it.")
        colors = self.look.colors
        self.browser.setStyleSheet(f"QTextBrowser {{ background: {colors.base}; "
                                   f"color: {colors.text}; }}")
        font = self.browser.font()
        font.setPointSizeF(self.look.point_size)
        self.browser.document().setDefaultFont(font)
        # Redrawn in another look, the page keeps its place; another topic starts at the top.
        scroll = self.browser.verticalScrollBar().value() if topic.id == self._drawn else 0
        self.browser.setHtml(compare_html(topic, colors))
        self.browser.verticalScrollBar().setValue(scroll)
        self._drawn = topic.id
        return ""

    def _link(self, url) -> None:
        scheme, _, card_id = url.toString().partition(":")
        if scheme == "card":
            self.open_card(card_id)
