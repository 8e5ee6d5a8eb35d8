"""Custom study, as in Anki's, without touching the schedule: a Quiz over the prompts a
student picks: all that the filter shows, the lapsed, the hardest, or the flagged."""
from __future__ import annotations

from datetime import UTC, datetime

from ..progress import ProgressStore
from ..scheduling import CardState, difficulty_of, state_in
from .items import Item

ALL, LAPSED, HARDEST, FLAGGED = "all", "lapsed", "hardest", "flagged"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)  # the bounds of "all time"
_FAR = datetime(9999, 1, 1, tzinfo=UTC)
CHOICES = {ALL: "Every prompt the filter shows",
           LAPSED: "Prompts forgotten after they were learned (lapsed)",
           HARDEST: "The hardest prompts (highest difficulty)",
           FLAGGED: "Flagged prompts"}


def choose(store: ProgressStore, items: list[Item], choice: str, limit: int = 50) -> list[Item]:
    """The items for a custom session, at most `limit`, hardest first where it matters."""
    topics = sorted({item.topic for item in items})
    if choice == ALL:
        return items[:limit]
    if choice == FLAGGED:
        flagged = {(t, c, p) for t in topics for (c, p), m in store.marks(t).items() if m.flagged}
        return [i for i in items if i.key in flagged][:limit]
    if choice == LAPSED:
        lapses: dict[tuple[str, str, str], int] = {}
        for row in store.reviews_between(_EPOCH, _FAR, topics):
            if row.rating == 1 and state_in(row.state_before) == CardState.REVIEW:
                key = (row.topic, row.card, row.prompt)
                lapses[key] = lapses.get(key, 0) + 1
        lapsed = [i for i in items if i.key in lapses]
        return sorted(lapsed, key=lambda i: -lapses[i.key])[:limit]
    memories = {(t, c, p): m for t in topics for (c, p), m in store.scheduled(t).items()}
    studied = [(difficulty_of(memories[i.key]), n, i) for n, i in enumerate(items)
               if i.key in memories and difficulty_of(memories[i.key]) is not None]
    return [i for _d, _n, i in sorted(studied, key=lambda entry: (-entry[0], entry[1]))][:limit]
