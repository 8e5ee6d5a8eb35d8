"""Crash safety: a killed app, a damaged progress file, two apps at once, failed writes.

The app runs as a real process where it matters (SIGKILL, two copies): a
small driver opens the window and grades cards one by one from a QTimer,
printing `graded N CARD RATING` once each grade has returned.
"""
from __future__ import annotations

import errno
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import NOW, later

from briefing.cli import main
from briefing.gui.app import PROGRESS_FILE, create_window

# Only a guard against a hung child; the tests never wait for it otherwise.
HANG_GUARD_SECONDS = 120

DRIVER = r"""
import os, sys
from PySide6.QtCore import QTimer
from briefing.gui.app import create_app, create_window

folder, rating, limit, go = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
app = create_app()
window = create_window([folder])
graded = 0
if window.store.warning:  # e.g. studying in memory only: the test's message says why
    print(window.store.warning, file=sys.stderr, flush=True)
print("ready", flush=True)

def wait_for_go():
    if go == "-" or os.path.exists(go):
        grade_one()
    else:
        QTimer.singleShot(2, wait_for_go)

def grade_one():
    global graded
    card = window.controller.session.current_card
    if card is None or (limit and graded >= limit):
        print("done", flush=True)
        window.close()  # as the user quits: grades still waiting for the file are saved
        app.quit()
        return
    window.study.flip()
    window.study.grade(rating)
    graded += 1
    print(f"graded {graded} {card.id} {rating}", flush=True)
    QTimer.singleShot(0, grade_one)

QTimer.singleShot(0, wait_for_go)
app.exec()
window.store.close()
"""


class Driver:
    """The app in a child process, grading; lines of its stdout as they come."""

    def __init__(self, folder: Path, data_dir: Path, rating: int, limit: int = 0, go: str = "-"):
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BRIEFING_DATA_DIR=str(data_dir))
        self.process = subprocess.Popen(
            [sys.executable, "-c", DRIVER, str(folder), str(rating), str(limit), go],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        self.guard = threading.Timer(HANG_GUARD_SECONDS, self.process.kill)
        self.guard.start()
        self.grades: list[tuple[str, int]] = []

    def read_line(self) -> str:
        line = self.process.stdout.readline()
        if line.startswith("graded "):
            _, _n, card, rating = line.split()
            self.grades.append((card, int(rating)))
        return line

    def wait_for(self, word: str) -> None:
        while True:
            line = self.read_line()
            assert line, f"the app ended before '{word}': {self.process.stderr.read()[-2000:]}"
            if line.startswith(word):
                return

    def finish(self) -> None:
        """Read what is left of stdout and reap the process."""
        while self.read_line():
            pass
        self.process.wait()
        self.guard.cancel()
        self.stderr = self.process.stderr.read()


def reviews(data_dir: Path) -> list[tuple[str, int]]:
    with sqlite3.connect(data_dir / PROGRESS_FILE) as db:
        return db.execute("SELECT card, rating FROM review ORDER BY id").fetchall()


def integrity(data_dir: Path) -> str:
    with sqlite3.connect(data_dir / PROGRESS_FILE) as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]


def open_app(qtbot, folder: Path):
    window = create_window([folder], clock=lambda: NOW)
    qtbot.addWidget(window)
    return window


def grade(window, rating: int = 3) -> str:
    card = window.controller.session.current_card.id
    if not window.controller.session.revealed:  # Space on the answer side would grade Good
        window.study.flip()
    window.study.grade(rating)
    return card


# -- SIGKILL in the middle of a study session -----------------------------------------------

