"""A new card from the form, without Qt: its YAML holds what was filled in, `check` decides
whether it may be written, and only a valid card reaches the file, layout kept."""
from __future__ import annotations

from dataclasses import replace

import yaml
from conftest import ARTICLE, CARDS_YAML

from briefing.authoring import CardDraft, card_yaml, insert_card
from briefing.cli import main
from briefing.loader import load_topic
from briefing.new_card import (
    CardProblem,
    PlacementError,
    check,
    cloze_quotes_seed,
    new_id,
    place,
    questions,
    write,
)

PASSAGE = "Bilateral trade grew to U.S. $1.4 billion in 2004"


def figure(**fields) -> CardDraft:
    return replace(CardDraft("figure", "trade-again", "art", PASSAGE, title="Trade, again",
                             front="How large was trade in 2004?", back="U.S. $1.4 billion.",
                             value="1.4", unit="US$ billion", as_of="2004"), **fields)


def test_every_filled_field_is_written_and_reads_back_exactly():
    draft = CardDraft("actor", "envoy", "art", 'He said "so" — and left\n',
                      title='The "envoy": #1', role="Ambassador", front="Who?\tTab",
                      back="Two\nlines", why="Because: it matters",
                      questions=(("Who is the envoy?", "The ambassador"),),
                      cloze="He said {{c1::so}}", cloze_seed=True)
    card = yaml.safe_load("cards:\n" + card_yaml(draft))["cards"][0]
    assert card == {"id": "envoy", "kind": "actor", "title": 'The "envoy": #1',
                    "role": "Ambassador", "front": "Who?\tTab", "back": "Two\nlines",
                    "why": "Because: it matters",
                    "prompts": [{"q": "Who is the envoy?", "a": "The ambassador"},
                                {"cloze": "He said {{c1::so}}", "seed": "art"}],
                    "sources": [{"seed": "art", "quote": 'He said "so" — and left\n'}]}


def test_empty_fields_are_left_out_so_no_null_is_ever_reported():
    text = card_yaml(CardDraft("actor", "a", "art", PASSAGE, title="A"))
    assert "role" not in text and "front" not in text and ": \n" not in text


def test_a_figure_value_is_a_number_when_it_is_one_and_a_year_stays_text():
    assert yaml.safe_load(card_yaml(figure(value="1.4"), 0))[0]["value"] == 1.4
    assert yaml.safe_load(card_yaml(figure(value="2003", unit=""), 0))[0]["value"] == "2003"
    assert yaml.safe_load(card_yaml(figure(value="1500", unit="troops"), 0))[0]["value"] == 1500
    assert yaml.safe_load(card_yaml(figure(value="0755"), 0))[0]["value"] == "0755"
    assert yaml.safe_load(card_yaml(figure(value="about 70%"), 0))[0]["value"] == "about 70%"
    assert yaml.safe_load(card_yaml(figure(as_of="2004"), 0))[0]["as_of"] == "2004"


def test_a_new_card_goes_at_the_end_of_the_list_in_its_indentation():
    text = "title: x\ncards:\n- id: a\n  kind: actor\n# about the list\n\nother: 1\n"
    draft = CardDraft("actor", "new", "art", 'He said "so" — and left', title="New")
    result = insert_card(text, draft)
    lines = result.text.split("\n")
    assert lines[result.line - 1] == "- id: new"
    assert '    - seed: art' in lines and '      quote: "He said \\"so\\" — and left"' in lines
    assert result.text.endswith("# about the list\n\nother: 1\n")
    assert insert_card("cards: [{id: a}]\n", draft) is None


def test_an_unfinished_card_is_refused_field_by_field_and_nothing_is_written(workspace):
    folder = workspace.topic()
    topic = load_topic(folder)
    draft = CardDraft("figure", "trade-again", "art", PASSAGE, title="Trade, again")
    placement = place(topic, draft)
    problems = check(topic, placement)
    assert {p.field for p in problems} == {"front", "back", "value", "as_of"}
    assert all(p.message == "fill this in" for p in problems)
    assert (folder / "cards.yaml").read_text(encoding="utf-8") == CARDS_YAML


def test_a_bad_quote_or_a_taken_id_is_shown_at_its_field(workspace):
    topic = load_topic(workspace.topic())
    wrong = check(topic, place(topic, figure(quote="Bilateral trade shrank to nothing at all")))
    assert [p.field for p in wrong] == ["quote"]
    assert wrong[0].message.startswith("not found in seed article.txt")  # shown as "Quote: …"
    taken = check(topic, place(topic, figure(card_id="premier")))
    assert [p.field for p in taken] == ["id"]
    assert "duplicate card id 'premier'" in taken[0].message


