"""Statistics from the progress store, with no Qt: the forecast, true retention, reviews
per day, intervals, and `briefing stats --json` giving the same numbers."""
from __future__ import annotations

import json
import os
import time
from datetime import date, timedelta
from pathlib import Path

import grading
import pytest
from conftest import NOW
from review_history import LEARNING, RELEARNING, REVIEW, grade

from briefing.cli import main
from briefing.progress import Mark, ProgressStore
from briefing.scheduling import CardState, Scheduler, in_state_sql, last_review_sql, state_in
from briefing.stats import compute, end_of_day, topic_counts, topic_stats


@pytest.fixture(autouse=True)
def zone():
    """Run in a given time zone (UTC unless a test asks for another): a local day is what
    every daily figure counts in."""
    old = os.environ.get("TZ")

    def use(name: str) -> None:
        if not Path("/usr/share/zoneinfo", name).exists():
            pytest.skip(f"this machine has no time zone data for {name} (package tzdata)")
        os.environ["TZ"] = name
        time.tzset()
    use("UTC")
    yield use
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()


topic = grading.topic  # the example topic, trade-2004 with two prompts


@pytest.fixture
def store(data_dir):
    """In the data folder, where `briefing stats` reads it too."""
    store = ProgressStore(data_dir / "progress.sqlite3")
    yield store
    store.close()


def test_forecast_counts_learning_and_review_prompts_per_day_overdue_ones_today(topic, store):
    grade(store, "premier", NOW - timedelta(days=9), due=NOW - timedelta(days=3))  # overdue
    grade(store, "patience", NOW, rating=1, state=LEARNING, due=NOW + timedelta(minutes=10))
    tomorrow = NOW.replace(hour=0) + timedelta(days=1)  # local midnight: UTC here
    grade(store, "trade-2004", NOW, due=tomorrow, prompt="p1")
    grade(store, "trade-2004", NOW, due=NOW + timedelta(days=29), prompt="growth")
    grade(store, "trade-2005", NOW, due=NOW + timedelta(days=30))  # past the 30 days
    stats = compute(store, [topic], NOW)
    assert stats.forecast == (2, 1) + (0,) * 27 + (1,)
    assert (stats.due, stats.due_now, stats.learning, stats.known) == (2, 1, 1, 4)


def test_true_retention_counts_spaced_reviews_over_7_30_and_365_days(topic, store):
    for days_ago, rating, before in [(2, 3, REVIEW), (2, 1, REVIEW), (10, 4, REVIEW),
                                     (100, 1, REVIEW), (400, 3, REVIEW),  # a year and more
                                     (0, 1, None), (0, 3, LEARNING)]:  # not spaced reviews
        grade(store, "premier", NOW - timedelta(days=days_ago), rating, before=before)
    retention = {r.days: (r.share, r.reviews, r.text) for r in compute(store, [topic],
                                                                         NOW).retentions}
    assert retention == {7: (0.5, 2, "50%"), 30: (2 / 3, 3, "67%"), 365: (0.5, 4, "50%")}
    row = topic_stats(store, topic, NOW).as_json()
    assert (row["retention_7"], row["retention_7_reviews"], row["retention_30_reviews"],
            row["retention_365"], row["retention_365_reviews"]) == (0.5, 2, 3, 0.5, 4)
    assert row["retention"] == row["retention_30"] and row["retention_reviews"] == 3


def test_retention_with_no_spaced_review_is_a_dash(topic, store):
    grade(store, "premier", NOW, rating=3, state=LEARNING)
    assert [(r.share, r.reviews, r.text) for r in compute(store, [topic], NOW).retentions] == [
        (None, 0, "–")] * 3


def test_reviews_per_day_cover_the_year_and_leave_out_removed_cards(topic, store):
    for days_ago in (0, 0, 1, 3, 3, 3, 364, 365):
        grade(store, "premier", NOW - timedelta(days=days_ago))
    grade(store, "patience", NOW, prompt="card")
    grade(store, "gone-card", NOW - timedelta(days=1))  # a card since removed from the topic
    stats = compute(store, [topic], NOW)
    day = NOW.date()
    assert stats.by_day == {day: 3, day - timedelta(days=1): 1, day - timedelta(days=3): 3,
                            day - timedelta(days=364): 1}
    assert (stats.reviews_today, stats.studied_today) == (3, 2)
    assert stats.daily[-4:] == ((day - timedelta(days=3), 3), (day - timedelta(days=2), 0),
                                (day - timedelta(days=1), 1), (day, 3))


def test_a_review_late_in_the_evening_counts_on_that_local_day(topic, store, zone):
    zone("America/New_York")
    evening = NOW.replace(hour=3, minute=30)  # 22:30 the day before in New York (EST)
    summer = NOW.replace(month=7, hour=3, minute=30)  # 23:30 in New York (EDT)
    grade(store, "premier", evening)
    grade(store, "patience", summer)
    grade(store, "patience", summer + timedelta(hours=1))  # 00:30 local: the next day
    by_day = compute(store, [topic], NOW).by_day
    assert by_day == {date(2026, 11, 24): 1, date(2026, 7, 24): 1, date(2026, 7, 25): 1}


def test_a_half_hour_zone_splits_days_at_its_own_midnight(topic, store, zone):
    zone("Asia/Kolkata")  # UTC+5:30
    grade(store, "premier", NOW.replace(hour=18, minute=29) - timedelta(days=1))  # 23:59 local
    grade(store, "premier", NOW.replace(hour=18, minute=31) - timedelta(days=1))  # 00:01
    by_day = compute(store, [topic], NOW).by_day
    assert by_day == {date(2026, 11, 24): 1, date(2026, 11, 25): 1}