@pytest.mark.slow
def test_killing_the_app_mid_session_loses_at_most_the_grade_in_flight(qtbot, workspace,
                                                                       data_dir):
    folder = workspace.topic()
    app = Driver(folder, data_dir, rating=1)  # "Again" keeps every card coming back
    while len(app.grades) < 5:                # by then each of the 4 cards was graded
        app.wait_for("graded")
    os.kill(app.process.pid, signal.SIGKILL)
    app.finish()
    assert app.process.returncode == -signal.SIGKILL

    saved = reviews(data_dir)
    assert saved[:len(app.grades)] == app.grades  # every grade it reported is on disk
    assert len(saved) <= len(app.grades) + 1      # plus at most the one in flight
    assert integrity(data_dir) == "ok"

    window = open_app(qtbot, folder)              # a new app picks up where it stopped
    try:
        assert window.banner.isHidden()
        assert window.controller.session.counts().new == 0  # no card is new any more
        grade(window)
        assert len(reviews(data_dir)) == len(saved) + 1
    finally:
        window.store.close()


# -- two copies of the app at once ----------------------------------------------------------

@pytest.mark.slow
def test_two_apps_grading_the_same_topic_at_once_keep_every_grade(workspace, data_dir, tmp_path):
    folder = workspace.topic()
    go = tmp_path / "go"
    first = Driver(folder, data_dir, rating=1, limit=25, go=str(go))
    second = Driver(folder, data_dir, rating=2, limit=25, go=str(go))
    first.wait_for("ready")
    second.wait_for("ready")
    go.write_text("")  # both start grading together, so their writes interleave
    first.finish()
    second.finish()
    assert (first.process.returncode, second.process.returncode) == (0, 0), \
        first.stderr + second.stderr
    assert len(first.grades) == len(second.grades) == 25
    saved = reviews(data_dir)
    assert sorted(saved) == sorted(first.grades + second.grades), first.stderr + second.stderr
    assert [r for r in saved if r[1] == 1] == first.grades    # each app's grades in its order
    assert [r for r in saved if r[1] == 2] == second.grades
    assert integrity(data_dir) == "ok"


def test_an_app_starting_while_another_creates_the_progress_file_waits_and_saves(tmp_path):
    """The other app holds the new, empty file's write lock for longer than a grade
    waits: opening waits for it instead of studying in memory only."""
    from briefing.progress import WRITE_PATIENCE_MS, ProgressStore
    path = tmp_path / PROGRESS_FILE
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    release = later(3 * WRITE_PATIENCE_MS / 1000, other.execute, "COMMIT")
    store = ProgressStore(path)
    try:
        assert (store.warning, store.saving) == ("", True)
        store.record(a_review("premier"))
    finally:
        store.close()
        release.join()
        other.close()
    assert reviews(tmp_path) == [("premier", 3)]


def test_an_upgrade_another_app_did_meanwhile_is_not_done_twice(tmp_path):
    """Both apps read the file's version before either upgrades it."""
    from briefing.progress_schema import SCHEMA_VERSION, migrate, version_of
    path = tmp_path / PROGRESS_FILE
    first, second = (sqlite3.connect(path, isolation_level=None) for _ in range(2))
    assert version_of(first) == version_of(second) == 0
    migrate(first)
    migrate(second)  # would fail with "duplicate column name: prompt"
    assert version_of(second) == SCHEMA_VERSION
    first.close()
    second.close()


def _locked(*args, **kwargs):
    error = sqlite3.OperationalError("database is locked")
    error.sqlite_errorcode = sqlite3.SQLITE_BUSY
    raise error


def test_a_progress_file_busy_for_a_moment_is_waited_for_not_taken_for_damage(tmp_path,
                                                                                monkeypatch):
    """Two apps starting at once: SQLite says "locked" at once while the other creates it."""
    from briefing.progress import ProgressStore
    path = tmp_path / PROGRESS_FILE
    real_database(path, grades=3)
    real_connect = ProgressStore._connect
    answers = iter([_locked, _locked, real_connect])
    monkeypatch.setattr(ProgressStore, "_connect", lambda self, target: next(answers)(self, target))
    store = ProgressStore(path)
    try:
        assert store.warning == ""
        assert sorted(p.name for p in tmp_path.iterdir() if ".damaged" in p.name) == []
        assert len(store.scheduled("example")) == 3
    finally:
        store.close()


