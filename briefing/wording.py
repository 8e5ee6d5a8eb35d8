"""Small rules of the text the app writes: plurals, and text cut short with "…"."""
from __future__ import annotations

from collections.abc import Callable

ELLIPSIS = "\u2026"


def plural(count: int, noun: str, many: str | None = None) -> str:
    """'1 card', '3 cards'; many gives an irregular plural."""
    return f"{count} {noun if count == 1 else (many or noun + 's')}"


def clip(text, limit: int) -> str:
    """At most `limit` characters, the last one an ellipsis when text was cut."""
    text = str(text)
    return text if len(text) <= limit else cut(text, limit - 1)


def cut(text: str, length: int) -> str:
    """The first `length` characters and an ellipsis; nothing when length is 0."""
    return text[:length].rstrip() + ELLIPSIS if length > 0 else ""


def longest_fitting(text: str, fits: Callable[[str], bool]) -> str:
    """The longest cut(text, n) that fits (a binary search on n), or "" when none does."""
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if fits(cut(text, mid)):
            low = mid
        else:
            high = mid - 1
    return cut(text, low)
