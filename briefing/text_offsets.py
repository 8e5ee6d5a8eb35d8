"""Offsets into one text counted two ways: Python's (code points, what the core gives)
and Qt's (UTF-16 code units, what a QTextDocument position is).

A character beyond U+FFFF (most emoji) is one code point but two UTF-16 units, so
every such character before a quote would shift a highlight by one (issue 18 #22).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Offsets:
    """Converts offsets of one text; found by a regular expression, so a 16 MB article
    costs a scan in C, and each conversion is a binary search."""

    def __init__(self, text: str):
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # The UTF-16 offset just past each astral character.
        self._after = [at + number + 2 for number, at in enumerate(self._astral)]
        self.length = len(text) + len(self._astral)  # the text's length in UTF-16 units

    def to_utf16(self, offset: int) -> int:
        """The UTF-16 offset of a code point offset."""
        return offset + bisect_left(self._astral, offset)

    def from_utf16(self, offset: int) -> int:
        """The code point offset of a UTF-16 offset; the middle of a surrogate pair
        counts as the end of its character."""
        # Minus the astral characters wholly before it; in the middle of a pair that
        # lands just past the character, too.
        return offset - bisect_right(self._after, offset)
