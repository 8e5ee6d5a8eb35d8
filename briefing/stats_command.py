"""`briefing stats [PATH ...] [--json]`: what is new, learning and due, per topic, with
true retention and the reviews due over the next 30 days; the figures Statistics shows."""
from __future__ import annotations

import sys

from . import clock
from .terminal import json_text, say


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def run(args) -> int:
    from .datafolder import DataFolder
    from .loader import load_all
    from .paths import default_topic_paths
    from .progress import ProgressStore
    from .stats import topic_stats

    topics, problems = load_all(args.paths or default_topic_paths())
    for problem in problems:
        say(problem, sys.stderr)
    path = DataFolder.default().progress
    store = ProgressStore(path if path.exists() else None)  # nothing studied: nothing to create
    if store.warning:
        say(f"briefing stats: {store.warning}", sys.stderr)
    try:
        rows = [topic_stats(store, topic, clock.now()) for topic in topics]
    finally:
        store.close()
    if args.json:
        print(json_text([row.as_json() for row in rows]))
    else:
        for row in rows:
            retention = " · ".join(f"{days}d {_share(getattr(row, f'retention_{days}'))}"
                                   for days in (7, 30, 365))
            say(f"{row.topic}: {row.cards} cards, {row.prompts} prompts · {row.new} new · "
                f"{row.learning} learning · {row.due_now} due now ({row.due_today} today, "
                f"{sum(row.forecast_30[:7])} within 7 days) · {row.reviews} reviews, "
                f"{row.reviews_today} today · retention {retention}")
    return 1 if problems else 0
