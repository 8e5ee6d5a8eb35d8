"""Shrink text to fit a box: smaller type first, then drop optional lines, then cut.

A card face is a fixed rectangle, so its paragraphs are laid out together at
one scale; the largest scale at which everything fits wins. Optional blocks
(the quote, "why it matters") go before the type gets too small to read; as
a last resort the longest block is cut with an ellipsis, never overflowed.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from ..wording import cut, longest_fitting
from .markup import has_cjk
from .styles import cjk

SCALES = tuple(s / 100 for s in range(100, 45, -5))  # 1.0 down to 0.5
OPTIONAL_BELOW = 0.7   # under this scale, drop the optional blocks first
MIN_SIZE = 5.0         # points: smaller print is unreadable, so cut the text instead
GAP = 0.35             # space between blocks, in lines of the block's own type


@dataclass
class Block:
    text: str                          # plain text (what gets cut if it must)
    render: Callable[[str], str]       # plain text -> markup
    style: ParagraphStyle
    optional: bool = False
    bottom: bool = False               # anchored to the foot of the box
    cut: bool = field(default=False, init=False)


@dataclass
class Placed:
    paragraph: Paragraph
    height: float
    block: Block


def _scaled(style: ParagraphStyle, scale: float, text: str) -> ParagraphStyle:
    size = max(style.fontSize * scale, min(style.fontSize, MIN_SIZE))
    scaled = ParagraphStyle(f"{style.name}@{scale}", parent=style, fontSize=size,
                            leading=style.leading * size / style.fontSize)
    return cjk(scaled) if has_cjk(text) else scaled


def _layout(blocks, scale, width, texts=None) -> tuple[list[Placed], float]:
    placed, total = [], 0.0
    for block in blocks:
        text = texts.get(id(block), block.text) if texts else block.text
        style = _scaled(block.style, scale, text)
        paragraph = Paragraph(block.render(text), style)
        _w, height = paragraph.wrap(width, 10_000)
        gap = style.fontSize * GAP if placed else 0
        placed.append(Placed(paragraph, height + gap, block))
        total += height + gap
    return placed, total


# No glyph of the fonts we use is narrower than this, in ems (Helvetica's i and l
# are 0.22): it bounds how many characters a box can possibly show.
NARROWEST = 0.2


def most_chars(block: Block, width: float, height: float) -> int:
    """More characters than the box can show at the smallest type: the rest is
    never laid out, so a 1 MB back costs what a full card costs."""
    size = min(block.style.fontSize, MIN_SIZE)
    return int(width / (NARROWEST * size)) * max(1, int(height / size))


def fit(blocks: list[Block], width: float, height: float) -> tuple[list[Placed], bool]:
    """The blocks laid out to fit width x height, and whether any text was cut."""
    blocks = [b for b in blocks if b.text]
    rooms = [most_chars(b, width, height) for b in blocks]
    precut = any(len(b.text) > room for b, room in zip(blocks, rooms, strict=True))
    blocks = [replace(b, text=cut(b.text, room)) if len(b.text) > room else b
              for b, room in zip(blocks, rooms, strict=True)]
    required = [b for b in blocks if not b.optional]
    for scale in SCALES:
        chosen = blocks if scale >= OPTIONAL_BELOW else required
        placed, total = _layout(chosen, scale, width)
        if total <= height:
            return placed, precut
    return _cut(required, SCALES[-1], width, height), True


def _cut(blocks: list[Block], scale: float, width: float, height: float) -> list[Placed]:
    """Cut the longest blocks (binary search on length) until everything fits."""
    texts: dict[int, str] = {}
    for block in sorted(blocks, key=lambda b: len(b.text), reverse=True):
        def fits(text: str, block=block) -> bool:
            texts[id(block)] = text
            return _layout(blocks, scale, width, texts)[1] <= height
        texts[id(block)] = longest_fitting(block.text, fits)
        placed, total = _layout(blocks, scale, width, texts)
        if total <= height:
            return placed
    return []  # not even one character fits: draw nothing rather than overflow


def draw(canvas, placed: list[Placed], x: float, y: float, width: float, height: float,
         middle: bool = False) -> None:
    """Draw top blocks from the top (or centred) and bottom blocks from the foot."""
    top = [p for p in placed if not p.block.bottom]
    foot = [p for p in placed if p.block.bottom]
    used = sum(p.height for p in top)
    cursor = y + height
    if middle:
        spare = height - used - sum(p.height for p in foot)
        cursor -= max(0.0, spare) / 2
    for item in top:
        cursor -= item.height
        item.paragraph.drawOn(canvas, x, cursor)
    cursor = y
    for item in reversed(foot):
        item.paragraph.drawOn(canvas, x, cursor)
        cursor += item.height
