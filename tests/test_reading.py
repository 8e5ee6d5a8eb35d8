"""What the article view decides, without Qt: UTF-16 offsets, the quote under a click, the
highlights on screen, the marks of the unquoted-paragraph bar, the figure in words, and
the suggestions by kind."""
from __future__ import annotations

from conftest import ARTICLE

from briefing.coverage import QuoteSpan, seed_coverage
from briefing.loader import load_topic
from briefing.quotes import SeedTexts
from briefing.reading import (
    ArticleMap,
    analyse,
    bar_marks,
    by_kind,
    context,
    coverage_words,
    mark_at,
)
from briefing.suggestions import Suggestion
from briefing.text_offsets import Utf16Offsets


def test_utf16_offsets_count_an_emoji_as_two_units_both_ways():
    text = "a😀b😀😀c\U0001F1FA\U0001F1F8 quote"
    offsets = Utf16Offsets(text)
    for index in range(len(text) + 1):
        units = len(text[:index].encode("utf-16-le")) // 2
        assert offsets.to_utf16(index) == units
        assert offsets.from_utf16(units) == index
    assert offsets.length == len(text.encode("utf-16-le")) // 2
    assert offsets.from_utf16(2) == 2  # the middle of 😀's pair: just past it
    plain = Utf16Offsets("no emoji here")
    assert plain.to_utf16(7) == 7 and plain.from_utf16(7) == 7


def spans(*found):
    return [QuoteSpan(card, "actor", start, end) for card, start, end in found]


def test_the_quote_under_a_click_is_the_shortest_that_takes_it_in():
    article = ArticleMap(spans(("long", 0, 100), ("short", 40, 50), ("after", 120, 130)), [], 200)
    assert [s.card for s in article.quotes_at(45)] == ["short", "long"]
    assert [s.card for s in article.quotes_at(60)] == ["long"]
    assert article.quotes_at(50) and article.quotes_at(50)[0].card == "long"  # end is outside
    assert article.quotes_at(110) == []
    assert [s.card for s in article.quotes_at(125)] == ["after"]


def test_overlapping_quotes_are_cut_into_pieces_each_the_shortest_quotes():
    article = ArticleMap(spans(("long", 0, 100), ("short", 40, 50), ("tail", 90, 120)), [], 200)
    assert [(a, b, s.card) for a, b, s in article.segments_in(0, 200, 10)] == [
        (0, 40, "long"), (40, 50, "short"), (50, 90, "long"), (90, 120, "tail")]
    for left, right, span in article.segments_in(0, 200, 10):
        # a click anywhere in a piece opens the quote it is drawn for
        assert article.quotes_at(left)[0] is span and article.quotes_at(right - 1)[0] is span


def test_only_the_highlights_in_the_visible_range_are_made_and_never_more_than_asked():
    many = spans(*((f"c{n}", n * 10, n * 10 + 5) for n in range(10_000)))
    article = ArticleMap(many, [(n * 10, n * 10 + 8) for n in range(10_000)], 100_000)
    shown = article.quotes_in(50_000, 50_100, limit=500)
    assert [s.card for s in shown] == [f"c{n}" for n in range(5000, 5010)]
    assert len(article.quotes_in(0, 100_000, limit=300)) == 300
    assert article.uncovered_in(50_003, 50_025, limit=50) == [(50_000, 50_008), (50_010, 50_018),
                                                              (50_020, 50_028)]
    long_one = ArticleMap(spans(("whole", 0, 90_000), ("x", 50_000, 50_001)), [], 100_000)
    assert [s.card for s in long_one.quotes_in(60_000, 60_100, 10)] == ["whole"]


def test_bar_marks_stand_where_the_paragraphs_are_and_touching_ones_merge():
    marks = bar_marks([(0, 100), (500, 600), (601, 650), (900, 1000)], 1000, least=0.005)
    assert [(m.top, m.bottom, m.ranges) for m in marks] == [
        (0.0, 0.1, ((0, 100),)), (0.5, 0.65, ((500, 600), (601, 650))),
        (0.9, 1.0, ((900, 1000),))]
    tiny = bar_marks([(10, 11)], 1000, least=0.01)
    assert tiny[0].bottom - tiny[0].top == 0.01  # at least a pixel tall
    assert bar_marks([(0, 1)], 0, 0.01) == []
    assert mark_at(marks, 0.55, reach=0.01) == marks[1]
    assert mark_at(marks, 0.66, reach=0.02) == marks[1]
    assert mark_at(marks, 0.3, reach=0.02) is None
    # A click on a mark of several paragraphs goes to the one under it.
    assert marks[1].target(0.55, 1000) == 500
    assert marks[1].target(0.62, 1000) == 601
    assert marks[1].target(0.66, 1000) == 601


def test_context_is_the_quotes_paragraph_cut_at_spaces():
    text = "First paragraph.\n\nThe one with the quote in the middle of it.\n\nLast one."
    start = text.index("quote")
    left, right = context(text, start, start + 5)
    assert text[left:right] == "The one with the quote in the middle of it."
    long = "word " * 200
    left, right = context(long, 500, 505, around=50)
    assert 440 <= left <= 500 and long[left - 1] == " " and right - 505 <= 50


def test_coverage_in_words_and_the_map_of_a_real_topic(workspace):
    topic = load_topic(workspace.topic())
    found = seed_coverage(topic, topic.seeds[0], SeedTexts())
    words = coverage_words(found)
    assert words.startswith(f"{round(100 * found.coverage)}% of sentences quoted")
    article = ArticleMap.of(found)
    passage = "Bilateral trade grew to U.S. $1.4 billion in 2004"
    at = ARTICLE.index(passage) + 3
    assert [s.card for s in article.quotes_at(at)] == ["trade-2004"]
    assert article.summary == words


def test_a_long_article_is_mapped_without_counting_sentences(workspace, monkeypatch):
    import briefing.reading as reading
    topic = load_topic(workspace.topic())
    monkeypatch.setattr(reading, "COUNTED_CHARS", 10)
    result = analyse(topic, topic.seeds[0], SeedTexts(), set())
    assert result.suggestions == () and "too long" in result.note
    assert "too long to count" in result.map.summary and result.map.spans


def test_suggestions_come_grouped_by_kind_in_the_decks_order():
    def s(kind, title):
        return Suggestion(kind, title, "quote text here", "art", 0, 15, "why")
    groups = by_kind([s("figure", "f1"), s("actor", "a1"), s("figure", "f2")])
    assert [(kind, heading, [x.title for x in items]) for kind, heading, items in groups] == [
        ("actor", "Actors", ["a1"]), ("figure", "Key figures", ["f1", "f2"])]
