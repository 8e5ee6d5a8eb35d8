"""The live check's memory of each card: a key typed into one card of a 2,000-card file
checks that card against the schema again, not the other 1,999.

A card is known by its text and where it starts (line and column): the same text at
the same place checks the same, down to every problem's line. Files with anchors or
aliases are checked whole, since an alias may reach into another card, and so are
files whose line numbers are counted again after parsing (yamlfile.lines_recounted).
"""
from __future__ import annotations

import yaml

from .model import Problem
from .validator import INVALID, Checker, LocatedList, root_rule
from .yamlfile import lines_recounted

Key = tuple[str, int, int]
Memo = dict[Key, tuple[object, list[Problem]]]


def can_remember(text: str) -> bool:
    return "&" not in text and "*" not in text and not lines_recounted(text)


def check_remembering(root: yaml.Node, cards: yaml.SequenceNode | None, text: str,
                      path: str, memo: Memo) -> tuple[object, list[Problem], Memo]:
    """check_document, with each card's value and problems from memo where its text and
    place are unchanged; also the memo of this text's cards, for the next check."""
    checker = _RememberingChecker(path, cards, text, memo)
    value = checker.check(root, root_rule(), "the file")
    return value, checker.problems, checker.made


class _RememberingChecker(Checker):
    def __init__(self, path: str, cards: yaml.SequenceNode | None, text: str, memo: Memo):
        super().__init__(path)
        self._cards, self._text, self._memo = cards, text, memo
        self.made: Memo = {}

    def _check_list(self, node: yaml.SequenceNode, rule, name: str):
        if node is not self._cards or rule.items is None or len(node.value) < rule.min_items:
            return super()._check_list(node, rule, name)  # any list but the cards
        result = LocatedList((node.start_mark.line + 1, node.start_mark.column + 1))
        for item in node.value:
            start, end = item.start_mark, item.end_mark
            key = (self._text[start.index:end.index], start.line, start.column)
            known = self._memo.get(key)
            if known is None:
                before = len(self.problems)
                known = (self.check(item, rule.items, "card"), self.problems[before:])
            else:
                self.problems.extend(known[1])
            self.made[key] = known
            if known[0] is not INVALID:
                result.append(known[0])
                result.marks.append((start.line + 1, start.column + 1))
        return result
