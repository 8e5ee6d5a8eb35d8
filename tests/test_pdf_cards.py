"""Printable cards, read back with pypdf: grid, mirrored backs, fold-over, fitting."""
from __future__ import annotations

import pytest
from test_pdf_support import (
    card,
    page_texts,
    positions,
    read,
    stress_topic,
    valid_topic,
    where,
    write_topic,
)

from briefing.pdf import export_pdf
from briefing.pdf.sheets import CARD_SIZES, PAPERS, Rect, plan

MM = 72 / 25.4


def cell_of(sheet, x, y) -> Rect:
    """The card rectangle (of the front grid) that a point falls in."""
    for slot in range(sheet.per_sheet):
        rect = sheet.front(slot)
        if rect.contains(x, y):
            return rect
    raise AssertionError(f"({x:.0f}, {y:.0f}) is in no card of the grid")


def mirrored(rect: Rect, page, axis: str) -> Rect:
    """Computed here from first principles, not from sheets.py."""
    width, height = page
    if axis == "columns":
        return Rect(width - rect.x - rect.w, rect.y, rect.w, rect.h)
    return Rect(rect.x, height - rect.y - rect.h, rect.w, rect.h)


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("size, per_sheet", [("index", 4), ("business", 10)])
def test_cards_per_sheet_fit_inside_the_printable_margins(paper, size, per_sheet):
    sheet = plan(paper, size, "long")
    assert sheet.per_sheet == per_sheet
    width, height = sheet.page
    assert sorted(sheet.page) == sorted(PAPERS[paper])
    rects = [sheet.front(slot) for slot in range(sheet.per_sheet)]
    for rect in rects:
        assert (rect.w, rect.h) == CARD_SIZES[size]
        assert rect.x >= 6 * MM and rect.y >= 6 * MM
        assert rect.x + rect.w <= width - 6 * MM and rect.y + rect.h <= height - 6 * MM
    for a in rects:  # no two cards overlap
        for b in rects:
            if a is not b:
                assert (a.x + a.w <= b.x + 0.01 or b.x + b.w <= a.x + 0.01
                        or a.y + a.h <= b.y + 0.01 or b.y + b.h <= a.y + 0.01)


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("size", ["index", "business"])
@pytest.mark.parametrize("duplex", ["long", "short"])
def test_each_back_lands_behind_its_front(tmp_path, paper, size, duplex):
    topic = stress_topic(tmp_path, 13)
    report = export_pdf([topic], tmp_path / "c.pdf", layout="cards", paper=paper,
                        card_size=size, duplex=duplex)
    reader = read(report.output)
    sheet = plan(paper, size, duplex)
    sheets = -(-13 // sheet.per_sheet)
    assert report.pages == len(reader.pages) == 2 * sheets
    page = (float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height))
    portrait = page[1] > page[0]
    # long edge of a portrait sheet is vertical: flipping about it mirrors columns
    axis = "columns" if (duplex == "long") == portrait else "rows"
    texts = page_texts(reader)
    for i in range(13):
        number = next(n for n in range(0, len(texts), 2) if f"Question {i}?" in texts[n])
        front = cell_of(sheet, *where(reader.pages[number], f"Question {i}?"))
        back_point = where(reader.pages[number + 1], f"Answer {i}.")
        assert mirrored(front, page, axis).contains(*back_point), (i, front, back_point)
    if sheet.cols > 1 and sheet.rows > 1:  # a real mirror, not the same spot
        first_front = cell_of(sheet, *where(reader.pages[0], "Question 0?"))
        assert not first_front.contains(*where(reader.pages[1], "Answer 0."))


def test_long_and_short_edge_mirror_different_axes():
    for paper in ("a4", "letter"):
        for size in ("index", "business"):
            assert plan(paper, size, "long").mirror != plan(paper, size, "short").mirror


