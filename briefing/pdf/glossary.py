"""The pack's Glossary: each term, what it stands for, one line on what it means, its
source note, and the cards about it."""
from __future__ import annotations

from functools import partial

from ..glossary import entries_sorted
from .deferred import Deferred
from .long_table import long_table
from .markup import anchor, link
from .paragraph import Paragraph
from .styles import KIND_COLORS, PACK, grid


def section(story) -> list:
    """Nothing without terms; else the section, made after the cards (whose notes come
    first) as the layout reaches it."""
    if not story.part.topic.glossary:
        return []
    mark = story.section_mark("glossary", "Glossary")
    return [Deferred(partial(_section, story, mark), [mark])]


def _section(story, mark) -> list:
    entries = entries_sorted(story.part.topic.glossary)
    rows = [[Paragraph(h, PACK["cell-head"]) for h in ("Term", "Meaning")]]
    for number, entry in enumerate(entries, 1):
        where = f"{story.where} glossary {entry.term}"
        key = f"{story.part.key}-term{number}"
        term = f"{anchor(key)}<b>{story.mk.text(entry.term, where, bold=True)}</b>"
        if entry.expansion:
            term += f"<br/><i>{story.mk.text(entry.expansion, where)}</i>"
        meaning = story.mk.text(entry.definition, where) + " " + \
            story.cite(entry.sources, f"Glossary: {entry.term}", key)
        cards = [story.part.topic.card(i) for i in entry.related]
        seen = [link(story.mk.text(c.title, where), story.part.card_key(c))
                for c in cards if c is not None and story.part.card_key(c)]
        if seen:
            meaning += f'<br/><font size="7.5">See: {", ".join(seen)}</font>'
        rows.append([story.para(term, "cell", entry.term + entry.expansion),
                     story.para(meaning, "cell", entry.definition)])
    table = long_table(rows, [0.3 * story.width, 0.7 * story.width],
                       grid(KIND_COLORS["actor"], padding=4))
    return [mark, Paragraph("Glossary", PACK["h1"]), table]
