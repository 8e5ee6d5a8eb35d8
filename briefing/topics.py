"""Finding topics on disk: which folders are topics, and which files they hold.

Kept apart from the loader so the app can find topics (and use cached ones)
without importing the YAML machinery. What cannot be read, or is no card
file (a dangling link, a pipe, a folder named *.yaml), is a located problem.
"""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .model import Problem

TOPIC_FILE = "topic.yaml"
YAML_SUFFIXES = (".yaml", ".yml")
NOT_A_FILE = "not a regular file (a pipe, socket or device); a card file is a plain YAML file"


def os_reason(error: OSError) -> str:
    """Why a file or folder cannot be read, in a few plain words."""
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return (error.strerror or str(error)).lower()


def _folder_problem(folder: Path, error: OSError) -> Problem:
    return Problem(str(folder / TOPIC_FILE), 1, 1, f"cannot read this folder: {os_reason(error)}")


def is_topic_dir(path: Path) -> bool:
    return (path / TOPIC_FILE).is_file()


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _may_be_topic(folder: Path) -> bool:
    """Holds topic.yaml or any card file; a folder that cannot be read may be a topic,
    and loading it says why it cannot be read."""
    try:
        return is_topic_dir(folder) or any(_yaml_names(folder))
    except OSError:
        return True


def topic_dirs(path: Path) -> list[Path]:
    """The topic folders a PATH names: itself, or each sub-folder holding YAML."""
    path = Path(path)
    try:
        if is_topic_dir(path):
            return [path]
        children = sorted(p for p in path.iterdir() if not p.name.startswith(".") and _is_dir(p))
    except OSError:
        return [path]  # unreadable: loaded as a topic, which reports it
    return [p for p in children if _may_be_topic(p)]


def _yaml_names(folder: Path) -> list[str]:
    """The names in the folder that are card files by name (raises OSError)."""
    return [name for name in os.listdir(folder)
            if name.endswith(YAML_SUFFIXES) and not name.startswith(".")]


def card_files(folder: Path) -> tuple[list[Path], list[Problem]]:
    """The topic's YAML files (topic.yaml first, then by name), and the problems with
    entries named like card files that are not files that can be read.

    Only stat is used: a pipe named *.yaml is never opened, which would wait for ever."""
    folder = Path(folder)
    try:
        names = _yaml_names(folder)
    except OSError as error:
        return [], [_folder_problem(folder, error)]
    files, problems = [], []
    for name in names:
        path = folder / name
        try:
            mode = os.stat(path).st_mode
        except OSError as error:
            dangling = error.errno == errno.ENOENT and os.path.islink(path)
            problems.append(Problem(str(path), 1, 1, "a link to a file that does not exist; "
                                    "point it at a card file or remove it" if dangling
                                    else f"cannot read file: {os_reason(error)}"))
            continue
        if stat.S_ISREG(mode):
            files.append(path)
        elif stat.S_ISDIR(mode):
            problems.append(Problem(str(path), 1, 1, "a folder, not a card file: a topic's "
                                    "cards are read from the YAML files right inside its folder"))
        else:
            problems.append(Problem(str(path), 1, 1, NOT_A_FILE))
    return sorted(files, key=lambda p: (p.name != TOPIC_FILE, p.name)), problems


def yaml_files(folder: Path) -> list[Path]:
    return card_files(folder)[0]


def yaml_bytes(folders: list[Path]) -> int:
    """How much YAML the folders' topics hold: what loading them has to read."""
    total = 0
    for path in (path for folder in folders for path in yaml_files(folder)):
        try:
            total += path.stat().st_size
        except OSError:
            pass  # gone since: loading it says so
    return total


def find(paths) -> tuple[list[Path], list[Problem]]:
    """The topic folders under the given paths, and problems with the paths themselves.

    A topic is known by its folder's name (its id, and the key of its study
    progress), so a second folder of the same name is reported and left out."""
    folders: list[Path] = []
    problems: list[Problem] = []
    by_name: dict[str, Path] = {}
    for path in paths:
        path = Path(path)
        try:
            exists, is_dir = path.exists(), path.is_dir()
        except OSError as error:
            problems.append(Problem(str(path), 1, 1, f"cannot read it: {os_reason(error)}"))
            continue
        if not exists:
            problems.append(Problem(str(path), 1, 1, "no such file or folder"))
            continue
        if not is_dir:
            problems.append(Problem(str(path), 1, 1, "not a folder; give a topic folder "
                                                     "or a folder of topics"))
            continue
        found = topic_dirs(path)
        if not found:
            problems.append(Problem(str(path / TOPIC_FILE), 1, 1,
                                    "no topics here: a topic is a folder with a topic.yaml"))
        for folder in found:
            first = by_name.setdefault(folder.name, folder)
            if first is folder:
                folders.append(folder)
            elif os.path.realpath(first) != os.path.realpath(folder):  # not just named twice
                problems.append(Problem(
                    str(folder / TOPIC_FILE), 1, 1,
                    f"another topic folder is also named '{folder.name}' ({first}); topics and "
                    "their study progress are told apart by folder name, so rename one of "
                    "them; this one is skipped"))
    return folders, problems