def test_problems_the_topic_already_had_do_not_block_the_card(workspace):
    broken = CARDS_YAML.replace("    front: Who called for patience?\n", "")
    folder = workspace.topic(files={"cards.yaml": broken})
    topic = load_topic(folder)
    assert topic.problems
    placement = place(topic, figure())
    assert check(topic, placement) == []


def test_a_valid_card_lands_in_the_file_with_its_quote_verbatim_and_check_passes(workspace):
    folder = workspace.topic(files={"cards.yaml": "# my comment\n" + CARDS_YAML + "# the end\n"})
    topic = load_topic(folder)
    placement = place(topic, figure())
    assert check(topic, placement) == []
    write(placement)
    text = (folder / "cards.yaml").read_text(encoding="utf-8")
    assert text.startswith("# my comment\ncards:\n  - id: premier\n")
    assert text.endswith(f'        quote: "{PASSAGE}"\n# the end\n')
    card = load_topic(folder).card("trade-again")
    assert card.sources[0].quote == PASSAGE and PASSAGE in ARTICLE
    assert (card.value, card.unit, card.as_of) == (1.4, "US$ billion", "2004")
    assert main(["check", str(folder)]) == 0


def test_a_file_in_flow_style_sends_the_card_to_a_file_of_its_own_made_only_on_write(workspace):
    folder = workspace.topic(files={"cards.yaml": "cards: []\n"})
    topic = load_topic(folder)
    placement = place(topic, CardDraft("objective", "talks", "art", PASSAGE, title="Talks",
                                       front="What grew?", back="Trade."))
    assert placement.path == folder / "new-cards.yaml" and not placement.path.exists()
    assert check(topic, placement) == []
    write(placement)
    assert load_topic(folder).card("talks") is not None
    assert main(["check", str(folder)]) == 0


def test_a_file_with_unsaved_edits_is_avoided_and_a_file_changed_since_is_not_overwritten(
        workspace):
    folder = workspace.topic()
    topic = load_topic(folder)
    avoided = place(topic, figure(), avoid={folder / "cards.yaml"})
    assert avoided.path.name == "new-cards.yaml"
    placement = place(topic, figure())
    (folder / "cards.yaml").write_text(CARDS_YAML + "# another program\n", encoding="utf-8")
    try:
        write(placement)
        raise AssertionError("written over a change")
    except PlacementError as error:
        assert "changed since" in str(error)
    assert (folder / "cards.yaml").read_text(encoding="utf-8").endswith("# another program\n")


def test_questions_are_read_one_a_line_and_a_line_without_an_answer_is_named():
    found, problems = questions("Who? | Wen\n\nWhat | \nWhen? | 2004 | or 2005\n")
    assert found == (("Who?", "Wen"), ("When?", "2004 | or 2005"))
    assert problems == ["line 3: write the question, then | and its answer"]


def test_ids_come_from_the_title_and_never_repeat_one():
    assert new_id("The Premier of China", "", {"x"}) == "the-premier-of-china"
    assert new_id("Trade", "", {"trade", "trade-2"}) == "trade-3"
    assert new_id("", "Bilateral trade grew to", ()) == "bilateral-trade-grew-to"


def test_a_cloze_over_the_quote_names_its_seed():
    assert cloze_quotes_seed("Bilateral trade grew to {{c1::U.S. $1.4 billion}}", PASSAGE)
    assert not cloze_quotes_seed("Trade was {{c1::large}}", PASSAGE)
    assert not cloze_quotes_seed("no deletion", PASSAGE)
    assert CardProblem(None, "x").field is None


def test_a_suggestion_becomes_a_first_draft_with_a_free_id():
    from briefing.new_card import draft_from
    from briefing.suggestions import Suggestion
    found = Suggestion("figure", "Trade in 2004", PASSAGE, "art", 0, len(PASSAGE), "a sum",
                       value=1400000000.0, unit="US$", as_of="2004")
    draft = draft_from(found, {"trade-in-2004"})
    assert (draft.kind, draft.card_id, draft.title, draft.value, draft.unit, draft.as_of) == (
        "figure", "trade-in-2004-2", "Trade in 2004", "1400000000", "US$", "2004")
    assert (draft.seed, draft.quote, draft.front) == ("art", PASSAGE, "")
