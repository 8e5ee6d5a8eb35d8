"""The briefing pack: cover, bottom line up front, contents, the pictures (chronology, actor
map, what changed), a section per kind (key figures with an at-a-glance table and charts),
the glossary, and the sources with notes."""
from __future__ import annotations

import io
from dataclasses import dataclass
from functools import partial

from reportlab.lib.units import inch
from reportlab.platypus import (
    CondPageBreak,
    HRFlowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
)

from ..model import KIND_LABELS, KIND_NAMES, KINDS, Card, Seed, Source
from ..wording import clip
from . import actor_map, changes, chronology, glossary
from .charts import Captioned, series_chart
from .deferred import Deferred, batches
from .long_table import long_table
from .markup import Markup, anchor, has_cjk, link, plain
from .pack_doc import OutlineMark, PackDoc, PartContents
from .paragraph import Paragraph
from .selection import Part, describe_filters
from .styles import KIND_COLORS, MUTED, PACK, RULE, citation, cjk, count, grid, seed_labels

TABLE_CELL_LIMIT = 300  # the at-a-glance table summarises; the card has the full text


class KeepCard(KeepTogether):
    """Keeps a card on one page when it fits on one; a longer card just flows
    on from where it starts (KeepTogether would leave a blank page before it)."""

    def __init__(self, flowables, frame_height: float):
        super().__init__(flowables)
        self.frame_height = frame_height

    def split(self, avail_width, avail_height):
        if getattr(self, "_wrapInfo", None) != (avail_width, avail_height):
            self.wrap(avail_width, avail_height)
        if self.frame_height < self._H:
            return self._content[:]
        return super().split(avail_width, avail_height)


@dataclass
class Note:
    number: int
    key: str
    source: Source
    cited_by: str       # markup of what cites it
    cited_key: str | None


