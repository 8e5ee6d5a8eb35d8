"""Reading one file of a topic: its text, its parse and its schema check, with the nodes
let go; and what the editor's live check keeps of each file between checks."""
from __future__ import annotations

from pathlib import Path

import yaml

from . import yamlfile
from .card_memo import Memo, can_remember, check_remembering
from .model import Problem
from .quotes import SeedTexts
from .validator import check_document
from .yaml_splice import cards_list, parse_after_edit


class LoadCache:
    """What loading one topic again and again keeps between loads (the editor's live
    check): each file's parse and schema check, by its text, and its cards, while the
    seeds stay the same. A key typed into one file of 10,000 cards then costs a parse
    of that file, not of the topic."""

    def __init__(self):
        self.seeds = SeedTexts()
        self.files: dict[Path, FileRead] = {}
        self.memos: dict[Path, Memo] = {}  # each file's cards as last checked (card_memo)
        # the file on the editor's screen: its nodes are kept even as read from disk, so
        # the first key typed in it is parsed from the card before it (yaml_splice)
        self.editing: Path | None = None
        # each file's built cards, for the seeds they were built with: by their checked
        # mapping's id, (mapping, Built)
        self.built: dict[Path, tuple[tuple, dict[int, tuple]]] = {}


def declared_ids(cards: list[yaml.Node]) -> set[str]:
    """The plain-text ids of the cards in a file, read straight from its nodes."""
    ids: set[str] = set()
    for item in cards:
        if isinstance(item, yaml.MappingNode):
            ids.update(v.value for k, v in item.value
                       if isinstance(k, yaml.ScalarNode) and k.value == "id"
                       and isinstance(v, yaml.ScalarNode))
    return ids


class FileRead:
    """One file as read, parsed and checked against the schema; its nodes let go."""

    __slots__ = ("text", "problems", "starts", "declared", "value", "checked", "root")

    def __init__(self, text: str | None, problems: list[Problem]):
        self.text, self.problems = text, problems
        self.starts: list[tuple[int, int]] = []  # where each card begins, for the bound
        self.declared: set[str] = set()
        self.value = None  # None: the file could not be read or parsed
        self.checked: list[Problem] = []
        self.root = None  # the nodes, kept only for text being edited (yaml_splice)


def read_file(path: Path, shown: str, unsaved: dict[Path, str],
              cache: LoadCache | None) -> FileRead:
    """The file read, parsed and checked (unsaved: the editor's text in place of a file's),
    or as it was the last time its text was this."""
    if path in unsaved:
        text, problems = unsaved[path], []
    else:
        text, problems = yamlfile.read_text(path, shown)
    cached = cache.files.get(path) if cache is not None else None
    keep = cache is not None and (path in unsaved or path == cache.editing)
    if cached is not None and text is not None and cached.text == text \
            and (cached.root is not None or not keep):
        return cached
    read = FileRead(text, problems)
    if text is None:
        return read
    if cached is not None and cached.root is not None:
        node, read.problems = parse_after_edit(cached.text, cached.root, text, shown)
    else:
        node, read.problems = yamlfile.parse(text, shown)
    if node is not None:
        cards = cards_list(node)
        items = cards.value if cards is not None else []
        read.starts = [(i.start_mark.line + 1, i.start_mark.column + 1) for i in items]
        read.declared = declared_ids(items)
        if cache is not None and can_remember(text):
            read.value, read.checked, cache.memos[path] = check_remembering(
                node, cards, text, shown, cache.memos.get(path, {}))
            if keep:
                read.root = node
        else:
            read.value, read.checked = check_document(node, shown)
    if cache is not None:
        cache.files[path] = read
    return read
