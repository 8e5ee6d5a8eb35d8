"""The bundled China–North Korea topic: sourced, complete, chartable and free of repeats.

These tests read the real deck in cards/ and the real articles in seeds/, so an edit that
breaks a quote, a link or the trade series fails here, not in front of a student.
"""
from __future__ import annotations

import dataclasses
import difflib
import itertools
import re
from pathlib import Path

import pytest
import yaml

from briefing.loader import load_all
from briefing.model import KINDS
from briefing.quotes import fold

ROOT = Path(__file__).resolve().parent.parent
TOPIC_DIR = ROOT / "cards" / "china-north-korea"
SEEDS_DIR = ROOT / "seeds"
ARTICLE_TAGS = {"cb-2004": "2004-article", "cb-2007": "2007-article"}
TRADE_SERIES = "China–DPRK trade"

# Two cards "say the same thing" when their texts share most of their words in the same
# order (difflib ratio over words). Distinct backs in the deck stay below 0.45; a back with two
# words replaced scores above 0.9 (test_similarity_check_catches_a_lightly_edited_copy), so 0.6
# sits well between a real repeat and two cards that merely share a topic.
BACK_LIMIT = 0.6
# Questions are short and share templates ("What does the X school argue?" pairs score 0.77),
# so fronts get a higher bar; above it they must at least ask about different numbers
# (the trade series asks the same question of 2003, 2004, 2005 and 2006).
FRONT_LIMIT = 0.8


@pytest.fixture(scope="module")
def topic():
    topics, problems = load_all([ROOT / "cards"])
    assert problems == []
    [found] = [t for t in topics if t.path.resolve() == TOPIC_DIR.resolve()]
    return found


def words(text: str) -> list[str]:
    return re.findall(r"[\w$.'-]+", text.casefold())


def similarity(a: str, b: str) -> float:
    """How alike two texts are, 0 to 1; pairs that cannot reach BACK_LIMIT score 0."""
    matcher = difflib.SequenceMatcher(None, words(a), words(b), autojunk=False)
    # The cheap upper bounds rule out most pairs before the full comparison.
    if matcher.real_quick_ratio() < BACK_LIMIT or matcher.quick_ratio() < BACK_LIMIT:
        return 0.0
    return matcher.ratio()


def numbers(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:\.\d+)?", text))


def sentences(text: str) -> int:
    # "U.S." and "9/11" would otherwise end or split sentences.
    text = text.replace("U.S.", "US")
    return len(re.findall(r"[.!?][\"”)]?(?:\s|$)", text.strip()))


def test_bundled_topic_loads_without_problems(topic):
    assert [str(p) for p in topic.problems] == []
    assert topic.title == "China's policy toward North Korea"
    assert [s.id for s in topic.seeds] == ["cb-2004", "cb-2007"]


def test_seeds_name_the_articles_as_the_seed_index_does(topic):
    index = yaml.safe_load((SEEDS_DIR / "index.yaml").read_text(encoding="utf-8"))
    by_file = {entry["file"]: entry for entry in index}
    for seed in topic.seeds:
        entry = by_file[seed.path.name]
        assert (seed.title, seed.publication, seed.year) == \
            (entry["title"], entry["publication"], entry["year"]), seed.id


def test_every_card_has_a_source_whose_quote_is_in_its_seed(topic):
    # Checked here against the article text itself, not only through the loader.
    articles = {seed.id: fold(seed.path.read_text(encoding="utf-8-sig")) for seed in topic.seeds}
    missing = []
    for card in topic.cards:
        assert card.sources, f"{card.id} has no source"
        for source in card.sources:
            if fold(source.quote) not in articles[source.seed.id]:
                missing.append(f"{card.id}: {source.quote[:60]}")
    assert missing == []


def test_each_kind_is_well_represented_and_the_deck_is_70_to_120_cards(topic):
    counts = {kind: len(topic.cards_of(kind)) for kind in KINDS}
    assert all(count >= 15 for count in counts.values()), counts
    assert 70 <= len(topic.cards) <= 120


def test_trade_series_charts_2003_to_2006_as_numbers_in_one_unit(topic):
    trade = topic.series()[TRADE_SERIES]
    assert [c.as_of for c in trade] == ["2003", "2004", "2005", "2006"]
    assert all(isinstance(c.value, (int, float)) for c in trade)
    assert {c.unit for c in trade} == {"US$ billion"}
    assert [c.value for c in trade] == [1, 1.4, 1.5, 1.7]


def test_every_figure_says_its_value_and_what_date_it_is_as_of(topic):
    for card in topic.cards_of("figure"):
        assert card.as_of.strip(), card.id
        assert card.value not in (None, ""), card.id


