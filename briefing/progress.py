"""Study progress in SQLite, keyed by topic and card id, apart from the YAML.

Every grade is its own committed transaction (WAL, synchronous=FULL), so a
crash loses at most the grade in flight. Editing a card's text keeps its
progress; a card that no longer exists is simply never asked for.

Opening never changes a file it cannot use: a damaged file is moved aside as
it is and a fresh one started; a file from a newer version, or one whose
layout is unknown, is left alone. When the file cannot be written (a full
disk, a read-only file or folder, another program holding it), its progress
is read into memory, so studying goes on, and `warning` says that grades last
only until the app quits.
"""
from __future__ import annotations

import os
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from . import clock
from .progress_schema import (
    SCHEMA_VERSION,
    UNASSIGNED_PROMPT,
    LayoutError,
    check,
    migrate,
    version_of,
)
from .scheduling import CardState, Memory

# Another copy of the app may hold the file for a moment (two starting at
# once both create it); SQLite then answers "locked" at once, without its busy
# handler, so opening retries for this long before giving up.
OPEN_PATIENCE_SECONDS = 10.0
# A grade waits this long for another program's lock; the caller then queues it
# instead of freezing the window.
WRITE_PATIENCE_MS = 250
_BUSY_CODES = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
# Errors that say the file cannot be written now, not that it is damaged.
_UNWRITABLE_CODES = (sqlite3.SQLITE_FULL, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN,
                     sqlite3.SQLITE_IOERR, sqlite3.SQLITE_PERM)
_ONLY_UNTIL_QUIT = "grades last only until you quit"


