"""The progress file's layout, its version number, and the migrations between versions.

The version is SQLite's `PRAGMA user_version`. A file from before versions
existed (user_version 0 with the tables in place) is version 1. Migrations run
in order, all in one transaction, so a file is never left half upgraded; a file
newer than this code, or one whose tables lack a column this code needs, is
refused and left exactly as it is.
"""
from __future__ import annotations

import sqlite3

SCHEMA_VERSION = 3
# A card studied before prompts existed keeps its progress under this prompt id until
# the study controller hands it to the card's first prompt (ProgressStore.adopt).
UNASSIGNED_PROMPT = ""

# MIGRATIONS[n] takes a file from version n to version n + 1.
MIGRATIONS: dict[int, str] = {
    0: """
    CREATE TABLE IF NOT EXISTS card_state (
        topic TEXT NOT NULL,
        card TEXT NOT NULL,
        state INTEGER NOT NULL,   -- scheduling.CardState: 1 learning, 2 review, 3 relearning
        due TEXT NOT NULL,        -- ISO 8601, UTC
        fsrs TEXT NOT NULL,       -- the scheduler's own record (JSON)
        PRIMARY KEY (topic, card)
    );
    CREATE TABLE IF NOT EXISTS review (
        id INTEGER PRIMARY KEY,
        topic TEXT NOT NULL,
        card TEXT NOT NULL,
        rating INTEGER NOT NULL,  -- 1 again, 2 hard, 3 good, 4 easy
        reviewed_at TEXT NOT NULL,
        duration_ms INTEGER,
        state_before TEXT,        -- the record before the grade; NULL for a new card (for undo)
        state_after TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS review_time ON review (reviewed_at);
    """,
    # Prompts: progress per (topic, card, prompt). A card's old state carries over
    # under the unassigned prompt, so a studied card is not new again.
    1: """
    ALTER TABLE card_state RENAME TO card_state_by_card;
    CREATE TABLE card_state (
        topic TEXT NOT NULL,
        card TEXT NOT NULL,
        prompt TEXT NOT NULL,     -- the prompt's id on its card ('' : not yet assigned)
        state INTEGER NOT NULL,   -- scheduling.CardState: 1 learning, 2 review, 3 relearning
        due TEXT NOT NULL,        -- ISO 8601, UTC
        fsrs TEXT NOT NULL,       -- the scheduler's own record (JSON)
        PRIMARY KEY (topic, card, prompt)
    );
    INSERT INTO card_state (topic, card, prompt, state, due, fsrs)
        SELECT topic, card, '', state, due, fsrs FROM card_state_by_card;
    DROP TABLE card_state_by_card;
    ALTER TABLE review ADD COLUMN prompt TEXT NOT NULL DEFAULT '';
    CREATE INDEX IF NOT EXISTS review_card ON review (topic, card);
    """,
    # Study options per topic (kept with progress, not in the topic's YAML), and what the
    # student marked on a prompt: suspended, buried until a time, flagged.
    2: """
    CREATE TABLE IF NOT EXISTS topic_options (
        topic TEXT PRIMARY KEY,
        new_per_day INTEGER NOT NULL,
        desired_retention REAL NOT NULL
    );
    CREATE TABLE IF NOT EXISTS prompt_mark (
        topic TEXT NOT NULL,
        card TEXT NOT NULL,
        prompt TEXT NOT NULL,
        suspended INTEGER NOT NULL DEFAULT 0,
        buried_until TEXT,        -- ISO 8601, UTC; NULL: not buried
        flagged INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (topic, card, prompt)
    );
    """,
}

# The columns of each layout, by table: what a migration starts from and what this
# code reads and writes at SCHEMA_VERSION.
LAYOUTS = {
    1: {"card_state": {"topic", "card", "state", "due", "fsrs"},
        "review": {"id", "topic", "card", "rating", "reviewed_at", "duration_ms",
                   "state_before", "state_after"}},
    2: {"card_state": {"topic", "card", "prompt", "state", "due", "fsrs"},
        "review": {"id", "topic", "card", "prompt", "rating", "reviewed_at", "duration_ms",
                   "state_before", "state_after"}},
}
LAYOUTS[3] = {**LAYOUTS[2],
              "topic_options": {"topic", "new_per_day", "desired_retention"},
              "prompt_mark": {"topic", "card", "prompt", "suspended", "buried_until", "flagged"}}
COLUMNS = LAYOUTS[SCHEMA_VERSION]


class LayoutError(Exception):
    """The file is not one this code can use as it is; the message says why."""


def version_of(db: sqlite3.Connection) -> int:
    """The file's layout version, read without writing anything."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version == 0 and _tables(db) >= set(LAYOUTS[1]):
        return 1  # written before the version was recorded (the first release)
    return version


def check(db: sqlite3.Connection, version: int) -> None:
    """Raise LayoutError when the file is newer than this code or lacks what it needs."""
    if version > SCHEMA_VERSION:
        raise LayoutError(f"it was written by a newer Briefing Cards (layout {version}; "
                          f"this version reads up to layout {SCHEMA_VERSION})")
    if version in LAYOUTS:
        for table, wanted in LAYOUTS[version].items():
            have = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
            missing = sorted(wanted - have)
            if missing:
                raise LayoutError(f"its table '{table}' lacks "
                                  f"{'the column' if len(missing) == 1 else 'the columns'} "
                                  f"{', '.join(missing)}, so another program or version must "
                                  "have written it")


def migrate(db: sqlite3.Connection) -> None:
    """Bring the file up to SCHEMA_VERSION in one transaction (db in autocommit mode).

    The version is read again once the transaction holds the write lock: another
    copy of the app, started at the same moment, may have upgraded the file since
    the caller looked, and its work must not be done twice."""
    if db.execute("PRAGMA user_version").fetchone()[0] >= SCHEMA_VERSION:
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        version = version_of(db)
        check(db, version)
        for step in range(version, SCHEMA_VERSION):
            for statement in _statements(MIGRATIONS[step]):
                db.execute(statement)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute("COMMIT")
    except BaseException:
        try:
            db.execute("ROLLBACK")
        except sqlite3.Error:
            pass
        raise


def _tables(db: sqlite3.Connection) -> set[str]:
    return {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _statements(script: str) -> list[str]:
    """executescript() would commit on its own; run the statements one by one instead
    (split where SQLite says a statement is complete, so a ';' in a comment is safe)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
