"""Drives the real app in a child process, as a user would, and prints what it measured.

    python tests/app_driver.py refcounts PATH   drive one painting or signal path many times;
                                                print the references to None/True/False lost
    python tests/app_driver.py soak             a long session: grades, editor typing,
                                                Statistics resizing, Browse stepping;
                                                print the memory after each phase

It runs apart from pytest because a reference-count bug in Qt's bindings ends
the process with "Fatal Python error": the test then sees the exit and the
output so far instead of dying with it. Each line of output is one JSON object.
"""
from __future__ import annotations

import gc
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
SINGLETONS = {"None": None, "True": True, "False": False}


def say(**fields) -> None:
    print(json.dumps(fields), flush=True)


def rss_mib() -> float:
    """Resident memory now (Linux), in MiB."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def open_window(folder: Path):
    from briefing.gui.app import create_app, create_window
    app = create_app()
    window = create_window([folder])
    window.resize(1100, 760)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    while not window.started:  # start-up work queued after the first card (sidebar, watcher)
        QTest.qWait(10)
    return app, window


def bundled_copy() -> Path:
    """The bundled topic and its seeds in a scratch folder, so edits touch no real file."""
    scratch = Path(tempfile.mkdtemp(prefix="briefing-drive-"))
    shutil.copytree(ROOT / "cards", scratch / "cards")
    shutil.copytree(ROOT / "seeds", scratch / "seeds")
    return scratch / "cards" / "china-north-korea"


def key(window, name: str, times: int = 1) -> None:
    sequence = {"Space": (Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier),
                "Right": (Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier),
                "Left": (Qt.Key.Key_Left, Qt.KeyboardModifier.NoModifier),
                "Esc": (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
                "3": (Qt.Key.Key_3, Qt.KeyboardModifier.NoModifier),
                "1": (Qt.Key.Key_1, Qt.KeyboardModifier.NoModifier),
                "Ctrl+E": (Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier),
                "Ctrl+1": (Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier),
                "Ctrl+2": (Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier),
                "Ctrl+4": (Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)}[name]
    target = QApplication.focusWidget() or window
    for _ in range(times):
        QTest.keyClick(target, *sequence)


def focused_editor():
    from briefing.gui.code_editor import CodeEditor
    widget = QApplication.focusWidget()
    while widget is not None and not isinstance(widget, CodeEditor):
        widget = widget.parentWidget()
    return widget


# -- one path, many times, counting lost references ----------------------------------------

def _gutter(window, rounds):
    key(window, "Ctrl+E")
    editor = focused_editor()
    for _ in range(rounds):
        editor.gutter.repaint()
    key(window, "Esc")


def _highlighter(window, rounds):
    key(window, "Ctrl+E")
    editor = focused_editor()
    for _ in range(max(rounds // 100, 3)):
        editor.highlighter.rehighlight()  # every line of the file, through setFormat
    key(window, "Esc")


def _chart(window, rounds):
    key(window, "Ctrl+4")
    for n in range(rounds // 4):
        window.resize(900 + n % 200, 700 + n % 50)
        window.repaint()
    key(window, "Ctrl+1")


def _card(window, rounds):
    key(window, "Ctrl+2")  # Browse: flip and step, each a full repaint of the card
    for n in range(rounds // 2):
        key(window, "Space")
        key(window, "Right" if (n // 90) % 2 == 0 else "Left")
        window.repaint()
    key(window, "Ctrl+1")


def _signals(window, rounds):
    class Relay(QObject):
        fired = Signal()
        carried = Signal(str)

    relay, heard = Relay(), []
    relay.fired.connect(lambda: heard.append(1))
    relay.carried.connect(heard.append)
    for _ in range(rounds):
        relay.fired.emit()
        relay.carried.emit("x")
    # and the app's own signals, through the keys that emit them
    key(window, "Ctrl+2")
    for _ in range(rounds // 10):
        key(window, "Right")
    key(window, "Ctrl+1")


PATHS = {"gutter": _gutter, "highlighter": _highlighter, "chart": _chart, "card": _card,
         "signals": _signals}


def settle() -> None:
    """Let background work finish (the editor's live check holds a whole topic, full of
    references to None, and frees the last one when the next reports), then collect."""
    for _ in range(3):
        QThreadPool.globalInstance().waitForDone(30000)
        QTest.qWait(700)  # longer than the editor's pause before it checks
    gc.collect()


def refcounts(path: str, rounds: int = 2000) -> None:
    _app, window = open_window(bundled_copy())
    drive = PATHS[path]
    drive(window, 20)  # warm up: caches and lazily made pages hold references of their own
    settle()
    before = {name: sys.getrefcount(value) for name, value in SINGLETONS.items()}
    drive(window, rounds)
    settle()
    lost = {name: before[name] - sys.getrefcount(value) for name, value in SINGLETONS.items()}
    say(path=path, rounds=rounds, lost=lost)
    window.store.close()


# -- a long session ------------------------------------------------------------------------

def soak() -> None:
    from briefing.datafolder import DataFolder
    from briefing.progress import ProgressStore, TopicOptions
    store = ProgressStore(DataFolder.default().progress)  # every prompt may be new today
    store.set_options("china-north-korea", TopicOptions(new_per_day=10_000))
    store.close()
    _app, window = open_window(bundled_copy())
    say(phase="start", rss=rss_mib())

    key(window, "Ctrl+1")
    graded = 0
    for n in range(300):
        if window.controller.session.current is None:
            break
        key(window, "Space")
        key(window, "1" if n % 3 == 0 else "3")  # Again keeps some cards coming back
        graded += 1
    say(phase="grades", graded=graded, rss=rss_mib())

    typed = 0
    for opening in range(20):
        key(window, "Ctrl+E")
        editor = focused_editor()
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        for chunk in range(5):
            QTest.keyClick(editor, Qt.Key.Key_Return)
            line = f"# soak {opening:02}.{chunk} " + "x" * 37  # 49 characters
            QTest.keyClicks(editor, line)
            typed += 1 + len(line)
            QTest.qWait(5)  # let the live check and the gutter run between bursts
        key(window, "Esc")
        say(phase="editor", opening=opening + 1, typed=typed, rss=rss_mib())

    key(window, "Ctrl+4")
    for n in range(500):
        window.resize(800 + (n * 7) % 400, 600 + (n * 3) % 200)
        window.repaint()
        if n % 100 == 99:
            say(phase="statistics", resized=n + 1, rss=rss_mib())
    key(window, "Ctrl+1")

    key(window, "Ctrl+2")
    for n in range(1000):
        key(window, "Space" if n % 4 == 0 else ("Right" if (n // 80) % 2 == 0 else "Left"))
        if n % 250 == 249:
            window.repaint()
            say(phase="browse", steps=n + 1, rss=rss_mib())
    say(phase="end", graded=graded, typed=typed, rss=rss_mib())
    window.store.close()


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if sys.argv[1] == "refcounts":
        refcounts(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 2000)
    else:
        soak()
