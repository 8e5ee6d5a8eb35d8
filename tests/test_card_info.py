"""Card Info with no Qt: exact values from grades saved through the store at fixed times."""
from __future__ import annotations

import json
from datetime import timedelta

from conftest import NOW
from grading import Grader, store, topic  # noqa: F401 (fixtures)

from briefing.card_info import card_info, duration_text, moment_text, review_rows, summary
from briefing.scheduling import CardState


def test_each_prompt_shows_its_state_figures_and_every_review(topic, store):
    grader = Grader(store, topic.id)
    grader.grade("trade-2004", "p1", 3, NOW, duration_ms=4200)
    graduated = grader.grade("trade-2004", "p1", 3, NOW + timedelta(minutes=10),
                             duration_ms=65000)
    lapsed_at = graduated.due
    failed = grader.grade("trade-2004", "p1", 1, lapsed_at, duration_ms=None)
    p1, growth = card_info(store, topic.card("trade-2004"))

    assert p1.prompt.id == "p1" and growth.prompt.id == "growth"
    record = json.loads(failed.data)
    assert (p1.state, p1.added, p1.due) == (CardState.RELEARNING, NOW, failed.due)
    assert p1.interval == failed.due - lapsed_at == timedelta(minutes=10)
    assert (p1.stability, p1.difficulty) == (record["stability"], record["difficulty"])
    assert (p1.reviews, p1.lapses) == (3, 1)
    assert [line.rating for line in p1.history] == [3, 3, 1]
    assert [line.at for line in p1.history] == [NOW, NOW + timedelta(minutes=10), lapsed_at]
    assert [line.duration for line in p1.history] == [timedelta(seconds=4.2),
                                                      timedelta(seconds=65), None]
    assert p1.history[0].interval == timedelta(minutes=10)
    assert p1.history[1].interval == graduated.due - (NOW + timedelta(minutes=10))

    rows = review_rows(p1)
    assert [row[1:] for row in rows] == [("Good", "4.2s", "10m"),
                                         ("Good", "1m 05s", rows[1][3]),
                                         ("Again", "", "10m")]
    assert rows[1][3].endswith("d") and rows[0][0] == moment_text(NOW)
    labels = dict(summary(p1))
    assert labels["State"] == "Relearning" and labels["Lapses"] == "1"
    assert labels["Stability"] == f"{record['stability']:.2f} days"
    assert labels["Difficulty"] == f"{record['difficulty']:.1f} of 10"

    assert (growth.state, growth.reviews, growth.history) == (None, 0, ())
    assert summary(growth) == [("State", "New: not studied yet")]


def test_progress_from_before_prompts_counts_for_the_first_prompt(topic, store):
    Grader(store, topic.id).grade("trade-2004", "", 4, NOW)  # stored under no prompt
    p1, growth = card_info(store, topic.card("trade-2004"))
    assert (p1.reviews, p1.state) == (1, CardState.REVIEW) and growth.reviews == 0


def test_times_read_as_a_reader_expects():
    assert duration_text(None) == "" and duration_text(timedelta(seconds=59.94)) == "59.9s"
    assert duration_text(timedelta(seconds=125)) == "2m 05s"
    local = NOW.astimezone()
    assert moment_text(NOW) == f"{local.day} {local:%b %Y %H:%M}" and moment_text(None) == ""
