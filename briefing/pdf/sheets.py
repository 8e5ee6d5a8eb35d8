"""Where cards go on a printed sheet: the grid, and the mirrored grid of backs.

Duplex rule: the back of a sheet is seen after turning the sheet over about
one of its edges. Turned about a vertical edge, a card's back must sit at
the mirrored column; turned about a horizontal edge, at the mirrored row.
"Long edge" means the sheet's long side, so on a portrait page that is the
vertical edge (mirror columns) and on a landscape page the horizontal one
(mirror rows); "short edge" is the other way round. The fold option puts
front and back side by side in one cell: fold along the middle, no duplex.
"""
from __future__ import annotations

from dataclasses import dataclass

PAPERS = {"a4": (595.2756, 841.8898), "letter": (612.0, 792.0)}
CARD_SIZES = {"index": (360.0, 216.0), "business": (252.0, 144.0)}  # 5x3 in, 3.5x2 in
MIN_MARGIN = 24.0  # most printers cannot print the outer 0.2 in or so


def paper_size(paper: str) -> tuple[float, float]:
    return PAPERS[paper]


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    def contains(self, x: float, y: float, slack: float = 0.5) -> bool:
        return (self.x - slack <= x <= self.x + self.w + slack
                and self.y - slack <= y <= self.y + self.h + slack)


@dataclass(frozen=True)
class Sheet:
    page: tuple[float, float]
    card: tuple[float, float]
    cols: int
    rows: int
    duplex: str  # "long", "short" or "fold"

    @property
    def per_sheet(self) -> int:
        return self.cols * self.rows

    @property
    def landscape(self) -> bool:
        return self.page[0] > self.page[1]

    @property
    def cell_size(self) -> tuple[float, float]:
        width, height = self.card
        return (2 * width if self.duplex == "fold" else width), height

    @property
    def origin(self) -> tuple[float, float]:
        """Bottom-left of the grid, which is centred so mirroring maps cells onto cells."""
        cw, ch = self.cell_size
        return (self.page[0] - self.cols * cw) / 2, (self.page[1] - self.rows * ch) / 2

    @property
    def mirror(self) -> str:
        """'columns' or 'rows': what the backs page mirrors (see the module doc)."""
        vertical_flip = (self.duplex == "long") != self.landscape
        return "columns" if vertical_flip else "rows"

    def cell(self, slot: int) -> Rect:
        """Slot 0 is top-left; slots run along rows."""
        row, col = divmod(slot, self.cols)
        cw, ch = self.cell_size
        ox, oy = self.origin
        return Rect(ox + col * cw, oy + (self.rows - 1 - row) * ch, cw, ch)

    def front(self, slot: int) -> Rect:
        cell = self.cell(slot)
        return Rect(cell.x, cell.y, self.card[0], self.card[1])

    def back(self, slot: int) -> Rect:
        """Where the back of the card in `slot` goes: on the backs page, or beside it."""
        cell = self.cell(slot)
        width, height = self.card
        if self.duplex == "fold":
            return Rect(cell.x + width, cell.y, width, height)
        if self.mirror == "columns":
            return Rect(self.page[0] - cell.x - width, cell.y, width, height)
        return Rect(cell.x, self.page[1] - cell.y - height, width, height)

    def instructions(self) -> str:
        if self.duplex == "fold":
            return ("Print one-sided. Cut along the dashed lines, "
                    "fold each pair along the dotted line.")
        edge = "long" if self.duplex == "long" else "short"
        return f"Print double-sided, flip on the {edge} edge. Cut along the dashed lines."


def plan(paper: str, card_size: str, duplex: str) -> Sheet:
    """The orientation that fits the most cards (portrait on a tie)."""
    width, height = PAPERS[paper]
    best = None
    for page in ((width, height), (height, width)):
        sheet = _fit(page, CARD_SIZES[card_size], duplex)
        if best is None or sheet.per_sheet > best.per_sheet:
            best = sheet
    if best.per_sheet == 0:
        raise ValueError(f"{card_size} cards do not fit on {paper} paper")
    return best


def _fit(page, card, duplex) -> Sheet:
    probe = Sheet(page, card, 1, 1, duplex)
    cw, ch = probe.cell_size
    cols = int((page[0] - 2 * MIN_MARGIN) // cw)
    rows = int((page[1] - 2 * MIN_MARGIN) // ch)
    return Sheet(page, card, max(cols, 0), max(rows, 0), duplex)
