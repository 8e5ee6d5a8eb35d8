"""Prompts in print: "Test yourself" lines in the pack, one cut-out card per prompt."""
from __future__ import annotations

from conftest import PROMPTED
from test_pdf_support import page_texts, read

from briefing.cli import main
from briefing.loader import load_topic
from briefing.pdf import export_pdf


def test_the_pack_prints_each_cards_prompts_as_test_yourself_lines(workspace, tmp_path):
    topic = load_topic(workspace.topic(files={"cards.yaml": PROMPTED}))
    report = export_pdf([topic], tmp_path / "pack.pdf")
    text = " ".join(" ".join(page_texts(read(report.output))).split())
    assert "Test yourself." in text
    assert "How large was bilateral trade in 2004? — US$1.4 billion" in text
    assert "Bilateral trade grew to [...] in 2004 — U.S. $1.4 billion" in text
    assert text.count("Test yourself.") == 1  # only the card that has prompts


def test_cut_out_cards_are_one_per_prompt_question_front_answer_back(workspace, tmp_path):
    topic = load_topic(workspace.topic(files={"cards.yaml": PROMPTED}))
    report = export_pdf([topic], tmp_path / "cards.pdf", layout="cards", duplex="long")
    assert report.cards == 4  # briefing cards; the sheets hold 5 cut-out cards
    pages = [" ".join(t.split()) for t in page_texts(read(report.output))]
    fronts, backs = " ".join(pages[0::2]), " ".join(pages[1::2])  # fronts, then their backs
    assert "How large was bilateral trade in 2004?" in fronts
    assert "Bilateral trade grew to [...] in 2004" in fronts
    assert "Trade in 2004" not in fronts  # the title would answer the question
    assert "US$1.4 billion" in backs and "U.S. $1.4 billion" in backs
    assert fronts.count("KEY FIGURE") == 3  # two prompts of trade-2004, and trade-2005


def test_whole_cards_on_request(workspace, tmp_path, capsys):
    folder = workspace.topic(files={"cards.yaml": PROMPTED})
    out = tmp_path / "whole.pdf"
    assert main(["pdf", str(folder), "--layout", "cards", "--each", "card", "-o", str(out)]) == 0
    fronts = " ".join(page_texts(read(out))[0].split())
    assert "Trade in 2004" in fronts and "[...]" not in fronts
    assert fronts.count("KEY FIGURE") == 2
