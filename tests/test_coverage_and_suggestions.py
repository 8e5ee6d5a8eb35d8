"""`briefing coverage` and `briefing suggest`: exact shares on a hand-made topic, spans the
article view can highlight, and draft cards whose quotes are verbatim and new."""
from __future__ import annotations

import json
from pathlib import Path

import article_files as af
import pytest

from briefing.cli import main
from briefing.coverage import topic_coverage
from briefing.loader import load_topic
from briefing.quotes import SeedTexts, fold
from briefing.suggestions import suggest
from briefing.suggestions.rejected import reject, rejected

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = """\
Harbour Power

The council voted to build a barrage. It will cost about €310 million. Critics fear for the birds.

The mayor, who backs the scheme, spoke for an hour. Nobody asked about the fish.

The wildlife trust opposes the plan and wants a survey. Construction may begin in spring 2026.

1. Council minutes, May 2024.
"""
TOPIC = """\
# A topic written by hand.
title: Harbour power
bottom_line: A barrage is planned.
key_judgments:
  - text: The trust stands against it.
    sources:
      - seed: harbour
        quote: The wildlife trust opposes the plan
seeds:
  - id: harbour
    file: seeds/harbour.txt
    title: Harbour Power
    year: 2024
"""
CARDS = """\
cards:
  - id: barrage
    kind: objective
    title: The barrage
    front: What did the council vote for?
    back: A barrage.
    sources:
      - seed: harbour
        quote: "The council voted to build a barrage. It will cost about €310 million"
"""


