"""The pack's page machinery: page templates, running header, "page X of Y",
outline (bookmarks) and per-topic tables of contents.

The pack is laid out in one pass. The numbers it cannot know until the end, the page
total and the contents' page numbers, are drawn as forms defined once the last page is
done (see forward.py). The well-known "NumberedCanvas" recipe for "page X of Y" holds
pages back and replays them, which breaks the page numbers of outline entries; and
multiBuild lays the whole pack out again only to learn the numbers. Each contents is
given its entries before the pass, so it takes the room it will have.
"""
from __future__ import annotations

from functools import partial

from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Spacer
from reportlab.platypus.flowables import Flowable
from reportlab.platypus.tableofcontents import TableOfContents

from .deferred import Deferred, expand_ahead
from .fonts import BASE, Fonts, draw_line, fitted_line
from .forward import Forward, toc_number
from .long_table import long_table
from .markup import check_key
from .paragraph import Paragraph
from .styles import MUTED, PACK, RULE

MARGIN = 54
NUMBER_CALLBACK = "packContentsNumber"


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


class PartContents(TableOfContents):
    """A table of contents that lists only its own topic's entries, given before the
    pass (see PackDoc.build_story); their page numbers are drawn as forward forms."""

    def __init__(self, prefix: str):
        super().__init__(levelStyles=[PACK["toc0"], PACK["toc1"]], dotsMinLevel=0,
                         rightColumnWidth=40)
        self.prefix = prefix
        self.doc: PackDoc | None = None

    def wrap(self, availWidth, availHeight):
        # Made once per width: the frame wraps the contents more than once, and a pack's
        # thousands of cards are thousands of entries. reportlab's own wrap made its
        # paragraphs anew each time, of a kind that breaks its lines again at each wrap.
        if getattr(self, "_wrapped", None) != availWidth:
            self._table = self._entry_table(availWidth)
            self._wrapped = availWidth
        # The callback is the canvas's: set for every contents (and each split piece). It
        # holds what it needs, not the contents: the canvas lives to the end of the build.
        self.canv.setNamedCB(NUMBER_CALLBACK, partial(_number, self.levelStyles, availWidth,
                                                      self.doc))
        self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height

    def _entry_table(self, width: float):
        rows = []
        for level, text, _page, key in self._lastEntries:
            style = self.getLevelStyle(level)
            if style.spaceBefore:
                rows.append([Spacer(1, style.spaceBefore)])
            # keys are ours (see markup.check_key): no commas or quotes in the label; the
            # link as reportlab's contents make it, in the entry's colour
            number = f'<onDraw name="{NUMBER_CALLBACK}" label="{level},{key}"/>'
            rows.append([Paragraph(f'<a href="#{check_key(key)}">{text}</a>{number}', style)])
        # reportlab measured all the entries at each wrap and split: a LongTable does not
        return long_table(rows, (width,), self.tableStyle, repeat=0, split_in_row=0)


def _number(styles, width: float, doc: PackDoc, canvas, kind, label) -> None:
    """Where a contents entry's text ends: the dots and page number, as a form drawn
    later, and a link over them to the entry."""
    level, key = label.split(",")
    style = styles[int(level)]
    x, y = canvas._curr_tx_info["cur_x"], canvas._curr_tx_info["cur_y"]
    room = width - x
    pages = doc.pages
    canvas.saveState()
    canvas.translate(x, y)
    doc.forward.place(canvas, lambda c: toc_number(c, style, pages[key], room, " . "))
    canvas.restoreState()
    canvas.linkRect("", key, (x, y, x + room, y + style.leading), relative=1)


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
        self.topic_title = ""
        self.progress = progress
        self.work = max(1, cards)
        self.done = 0
        self.forward = Forward()
        self.pages: dict[str, int] = {}  # each outline key's page
        self.total = 0

    def build_story(self, story: list) -> None:
        """Lay the story out once (see the module's docstring), then write the numbers."""
        self._give_entries(story)
        self._doSave = 0  # saved below, once the forms are defined
        self.build(story)
        self.total = self.page
        self.forward.finish(self.canv)
        self.canv.save()

    def _give_entries(self, story: list) -> None:
        # A function of its own, so no name holds a contents (and its table of every
        # entry) through the build: the story list is the only owner of what it lays out.
        marks = list(_outline_marks(story))
        for contents in (f for f in story if isinstance(f, PartContents)):
            contents.doc = self
            contents._lastEntries = [(m.toc_level, m.toc, 0, m.key) for m in marks
                                     if m.toc is not None and m.key.startswith(contents.prefix)]

    def handle_flowable(self, flowables):
        expand_ahead(flowables)
        if flowables:
            super().handle_flowable(flowables)

    def afterFlowable(self, flowable):
        if not isinstance(flowable, OutlineMark):
            return
        if flowable.level == 0:
            self.topic_title = flowable.title
        self.canv.addOutlineEntry(flowable.title[:200], flowable.key, flowable.level,
                                  closed=flowable.level >= 1)
        self.pages[flowable.key] = self.page
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
        page = self.page
        self.forward.place(canvas, lambda c: self._page_number(c, page))
        canvas.drawString(MARGIN, MARGIN - 24, f"Generated {self.date}")
        canvas.restoreState()

    def _page_number(self, canvas, page: int) -> None:
        canvas.setFont(BASE, 8.5)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(self.pagesize[0] - MARGIN, MARGIN - 24,
                               f"page {page} of {self.total}")


def _outline_marks(flowables):
    """The OutlineMarks of a story in reading order, also those inside a KeepTogether
    or still to be made by a Deferred."""
    for flowable in flowables:
        if isinstance(flowable, OutlineMark):
            yield flowable
        elif isinstance(flowable, Deferred):
            yield from flowable.marks
        elif isinstance(getattr(flowable, "_content", None), list):
            yield from _outline_marks(flowable._content)
