"""The PDF's shortcuts for speed give what reportlab and the per-character path give."""
from __future__ import annotations

import unicodedata

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as ReportlabParagraph

from briefing.pdf.fonts import Fonts, in_base
from briefing.pdf.paragraph import Paragraph

TEXT = ("<b>A.</b> The talks in Beijing moved forward as China pressed Pyongyang to return, "
        "while <i>trade</i> grew each year and aid kept the north afloat. ") * 6


def _lines(paragraph, width):
    """Each line's text and room left, and the height, after a wrap at width."""
    paragraph.wrap(width, 10_000)
    return [("".join(getattr(word, "text", "") for word in line.words), line.extraSpace)
            for line in paragraph.blPara.lines], paragraph.height


def test_a_paragraph_wrapped_again_breaks_as_a_fresh_one_at_each_width():
    style = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13)
    ours = Paragraph(TEXT, style)
    for width in (300, 180, 300, 420, 180):
        fresh = ReportlabParagraph(TEXT, style)
        assert _lines(ours, width) == _lines(fresh, width)
        # a split (which may drop the broken lines) leaves a paragraph that wraps the same
        parts = ours.split(width, 40)
        assert [p.getPlainText() for p in parts] == \
            [p.getPlainText() for p in ReportlabParagraph(TEXT, style).split(width, 40)]
        assert _lines(ours, width) == _lines(ReportlabParagraph(TEXT, style), width)


def _runs_per_character(text):
    """Fonts.runs without its shortcut, for text Helvetica draws."""
    runs = []
    for char in text:
        if not in_base(char):
            assert unicodedata.category(char) in ("Cc", "Cf")
            continue
        if runs:
            runs[-1] = (None, runs[-1][1] + char)
        else:
            runs.append((None, char))
    return runs


def test_plain_ascii_text_is_one_run_as_character_by_character():
    fonts = Fonts()
    every = "".join(map(chr, range(128)))
    for text in ("", "plain words", "tab\there\nand a line", every, every[::-1], "\x7f\x01"):
        assert fonts.runs(text) == _runs_per_character(text)
