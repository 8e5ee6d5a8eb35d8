"""Cut-out flashcards: a sheet of fronts, then the backs where the duplex flip puts them.

Each face is clipped to its card, and its text shrunk to fit (fit.py), so a
long card never spills onto its neighbour.
"""
from __future__ import annotations

import io

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ..model import CLOZE, KIND_NAMES, Card, Prompt
from . import fit
from .fonts import BASE, BASE_BOLD, BASE_ITALIC, draw_line, fitted_line
from .markup import Markup
from .selection import Part
from .sheets import Rect, Sheet, plan
from .styles import INK, KIND_COLORS, MUTED, RULE, citation, style

HEADER = 9.0    # height of the strip with kind and title at the top of a face


def _styles(scale: float) -> dict:
    def s(name, size, **kw):
        return style(f"card-{name}", size * scale, **kw)
    return {"title": s("title", 15, font=BASE_BOLD, alignment=1),
            "role": s("role", 9.5, font=BASE_ITALIC, color=MUTED, alignment=1),
            "front": s("front", 11.5, alignment=1, leading=11.5 * scale * 1.3),
            "value": s("value", 24, font=BASE_BOLD, color=KIND_COLORS["figure"]),
            "as-of": s("as-of", 9, color=MUTED),
            "back": s("back", 10.5, leading=10.5 * scale * 1.3),
            "answer": s("answer", 15, font=BASE_BOLD, leading=15 * scale * 1.25),
            "why": s("why", 8.5, font=BASE_ITALIC, color=MUTED),
            "cite": s("cite", 7, color=MUTED),
            "quote": s("quote", 7, font=BASE_ITALIC, color=MUTED)}


class FaceDrawer:
    def __init__(self, canvas: Canvas, sheet: Sheet, mk: Markup):
        self.canvas, self.sheet, self.mk = canvas, sheet, mk
        scale = sheet.card[1] / 216.0  # type sizes are set for 5x3 in index cards
        self.styles = _styles(scale)
        self.pad = 12 * scale + 2
        self.header_size = 6.5 if scale < 1 else 7.5
        self.shortened: list[str] = []

    def block(self, text, field, card, name, **kw) -> fit.Block:
        where = f"{card.topic}/{card.id} {field}"
        style = self.styles[name]
        bold = style.fontName == BASE_BOLD
        return fit.Block(str(text), lambda t: self.mk.text(t, where, bold), style, **kw)

    def front(self, card: Card, topic_title: str, rect: Rect, prompt: Prompt | None = None) -> None:
        if prompt is not None:  # the question alone: the title would give the answer away
            blocks = [self.block(prompt.question, "front", card, "front")]
            self._face(card, rect, topic_title, blocks, middle=True, side=f"{prompt.id} front")
            return
        blocks = [self.block(card.title, "title", card, "title"),
                  self.block(card.role, "role", card, "role", optional=True),
                  self.block(card.front, "front", card, "front")]
        self._face(card, rect, topic_title, blocks, middle=True, side="front")

    def prompt_back(self, card: Card, prompt: Prompt, rect: Rect) -> None:
        """The answer first, big; then which card it comes from and its source."""
        blocks = [self.block(prompt.answer, "answer", card, "answer")]
        if prompt.type == CLOZE:
            blocks.append(self.block(prompt.text, "back", card, "back", optional=True))
        blocks.append(self.block(citation(card), "source", card, "cite", bottom=True))
        self._face(card, rect, card.title, blocks, middle=False, side=f"{prompt.id} back")

    def back(self, card: Card, rect: Rect) -> None:
        blocks = []
        if card.kind == "figure" and card.value is not None:
            blocks.append(self.block(card.value_text, "value", card, "value"))
            if card.as_of_text:  # not where the value says it ("1953 Armistice Agreement")
                blocks.append(self.block(card.as_of_text, "as_of", card, "as-of"))
        if card.date is not None:
            blocks.append(self.block(card.date.label, "date", card, "as-of", optional=True))
        blocks.append(self.block(card.back, "back", card, "back"))
        blocks.append(self.block(card.why, "why", card, "why", optional=True))
        blocks.append(self.block(citation(card), "source", card, "cite", bottom=True))
        if card.sources:
            quote = "\u201c" + " ".join(card.sources[0].quote.split()) + "\u201d"
            blocks.append(self.block(quote, "quote", card, "quote", optional=True, bottom=True))
        self._face(card, rect, card.title, blocks, middle=False, side="back")

    def either_back(self, card: Card, prompt: Prompt | None, rect: Rect) -> None:
        if prompt is None:
            self.back(card, rect)
        else:
            self.prompt_back(card, prompt, rect)

    def _face(self, card, rect, label, blocks, middle, side) -> None:
        c = self.canvas
        c.saveState()
        path = c.beginPath()
        path.rect(rect.x, rect.y, rect.w, rect.h)
        c.clipPath(path, stroke=0, fill=0)  # the hard guarantee: nothing leaves the card
        pad = self.pad
        top = rect.y + rect.h - pad
        kind = KIND_NAMES[card.kind].upper()
        c.setFillColor(KIND_COLORS[card.kind])
        c.setFont(BASE_BOLD, self.header_size)
        c.drawString(rect.x + pad, top - self.header_size, kind)
        used = stringWidth(kind, BASE_BOLD, self.header_size) + 8
        c.setFillColor(MUTED)
        self._right_text(label, rect.x + rect.w - pad, top - self.header_size,
                         rect.w - 2 * pad - used, f"{card.topic}/{card.id} header")
        c.setStrokeColor(KIND_COLORS[card.kind])
        c.setLineWidth(0.8)
        line_y = top - HEADER - 3
        c.line(rect.x + pad, line_y, rect.x + rect.w - pad, line_y)
        width = rect.w - 2 * pad
        height = line_y - 5 - (rect.y + pad)
        placed, cut = fit.fit(blocks, width, height)
        if cut:
            self.shortened.append(f"{card.topic}/{card.id} {side}")
        fit.draw(c, placed, rect.x + pad, rect.y + pad, width, height, middle=middle)
        c.restoreState()

    def _right_text(self, text, right, y, room, where) -> None:
        pieces, width = fitted_line(self.mk.fonts, text, self.header_size, room, where=where)
        draw_line(self.canvas, pieces, right - width, y, self.header_size)


