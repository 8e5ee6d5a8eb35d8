"""The Browse table's figures and order, with no Qt: exact values from graded prompts."""
from __future__ import annotations

from datetime import timedelta

import pytest
from conftest import NOW
from grading import Grader, store, topic  # noqa: F401 (fixtures)

from briefing.card_figures import NEW, CardFigures, StudyFigures, tally
from briefing.progress import ProgressStore
from briefing.study.browse_table import BrowseTable, Column, due_text


@pytest.fixture
def graded(topic, store):
    """premier learned, then failed in review (a lapse); both prompts of trade-2004 learned."""
    grader = Grader(store, topic.id)
    grader.grade("premier", "card", 3, NOW)                              # new: 10 minutes
    grader.lapsed_at = grader.grade("premier", "card", 3, NOW + timedelta(minutes=10)).due
    grader.grade("premier", "card", 1, grader.lapsed_at)                  # in review: a lapse
    grader.grade("trade-2004", "p1", 3, NOW)
    grader.grade("trade-2004", "growth", 4, NOW)                          # Easy: days
    return grader


def test_a_cards_figures_sum_its_prompts_earliest_due_shortest_interval(topic, store, graded):
    figures = tally(topic, *store.tallies(topic.id))
    premier = figures["premier"]
    assert (premier.reviews, premier.lapses) == (3, 1)
    assert premier.due == graded.memories[("premier", "card")].due
    assert premier.interval == premier.due - graded.lapsed_at == timedelta(minutes=10)
    trade = figures["trade-2004"]
    p1, growth = graded.memories[("trade-2004", "p1")], graded.memories[("trade-2004", "growth")]
    assert growth.due - NOW > timedelta(days=1)
    assert (trade.reviews, trade.lapses) == (2, 0)
    assert trade.due == min(p1.due, growth.due) == NOW + timedelta(minutes=10)
    assert trade.interval == timedelta(minutes=10)
    assert "patience" not in figures  # never studied: NEW


def test_records_of_a_removed_card_or_prompt_are_left_out(topic, store):
    grader = Grader(store, topic.id)
    grader.grade("gone", "card", 3, NOW)
    grader.grade("trade-2004", "old-prompt", 3, NOW)
    assert tally(topic, *store.tallies(topic.id)) == {}


def test_one_cards_figures_are_read_alone_and_again_after_forget(topic, store, graded):
    figures = StudyFigures(store, lambda topic_id: topic if topic_id == topic.id else None)
    assert figures.of(topic.card("premier")).reviews == 3
    assert figures.of(topic.card("patience")) is NEW
    graded.grade("patience", "card", 3, NOW)
    assert figures.of(topic.card("patience")) is NEW  # kept until told
    figures.forget()
    assert figures.of(topic.card("patience")).reviews == 1


def table_for(topic, store):
    figures = StudyFigures(store, lambda topic_id: topic)
    table = BrowseTable(figures.of, lambda topic_id: topic.title, lambda: NOW, figures.read_all)
    table.set_cards(list(topic.cards))
    return table


def column(table, which):
    return [table.text(row, which) for row in range(len(table.cards))]


def test_the_table_shows_kinds_as_words_and_each_cards_figures(topic, store, graded):
    table = table_for(topic, store)
    assert column(table, Column.KIND) == ["Actor", "Objective", "Key figure", "Key figure"]
    assert column(table, Column.TITLE) == ["The Premier", "Patient talks", "Trade in 2004",
                                           "Trade in 2005"]
    assert column(table, Column.REVIEWS) == ["3", "0", "2", "0"]
    assert column(table, Column.LAPSES) == ["1", "0", "0", "0"]
    assert column(table, Column.INTERVAL)[1:] == ["", "10m", ""]
    assert column(table, Column.DUE)[1] == "new"


