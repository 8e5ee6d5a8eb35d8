"""A long session in a real (offscreen) window: the app survives it, and its memory levels off."""
from __future__ import annotations

import sqlite3

import pytest
from test_qt_refcounts import drive

from briefing.gui.app import PROGRESS_FILE

# Memory may grow while pages are first built and caches fill; after that a
# phase repeated many times must not keep adding to it.
LEVEL_MIB = 40


@pytest.mark.slow
def test_an_hour_of_grading_editing_resizing_and_browsing_survives_and_memory_levels_off(
        data_dir):
    done, lines = drive("soak", timeout=600)
    assert done.returncode == 0, f"the app died: {done.stderr[-2000:]}"
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    phases = {line["phase"] for line in lines}
    assert phases == {"start", "grades", "editor", "statistics", "browse", "end"}
    end = lines[-1]
    assert end["graded"] == 300 and end["typed"] == 5000
    with sqlite3.connect(data_dir / PROGRESS_FILE) as db:
        assert db.execute("SELECT count(*) FROM review").fetchone()[0] == 300
    editor = [line["rss"] for line in lines if line["phase"] == "editor"]
    assert editor[-1] - editor[4] < LEVEL_MIB, editor   # 15 more openings, 3,750 keys
    resized = [line["rss"] for line in lines if line["phase"] == "statistics"]
    assert resized[-1] - resized[0] < LEVEL_MIB, resized
    browsed = [line["rss"] for line in lines if line["phase"] == "browse"]
    assert browsed[-1] - browsed[0] < LEVEL_MIB, browsed