def test_intervals_run_from_the_last_review_to_due_for_prompts_in_review(topic, store):
    for card, prompt, days in [("premier", "card", 1), ("patience", "card", 3),
                               ("trade-2004", "p1", 10), ("trade-2004", "growth", 200)]:
        grade(store, card, NOW - timedelta(days=5), due=NOW - timedelta(days=5 - days),
              prompt=prompt)
    grade(store, "trade-2005", NOW, state=LEARNING, due=NOW + timedelta(days=2))  # not spaced
    stats = compute(store, [topic], NOW)
    assert stats.intervals == (1, 1, 0, 1, 0, 0, 1)
    assert topic_stats(store, topic, NOW).intervals == {
        "1d": 1, "2–3d": 1, "4–7d": 0, "1–2w": 1, "2–4w": 0, "1–3mo": 0, "3mo+": 1}


def test_progress_of_a_removed_prompt_is_ignored_and_an_old_cards_goes_to_its_first(topic,
                                                                                   store):
    grade(store, "trade-2004", NOW, prompt="removed-prompt")
    grade(store, "premier", NOW, prompt="")  # from before prompts: premier's only prompt
    grade(store, "trade-2004", NOW, prompt="", due=NOW + timedelta(days=3))  # first: p1
    grade(store, "trade-2004", NOW, prompt="p1", due=NOW + timedelta(days=5))  # p1's own wins
    stats = compute(store, [topic], NOW)
    assert (stats.total, stats.new, stats.known) == (5, 3, 2)
    assert stats.forecast[1] == 1 and stats.forecast[5] == 1 and sum(stats.forecast) == 2


def test_in_state_sql_reads_every_record_as_state_in_does(store):
    outcomes = Scheduler(fuzz=False).outcomes(None, NOW)
    records = [outcomes.by_rating[1].data, outcomes.by_rating[4].data,
               json.dumps({"state": 3}, separators=(",", ":")),  # written another way
               '{"card_id": 1, "step": 0}', "not a record", None]
    assert [state_in(r) for r in records] == [1, 2, 3, None, None, None]
    for state in CardState:
        found = [store.db.execute(f"SELECT {in_state_sql('?1', state)}", (r,)).fetchone()[0]
                 for r in records]
        assert found == [int(state_in(r) == state) for r in records]


def test_last_review_sql_reads_the_time_fsrs_keeps(store):
    later = NOW + timedelta(microseconds=123456)  # written with its microseconds
    records = {Scheduler(fuzz=False).outcomes(None, at).by_rating[4].data: at.isoformat()
               for at in (NOW, later)}
    records[json.dumps({"last_review": NOW.isoformat(), "x": 1}, separators=(",", ":"))] = (
        NOW.isoformat())  # written another way: searched for
    records[json.dumps({"state": 1, "last_review": None})] = None
    records["not a record"] = None
    found = {r: store.db.execute(f"SELECT {last_review_sql('?1')}", (r,)).fetchone()[0]
             for r in records}
    assert found == records


def test_briefing_stats_json_gives_the_same_numbers_as_compute(topic, store, capsys):
    grade(store, "premier", NOW - timedelta(days=3), before=REVIEW, due=NOW + timedelta(days=4))
    grade(store, "patience", NOW, rating=1, before=REVIEW, state=RELEARNING,
          due=NOW + timedelta(minutes=5))
    store.close()
    assert main(["stats", "--json", str(topic.path)]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    reopened = ProgressStore(store.path)
    shown = compute(reopened, [topic], NOW)
    reopened.close()
    assert row["forecast_30"] == list(shown.forecast) == [1, 0, 0, 0, 1] + [0] * 25
    assert row["reviews_by_day"] == {"2026-11-22": 1, "2026-11-25": 1}
    assert [row[f"retention_{d}"] for d in (7, 30, 365)] == [0.5] * 3
    assert row["due_today"] == shown.due == 1 and row["learning"] == shown.learning == 1


def test_briefing_stats_says_retention_over_each_window_and_the_week_ahead(topic, store,
                                                                           capsys):
    grade(store, "premier", NOW - timedelta(days=20), before=REVIEW, due=NOW + timedelta(days=6))
    grade(store, "patience", NOW, state=LEARNING, due=NOW + timedelta(minutes=10))
    store.close()
    assert main(["stats", str(topic.path)]) == 0
    assert capsys.readouterr().out == (
        "example: 4 cards, 5 prompts · 3 new · 1 learning · 0 due now (1 today, 2 within "
        "7 days) · 2 reviews, 1 today · retention 7d – · 30d 100% · 365d 100%\n")


def test_a_suspended_prompt_is_not_due_and_a_buried_one_is_due_when_its_burial_ends(topic,
                                                                                    store):
    for card in ("premier", "patience", "trade-2005"):
        grade(store, card, NOW - timedelta(days=3), due=NOW - timedelta(hours=1))  # all due now
    store.set_mark("example", "premier", "card", Mark(suspended=True))
    store.set_mark("example", "patience", "card", Mark(buried_until=end_of_day(NOW)))
    stats = compute(store, [topic], NOW)
    assert (stats.due_now, stats.due) == (1, 1) and stats.forecast[:2] == (1, 1)
    assert sum(stats.forecast) == 2 and stats.known == 3  # still studied, still known
    assert stats.due == topic_counts(store, topic, NOW).due  # what the sidebar says