@pytest.fixture
def harbour(tmp_path) -> Path:
    folder = tmp_path / "harbour"
    (folder / "seeds").mkdir(parents=True)
    (folder / "seeds" / "harbour.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "topic.yaml").write_text(TOPIC, encoding="utf-8")
    (folder / "cards.yaml").write_text(CARDS, encoding="utf-8")
    return folder


def run(capsys, *argv):
    code = main(list(map(str, argv)))
    out, err = capsys.readouterr()
    return code, out, err


def test_coverage_counts_quoted_sentences_and_lists_untouched_paragraphs(harbour, capsys):
    code, out, err = run(capsys, "coverage", "--json", harbour)
    assert code == 0, err
    (found,) = json.loads(out)
    # 7 body sentences (the heading and the note at the end do not count); the card takes
    # in the first two, the key judgment the first of the last paragraph.
    assert (found["topic"], found["seed"], found["sentences"], found["covered"]) == (
        "harbour", "harbour", 7, 3)
    assert found["coverage"] == round(3 / 7, 4)
    start = ARTICLE.index("The mayor")
    end = ARTICLE.index("fish.") + len("fish.")
    assert found["uncovered_paragraphs"] == [
        {"index": 2, "start": start, "end": end, "sentences": 2, "text": ARTICLE[start:end]}]
    spans = {(s["card"], s["kind"]): ARTICLE[s["start"]:s["end"]] for s in found["spans"]}
    assert spans == {("barrage", "objective"): "The council voted to build a barrage. It will cost about €310 million",
                     ("key-judgment-1", "judgment"): "The wildlife trust opposes the plan"}
    code, out, _ = run(capsys, "coverage", harbour)
    assert out.splitlines()[0] == ("harbour/harbour: 3 of 7 sentences quoted (43%); "
                                   "1 of 3 paragraphs untouched")
    assert "paragraph 3 (characters" in out


def test_coverage_of_the_bundled_topic_covers_every_seed():
    topic = load_topic(ROOT / "cards" / "china-north-korea")
    found = {c.seed.id: c for c in topic_coverage(topic)}
    assert set(found) == {"cb-2004", "cb-2007"}
    for c in found.values():
        assert 0.9 <= c.coverage <= 1 and c.sentences > 50
        for span in c.spans:  # each span is where its card's quote stands
            card = topic.card(span.card)
            if card is not None:
                assert any(fold(s.quote) == fold(c.text[span.start:span.end])
                           for s in card.sources)


def assert_verbatim_and_new(topic_dir: Path, suggestions) -> None:
    topic = load_topic(topic_dir)
    texts = SeedTexts()
    seeds = {s.id: s for s in topic.seeds}
    covered = {c.seed.id: c for c in topic_coverage(topic, texts)}
    for s in suggestions:
        text = texts.text(seeds[s.seed].path)
        assert text[s.start:s.end] == s.quote, s  # verbatim, at the offsets given
        assert texts.contains(seeds[s.seed].path, s.quote)  # and `check` agrees
        if s.kind in ("objective",):
            assert not covered[s.seed].is_covered(s.start, s.end), s


def test_suggestions_quote_verbatim_skip_what_cards_quote_and_read_values(harbour, capsys):
    code, out, err = run(capsys, "suggest", "--json", harbour)
    assert code == 0, err
    found = json.loads(out)
    for record in found:
        assert {"id", "kind", "title", "quote", "seed"} <= set(record)
    topic = load_topic(harbour)
    assert_verbatim_and_new(harbour, suggest(topic))
    quotes = {(r["kind"], r["quote"]) for r in found}
    # "about €310 million" is in the card's quote: not suggested again.
    assert not any(r.get("unit") == "€ million" for r in found)
    # Nor the trust's sentence, which the key judgment quotes.
    assert ("objective", "The wildlife trust opposes the plan and wants a survey.") not in quotes
    assert ("objective", "Critics fear for the birds.") in quotes
    date = next(r for r in found if r["kind"] == "figure")
    assert (date["value"], date["as_of"], date["quote"]) == (
        "2026", "2026", "Construction may begin in spring 2026.")


def test_figure_suggestions_read_value_unit_and_as_of_with_the_articles_hedges(tmp_path, capsys):
    source = tmp_path / "pipeline.pdf"
    source.write_bytes(af.pdf())
    web = tmp_path / "tidal.html"
    web.write_bytes(af.web_page())
    topic = tmp_path / "energy"
    assert run(capsys, "import", source, web, "--into", topic)[0] == 0
    found = suggest(load_topic(topic))
    assert_verbatim_and_new(topic, found)
    figures = {(s.value, s.unit, s.as_of): s for s in found if s.kind == "figure"}
    money = figures[("about 2.5", "US$ billion", "2000")]  # the PDF's year: as of the article
    assert money.quote.startswith("Officials in Seoul estimate") and "about US$2.5" in money.quote
    assert (40, "percent", "2030") in figures and ("about 310", "€ million", "2024") in figures
    actors = {s.title: s for s in found if s.kind == "actor"}
    assert actors["Elena Voss"].role == "Mayor"
    assert actors["Northline Energy"].role == "national grid operator"
    objectives = [s.quote for s in found if s.kind == "objective"]
    assert any(q.startswith("The regional wildlife trust opposes the plan") for q in objectives)


def test_a_rejected_suggestion_does_not_come_back(harbour, capsys):
    topic = load_topic(harbour)
    first = suggest(topic)[0]
    assert reject(harbour, first) is True and reject(harbour, first) is False
    assert first.id in rejected(harbour)
    assert first.id not in {s.id for s in suggest(topic, rejected=rejected(harbour))}
    other = suggest(topic, rejected=rejected(harbour))[0]
    code, out, _ = run(capsys, "suggest", harbour, "--reject", other.id)
    assert code == 0 and f"rejected {other.id}" in out
    code, out, _ = run(capsys, "suggest", "--json", harbour)
    assert {first.id, other.id}.isdisjoint(r["id"] for r in json.loads(out))
    # The ids stay the same when the cards change, so the rejection holds.
    (harbour / "more.yaml").write_text(CARDS.replace("id: barrage", "id: barrage-two"),
                                       encoding="utf-8")
    assert {first.id, other.id} <= rejected(harbour)
    assert run(capsys, "check", harbour)[0] == 0  # .briefing/ is not taken for cards
    code, _, err = run(capsys, "suggest", harbour, "--reject", "figure-0000000000")
    assert code == 1 and "no suggestion has the id figure-0000000000" in err


def test_every_suggestion_on_the_bundled_seeds_is_verbatim(tmp_path, capsys):
    # The bundled topic quotes nearly all of its articles, so the same seeds in a topic
    # with only the starter cards give the finders the most to do.
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    topic = tmp_path / "bare"
    assert run(capsys, "import", *seeds, "--into", topic)[0] == 0
    found = suggest(load_topic(topic))
    assert len(found) > 30 and {s.kind for s in found} == {"actor", "objective", "figure"}
    assert_verbatim_and_new(topic, found)
    bundled = ROOT / "cards" / "china-north-korea"
    assert_verbatim_and_new(bundled, suggest(load_topic(bundled)))