# "about 10 percent" is not 10 percent: a figure quoting a hedged number keeps the hedge.
QUALIFIED = re.compile(r"\b(about|over|close to|nearly|almost|more than|some)\s+(?:U\.S\. \$)?"
                       r"(\d+(?:\.\d+)?)", re.IGNORECASE)


def qualifiers_lost(card) -> list[str]:
    value = str(card.value).casefold()
    return [f"{card.id}: {word} {number}"
            for source in card.sources
            for word, number in QUALIFIED.findall(source.quote)
            if number in numbers(value) and word.casefold() not in value]


def test_figures_keep_the_articles_qualifiers(topic):
    assert [lost for card in topic.cards_of("figure") for lost in qualifiers_lost(card)] == []
    # The check itself bites: a bare 10 for the article's "about 10 percent" is reported.
    card = topic.card("aid-share-international")
    assert qualifiers_lost(dataclasses.replace(card, value=10)) == \
        ["aid-share-international: about 10"]


def test_card_ids_are_unique_across_the_files(topic):
    # Read the YAML directly: the loader keeps only the first of two cards with one id.
    ids = []
    for path in sorted(TOPIC_DIR.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        ids.extend(card["id"] for card in document.get("cards", []))
    assert len(ids) == len(set(ids)) == len(topic.cards)


def test_related_links_go_both_ways(topic):
    by_id = {card.id: card for card in topic.cards}
    one_way = [f"{card.id} -> {other}" for card in topic.cards for other in card.related
               if card.id not in by_id[other].related]
    assert one_way == []


def test_every_actor_links_to_what_it_wants_or_the_figures_about_it(topic):
    # Russia is only named as a party to the talks and in others' proposals: no aim of its own.
    without_aims = {"russia"}
    by_id = {card.id: card for card in topic.cards}
    unlinked = {actor.id for actor in topic.cards_of("actor")
                if not {by_id[other].kind for other in actor.related} & {"objective", "figure"}}
    assert unlinked <= without_aims


def test_article_tags_match_the_articles_a_card_cites(topic):
    for card in topic.cards:
        cited = {source.seed.id for source in card.sources}
        tagged = {seed for seed, tag in ARTICLE_TAGS.items() if tag in card.tags}
        assert tagged == cited, card.id


def test_bottom_line_and_key_judgments_open_the_topic_with_sources(topic):
    assert 40 <= len(topic.bottom_line.split()) <= 90
    assert 3 <= len(topic.key_judgments) <= 6
    articles = {seed.id: fold(seed.path.read_text(encoding="utf-8-sig")) for seed in topic.seeds}
    for judgment in topic.key_judgments:
        assert judgment.sources, judgment.text
        assert all(fold(s.quote) in articles[s.seed.id] for s in judgment.sources)
    assert {s.seed.id for j in topic.key_judgments for s in j.sources} == set(articles)


def test_each_key_judgment_says_which_article_it_comes_from(topic):
    # The two articles are three years apart and differ; a judgment names the one it cites.
    for judgment in topic.key_judgments:
        cited = {source.seed.year for source in judgment.sources}
        named = {int(year) for year in re.findall(r"\b(2004|2007) article\b", judgment.text)}
        assert named == cited, judgment.text


def test_fronts_ask_and_backs_answer_in_at_most_four_sentences(topic):
    for card in topic.cards:
        assert card.front.endswith("?") or len(card.front.split()) <= 6, card.id
        assert 1 <= sentences(card.back) <= 4, card.id


def test_no_two_cards_say_the_same_thing(topic):
    titles = [card.title.casefold() for card in topic.cards]
    assert len(titles) == len(set(titles))
    repeats = []
    for a, b in itertools.combinations(topic.cards, 2):
        if similarity(a.back, b.back) > BACK_LIMIT:
            repeats.append(f"backs of {a.id} and {b.id}")
        if similarity(a.front, b.front) > FRONT_LIMIT and numbers(a.front) == numbers(b.front):
            repeats.append(f"fronts of {a.id} and {b.id}")
    assert repeats == []


def test_similarity_check_catches_a_lightly_edited_copy(topic):
    back = topic.card("liability-school").back
    edited = back.replace("threat", "danger").replace("rising", "growing")
    assert similarity(back, edited) > BACK_LIMIT
    assert similarity(back, topic.card("buffer-zone-school").back) < BACK_LIMIT


# --- dates, relations, glossary and comparisons -----------------------------------------

# Every event the articles date, and the card that carries it.
DATED_EVENTS = {"korean-war": "1950–53", "armistice-1953": "1953",
                "beijing-seoul-ties-1992": "1992", "olympics-2000-vote": "2000",
                "liability-grievances": "2001", "wu-bangguo": "2003-09-25",
                "aid-raised-october-2003": "2003-10", "yellow-sea-oil-agreement": "2005-12",
                "second-phase-actions": "2007-10", "inter-korea-declaration": "2007-10",
                "foreign-ministry-spokesman": "2007-10-09", "wen-jiabao": "2007-11-20",
                "defense-redeployment": "1990s", "talks-established-2003": "2003"}
# Events the article dates only by another: the summit "closely following" the October
# talks, and the declaration due "by the end of the year" of the 2007 article.
DATED_BY_CONTEXT = {"inter-korea-declaration": "closely following the Six-Party Talks",
                    "declaration-deadline": "by the end of the year"}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def test_the_deck_dates_every_event_the_articles_date(topic):
    dated = {card.id: card.date.text for card in topic.cards if card.date is not None}
    assert {card_id: dated.get(card_id) for card_id in DATED_EVENTS} == DATED_EVENTS


def test_each_date_is_stated_in_its_cards_own_quotes(topic):
    unstated = []
    for card in topic.cards:
        if card.date is None:
            continue
        quotes = fold(" ".join(s.quote for s in card.sources))
        when = card.date
        said = {str(when.start[0]), fold(when.text)}
        if when.precision in ("day", "month"):
            said.add(MONTHS[when.start[1] - 1])
        if card.id in DATED_BY_CONTEXT:
            assert DATED_BY_CONTEXT[card.id] in quotes, card.id
        elif not any(word in quotes for word in said):
            unstated.append(card.id)
    assert unstated == []


def test_events_keep_the_articles_hedges(topic):
    # An event reported by a source dated later says so; a trip "scheduled" stays scheduled.
    wu = topic.card("wu-bangguo")
    assert "scheduled" in wu.event and "scheduled" in wu.sources[0].quote
    for card_id in ("ning-fukui", "wen-jiabao", "chinese-analysts"):
        assert "(reported " in topic.card(card_id).event, card_id


def test_every_relation_links_two_actors_and_quotes_its_article(topic):
    articles = {seed.id: fold(seed.path.read_text(encoding="utf-8-sig")) for seed in topic.seeds}
    actors = {card.id for card in topic.cards_of("actor")}
    relations = [(card, r) for card in topic.cards_of("actor") for r in card.relations]
    assert len(relations) >= 20
    for card, relation in relations:
        assert relation.to in actors and relation.to != card.id, (card.id, relation.to)
        assert relation.sources, (card.id, relation.to)
        for source in relation.sources:
            assert fold(source.quote) in articles[source.seed.id], (card.id, source.quote)
        # the label names the article it comes from
        years = {str(s.seed.year) for s in relation.sources}
        assert any(f"({y})" in relation.label for y in years) or "(" not in relation.label


def test_every_actor_has_a_group(topic):
    assert {card.id: bool(card.group) for card in topic.cards_of("actor")} == \
        {card.id: True for card in topic.cards_of("actor")}


def test_glossary_defines_the_terms_the_articles_support_with_verbatim_quotes(topic):
    articles = {seed.id: fold(seed.path.read_text(encoding="utf-8-sig")) for seed in topic.seeds}
    terms = {entry.term for entry in topic.glossary}
    assert terms == {"DPRK", "PRC", "ASEAN +3", "Six-Party Talks", '"buffer zone" school',
                     '"liability" school', "peace regime"}
    for entry in topic.glossary:
        assert entry.sources, entry.term
        for source in entry.sources:
            assert fold(source.quote) in articles[source.seed.id], (entry.term, source.quote)
        if entry.expansion:  # an expansion is given only where an article spells it out
            assert fold(entry.expansion) in " ".join(fold(s.quote) for s in entry.sources)
    # ROK is not in either article, so it is not defined
    assert not any("ROK" in text for text in articles.values())


def test_hand_comparisons_quote_the_earlier_and_the_later_article(topic):
    articles = {seed.id: fold(seed.path.read_text(encoding="utf-8-sig")) for seed in topic.seeds}
    assert len(topic.comparisons) >= 5
    for comparison in topic.comparisons:
        assert {s.seed.id for s in comparison.earlier.sources} == {"cb-2004"}, comparison.theme
        assert {s.seed.id for s in comparison.later.sources} == {"cb-2007"}, comparison.theme
        for source in comparison.earlier.sources + comparison.later.sources:
            assert fold(source.quote) in articles[source.seed.id], source.quote
        ids = {card.id for card in topic.cards}
        assert set(comparison.related) <= ids
    weight = next(c for c in topic.comparisons if "weight" in c.theme)
    assert "the most important power" in weight.earlier.sources[0].quote
    assert "largely procedural" in weight.later.sources[1].quote


def test_comparison_texts_keep_the_articles_hedges(topic):
    by_theme = {c.theme: c for c in topic.comparisons}
    assert "suggests" in by_theme["North Korea as a buffer"].earlier.text
    assert "in part" in by_theme["North Korea as a buffer"].later.text
    assert "concede" in by_theme["Pressure on Pyongyang"].later.text