def test_a_progress_file_that_stays_busy_is_left_alone_and_study_goes_on(tmp_path, monkeypatch):
    from briefing import progress
    path = tmp_path / PROGRESS_FILE
    original = real_database(path, grades=3)
    monkeypatch.setattr(progress, "OPEN_PATIENCE_SECONDS", 0.0)
    real_connect = progress.ProgressStore._connect
    monkeypatch.setattr(progress.ProgressStore, "_connect",
                        lambda self, target: real_connect(self, target) if target == ":memory:"
                        else _locked())
    store = progress.ProgressStore(path)
    try:
        assert "is in use by another program; grades last only until you quit" in store.warning
        store.record(a_review("premier"))
        assert store.one("example", "premier", "card") is not None
    finally:
        store.close()
    assert [p.name for p in tmp_path.iterdir()] == [PROGRESS_FILE]  # not moved aside
    assert path.read_bytes() == original


# -- a damaged or unreadable progress database ----------------------------------------------

def a_review(card: str, data: str = "{}"):
    from briefing.progress import Review
    from briefing.scheduling import CardState, Memory
    return Review("example", card, "card", 3, NOW, Memory(CardState.LEARNING, NOW, data))


def real_database(path: Path, grades: int = 400) -> bytes:
    """A real progress file with many grades (several pages), checkpointed."""
    from briefing.progress import ProgressStore
    store = ProgressStore(path)
    for i in range(grades):
        store.record(a_review(f"card-{i}", "{}" + "x" * 200))
    store.close()
    return path.read_bytes()


def damaged_garbage(path: Path) -> bytes:
    path.write_bytes(b"this is not a database\n" * 200)
    return path.read_bytes()


