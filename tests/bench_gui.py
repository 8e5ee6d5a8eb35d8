"""The GUI part of the benchmark: the app driven offscreen at 50,000 and 10,000 cards.

Each figure is how long the window is blocked: a zero-interval timer ticks whenever
the event loop is free, and the longest gap between two ticks, from the user's
action until its result is painted, is the time the user could do nothing. These
are measured, not tuned, here: the pages themselves are other people's work, and a
measure that cannot be taken (a page renamed, say) comes out as null with a note.
"""
from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

WAIT_S = 60  # the longest any result may take before the measure gives up


class Gaps:
    """The longest stretch the event loop was busy, while running."""

    def __init__(self):
        from PySide6.QtCore import QTimer
        self.timer = QTimer(interval=0)
        self.timer.timeout.connect(self._tick)
        self.last = self.longest = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def __enter__(self):
        self.last, self.longest = time.perf_counter(), 0.0
        self.timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._tick()
        self.timer.stop()


def run_until(done, settle_ms: int = 30) -> bool:
    """Process events until done() (then a little more, for the paint); False on time-out."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    deadline = time.perf_counter() + WAIT_S
    while not done():
        QApplication.processEvents()
        if time.perf_counter() > deadline:
            return False
        time.sleep(0.0005)
    QTest.qWait(settle_ms)
    return True


def blocked_ms(action, done, paint) -> float:
    """Do action(), wait for done(), paint: the longest block of the event loop, in ms."""
    with Gaps() as gaps:
        action()
        if not run_until(done):
            raise TimeoutError("no result")
        paint()
    return gaps.longest * 1000


def _studied(data: Path, topic: str, prompts: int, reviews: int) -> None:
    """A progress file where `prompts` cards are studied over `reviews` grades, written in
    one transaction with the rows ProgressStore.record writes."""
    from datetime import timedelta

    from briefing import clock
    from briefing.datafolder import DataFolder
    from briefing.model import DEFAULT_PROMPT
    from briefing.progress import ProgressStore, utc_text
    from briefing.scheduling import Scheduler

    now = clock.now()
    memory = Scheduler().outcomes(None, now).by_rating[3]
    folder = DataFolder(data)
    store = ProgressStore(folder.progress)
    rows = [(topic, f"card-{i % prompts}", DEFAULT_PROMPT, 3,
             utc_text(now - timedelta(minutes=reviews - i)), 5000, None, memory.data)
            for i in range(reviews)]
    with store.db:
        store.db.executemany(
            "INSERT INTO review (topic, card, prompt, rating, reviewed_at, duration_ms, "
            "state_before, state_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        store.db.executemany(
            "INSERT OR REPLACE INTO card_state (topic, card, prompt, state, due, fsrs) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(topic, f"card-{i}", DEFAULT_PROMPT, int(memory.state), utc_text(memory.due),
              memory.data) for i in range(prompts)])
    store.close()


def _window(path: Path):
    from PySide6.QtWidgets import QApplication

    from briefing.gui.app import create_window
    window = create_window([path])
    window.resize(1100, 760)
    window.show()
    # A first start reads a big topic in another process, and studies its first cards
    # meanwhile: the measures are of the whole topic, once read; then the work queued
    # after the first card.
    run_until(lambda: window.started and not (window.loader and window.loader.running)
              and window.search.isEnabled(), settle_ms=300)
    QApplication.processEvents()
    return window


def _close(window) -> None:
    from PySide6.QtCore import QThreadPool
    QThreadPool.globalInstance().waitForDone(WAIT_S * 1000)
    window.close()
    window.store.close()


def _paint(window):
    return lambda: window.repaint()


def _search(window, text: str) -> float:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    search = window.search
    search.setFocus()
    key = getattr(Qt.Key, f"Key_{text[-1].upper()}")
    return blocked_ms(lambda: QTest.keyClick(search, key),
                      lambda: window.controller.filter.text == search.text() == text,
                      _paint(window))


def _clear_search(window) -> None:
    window.search.clear()
    window.filters.apply_search()
    run_until(lambda: window.controller.filter.text == "")


def _mode(window, action: str, page_ready) -> float:
    return blocked_ms(lambda: window.actions_by_name[action].trigger(), page_ready,
                      _paint(window))


def _big_window_measures(path: Path, topic: str, runs: int) -> dict[str, list[float]]:
    found: dict[str, list[float]] = {"search": [], "filter": [], "browse": [], "stats": []}
    for run in range(runs):
        window = _window(path)
        # Browse and Statistics: the first open of each page, in a new window each run
        found["browse"].append(_mode(window, "browse",
                                     lambda: window.controller.mode.value == "browse"))
        window.actions_by_name["study"].trigger()
        run_until(lambda: True)
        found["stats"].append(_mode(window, "statistics", lambda: window.pages.showing("stats")))
        window.actions_by_name["study"].trigger()
        run_until(lambda: True)
        # a search keystroke (the search waits for a pause in typing: that wait is not
        # blocking), then a tag chosen in the sidebar
        found["search"].append(_search(window, str(run % 9 + 1)))
        _clear_search(window)
        tag = f"tag-{run % 12}"
        found["filter"].append(blocked_ms(
            lambda: window.sidebar.tag_changed.emit(tag),  # noqa: B023
            lambda: window.controller.filter.tag == tag,  # noqa: B023
            _paint(window)))
        _close(window)
    return found


def _code_editor():
    from PySide6.QtWidgets import QApplication

    from briefing.gui.code_editor import CodeEditor
    widget = QApplication.focusWidget()
    while widget is not None and not isinstance(widget, CodeEditor):
        widget = widget.parentWidget()
    return widget


def _editor_measures(path: Path, runs: int) -> dict[str, list[float]]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    found: dict[str, list[float]] = {"open": [], "problems": [], "typing": []}
    for _ in range(runs):
        window = _window(path)
        editor_page = window.authoring.editor
        found["open"].append(_mode(window, "edit_topic", lambda: _code_editor() is not None))
        run_until(lambda: not editor_page.checking)  # the check the opening starts
        code = _code_editor()
        code.moveCursor(code.textCursor().MoveOperation.End)
        before = len(editor_page.problems)
        start = time.perf_counter()
        QTest.keyClicks(code, "zz: 1")  # an unknown key: one more problem
        if not run_until(lambda: len(editor_page.problems) > before and not editor_page.checking):  # noqa: B023
            raise TimeoutError("the editor never reported the problem")
        found["problems"].append((time.perf_counter() - start) * 1000)
        # typing while a check runs (one started now, of the whole topic as typed so far):
        # each key from press to handled
        editor_page.validate()
        keys = []
        for n in range(40):
            QTest.keyClick(code, Qt.Key.Key_Return if n % 10 == 0 else Qt.Key.Key_X)
            t = time.perf_counter()
            QTest.keyClick(code, Qt.Key.Key_Y)
            QApplication.processEvents()
            keys.append((time.perf_counter() - t) * 1000)
            QTest.qWait(25)
        keys.sort()
        found["typing"].append(keys[int(len(keys) * 0.9)])
        window.authoring.editor.close_topic(keep_drafts=False) if hasattr(
            window.authoring.editor, "close_topic") else None
        _close(window)
    return found


def _median_or_none(values):
    return statistics.median(values) if values else None


def bench_gui(folders: dict[int, Path], data: Path, runs: int, results) -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["BRIEFING_DATA_DIR"] = str(data / "gui")
    from PySide6.QtCore import qInstallMessageHandler

    from briefing.gui.app import create_app

    qInstallMessageHandler(lambda kind, context, text: None
                           if "propagateSizeHints" in text else print(text, file=sys.stderr))
    big = max(folders)
    topic = folders[big].name
    _studied(data / "gui", topic, prompts=min(10000, big), reviews=min(30000, 3 * big))
    create_app()
    measures = {
        "search_key_blocked_ms": ("search keystroke, window blocked", "<= 30 ms",
                                  "until the filtered session is painted"),
        "filter_ms": ("tag filter, window blocked", "<= 30 ms", "10,000 prompts studied"),
        "browse_open_ms": ("Browse, first open, window blocked", "<= 50 ms", ""),
        "stats_open_ms": ("Statistics, first open, window blocked", "<= 100 ms",
                          "30,000 reviews"),
    }
    tier = {50000: "50k", 10000: "10k", 1000: "1k", 100: "100"}[big]
    try:
        found = _big_window_measures(folders[big].parent, topic, runs)
        names = dict(zip(measures, ("search", "filter", "browse", "stats"), strict=True))
    except Exception as error:  # noqa: BLE001 - a page renamed must not stop the benchmark
        found, names = {}, {}
        print(f"bench gui: {big:,}-card measures not taken: {error!r}", file=sys.stderr)
    for key, (what, target, note) in measures.items():
        value = _median_or_none(found.get(names.get(key), []))
        results.put(**{f"{key}_{tier}": value})
        results.row(f"{what}, {big:,} cards", "n/a" if value is None else f"{value:.0f} ms",
                    "", "", target, note)
    editor_tier = 10000 if 10000 in folders else max(folders)
    try:
        found = _editor_measures(folders[editor_tier].parent, runs)
    except Exception as error:  # noqa: BLE001
        found = {}
        print(f"bench gui: editor measures not taken: {error!r}", file=sys.stderr)
    tier = {50000: "50k", 10000: "10k", 1000: "1k", 100: "100"}[editor_tier]
    for key, name, what, target in (
            ("editor_open_ms", "open", "editor open (Edit Topic), window blocked", "<= 500 ms"),
            ("editor_key_to_problems_ms", "problems", "editor, key to its problems shown",
             "<= 300 ms"),
            ("editor_typing_p90_ms", "typing", "editor, typing while checks run, p90",
             "<= 16 ms")):
        value = _median_or_none(found.get(name, []))
        results.put(**{f"{key}_{tier}": value})
        results.row(f"{what}, {editor_tier:,} cards",
                    "n/a" if value is None else f"{value:.0f} ms", "", "", target, "")