def _cut_lines(c: Canvas, sheet: Sheet) -> None:
    cw, ch = sheet.cell_size
    ox, oy = sheet.origin
    width, height = sheet.cols * cw, sheet.rows * ch
    reach = 12
    c.saveState()
    c.setStrokeColor(RULE)
    c.setLineWidth(0.5)
    c.setDash(4, 3)
    for col in range(sheet.cols + 1):
        x = ox + col * cw
        c.line(x, oy - reach, x, oy + height + reach)
    for row in range(sheet.rows + 1):
        y = oy + row * ch
        c.line(ox - reach, y, ox + width + reach, y)
    if sheet.duplex == "fold":
        c.setDash(1, 2)
        c.setStrokeColor(MUTED)
        for col in range(sheet.cols):
            x = ox + col * cw + sheet.card[0]
            c.line(x, oy - reach, x, oy + height + reach)
            c.setFont(BASE, 6)
            c.setFillColor(MUTED)
            c.drawCentredString(x, oy + height + reach + 3, "fold")
    c.restoreState()


def _note(c: Canvas, sheet: Sheet, text: str) -> None:
    c.saveState()
    c.setFont(BASE, 7)
    c.setFillColor(MUTED)
    c.drawCentredString(sheet.page[0] / 2, max(8.0, sheet.origin[1] / 2 - 3), text)
    c.restoreState()


def build_cards(parts: list[Part], paper: str, card_size: str, duplex: str, mk: Markup, *,
                each: str = "prompt", progress=None, meta: dict) -> tuple[bytes, int, list[str]]:
    """The sheets as PDF bytes, the page count, and the card sides whose text was cut.
    each "prompt": one cut-out card per prompt a card studies (a card without prompts
    is one, front and back); "card": one per briefing card, whole."""
    sheet = plan(paper, card_size, duplex)
    cards = [(part, card, prompt) for part in parts for card in part.cards
             for prompt in (card.prompts or (None,) if each == "prompt" else (None,))]
    out = io.BytesIO()
    c = Canvas(out, pagesize=sheet.page, pageCompression=1)
    c.setTitle(meta["title"])
    c.setAuthor(meta["author"])
    c.setSubject(meta["subject"])
    c.setKeywords(meta["keywords"])
    c.setCreator(meta["creator"])
    drawer = FaceDrawer(c, sheet, mk)
    chunks = [cards[i:i + sheet.per_sheet] for i in range(0, len(cards), sheet.per_sheet)]
    pages, done = 0, 0
    for number, chunk in enumerate(chunks, 1):
        where = f"sheet {number} of {len(chunks)}"
        c.setFillColor(INK)
        for slot, (part, card, prompt) in enumerate(chunk):
            drawer.front(card, part.topic.title, sheet.front(slot), prompt)
            if duplex == "fold":
                drawer.either_back(card, prompt, sheet.back(slot))
            done += 1
            if progress:
                progress(done, len(cards))
        _cut_lines(c, sheet)
        side = "Cards" if duplex == "fold" else "Fronts"
        _note(c, sheet, f"{side}, {where}. {sheet.instructions()}")
        c.showPage()
        pages += 1
        if duplex != "fold":
            for slot, (_part, card, prompt) in enumerate(chunk):
                drawer.either_back(card, prompt, sheet.back(slot))
            _note(c, sheet, f"Backs, {where}: print on the back of the fronts page.")
            c.showPage()
            pages += 1
    c.save()
    return out.getvalue(), pages, drawer.shortened
