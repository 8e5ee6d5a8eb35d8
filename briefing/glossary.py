"""The topic's glossary: entries in reading order, and finding its terms in a text.

`Glossary(topic.glossary).find(text)` gives each term that a card's text uses,
longest first where two overlap, for the app to explain on hover; the PDF
prints `entries_sorted`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .model import GlossaryEntry

_QUOTES = "\"'\u2018\u2019\u201c\u201d"
_DASHES = "-\u2010\u2011\u2012\u2013\u2014"


@dataclass(frozen=True)
class TermMatch:
    start: int
    end: int
    entry: GlossaryEntry

    def text(self, source: str) -> str:
        return source[self.start:self.end]


def sort_key(entry: GlossaryEntry) -> str:
    """Alphabetical, ignoring quotes and case: "buffer zone" school sorts under b."""
    return entry.term.strip(_QUOTES + " ").casefold().translate({ord(q): None for q in _QUOTES})


def entries_sorted(entries) -> list[GlossaryEntry]:
    return sorted(entries, key=sort_key)


def _pattern(term: str) -> str:
    """A term as a regex: any quote for a quote, any dash for a dash, any space for a space."""
    parts = []
    for char in term.strip():
        if char in _QUOTES:
            parts.append(f"[{re.escape(_QUOTES)}]")
        elif char in _DASHES:
            parts.append(f"[{re.escape(_DASHES)}]")
        elif char.isspace():
            parts.append(r"\s+")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def _is_acronym(term: str) -> bool:
    letters = [c for c in term if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


class Glossary:
    """Finds glossary terms in text: acronyms (DPRK) in capitals only, other terms in any
    case, whole words only, with curly and straight quotes and all dashes alike."""

    def __init__(self, entries):
        self.entries = tuple(entries)
        names = [(name, entry) for entry in self.entries for name in (entry.term, *entry.also)]
        names.sort(key=lambda item: -len(item[0]))  # the longest of overlapping terms wins
        self._by_group: list[GlossaryEntry] = []
        pieces = []
        for name, entry in names:
            body = _pattern(name)
            if not _is_acronym(name):
                body = f"(?i:{body})"
            pieces.append(f"(?P<t{len(self._by_group)}>{body})")
            self._by_group.append(entry)
        self._regex = re.compile(r"(?<!\w)(?:" + "|".join(pieces) + r")(?!\w)") if pieces else None

    def find(self, text: str) -> list[TermMatch]:
        """Each use of a term in text, in order, never two overlapping."""
        if self._regex is None:
            return []
        found = []
        for match in self._regex.finditer(text):
            group = int(match.lastgroup[1:])
            found.append(TermMatch(match.start(), match.end(), self._by_group[group]))
        return found

    def terms_in(self, text: str) -> list[GlossaryEntry]:
        """The entries a text uses, each once, in order of first use."""
        return list(dict.fromkeys(m.entry for m in self.find(text)))
