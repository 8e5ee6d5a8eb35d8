"""An article read from a file: its text as a seed, what is known of it, and what reading it did."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n")
_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


class ImportFailure(Exception):
    """The file cannot be imported; the message says why in one line."""


@dataclass(frozen=True)
class Article:
    text: str               # the seed's text: UTF-8, NFC, paragraphs separated by blank lines
    title: str = ""
    author: str = ""
    site: str = ""          # the publication or web site it appeared in
    date: str = ""          # YYYY-MM-DD, YYYY-MM or YYYY
    steps: tuple[str, ...] = ()  # what reading it did, in words a user follows

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date[:4].isdigit() else None

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in _BLANK_LINES.split(self.text) if p.strip()]


def tidy(text: str) -> str:
    """One paragraph's text on one line: NFC, runs of spaces made one, ends trimmed."""
    text = unicodedata.normalize("NFC", text)
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


def seed_text(paragraphs) -> str:
    """Paragraphs as a seed file holds them: separated by blank lines, ending with a newline."""
    kept = [p for p in (tidy(p) for p in paragraphs) if p]
    return "\n\n".join(kept) + "\n" if kept else ""


def iso_date(text: str) -> str:
    """YYYY-MM-DD (or YYYY-MM, YYYY) from the start of a date, or "" when it is not one."""
    match = _DATE.match((text or "").strip())
    if not match:
        return ""
    year, month, day = match.groups()
    if month and not 1 <= int(month) <= 12 or day and not 1 <= int(day) <= 31:
        return ""
    return "-".join(part for part in (year, month, day) if part)


def first_line_title(text: str) -> str:
    """The first line, when it reads as a title: short and not a sentence."""
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if not line:
            continue
        if len(line) <= 150 and len(line.split()) <= 20 and not line.endswith((".", ",", ";")):
            return line
        return ""
    return ""
