"""The first start with a big topic, in a process of its own: it reads the YAML and
fills the topic cache, telling the window how far it got, and the window then starts
from the cache. In a thread the YAML parser held Python's lock for a quarter of a
second per file and the window stuttered; in a process it runs on another core.
"""
from __future__ import annotations

from pathlib import Path


def fill(paths: list[str], cache_dir: str, replies) -> None:
    """Read every topic under paths into the cache: ("progress", topic, done, files) as
    it goes, ("early", topic) once with the cards of the first topic's first card file
    (the window shows one while the rest is read), then ("done",) — or ("failed", why)."""
    from .library import Library

    def progress(folder: Path, done: int, files: int) -> None:
        replies.send(("progress", folder.name, done, files))

    def early(topic) -> None:  # once: load_topic tells it once, Library for one topic
        if topic.cards:
            replies.send(("early", topic))

    try:
        Library([Path(p) for p in paths], cache_dir=Path(cache_dir),
                load=False).reload(progress, early)
        replies.send(("done",))
    except (BrokenPipeError, OSError):
        return  # the window is gone
    except Exception as error:  # noqa: BLE001 - the window reads the topics itself then
        replies.send(("failed", f"{error.__class__.__name__}: {error}"))
