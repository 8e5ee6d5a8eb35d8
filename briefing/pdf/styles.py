"""Colours, paragraph styles and citation wording shared by both layouts."""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from ..model import KIND_NAMES, Card
from .fonts import BASE, BASE_BOLD, BASE_ITALIC

KIND_COLORS = {"actor": colors.HexColor("#1f4e8c"), "objective": colors.HexColor("#2e7d4f"),
               "figure": colors.HexColor("#a0522d")}
KIND_PLURALS = {"actor": "actors", "objective": "objectives", "figure": "key figures"}
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5f6368")
RULE = colors.HexColor("#c8ccd0")
SHADE = colors.HexColor("#eef1f4")


def style(name: str, size: float, *, font: str = BASE, leading: float | None = None,
          color=INK, **extra) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or size * 1.25,
                          textColor=color, **extra)


def cjk(base: ParagraphStyle) -> ParagraphStyle:
    """The same style with line breaks allowed between any two CJK characters."""
    return ParagraphStyle(base.name + "-cjk", parent=base, wordWrap="CJK")


PACK = {
    "cover-title": style("cover-title", 30, font=BASE_BOLD, leading=36, spaceAfter=10),
    "cover-sub": style("cover-sub", 14, color=MUTED, spaceAfter=28),
    "cover-head": style("cover-head", 11, font=BASE_BOLD, spaceBefore=14, spaceAfter=4),
    "cover": style("cover", 11, leading=15, spaceAfter=3),
    "h1": style("h1", 20, font=BASE_BOLD, leading=24, spaceAfter=10, keepWithNext=1),
    "h2": style("h2", 13.5, font=BASE_BOLD, leading=17, spaceBefore=10, spaceAfter=4,
                keepWithNext=1),
    "h2-flow": style("h2-flow", 13.5, font=BASE_BOLD, leading=17, spaceBefore=10, spaceAfter=4),
    "bluf": style("bluf", 12.5, leading=17, spaceAfter=10),
    "judgment": style("judgment", 10.5, leading=14, leftIndent=16, bulletIndent=2, spaceAfter=5),
    "body": style("body", 10, leading=13.5, spaceAfter=4),
    "role": style("role", 10, font=BASE_ITALIC, color=MUTED, spaceAfter=3, keepWithNext=1),
    "value": style("value", 18, font=BASE_BOLD, leading=22, spaceAfter=4, keepWithNext=1),
    "cite": style("cite", 8.5, leading=11, color=MUTED, spaceAfter=2),
    "cell": style("cell", 9, leading=11.5),
    "cell-head": style("cell-head", 9, font=BASE_BOLD, leading=11.5, color=colors.white),
    "note": style("note", 8.5, leading=11.5, leftIndent=22, firstLineIndent=-22, spaceAfter=4),
    "toc0": style("toc0", 11, font=BASE_BOLD, leading=15, spaceBefore=4),
    "toc1": style("toc1", 9.5, leading=12.5, leftIndent=16),
}


def grid(head_color, *, padding: float = 3, extra=()) -> TableStyle:
    """The pack's tables: a coloured head row, banded rows, thin rules, text at the top."""
    return TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), head_color),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, SHADE]),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), padding), ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
        *extra])


def seed_labels(card: Card) -> list[str]:
    """Each article the card draws on, once: title, publication, year."""
    return list(dict.fromkeys(s.seed.label for s in card.sources))


def citation(card: Card) -> str:
    """The articles a card draws on and, for a figure, the date its value refers to.
    A seed's label already ends with its year, the year its facts are as of."""
    text = "Source: " + "; ".join(seed_labels(card))
    if card.kind == "figure" and card.as_of_text:
        text += f" \u00b7 figure {card.as_of_text}"
    return text


def count(number: int, kind: str) -> str:
    """'1 actor', '3 key figures'."""
    singular = KIND_NAMES[kind].lower()
    return f"{number} {singular if number == 1 else KIND_PLURALS[kind]}"
