"""Qt's bindings must not lose references: PySide6 6.12.0 on Python 3.11 did, on every
void call and signal emit, and the app aborted within minutes ("deallocating None").

Each painting and signal path of the app runs thousands of times in a child
process (tests/app_driver.py), which reports how many references to None, True
and False it lost; a leaking release either reports thousands or aborts.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.gui import qt_health

DRIVER = Path(__file__).with_name("app_driver.py")
# A healthy release gains or loses a handful (caches filling); a leaking one loses one
# per call, thousands in all.
TOLERANCE = 100


def drive(*args: str, timeout: int = 240) -> tuple[subprocess.CompletedProcess, list[dict]]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, str(DRIVER), *args], capture_output=True, text=True,
                          env=env, timeout=timeout)
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return done, lines


@pytest.mark.slow
@pytest.mark.parametrize("path", ["gutter", "highlighter", "chart", "card", "signals"])
def test_painting_and_signals_keep_the_reference_counts_of_none_and_booleans(path):
    done, lines = drive("refcounts", path)
    assert done.returncode == 0, f"the app died driving {path}: {done.stderr[-1500:]}"
    assert "Traceback" not in done.stderr, done.stderr[-1500:]
    (result,) = lines
    assert result["path"] == path and result["rounds"] == 2000
    for name, lost in result["lost"].items():
        assert lost < TOLERANCE, f"{path}: {lost} references to {name} lost"


def test_this_pyside6_passes_the_start_up_check():
    lost = qt_health.lost_references()
    assert all(count < qt_health.PROBE_CALLS // 2 for count in lost.values()), lost
    assert qt_health.problem() == ""


def test_a_leaking_pyside6_is_refused_with_a_message_naming_the_fix():
    leaking = {"None": qt_health.PROBE_CALLS, "True": qt_health.PROBE_CALLS, "False": 0}
    message = qt_health.problem(leaking)
    assert "None and True" in message
    assert "PySide6-Essentials<6.12" in message and "Python 3.12" in message


def test_the_app_refuses_to_start_on_a_leaking_pyside6(monkeypatch, capsys):
    from briefing.gui import app
    shown, made = [], []
    monkeypatch.setattr(qt_health, "lost_references", lambda: {"None": 999, "True": 0,
                                                               "False": 0})
    monkeypatch.setattr(app.QMessageBox, "critical", lambda *a: shown.append(a[2]))
    monkeypatch.setattr(app, "create_window", lambda *a, **k: made.append(a))
    assert app.main([]) == 1
    assert made == []  # no window, so nothing to lose
    assert "loses references to None" in shown[0]
    assert "loses references to None" in capsys.readouterr().err
