"""Time Browse's first open at 50,000 cards (issue 20: ≤ 50 ms), in fresh processes.

    python tests/browse_timing.py [CARDS] [RUNS] [STUDIED]

Writes a synthetic topic (the benchmark's) of CARDS cards, with STUDIED of them
graded, opens the app on it once to fill the topic cache, then in RUNS fresh
processes: start the app in Study, press Ctrl+2 and time until the table and
the card are painted. Prints each run and the median, in milliseconds. Not part
of the test suite: nothing here asserts.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

ONE_RUN = """
import sys, time
from PySide6.QtCore import qInstallMessageHandler
qInstallMessageHandler(lambda *args: None)
from PySide6.QtWidgets import QApplication
from briefing.gui.app import create_app, create_window
app = create_app()
window = create_window([sys.argv[1]])
window.resize(1240, 800)
window.show()
for _ in range(5):
    QApplication.processEvents()
start = time.perf_counter()
window.actions_by_name["browse"].trigger()
table = window.study.card_list
table.viewport().repaint()
window.study.card_view.browser.viewport().repaint()
QApplication.processEvents()
elapsed = time.perf_counter() - start
assert table.isVisible() and table.model().rowCount() == int(sys.argv[2]), table.model().rowCount()
print(f"{elapsed * 1000:.1f}")
window.store.close()
"""


def grade_some(data: Path, topic: str, studied: int) -> None:
    """Reviews for the first `studied` cards, written in one transaction (set-up only)."""
    from datetime import UTC, datetime, timedelta

    from briefing.datafolder import DataFolder
    from briefing.progress import ProgressStore, utc_text
    store = ProgressStore(DataFolder(data).progress)
    now = datetime.now(UTC)
    rows, states = [], []
    for n in range(studied):
        card = f"card-{n}"
        for k in range(3):
            at = now - timedelta(days=30 - k * 7)
            rows.append((topic, card, "card", 1 if (n + k) % 5 == 0 else 3, utc_text(at), 4000,
                         '{"state": 2}' if k else None, '{"state": 2}'))
        states.append((topic, card, "card", 2, utc_text(now + timedelta(days=n % 40)), "{}"))
    store.db.execute("BEGIN")
    store.db.executemany("INSERT INTO review (topic, card, prompt, rating, reviewed_at, "
                         "duration_ms, state_before, state_after) VALUES (?,?,?,?,?,?,?,?)", rows)
    store.db.executemany("INSERT INTO card_state (topic, card, prompt, state, due, fsrs) "
                         "VALUES (?,?,?,?,?,?)", states)
    store.db.execute("COMMIT")
    store.close()


def main() -> int:
    from benchmark import write_topic
    cards = int(sys.argv[1]) if len(sys.argv) > 1 else 50000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    studied = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
    with tempfile.TemporaryDirectory(prefix="briefing-browse-") as temp:
        folder = write_topic(Path(temp), cards)
        data = Path(temp) / "data"
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BRIEFING_DATA_DIR=str(data))
        env.pop("BRIEFING_NOW", None)
        warm = subprocess.run([sys.executable, "-c", ONE_RUN, str(folder), str(cards)],
                              env=env, capture_output=True, text=True)  # fills the cache
        if warm.returncode:
            print(warm.stderr, file=sys.stderr)
            return 1
        grade_some(data, folder.name, min(studied, cards))
        times = []
        for _ in range(runs):
            result = subprocess.run([sys.executable, "-c", ONE_RUN, str(folder), str(cards)],
                                    env=env, capture_output=True, text=True)
            if result.returncode:
                print(result.stderr, file=sys.stderr)
                return 1
            times.append(float(result.stdout.split()[-1]))
            print(f"run {len(times)}: {times[-1]:.1f} ms", flush=True)
        print(f"Browse first open, {cards:,} cards, {studied:,} studied: "
              f"median {statistics.median(times):.1f} ms over {runs} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
