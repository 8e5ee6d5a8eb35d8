"""The progress file under faults a hostile test found: a missing column, a full disk at
start, a newer layout, a lock held by another program, a read-only file, a record this
fsrs cannot read, a damaged file in rollback-journal mode."""
from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from conftest import PROMPTED, later
from test_prompts import V1, first_release_file
from test_reliability_crash import grade, open_app, reviews

from briefing.gui.app import PROGRESS_FILE


def test_a_progress_file_lacking_a_column_opens_the_app_with_a_message(qtbot, workspace,
                                                                       data_dir):
    path = data_dir / PROGRESS_FILE
    with sqlite3.connect(path) as db:
        db.executescript(V1.replace("fsrs TEXT NOT NULL, PRIMARY KEY", "PRIMARY KEY"))
    db.close()
    before = path.read_bytes()
    window = open_app(qtbot, workspace.topic())
    try:
        assert "lacks the column fsrs" in window.banner.text()
        assert "grades last only until you quit" in window.banner.text()
        assert grade(window) == "premier"  # studying goes on
    finally:
        window.store.close()
    assert path.read_bytes() == before


def test_a_newer_progress_file_is_named_with_both_versions_and_never_touched(qtbot, workspace,
                                                                             data_dir):
    path = data_dir / PROGRESS_FILE
    first_release_file(path)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 7")
    db.close()
    before = path.read_bytes()
    window = open_app(qtbot, workspace.topic())
    try:
        assert "layout 7; this version reads up to layout 3" in window.banner.text()
        grade(window)
    finally:
        window.store.close()
    assert path.read_bytes() == before
    assert [p.name for p in data_dir.iterdir() if "damaged" in p.name] == []


def _full(*_args, **_kwargs):
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = sqlite3.SQLITE_FULL
    raise error


def test_a_full_disk_at_start_is_not_damage_the_file_is_kept_and_progress_shown(
        qtbot, workspace, data_dir, monkeypatch):
    """Simulated: migrating (the first write of a start) fails as on a full disk."""
    path = data_dir / PROGRESS_FILE
    first_release_file(path)
    before = path.read_bytes()
    import briefing.progress as progress
    real = progress.migrate
    monkeypatch.setattr(progress, "migrate", lambda db: _full() if db.execute(
        "PRAGMA database_list").fetchone()[2] else real(db))
    window = open_app(qtbot, workspace.topic())
    try:
        assert "the disk is full" in window.banner.text()
        assert "your progress so far is shown and the file is untouched" in window.banner.text()
        # the earlier progress is there: premier was studied, so it is not new
        assert window.controller.counts(window.library.topics[0]).new == 2
        assert grade(window)  # study goes on, in memory
    finally:
        window.store.close()
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [p.name for p in data_dir.iterdir() if "damaged" in p.name] == []


def test_a_read_only_progress_file_is_said_at_start_and_study_goes_on(qtbot, workspace,
                                                                     data_dir, monkeypatch):
    """Simulated (CI runs as root, whom file modes do not stop): SQLite opens the file
    read-only, as it does for a file the user may not write."""
    path = data_dir / PROGRESS_FILE
    first_release_file(path)
    import briefing.progress as progress
    from briefing.progress import ProgressStore
    ProgressStore(path).close()  # brought up to date first, so opening writes nothing
    before = path.read_bytes()
    real_connect = sqlite3.connect

    def read_only(target, *args, **kwargs):
        if str(target) == str(path):
            return real_connect(f"file:{path}?mode=ro", *args, uri=True, **kwargs)
        return real_connect(target, *args, **kwargs)
    monkeypatch.setattr(progress.sqlite3, "connect", read_only)
    window = open_app(qtbot, workspace.topic())
    try:
        assert "read-only" in window.banner.text()
        assert "grades last only until you quit" in window.banner.text()
        first = grade(window)
        assert window.controller.session.current_card.id != first  # not stuck on one card
    finally:
        window.store.close()
    monkeypatch.undo()
    assert path.read_bytes() == before


