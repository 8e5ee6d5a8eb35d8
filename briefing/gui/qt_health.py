"""Refuse to start on a PySide6 that corrupts reference counts.

PySide6 6.12.0 on Python 3.11 loses a reference to None on every call of a C++
method that returns void, and one to True or False on every signal emit. The
app makes thousands of such calls a minute, so CPython soon aborts with
"deallocating None" and takes unsaved text with it. Python 3.12+ makes these
objects immortal, which hides the bug (there the counts cannot fall).
pyproject.toml keeps that release out; this catches an environment that has it
anyway, before the user loses work.
"""
from __future__ import annotations

import sys

PROBE_CALLS = 200


def lost_references(calls: int = PROBE_CALLS) -> dict[str, int]:
    """How many references to None, True and False `calls` void calls and emits lose."""
    from PySide6.QtCore import QObject, QTimer, Signal

    class Probe(QObject):
        fired = Signal()

    timer, probe = QTimer(), Probe()
    singletons = {"None": None, "True": True, "False": False}
    before = {name: sys.getrefcount(value) for name, value in singletons.items()}
    for _ in range(calls):
        timer.setInterval(5)  # returns void
        probe.fired.emit()
    after = {name: sys.getrefcount(value) for name, value in singletons.items()}
    return {name: before[name] - after[name] for name in singletons}


def problem(lost: dict[str, int] | None = None) -> str:
    """A message for the user when this PySide6 leaks, else ''."""
    lost = lost_references() if lost is None else lost
    leaking = sorted(name for name, count in lost.items() if count >= PROBE_CALLS // 2)
    if not leaking:
        return ""
    import PySide6
    python = ".".join(map(str, sys.version_info[:3]))
    return (f"Briefing Cards cannot run on PySide6 {PySide6.__version__} with Python {python}: "
            f"this release loses references to {' and '.join(leaking)} on every Qt call, "
            "which makes Python abort within minutes and lose unsaved work. Install a release "
            f"without the bug:\n\n    {sys.executable} -m pip install 'PySide6-Essentials<6.12'"
            "\n\nor run Briefing Cards with Python 3.12 or newer.")
