"""Card Info: for each prompt of a card, what the scheduler knows of it and every review
(when, the rating, the time taken, the interval it gave), as Anki's Card Info shows them.

`card_info` gathers the values; `summary` and `review_rows` give the text the dialog shows.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from .model import Card, Prompt
from .progress import ProgressStore
from .progress_schema import UNASSIGNED_PROMPT
from .scheduling import RATINGS, CardState, figures_in, interval_text, state_in

STATE_NAMES = {CardState.LEARNING: "Learning", CardState.REVIEW: "Review",
               CardState.RELEARNING: "Relearning"}


@dataclass(frozen=True)
class ReviewLine:
    at: datetime
    rating: int
    duration: timedelta | None  # how long the answer took
    interval: timedelta | None  # from this review to the due it set


@dataclass(frozen=True)
class PromptInfo:
    prompt: Prompt
    state: CardState | None        # None: new
    added: datetime | None         # its first review
    due: datetime | None
    interval: timedelta | None     # from its last review to its due
    stability: float | None        # days
    difficulty: float | None       # 1 to 10
    reviews: int
    lapses: int                    # Again given in the Review state
    history: tuple[ReviewLine, ...]


def card_info(store: ProgressStore, card: Card) -> tuple[PromptInfo, ...]:
    """Each studied prompt of the card with what the store knows of it."""
    rows = store.history(card.topic, card.id)
    first = card.studied_prompts[0].id
    infos = []
    for prompt in card.studied_prompts:
        # A card studied before it had prompts keeps that progress for its first prompt.
        ids = {prompt.id, UNASSIGNED_PROMPT} if prompt.id == first else {prompt.id}
        mine = [row for row in rows if row.prompt in ids]
        memory = store.one(card.topic, card.id, prompt.id) or (
            store.one(card.topic, card.id, UNASSIGNED_PROMPT) if prompt.id == first else None)
        history = tuple(_line(row) for row in mine)
        figures = figures_in(memory.data) if memory else None
        last = history[-1].at if history else None
        infos.append(PromptInfo(
            prompt, memory.state if memory else None, history[0].at if history else None,
            memory.due if memory else None,
            memory.due - last if memory and last else None,
            figures.stability if figures else None, figures.difficulty if figures else None,
            len(history),
            sum(1 for row in mine if row.rating == 1 and state_in(row.state_before)
                == CardState.REVIEW),
            history))
    return tuple(infos)


def _line(row) -> ReviewLine:
    at = datetime.fromisoformat(row.reviewed_at)
    after = figures_in(row.state_after)
    return ReviewLine(at, row.rating,
                      timedelta(milliseconds=row.duration_ms) if row.duration_ms is not None
                      else None, after.due - at if after else None)


# -- the text the dialog shows ----------------------------------------------------------

def moment_text(moment: datetime | None) -> str:
    """'25 Nov 2026 09:10' in local time; '' for none."""
    if moment is None:
        return ""
    local = moment.astimezone()
    return f"{local.day} {local:%b %Y %H:%M}"


def duration_text(duration: timedelta | None) -> str:
    """'4.2s', '1m 05s'; '' when not recorded."""
    if duration is None:
        return ""
    seconds = duration.total_seconds()
    if seconds < 60:
        return f"{seconds:.1f}s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}m {rest:02d}s"


def summary(info: PromptInfo) -> list[tuple[str, str]]:
    """(label, value) of one prompt, in the order shown."""
    if info.state is None:
        return [("State", "New: not studied yet")]
    return [("State", STATE_NAMES[info.state]), ("First review", moment_text(info.added)),
            ("Due", moment_text(info.due)),
            ("Interval", interval_text(info.interval) if info.interval is not None else ""),
            ("Stability", f"{info.stability:.2f} days" if info.stability is not None else ""),
            ("Difficulty", f"{info.difficulty:.1f} of 10" if info.difficulty is not None
             else ""),
            ("Reviews", str(info.reviews)), ("Lapses", str(info.lapses))]


REVIEW_HEADINGS = ("Date", "Rating", "Time", "Interval")


def review_rows(info: PromptInfo) -> list[tuple[str, str, str, str]]:
    """One row per review, oldest first: date, rating, time taken, interval given."""
    return [(moment_text(line.at), RATINGS[line.rating], duration_text(line.duration),
             interval_text(line.interval) if line.interval is not None else "")
            for line in info.history]
