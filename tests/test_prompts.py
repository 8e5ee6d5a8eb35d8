"""Study prompts: atomic questions under a card, checked, listed, scheduled one by one."""
from __future__ import annotations

import json
import sqlite3

import pytest
from conftest import CARDS_YAML, NOW, PROMPTED

from briefing.cli import main
from briefing.cloze import ClozeError, parse
from briefing.loader import load_topic
from briefing.progress import ProgressStore
from briefing.scheduling import Scheduler
from briefing.study import StudySession, open_study
from briefing.study.items import prompts_of


def prompted(workspace, cards=PROMPTED):
    return load_topic(workspace.topic(files={"cards.yaml": cards}))


def test_a_card_gets_question_and_cloze_prompts_with_stable_ids(workspace):
    topic = prompted(workspace)
    assert topic.ok, topic.problems
    first, second = topic.card("trade-2004").prompts
    assert (first.id, first.type, first.question, first.answer) == (
        "p1", "qa", "How large was bilateral trade in 2004?", "US$1.4 billion")
    assert (second.id, second.type) == ("growth", "cloze")
    assert second.question == "Bilateral trade grew to [...] in 2004"
    assert second.answer == "U.S. $1.4 billion"
    assert second.text == "Bilateral trade grew to U.S. $1.4 billion in 2004"


def test_a_card_without_prompts_studies_its_front_and_back(workspace):
    card = prompted(workspace).card("premier")
    assert card.prompts == ()
    (only,) = card.studied_prompts
    assert (only.id, only.question, only.answer) == ("card", card.front, card.back)


def test_editing_a_prompts_text_keeps_its_id_and_its_progress(workspace, tmp_path):
    folder = workspace.topic(files={"cards.yaml": PROMPTED})
    store = ProgressStore(tmp_path / "p.sqlite3")
    trade = load_topic(folder).card("trade-2004")
    session = StudySession(prompts_of([trade]), {}, scheduler=Scheduler(fuzz=False),
                           clock=lambda: NOW)
    session.log.store = store
    session.reveal()
    session.grade(4)
    edited = PROMPTED.replace("How large was bilateral trade in 2004?",
                              "What did China-DPRK trade reach in 2004?")
    (folder / "cards.yaml").write_text(edited, encoding="utf-8")
    again = open_study(list(load_topic(folder).cards), store, lambda: NOW)
    assert ("example", "trade-2004", "p1") in again.memories
    store.close()


@pytest.mark.parametrize("prompt,message", [
    ('cloze: "no deletion here"', "a cloze needs one deletion, written {{c1::hidden text}}"),
    ('cloze: "{{c1::one}} and {{c1::two}}"', "hides one thing, but this one has 2 deletions"),
    ('cloze: "{{c2::two}} only"', "write the deletion as {{c1::...}}, not c2"),
    ('cloze: "broken {{c1::open"', "is not well formed; write the deletion as {{c1::hidden text}}"),
    ('cloze: "{{c1:: }} hides"', "hides nothing"),
    ('q: Only a question?', "missing required field 'a' (a mapping with 'q' needs it)"),
    ('id: x\n        q: Q?\n        a: A\n        cloze: "{{c1::both}}"', "either q and a, or cloze"),
    ('cloze: "Bilateral trade grew to {{c1::U.S. $9 billion}} in 2004"\n        seed: art',
     "cloze text (with the deletion filled in) not found in seed article.txt"),
    ('cloze: "{{c1::x}} y"\n        seed: nope', "unknown seed 'nope'"),
])
def test_a_bad_prompt_is_reported_at_its_line(workspace, prompt, message):
    cards = CARDS_YAML.replace('''    back: About 1.4 billion US dollars.
''', f'''    back: About 1.4 billion US dollars.
    prompts:
      - {prompt}
''')
    topic = prompted(workspace, cards)
    line = cards.splitlines().index(f"      - {prompt.splitlines()[0]}") + 1
    found = [p for p in topic.problems if message in p.message]
    assert found, [str(p) for p in topic.problems]
    assert found[0].path.endswith("cards.yaml") and line <= found[0].line <= line + 3


def test_two_prompts_with_one_id_are_reported(workspace):
    cards = PROMPTED.replace("      - id: growth\n", "      - id: p1\n")
    problems = [p.message for p in prompted(workspace, cards).problems]
    assert any("duplicate prompt id 'p1'" in m for m in problems), problems