class PartStory:
    """Builds one topic's flowables; notes are numbered in reading order."""

    def __init__(self, part: Part, mk: Markup, frame: tuple[float, float], date: str,
                 filters: str):
        self.part, self.mk = part, mk
        self.width, self.height = frame
        self.date, self.filters = date, filters
        self.notes: list[Note] = []
        self.where = part.topic.id

    def para(self, text_markup: str, style_name: str, source_text: str = "") -> Paragraph:
        style = PACK[style_name]
        return Paragraph(text_markup, cjk(style) if has_cjk(source_text) else style)

    def text(self, text: str, field: str, bold: bool = False) -> str:
        return self.mk.text(text, f"{self.where} {field}", bold)

    def flowables(self) -> list:
        story = self.cover() + [NextPageTemplate("body"), PageBreak()]
        story += self.bottom_line() + self.contents()
        for picture in (chronology, actor_map, changes):  # what a reader takes in at a glance
            part = picture.section(self)
            if part:
                story += [PageBreak()] + part
        for kind in KINDS:
            cards = self.part.of_kind(kind)
            if cards:
                story += [PageBreak()] + self.section(kind, cards)
        terms = glossary.section(self)
        if terms:
            story += [PageBreak()] + terms
        # made after the cards, whose notes come first
        mark = self.section_mark("sources", "Sources")
        story += [PageBreak(), Deferred(partial(self.sources, mark), [mark])]
        return story

    def judgment_key(self, number: int | None) -> str | None:
        return f"{self.part.key}-kj{number}" if number else None

    def section_mark(self, suffix: str, title: str, level: int = 1, toc_level: int = 0):
        return OutlineMark(f"{self.part.key}-{suffix}", level, title,
                           toc=self.mk.text(title, f"{self.where} heading"), toc_level=toc_level)

    def cover(self) -> list:
        topic = self.part.topic
        title = self.text(topic.title, "title", bold=True)
        counts = ", ".join(count(len(self.part.of_kind(k)), k)
                           for k in KINDS if self.part.of_kind(k))
        story = [OutlineMark(self.part.key, 0, plain(topic.title)), Spacer(1, 1.4 * inch),
                 self.para(title, "cover-title", topic.title),
                 Paragraph("Briefing pack", PACK["cover-sub"]),
                 Paragraph("Drawn from", PACK["cover-head"])]
        for seed in topic.seeds:
            story.append(self.para(self.text(seed.label, "seed"), "cover", seed.label))
        story.append(Paragraph("In this pack", PACK["cover-head"]))
        story.append(Paragraph(f"{len(self.part.cards)} cards: {counts}", PACK["cover"]))
        if self.filters:
            story.append(self.para("Only " + self.text(self.filters, "filters"), "cover",
                                   self.filters))
        story.append(Paragraph("Generated", PACK["cover-head"]))
        story.append(Paragraph(f"{self.date} by Briefing Cards", PACK["cover"]))
        return story

    def bottom_line(self) -> list:
        topic = self.part.topic
        story = [self.section_mark("bluf", "Bottom line up front"),
                 Paragraph("Bottom line up front", PACK["h1"])]
        if topic.bottom_line:
            story.append(self.para(self.text(topic.bottom_line, "bottom_line"), "bluf",
                                   topic.bottom_line))
        if topic.key_judgments:
            story.append(Paragraph("Key judgments", PACK["h2"]))
        for number, judgment in enumerate(topic.key_judgments, 1):
            refs = self.cite(judgment.sources, f"Key judgment {number}", self.judgment_key(number))
            body = anchor(self.judgment_key(number)) + self.text(judgment.text,
                                                                  f"key judgment {number}")
            style = cjk(PACK["judgment"]) if has_cjk(judgment.text) else PACK["judgment"]
            story.append(Paragraph(f"{body} {refs}", style, bulletText=f"{number}."))
        return story

    def contents(self) -> list:
        return [CondPageBreak(3 * inch), Spacer(1, 12),
                OutlineMark(f"{self.part.key}-contents", 1, "Contents"),
                Paragraph("Contents", PACK["h1"]), PartContents(self.part.key + "-")]

    def cite(self, sources, cited_by: str, cited_key: str | None) -> str:
        """Note references like [3] for each source, numbering new notes."""
        refs = []
        for source in sources:
            note = Note(len(self.notes) + 1, f"{self.part.key}-n{len(self.notes) + 1}", source,
                        self.mk.text(cited_by, f"{self.where} note"), cited_key)
            self.notes.append(note)
            refs.append(link(f"[{note.number}]", note.key))
        return "".join(refs)

    def section(self, kind: str, cards: tuple[Card, ...]) -> list:
        label = KIND_LABELS[kind]
        story = [self.section_mark(kind, label), Paragraph(label, PACK["h1"])]
        if kind == "figure":
            story += self.figures_table(cards) + self.charts()
        for batch in batches(cards):  # made as the layout reaches them
            marks = [self.card_mark(card) for card in batch]
            story.append(Deferred(partial(self.cards, batch, marks), marks))
        return story

    def card_mark(self, card: Card) -> OutlineMark:
        return OutlineMark(self.part.card_key(card), 2, plain(card.title),
                           toc=self.mk.text(card.title), toc_level=1, card=True)

    def cards(self, cards, marks) -> list:
        return [flowable for card, mark in zip(cards, marks, strict=True)
                for flowable in self.card(card, mark)]

    def card(self, card: Card, mark: OutlineMark) -> list:
        key = self.part.card_key(card)
        where = f"{card.topic}/{card.id}"
        field = lambda name: f"{where} {name}"  # noqa: E731
        title = self.mk.text(card.title, field("title"), bold=True)
        color = KIND_COLORS[card.kind].hexval()[2:]
        story = [mark,
                 self.para(f'<font color="#{color}" size="8">{KIND_NAMES[card.kind].upper()}'
                           f'</font><br/>{title}', "h2", card.title)]
        if card.role:
            story.append(self.para(self.mk.text(card.role, field("role")), "role", card.role))
        if card.kind == "figure" and card.value is not None:
            value = self.mk.text(card.value_text, field("value"), bold=True)
            as_of = card.as_of_text  # empty where the value says it: "1953 Armistice Agreement"
            when = f' <font size="10">{self.mk.text(as_of, field("as_of"))}</font>' \
                if as_of else ""
            story.append(self.para(value + when, "value", card.value_text))
        for label, text, name in (("Q.", card.front, "front"), ("A.", card.back, "back"),
                                  ("Why it matters.", card.why, "why")):
            if text:
                story.append(self.para(f"<b>{label}</b> {self.mk.text(text, field(name))}",
                                       "body", text))
        if card.prompts:
            story.append(self.para("<b>Test yourself.</b>", "body", "Test yourself."))
            for prompt in card.prompts:
                question = self.mk.text(prompt.question, field(f"prompt {prompt.id}"))
                answer = self.mk.text(prompt.answer, field(f"prompt {prompt.id}"))
                story.append(self.para(f"• {question} <font color=\"#{MUTED.hexval()[2:]}\">"
                                       f"— {answer}</font>", "body",
                                       prompt.question + prompt.answer))
        if card.date is not None:
            event = f": {self.mk.text(card.event, field('event'))}" if card.event else ""
            story.append(self.para(f"<b>When.</b> {self.mk.text(card.date.label)}{event}",
                                   "body", card.event))
        if card.relations:
            story.append(self.para(f"<b>Relations.</b> {self.relations(card, key)}", "body",
                                   " ".join(r.label for r in card.relations)))
        refs = self.cite(card.sources, card.title, key)
        line = citation(card)
        story.append(self.para(f"{self.mk.text(line, field('source'))} {refs}", "cite", line))
        related = [self.mk.text(other.title, field("related")) if other_key is None
                   else link(self.mk.text(other.title, field("related")), other_key)
                   for other, other_key in self.part.related(card)]
        if related:
            story.append(self.para("Related: " + ", ".join(related), "cite",
                                   " ".join(card.related)))
        if card.tags:
            tags = self.mk.text(", ".join(card.tags), field("tags"))
            story.append(self.para("Tags: " + tags, "cite", " ".join(card.tags)))
        story += [Spacer(1, 4), HRFlowable(width="100%", thickness=0.5, color=RULE,
                                           spaceBefore=2, spaceAfter=6)]
        return [KeepCard(story, self.height)]

    def relations(self, card: Card, key: str | None) -> str:
        """Each relation as "→ Other: label [n]", the other actor a link, the quote a note."""
        parts = []
        for relation in card.relations:
            other = self.part.topic.card(relation.to)
            name = self.mk.text(other.title if other else relation.to)
            other_key = self.part.card_key(other) if other else None
            refs = self.cite(relation.sources, card.title, key)
            parts.append(f"\u2192 {link(name, other_key) if other_key else name}: "
                         f"{self.mk.text(relation.label)} {refs}")
        return "; ".join(parts)

    def figures_table(self, cards) -> list:
        def cell(text, name, card, key=None):
            text = clip(text, TABLE_CELL_LIMIT)
            markup = self.mk.text(text, f"{card.topic}/{card.id} {name}")
            return self.para(link(markup, key) if key else markup, "cell", text)

        rows = [[Paragraph(h, PACK["cell-head"]) for h in ("Figure", "Value", "As of", "Source")]]
        for card in cards:
            when = card.as_of_when
            rows.append([cell(card.title, "title", card, self.part.card_key(card)),
                         cell(card.value_text, "value", card),
                         cell(when.short_label if when else card.as_of, "as_of", card),
                         cell("; ".join(dict.fromkeys(s.seed.short_label for s in card.sources)),
                              "source", card)])
        widths = [0.38, 0.27, 0.14, 0.21]
        table = long_table(rows, [w * self.width for w in widths],
                           grid(KIND_COLORS["figure"], padding=4))
        return [self.section_mark("glance", "At a glance", level=2, toc_level=1),
                Paragraph("At a glance", PACK["h2"]), table,
                *self.source_legend([s.seed for c in cards for s in c.sources]), Spacer(1, 10)]

    def source_legend(self, seeds: list[Seed]) -> list:
        """Under a table citing articles by short citation: what each stands for."""
        seeds = list(dict.fromkeys(seeds))
        if not seeds:
            return []
        items = "; ".join(f"<b>{self.mk.text(s.short_label, bold=True)}</b>: "
                          f"{self.mk.text(s.label)}" for s in seeds)
        return [Spacer(1, 3), self.para(f"Sources: {items}.", "cite",
                                        " ".join(s.label for s in seeds))]

    def charts(self) -> list:
        story = []
        for number, (name, cards) in enumerate(self.part.series().items()):
            sources = "; ".join(dict.fromkeys(s for c in cards for s in seed_labels(c)))
            chart = series_chart(name, cards, self.width, self.mk.fonts)
            story += [OutlineMark(f"{self.part.key}-chart{number}", 2, "Chart: " + plain(name),
                                  toc="Chart: " + self.mk.text(name), toc_level=1),
                      self.para(self.mk.text(name, f"{self.where} series", bold=True), "h2", name),
                      Captioned(chart, self.para("Source: " + self.mk.text(sources), "cite",
                                                 sources)),
                      Spacer(1, 10)]
        return story

    def sources(self, mark: OutlineMark) -> list:
        topic = self.part.topic
        story = [mark, Paragraph("Sources", PACK["h1"])]
        for seed in topic.seeds:
            text = f"<b>{self.mk.text(seed.title, bold=True)}</b>"
            details = ", ".join(x for x in (seed.publication, str(seed.year or "")) if x)
            if details:
                text += ". " + self.mk.text(details)
            story.append(self.para(f"{text}. File: {self.mk.text(seed.path.name)}", "body",
                                   seed.label))
        story += [Spacer(1, 6), Paragraph("Notes", PACK["h2"])]
        for note in self.notes:
            quote = self.mk.text(note.source.quote, f"{self.where} quote")
            cited = link(note.cited_by, note.cited_key) if note.cited_key else note.cited_by
            story.append(self.para(
                f"{anchor(note.key)}{note.number}.\u2002\u201c{quote}\u201d \u2014 "
                f"{self.mk.text(note.source.seed.label)}. Cited by: {cited}.",
                "note", note.source.quote + note.source.seed.label))
        return story


def build_pack(parts: list[Part], pagesize, mk: Markup, *, date: str, filters=((), ()),
               progress=None, meta: dict) -> tuple[bytes, int]:
    """The pack as PDF bytes, and its page count."""
    out = io.BytesIO()
    total_cards = sum(len(p.cards) for p in parts)
    doc = PackDoc(out, pagesize, fonts=mk.fonts, date=date, progress=progress,
                  cards=total_cards, **meta)
    story = []
    described = describe_filters(*filters)
    for part in parts:
        if part.number:
            story += [NextPageTemplate("cover"), PageBreak()]
        story += PartStory(part, mk, (doc.width, doc.height), date, described).flowables()
    doc.build_story(story)
    if progress:
        progress(doc.work, doc.work)
    return out.getvalue(), doc.total
