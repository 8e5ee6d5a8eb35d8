"""Long tables are handed to reportlab a chunk at a time and still split as one table."""
from __future__ import annotations

import re

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from test_pdf_support import outline, page_texts, read, stress_topic

from briefing.pdf import export_pdf
from briefing.pdf.long_table import CHUNK, LongTable, long_table
from briefing.pdf.paragraph import Paragraph
from briefing.pdf.styles import grid

STYLE = ParagraphStyle("cell", fontName="Helvetica", fontSize=9, leading=11.5)


def _rows(count: int) -> list:
    head = [[Paragraph("Head", STYLE), Paragraph("Other", STYLE)]]
    return head + [[Paragraph(f"row {i}", STYLE), Paragraph("word " * (i % 40), STYLE)]
                   for i in range(count)]


def _pages(table, height: float = 700) -> list:
    """The tables a frame of `height` would put on each page, splitting as reportlab does."""
    canvas = Canvas("unused.pdf")
    pages = []
    while table is not None:
        _w, h = table.wrapOn(canvas, 400, height)
        if h <= height:
            pages.append(table)
            break
        first, table = table.splitOn(canvas, 400, height)
        pages.append(first)
    return pages


def _text(table) -> list[str]:
    cells = table._table._cellvalues if isinstance(table, LongTable) else table._cellvalues
    return [" ".join(_plain(c) for c in row) for row in cells]


def _plain(cell) -> str:
    """A cell's text: a paragraph, or the flowables a split row holds."""
    if hasattr(cell, "getPlainText"):
        return cell.getPlainText()
    return " ".join(_plain(c) for c in cell)


def test_a_long_table_makes_only_chunks_and_splits_as_one_table(monkeypatch):
    made = []
    rows = _rows(500)
    ours = long_table(rows, [150, 250], grid("#a0522d"))
    assert isinstance(ours, LongTable)
    make = ours.make
    monkeypatch.setattr(ours, "make", lambda part: (made.append(len(part)), make(part))[1])
    reportlab = make(rows)  # one Table of every row: what the pack handed reportlab before
    ours_pages, their_pages = _pages(ours), _pages(reportlab)
    assert [_text(p) for p in ours_pages] == [_text(p) for p in their_pages]
    assert len(ours_pages) > 10
    assert max(made) <= 1 + CHUNK  # never all the rows at once


def test_a_short_table_is_a_plain_table():
    assert not isinstance(long_table(_rows(CHUNK), [150, 250], grid("#a0522d")), LongTable)


def test_contents_over_pages_give_each_card_its_page_number(tmp_path):
    # 150 entries: the contents run over pages, in chunks; each number is drawn last
    report = export_pdf([stress_topic(tmp_path, 150)], tmp_path / "big.pdf")
    reader = read(report.output)
    texts = page_texts(reader)
    entries = outline(reader)
    start = next(p for _d, t, p in entries if t == "Contents")
    end = next(p for _d, t, p in entries if t == "Actors")
    contents = " ".join(" ".join(texts[start:end]).split())
    cards = [(t, p) for d, t, p in entries if d == 2 and t.startswith("Card ")]
    assert len(cards) == 150
    for title, page in cards:
        # the number is drawn (and read) before the entry's text
        assert re.search(rf"\b{page + 1} {re.escape(title)}\b", contents), title