def test_cloze_parsing_shows_a_hint_in_place_of_the_deletion():
    cloze = parse("China supplies {{c1::70 to 90 percent::a share}} of its energy")
    assert cloze.question == "China supplies [a share] of its energy"
    with pytest.raises(ClozeError):
        parse("{{c1::a}} {{c1::b}}")


def test_list_json_gives_every_card_its_prompts(workspace, capsys):
    folder = workspace.topic(files={"cards.yaml": PROMPTED})
    assert main(["list", "--json", str(folder)]) == 0
    cards = {c["id"]: c for c in json.loads(capsys.readouterr().out)}
    assert cards["trade-2004"]["prompts"] == [
        {"id": "p1", "type": "qa", "front": "How large was bilateral trade in 2004?",
         "back": "US$1.4 billion"},
        {"id": "growth", "type": "cloze", "front": "Bilateral trade grew to [...] in 2004",
         "back": "Bilateral trade grew to U.S. $1.4 billion in 2004",
         "answer": "U.S. $1.4 billion",
         "cloze": "Bilateral trade grew to {{c1::U.S. $1.4 billion}} in 2004", "seed_id": "art"}]
    assert cards["premier"]["prompts"] == [{"id": "card", "type": "qa",
                                            "front": cards["premier"]["front"],
                                            "back": cards["premier"]["back"]}]


def test_a_sibling_is_not_shown_after_its_card_was_studied_today(workspace, tmp_path):
    topic = prompted(workspace)
    store = ProgressStore(tmp_path / "p.sqlite3")
    session = open_study(list(topic.cards), store, lambda: NOW, Scheduler(fuzz=False))
    seen = []
    while session.current is not None and len(seen) < 20:
        seen.append(session.current.key[1:])
        session.reveal()
        session.grade(4)  # Easy: out for days, so only siblings could come back today
    assert seen.count(("trade-2004", "p1")) + seen.count(("trade-2004", "growth")) == 1
    again = open_study(list(topic.cards), store, lambda: NOW, Scheduler(fuzz=False))
    assert again.current is None  # the app restarted: the sibling still waits for tomorrow
    store.close()


def test_the_answer_side_shows_the_prompts_answer_then_the_card(qtbot, workspace):
    from briefing.gui.card_html import back_html
    from briefing.gui.theme import LIGHT
    from briefing.study.items import Item
    topic = prompted(workspace)
    card = topic.card("trade-2004")
    html = back_html(Item(card, card.prompts[0]), LIGHT, topic)
    assert html.index("US$1.4 billion") < html.index("FROM THE CARD") < html.index(card.back)


# -- the progress file: a layout version, and migrations --------------------------------------

V1 = """
CREATE TABLE card_state (topic TEXT NOT NULL, card TEXT NOT NULL, state INTEGER NOT NULL,
    due TEXT NOT NULL, fsrs TEXT NOT NULL, PRIMARY KEY (topic, card));
CREATE TABLE review (id INTEGER PRIMARY KEY, topic TEXT NOT NULL, card TEXT NOT NULL,
    rating INTEGER NOT NULL, reviewed_at TEXT NOT NULL, duration_ms INTEGER,
    state_before TEXT, state_after TEXT NOT NULL);
"""
STATE = ('{"card_id": 0, "state": 2, "step": null, "stability": 20.0, "difficulty": 5.0, '
         '"due": "2026-12-20T09:00:00+00:00", "last_review": "2026-11-20T09:00:00+00:00"}')


def first_release_file(path):
    """A progress file as the first release wrote it: no version, one state per card."""
    with sqlite3.connect(path) as db:
        db.executescript(V1)
        db.execute("INSERT INTO card_state VALUES ('example', 'trade-2004', 2, "
                   "'2026-12-20T09:00:00+00:00', ?)", (STATE,))
        db.execute("INSERT INTO card_state VALUES ('example', 'premier', 2, "
                   "'2026-12-20T09:00:00+00:00', ?)", (STATE,))
        db.execute("INSERT INTO review VALUES (1, 'example', 'trade-2004', 3, "
                   "'2026-11-20T09:00:00+00:00', 900, NULL, ?)", (STATE,))
    db.close()


