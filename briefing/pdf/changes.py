"""The pack's What changed: each theme set side by side, what the earlier article says and
what the later one says, both quoted and cited; then the tags whose cards span both."""
from __future__ import annotations

from reportlab.platypus import CondPageBreak, KeepTogether, Spacer, Table

from .. import compare
from .long_table import long_table
from .markup import anchor, link
from .paragraph import Paragraph
from .styles import KIND_COLORS, PACK, SHADE, grid

SHOWN_CARDS = 4  # per side of a theme: the rest are counted


def section(story) -> list:
    topic = story.part.topic
    pair = compare.articles(topic)
    changes = compare.changes(topic, story.part.cards)
    if not changes:
        return []
    flow = [story.section_mark("changes", "What changed"),
            Paragraph("What changed between the articles", PACK["h1"])]
    if pair:
        first, last = pair
        flow.append(story.para(
            f"What the earlier article ({story.mk.text(first.label)}) says beside what the "
            f"later one ({story.mk.text(last.label)}) says, theme by theme: first the themes "
            "written for this topic, then every card that draws on both. Each side quotes its "
            "article; the numbers lead to the notes.", "body", first.label + last.label))
    flow += [Spacer(1, 4), *side_by_side(story, changes)]
    themes = compare.shared_themes(topic, story.part.cards)
    if themes and pair:
        flow += [Spacer(1, 6), CondPageBreak(120),
                 story.section_mark("themes", "Themes in both articles", level=2, toc_level=1),
                 Paragraph("Themes in both articles", PACK["h2"]),
                 Paragraph("Tags whose cards draw on each article, with those cards.",
                           PACK["body"]),
                 theme_table(story, themes, pair)]
    return flow


def side_by_side(story, changes) -> list:
    """One small table per theme, kept on one page: the theme across both columns, then
    the earlier article's side and the later one's."""
    half = story.width / 2
    flow = []
    for number, change in enumerate(changes, 1):
        key = f"{story.part.key}-change{number}"
        where = f"{story.where} change {number}"
        cards = [story.part.topic.card(i) for i in change.cards]
        linked = [link(story.mk.text(c.title, where), story.part.card_key(c))
                  if story.part.card_key(c) else story.mk.text(c.title, where)
                  for c in cards if c is not None]
        theme = f"{anchor(key)}<b>{story.mk.text(change.theme, where, bold=True)}</b>"
        if linked:
            word = "cards" if change.written else "card"
            theme += f' \u2003<font size="7.5">{word}: {", ".join(linked)}</font>'
        rows = [[story.para(theme, "cell", change.theme), ""],
                [_side(story, change.earlier, change.theme, key, where),
                 _side(story, change.later, change.theme, key, where)]]
        table = Table(rows, colWidths=[half, half])
        table.setStyle(grid(SHADE, extra=[("SPAN", (0, 0), (1, 0)),
                                          ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None])]))
        flow += [KeepTogether([table]), Spacer(1, 6)]
    return flow


def _side(story, side, theme, key, where) -> list:
    seeds = list(dict.fromkeys(s.seed for s in side.sources))
    cite_line = "; ".join(s.short_label for s in seeds)
    cell = [story.para(f"<b>{story.mk.text(cite_line, where, bold=True)}</b>", "cite", cite_line)]
    if side.text:
        cell.append(story.para(story.mk.text(side.text, where), "cell", side.text))
    for source in side.sources:
        refs = story.cite((source,), theme, key)
        quote = story.mk.text(source.quote, where)
        cell.append(story.para(f"<i>\u201c{quote}\u201d</i> {refs}", "cell", source.quote))
    return cell


def theme_table(story, themes, pair):
    first, last = pair
    rows = [[Paragraph(h, PACK["cell-head"]) for h in
             ("Tag", first.short_label, last.short_label)]]
    for theme in themes:
        rows.append([story.para(story.mk.text(theme.tag), "cell", theme.tag),
                     _titles(story, theme.earlier), _titles(story, theme.later)])
    widths = [0.2, 0.4, 0.4]
    return long_table(rows, [w * story.width for w in widths], grid(KIND_COLORS["objective"]))


def _titles(story, cards) -> Paragraph:
    shown = [link(story.mk.text(c.title), story.part.card_key(c)) if story.part.card_key(c)
             else story.mk.text(c.title) for c in cards[:SHOWN_CARDS]]
    more = len(cards) - SHOWN_CARDS
    text = "; ".join(shown) + (f"; and {more} more" if more > 0 else "")
    return story.para(text, "cell", " ".join(c.title for c in cards))
