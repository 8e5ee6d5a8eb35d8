"""Objectives no card quotes yet: sentences that say what someone seeks, wants, fears or
opposes, or name an objective or priority."""
from __future__ import annotations

import re

from ..coverage import SeedCoverage
from . import Suggestion, body_sentences
from .clauses import capitalised

CUES = re.compile(
    r"\b(?:seeks?|sought|seeking|wants?|wanted|opposes?|opposed to|opposing|is keen on|"
    r"are keen on|keen to|objectives?|priority|priorities|aims? to|aimed at|goals?|intends? to|"
    r"is determined to|are determined to|insists?|insisted|fears?|feared|"
    r"is averse|are averse|strives?|hopes? to|advocates?|would like to|calls? for|"
    r"is committed to|are committed to|pursue[sd]?)\b")
# An opening word or two before the subject: "First, China opposes ..."
_OPENING = re.compile(r"^(?:(?:First|Second|Third|Fourth|Finally|Indeed|However|Yet|Still|"
                      r"Moreover|Meanwhile|Interestingly|Instead|Thus|Therefore|In short),\s)+")
MAX_TITLE_WORDS = 10


def find(found: SeedCoverage) -> list[Suggestion]:
    text, suggestions = found.text, []
    for start, end in body_sentences(found):
        sentence = text[start:end]
        cue = CUES.search(sentence)
        if not cue or sentence.endswith("?") or found.is_covered(start, end):
            continue
        suggestions.append(Suggestion(
            "objective", _title(sentence), sentence, found.seed.id, start, end,
            f"states an aim, fear or policy ('{cue.group(0)}') no card quotes"))
    return suggestions


def _title(sentence: str) -> str:
    words = _OPENING.sub("", sentence).split()
    title = " ".join(words[:MAX_TITLE_WORDS]).rstrip(",;:.")
    return capitalised(title + ("…" if len(words) > MAX_TITLE_WORDS else ""))
