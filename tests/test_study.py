"""Study sessions, the progress store and statistics, with no Qt."""
from __future__ import annotations

import random
import sqlite3
from datetime import timedelta

import pytest
from conftest import NOW as START

from briefing.loader import load_topic
from briefing.progress import ProgressStore, Review
from briefing.scheduling import CardState, Memory, Scheduler, interval_text
from briefing.stats import Counts, compute, topic_counts
from briefing.study import BrowseSession, QuizSession, open_study


class Clock:
    def __init__(self, moment=START):
        self.moment = moment

    def __call__(self):
        return self.moment

    def advance(self, **delta):
        self.moment += timedelta(**delta)


@pytest.fixture
def topic(workspace):
    return load_topic(workspace.topic())


@pytest.fixture
def store(tmp_path):
    store = ProgressStore(tmp_path / "progress.sqlite3")
    yield store
    store.close()


def session(topic, store, mode="study", clock=None, rng=None):
    if mode == "browse":
        return BrowseSession(list(topic.cards))
    if mode == "quiz":
        return QuizSession(list(topic.cards), rng)
    return open_study(list(topic.cards), store, clock or Clock(), Scheduler(fuzz=False))


def review(topic="t", card="c", moment=START) -> Review:
    return Review(topic, card, "card", 3, moment, Memory(CardState.LEARNING, moment, "{}"))


def review_rows(path):
    with sqlite3.connect(path) as db:
        return db.execute("SELECT card, rating FROM review ORDER BY id").fetchall()


def test_new_cards_come_in_deck_order_and_a_grade_is_saved_at_once(topic, store):
    s = session(topic, store)
    assert s.current_card.id == "premier" and not s.revealed
    assert s.counts() == Counts(4, 0, 0)
    s.reveal()
    s.grade(3)
    # Another connection sees the grade: it was committed, not buffered.
    assert review_rows(store.path) == [("premier", 3)]
    assert s.current_card.id == "patience"


def test_buttons_show_the_interval_each_grade_gives(topic, store):
    s = session(topic, store)
    s.reveal()
    labels = s.button_labels()
    assert labels[1] == "Again · 1m" and labels[3] == "Good · 10m"
    assert labels[4].startswith("Easy · ") and labels[4].endswith("d")


def test_again_brings_the_card_back_in_the_same_sitting(topic, store):
    clock = Clock()
    s = session(topic, store, clock=clock)
    s.grade(1)
    seen = []
    while not s.finished and len(seen) < 10:
        seen.append(s.current_card.id)
        clock.advance(minutes=2)
        s.grade(4)
    # premier falls due a minute later and comes back ahead of the new cards.
    assert seen == ["patience", "premier", "trade-2004", "trade-2005"]


def test_undo_takes_back_the_grade_in_the_store_and_shows_the_card_again(topic, store):
    s = session(topic, store)
    s.grade(4)
    assert store.one("example", "premier", "card") is not None
    assert s.undo()
    assert s.current_card.id == "premier" and not s.revealed
    assert store.one("example", "premier", "card") is None
    assert review_rows(store.path) == []
    assert not s.undo()


def test_undo_of_a_second_review_restores_the_earlier_state(topic, store):
    clock = Clock()
    first = session(topic, store, clock=clock)
    first.grade(4)
    earlier = store.one("example", "premier", "card")
    clock.advance(days=30)
    again = session(topic, store, clock=clock)
    assert again.current_card.id == "premier"  # due cards come before new ones
    again.grade(1)
    assert store.one("example", "premier", "card").due != earlier.due
    again.undo()
    assert store.one("example", "premier", "card") == earlier


def test_progress_survives_reopening_and_is_keyed_by_id_not_text(workspace, tmp_path):
    folder = workspace.topic()
    path = tmp_path / "p.sqlite3"
    store = ProgressStore(path)
    s = session(load_topic(folder), store)
    s.grade(4)  # premier: Easy, due in days
    store.close()
    # The author rewrites the card's text; the id stays.
    cards = folder / "cards.yaml"
    cards.write_text(cards.read_text().replace("The Premier, who named", "The head of government, who named"))
    reopened = ProgressStore(path)
    topic = load_topic(folder)
    assert "head of government" in topic.card("premier").back
    s = session(topic, reopened)
    assert s.current_card.id == "patience"
    assert s.counts() == Counts(3, 0, 0)
    reopened.close()


def test_a_removed_card_is_ignored(workspace, tmp_path):
    folder = workspace.topic()
    store = ProgressStore(tmp_path / "p.sqlite3")
    session(load_topic(folder), store).grade(2)
    cards = folder / "cards.yaml"
    text = cards.read_text()
    cards.write_text("cards:\n" + text[text.index("  - id: patience"):].replace("related: [premier]", "related: []"))
    topic = load_topic(folder)
    assert topic.ok, topic.problems
    s = session(topic, store, clock=Clock(START + timedelta(days=400)))
    assert [s.current_card.id, s.counts()] == ["patience", Counts(3, 0, 0)]
    assert compute(store, [topic], START).total == 3


