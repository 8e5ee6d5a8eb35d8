"""Glossary terms in card text, explained on hover: each term the topic's glossary finds
is wrapped in a span whose title is its entry (expansion, definition, source), which
QTextBrowser shows as the tooltip of that text. Card text stays text: every piece,
term or not, goes through the caller's escaping."""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from html import escape

from ..glossary import Glossary
from ..model import GlossaryEntry, Topic
from .theme import Colors

TIP_WIDTH = 380  # pixels: a definition wraps instead of running across the screen


@lru_cache(maxsize=16)
def _glossary(entries: tuple[GlossaryEntry, ...]) -> Glossary:
    return Glossary(entries)  # its pattern is compiled once per topic, not once per card


def entry_tip(entry: GlossaryEntry, colors: Colors) -> str:
    """The entry as a tooltip (rich text): the term and what it stands for, what it means,
    and where the articles say so."""
    head = f"<b>{escape(entry.term)}</b>"
    if entry.expansion:
        head += f" · <i>{escape(entry.expansion)}</i>"
    parts = [head, f"<p>{escape(entry.definition)}</p>"]
    if entry.sources:
        # Loaded with the card at start-up: it keeps clear of the views' modules.
        cites = "; ".join(dict.fromkeys(s.seed.short_label for s in entry.sources))
        parts.append(f'<p style="color:{colors.muted}">Source: {escape(cites)} · '
                     f'“{escape(entry.sources[0].quote)}”</p>')
    return f'<table width="{TIP_WIDTH}"><tr><td>{"".join(parts)}</td></tr></table>'


def explained(text: str, topic: Topic | None, colors: Colors,
              plain: Callable[[str], str]) -> str:
    """Card text as HTML (each piece through `plain`, the caller's escaping), its glossary
    terms underlined with dots and explained on hover."""
    if topic is None or not topic.glossary:
        return plain(text)
    out, at = [], 0
    for match in _glossary(topic.glossary).find(text):
        tip = escape(entry_tip(match.entry, colors), quote=True)
        out.append(plain(text[at:match.start]))
        out.append(f'<span title="{tip}" style="text-underline-style: dotted">'
                   f"{plain(match.text(text))}</span>")
        at = match.end
    out.append(plain(text[at:]))
    return "".join(out)