def test_a_file_from_the_first_release_migrates_with_every_review_and_state(workspace, tmp_path):
    path = tmp_path / "progress.sqlite3"
    first_release_file(path)
    store = ProgressStore(path)
    assert store.warning == "" and store.saving
    topic = prompted(workspace)
    session = open_study(list(topic.cards), store, lambda: NOW)
    # each studied card's state went to the prompt that replaces it: its first, or its default
    assert session.memories[("example", "trade-2004", "p1")].due.isoformat().startswith("2026-12-20")
    assert ("example", "premier", "card") in session.memories
    assert ("example", "trade-2004", "growth") not in session.memories  # a new prompt is new
    store.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 3
        assert db.execute("SELECT card, prompt, rating FROM review").fetchall() == [
            ("trade-2004", "p1", 3)]
        assert sorted(db.execute("SELECT card, prompt FROM card_state")) == [
            ("premier", "card"), ("trade-2004", "p1")]
    db.close()


def test_a_file_newer_than_the_code_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "progress.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript(V1)
        db.execute("PRAGMA user_version = 9")
    db.close()
    before = path.read_bytes()
    store = ProgressStore(path)
    assert "newer Briefing Cards (layout 9; this version reads up to layout 3)" in store.warning
    assert not store.saving
    store.close()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["progress.sqlite3"]


def test_a_file_whose_table_lacks_a_column_is_refused_not_a_crash(tmp_path):
    path = tmp_path / "progress.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript(V1.replace("fsrs TEXT NOT NULL, PRIMARY KEY", "PRIMARY KEY"))
    db.close()
    before = path.read_bytes()
    store = ProgressStore(path)
    assert "lacks the column fsrs" in store.warning and not store.saving
    store.close()
    assert path.read_bytes() == before


def test_a_migration_that_fails_leaves_the_file_at_its_old_version(tmp_path, monkeypatch):
    from briefing import progress_schema
    path = tmp_path / "progress.sqlite3"
    first_release_file(path)
    monkeypatch.setitem(progress_schema.MIGRATIONS, 1,
                        progress_schema.MIGRATIONS[1] + "\nTHIS IS NOT SQL;")
    db = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        progress_schema.migrate(db)
    db.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 0
        assert [r[1] for r in db.execute("PRAGMA table_info(card_state)")] == [
            "topic", "card", "state", "due", "fsrs"]
    db.close()


def test_a_store_whose_file_cannot_be_brought_up_to_date_says_so_and_studies_on(tmp_path,
                                                                                 monkeypatch):
    from briefing import progress_schema
    path = tmp_path / "progress.sqlite3"
    first_release_file(path)
    before = path.read_bytes()
    real = progress_schema.migrate

    def failing(db):
        if db.execute("PRAGMA database_list").fetchone()[2]:  # the file, not a copy in memory
            raise sqlite3.OperationalError("simulated failure")
        return real(db)
    monkeypatch.setattr("briefing.progress.migrate", failing)
    store = ProgressStore(path)
    assert "could not be brought up to date (simulated failure)" in store.warning
    assert not store.saving
    store.close()
    assert path.read_bytes() == before


def test_stats_json_counts_prompts_per_topic_and_the_app_shows_the_same(workspace, capsys,
                                                                        data_dir):
    folder = workspace.topic(files={"cards.yaml": PROMPTED})
    store = ProgressStore(data_dir / "progress.sqlite3")
    session = open_study(list(load_topic(folder).cards), store, lambda: NOW, Scheduler(fuzz=False))
    session.reveal()
    session.grade(4)   # premier: Easy, out for days
    session.reveal()
    session.grade(1)   # patience: Again, learning
    store.close()
    assert main(["stats", "--json", str(folder)]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row == {"topic": "example", "title": "Example topic", "cards": 4, "prompts": 5,
                   "new": 3, "learning": 1, "known": 1, "due_now": 0, "due_today": 1,
                   "reviews": 2, "reviews_today": 2, "retention": None, "retention_reviews": 0,
                   "retention_7": None, "retention_7_reviews": 0, "retention_30": None,
                   "retention_30_reviews": 0, "retention_365": None, "retention_365_reviews": 0,
                   # patience again today; premier Easy, due in 8 days
                   "forecast_30": [1] + [0] * 7 + [1] + [0] * 21,
                   "intervals": {"1d": 0, "2–3d": 0, "4–7d": 0, "1–2w": 1, "2–4w": 0,
                                 "1–3mo": 0, "3mo+": 0},
                   "reviews_by_day": {"2026-11-25": 2}}
    from briefing.stats import compute
    store = ProgressStore(data_dir / "progress.sqlite3")
    shown = compute(store, [load_topic(folder)], NOW)  # what the app's Statistics draws
    store.close()
    assert (shown.new, shown.due, shown.reviews_today, shown.total) == (3, 1, 2, 5)
