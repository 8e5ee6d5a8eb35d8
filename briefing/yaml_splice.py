"""Parsing a cards file again after an edit without composing the cards before it.

The editor's live check parses the file being edited at every pause in typing, and
composing 2,500 cards took 120 ms of its 200. In a block list, a card ends where the
next card's dash begins, whatever follows; so every card that ends before the card
holding the first changed line parses as it did, and its nodes are taken from the
last parse. The text of those cards is blanked, breaks kept and every other
character a space, leaving one `- 0` in their place: libyaml composes only the
rest, and every mark it makes is where it is in the real text. Any doubt (a syntax
error, an anchor, a layout not seen before) parses the whole text instead.
"""
from __future__ import annotations

import bisect

import yaml

from . import yamlfile
from .card_memo import can_remember
from .model import Problem

# Below this many cards before the change, parsing the whole file is as quick.
MIN_REUSED = 20
# Line ends other than \n that can_remember lets through; blanking keeps only \n.
_ODD_BREAKS = ("\r", "\u2029")


def cards_list(root) -> yaml.SequenceNode | None:
    """A file's cards list, straight from its nodes."""
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "cards" \
                    and isinstance(value, yaml.SequenceNode):
                return value
    return None


def parse_after_edit(before: str, before_root: yaml.Node | None, text: str,
                     path: str) -> tuple[yaml.Node | None, list[Problem]]:
    """What yamlfile.parse(text, path) gives, reusing before_root (the parse of the
    text `before`) for the cards the edit cannot have changed."""
    root = _spliced(before, before_root, text)
    return (root, []) if root is not None else yamlfile.parse(text, path)


def _spliced(before: str, before_root, text: str) -> yaml.Node | None:
    cards = cards_list(before_root)
    # can_remember: no anchors or aliases (one may reach across cards), no recounted lines
    if cards is None or len(cards.value) <= MIN_REUSED or not can_remember(text) \
            or any(odd in text for odd in _ODD_BREAKS) \
            or yamlfile.past_node_limit(text) is not None:
        return None
    items = cards.value
    changed_line = before.rfind("\n", 0, _first_difference(before, text)) + 1
    # Cards that begin before the changed line; the last of them is parsed again,
    # since the edit may continue it (a line indented under its last value).
    begun = bisect.bisect_left(items, changed_line, key=lambda item: item.start_mark.index)
    kept = begun - 1
    if kept < MIN_REUSED:
        return None
    first_dash, reparsed_from = _dash(before, items[0]), _dash(before, items[kept])
    if first_dash is None or reparsed_from is None:
        return None
    line_of_reparsed = before.rfind("\n", 0, reparsed_from) + 1
    blank = _blanked(before[first_dash + 1:line_of_reparsed])
    if not blank.startswith("  "):
        return None
    blanked_text = (text[:first_dash + 1] + " 0" + blank[2:] + text[line_of_reparsed:])
    try:
        documents = [d for d in yaml.compose_all(blanked_text, Loader=yamlfile.Loader)
                     if d is not None]
    except (yaml.YAMLError, UnicodeEncodeError, RecursionError):
        return None  # the whole parse says what is wrong, and where
    new_cards = cards_list(documents[0]) if len(documents) == 1 else None
    if new_cards is None or not new_cards.value:
        return None
    placeholder = new_cards.value[0]
    if not (isinstance(placeholder, yaml.ScalarNode) and placeholder.value == "0"
            and placeholder.start_mark.index == first_dash + 2):
        return None
    new_cards.value[:1] = items[:kept]
    return documents[0]


def _first_difference(a: str, b: str) -> int:
    """The length of the longest common prefix, by halving (each test a memcmp)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[low:middle] == b[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _dash(text: str, item: yaml.Node) -> int | None:
    """Where the dash of a block list item is: on the item's own line, with only
    spaces before it and between it and the item's value."""
    value_at = item.start_mark.index
    dash = value_at - 1
    while dash >= 0 and text[dash] == " ":
        dash -= 1
    if dash < 0 or text[dash] != "-" or dash == value_at - 1:
        return None
    line = text.rfind("\n", 0, dash) + 1
    return dash if text[line:dash].strip(" ") == "" else None


def _blanked(region: str) -> str:
    """The same length and line breaks, every other character a space."""
    if region.isascii():  # bytes.translate: a C loop, 30 times quicker than by lines
        return region.encode("ascii").translate(_BLANK_BYTES).decode("ascii")
    return "\n".join(" " * len(line) for line in region.split("\n"))


_BLANK_BYTES = bytes(c if c == ord("\n") else ord(" ") for c in range(256))
