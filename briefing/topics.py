"""Finding topics on disk: which folders are topics, and which files they hold.

Kept apart from the loader so the app can find topics (and use cached ones)
without importing the YAML machinery.
"""
from __future__ import annotations

from pathlib import Path

from .model import Problem

TOPIC_FILE = "topic.yaml"
YAML_SUFFIXES = (".yaml", ".yml")


def is_topic_dir(path: Path) -> bool:
    return (path / TOPIC_FILE).is_file()


def topic_dirs(path: Path) -> list[Path]:
    """The topic folders a PATH names: itself, or each sub-folder holding YAML."""
    path = Path(path)
    if is_topic_dir(path):
        return [path]
    try:
        children = sorted(p for p in path.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        return []
    return [p for p in children if is_topic_dir(p) or yaml_files(p)]


def yaml_files(folder: Path) -> list[Path]:
    try:
        files = [p for p in folder.iterdir()
                 if p.suffix in YAML_SUFFIXES and p.is_file() and not p.name.startswith(".")]
    except OSError:
        return []
    # topic.yaml first, then the card files by name.
    return sorted(files, key=lambda p: (p.name != TOPIC_FILE, p.name))


def find(paths) -> tuple[list[Path], list[Problem]]:
    """The topic folders under the given paths, and problems with the paths themselves."""
    folders: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        path = Path(path)
        if not path.exists():
            problems.append(Problem(str(path), 1, 1, "no such file or folder"))
            continue
        if not path.is_dir():
            problems.append(Problem(str(path), 1, 1, "not a folder; give a topic folder "
                                                     "or a folder of topics"))
            continue
        found = topic_dirs(path)
        if not found:
            problems.append(Problem(str(path / TOPIC_FILE), 1, 1,
                                    "no topics here: a topic is a folder with a topic.yaml"))
        folders.extend(found)
    return folders, problems