def test_browse_goes_in_order_and_never_writes(topic, store):
    s = session(topic, store, mode="browse")
    s.previous()
    assert s.current_card.id == "premier"
    for _ in range(4):
        s.next()
    assert s.current_card.id == "trade-2005"
    s.grade(3)
    assert s.current_card.id == "trade-2005" and review_rows(store.path) == []
    s.previous()
    assert s.current_card.id == "trade-2004"


def test_quiz_is_shuffled_counts_the_score_and_leaves_the_schedule_alone(topic, store):
    s = session(topic, store, mode="quiz", rng=random.Random(3))
    order = []
    for rating in (4, 1, 3, 2):
        order.append(s.current_card.id)
        s.reveal()
        s.grade(rating)
    assert sorted(order) == sorted(c.id for c in topic.cards)
    assert order != [c.id for c in topic.cards]
    assert s.finished and (s.tally.seen, s.tally.known) == (4, 2)
    assert review_rows(store.path) == []


def test_a_damaged_progress_file_is_kept_and_a_fresh_one_started(tmp_path):
    path = tmp_path / "progress.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    store = ProgressStore(path)
    assert "damaged" in store.warning
    kept = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == b"this is not a database" * 100
    assert str(kept[0]) in store.warning
    store.record(review())
    assert store.one("t", "c", "card") is not None


def test_an_unopenable_progress_path_still_lets_you_study(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    store = ProgressStore(blocker / "progress.sqlite3")  # its folder is a file
    assert "cannot be saved" in store.warning
    store.record(review())
    assert store.one("t", "c", "card").state == 1


def test_two_stores_on_one_file_both_keep_their_grades(topic, tmp_path):
    path = tmp_path / "p.sqlite3"
    one, two = ProgressStore(path), ProgressStore(path)
    a, b = session(topic, one), session(topic, two, mode="study")
    for _ in range(2):
        a.grade(3)
        b.grade(4)
    assert len(review_rows(path)) == 4
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    one.close()
    two.close()


def test_statistics_count_due_new_today_retention_and_kinds(topic, store):
    clock = Clock()
    s = session(topic, store, clock=clock)
    s.grade(4)   # premier -> review state, due in days
    s.grade(3)   # patience -> learning, due in 10 minutes
    stats = compute(store, [topic], clock())
    assert (stats.total, stats.new, stats.studied_today, stats.reviews_today) == (4, 2, 2, 2)
    assert stats.due == 1 and stats.retention is None
    kinds = {k.kind: k for k in stats.per_kind}
    assert (kinds["actor"].known, kinds["objective"].learning, kinds["figure"].new) == (1, 1, 2)
    assert stats.daily[-1][1] == 2 and len(stats.daily) == 30
    # A month later, premier is reviewed from its spaced state and forgotten.
    clock.advance(days=40)
    later = session(topic, store, clock=clock)
    assert later.current_card.id in ("premier", "patience")
    while later.current_card.id != "premier":
        later.grade(3)
    later.grade(1)
    stats = compute(store, [topic], clock())
    assert (stats.retention, stats.retention_reviews) == (0.0, 1)
    assert topic_counts(store, topic, clock()).new == 2


@pytest.mark.parametrize("delta,text", [
    (timedelta(seconds=20), "<1m"), (timedelta(minutes=10), "10m"), (timedelta(hours=5), "5h"),
    (timedelta(days=3), "3d"), (timedelta(days=61), "2mo"), (timedelta(days=548), "1.5y")])
def test_interval_text(delta, text):
    assert interval_text(delta) == text


def test_an_undo_that_cannot_be_saved_can_be_tried_again(topic, store, monkeypatch):
    from briefing.progress import ProgressError
    s = session(topic, store)
    s.grade(4)
    original = store.undo
    monkeypatch.setattr(store, "undo", lambda review_id: (_ for _ in ()).throw(ProgressError("disk full")))
    with pytest.raises(ProgressError):
        s.undo()
    assert s.can_undo and s.current_card.id == "patience"
    monkeypatch.setattr(store, "undo", original)
    assert s.undo() and s.current_card.id == "premier"
    assert store.one("example", "premier", "card") is None


def test_a_card_failed_in_an_earlier_sitting_comes_back_in_the_next_one(topic, store):
    clock = Clock()
    first = session(topic, store, clock=clock)
    failed = first.current_card
    first.reveal()
    first.grade(1)  # Again: due again in a minute or so
    clock.advance(seconds=5)
    again = session(topic, store, clock=clock)  # the app restarted
    seen = []
    while again.current is not None and len(seen) < 10:
        seen.append(again.current_card.id)
        again.reveal()
        again.grade(3)
    # not due yet, so after the new cards, but before the session says it is done
    assert seen.index(failed.id) == len(topic.cards) - 1
