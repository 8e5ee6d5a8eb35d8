"""The pack's page machinery: page templates, running header, "page X of Y",
outline (bookmarks) and per-topic tables of contents.

Two reportlab traps shape this file. The well-known "NumberedCanvas" recipe
for "page X of Y" holds pages back and replays them, which breaks the page
numbers of outline entries; instead the total comes from the previous
multiBuild pass (`PageTotal` keeps multiBuild going until it is stable).
And multiBuild only settles when every pass produces the same TOC entries,
so keys are positional and stable (see selection.py), never counters.
"""
from __future__ import annotations

from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
from reportlab.platypus.doctemplate import IndexingFlowable
from reportlab.platypus.flowables import Flowable
from reportlab.platypus.tableofcontents import TableOfContents

from .fonts import BASE, Fonts, draw_line, fitted_line
from .styles import MUTED, PACK, RULE

MARGIN = 54


class OutlineMark(Flowable):
    """Zero-size flowable placed just before a heading: the link target, the
    outline entry and the TOC entry of what follows, all on the page it lands."""

    def __init__(self, key: str, level: int, title: str, toc: str | None = None,
                 toc_level: int = 0, card: bool = False):
        super().__init__()
        self.key, self.level, self.title = key, level, title
        self.toc, self.toc_level, self.card = toc, toc_level, card
        self.keepWithNext = 1  # never strand the mark at a page foot, apart from its heading

    def wrap(self, avail_width, avail_height):
        # Not quite zero: KeepTogether measures its content skipping zero-height
        # flowables, and then drops the heading's spaceBefore as if it opened
        # the frame; the measure comes out short and a heading is stranded.
        return 0, 0.01

    def draw(self):
        self.canv.bookmarkHorizontal(self.key, 0, 14)


class PageTotal(IndexingFlowable):
    """An indexing flowable that holds the page count of the last pass."""

    def __init__(self, doc: PackDoc):
        super().__init__()
        self.doc = doc
        self.total: int | None = None
        self.last: int | None = None

    def beforeBuild(self):
        self.last = self.total

    def afterBuild(self):
        self.total = self.doc.page

    def isSatisfied(self):
        return self.total is not None and self.total == self.last

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def draw(self):
        pass


class PartContents(TableOfContents):
    """A table of contents that lists only its own topic's entries."""

    def __init__(self, prefix: str):
        super().__init__(levelStyles=[PACK["toc0"], PACK["toc1"]], dotsMinLevel=0,
                         rightColumnWidth=40)
        self.prefix = prefix

    def notify(self, kind, stuff):
        if kind == "TOCEntry" and stuff[3] and stuff[3].startswith(self.prefix):
            self.addEntry(*stuff)

    def wrap(self, availWidth, availHeight):
        # The frame wraps the contents more than once a pass, and each wrap made a new
        # paragraph per entry: a pack's thousands of cards are thousands of entries. Its
        # table stays the same for the same entries, width and canvas (which holds the
        # callback drawing the page numbers).
        key = (availWidth, self.canv, self._lastEntries)
        if getattr(self, "_wrapped", None) == key:
            self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped = key
        return size


class PackDoc(BaseDocTemplate):
    def __init__(self, out, pagesize, *, fonts: Fonts, date: str, progress=None,
                 cards: int = 0, **meta):
        super().__init__(out, pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=MARGIN + 10, bottomMargin=MARGIN, **meta)
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate("cover", [frame], onPageEnd=self._cover_page),
                               PageTemplate("body", [frame], onPageEnd=self._body_page)])
        self.fonts = fonts
        self.date = date
        self.page_total = PageTotal(self)
        self.topic_title = ""
        self.progress = progress
        self.work = max(1, cards * 2)  # a pack takes two passes (see build)
        self.done = 0
        self.passes = 0

    def build_story(self, story: list) -> None:
        """multiBuild, in two passes where it took three or more.

        Each topic's contents are given their entries (without page numbers) before the
        first pass, so it lays the pages out as the last will; and it only measures,
        never drawing a paragraph: with no page total yet, PageTotal always asks for a
        second pass, so the first one's drawing was always thrown away."""
        marks = list(_outline_marks(story))
        for contents in (f for f in story if isinstance(f, PartContents)):
            contents.addEntries([(m.toc_level, m.toc, 0, m.key) for m in marks
                                 if m.toc is not None and m.key.startswith(contents.prefix)])
        self.multiBuild(story, maxPasses=8)

    def handle_documentBegin(self):
        super().handle_documentBegin()
        self.passes += 1
        self.canv.measuring_only = self.passes == 1  # see Paragraph.drawOn

    def afterFlowable(self, flowable):
        if not isinstance(flowable, OutlineMark):
            return
        if flowable.level == 0:
            self.topic_title = flowable.title
        self.canv.addOutlineEntry(flowable.title[:200], flowable.key, flowable.level,
                                  closed=flowable.level >= 1)
        if flowable.toc is not None:
            self.notify("TOCEntry", (flowable.toc_level, flowable.toc, self.page, flowable.key))
        if flowable.card and self.progress:
            self.done += 1
            self.progress(min(self.done, self.work - 1), self.work)

    def _cover_page(self, canvas, doc):
        canvas.showOutline()

    def _body_page(self, canvas, doc):
        width, height = self.pagesize
        top = height - MARGIN + 6
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, top - 4, width - MARGIN, top - 4)
        canvas.setFillColor(MUTED)
        pieces, _width = fitted_line(self.fonts, self.topic_title, 8.5, width - 2 * MARGIN - 90,
                                     bold=True, where="topic title")
        draw_line(canvas, pieces, MARGIN, top, 8.5)
        canvas.setFont(BASE, 8.5)
        canvas.drawRightString(width - MARGIN, top, "Briefing pack")
        total = self.page_total.total
        footer = f"page {self.page} of {total}" if total else f"page {self.page}"
        canvas.drawRightString(width - MARGIN, MARGIN - 24, footer)
        canvas.drawString(MARGIN, MARGIN - 24, f"Generated {self.date}")
        canvas.restoreState()


def _outline_marks(flowables):
    """The OutlineMarks of a story in reading order, also those inside a KeepTogether."""
    for flowable in flowables:
        if isinstance(flowable, OutlineMark):
            yield flowable
        elif isinstance(getattr(flowable, "_content", None), list):
            yield from _outline_marks(flowable._content)