def _code(error: Exception) -> int:
    return (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF


def _can_write(db: sqlite3.Connection) -> None:
    """Raise SQLITE_READONLY now, at start, rather than on every grade: a file the user
    may not write opens read-only without a word."""
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute("DELETE FROM review WHERE 0")  # a write that changes nothing
    finally:
        db.execute("ROLLBACK")


def _when_free(step):
    """Run step, again while another copy of the app holds the file (two starting at
    once both create and upgrade it), for up to OPEN_PATIENCE_SECONDS."""
    deadline = time.monotonic() + OPEN_PATIENCE_SECONDS
    while True:
        try:
            return step()
        except sqlite3.DatabaseError as error:
            if not _busy(error) or time.monotonic() > deadline:
                raise
        time.sleep(0.02)


def _busy(error: sqlite3.Error) -> bool:
    """The file is in use by another connection: not damage, just wait."""
    return _code(error) in _BUSY_CODES


class ProgressError(Exception):
    """A grade could not be saved or taken back; the message is for the user."""


class ProgressBusy(ProgressError):
    """Another program holds the file for now; the grade can be saved later."""


@dataclass(frozen=True)
class Review:
    """One grade to save: the prompt, the rating, and its memory before and after."""

    topic: str
    card: str
    prompt: str
    rating: int
    reviewed_at: datetime
    after: Memory
    before: Memory | None = None  # None: the prompt was new
    duration_ms: int | None = None


class ReviewRow(NamedTuple):
    topic: str
    card: str
    prompt: str
    rating: int
    reviewed_at: str   # ISO 8601, UTC
    state_before: str | None


class ReviewRecord(NamedTuple):
    """One review as stored, for a card's history."""

    id: int
    prompt: str
    rating: int
    reviewed_at: str   # ISO 8601, UTC
    duration_ms: int | None
    state_before: str | None  # the scheduler's records (see scheduling.figures_in)
    state_after: str


Key = tuple[str, str]  # (card id, prompt id) within a topic

NEW_PER_DAY = 20  # as Anki: enough to get through a topic in days, not all at once


@dataclass(frozen=True)
class TopicOptions:
    """How a topic is studied; kept in the progress file, not in the topic's YAML."""

    new_per_day: int = NEW_PER_DAY
    desired_retention: float = 0.9


@dataclass(frozen=True)
class Mark:
    """What the student set on a prompt: suspended (never asked until unsuspended),
    buried until a time (not asked before it), flagged (for a second look)."""

    suspended: bool = False
    buried_until: datetime | None = None
    flagged: bool = False

    def hides(self, now: datetime) -> bool:
        return self.suspended or (self.buried_until is not None and self.buried_until > now)


def utc_text(moment: datetime) -> str:
    """How times are stored: ISO 8601 in UTC, which sorts as the times do."""
    return moment.astimezone(UTC).isoformat()


def _memory(state: int, due: str, data: str) -> Memory:
    return Memory(CardState(state), datetime.fromisoformat(due), data)


class ProgressStore:
    """One SQLite file of review history and card states."""

    def __init__(self, path: Path | None):
        self.path = path
        self.warning = ""     # shown to the user, e.g. after recovering from damage
        self.saving = True    # False: grades are kept in memory only (see warning)
        self.db = self._open()

    # -- opening and recovery -------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        if self.path is None:
            return self._fresh(":memory:")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = self._connect_when_free(str(self.path))
        except sqlite3.DatabaseError as error:
            if _busy(error):
                return self._in_memory(None, f"Your study progress file {self.path} is in use by "
                                             f"another program; {_ONLY_UNTIL_QUIT}.")
            if _code(error) in _UNWRITABLE_CODES and self.path.is_file():
                return self._in_memory(None, self._unwritable(error))
            return self._recover(error)
        except OSError as error:
            return self._in_memory(None, f"Your study progress cannot be saved "
                                         f"({error.strerror or error}); {_ONLY_UNTIL_QUIT}.")
        try:
            version = version_of(db)
            check(db, version)
        except LayoutError as error:
            return self._left_alone(db, error)
        except sqlite3.DatabaseError as error:
            db.close()
            return self._recover(error)
        try:
            # First: a file that cannot be upgraded stays byte for byte. Waiting here is
            # for another copy of the app that is creating or upgrading the file.
            _when_free(lambda: migrate(db))
            version = SCHEMA_VERSION
            if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                db.execute("PRAGMA journal_mode = WAL")
            _can_write(db)
        except LayoutError as error:  # another, newer app upgraded it meanwhile
            return self._left_alone(db, error)
        except sqlite3.DatabaseError as error:
            if _busy(error) and version == SCHEMA_VERSION:
                return db  # a current layout; recording its version can wait for another start
            if _busy(error) or _code(error) in _UNWRITABLE_CODES:
                return self._in_memory(db, self._unwritable(error))
            return self._in_memory(db, f"Your study progress file {self.path} could not be "
                                       f"brought up to date ({error}); it was left as it was, "
                                       f"and {_ONLY_UNTIL_QUIT}.", copy=False)
        return db

    def _left_alone(self, db: sqlite3.Connection, error: LayoutError) -> sqlite3.Connection:
        return self._in_memory(db, f"Your study progress file {self.path} was left as it is: "
                                   f"{error}. Studying goes on, but {_ONLY_UNTIL_QUIT}.",
                               copy=False)

    def _unwritable(self, error: Exception) -> str:
        reason = "the disk is full" if _code(error) == sqlite3.SQLITE_FULL else \
            "the file or its folder is read-only" if _code(error) in (
                sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM) else str(error)
        return (f"Your study progress cannot be saved ({reason}); your progress so far is "
                f"shown and the file is untouched, but {_ONLY_UNTIL_QUIT}.")

    def _connect_when_free(self, target: str) -> sqlite3.Connection:
        return _when_free(lambda: self._connect(target))

    def _connect(self, target: str) -> sqlite3.Connection:
        """A connection whose file passed a read-only integrity check: nothing is written
        before we know the file is sound and of a layout we know."""
        db = sqlite3.connect(target, timeout=10, isolation_level=None, check_same_thread=False)
        try:
            db.execute(f"PRAGMA busy_timeout = {WRITE_PATIENCE_MS}")
            db.execute("PRAGMA synchronous = FULL")
            found = db.execute("PRAGMA quick_check").fetchone()[0]
            if found != "ok":
                raise sqlite3.DatabaseError(f"integrity check failed: {found}")
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _fresh(self, target: str) -> sqlite3.Connection:
        db = self._connect(target)
        migrate(db)
        return db

    def _in_memory(self, source: sqlite3.Connection | None, warning: str,
                   copy: bool = True) -> sqlite3.Connection:
        """Study on from a copy in memory; the file itself is not written."""
        self.saving = False
        self.warning = warning
        memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        if source is not None:
            try:
                if copy:
                    source.backup(memory)
                    migrate(memory)
            except sqlite3.Error:
                # The progress shown starts empty; the file itself is still untouched.
                memory.close()
                memory = sqlite3.connect(":memory:", isolation_level=None,
                                         check_same_thread=False)
            finally:
                source.close()
        migrate(memory)
        return memory

    def _recover(self, error: Exception) -> sqlite3.Connection:
        kept = self.path.with_name(f"{self.path.name}.damaged-{clock.stamp()}")
        try:
            os.replace(self.path, kept)
            for suffix in ("-wal", "-shm"):
                side = self.path.with_name(self.path.name + suffix)
                if side.exists():
                    os.replace(side, kept.with_name(kept.name + suffix))
            db = self._connect_when_free(str(self.path))
            db.execute("PRAGMA journal_mode = WAL")
            migrate(db)
        except (OSError, sqlite3.DatabaseError) as second:
            return self._in_memory(None, f"Your study progress file {self.path} cannot be opened "
                                         f"({error}) or replaced ({second}); {_ONLY_UNTIL_QUIT}.")
        self.warning = (f"Your study progress file was damaged ({error}). A copy was kept at "
                        f"{kept} and a new, empty one started.")
        return db

    def close(self) -> None:
        self.db.close()
        self.closed = True

    closed = False

    # -- reading --------------------------------------------------------------

    def scheduled(self, topic: str) -> dict[Key, Memory]:
        """Every prompt of a topic that has been studied, by (card id, prompt id)."""
        rows = self.db.execute(
            "SELECT card, prompt, state, due, fsrs FROM card_state WHERE topic = ?", (topic,))
        return {(card, prompt): _memory(state, due, data)
                for card, prompt, state, due, data in rows}

    def due_times(self, topic: str) -> list[tuple[str, str, int, str]]:
        """(card, prompt, state, due as ISO text in UTC) of a topic's studied prompts: enough
        for counting, without parsing a date each (ISO UTC text sorts as time does)."""
        return self.db.execute("SELECT card, prompt, state, due FROM card_state WHERE topic = ?",
                               (topic,)).fetchall()

    def one(self, topic: str, card: str, prompt: str) -> Memory | None:
        row = self.db.execute("SELECT state, due, fsrs FROM card_state "
                              "WHERE topic = ? AND card = ? AND prompt = ?",
                              (topic, card, prompt)).fetchone()
        return _memory(*row) if row else None

    def reviews_between(self, start: datetime, end: datetime, topics=None) -> list[ReviewRow]:
        """The reviews in [start, end), oldest first."""
        rows = self.db.execute(
            "SELECT topic, card, prompt, rating, reviewed_at, state_before FROM review "
            "WHERE reviewed_at >= ? AND reviewed_at < ? ORDER BY reviewed_at",
            (utc_text(start), utc_text(end))).fetchall()
        wanted = set(topics) if topics is not None else None
        return [ReviewRow(*r) for r in rows if wanted is None or r[0] in wanted]

    def options(self, topic: str) -> TopicOptions:
        row = self.db.execute("SELECT new_per_day, desired_retention FROM topic_options "
                              "WHERE topic = ?", (topic,)).fetchone()
        return TopicOptions(*row) if row else TopicOptions()

    def marks(self, topic: str) -> dict[Key, Mark]:
        rows = self.db.execute("SELECT card, prompt, suspended, buried_until, flagged "
                               "FROM prompt_mark WHERE topic = ?", (topic,))
        return {(card, prompt): Mark(bool(suspended),
                                     datetime.fromisoformat(buried) if buried else None,
                                     bool(flagged))
                for card, prompt, suspended, buried, flagged in rows}

    def new_today(self, topic: str, start: datetime, end: datetime) -> int:
        """How many new prompts were first graded in [start, end) (for the daily limit)."""
        return self.db.execute(
            "SELECT count(DISTINCT card || '/' || prompt) FROM review WHERE topic = ? AND "
            "state_before IS NULL AND reviewed_at >= ? AND reviewed_at < ?",
            (topic, utc_text(start), utc_text(end))).fetchone()[0]

    def review_count(self, topic: str) -> int:
        return self.db.execute("SELECT count(*) FROM review WHERE topic = ?",
                               (topic,)).fetchone()[0]

    def tallies(self, topic: str, card: str | None = None) -> tuple[list, list, list]:
        """What the Browse table sums up, of a topic or of one of its cards: (card, prompt,
        state, due) of each studied prompt; (card, prompt, reviews, last reviewed_at) of
        each reviewed prompt; and (card, prompt, state_before) of each Again given to a
        prompt that was not new (a lapse, when that state was Review)."""
        where, args = ("topic = ?", (topic,)) if card is None else (
            "topic = ? AND card = ?", (topic, card))
        states = self.db.execute(f"SELECT card, prompt, state, due FROM card_state WHERE {where}",
                                 args).fetchall()
        reviews = self.db.execute(f"SELECT card, prompt, count(*), max(reviewed_at) FROM review "
                                  f"WHERE {where} GROUP BY card, prompt", args).fetchall()
        agains = self.db.execute(f"SELECT card, prompt, state_before FROM review WHERE {where} "
                                 "AND rating = 1 AND state_before IS NOT NULL", args).fetchall()
        return states, reviews, agains

    def outside_changes(self) -> int:
        """A number that changes when another program commits to the file (not our grades)."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    def history(self, topic: str, card: str) -> list[ReviewRecord]:
        """Every review of one card's prompts, oldest first."""
        rows = self.db.execute(
            "SELECT id, prompt, rating, reviewed_at, duration_ms, state_before, state_after "
            "FROM review WHERE topic = ? AND card = ? ORDER BY reviewed_at, id", (topic, card))
        return [ReviewRecord(*row) for row in rows]

    # -- writing --------------------------------------------------------------

    def record(self, review: Review) -> int:
        """Save one grade and the prompt's new state in one committed transaction.

        Raises ProgressBusy when another program holds the file (try again later)
        and ProgressError when it cannot be saved; nothing of the grade is kept."""
        after = review.after
        with self._transaction("save this grade"):
            cursor = self.db.execute(
                "INSERT INTO review (topic, card, prompt, rating, reviewed_at, duration_ms, "
                "state_before, state_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (review.topic, review.card, review.prompt, review.rating,
                 utc_text(review.reviewed_at), review.duration_ms,
                 review.before.data if review.before else None, after.data))
            self.db.execute(
                "INSERT OR REPLACE INTO card_state (topic, card, prompt, state, due, fsrs) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (review.topic, review.card, review.prompt, int(after.state),
                 utc_text(after.due), after.data))
            return cursor.lastrowid

    def undo(self, review_id: int) -> bool:
        """Take back one grade: the prompt returns to its state before it."""
        from .scheduling import read
        with self._transaction("take back this grade"):
            row = self.db.execute("SELECT topic, card, prompt, state_before FROM review "
                                  "WHERE id = ?", (review_id,)).fetchone()
            if row is None:
                return False
            topic, card, prompt, before = row
            self.db.execute("DELETE FROM review WHERE id = ?", (review_id,))
            if before is None:
                self.db.execute("DELETE FROM card_state WHERE topic = ? AND card = ? "
                                "AND prompt = ?", (topic, card, prompt))
            else:
                memory = read(before)
                self.db.execute(
                    "INSERT OR REPLACE INTO card_state (topic, card, prompt, state, due, fsrs) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (topic, card, prompt, int(memory.state), utc_text(memory.due), before))
            return True

    def set_options(self, topic: str, options: TopicOptions) -> None:
        with self._transaction("save the topic's study options"):
            self.db.execute("INSERT OR REPLACE INTO topic_options VALUES (?, ?, ?)",
                            (topic, options.new_per_day, options.desired_retention))

    def set_mark(self, topic: str, card: str, prompt: str, mark: Mark) -> None:
        with self._transaction("save this mark"):
            if mark == Mark():
                self.db.execute("DELETE FROM prompt_mark WHERE topic = ? AND card = ? "
                                "AND prompt = ?", (topic, card, prompt))
                return
            self.db.execute(
                "INSERT OR REPLACE INTO prompt_mark VALUES (?, ?, ?, ?, ?, ?)",
                (topic, card, prompt, int(mark.suspended),
                 utc_text(mark.buried_until) if mark.buried_until else None, int(mark.flagged)))

    def adopt(self, topic: str, card: str, prompt: str) -> None:
        """Give a card's progress from before prompts existed to one of its prompts (its
        first), reviews and all. Nothing happens when that prompt has progress of its own."""
        with self._transaction("keep your progress on this card"):
            taken = self.db.execute("SELECT 1 FROM card_state WHERE topic = ? AND card = ? "
                                    "AND prompt = ?", (topic, card, prompt)).fetchone()
            if taken:
                return
            for table in ("card_state", "review"):
                self.db.execute(f"UPDATE {table} SET prompt = ? WHERE topic = ? AND card = ? "
                                f"AND prompt = ?", (prompt, topic, card, UNASSIGNED_PROMPT))

    @contextmanager
    def patient(self):
        """Writes inside wait OPEN_PATIENCE_SECONDS for another program's lock: at quit,
        waiting a few seconds is better than leaving a grade unsaved."""
        self.db.execute(f"PRAGMA busy_timeout = {int(OPEN_PATIENCE_SECONDS * 1000)}")
        try:
            yield self
        finally:
            self.db.execute(f"PRAGMA busy_timeout = {WRITE_PATIENCE_MS}")

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
        if _busy(error):
            return ProgressBusy(f"Could not {self.doing} yet: another program is using your "
                                "progress file. It will be saved as soon as the file is free.")
        reason = "the disk is full" if _code(error) == sqlite3.SQLITE_FULL else str(error)
        return ProgressError(f"Could not {self.doing} ({reason}); your earlier grades are safe. "
                             "Grade the card again once that is fixed.")
