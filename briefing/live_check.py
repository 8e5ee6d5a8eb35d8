"""Checking a topic as it stands in the editor, in a process of its own.

The editor asks for a check a moment after typing pauses. In a thread the
check held Python's lock and made typing stutter at 10,000 cards; in its own
process it runs on another core and the window never waits. Only the newest
request is checked: those queued behind it are stale, and are dropped.
"""
from __future__ import annotations

from pathlib import Path

from .model import Problem


def check(folder: Path, texts: dict[Path, str], seeds=None) -> list[Problem]:
    """The problems of the topic with `texts` (unsaved editor text) in place of its files."""
    from .loader import load_topic
    from .quotes import SeedTexts
    return list(load_topic(folder, seeds or SeedTexts(), texts).problems)


def serve(requests, replies) -> None:
    """The checking process: (generation, folder, texts) in, (generation, problems) out;
    None ends it."""
    while True:
        try:
            request = requests.recv()
            while request is not None and requests.poll():
                request = requests.recv()  # a newer one is waiting: this one is stale
        except (EOFError, OSError):
            return  # the app is gone
        if request is None:
            return
        generation, folder, texts = request
        try:
            problems = check(Path(folder), {Path(p): t for p, t in texts.items()})
        except Exception as error:  # noqa: BLE001 - said in the editor, never a crash
            problems = [Problem(str(Path(folder) / "topic.yaml"), 1, 1,
                                f"the live check failed ({error.__class__.__name__}: {error}); "
                                "save and run briefing check")]
        try:
            replies.send((generation, problems))
        except (BrokenPipeError, OSError):
            return
