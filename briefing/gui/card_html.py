"""A card as rich text for QTextBrowser: front, and back with value, links and source.

Every piece of card text is escaped: a card may contain `<` or `&`.
Links use our own schemes: `card:<id>` opens a related card, `source:<n>`
opens the n-th source in its article, `tag:<tag>` shows the cards with that tag.
The words of a search are marked in the text as in the article view.
"""
from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ..matches import pieces
from ..model import CLOZE, DEFAULT_PROMPT, KIND_NAMES, Card, Topic
from ..study.items import Item
from .glossary_hover import explained
from .theme import Colors


def _plain(value: str) -> str:
    """Escaped text with its line breaks kept."""
    return escape(value).replace("\n", "<br>")


class _Marked:
    """Card text as HTML with the search words on a highlight."""

    def __init__(self, words: Sequence[str], colors: Colors):
        self.words, self.colors = words, colors

    def __call__(self, value: str) -> str:
        if not self.words:
            return _plain(value)
        return "".join(f'<span style="background-color:{self.colors.highlight}">{_plain(run)}'
                       f'</span>' if hit else _plain(run) for run, hit in pieces(value, self.words))


def _badge(card: Card, colors: Colors) -> str:
    return (f'<span style="color:{colors.kind(card.kind)}; font-size:small; font-weight:600;'
            f' letter-spacing:1px">{KIND_NAMES.get(card.kind, card.kind).upper()}</span>')


def front_html(item: Item, colors: Colors, topic: Topic | None = None,
               words: Sequence[str] = ()) -> str:
    """The question side: a prompt's question, or a whole card's front."""
    card, _text = item.card, _Marked(words, colors)
    topic_line = (f'<span style="color:{colors.muted}; font-size:small">&nbsp;·&nbsp;'
                  f'{escape(topic.title)}</span>') if topic else ""
    question = item.prompt.question if item.prompt else card.front
    return (f'<div>{_badge(card, colors)}{topic_line}</div>'
            f'<p style="font-size:x-large; margin-top:18px">{_text(question)}</p>')


def back_html(item: Item, colors: Colors, topic: Topic | None = None,
              words: Sequence[str] = ()) -> str:
    """The answer side: a prompt's answer first, then the card it belongs to as context
    (its back, why it matters, links, the source quote and the tags)."""
    card, prompt, _text = item.card, item.prompt, _Marked(words, colors)
    parts = [front_html(item, colors, topic, words), _rule(colors)]
    if prompt is not None and prompt.id != DEFAULT_PROMPT:
        parts.append(f'<p style="font-size:xx-large; font-weight:700; '
                     f'color:{colors.kind(card.kind)}; margin-bottom:2px">'
                     f'{_text(prompt.answer)}</p>')
        if prompt.type == CLOZE:
            parts.append(f'<p style="font-size:large">{_text(prompt.text)}</p>')
        parts.append(f'<p style="color:{colors.muted}; font-size:small; font-weight:600; '
                     f'letter-spacing:1px; margin-top:14px">FROM THE CARD</p>')
    if card.kind == "figure" and card.value is not None:
        as_of = (f'<span style="color:{colors.muted}; font-size:medium">&nbsp;&nbsp;'
                 f'{escape(card.as_of_text)}</span>') if card.as_of_text else ""
        parts.append(f'<p style="font-size:xx-large; font-weight:700; '
                     f'color:{colors.kind("figure")}; margin-bottom:2px">'
                     f'{escape(card.value_text)}{as_of}</p>')
    title = _text(card.title)
    if card.role:
        title += f'<span style="color:{colors.muted}; font-weight:400"> · {_text(card.role)}</span>'
    parts.append(f'<p style="font-size:large; font-weight:600; margin-bottom:4px">{title}</p>')
    parts.append(f'<p style="font-size:large">{explained(card.back, topic, colors, _text)}</p>')
    if card.why:
        parts.append(f'<p><span style="color:{colors.accent}; font-weight:600">Why it matters: '
                     f'</span>{explained(card.why, topic, colors, _text)}</p>')
    parts.append(_related(card, colors, topic))
    parts.append(sources_html(card, colors, text=_text))
    if card.tags:
        chips = " &nbsp;".join(
            f'<a href="tag:{escape(tag, quote=True)}" style="color:{colors.accent}; '
            f'background-color:{colors.quote}; text-decoration:none">&nbsp;#{escape(tag)}&nbsp;</a>'
            for tag in card.tags)
        parts.append(f'<p style="font-size:small">{chips}</p>')
    return "".join(parts)


def _rule(colors: Colors) -> str:
    # Qt paints a rule in its block's background colour (else the text colour).
    return f'<hr style="background-color:{colors.border}">'


def _related(card: Card, colors: Colors, topic: Topic | None) -> str:
    if not card.related:
        return ""
    links = []
    for other_id in card.related:
        other = topic.card(other_id) if topic else None
        label = other.title if other else other_id
        kind = (f' <span style="color:{colors.muted}; font-size:small">'
                f'({KIND_NAMES.get(other.kind, "").lower()})</span>') if other else ""
        links.append(f'<a href="card:{escape(other_id, quote=True)}" '
                     f'style="color:{colors.accent}">{escape(label)}</a>{kind}')
    return (f'<p><span style="color:{colors.muted}; font-weight:600">Related: </span>'
            + ", ".join(links) + "</p>")


def sources_html(card: Card, colors: Colors, text=_plain) -> str:
    blocks = []
    for index, source in enumerate(card.sources):
        seed = source.seed
        blocks.append(
            f'<table width="100%" cellpadding="10" style="margin-top:10px; '
            f'background-color:{colors.quote}"><tr><td>'
            f'<span style="color:{colors.muted}; font-size:small; font-weight:600">SOURCE · '
            f'{escape(seed.label)}</span><br>'
            f'<i>“{text(source.quote)}”</i><br>'
            f'<a href="source:{index}" style="color:{colors.accent}; font-size:small">'
            f'Show in article</a></td></tr></table>')
    return "".join(blocks)
