"""Study the bundled topic over simulated days through the core API, for looking at
Statistics with a realistic history (screenshots, trying the page by hand).

    .venv/bin/python tests/simulate_history.py DATA_FOLDER [--days 60] [--new 8]

Each day at a random hour it opens a study session as the app does, with a fake clock,
and grades what is due (recalled about 85% of the time) and a few new prompts, a few
seconds apart. The clock ends at BRIEFING_NOW (or now); open the app with the same
BRIEFING_NOW and BRIEFING_DATA_DIR=DATA_FOLDER to see it.
"""
from __future__ import annotations

import argparse
import random
import sys
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing import clock  # noqa: E402
from briefing.loader import load_all  # noqa: E402
from briefing.progress import ProgressStore  # noqa: E402
from briefing.scheduling import Scheduler  # noqa: E402
from briefing.study import open_study  # noqa: E402


class FakeClock:
    def __init__(self, moment):
        self.moment = moment

    def __call__(self):
        return self.moment


def rating(rng: random.Random, new: bool) -> int:
    if rng.random() < (0.3 if new else 0.13):
        return 1
    return rng.choices((2, 3, 4), weights=(2, 7, 1))[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--days", type=int, default=60)
    parser.add_argument("--new", type=int, default=8, help="new prompts a day")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    topics, problems = load_all([ROOT / "cards"])
    cards = [card for topic in topics for card in topic.cards]
    store = ProgressStore(args.data / "progress.sqlite3")
    store.db.execute("PRAGMA synchronous = OFF")  # a simulation: no need to wait for the disk
    end = clock.now()
    scheduler = Scheduler()
    graded = 0
    for day in range(args.days, -1, -1):
        if day and rng.random() < 0.15:
            continue  # a day off
        at = FakeClock(end.replace(hour=7, minute=0) - timedelta(days=day)
                       + timedelta(minutes=rng.randint(0, 11 * 60)))
        if at.moment > end:
            at.moment = end - timedelta(minutes=30)
        session = open_study(cards, store, at, scheduler)
        new_today = 0
        while not session.finished and at.moment < end:
            is_new = session.memories.get(session.current.key) is None
            if is_new and new_today >= args.new:
                break
            new_today += is_new
            session.reveal()
            at.moment += timedelta(seconds=rng.randint(4, 25))
            session.grade(rating(rng, is_new))
            graded += 1
    store.close()
    print(f"{graded} grades over {args.days} days into {args.data}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
