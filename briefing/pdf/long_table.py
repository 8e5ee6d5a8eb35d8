"""Long tables handed to reportlab a few pages' worth of rows at a time.

reportlab measures every row of a table each time it splits it at a page end, so a table
of n rows over many pages took time growing with n squared: the contents and the figures
table of 10,000 cards were most of a pack's time. A LongTable gives reportlab a Table of
the next CHUNK rows only; the rows that do not fit on the page go on with the rest. Each
page's part starts afresh as before (its banding too), so the pages look the same.
"""
from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Table, TableStyle
from reportlab.platypus.flowables import Flowable

CHUNK = 60  # rows: a little more than a page holds (a chunk that fits is made longer)


def long_table(rows: list, widths, style: TableStyle, repeat: int = 1, split_in_row: int = 1):
    """A table of `rows` (the first `repeat` rows are the head on every page), split as
    reportlab does; a LongTable when it is long."""
    def make(part: list) -> Table:
        table = Table(part, colWidths=widths, repeatRows=repeat, splitInRow=split_in_row)
        table.setStyle(style)
        return table

    return make(rows) if len(rows) <= repeat + CHUNK else LongTable(rows, make, repeat)


class LongTable(Flowable):
    """The rows of a table, made into reportlab Tables by `make(rows)` a chunk at a time."""

    def __init__(self, rows: list, make: Callable[[list], Table], repeat: int = 0,
                 chunk: int = CHUNK):
        super().__init__()
        self.rows, self.make, self.repeat, self.chunk = rows, make, repeat, chunk
        self._table: Table | None = None

    def _more(self, chunk: int) -> bool:
        return len(self.rows) > self.repeat + chunk

    def wrap(self, avail_width, avail_height):
        self._table = self.make(self.rows[:self.repeat + self.chunk])
        width, height = self._table.wrapOn(self.canv, avail_width, avail_height)
        if self._more(self.chunk):
            height = max(height, avail_height + 1)  # rows wait beyond the chunk: split
        self.width, self.height = width, height
        return width, height

    def split(self, avail_width, avail_height):
        chunk = self.chunk
        while True:
            table = self.make(self.rows[:self.repeat + chunk])
            parts = table.splitOn(self.canv, avail_width, avail_height)
            if not self._more(chunk):
                return parts
            if parts != [table]:
                break
            chunk *= 2  # the whole chunk fit (tiny rows): a page end must fall inside it
        if not parts:
            return []
        first, rest = parts
        # rest: the head again, then the chunk's rows that did not fit (maybe half a row)
        rows = self.rows[:self.repeat] + rest._cellvalues[self.repeat:] \
            + self.rows[self.repeat + chunk:]
        return [first, LongTable(rows, self.make, self.repeat, self.chunk)]

    def draw(self):
        self._table.drawOn(self.canv, 0, 0)