def test_fold_over_puts_each_back_beside_its_front_on_one_page(tmp_path):
    topic = stress_topic(tmp_path, 7)
    report = export_pdf([topic], tmp_path / "fold.pdf", layout="cards", duplex="fold",
                        card_size="business", paper="letter")
    reader = read(report.output)
    sheet = plan("letter", "business", "fold")
    assert report.pages == len(reader.pages) == -(-7 // sheet.per_sheet)
    texts = page_texts(reader)
    for i in range(7):
        page = reader.pages[next(n for n, t in enumerate(texts) if f"Question {i}?" in t)]
        fx, fy = where(page, f"Question {i}?")
        bx, by = where(page, f"Answer {i}.")
        assert bx > fx + sheet.card[0] / 2  # to the right, across the fold line
        front_row = [r for r in (sheet.front(s) for s in range(sheet.per_sheet))
                     if r.contains(fx, fy)][0]
        assert front_row.y <= by <= front_row.y + front_row.h
    assert "fold each pair along the dotted line" in page_texts(reader)[0]


def test_fronts_page_has_cut_lines_and_print_instructions(tmp_path):
    topic = stress_topic(tmp_path, 4)
    report = export_pdf([topic], tmp_path / "c.pdf", layout="cards")
    reader = read(report.output)
    fronts = reader.pages[0].get_contents().get_data().decode("latin-1")
    assert "[4 3] 0 d" in fronts  # dashed cut lines
    assert "flip on the long edge" in page_texts(reader)[0]
    assert "Backs, sheet 1 of 1" in page_texts(reader)[1]


def test_figure_back_shows_value_as_of_and_article_with_year(workspace, tmp_path):
    topic = valid_topic(workspace.topic())
    report = export_pdf([topic], tmp_path / "c.pdf", layout="cards")
    reader = read(report.output)
    backs = " ".join(page_texts(reader)[1].split())
    assert "1.4 US$ billion" in backs and "as of 2004" in backs
    assert "Source: Example Article On Trade, Example Brief, Volume 1, 2006" in backs
    fronts = page_texts(reader)[0]
    for c in topic.cards:
        assert c.title in fronts
    assert reader.metadata.title == "Example topic (cards)"
    assert reader.metadata.author == "Briefing Cards"


def test_markup_prints_literally_on_cards(tmp_path):
    cards = [card(0, "actor", title="<b>Bold</b> & co", front='<img src="/etc/passwd"/>',
                  back="x &amp; y < z")]
    topic = valid_topic(write_topic(tmp_path, "m", cards))
    reader = read(export_pdf([topic], tmp_path / "m.pdf", layout="cards").output)
    text = "\n".join(page_texts(reader))
    assert "<b>Bold</b> & co" in text
    assert '<img src="/etc/passwd"/>' in text
    assert "x &amp; y < z" in text


@pytest.mark.parametrize("size", ["index", "business"])
def test_a_very_long_card_is_shrunk_and_cut_inside_its_own_card(tmp_path, size):
    long_back = " ".join(f"Sentence {i} of an endless answer." for i in range(800))
    cards = [card(0, "actor", title="Long title " * 30, back=long_back, why="why " * 300),
             card(1, "actor", back="Neighbour answer."),
             card(2, "objective", back="Short answer here.")]
    topic = valid_topic(write_topic(tmp_path, "long", cards))
    report = export_pdf([topic], tmp_path / "l.pdf", layout="cards", card_size=size)
    reader = read(report.output)
    sheet = plan("a4", size, "long")
    assert report.shortened == ("long/card-0 back",)
    backs = reader.pages[1]
    own = mirrored(sheet.front(0), sheet.page, sheet.mirror)
    neighbour = mirrored(sheet.front(1), sheet.page, sheet.mirror)
    drawn = positions(backs)
    assert any(text.startswith("Sentence 0 of") and own.contains(x, y) for text, x, y in drawn)
    for text, x, y in drawn:
        if "Sentence" in text or "why" in text:
            assert own.contains(x, y), (text[:30], x, y)
        if neighbour.contains(x, y):
            assert "Sentence" not in text
    assert "Neighbour answer." in page_texts(reader)[1]
    assert "…" in page_texts(reader)[1]


def test_progress_counts_cards_laid_out(tmp_path):
    topic = stress_topic(tmp_path, 12)
    calls = []
    export_pdf([topic], tmp_path / "p.pdf", layout="cards",
               progress=lambda done, total: calls.append((done, total)))
    assert calls == [(i, 12) for i in range(1, 13)]


def test_mirroring_twice_gives_back_the_front_slot():
    for paper in ("a4", "letter"):
        for size in ("index", "business"):
            for duplex in ("long", "short"):
                sheet = plan(paper, size, duplex)
                backs = {(round(r.x, 3), round(r.y, 3))
                         for r in (sheet.back(s) for s in range(sheet.per_sheet))}
                fronts = {(round(r.x, 3), round(r.y, 3))
                          for r in (sheet.front(s) for s in range(sheet.per_sheet))}
                assert backs == fronts  # the backs fill exactly the same grid
