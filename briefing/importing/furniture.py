"""Page furniture of a PDF: running headers and footers, and page numbers.

A line is furniture when it sits at the top or bottom of its page and is either
a page number ("7", "Page 7 of 12", "- 7 -", "vii") or repeats, digits aside,
on many pages (a journal's name, a title with the page number beside it).
A line that appears once, such as the article's title on its first page, stays.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-\u2013\u2014\s]*(?:\d{1,4}|[ivxlc]{1,7})[-\u2013\u2014\s]*"
    r"(?:(?:of|/)\s*\d{1,4})?$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
# Lines this far from a page's top or bottom edge, in reading order, may be furniture.
EDGE_LINES = 3
# The share of the page height at the top and bottom where furniture is drawn.
EDGE_BAND = 0.1


@dataclass
class Line:
    text: str
    x: float | None = None
    y: float | None = None
    size: float = 0.0


def _shape(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.lower().split()))


def _edge_lines(page: list[Line], height: float | None) -> set[int]:
    """Indexes of the lines of a page that stand at its top or bottom."""
    filled = [i for i, line in enumerate(page) if line.text.strip()]
    edges = set(filled[:EDGE_LINES]) | set(filled[-EDGE_LINES:])
    if height:
        band = height * EDGE_BAND
        positioned = {i for i in edges if page[i].y is not None}
        # Where positions are known, only lines near an edge of the page count.
        edges = (edges - positioned) | {i for i in positioned
                                        if page[i].y > height - band or page[i].y < band}
    return edges


def remove(pages: list[list[Line]], heights: list[float | None]) -> tuple[list[list[Line]], int]:
    """The pages without their furniture, and how many lines were dropped."""
    edges = [_edge_lines(page, height) for page, height in zip(pages, heights, strict=True)]
    seen_on: dict[str, set[int]] = {}
    for number, (page, indexes) in enumerate(zip(pages, edges, strict=True)):
        for i in indexes:
            seen_on.setdefault(_shape(page[i].text), set()).add(number)
    # Repeats on at least two pages and on two pages in five: a running header
    # may skip the first page, and a one-page article has none.
    recurring = {shape for shape, on in seen_on.items()
                 if len(on) >= 2 and len(on) * 5 >= len(pages) * 2}
    kept, dropped = [], 0
    for page, indexes in zip(pages, edges, strict=True):
        keep = []
        for i, line in enumerate(page):
            text = line.text.strip()
            if i in indexes and (_PAGE_NUMBER.match(text) or _shape(text) in recurring):
                dropped += 1
            else:
                keep.append(line)
        kept.append(keep)
    return kept, dropped