def damaged_truncated(path: Path) -> bytes:
    data = real_database(path)
    path.write_bytes(data[: len(data) // 2])
    return path.read_bytes()


def damaged_zeroed_pages(path: Path) -> bytes:
    data = bytearray(real_database(path))
    data[4096 * 3: 4096 * 8] = bytes(4096 * 5)
    path.write_bytes(bytes(data))
    return path.read_bytes()


@pytest.mark.parametrize("damage", [damaged_garbage, damaged_truncated, damaged_zeroed_pages],
                         ids=["garbage", "truncated-to-half", "zeroed-pages"])
def test_a_damaged_progress_file_is_kept_reported_and_study_goes_on(qtbot, workspace, data_dir,
                                                                    damage):
    original = damage(data_dir / PROGRESS_FILE)
    window = open_app(qtbot, workspace.topic())
    try:
        kept = [p for p in data_dir.iterdir() if ".damaged-" in p.name and "-wal" not in p.name
                and "-shm" not in p.name]
        assert len(kept) == 1 and kept[0].read_bytes() == original
        banner = window.banner.text()
        assert not window.banner.isHidden()
        assert "damaged" in banner and str(kept[0]) in banner
        assert grade(window) == "premier"
        assert reviews(data_dir) == [("premier", 3)]
        assert integrity(data_dir) == "ok"
    finally:
        window.store.close()


def test_a_folder_in_place_of_the_progress_file_is_kept_and_study_goes_on(qtbot, workspace,
                                                                          data_dir):
    blocker = data_dir / PROGRESS_FILE
    blocker.mkdir()
    (blocker / "note.txt").write_text("mine")
    window = open_app(qtbot, workspace.topic())
    try:
        kept = [p for p in data_dir.iterdir() if ".damaged-" in p.name]
        assert len(kept) == 1 and (kept[0] / "note.txt").read_text() == "mine"
        assert str(kept[0]) in window.banner.text() and not window.banner.isHidden()
        grade(window)
        assert reviews(data_dir) == [("premier", 3)]
    finally:
        window.store.close()


def test_a_data_folder_that_cannot_hold_the_file_still_lets_you_study(qtbot, workspace,
                                                                      data_dir, monkeypatch):
    """The data folder path is a file, so nothing can be created in it."""
    blocked = data_dir / "blocked"
    blocked.write_text("a file, not a folder")
    monkeypatch.setenv("BRIEFING_DATA_DIR", str(blocked / "inside"))
    window = open_app(qtbot, workspace.topic())
    try:
        assert "grades last only until you quit" in window.banner.text()
        assert grade(window) == "premier"
        assert window.controller.session.current_card.id == "patience"
    finally:
        window.store.close()
    assert blocked.read_text() == "a file, not a folder"


# -- a full disk while studying (SQLite's page limit stands in for the disk) ---------------

def fill_up(store) -> None:
    """From now on the file cannot grow: SQLite answers SQLITE_FULL, as on a full disk."""
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")


def make_room(store) -> None:
    store.db.execute("PRAGMA max_page_count = 1073741823")


def test_a_grade_that_cannot_be_saved_is_refused_whole_and_the_next_one_saves(workspace,
                                                                              tmp_path):
    from briefing.loader import load_topic
    from briefing.progress import ProgressError, ProgressStore
    from briefing.study import open_study

    store = ProgressStore(tmp_path / PROGRESS_FILE)
    session = open_study(list(load_topic(workspace.topic()).cards), store, lambda: NOW)
    try:
        fill_up(store)
        saved = 0
        with pytest.raises(ProgressError) as error:
            for saved in range(1000):  # noqa: B007 (counted after the loop)
                # "Again" keeps cards coming until the file is full
                session.reveal()
                session.grade(1)
        assert str(error.value).startswith("Could not save this grade (the disk is full); "
                                           "your earlier grades are safe.")
        stuck = session.current  # still on screen, to be graded again
        with sqlite3.connect(store.path) as db:
            assert db.execute("SELECT count(*) FROM review").fetchone()[0] == saved
            assert db.execute("SELECT count(*) FROM card_state").fetchone()[0] == 4
        make_room(store)
        session.grade(1)
        assert session.current != stuck or session.remaining == 1
        with sqlite3.connect(store.path) as db:
            assert db.execute("SELECT count(*) FROM review").fetchone()[0] == saved + 1
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        store.close()


def test_the_app_says_when_a_grade_cannot_be_saved_and_keeps_the_card(qtbot, workspace,
                                                                       data_dir):
    window = open_app(qtbot, workspace.topic())
    try:
        fill_up(window.store)
        for _ in range(1000):
            shown = window.controller.session.current_card.id
            grade(window, 1)
            if not window.banner.isHidden():
                break
        assert "Could not save this grade (the disk is full)" in window.banner.text()
        assert window.controller.session.current_card.id == shown  # the card stays, to be graded again
        make_room(window.store)
        grade(window, 1)
        assert reviews(data_dir)[-1] == (shown, 1)
    finally:
        window.store.close()


# -- atomic writes: read-only folder, full disk (simulated: CI runs as root) ------------------

def _failing(code: int):
    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))
    return fail


def simulate_read_only_disk(monkeypatch):
    """Every call that would create a file or folder fails with EROFS."""
    for target in ("os.mkdir", "tempfile.mkstemp", "shutil.copyfile"):
        monkeypatch.setattr(target, _failing(errno.EROFS))


def simulate_full_disk(monkeypatch):
    """Data cannot reach the disk: flushing fails with ENOSPC (folders still appear)."""
    for target in ("os.fsync", "shutil.copyfile"):
        monkeypatch.setattr(target, _failing(errno.ENOSPC))


def listing(root: Path) -> dict[str, bytes | None]:
    return {str(p.relative_to(root)): (p.read_bytes() if p.is_file() else None)
            for p in sorted(root.rglob("*"))}


DISKS = [(simulate_read_only_disk, "the folder is read-only or you lack permission"),
         (simulate_full_disk, "the disk is full")]
