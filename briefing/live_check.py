"""Checking a topic as it stands in the editor, in a process of its own.

The editor asks for a check a moment after typing pauses. In a thread the
check held Python's lock and made typing stutter at 10,000 cards; in its own
process it runs on another core and the window never waits. Only the newest
request is checked: those queued behind it are stale, and are dropped. The
process keeps each file's parse between checks (loader.LoadCache), so a key
typed in one file re-reads that file, not the whole topic.
"""
from __future__ import annotations

import gc
from pathlib import Path

from .collector import paused_collection
from .model import Problem


def check(folder: Path, texts: dict[Path, str], seeds=None, cache=None,
          editing: Path | None = None) -> list[Problem]:
    """The problems of the topic with `texts` (unsaved editor text) in place of its files;
    editing: the file on the editor's screen (see LoadCache.editing)."""
    from .loader import load_topic
    if cache is not None:
        cache.editing = editing
    return list(load_topic(folder, seeds, texts, cache).problems)


def serve(requests, replies) -> None:
    """The checking process: (generation, folder, texts, file on screen or None) in,
    (generation, problems) out; None ends it."""
    from .loader import LoadCache
    caches: dict[Path, LoadCache] = {}  # one per topic folder the editor has open
    while True:
        try:
            request = requests.recv()
            while request is not None and requests.poll():
                request = requests.recv()  # a newer one is waiting: this one is stale
        except (EOFError, OSError):
            return  # the app is gone
        if request is None:
            return
        generation, folder, texts, on_screen = request
        with paused_collection():
            try:
                folder = Path(folder)
                cache = caches.setdefault(folder, LoadCache())
                problems = check(folder, {Path(p): t for p, t in texts.items()}, cache=cache,
                                 editing=Path(on_screen) if on_screen else None)
            except Exception as error:  # noqa: BLE001 - said in the editor, never a crash
                caches.pop(Path(folder), None)  # start afresh: it may have been left half
                problems = [Problem(str(Path(folder) / "topic.yaml"), 1, 1,
                                    f"the live check failed ({error.__class__.__name__}: "
                                    f"{error}); save and run briefing check")]
            # What the cache keeps holds no cycles: out of the collector's sight, it is
            # not rescanned after every check (40 ms at 10,000 cards). Frozen before the
            # collector is back on, or its first pass scans a new file's nodes (180 ms).
            gc.freeze()
        try:
            replies.send((generation, problems))
        except (BrokenPipeError, OSError):
            return
