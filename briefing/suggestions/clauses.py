"""The clause of a sentence around a passage: short enough to be a card's quote, long
enough to say something on its own. Always a slice of the article's own text."""
from __future__ import annotations

import re

# Where a sentence divides into clauses: commas, semicolons, colons and dashes,
# except inside brackets or quotation marks.
_BREAK = re.compile(r",\s|;\s|:\s|\s[-–—]\s|—")
_OPEN, _CLOSE = "(“[", ")”]"
_LEADING = re.compile(r"(?:and|but|or|while|with|which|whereas|as)\s", re.IGNORECASE)
MIN_WORDS = 7


def _breaks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    depth, breaks, at = 0, [], start
    for match in _BREAK.finditer(text, start, end):
        for char in text[at:match.start()]:
            if char in _OPEN or (char == '"' and depth == 0):
                depth += 1
            elif char in _CLOSE or char == '"':
                depth = max(0, depth - 1)
        at = match.start()
        if depth == 0:
            breaks.append(match.span())
    return breaks


def _pieces(text: str, sentence: tuple[int, int]) -> list[tuple[int, int]]:
    start, end = sentence
    pieces, at = [], start
    for a, b in _breaks(text, start, end):
        pieces.append((at, a))
        at = b
    pieces.append((at, end))
    return pieces


def _holding(pieces: list[tuple[int, int]], at: int) -> int:
    return next(i for i, (a, b) in enumerate(pieces) if a <= at < b or i == len(pieces) - 1)


def piece(text: str, sentence: tuple[int, int], span: tuple[int, int]) -> tuple[int, int]:
    """The one clause (between commas, semicolons, dashes) where span starts."""
    pieces = _pieces(text, sentence)
    return pieces[_holding(pieces, span[0])]


def clause(text: str, sentence: tuple[int, int], span: tuple[int, int]) -> tuple[int, int]:
    """(start, end) of the clauses around span that make at least MIN_WORDS words."""
    pieces = _pieces(text, sentence)
    first = last = _holding(pieces, span[0])
    while _words(text, pieces[first][0], pieces[last][1]) < MIN_WORDS:
        if first > 0:
            first -= 1
        elif last < len(pieces) - 1:
            last += 1
        else:
            break
    while last < len(pieces) - 1 and pieces[last][1] < span[1]:
        last += 1
    a, b = pieces[first][0], pieces[last][1]
    lead = _LEADING.match(text, a, b)
    if lead and _words(text, lead.end(), b) >= MIN_WORDS - 2:
        a = lead.end()
    while b > a and text[b - 1] in " ,;:—-":
        b -= 1
    return a, b


def _words(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


_STOP = re.compile(r"\s(?:and|but|while|whereas)\s|\d|\(")
_DANGLING = {"by", "in", "of", "to", "from", "since", "at", "for", "on", "the", "a", "an"}
_YEAR = re.compile(r"\(?(?:1[89]|20)\d\d\)?[,.;]?")


def words_after(text: str, start: int, end: int, most: int) -> str:
    """Up to `most` words from start, stopping before a conjunction, a bracket or
    another number."""
    stop = _STOP.search(text, start, end)
    words = text[start:stop.start() if stop else end].split()[:most]
    while words and words[-1].lower() in _DANGLING:
        words.pop()
    return " ".join(words).rstrip(",;:.")


def words_before(text: str, start: int, end: int, most: int) -> list[str]:
    """Up to `most` words before end, from start, after any conjunction or number."""
    words = text[start:end].split()
    for i in range(len(words) - 1, -1, -1):
        number = any(c.isdigit() for c in words[i]) and not _YEAR.fullmatch(words[i])
        if number or words[i].lower() in ("and", "but", "with",
                                                                       "while", "which", "said"):
            words = words[i + 1:]
            break
    return words[-most:]


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
