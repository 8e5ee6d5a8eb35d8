"""The ways of going through cards."""
from __future__ import annotations

from enum import StrEnum


class Mode(StrEnum):
    STUDY = "study"    # scheduled: due cards, then new ones; grades are saved
    BROWSE = "browse"  # every card in order; the schedule is left alone
    QUIZ = "quiz"      # shuffled, scored; the schedule is left alone

    @property
    def label(self) -> str:
        return self.value.capitalize()
