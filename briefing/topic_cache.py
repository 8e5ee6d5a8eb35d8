"""Loaded topics kept between runs, so the app starts without re-reading YAML.

A topic is cached with the size and modification time of every file it was
built from (its YAML, its seed articles) and of the code that checked it; any
change to one of them, or an unreadable cache, simply means loading afresh.
The app and `briefing anki` use this; `briefing check` always reads the files.
"""
from __future__ import annotations

import dataclasses
import os
import pickle
from pathlib import Path

from . import __version__
from .collector import paused_collection
from .model import Card, Topic
from .paths import file_key

# The code whose behaviour a cached topic depends on.
_CODE = ("topic_cache.py", "model.py", "loader.py", "file_reads.py", "card_links.py",
         "validator.py", "yamlfile.py", "quotes.py", "cloze.py", "prompts.py", "dates.py",
         "schema.json")
_HERE = Path(__file__).resolve().parent


def _stat(path: Path) -> tuple:
    try:
        info = os.stat(path)
        return (str(path), info.st_mtime_ns, info.st_size)
    except OSError:
        return (str(path), None, None)


def _code_stamp() -> tuple:
    return (__version__, pickle.HIGHEST_PROTOCOL, *(_stat(_HERE / name) for name in _CODE))


def _folder_stamp(folder: Path) -> tuple:
    """The folder (files added or removed) and each of its YAML files."""
    try:
        names = sorted(e.name for e in os.scandir(folder)
                       if e.name.endswith((".yaml", ".yml")) and not e.name.startswith("."))
    except OSError:
        return (_stat(folder),)
    return (_stat(folder), *(_stat(folder / name) for name in names))


# Each card is stored as its instance dict and rebuilt by handing that dict to a
# bare instance (no constructor, no copying: 11 ms for 50,000 cards where
# filling each from a row took 100 ms). The dict holds the card's studied
# prompts too, made once here: making 50,000 default prompts again took a
# quarter of a second of every start.
_KEYS = (*(field.name for field in dataclasses.fields(Card)), "studied_prompts")


def _pack(topic: Topic) -> tuple[Topic, list[dict]]:
    rows = [{name: getattr(card, name) for name in _KEYS} for card in topic.cards]
    return dataclasses.replace(topic, cards=()), rows


def _unpack(shell: Topic, rows: list[dict]) -> Topic | None:
    if rows and tuple(rows[0]) != _KEYS:
        return None  # written by other code: a miss
    new, set_dict, cards = object.__new__, object.__setattr__, []
    for row in rows:
        card = new(Card)
        set_dict(card, "__dict__", row)  # frozen: its dict is set once, here
        cards.append(card)
    shell.__dict__["cards"] = tuple(cards)
    return shell


def cache_file(cache_dir: Path, folder: Path) -> Path:
    return cache_dir / f"{file_key(folder)}.topic"


def read(cache_dir: Path, folder: Path) -> Topic | None:
    """The cached topic if every file it came from is unchanged, else None."""
    try:
        data = cache_file(cache_dir, folder).read_bytes()
    except OSError:
        return None
    try:
        with paused_collection():  # thousands of cards: nothing to collect, so skip scanning
            code, stamp, seeds, shell, rows = pickle.loads(data)
            if (code != _code_stamp() or stamp != _folder_stamp(folder)
                    or not isinstance(shell, Topic)
                    or any(_stat(Path(s[0])) != s for s in seeds)):
                return None
            return _unpack(shell, rows)
    except Exception:  # noqa: BLE001 - a damaged or foreign cache file is just a miss
        return None


def write(cache_dir: Path, folder: Path, topic: Topic) -> None:
    """Keep a freshly loaded topic; a cache that cannot be written is no loss."""
    from .atomic import write_bytes  # tempfile and friends: not needed to read
    seeds = tuple(_stat(seed.path) for seed in topic.seeds)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        data = pickle.dumps((_code_stamp(), _folder_stamp(folder), seeds, *_pack(topic)),
                            protocol=pickle.HIGHEST_PROTOCOL)
        write_bytes(cache_file(cache_dir, folder), data)
    except (OSError, pickle.PicklingError, RecursionError):
        pass