def test_sorting_compares_numbers_and_times_not_text_and_new_cards_go_last(topic, store):
    grader = Grader(store, topic.id)
    for _ in range(10):  # 10 reviews sort after 9, not between 1 and 2
        grader.grade("trade-2005", "card", 3, NOW)
    for _ in range(9):
        grader.grade("patience", "card", 3, NOW)
    grader.grade("premier", "card", 4, NOW)  # due in days, after patience's minutes
    table = table_for(topic, store)
    ids = lambda: [card.id for card in table.cards]  # noqa: E731
    table.sort(Column.REVIEWS)
    assert ids() == ["trade-2004", "premier", "patience", "trade-2005"]
    table.sort(Column.REVIEWS, descending=True)
    assert ids() == ["trade-2005", "patience", "premier", "trade-2004"]
    table.sort(Column.DUE)
    assert ids()[-1] == "trade-2004"  # never studied: last
    assert table.cards[0].id != "premier"
    table.sort(Column.DUE, descending=True)
    assert ids()[0] == "premier" and ids()[-1] == "trade-2004"  # new last both ways
    table.sort(Column.TITLE, descending=True)
    assert ids() == ["trade-2005", "trade-2004", "premier", "patience"]
    table.sort(None)
    assert ids() == ["premier", "patience", "trade-2004", "trade-2005"]


def test_a_new_set_of_cards_keeps_the_sort_chosen_and_rows_are_found(topic, store):
    table = table_for(topic, store)
    table.sort(Column.TITLE)
    shown = table.set_cards([topic.card("trade-2004"), topic.card("premier")])
    assert [card.id for card in shown] == ["premier", "trade-2004"]
    assert table.row_of(topic.card("trade-2004")) == 1
    assert table.row_of(topic.card("trade-2004"), hint=1) == 1
    assert table.row_of(topic.card("patience")) is None


def test_due_reads_as_today_with_a_time_or_as_a_date():
    assert due_text(None, NOW) == "new"
    soon = NOW + timedelta(minutes=10)
    assert due_text(soon, NOW) == f"today {soon.astimezone():%H:%M}"
    later = (NOW + timedelta(days=2)).astimezone()
    assert due_text(later, NOW) == f"{later.day} {later:%b %Y}"
    assert CardFigures() == NEW


def test_search_words_are_found_in_any_case_and_overlaps_merge():
    from briefing.matches import pieces, spans
    assert spans("Trade in 2004, trade in 2005", ["trade"]) == [(0, 5), (15, 20)]
    assert spans("pragmatism", ["prag", "agma"]) == [(0, 6)]
    assert pieces("The Premier", ["premier"]) == [("The ", False), ("Premier", True)]
    assert pieces("a+b (c)", ["+b ("]) == [("a", False), ("+b (", True), ("c)", False)]
    assert pieces("", ["x"]) == [("", False)] and pieces("abc", []) == [("abc", False)]


def test_browse_steps_in_the_tables_order_and_keeps_the_card_it_is_on(topic):
    from briefing.study import BrowseSession
    cards = list(topic.cards)
    session = BrowseSession(cards)
    session.reorder(cards[::-1])  # not moved yet: the top of the new order
    assert session.current_card.id == "trade-2005" and session.progress_text().endswith("1 of 4")
    session.next()
    assert session.current_card.id == "trade-2004"
    session.reorder(cards)  # moved: the card stays, at its new place
    assert session.current_card.id == "trade-2004" and session.position == 2
    session.next()
    assert session.current_card.id == "trade-2005"
    assert session.go_to(topic.card("premier")) and session.position == 0


def test_figures_are_read_again_after_another_program_grades_or_a_topic_reloads(
        topic, store, tmp_path):
    from dataclasses import replace
    shown = {topic.id: topic}
    figures = StudyFigures(store, shown.get)
    assert figures.of(topic.card("patience")) is NEW
    other = ProgressStore(tmp_path / "progress.sqlite3")  # another copy of the app
    Grader(other, topic.id).grade("patience", "card", 3, NOW)
    other.close()
    assert figures.of(topic.card("patience")) is NEW
    figures.check()
    assert figures.of(topic.card("patience")).reviews == 1
    figures.read_all(list(topic.cards))
    shown[topic.id] = replace(topic, cards=tuple(c for c in topic.cards if c.id != "patience"))
    figures.check()  # reloaded without the card: its figures go
    assert figures.of(topic.card("patience")) is NEW
