"""`briefing pdf` on the command line, font fallback, and keeping imports light."""
from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import need_fonts_for
from test_pdf_support import card, outline, page_texts, read, write_topic

from briefing.cli import main
from briefing.pdf.fonts import FontFinder, Fonts, fitted_line, in_base, script_of
from briefing.pdf.markup import Markup, escape

BROKEN_CARDS = """\
cards:
  - id: lonely
    kind: actor
    title: Lonely
    front: Who?
    back: Nobody.
    related: [nobody-here]
    sources:
      - seed: art
        quote: Bilateral trade grew
"""


def test_pdf_command_writes_a_pack_and_says_so(workspace, tmp_path, capsys):
    workspace.topic()
    out = tmp_path / "pack.pdf"
    assert main(["pdf", str(workspace.cards), "-o", str(out)]) == 0
    printed = capsys.readouterr()
    assert f"wrote {out}:" in printed.out and "4 cards (pack layout)" in printed.out
    assert printed.err == ""
    assert "Trade in 2005" in "\n".join(page_texts(read(out)))


def test_pdf_command_cards_with_every_option(workspace, tmp_path):
    workspace.topic()
    out = tmp_path / "cards.pdf"
    code = main(["pdf", str(workspace.cards), "-o", str(out), "--layout", "cards",
                 "--paper", "letter", "--card-size", "business", "--duplex", "short",
                 "--kind", "figure", "--tag", "trade", "--topic", "example"])
    assert code == 0
    reader = read(out)
    assert (float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)) \
        == (612, 792)
    text = "\n".join(page_texts(reader))
    assert "Trade in 2004" in text and "The Premier" not in text
    assert "flip on the short edge" in text


def test_broken_topic_is_skipped_with_its_problems_and_the_rest_exported(workspace, tmp_path,
                                                                         capsys):
    workspace.topic()
    workspace.topic("broken", files={"cards.yaml": BROKEN_CARDS})
    out = tmp_path / "pack.pdf"
    assert main(["pdf", str(workspace.cards), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "cards.yaml:7:" in err and "nobody-here" in err
    assert "skipped topic 'broken'" in err
    assert "Traceback" not in err
    assert [t for d, t, _p in outline(read(out)) if d == 0] == ["Example topic"]


@pytest.mark.parametrize("args, message", [
    (["--topic", "nope"], "no topic 'nope'; topics here: example"),
    (["--tag", "no-such-tag"], "nothing to export: no cards match the chosen kinds and tags"),
])
def test_nothing_to_export_is_one_clear_line(workspace, tmp_path, capsys, args, message):
    workspace.topic()
    out = tmp_path / "x.pdf"
    assert main(["pdf", str(workspace.cards), "-o", str(out)] + args) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not out.exists()


def test_unwritable_output_is_one_clear_line(workspace, tmp_path, capsys):
    workspace.topic()
    assert main(["pdf", str(workspace.cards), "-o", str(tmp_path / "no" / "x.pdf")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("briefing pdf: cannot write") and "\n" not in err


def test_missing_glyphs_are_a_warning_naming_the_card(tmp_path, capsys, monkeypatch):
    import briefing.pdf.fonts as fonts
    bare = FontFinder(extra=[], dirs=[], fontconfig=False)
    monkeypatch.setattr(fonts, "default_finder", lambda: bare)
    write_topic(tmp_path / "cards", "kim", [card(0, "actor", title="김정일")])
    out = tmp_path / "k.pdf"
    assert main(["pdf", str(tmp_path / "cards"), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "warning: kim/card-0 title: cannot draw" in err and "Hangul" in err
    assert out.exists()


def test_runs_switch_font_per_script_and_keep_latin_in_the_base_font():
    need_fonts_for("김정일金正日")
    finder = FontFinder()
    runs = Fonts(finder).runs("Kim “김정일” — 金正日")
    assert runs[0] == (None, "Kim “")
    families = [family for family, _chunk in runs if family]
    assert families and all(f.startswith("BC-") for f in families)
    assert "".join(chunk for _f, chunk in runs) == "Kim “김정일” — 金正日"


def test_text_without_a_font_is_recorded_once_per_place():
    fonts = Fonts(FontFinder(extra=[], dirs=[], fontconfig=False))
    Markup(fonts).text("Ж and 김", "t/c title")
    Markup(fonts).text("김", "t/c title")
    text, chars = fonts.missing.by_place["t/c title"]
    assert chars == {"Ж", "김"} and text == "Ж and 김"


def test_escape_and_base_font_coverage():
    assert escape('<img src="x"/> & <b>') == '&lt;img src="x"/&gt; &amp; &lt;b&gt;'
    for char in "“”‘’—–…€é":
        assert in_base(char), char
    for char in "김金ЖΩ\x07":
        assert not in_base(char), char
    assert [script_of(c) for c in "김金ЖΩaあ"] == ["Hangul", "Han", "Cyrillic", "Greek",
                                                  "Latin", "Kana"]


def test_fitted_line_cuts_with_an_ellipsis_to_the_room_given():
    fonts = Fonts(FontFinder(extra=[], dirs=[], fontconfig=False))
    pieces, width = fitted_line(fonts, "A long running header " * 10, 9, 100)
    assert width <= 100 and pieces[-1][1].endswith("…")
    pieces, width = fitted_line(fonts, "Short", 9, 100)
    assert pieces == [("Helvetica", "Short")]


def test_importing_the_pdf_package_loads_neither_qt_nor_reportlab():
    code = ("import sys, briefing.pdf, briefing.pdf.command; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'reportlab')))")
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True).stdout.strip()
    assert found == "[]"


@pytest.mark.slow
@pytest.mark.parametrize("layout,says", [
    ("cards", "briefing pdf: warning: example/huge back text was cut to fit the card"),
    ("pack", "briefing pdf: warning: example/huge back text was cut to 60,000 characters")])
def test_a_one_megabyte_back_exports_in_seconds_cut_and_reported(workspace, tmp_path, layout,
                                                                 says):
    """A 1 MB back once ran 271 s (cards) and over 900 s (pack); the work per card is
    bounded by what can be printed."""
    import time
    back = " ".join(f"word{i}" for i in range(180_000))[:1_000_000]
    huge = ("cards:\n  - id: huge\n    kind: actor\n    title: A very long card\n"
            "    front: What does the longest card say?\n"
            f"    back: {back}\n    sources:\n      - seed: art\n"
            "        quote: Bilateral trade grew to U.S. $1.4 billion in 2004\n")
    workspace.topic(files={"cards.yaml": huge})
    out = tmp_path / f"{layout}.pdf"
    start = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "briefing", "pdf", str(workspace.cards),
                             "-o", str(out), "--layout", layout],
                            capture_output=True, text=True, timeout=120)
    seconds = time.monotonic() - start
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [says]
    assert seconds < 20
    text = "".join("\n".join(page_texts(read(out))).split())
    assert "word0word1word2" in text and "word150000" not in text and "\u2026" in text
