"""Where search words occur in a text, to highlight them (the Browse table, the card)."""
from __future__ import annotations

import re
from collections.abc import Sequence


def spans(text: str, words: Sequence[str]) -> list[tuple[int, int]]:
    """The (start, end) of every occurrence of any word, ignoring case, overlaps merged."""
    found = sorted((m.start(), m.end()) for word in words if word
                   for m in re.finditer(re.escape(word), text, re.IGNORECASE))
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def pieces(text: str, words: Sequence[str]) -> list[tuple[str, bool]]:
    """The text in runs, each True when it is a match: joined, they give the text back."""
    runs, at = [], 0
    for start, end in spans(text, words):
        if start > at:
            runs.append((text[at:start], False))
        runs.append((text[start:end], True))
        at = end
    if at < len(text) or not runs:
        runs.append((text[at:], False))
    return runs