DISK_IDS = ["read-only-simulated", "disk-full-simulated"]


@pytest.mark.parametrize("simulate,reason", DISKS, ids=DISK_IDS)
@pytest.mark.parametrize("command,name", [("anki", "deck.apkg"), ("pdf", "pack.pdf")])
def test_an_export_that_cannot_write_says_why_and_keeps_the_old_file(workspace, tmp_path, capsys,
                                                                     monkeypatch, simulate,
                                                                     reason, command, name):
    workspace.topic()
    out = tmp_path / "export" / name
    out.parent.mkdir()
    out.write_bytes(b"the export made last week")
    before = listing(out.parent)
    simulate(monkeypatch)
    code = main([command, str(workspace.cards), "-o", str(out)])
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert code == 1
    assert err == f"briefing {command}: cannot write {out}: {reason}\n"
    assert listing(out.parent) == before  # old file intact, no temp file left


@pytest.mark.parametrize("simulate,reason", DISKS, ids=DISK_IDS)
def test_saving_a_topic_file_that_cannot_be_written_says_why_and_keeps_the_old_one(
        workspace, monkeypatch, simulate, reason):
    """The app's editor saves through save_file_text; it shows this message and keeps the text."""
    from briefing.atomic import WriteError
    from briefing.authoring import read_file_text, save_file_text

    folder = workspace.topic()
    path = folder / "cards.yaml"
    path.write_bytes(b"\xef\xbb\xbfcards: []\r\n# kept as it was\r\n")
    before = listing(folder)
    simulate(monkeypatch)
    with pytest.raises(WriteError) as error:
        save_file_text(path, read_file_text(path), "cards: []\n# the new text\n")
    monkeypatch.undo()
    assert str(error.value) == f"cannot write {path}: {reason}"
    assert listing(folder) == before


def test_briefing_new_on_a_full_disk_says_why_and_leaves_no_topic(tmp_path, capsys, monkeypatch):
    cards = tmp_path / "cards"
    cards.mkdir()
    simulate_full_disk(monkeypatch)
    code = main(["new", "demo", "--dir", str(cards)])
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert code == 1
    assert err == f"briefing new: cannot write {cards}/demo/seeds/demo.txt: the disk is full\n"
    assert not (cards / "demo").exists() and listing(cards) == {}
    assert main(["new", "demo", "--dir", str(cards)]) == 0  # room again: it just works


NEW_FAILURES = [
    pytest.param(simulate_read_only_disk, "the folder is read-only or you lack permission",
                 [], id="read-only-simulated"),
    pytest.param(simulate_read_only_disk, "the folder is read-only or you lack permission",
                 ["--seed"], id="read-only-simulated-with-seed"),
    pytest.param(simulate_full_disk, "the disk is full", ["--seed"],
                 id="disk-full-simulated-with-seed"),
]


@pytest.mark.parametrize("simulate,reason,seed", NEW_FAILURES)
def test_briefing_new_that_cannot_write_says_why_and_leaves_nothing_half_made(
        tmp_path, capsys, monkeypatch, simulate, reason, seed):
    cards = tmp_path / "cards"
    cards.mkdir()
    article = tmp_path / "article.txt"
    article.write_text("A sentence long enough to be quoted on a card.\n", encoding="utf-8")
    before = files_in(tmp_path)
    simulate(monkeypatch)
    code = main(["new", "demo", "--dir", str(cards), *(["--seed", str(article)] if seed else [])])
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("briefing new: ") and reason in err and err.count("\n") == 1
    assert files_in(tmp_path) == before and not (cards / "demo").exists()
    assert main(["new", "demo", "--dir", str(cards)]) == 0  # room again: it just works


def files_in(root: Path) -> dict[str, bytes]:
    """Every file below root with its bytes (an empty folder left behind is harmless)."""
    return {name: data for name, data in listing(root).items() if data is not None}
