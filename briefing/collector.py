"""Pausing CPython's cycle collector while thousands of objects are built.

Loading creates no garbage cycles, and the collector would rescan the new
objects again and again (superlinear in the topic's size). The pause is
counted and locked: the editor validates on a worker thread while the
window may load a topic, and the collector is one switch for the process.
"""
from __future__ import annotations

import gc
import threading
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_resume = True  # whether the collector was on before the outermost pause


@contextmanager
def paused_collection():
    global _depth, _resume
    with _lock:
        if _depth == 0:
            _resume = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _resume:
                gc.enable()
