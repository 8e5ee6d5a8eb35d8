"""How long Statistics takes to open at scale: 50,000 prompts, 30,000 reviews.

    .venv/bin/python tests/bench_stats.py [--prompts N] [--reviews N] [--runs N]

Not part of the test suite: it prints the median of several runs of the core
(`compute`, what the Statistics page asks for), of `topic_stats` (what `briefing stats`
prints per topic) and of the GUI (the page filled and painted, offscreen).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import NOW  # noqa: E402

from briefing.model import Card, Prompt, Topic  # noqa: E402
from briefing.progress import ProgressStore, utc_text  # noqa: E402

KINDS = ("actor", "objective", "figure")


def make_topic(prompts: int) -> Topic:
    """A topic in memory with two prompts a card: loading YAML is not what is measured."""
    cards = []
    for i in range(prompts // 2):
        asks = tuple(Prompt(f"p{n}", "qa", f"Question {n} of card {i}?", "An answer")
                     for n in (1, 2))
        cards.append(Card("big", f"card-{i}", KINDS[i % 3], f"Card {i}", "Front", "Back", (),
                          prompts=asks))
    return Topic("big", Path("big"), "A big topic", cards=tuple(cards))


def record(state: int, due, last) -> str:
    """A stored record as the scheduler writes one (the fields statistics read)."""
    return json.dumps({"card_id": 0, "state": state, "step": None, "stability": 10.0,
                       "difficulty": 5.0, "due": utc_text(due), "last_review": utc_text(last)})


def write_history(path: Path, topic: Topic, reviews: int, seed: int = 7) -> None:
    """Reviews spread over the last year, each studied prompt reviewed at growing intervals;
    written in bulk, as a year of grades would have left the file."""
    ProgressStore(path).close()  # the current layout
    rng = random.Random(seed)
    keys = [(c.id, p.id) for c in topic.cards for p in c.studied_prompts]
    rng.shuffle(keys)
    review_rows, state_rows = [], []
    for card, prompt in keys:
        if len(review_rows) >= reviews:
            break
        moment = NOW - timedelta(days=rng.uniform(1, 365))
        before, interval, times = None, 0.0, rng.randint(1, 4)
        while moment < NOW and len(review_rows) < reviews and times:
            times -= 1
            rating = 1 if rng.random() < 0.12 else rng.choice((2, 3, 3, 3, 4))
            interval = 0.007 if rating == 1 else max(1.0, interval * 2.5 or 1.0)
            due = moment + timedelta(days=round(interval) if interval >= 1 else interval)
            state = 2 if interval >= 1 else (1 if before is None else 3)
            after = record(state, due, moment)
            review_rows.append(("big", card, prompt, rating, utc_text(moment), 4000, before, after))
            before, last_state = after, (state, due)
            moment = due + timedelta(hours=rng.uniform(0, 30))
        state_rows.append(("big", card, prompt, last_state[0], utc_text(last_state[1]), before))
    with sqlite3.connect(path) as db:
        db.executemany("INSERT INTO review (topic, card, prompt, rating, reviewed_at, duration_ms,"
                       " state_before, state_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", review_rows)
        db.executemany("INSERT INTO card_state (topic, card, prompt, state, due, fsrs) "
                       "VALUES (?, ?, ?, ?, ?, ?)", state_rows)
    print(f"{len(keys):,} prompts, {len(state_rows):,} studied, {len(review_rows):,} reviews")


def timings_ms(function, runs: int) -> tuple[float, float, float]:
    """(fastest, median) wall time of several runs, and the median CPU time of this process:
    on a shared machine the wall time also counts the waits for a free core."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        function()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return min(wall), statistics.median(wall), statistics.median(cpu)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prompts", type=int, default=50_000)
    parser.add_argument("--reviews", type=int, default=30_000)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from briefing.stats import compute, topic_stats

    topic = make_topic(args.prompts)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "progress.sqlite3"
        write_history(path, topic, args.reviews)
        store = ProgressStore(path)
        rows = [("compute (what the page shows; the core alone)",
                 timings_ms(lambda: compute(store, [topic], NOW), args.runs)),
                ("topic_stats (a row of briefing stats)",
                 timings_ms(lambda: topic_stats(store, topic, NOW), args.runs))]
        rows += gui_timings(store, topic, args.runs)
        store.close()
    print(f"{'':<52} {'fastest':>8} {'median':>8} {'CPU':>8}  (ms)")
    for name, (fastest, median, cpu) in rows:
        print(f"{name:<52} {fastest:8.1f} {median:8.1f} {cpu:8.1f}")
    print("budget: the page opened in 100 ms of GUI time")
    return 0


def gui_timings(store, topic, runs: int) -> list[tuple[str, tuple[float, float]]]:
    """What the Statistics page does, then every chart painted; the first time with the page built."""
    from PySide6.QtWidgets import QApplication

    from briefing.gui.stats_view import StatsView
    from briefing.gui.theme import LIGHT
    from briefing.stats import compute
    app = QApplication.instance() or QApplication([])

    def open_page(view=None):
        if view is None:  # the first Ctrl+4 builds the page
            view = StatsView()
            view.apply_colors(LIGHT)
            view.resize(1000, 800)
            view.show()
        view.show_stats(compute(store, [topic], NOW), topic.title)
        view.repaint()  # paints the page and its charts now, as the screen would
        app.processEvents()
        return view

    kept = open_page()
    shown = compute(store, [topic], NOW)

    def draw_only():
        kept.show_stats(shown, topic.title)
        kept.repaint()
        app.processEvents()
    return [("page built, filled, painted (first Ctrl+4)", timings_ms(open_page, runs)),
            ("page filled and painted again (later Ctrl+4)",
             timings_ms(lambda: open_page(kept), runs)),
            ("of which the GUI alone: charts made and painted", timings_ms(draw_only, runs))]


if __name__ == "__main__":
    raise SystemExit(main())
