"""The shortcuts taken for speed in loading give exactly what the plain way gives."""
from __future__ import annotations

from pathlib import Path

import yaml

from briefing import yamlfile

ROOT = Path(__file__).resolve().parent.parent
# Plain scalars of every implicit type YAML 1.1 knows, and text that starts like one.
TRICKY = ["1", "-1", "+1", ".5", "0x7D0", "0755", "10:30", "1_000", "1e3", ".inf", "-.inf",
          ".nan", "true", "True", "TRUE", "false", "yes", "No", "on", "OFF", "y", "n", "null",
          "Null", "~", "", "2003-10-01", "2003-10-01 10:00:00", "<<", "=", "title", "tags",
          "front", "nothing", "types", "offer", "no-go", "2005", "1950\u201353", "!x", "&a",
          "*b", "yes please", "nullable", "0.5.1", "9 lives", "-", "+", "."]


def _tags(root) -> list:
    """Each node's tag and place, once each (an alias shares its anchor's node)."""
    found, seen, stack = [], set(), [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        found.append((node.tag, node.start_mark.index))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(item for pair in node.value for item in pair)
    return found


def _texts():
    yield "\n".join(f"- {text}" for text in TRICKY if text) + "\n- ''\n- \"1\"\n- !!str 1\n"
    yield "{" + ", ".join(f"k{n}: {text}" for n, text in enumerate(TRICKY) if text) + "}\n"
    for folder in (ROOT / "cards", ROOT / "tests" / "corpus"):
        for path in sorted(folder.rglob("*.yaml")):
            yield path.read_bytes().decode("utf-8", errors="replace")


def test_our_loader_tags_every_node_as_pyyamls_own_safe_loader_does():
    compared = 0
    for text in _texts():
        try:
            ours = list(yaml.compose_all(text, Loader=yamlfile.Loader))
        except yaml.YAMLError:
            continue  # a broken corpus file: the base loader fails on it the same way
        theirs = list(yaml.compose_all(text, Loader=yamlfile.Loader.__mro__[1]))
        for mine, base in zip(ours, theirs, strict=True):
            if mine is not None:
                assert _tags(mine) == _tags(base)
                compared += 1
    assert compared > 10
