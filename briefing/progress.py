"""Study progress in SQLite, keyed by topic and card id, apart from the YAML.

Every grade is its own committed transaction (WAL, synchronous=FULL), so a
crash loses at most the grade in flight. Editing a card's text keeps its
progress; a card that no longer exists is simply never asked for. A damaged
database is moved aside (kept for the user) and a fresh one started.
"""
from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from . import clock

SCHEMA = """
CREATE TABLE IF NOT EXISTS card_state (
    topic TEXT NOT NULL,
    card TEXT NOT NULL,
    state INTEGER NOT NULL,   -- fsrs State: 1 learning, 2 review, 3 relearning
    due TEXT NOT NULL,        -- ISO 8601, UTC
    fsrs TEXT NOT NULL,       -- fsrs.Card.to_json()
    PRIMARY KEY (topic, card)
);
CREATE TABLE IF NOT EXISTS review (
    id INTEGER PRIMARY KEY,
    topic TEXT NOT NULL,
    card TEXT NOT NULL,
    rating INTEGER NOT NULL,  -- 1 again, 2 hard, 3 good, 4 easy
    reviewed_at TEXT NOT NULL,
    duration_ms INTEGER,
    state_before TEXT,        -- fsrs JSON before the grade; NULL for a new card (for undo)
    state_after TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS review_time ON review (reviewed_at);
"""
# Another copy of the app may hold the file for a moment (two starting at
# once both create it); SQLite then answers "locked" at once, without its busy
# handler, so opening retries for this long before giving up.
OPEN_PATIENCE_SECONDS = 10.0
_BUSY_CODES = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def _busy(error: sqlite3.Error) -> bool:
    """The file is in use by another connection: not damage, just wait."""
    return ((getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF) in _BUSY_CODES


class ProgressError(Exception):
    """A grade could not be saved or taken back; the message is for the user."""


@dataclass(frozen=True)
class Scheduled:
    """What the store knows of one card: its fsrs state code, due time and JSON."""

    state: int
    due: datetime
    fsrs_json: str


def utc_text(moment: datetime) -> str:
    """How times are stored: ISO 8601 in UTC, which sorts as the times do."""
    return moment.astimezone(timezone.utc).isoformat()


class ProgressStore:
    """One SQLite file of review history and card states."""

    def __init__(self, path: Path | None):
        self.path = path
        self.warning = ""  # shown to the user once, e.g. after recovering from damage
        self.db = self._open()

    # -- opening and recovery -------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        if self.path is None:
            return self._connect(":memory:")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return self._connect_when_free(str(self.path))
        except sqlite3.DatabaseError as error:
            if _busy(error):
                self.warning = (f"Your study progress file {self.path} is in use by another "
                                "program; grades last only until you quit.")
                return self._connect(":memory:")
            return self._recover(error)
        except OSError as error:
            self.warning = (f"Your study progress cannot be saved ({error.strerror or error}); "
                            "grades last only until you quit.")
            return self._connect(":memory:")

    def _connect_when_free(self, target: str) -> sqlite3.Connection:
        deadline = time.monotonic() + OPEN_PATIENCE_SECONDS
        while True:
            try:
                return self._connect(target)
            except sqlite3.DatabaseError as error:
                if not _busy(error) or time.monotonic() > deadline:
                    raise
            time.sleep(0.02)

    def _connect(self, target: str) -> sqlite3.Connection:
        db = sqlite3.connect(target, timeout=10, isolation_level=None, check_same_thread=False)
        try:
            db.execute("PRAGMA busy_timeout = 10000")
            if target != ":memory:":
                db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = FULL")
            check = db.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise sqlite3.DatabaseError(f"integrity check failed: {check}")
            db.executescript(SCHEMA)
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _recover(self, error: Exception) -> sqlite3.Connection:
        stamp = clock.stamp()
        kept = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        try:
            os.replace(self.path, kept)
            for suffix in ("-wal", "-shm"):
                side = self.path.with_name(self.path.name + suffix)
                if side.exists():
                    os.replace(side, kept.with_name(kept.name + suffix))
            db = self._connect_when_free(str(self.path))
        except (OSError, sqlite3.DatabaseError) as second:
            self.warning = (f"Your study progress file {self.path} cannot be opened ({error}) "
                            f"or replaced ({second}); grades last only until you quit.")
            return self._connect(":memory:")
        self.warning = (f"Your study progress file was damaged ({error}). A copy was kept at "
                        f"{kept} and a new, empty one started.")
        return db

    def close(self) -> None:
        self.db.close()
        self.closed = True

    closed = False

    # -- reading --------------------------------------------------------------

    def scheduled(self, topic: str) -> dict[str, Scheduled]:
        """Every card of a topic that has been studied, by card id."""
        rows = self.db.execute("SELECT card, state, due, fsrs FROM card_state WHERE topic = ?",
                               (topic,))
        return {card: Scheduled(state, datetime.fromisoformat(due), data)
                for card, state, due, data in rows}

    def due_times(self, topic: str) -> list[tuple[str, str]]:
        """(card, due as ISO text in UTC) of a topic's studied cards: enough for counting,
        without parsing a date per card (ISO UTC text sorts as time does)."""
        return self.db.execute("SELECT card, due FROM card_state WHERE topic = ?",
                               (topic,)).fetchall()

    def one(self, topic: str, card: str) -> Scheduled | None:
        row = self.db.execute("SELECT state, due, fsrs FROM card_state WHERE topic = ? AND card = ?",
                              (topic, card)).fetchone()
        return Scheduled(row[0], datetime.fromisoformat(row[1]), row[2]) if row else None

    def reviews_between(self, start: datetime, end: datetime, topics=None) -> list[tuple]:
        """(topic, card, rating, reviewed_at, state_before) of the reviews in [start, end)."""
        rows = self.db.execute(
            "SELECT topic, card, rating, reviewed_at, state_before FROM review "
            "WHERE reviewed_at >= ? AND reviewed_at < ? ORDER BY reviewed_at",
            (utc_text(start), utc_text(end))).fetchall()
        if topics is not None:
            wanted = set(topics)
            rows = [r for r in rows if r[0] in wanted]
        return rows

    # -- writing --------------------------------------------------------------

    def record(self, topic: str, card: str, rating: int, before: str | None,
               after_state: int, after_due: datetime, after_json: str,
               reviewed_at: datetime, duration_ms: int | None = None) -> int:
        """Save one grade and the card's new state in one committed transaction.

        Raises ProgressError (nothing of the grade is kept) when it cannot be saved."""
        with self._transaction("save this grade"):
            cursor = self.db.execute(
                "INSERT INTO review (topic, card, rating, reviewed_at, duration_ms, "
                "state_before, state_after) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (topic, card, rating, utc_text(reviewed_at), duration_ms, before, after_json))
            self.db.execute(
                "INSERT OR REPLACE INTO card_state (topic, card, state, due, fsrs) "
                "VALUES (?, ?, ?, ?, ?)", (topic, card, after_state, utc_text(after_due), after_json))
            return cursor.lastrowid

    def undo(self, review_id: int) -> bool:
        """Take back one grade: the card returns to its state before it."""
        with self._transaction("take back this grade"):
            row = self.db.execute("SELECT topic, card, state_before FROM review WHERE id = ?",
                                  (review_id,)).fetchone()
            if row is None:
                return False
            topic, card, before = row
            self.db.execute("DELETE FROM review WHERE id = ?", (review_id,))
            if before is None:
                self.db.execute("DELETE FROM card_state WHERE topic = ? AND card = ?", (topic, card))
            else:
                from .scheduling import state_of  # parses the fsrs JSON
                state, due = state_of(before)
                self.db.execute(
                    "INSERT OR REPLACE INTO card_state (topic, card, state, due, fsrs) "
                    "VALUES (?, ?, ?, ?, ?)", (topic, card, state, utc_text(due), before))
            return True

    def _transaction(self, doing: str):
        return _Transaction(self.db, doing)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT: a second app instance waits instead of interleaving.

    A failure (a full disk, a file gone bad) rolls back and becomes a
    ProgressError; a COMMIT that fails must roll back too, or the connection
    stays inside the transaction and every later grade fails."""

    def __init__(self, db: sqlite3.Connection, doing: str):
        self.db = db
        self.doing = doing

    def __enter__(self):
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise self._failed(error) from error
        return self.db

    def __exit__(self, kind, value, traceback):
        if kind is None:
            try:
                self.db.execute("COMMIT")
                return False
            except sqlite3.Error as error:
                value = error
        try:
            self.db.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # SQLite already ended the transaction
        if isinstance(value, sqlite3.Error):
            raise self._failed(value) from value
        return False

    def _failed(self, error: sqlite3.Error) -> ProgressError:
        code = (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF
        reason = "the disk is full" if code == sqlite3.SQLITE_FULL else str(error)
        return ProgressError(f"Could not {self.doing} ({reason}); your earlier grades are safe. "
                             "Grade the card again once that is fixed.")