@pytest.mark.slow
def test_a_lock_held_by_another_program_never_freezes_a_grade(qtbot, workspace, data_dir):
    window = open_app(qtbot, workspace.topic())
    other = sqlite3.connect(data_dir / PROGRESS_FILE, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        started = time.monotonic()
        graded = [grade(window) for _ in range(3)]
        elapsed = time.monotonic() - started
        assert elapsed < 3, f"three grades took {elapsed:.1f} s"
        assert "will be saved as soon as it is free" in window.banner.text()
        assert window.controller.session.current_card.id not in graded  # the session moved on
    finally:
        other.execute("ROLLBACK")
        other.close()
    qtbot.waitUntil(lambda: len(reviews(data_dir)) == 3, timeout=10000)  # saved once free
    assert [card for card, _ in reviews(data_dir)] == graded
    qtbot.waitUntil(lambda: "will be saved" not in window.banner.text(), timeout=5000)
    window.store.close()


def test_a_lock_held_at_start_does_not_hold_back_the_window(workspace, data_dir):
    from briefing.progress import ProgressStore
    ProgressStore(data_dir / PROGRESS_FILE).close()  # a current file, in WAL mode
    other = sqlite3.connect(data_dir / PROGRESS_FILE, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    done = threading.Event()
    try:
        started = time.monotonic()
        store = ProgressStore(data_dir / PROGRESS_FILE)
        elapsed = time.monotonic() - started
        done.set()
        assert elapsed < 2, f"opening waited {elapsed:.1f} s for the lock"
        assert store.saving and store.warning == ""
        store.close()
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_saved_state_this_fsrs_cannot_read_starts_the_prompt_again_and_says_so(
        qtbot, workspace, data_dir):
    path = data_dir / PROGRESS_FILE
    folder = workspace.topic()
    from briefing.progress import ProgressStore
    ProgressStore(path).close()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO card_state VALUES ('example', 'premier', 'card', 2, "
                   "'2026-11-01T09:00:00+00:00', '{\"written by\": \"a future fsrs\"}')")
    db.close()
    window = open_app(qtbot, folder)
    try:
        assert window.controller.session.current_card.id == "premier"
        window.study.flip()  # this raised KeyError and showed nothing
        assert "could not be read" in window.banner.text()
        assert not window.study.card_view.grade_buttons[3].isHidden()
        window.study.grade(3)
        assert reviews(data_dir) == [("premier", 3)]
    finally:
        window.store.close()


def test_a_damaged_file_in_rollback_journal_mode_is_kept_byte_for_byte(qtbot, workspace,
                                                                      data_dir):
    path = data_dir / PROGRESS_FILE
    with sqlite3.connect(path) as db:  # as another tool or version may leave it
        db.execute("PRAGMA journal_mode = DELETE")
        db.executescript(V1)
        for i in range(400):
            db.execute("INSERT INTO review VALUES (?, 'example', 'x', 3, 'now', 1, NULL, ?)",
                       (i, "y" * 300))
    db.close()
    data = bytearray(path.read_bytes())
    data[4096 * 3: 4096 * 6] = bytes(4096 * 3)  # some pages zeroed, the header intact
    path.write_bytes(bytes(data))
    window = open_app(qtbot, workspace.topic())
    try:
        kept = [p for p in data_dir.iterdir() if p.name.startswith(PROGRESS_FILE + ".damaged-")]
        assert len(kept) == 1 and kept[0].read_bytes() == bytes(data)
        assert "damaged" in window.banner.text()
    finally:
        window.store.close()


def test_the_problems_heading_shows_a_title_as_text_not_markup(qtbot, workspace):
    title = "<b>Bold</b> &amp; <img src='x'>"
    topic_yaml = f'title: "{title}"\nbottom_line: b\nseeds:\n  - id: art\n' \
                 '    file: ../../seeds/article.txt\n    title: A\n'
    folder = workspace.topic(topic_yaml=topic_yaml, files={"cards.yaml": "cards:\n  - id: x\n"
                                                                         "    kind: actr\n"})
    window = open_app(qtbot, folder)
    try:
        heading = window.pages.page("problems").heading
        assert heading.textFormat().name == "PlainText"
        assert title in heading.text()
    finally:
        window.store.close()


def test_prompts_of_a_card_studied_in_the_first_release_keep_its_progress_in_the_app(
        qtbot, workspace, data_dir):
    first_release_file(data_dir / PROGRESS_FILE)
    window = open_app(qtbot, workspace.topic(files={"cards.yaml": PROMPTED}))
    try:
        counts = window.controller.counts(window.library.topics[0])
        assert counts.new == 3  # 5 prompts; premier and trade-2004's first were studied
    finally:
        window.store.close()


def hold_the_lock(data_dir):
    other = sqlite3.connect(data_dir / PROGRESS_FILE, isolation_level=None,
                            check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    return other


def test_a_grade_still_waiting_at_quit_is_saved_once_the_file_is_free(qtbot, workspace,
                                                                      data_dir):
    window = open_app(qtbot, workspace.topic())
    other = hold_the_lock(data_dir)
    graded = grade(window)
    assert window.controller.log.waiting  # queued: the file was busy
    release = later(1.0, other.execute, "ROLLBACK")  # a second into the quit
    try:
        assert window.close()
    finally:
        release.join()
        other.close()
        window.store.close()
    assert [card for card, _ in reviews(data_dir)] == [graded]


def test_quitting_while_the_file_stays_busy_asks_before_grades_are_lost(qtbot, workspace,
                                                                        data_dir, monkeypatch):
    import briefing.progress as progress
    from briefing.gui import unsaved_grades
    monkeypatch.setattr(progress, "OPEN_PATIENCE_SECONDS", 0.3)
    window = open_app(qtbot, workspace.topic())
    other = hold_the_lock(data_dir)
    asked, answers = [], [unsaved_grades.CANCEL, unsaved_grades.RETRY, unsaved_grades.QUIT]
    monkeypatch.setattr(unsaved_grades, "ask", lambda _parent, waiting, path:
                        asked.append((waiting, path)) or answers.pop(0))
    try:
        grade(window)
        assert not window.close()          # Cancel: the window stays, the grade still waits
        assert len(window.controller.log.waiting) == 1
        assert asked == [(1, data_dir / PROGRESS_FILE)]
        assert "waiting for your progress file" in window.statusBar().currentMessage()
        assert window.close()              # Try again (still busy), then Quit without saving
        assert len(asked) == 3
    finally:
        other.execute("ROLLBACK")
        other.close()
        window.store.close()
    assert reviews(data_dir) == []


def test_the_question_at_quit_names_the_grades_and_the_file(qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from briefing.gui import unsaved_grades
    shown = {}

    def answer(box):
        shown["text"] = box.text()
        shown["buttons"] = [b.text() for b in box.buttons()]
        next(b for b in box.buttons() if b.text() == "Quit without saving").click()
    monkeypatch.setattr(QMessageBox, "exec", answer)
    assert unsaved_grades.ask(None, 2, tmp_path / "p.sqlite3") == unsaved_grades.QUIT
    assert "2 grades could not be saved" in shown["text"] and str(tmp_path) in shown["text"]
    assert sorted(shown["buttons"]) == sorted(["Try again", "Quit without saving", "Cancel"])
