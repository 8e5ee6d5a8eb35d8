"""The choices a PDF export takes, each with the label the app shows: the one list the
command line, the export dialog and the exporter all read."""
from __future__ import annotations

from enum import StrEnum


class Choice(StrEnum):
    """A value written as the command line spells it, with a label for the app."""

    def __new__(cls, value: str, label: str):
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def values(cls) -> tuple[str, ...]:
        return tuple(member.value for member in cls)


class Layout(Choice):
    PACK = "pack", "Briefing pack"
    CARDS = "cards", "Cut-out cards"


class Paper(Choice):
    A4 = "a4", "A4"
    LETTER = "letter", "Letter"


class CardSize(Choice):
    INDEX = "index", "Index cards (5 × 3 in)"
    BUSINESS = "business", "Business cards (3.5 × 2 in)"


class Duplex(Choice):
    LONG = "long", "Double-sided, flip on long edge"
    SHORT = "short", "Double-sided, flip on short edge"
    FOLD = "fold", "Single-sided, fold over"


class Each(Choice):
    """What one cut-out card holds."""

    PROMPT = "prompt", "One card per prompt: a question, its answer on the back"
    CARD = "card", "One card per briefing card: front and back whole"


OPTIONS = {"layout": Layout, "paper": Paper, "card size": CardSize, "duplex": Duplex,
           "each": Each}
