"""The queries statistics make of the progress file, read-only. SQLite does the counting:
no date or record is parsed in Python per row, and a year of reviews comes back as a few
hundred rows. How a stored record is read in SQL is scheduling.py's to say."""
from __future__ import annotations

import json
from datetime import datetime

from .progress import ProgressStore, utc_text
from .scheduling import CardState, in_state_sql, last_review_sql

_REVIEW = int(CardState.REVIEW)


def schedule_rows(store: ProgressStore, topics) -> list[tuple[str, str, str, int, str, int | None]]:
    """(topic, card, prompt, state, due as ISO text in UTC, and for a prompt in spaced review
    the whole days from its last review to its due time) of the topics' studied prompts."""
    where, args = _scope(topics, {})
    interval = (f"CASE WHEN state = {_REVIEW} THEN CAST(round(julianday(due) - "
                f"julianday({last_review_sql('fsrs')})) AS INTEGER) END")
    return store.db.execute(
        f"SELECT topic, card, prompt, state, due, {interval} FROM card_state "
        f"{_plan(store, 'card_state', where, args)} WHERE {where}", args).fetchall()


def review_days(store: ProgressStore, start: datetime, end: datetime, topics,
                leave_out) -> list[tuple[str, int, int, int]]:
    """The reviews in [start, end) by local day (YYYY-MM-DD) and by whether their prompt was
    in spaced review before (1 or 0): (day, spaced, reviews, recalled: rated above Again).
    `leave_out` maps a topic to the cards whose reviews do not count."""
    span, times = "reviewed_at >= ? AND reviewed_at < ?", [utc_text(start), utc_text(end)]
    where, args = _scope(topics, leave_out, "+topic")  # the time index is the one to use
    # Each review's few small values first, then grouped: sorting the rows themselves for
    # GROUP BY would carry their records along.
    return store.db.execute(
        f"WITH r AS MATERIALIZED (SELECT date(reviewed_at, 'localtime') AS day, "
        f"{in_state_sql('state_before', CardState.REVIEW)} AS spaced, rating > 1 AS recalled "
        f"FROM review {_plan(store, 'review', span, times)} WHERE {span} AND {where}) "
        "SELECT day, spaced, count(*), sum(recalled) FROM r GROUP BY 1, 2",
        [*times, *args]).fetchall()


def prompts_reviewed(store: ProgressStore, start: datetime, end: datetime, topics,
                     leave_out) -> int:
    """How many distinct prompts were graded in [start, end)."""
    where, args = _scope(topics, leave_out, "+topic")
    return store.db.execute(
        "SELECT count(*) FROM (SELECT DISTINCT topic, card, prompt FROM review "
        f"WHERE reviewed_at >= ? AND reviewed_at < ? AND {where})",
        [utc_text(start), utc_text(end), *args]).fetchone()[0]


def _plan(store: ProgressStore, table: str, where: str, args) -> str:
    """NOT INDEXED when most of a table's rows match `where` (which an index answers alone):
    a scan reads the pages in order, twice as fast as following an index row by row."""
    matching = store.db.execute(f"SELECT count(*) FROM {table} WHERE {where}", args).fetchone()
    total = store.db.execute(f"SELECT count(*) FROM {table}").fetchone()
    return "NOT INDEXED" if matching[0] * 2 >= total[0] else ""


def _scope(topics, leave_out, column: str = "topic") -> tuple[str, list]:
    """An SQL condition for the rows of these topics, but not of the cards `leave_out` names.
    `+topic` keeps SQLite from choosing the topic index over a better one."""
    wanted = list(topics)
    where, args = f"{column} IN ({', '.join('?' * len(wanted))})", wanted
    for topic, cards in leave_out.items():
        if cards:
            where += " AND NOT (topic = ? AND card IN (SELECT value FROM json_each(?)))"
            args = [*args, topic, json.dumps(sorted(cards))]
    return where, args
